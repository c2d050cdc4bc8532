//! The pabulib `.pb` writer: the inverse of [`parse`](super::parse).
//!
//! [`write`] produces the three sections in order:
//!
//! - `META`: the header `key;value`, then the election's META rows in order.
//!   The `budget` and `vote_type` rows keep their text when it means the
//!   election's [`budget`](Election::budget) and
//!   [`vote_type`](Election::vote_type); otherwise (or when missing) they are
//!   written from those fields.
//! - `PROJECTS`: `project_id;cost`, then `name` and `selected` when a project
//!   has one, then the extra columns of [`Extras::project_columns`].
//! - `VOTES`: `voter_id;vote`, then `points` for cumulative and scoring
//!   ballots, then the extra columns of [`Extras::voter_columns`].
//!
//! Fields are CSV-quoted as pabutools' `csv.reader(delimiter=";")` expects: a
//! field holding `;`, `"` or a line break is wrapped in `"` and each `"`
//! inside is doubled. Amounts (costs, the budget, points) are written as
//! integers when they are integers (`1200`), as exact decimals when they
//! terminate (`106165.64`), and as fractions otherwise (`1/3`, which both this
//! parser and gmpy2's `mpq` read). A missing value is written `none`, which
//! readers drop.
//!
//! What the format cannot carry, so [`parse`](super::parse) does not give it
//! back: leading or trailing spaces in any field (readers trim them); a line
//! break inside a field (readers join the lines); a `,` in a project id (the
//! `vote` column is a comma list); a value `none` (in any case), which reads
//! as missing; and a project id, voter id or META key reading `META`,
//! `PROJECTS` or `VOTES` (in any case), which reads as a section title.

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, Zero};

use super::{Election, VoteType};

/// Columns that the election does not hold, written after the standard ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    /// Voter ids, by ballot index; a ballot past the end of the list gets its
    /// 1-based index.
    pub voter_ids: Vec<String>,
    /// Extra PROJECTS columns, such as `votes`, `score`, `category` or
    /// `district`.
    pub project_columns: Vec<ProjectColumn>,
    /// Extra VOTES columns, such as `voting_method` (`internet`, `paper`),
    /// `district` or `age`.
    pub voter_columns: Vec<VoterColumn>,
}

/// An extra PROJECTS column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectColumn {
    pub name: String,
    /// Values by project id; a project without one gets `none`.
    pub values: BTreeMap<String, String>,
}

/// An extra VOTES column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoterColumn {
    pub name: String,
    /// Values by ballot index; `None` (or a ballot past the end) is `none`.
    pub values: Vec<Option<String>>,
}

/// Columns that [`write`] always fills from the election; extra columns with
/// these names are not written. (An extra `name` or `selected` column, on the
/// other hand, replaces the one built from the projects.)
const PROJECT_BASE: [&str; 2] = ["project_id", "cost"];
const VOTER_BASE: [&str; 3] = ["voter_id", "vote", "points"];

/// The `.pb` text of an election, with extra columns.
pub fn write(election: &Election, extra: &Extras) -> String {
    let mut out = write_head(election, extra);
    write_vote_rows(&mut out, election, extra);
    out
}

/// Everything up to the VOTES header line included: META, PROJECTS and the
/// VOTES columns. With [`write_vote_rows`] on successive slices of the
/// ballots, a file of any size can be written piece by piece (the META's
/// `num_votes` is then the caller's to set).
pub fn write_head(election: &Election, extra: &Extras) -> String {
    let mut out = String::new();
    write_meta(&mut out, election);
    write_projects(&mut out, election, extra);
    write_votes_header(&mut out, election, extra);
    out
}

/// The VOTES rows of `election.ballots`, with the extra voter columns of
/// `extra` indexed like those ballots.
pub fn write_vote_rows(out: &mut String, election: &Election, extra: &Extras) {
    write_votes_body(out, election, extra);
}

fn write_meta(out: &mut String, e: &Election) {
    out.push_str("META\nkey;value\n");
    let budget_ok = |v: &str| super::parse_rational(&v.replace(',', ".")).is_some_and(|b| b == e.budget);
    let vote_type_ok = |v: &str| VoteType::parse(v) == Some(e.vote_type);
    let mut has_budget = false;
    let mut has_vote_type = false;
    for (key, value) in &e.meta {
        let value = match key.as_str() {
            "budget" => {
                has_budget = true;
                if budget_ok(value) {
                    value.clone()
                } else {
                    amount(&e.budget)
                }
            }
            "vote_type" => {
                has_vote_type = true;
                if vote_type_ok(value) {
                    value.clone()
                } else {
                    e.vote_type.as_str().to_string()
                }
            }
            _ => value.clone(),
        };
        row(out, [key.as_str(), value.as_str()]);
    }
    if !has_budget {
        row(out, ["budget", &amount(&e.budget)]);
    }
    if !has_vote_type {
        row(out, ["vote_type", e.vote_type.as_str()]);
    }
}

