//! Proposals deposited in a collect step: the step's rules, the standard
//! fields of its form, who may deposit, and the parsing of a proposal.

use chrono::{Datelike, NaiveDate};

use crate::step::StepState;
use crate::{FieldErrors, text};

/// The standard fields of a proposal form, each switchable by the manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StandardField {
    Summary,
    Description,
    Cost,
    District,
    Theme,
    Category,
    Address,
    Image,
    Attachments,
}

impl StandardField {
    pub const ALL: [StandardField; 9] = [
        StandardField::Summary,
        StandardField::Description,
        StandardField::Cost,
        StandardField::District,
        StandardField::Theme,
        StandardField::Category,
        StandardField::Address,
        StandardField::Image,
        StandardField::Attachments,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StandardField::Summary => "summary",
            StandardField::Description => "description",
            StandardField::Cost => "cost",
            StandardField::District => "district",
            StandardField::Theme => "theme",
            StandardField::Category => "category",
            StandardField::Address => "address",
            StandardField::Image => "image",
            StandardField::Attachments => "attachments",
        }
    }

    pub fn parse(s: &str) -> Option<StandardField> {
        StandardField::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldMode {
    Off,
    Optional,
    Required,
}

impl FieldMode {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldMode::Off => "off",
            FieldMode::Optional => "optional",
            FieldMode::Required => "required",
        }
    }

    pub fn parse(s: &str) -> Result<FieldMode, &'static str> {
        [FieldMode::Off, FieldMode::Optional, FieldMode::Required]
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or("error-field-mode-unknown")
    }
}

/// The rules of a collect step.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectRules {
    /// Mode of each standard field; a field missing here is off.
    pub fields: Vec<(StandardField, FieldMode)>,
    /// Highest estimated cost a proposal may ask for, in euros.
    pub max_cost: Option<i64>,
    /// Minimum age to deposit, from a declared date of birth.
    pub min_age: Option<u32>,
    /// Proposals per person; 0 means no limit.
    pub max_per_person: u32,
}

impl Default for CollectRules {
    fn default() -> Self {
        CollectRules {
            fields: vec![
                (StandardField::Summary, FieldMode::Required),
                (StandardField::Description, FieldMode::Required),
                (StandardField::District, FieldMode::Optional),
                (StandardField::Theme, FieldMode::Optional),
                (StandardField::Image, FieldMode::Optional),
            ],
            max_cost: None,
            min_age: None,
            max_per_person: 0,
        }
    }
}

impl CollectRules {
    pub fn mode(&self, f: StandardField) -> FieldMode {
        self.fields
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, m)| *m)
            .unwrap_or(FieldMode::Off)
    }
}

/// Why someone may not deposit (or edit) a proposal now; each is a message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepositRefusal {
    StepNotOpen,
    EmailNotConfirmed,
    BirthDateNeeded,
    TooYoung,
    LimitReached,
}

impl DepositRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            DepositRefusal::StepNotOpen => "deposit-refused-closed",
            DepositRefusal::EmailNotConfirmed => "deposit-refused-unconfirmed",
            DepositRefusal::BirthDateNeeded => "deposit-refused-birth-date",
            DepositRefusal::TooYoung => "deposit-refused-age",
            DepositRefusal::LimitReached => "deposit-refused-limit",
        }
    }
}

/// Full years between a date of birth and `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    let mut years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// Whether a person may submit one more proposal in a step now.
pub fn check_deposit(
    state: StepState,
    rules: &CollectRules,
    confirmed: bool,
    birth_date: Option<NaiveDate>,
    today: NaiveDate,
    already_submitted: u32,
) -> Result<(), DepositRefusal> {
    if state != StepState::Open {
        return Err(DepositRefusal::StepNotOpen);
    }
    if !confirmed {
        return Err(DepositRefusal::EmailNotConfirmed);
    }
    if let Some(min) = rules.min_age {
        let birth = birth_date.ok_or(DepositRefusal::BirthDateNeeded)?;
        if age_on(birth, today) < min {
            return Err(DepositRefusal::TooYoung);
        }
    }
    if rules.max_per_person > 0 && already_submitted >= rules.max_per_person {
        return Err(DepositRefusal::LimitReached);
    }
    Ok(())
}

/// Parses a declared date of birth (`YYYY-MM-DD`), which must be in the past.
pub fn parse_birth_date(s: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| "error-date-invalid")?;
    if d >= today || today.year() - d.year() > 130 {
        Err("error-birth-date-invalid")
    } else {
        Ok(d)
    }
}

