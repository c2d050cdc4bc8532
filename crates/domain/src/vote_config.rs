//! The configuration of a vote step, as a manager submits it: mode, limits,
//! envelope, requirements, counting rule. Parsing checks every value and
//! reports problems per field.

use crate::form::parse_optional_count;
use crate::vote::{Requirements, VoteMode};
use crate::{FieldErrors, text};

/// How the winners of a vote step are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountingRule {
    /// Most votes first, skipping what no longer fits the budget.
    Greedy,
    /// The top K of each district first (within its envelope), then greedy.
    Territorial,
    /// Most votes per unit of cost first.
    GreedyRatio,
    /// Method of Equal Shares (cost utilities).
    Mes,
    MesAdd1,
    MesAdd1Greedy,
    MesGreedy,
    /// Sequential Phragmén.
    Phragmen,
}

impl CountingRule {
    pub const ALL: [CountingRule; 8] = [
        CountingRule::Greedy,
        CountingRule::Territorial,
        CountingRule::GreedyRatio,
        CountingRule::Mes,
        CountingRule::MesAdd1,
        CountingRule::MesAdd1Greedy,
        CountingRule::MesGreedy,
        CountingRule::Phragmen,
    ];

    /// The stored name, also the `participe pb count --rule` name where one exists.
    pub fn as_str(self) -> &'static str {
        match self {
            CountingRule::Greedy => "greedy",
            CountingRule::Territorial => "territorial",
            CountingRule::GreedyRatio => "greedy-ratio",
            CountingRule::Mes => "mes",
            CountingRule::MesAdd1 => "mes-add1",
            CountingRule::MesAdd1Greedy => "mes-add1-greedy",
            CountingRule::MesGreedy => "mes-greedy",
            CountingRule::Phragmen => "phragmen",
        }
    }

    pub fn parse(s: &str) -> Result<CountingRule, &'static str> {
        CountingRule::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or("error-rule-unknown")
    }

    /// Whether the rule needs each voter's ballot (proportional rules), so
    /// that paper tallies cannot take part in it.
    pub fn needs_ballots(self) -> bool {
        !matches!(
            self,
            CountingRule::Greedy | CountingRule::Territorial | CountingRule::GreedyRatio
        )
    }
}

/// Where the proposals on the ballot come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The admissible proposals of a collect step.
    Admissible,
    /// A manual selection of proposals.
    Manual,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Admissible => "admissible",
            Source::Manual => "manual",
        }
    }

    pub fn parse(s: &str) -> Result<Source, &'static str> {
        match s.trim() {
            "admissible" => Ok(Source::Admissible),
            "manual" => Ok(Source::Manual),
            _ => Err("error-choice-invalid"),
        }
    }
}

/// A vote configuration form as submitted.
#[derive(Debug, Clone, Default)]
pub struct RawVoteConfig<'a> {
    pub mode: &'a str,
    pub source: &'a str,
    pub min_choices: &'a str,
    pub max_choices: &'a str,
    pub envelope: &'a str,
    pub min_spend_percent: &'a str,
    pub per_district: bool,
    pub counts_public: bool,
    pub req_confirmed_email: bool,
    pub req_verified_identity: bool,
    pub req_id_code: bool,
    pub req_phone: bool,
    pub req_min_age: &'a str,
    pub req_postal_codes: &'a str,
    pub req_accept_rules: bool,
    pub rules_text: &'a str,
    pub counting_rule: &'a str,
    pub territorial_k: &'a str,
}

/// A valid vote configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteConfig {
    pub mode: &'static str,
    pub source: Source,
    pub min_choices: Option<i64>,
    pub max_choices: Option<i64>,
    pub envelope: Option<i64>,
    pub min_spend_percent: Option<i64>,
    pub per_district: bool,
    pub counts_public: bool,
    pub req_confirmed_email: bool,
    pub req_verified_identity: bool,
    pub req_id_code: bool,
    pub req_phone: bool,
    pub req_min_age: Option<i64>,
    /// Normalised: one code per line, trimmed, no empties.
    pub req_postal_codes: String,
    pub req_accept_rules: bool,
    pub rules_text: String,
    pub counting_rule: CountingRule,
    pub territorial_k: i64,
}

