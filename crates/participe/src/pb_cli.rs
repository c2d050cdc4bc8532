//! `participe pb count FILE --rule R [--format json]`: counts a pabulib `.pb`
//! file with one of the participatory-budget rules of `participe_domain::pb`;
//! `--all-rules` counts it with every rule on one parse, with each one's time.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow};
use participe_domain::pb::{self, Election, Outcome, Rule};

/// Reads and counts `path` with the rule named `rule` and returns the text to
/// print (without a final newline): the selected project ids one per line in
/// natural order ("2" before "10"), or with `json` a single line
/// `{"rule": …, "selected": [ids…], "total_cost": …}` where the total cost
/// is an integer when it is one and a float otherwise.
pub fn count_command(path: &Path, rule: &str, json: bool) -> anyhow::Result<String> {
    let rule = Rule::from_name(rule).ok_or_else(|| anyhow!("unknown rule {rule:?}; valid rules: {}", Rule::names()))?;
    let election = read(path)?;
    let outcome = pb::count_rule(&election, rule).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let selected = outcome.selected_ids(&election);
    if !json {
        return Ok(selected.join("\n"));
    }
    let value = serde_json::json!({
        "rule": rule.name(),
        "selected": selected,
        "total_cost": total_cost(&outcome),
    });
    Ok(value.to_string())
}

/// Reads and parses a `.pb` file.
fn read(path: &Path) -> anyhow::Result<Election> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| anyhow!("{}: not UTF-8 text ({e})", path.display()))?;
    pb::parse(&text).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// An integer when the total is one, a float otherwise.
fn total_cost(outcome: &Outcome) -> serde_json::Value {
    match outcome.total_cost_integer() {
        Some(n) => serde_json::Value::from(n),
        None => serde_json::Value::from(outcome.total_cost_f64()),
    }
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e5).round() / 100.0
}