/// A proposal form as submitted (uploads are checked separately; their
/// presence is given for the "required" rule).
#[derive(Debug, Clone, Default)]
pub struct RawProposal<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub cost: &'a str,
    pub district: &'a str,
    pub theme: &'a str,
    pub category: &'a str,
    pub address: &'a str,
    pub latitude: &'a str,
    pub longitude: &'a str,
    pub has_image: bool,
    pub has_attachment: bool,
}

/// A valid proposal; fields switched off are empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProposalInput {
    pub title: String,
    pub summary: String,
    /// Markdown, sanitised on display.
    pub description: String,
    pub cost: Option<i64>,
    pub district: Option<i64>,
    pub theme: Option<i64>,
    pub category: Option<i64>,
    pub address: String,
    pub location: Option<(f64, f64)>,
}

pub const MAX_SUMMARY: usize = 500;
pub const MAX_DESCRIPTION: usize = 20_000;
pub const MAX_ADDRESS: usize = 300;

fn id(s: &str) -> Result<Option<i64>, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        Ok(None)
    } else {
        s.parse::<i64>().map(Some).map_err(|_| "error-choice-unknown")
    }
}

fn coordinate(s: &str, limit: f64) -> Result<Option<f64>, &'static str> {
    let s = s.trim().replace(',', ".");
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
        _ => Err("error-coordinate-invalid"),
    }
}

impl ProposalInput {
    /// Checks the standard fields against the step's rules.
    pub fn parse(raw: &RawProposal, rules: &CollectRules) -> Result<ProposalInput, FieldErrors> {
        use StandardField::*;
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text::title(raw.title));
        let mut out = ProposalInput {
            title: title.unwrap_or_default(),
            ..Default::default()
        };
        let on = |f| rules.mode(f) != FieldMode::Off;
        let required = |f| rules.mode(f) == FieldMode::Required;
        let need = |errors: &mut FieldErrors, f: StandardField, present: bool| {
            if required(f) && !present {
                errors.add(f.as_str(), "error-required");
                false
            } else {
                on(f) && present
            }
        };
        if need(&mut errors, Summary, !raw.summary.trim().is_empty()) {
            out.summary = errors
                .check("summary", text::long_text(raw.summary, MAX_SUMMARY))
                .unwrap_or_default();
        }
        if need(&mut errors, Description, !raw.description.trim().is_empty()) {
            out.description = errors
                .check("description", text::long_text(raw.description, MAX_DESCRIPTION))
                .unwrap_or_default();
        }
        if need(&mut errors, Cost, !raw.cost.trim().is_empty()) {
            match crate::form::parse_number(raw.cost) {
                Ok(c) if c < 0 => errors.add("cost", "error-cost-negative"),
                Ok(c) if rules.max_cost.is_some_and(|m| c > m) => errors.add("cost", "error-cost-too-high"),
                Ok(c) => out.cost = Some(c),
                Err(code) => errors.add("cost", code),
            }
        }
        if need(&mut errors, District, !raw.district.trim().is_empty()) {
            out.district = errors.check("district", id(raw.district)).flatten();
        }
        if need(&mut errors, Theme, !raw.theme.trim().is_empty()) {
            out.theme = errors.check("theme", id(raw.theme)).flatten();
        }
        if need(&mut errors, Category, !raw.category.trim().is_empty()) {
            out.category = errors.check("category", id(raw.category)).flatten();
        }
        if need(&mut errors, Address, !raw.address.trim().is_empty()) {
            out.address = errors
                .check("address", text::long_text(raw.address, MAX_ADDRESS))
                .unwrap_or_default();
            let lat = errors.check("latitude", coordinate(raw.latitude, 90.0)).flatten();
            let lon = errors.check("longitude", coordinate(raw.longitude, 180.0)).flatten();
            match (lat, lon) {
                (Some(a), Some(b)) => out.location = Some((a, b)),
                (None, None) => {}
                _ if !errors.has("latitude") && !errors.has("longitude") => {
                    errors.add("longitude", "error-coordinate-pair")
                }
                _ => {}
            }
        }
        need(&mut errors, Image, raw.has_image);
        need(&mut errors, Attachments, raw.has_attachment);
        errors.into_result(|| out)
    }
}

/// The public reference of a proposal: prefix and number, e.g. `BP-2026-0042`.
pub fn reference(prefix: &str, number: i64) -> String {
    if prefix.is_empty() {
        format!("{number:04}")
    } else {
        format!("{prefix}-{number:04}")
    }
}

/// Checks a reference prefix typed by a manager: up to 20 of A–Z, 0–9 and dashes.
pub fn parse_prefix(s: &str) -> Result<String, &'static str> {
    let s = s.trim().to_uppercase();
    if s.len() <= 20
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && !s.ends_with('-')
    {
        Ok(s)
    } else {
        Err("error-prefix-invalid")
    }
}