/// Checks a postal code: 2 to 10 letters, digits or spaces.
fn postal_code(s: &str) -> Result<String, &'static str> {
    let t = s.trim();
    if (2..=10).contains(&t.chars().count()) && t.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') {
        Ok(t.to_uppercase())
    } else {
        Err("error-postal-code-invalid")
    }
}

/// Parses one postal code as a voter declares it.
pub fn parse_postal_code(s: &str) -> Result<String, &'static str> {
    if s.trim().is_empty() {
        return Err("error-required");
    }
    postal_code(s)
}

/// Parses a list of postal codes, one per line or separated by commas.
pub fn parse_postal_codes(s: &str) -> Result<Vec<String>, &'static str> {
    let codes: Vec<String> = s
        .split(['\n', ',', ';'])
        .filter(|c| !c.trim().is_empty())
        .map(postal_code)
        .collect::<Result<_, _>>()?;
    if codes.len() > 1000 {
        return Err("error-too-many");
    }
    Ok(codes)
}

impl VoteConfig {
    pub fn parse(raw: &RawVoteConfig) -> Result<VoteConfig, FieldErrors> {
        let mut e = FieldErrors::new();
        let mode = e.check(
            "mode",
            match raw.mode.trim() {
                "simple" => Ok("simple"),
                "budget" => Ok("budget"),
                "ranking" => Ok("ranking"),
                _ => Err("error-choice-invalid"),
            },
        );
        let source = e.check("source", Source::parse(raw.source));
        let min_choices = e.check("min_choices", parse_optional_count(raw.min_choices)).flatten();
        let max_choices = e.check("max_choices", parse_optional_count(raw.max_choices)).flatten();
        if max_choices == Some(0) {
            e.add("max_choices", "error-number-too-small");
        }
        if let (Some(lo), Some(hi)) = (min_choices, max_choices)
            && lo > hi
        {
            e.add("min_choices", "error-min-above-max");
        }
        let envelope = e.check("envelope", parse_optional_count(raw.envelope)).flatten();
        let min_spend_percent = e
            .check("min_spend_percent", parse_optional_count(raw.min_spend_percent))
            .flatten();
        if min_spend_percent.is_some_and(|p| p > 100) {
            e.add("min_spend_percent", "error-number-too-large");
        }
        // The envelope is the budget the winners share (and, in budget mode,
        // what a ballot may spend); per-district votes have one per district.
        if envelope.is_none() && !raw.per_district {
            e.add("envelope", "error-required");
        }
        if mode == Some("ranking") && max_choices.is_none() {
            e.add("max_choices", "error-required");
        }
        if raw.per_district && mode != Some("budget") {
            e.add("per_district", "error-per-district-budget-only");
        }
        let req_min_age = e.check("req_min_age", parse_optional_count(raw.req_min_age)).flatten();
        if req_min_age.is_some_and(|a| a > 120) {
            e.add("req_min_age", "error-number-too-large");
        }
        let codes = e.check("req_postal_codes", parse_postal_codes(raw.req_postal_codes));
        let rules_text = e.check("rules_text", text::long_text(raw.rules_text, 20_000));
        if raw.req_accept_rules && rules_text.as_deref().is_some_and(str::is_empty) {
            e.add("rules_text", "error-rules-text-needed");
        }
        let counting_rule = e.check("counting_rule", CountingRule::parse(raw.counting_rule));
        let territorial_k = e
            .check("territorial_k", parse_optional_count(raw.territorial_k))
            .flatten()
            .unwrap_or(1);
        if territorial_k > 1000 {
            e.add("territorial_k", "error-number-too-large");
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(VoteConfig {
            mode: mode.unwrap_or("simple"),
            source: source.unwrap_or(Source::Admissible),
            min_choices,
            max_choices,
            envelope,
            min_spend_percent,
            per_district: raw.per_district,
            counts_public: raw.counts_public,
            req_confirmed_email: raw.req_confirmed_email,
            req_verified_identity: raw.req_verified_identity,
            req_id_code: raw.req_id_code,
            req_phone: raw.req_phone,
            req_min_age,
            req_postal_codes: codes.unwrap_or_default().join("\n"),
            req_accept_rules: raw.req_accept_rules,
            rules_text: rules_text.unwrap_or_default(),
            counting_rule: counting_rule.unwrap_or(CountingRule::Greedy),
            territorial_k,
        })
    }
}

/// The vote mode of stored settings, for an envelope of `envelope` (the
/// district's, when the vote has one per district).
pub fn vote_mode(
    mode: &str,
    min_choices: Option<i64>,
    max_choices: Option<i64>,
    envelope: Option<i64>,
    min_spend_percent: Option<i64>,
) -> VoteMode {
    let count = |n: Option<i64>| n.map(|n| n.clamp(0, u32::MAX as i64) as u32);
    match mode {
        "budget" => {
            let envelope = envelope.unwrap_or(0);
            VoteMode::Budget {
                envelope,
                min_spend: min_spend_percent.map(|p| (envelope.saturating_mul(p) + 99) / 100),
            }
        }
        "ranking" => VoteMode::Ranking {
            max: count(max_choices).unwrap_or(3).max(1),
        },
        _ => VoteMode::Simple {
            min: count(min_choices),
            max: count(max_choices),
        },
    }
}

/// The requirements of stored settings: (confirmed email, verified
/// identity, identification code).
pub fn requirements(
    (confirmed_email, verified_identity, id_code, phone): (bool, bool, bool, bool),
    min_age: Option<i64>,
    postal_codes: &str,
    accept_rules: bool,
) -> Requirements {
    Requirements {
        confirmed_email,
        verified_identity,
        id_code,
        min_age: min_age.map(|a| a.clamp(0, 200) as u32),
        postal_codes: postal_codes
            .lines()
            .map(|l| l.trim().to_uppercase())
            .filter(|l| !l.is_empty())
            .collect(),
        phone,
        accept_rules,
    }
}

/// The choices of a submitted ballot form, in rank order: `choice` fields
/// (approvals) or, for rankings, `rank-<proposal id>` fields holding a rank
/// (empty = not ranked).
pub fn parse_choices(ranking: bool, pairs: &[(String, String)]) -> Result<Vec<i64>, &'static str> {
    if !ranking {
        return pairs
            .iter()
            .filter(|(k, _)| k == "choice")
            .map(|(_, v)| v.trim().parse::<i64>().map_err(|_| "ballot-not-on-ballot"))
            .collect();
    }
    let mut ranked: Vec<(i64, i64)> = Vec::new();
    for (k, v) in pairs {
        let Some(id) = k.strip_prefix("rank-") else { continue };
        let id: i64 = id.parse().map_err(|_| "ballot-not-on-ballot")?;
        if v.trim().is_empty() {
            continue;
        }
        let rank: i64 = v.trim().parse().map_err(|_| "ballot-rank-invalid")?;
        if !(1..=1000).contains(&rank) {
            return Err("ballot-rank-invalid");
        }
        if ranked.iter().any(|(r, _)| *r == rank) {
            return Err("ballot-rank-duplicate");
        }
        ranked.push((rank, id));
    }
    ranked.sort_unstable();
    Ok(ranked.into_iter().map(|(_, id)| id).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn raw() -> RawVoteConfig<'static> {
        RawVoteConfig {
            mode: "simple",
            source: "admissible",
            envelope: "500000",
            counting_rule: "greedy",
            ..Default::default()
        }
    }