fn write_projects(out: &mut String, e: &Election, extra: &Extras) {
    let extras: Vec<&ProjectColumn> = extra
        .project_columns
        .iter()
        .filter(|c| !PROJECT_BASE.contains(&c.name.as_str()))
        .collect();
    let replaced = |name: &str| extras.iter().any(|c| c.name == name);
    let with_name = e.projects.iter().any(|p| p.name.is_some()) && !replaced("name");
    let with_selected = e.projects.iter().any(|p| p.selected.is_some()) && !replaced("selected");

    out.push_str("PROJECTS\n");
    let mut header = vec!["project_id", "cost"];
    if with_name {
        header.push("name");
    }
    if with_selected {
        header.push("selected");
    }
    header.extend(extras.iter().map(|c| c.name.as_str()));
    row(out, header);

    for p in &e.projects {
        let mut cells = vec![p.id.clone(), amount(&p.cost)];
        if with_name {
            cells.push(or_none(p.name.as_deref()));
        }
        if with_selected {
            cells.push(or_none(p.selected.as_deref()));
        }
        cells.extend(extras.iter().map(|c| or_none(c.values.get(&p.id).map(String::as_str))));
        row(out, cells.iter().map(String::as_str));
    }
}

fn voter_extras(extra: &Extras) -> Vec<&VoterColumn> {
    extra
        .voter_columns
        .iter()
        .filter(|c| !VOTER_BASE.contains(&c.name.as_str()))
        .collect()
}

fn write_votes_header(out: &mut String, e: &Election, extra: &Extras) {
    out.push_str("VOTES\n");
    let mut header = vec!["voter_id", "vote"];
    if e.vote_type.has_points() {
        header.push("points");
    }
    header.extend(voter_extras(extra).iter().map(|c| c.name.as_str()));
    row(out, header);
}

fn write_votes_body(out: &mut String, e: &Election, extra: &Extras) {
    let extras = voter_extras(extra);
    let with_points = e.vote_type.has_points();
    for (index, ballot) in e.ballots.iter().enumerate() {
        let voter_id = extra
            .voter_ids
            .get(index)
            .cloned()
            .unwrap_or_else(|| (index + 1).to_string());
        let vote = ballot
            .iter()
            .map(|&p| e.projects[p as usize].id.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let mut cells = vec![voter_id, vote];
        if with_points {
            let points = e.points_of(index).iter().map(amount).collect::<Vec<_>>().join(",");
            cells.push(points);
        }
        cells.extend(
            extras
                .iter()
                .map(|c| or_none(c.values.get(index).and_then(|v| v.as_deref()))),
        );
        row(out, cells.iter().map(String::as_str));
    }
}

fn or_none(value: Option<&str>) -> String {
    value.unwrap_or("none").to_string()
}

/// One CSV row, `;`-separated, ended by `\n`.
fn row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_field(out, cell);
    }
    out.push('\n');
}

