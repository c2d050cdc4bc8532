//! `participe pb count FILE --rule R [--format json]`: counts a pabulib `.pb`
//! file with one of the participatory-budget rules of `participe_domain::pb`.

use std::path::Path;

use anyhow::{Context, anyhow};
use participe_domain::pb::{self, Rule};

/// Reads and counts `path` with the rule named `rule` and returns the text to
/// print (without a final newline): the selected project ids one per line in
/// natural order ("2" before "10"), or with `json` a single line
/// `{"rule": …, "selected": [ids…], "total_cost": …}` where the total cost
/// is an integer when it is one and a float otherwise.
pub fn count_command(path: &Path, rule: &str, json: bool) -> anyhow::Result<String> {
    let rule = Rule::from_name(rule).ok_or_else(|| anyhow!("unknown rule {rule:?}; valid rules: {}", Rule::names()))?;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| anyhow!("{}: not UTF-8 text ({e})", path.display()))?;
    let election = pb::parse(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let outcome = pb::count_rule(&election, rule).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let selected = outcome.selected_ids(&election);
    if !json {
        return Ok(selected.join("\n"));
    }
    let total_cost = match outcome.total_cost_integer() {
        Some(n) => serde_json::Value::from(n),
        None => serde_json::Value::from(outcome.total_cost_f64()),
    };
    let value = serde_json::json!({
        "rule": rule.name(),
        "selected": selected,
        "total_cost": total_cost,
    });
    Ok(value.to_string())
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