    #[test]
    fn a_simple_vote_needs_nothing_more() {
        let c = VoteConfig::parse(&raw()).unwrap();
        assert_eq!(c.mode, "simple");
        assert_eq!(c.territorial_k, 1);
        assert_eq!(
            vote_mode(c.mode, c.min_choices, c.max_choices, c.envelope, c.min_spend_percent),
            VoteMode::Simple { min: None, max: None }
        );
    }

    #[test]
    fn each_mode_asks_for_what_it_needs() {
        let e = VoteConfig::parse(&RawVoteConfig {
            mode: "budget",
            envelope: "",
            ..raw()
        })
        .unwrap_err();
        assert!(e.has("envelope"));
        let e = VoteConfig::parse(&RawVoteConfig {
            mode: "ranking",
            ..raw()
        })
        .unwrap_err();
        assert!(e.has("max_choices"));
        let e = VoteConfig::parse(&RawVoteConfig {
            per_district: true,
            ..raw()
        })
        .unwrap_err();
        assert!(e.has("per_district"));
        let e = VoteConfig::parse(&RawVoteConfig {
            min_choices: "4",
            max_choices: "2",
            ..raw()
        })
        .unwrap_err();
        assert!(e.has("min_choices"));
        let e = VoteConfig::parse(&RawVoteConfig {
            mode: "budget",
            envelope: "1000",
            min_spend_percent: "120",
            ..raw()
        })
        .unwrap_err();
        assert!(e.has("min_spend_percent"));
        let e = VoteConfig::parse(&RawVoteConfig {
            req_accept_rules: true,
            ..raw()
        })
        .unwrap_err();
        assert!(e.has("rules_text"));
        let e = VoteConfig::parse(&RawVoteConfig {
            counting_rule: "borda",
            mode: "plurality",
            ..raw()
        })
        .unwrap_err();
        assert!(e.has("counting_rule") && e.has("mode"));
    }