/// A line break for Python's `str.splitlines`, which readers split on first.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A field, wrapped in quotes (inner quotes doubled) when it holds `;`, `"`
/// or a line break.
fn push_field(out: &mut String, field: &str) {
    if field.chars().any(|c| c == ';' || c == '"' || is_line_break(c)) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// An exact amount: `12`, `-0.25`, `106165.64`, or `1/3` when the decimal
/// expansion does not terminate.
pub fn amount(value: &BigRational) -> String {
    if value.is_integer() {
        return value.numer().to_string();
    }
    // Reduced, with a positive denominator: terminates iff the denominator is 2^a·5^b.
    let denom = value.denom().clone();
    let two = BigInt::from(2);
    let five = BigInt::from(5);
    let mut rest = denom.clone();
    let (mut twos, mut fives) = (0usize, 0usize);
    while rest.is_multiple_of(&two) {
        rest /= &two;
        twos += 1;
    }
    while rest.is_multiple_of(&five) {
        rest /= &five;
        fives += 1;
    }
    if rest != BigInt::from(1) {
        return format!("{}/{}", value.numer(), denom);
    }
    let places = twos.max(fives);
    let scaled = value.numer().abs() * num_traits::pow(BigInt::from(10), places) / &denom;
    let digits = format!("{:0>width$}", scaled.to_string(), width = places + 1);
    let (int_part, frac_part) = digits.split_at(digits.len() - places);
    let sign = if value.is_negative() { "-" } else { "" };
    debug_assert!(!frac_part.is_empty() && !value.is_zero());
    format!("{sign}{int_part}.{frac_part}")
}

#[cfg(test)]
mod tests {
    use super::super::{Ballots, Project, parse};
    use super::*;
    use proptest::prelude::*;

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    fn project(id: &str, cost: BigRational, name: Option<&str>, selected: Option<&str>) -> Project {
        Project {
            id: id.to_string(),
            cost,
            name: name.map(str::to_string),
            selected: selected.map(str::to_string),
            line: 0,
        }
    }

    /// Everything [`parse`] reads back, without line numbers and warnings.
    fn comparable(e: &Election) -> impl PartialEq + std::fmt::Debug {
        let projects: Vec<_> = e
            .projects
            .iter()
            .map(|p| (p.id.clone(), p.cost.clone(), p.name.clone(), p.selected.clone()))
            .collect();
        (
            e.meta.clone(),
            e.vote_type,
            e.budget.clone(),
            projects,
            e.ballots.clone(),
            e.points.clone(),
        )
    }

    #[test]
    fn amounts_are_exact() {
        assert_eq!(amount(&q(1200, 1)), "1200");
        assert_eq!(amount(&q(0, 1)), "0");
        assert_eq!(amount(&q(10616564, 100)), "106165.64");
        assert_eq!(amount(&q(-1, 4)), "-0.25");
        assert_eq!(amount(&q(1, 80)), "0.0125");
        assert_eq!(amount(&q(1, 3)), "1/3");
        assert_eq!(amount(&q(-7, 6)), "-7/6");
        for value in [q(10616564, 100), q(-1, 4), q(1, 80), q(1, 3), q(-7, 6), q(5, 1)] {
            assert_eq!(super::super::parse_rational(&amount(&value)), Some(value));
        }
    }

    #[test]
    fn writes_the_three_sections_with_quoting_and_extras() {
        let e = Election {
            meta: vec![
                ("description".into(), "Quartier \"Nord\"; 2026".into()),
                ("budget".into(), "1000.0".into()),
                ("vote_type".into(), "cumulative".into()),
            ],
            vote_type: VoteType::Cumulative,
            budget: q(1000, 1),
            projects: vec![
                project("10", q(2501, 10), Some("Bancs; tables"), Some("1")),
                project("9", q(100, 1), None, Some("0")),
            ],
            ballots: vec![vec![1, 0], vec![]].into(),
            points: Some(vec![q(3, 1), q(1, 2)]),
            warnings: vec![],
        };
        let extras = Extras {
            voter_ids: vec!["v-1".into()],
            project_columns: vec![
                ProjectColumn {
                    name: "votes".into(),
                    values: [("10".to_string(), "1".to_string())].into(),
                },
                // Built from the election: skipped.
                ProjectColumn {
                    name: "cost".into(),
                    values: [("10".to_string(), "0".to_string())].into(),
                },
            ],
            voter_columns: vec![VoterColumn {
                name: "voting_method".into(),
                values: vec![Some("paper".into()), Some("in\nternet".into())],
            }],
        };
        let text = write(&e, &extras);
        assert_eq!(
            text,
            "META\nkey;value\ndescription;\"Quartier \"\"Nord\"\"; 2026\"\nbudget;1000.0\nvote_type;cumulative\n\
             PROJECTS\nproject_id;cost;name;selected;votes\n10;250.1;\"Bancs; tables\";1;1\n9;100;none;0;none\n\
             VOTES\nvoter_id;vote;points;voting_method\nv-1;9,10;3,0.5;paper\n2;;;\"in\nternet\"\n"
        );
        let back = parse(&text).unwrap();
        assert_eq!(comparable(&back), comparable(&e));
    }

    #[test]
    fn budget_and_vote_type_follow_the_election() {
        let mut e = parse("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\nv;1\n")
            .unwrap();
        // Same value, other spelling: kept.
        e.meta[0].1 = "10,0".into();
        assert!(write(&e, &Extras::default()).contains("\nbudget;10,0\n"));
        // Stale META values are replaced, missing ones added.
        e.budget = q(21, 2);
        e.vote_type = VoteType::Choose1;
        let text = write(&e, &Extras::default());
        assert!(
            text.starts_with("META\nkey;value\nbudget;10.5\nvote_type;choose-1\nPROJECTS\n"),
            "{text}"
        );
        e.meta.clear();
        let text = write(&e, &Extras::default());
        assert!(
            text.starts_with("META\nkey;value\nbudget;10.5\nvote_type;choose-1\nPROJECTS\n"),
            "{text}"
        );
        assert_eq!(parse(&text).unwrap().budget, q(21, 2));
    }

    /// A field that survives the round trip: no surrounding spaces, no line
    /// break, not `none`, not a section title.
    fn awkward(allow_comma: bool) -> impl Strategy<Value = String> {
        let pattern = if allow_comma {
            "[a-zA-Z0-9;\" ,/é-]{1,8}"
        } else {
            "[a-zA-Z0-9;\" /é-]{1,8}"
        };
        pattern.prop_filter("round-trippable", |s| {
            s.trim() == s && !["none", "meta", "projects", "votes"].contains(&s.to_lowercase().as_str())
        })
    }

    fn rational() -> impl Strategy<Value = BigRational> {
        (
            0i64..100_000,
            prop::sample::select(vec![1i64, 2, 3, 4, 7, 10, 100, 1000]),
        )
            .prop_map(|(n, d)| q(n, d))
    }

    fn election() -> impl Strategy<Value = Election> {
        let vote_type = prop::sample::select(vec![
            VoteType::Approval,
            VoteType::Choose1,
            VoteType::Ordinal,
            VoteType::Cumulative,
            VoteType::Scoring,
        ]);
        let projects = prop::collection::btree_map(
            awkward(false),
            (
                rational(),
                prop::option::of(awkward(true)),
                prop::option::of(prop::sample::select(vec!["0", "1", "2"])),
            ),
            1..6,
        );
        let meta = prop::collection::btree_map(
            awkward(false).prop_filter("not budget or vote_type", |k| k != "budget" && k != "vote_type"),
            awkward(true),
            0..4,
        );
        let ballots = prop::collection::vec(prop::collection::vec((0usize..6, -5i64..50), 0..6), 0..8);
        (vote_type, rational(), projects, meta, ballots).prop_map(|(vote_type, budget, projects, meta, raw)| {
            let projects: Vec<Project> = projects
                .into_iter()
                .map(|(id, (cost, name, selected))| project(&id, cost, name.as_deref(), selected))
                .collect();
            let mut meta: Vec<(String, String)> = meta.into_iter().collect();
            meta.insert(0, ("vote_type".into(), vote_type.as_str().into()));
            meta.push(("budget".into(), amount(&budget)));
            let mut ballots = Ballots::new();
            let mut points = Vec::new();
            for entries in raw {
                let mut ballot: Vec<u32> = Vec::new();
                let mut values = Vec::new();
                for (p, v) in entries {
                    let p = (p % projects.len()) as u32;
                    if !ballot.contains(&p) {
                        ballot.push(p);
                        values.push(q(v, 4));
                    }
                }
                if vote_type.is_approval() {
                    ballot.sort_unstable();
                }
                ballots.push(&ballot);
                points.extend(values);
            }
            Election {
                meta,
                vote_type,
                budget,
                projects,
                ballots,
                points: vote_type.has_points().then_some(points),
                warnings: vec![],
            }
        })
    }

    proptest! {
        #[test]
        fn parse_gives_back_what_write_wrote(e in election(), ids in prop::collection::vec(awkward(true), 0..8)) {
            let extras = Extras { voter_ids: ids, ..Extras::default() };
            let text = write(&e, &extras);
            let back = parse(&text).map_err(|err| TestCaseError::fail(format!("{err}\n{text}")))?;
            prop_assert_eq!(comparable(&back), comparable(&e), "{}", text);
        }
    }
}

#[cfg(test)]
mod piecewise {
    use super::super::Ballots;
    use super::*;

    #[test]
    fn head_and_rows_in_pieces_make_the_whole_file() {
        let text = "META\nkey;value\nbudget;10\nvote_type;approval\nnum_votes;3\nPROJECTS\nproject_id;cost;name\n\
                    1;4;\"A; b\"\n2;6;C\nVOTES\nvoter_id;vote;age\nx;1;30\ny;1,2;none\nz;2;45\n";
        let e = crate::pb::parse(text).unwrap();
        let extra = |range: std::ops::Range<usize>| Extras {
            voter_ids: ["x", "y", "z"][range.clone()].iter().map(|s| s.to_string()).collect(),
            voter_columns: vec![VoterColumn {
                name: "age".into(),
                values: [Some("30"), None, Some("45")][range]
                    .iter()
                    .map(|v| v.map(String::from))
                    .collect(),
            }],
            ..Default::default()
        };
        let whole = write(&e, &extra(0..3));
        let mut pieces = write_head(
            &Election {
                ballots: Ballots::new(),
                ..e.clone()
            },
            &extra(0..0),
        );
        for range in [0..2, 2..3] {
            let part = Election {
                ballots: e.ballots.slice(range.clone()),
                ..e.clone()
            };
            write_vote_rows(&mut pieces, &part, &extra(range));
        }
        assert_eq!(pieces, whole);
        assert_eq!(crate::pb::parse(&pieces).unwrap().ballots, e.ballots);
    }
}