/// Reads `path` once and counts it with every rule, in [`Rule::ALL`]'s
/// order, on one [`pb::Counter`] (so a rule reuses the Equal Shares runs of
/// the rules before it). Returns a table, or with `json` one line
/// `{"file", "voters", "projects", "vote_type", "parse_ms", "total_ms",
/// "rules": [{"rule", "selected", "total_cost", "ms"} or {"rule", "error"}]}`.
pub fn all_rules_command(path: &Path, json: bool) -> anyhow::Result<String> {
    let started = Instant::now();
    let election = read(path)?;
    let parse_time = started.elapsed();
    let mut counter = pb::Counter::new(&election);
    let mut rows = vec![];
    for rule in Rule::ALL {
        let t = Instant::now();
        let result = rule.method(election.vote_type).and_then(|m| counter.run(m));
        rows.push((rule, result, t.elapsed()));
    }
    let total = started.elapsed();
    let name = path.display().to_string();
    if json {
        let rules: Vec<serde_json::Value> = rows
            .iter()
            .map(|(rule, result, time)| match result {
                Ok(o) => serde_json::json!({
                    "rule": rule.name(),
                    "selected": o.selected_ids(&election),
                    "total_cost": total_cost(o),
                    "ms": ms(*time),
                }),
                Err(e) => serde_json::json!({ "rule": rule.name(), "error": e.to_string() }),
            })
            .collect();
        let value = serde_json::json!({
            "file": name,
            "voters": election.num_voters(),
            "projects": election.projects.len(),
            "vote_type": election.vote_type.as_str(),
            "parse_ms": ms(parse_time),
            "total_ms": ms(total),
            "rules": rules,
        });
        return Ok(value.to_string());
    }
    let mut out = format!(
        "{name}: {} voters, {} projects, {} ballots; read and parsed in {} ms\n{:<20} {:>10} {:>8} {:>14}  selected\n",
        election.num_voters(),
        election.projects.len(),
        election.vote_type.as_str(),
        ms(parse_time),
        "rule",
        "ms",
        "projects",
        "total cost",
    );
    for (rule, result, time) in &rows {
        let line = match result {
            Ok(o) => format!(
                "{:<20} {:>10.2} {:>8} {:>14}  {}",
                rule.name(),
                ms(*time),
                o.order.len(),
                total_cost(o).to_string(),
                o.selected_ids(&election).join(" ")
            ),
            Err(e) => format!("{:<20} {:>10} {:>8} {:>14}  ({e})", rule.name(), "-", "-", "-"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!(
        "all rules: {} ms in all (ms: each rule's own work; a rule reuses the Equal Shares runs of the rules above it)",
        ms(total)
    ));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), text).unwrap();
        f
    }

    const PB: &str = "META\nkey;value\nbudget;10.5\nvote_type;approval\nPROJECTS\nproject_id;cost\n10;5.25\n9;5.25\n2;6\n\
        VOTES\nvoter_id;vote\n1;10,9\n2;9,10\n";

    #[test]
    fn prints_ids_or_json() {
        let f = file(PB);
        assert_eq!(count_command(f.path(), "greedy", false).unwrap(), "9\n10");
        assert_eq!(
            count_command(f.path(), "greedy", true).unwrap(),
            r#"{"rule":"greedy","selected":["9","10"],"total_cost":10.5}"#
        );
        assert_eq!(
            count_command(f.path(), "phragmen", true).unwrap(),
            r#"{"rule":"phragmen","selected":["9","10"],"total_cost":10.5}"#
        );
    }

    #[test]
    fn counts_every_rule_on_one_parse() {
        let f = file(PB);
        let json: serde_json::Value = serde_json::from_str(&all_rules_command(f.path(), true).unwrap()).unwrap();
        assert_eq!(json["voters"], 2);
        assert_eq!(json["projects"], 3);
        let rules = json["rules"].as_array().unwrap();
        assert_eq!(rules.len(), Rule::ALL.len());
        for (rule, row) in Rule::ALL.iter().zip(rules) {
            assert_eq!(row["rule"], rule.name());
            // Each row is what counting with that rule alone gives.
            let alone = count_command(f.path(), rule.name(), true);
            match alone {
                Ok(text) => {
                    let alone: serde_json::Value = serde_json::from_str(&text).unwrap();
                    assert_eq!(row["selected"], alone["selected"], "{}", rule.name());
                    assert_eq!(row["total_cost"], alone["total_cost"], "{}", rule.name());
                    assert!(row["ms"].as_f64().unwrap() >= 0.0);
                }
                Err(e) => assert!(e.to_string().contains(row["error"].as_str().unwrap()), "{e}"),
            }
        }
        let phragmen = rules.iter().find(|r| r["rule"] == "phragmen").unwrap();
        assert_eq!(phragmen["selected"], serde_json::json!(["9", "10"]));
        let f = file(&PB.replace("approval", "ordinal"));
        let table = all_rules_command(f.path(), false).unwrap();
        assert!(table.contains("2 voters, 3 projects, ordinal ballots"), "{table}");
        let phragmen = table.lines().find(|l| l.starts_with("phragmen ")).unwrap();
        assert!(phragmen.contains("approval ballots"), "{phragmen}");
        let greedy = table.lines().find(|l| l.starts_with("greedy ")).unwrap();
        assert!(
            greedy.ends_with("10.5  9 10") || greedy.ends_with("21/2  9 10"),
            "{greedy}"
        );
    }

    #[test]
    fn explains_what_goes_wrong() {
        let f = file(PB);
        let err = count_command(f.path(), "borda", false).unwrap_err().to_string();
        assert!(
            err.contains("unknown rule \"borda\"") && err.contains("mes-add1-greedy"),
            "{err}"
        );
        let err = count_command(Path::new("/nonexistent.pb"), "mes", false).unwrap_err();
        assert!(err.to_string().contains("cannot read"), "{err}");
        let f = file(&PB.replace("2;6", "2;six"));
        let err = count_command(f.path(), "mes", false).unwrap_err().to_string();
        assert!(err.contains("line 9") && err.contains("six"), "{err}");
        let f = file(&PB.replace("approval", "ordinal"));
        let err = count_command(f.path(), "phragmen", false).unwrap_err().to_string();
        assert!(err.contains("approval ballots"), "{err}");
    }
}