    #[test]
    fn minimum_spend_rounds_up() {
        assert_eq!(
            vote_mode("budget", None, None, Some(1001), Some(50)),
            VoteMode::Budget {
                envelope: 1001,
                min_spend: Some(501)
            }
        );
        assert_eq!(
            vote_mode("ranking", None, Some(5), None, None),
            VoteMode::Ranking { max: 5 }
        );
    }

    #[test]
    fn postal_codes_are_normalised() {
        assert_eq!(
            parse_postal_codes(" 35000\n35200, 35700;\n\n").unwrap(),
            vec!["35000", "35200", "35700"]
        );
        assert_eq!(parse_postal_codes("35<script>"), Err("error-postal-code-invalid"));
        assert_eq!(parse_postal_code(""), Err("error-required"));
        assert_eq!(parse_postal_code("sw1a 1aa").unwrap(), "SW1A 1AA");
        let r = requirements((true, false, false, true), Some(16), "35000\n35200", false);
        assert!(r.phone);
        assert_eq!(r.postal_codes, vec!["35000", "35200"]);
        assert_eq!(r.min_age, Some(16));
    }

    #[test]
    fn only_proportional_rules_need_ballots() {
        assert!(!CountingRule::Greedy.needs_ballots());
        assert!(CountingRule::Mes.needs_ballots());
        for r in CountingRule::ALL {
            assert_eq!(CountingRule::parse(r.as_str()), Ok(r));
        }
    }

    #[test]
    fn choices_come_in_rank_order() {
        let p = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            parse_choices(false, &p(&[("choice", "3"), ("_csrf", "x"), ("choice", "1")])),
            Ok(vec![3, 1])
        );
        assert_eq!(
            parse_choices(false, &p(&[("choice", "x")])),
            Err("ballot-not-on-ballot")
        );
        assert_eq!(
            parse_choices(true, &p(&[("rank-5", "2"), ("rank-7", ""), ("rank-9", "1")])),
            Ok(vec![9, 5])
        );
        assert_eq!(
            parse_choices(true, &p(&[("rank-5", "1"), ("rank-9", "1")])),
            Err("ballot-rank-duplicate")
        );
        assert_eq!(
            parse_choices(true, &p(&[("rank-5", "zero")])),
            Err("ballot-rank-invalid")
        );
    }

    proptest! {
        #[test]
        fn parsing_never_panics(mode in ".{0,10}", min in ".{0,6}", max in ".{0,6}", env in ".{0,12}",
                                pct in ".{0,5}", codes in ".{0,40}", rule in ".{0,12}", k in ".{0,5}",
                                per in any::<bool>(), acc in any::<bool>()) {
            let r = RawVoteConfig { mode: &mode, source: "manual", min_choices: &min, max_choices: &max,
                envelope: &env, min_spend_percent: &pct, per_district: per, req_postal_codes: &codes,
                req_accept_rules: acc, counting_rule: &rule, territorial_k: &k, ..Default::default() };
            if let Ok(c) = VoteConfig::parse(&r) {
                prop_assert!(c.max_choices != Some(0));
                prop_assert!(c.min_spend_percent.is_none_or(|p| p <= 100));
            }
        }
    }
}