/// How a proposal list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Shuffled with a seed that stays the same for a visitor across pages.
    Random,
    Newest,
    MostCommented,
    /// Petitions: most supported first.
    MostSupported,
    CostAsc,
    CostDesc,
}

impl Sort {
    pub const ALL: [Sort; 6] = [
        Sort::Random,
        Sort::Newest,
        Sort::MostCommented,
        Sort::MostSupported,
        Sort::CostAsc,
        Sort::CostDesc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Random => "random",
            Sort::Newest => "newest",
            Sort::MostCommented => "comments",
            Sort::MostSupported => "supports",
            Sort::CostAsc => "cost_asc",
            Sort::CostDesc => "cost_desc",
        }
    }

    /// Unknown values fall back to the default order rather than failing.
    pub fn parse(s: &str) -> Sort {
        Sort::ALL.into_iter().find(|x| x.as_str() == s).unwrap_or(Sort::Random)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn ages_count_full_years() {
        assert_eq!(age_on(d("2010-06-15"), d("2026-06-14")), 15);
        assert_eq!(age_on(d("2010-06-15"), d("2026-06-15")), 16);
    }

    #[test]
    fn deposit_rules() {
        let rules = CollectRules {
            min_age: Some(16),
            max_per_person: 2,
            ..Default::default()
        };
        let today = d("2026-11-22");
        let ok = |s, c, b, n| check_deposit(s, &rules, c, b, today, n);
        assert_eq!(
            ok(StepState::Closed, true, Some(d("1990-01-01")), 0),
            Err(DepositRefusal::StepNotOpen)
        );
        assert_eq!(
            ok(StepState::Open, false, Some(d("1990-01-01")), 0),
            Err(DepositRefusal::EmailNotConfirmed)
        );
        assert_eq!(ok(StepState::Open, true, None, 0), Err(DepositRefusal::BirthDateNeeded));
        assert_eq!(
            ok(StepState::Open, true, Some(d("2011-01-01")), 0),
            Err(DepositRefusal::TooYoung)
        );
        assert_eq!(
            ok(StepState::Open, true, Some(d("1990-01-01")), 2),
            Err(DepositRefusal::LimitReached)
        );
        assert_eq!(ok(StepState::Open, true, Some(d("1990-01-01")), 1), Ok(()));
    }

    #[test]
    fn fields_follow_the_configuration() {
        let rules = CollectRules {
            fields: vec![
                (StandardField::Summary, FieldMode::Required),
                (StandardField::Cost, FieldMode::Optional),
                (StandardField::Address, FieldMode::Optional),
                (StandardField::Image, FieldMode::Required),
            ],
            max_cost: Some(50_000),
            ..Default::default()
        };
        let e = ProposalInput::parse(
            &RawProposal {
                title: "Bancs",
                cost: "60 000",
                latitude: "48.1",
                address: "Place",
                ..Default::default()
            },
            &rules,
        )
        .unwrap_err();
        for f in ["summary", "cost", "longitude", "image"] {
            assert!(e.has(f), "{f}");
        }
        let ok = ProposalInput::parse(
            &RawProposal {
                title: "Bancs",
                summary: "Des bancs",
                description: "ignored: off",
                cost: "1 500",
                address: "Place",
                latitude: "48,11",
                longitude: "-1.68",
                has_image: true,
                ..Default::default()
            },
            &rules,
        )
        .unwrap();
        assert_eq!(ok.cost, Some(1500));
        assert_eq!(ok.description, "");
        assert_eq!(ok.location, Some((48.11, -1.68)));
    }

    #[test]
    fn references_and_prefixes() {
        assert_eq!(reference("BP-2026", 42), "BP-2026-0042");
        assert_eq!(parse_prefix(" bp-2026 "), Ok("BP-2026".into()));
        assert!(parse_prefix("BP 2026").is_err());
        assert_eq!(Sort::parse("cost_desc"), Sort::CostDesc);
        assert_eq!(Sort::parse("whatever"), Sort::Random);
    }

    proptest! {
        #[test]
        fn parse_never_panics(t in "\\PC{0,210}", c in "\\PC{0,12}", a in "\\PC{0,10}", b in "\\PC{0,10}", i in "\\PC{0,5}") {
            let rules = CollectRules { fields: StandardField::ALL.iter().map(|f| (*f, FieldMode::Optional)).collect(), max_cost: Some(10), ..Default::default() };
            let _ = ProposalInput::parse(&RawProposal { title: &t, cost: &c, latitude: &a, longitude: &b, district: &i, address: "x", ..Default::default() }, &rules);
            let _ = parse_birth_date(&t, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        }
    }
}
