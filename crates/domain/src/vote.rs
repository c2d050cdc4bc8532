//! Votes of a participatory budget: the three modes, the checks a ballot
//! must pass, and who may vote. Pure rules; storage and pages use them.

use chrono::NaiveDate;

use crate::proposal::age_on;

/// How a vote step is cast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoteMode {
    /// Approve proposals: at least `min` (if set) and at most `max` (if set).
    Simple { min: Option<u32>, max: Option<u32> },
    /// Choose proposals whose total cost fits the envelope; optionally spend
    /// at least `min_spend` of it.
    Budget { envelope: i64, min_spend: Option<i64> },
    /// Rank up to `max` proposals: rank 1 is worth `max` points, rank `max` 1.
    Ranking { max: u32 },
}

/// A proposal on the ballot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub cost: i64,
}

/// Why a ballot is not (yet) valid; each is a message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotProblem {
    /// A chosen proposal is not on the ballot.
    NotOnBallot,
    /// The same proposal is chosen twice.
    Duplicate,
    /// Fewer choices than the minimum: the ballot is kept but not counted.
    TooFew,
    TooMany,
    OverBudget,
    /// Less than the minimum share of the envelope spent.
    UnderMinimumSpend,
}

impl BallotProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            BallotProblem::NotOnBallot => "ballot-not-on-ballot",
            BallotProblem::Duplicate => "ballot-duplicate",
            BallotProblem::TooFew => "ballot-too-few",
            BallotProblem::TooMany => "ballot-too-many",
            BallotProblem::OverBudget => "ballot-over-budget",
            BallotProblem::UnderMinimumSpend => "ballot-under-minimum",
        }
    }

    /// Problems that leave the ballot stored but not counted until completed.
    pub fn is_incomplete(self) -> bool {
        matches!(self, BallotProblem::TooFew | BallotProblem::UnderMinimumSpend)
    }
}

/// Checks a ballot (the chosen proposal ids, in rank order for rankings).
pub fn check_ballot(mode: &VoteMode, ballot: &[Candidate], choices: &[i64]) -> Result<(), BallotProblem> {
    let mut seen = Vec::with_capacity(choices.len());
    for id in choices {
        if !ballot.iter().any(|c| c.id == *id) {
            return Err(BallotProblem::NotOnBallot);
        }
        if seen.contains(id) {
            return Err(BallotProblem::Duplicate);
        }
        seen.push(*id);
    }
    let n = choices.len() as u32;
    match mode {
        VoteMode::Simple { min, max } => {
            if max.is_some_and(|m| n > m) {
                return Err(BallotProblem::TooMany);
            }
            if min.is_some_and(|m| n < m) || n == 0 {
                return Err(BallotProblem::TooFew);
            }
        }
        VoteMode::Budget { envelope, min_spend } => {
            let spent: i64 = choices
                .iter()
                .filter_map(|id| ballot.iter().find(|c| c.id == *id))
                .map(|c| c.cost)
                .sum();
            if spent > *envelope {
                return Err(BallotProblem::OverBudget);
            }
            if n == 0 {
                return Err(BallotProblem::TooFew);
            }
            if min_spend.is_some_and(|m| spent < m) {
                return Err(BallotProblem::UnderMinimumSpend);
            }
        }
        VoteMode::Ranking { max } => {
            if n > *max {
                return Err(BallotProblem::TooMany);
            }
            if n == 0 {
                return Err(BallotProblem::TooFew);
            }
        }
    }
    Ok(())
}

/// Points a ballot gives each of its choices: 1 per approval, or for a
/// ranking of up to `max`, `max` points for rank 1 down to 1 for rank `max`.
pub fn points(mode: &VoteMode, choices: &[i64]) -> Vec<(i64, i64)> {
    match mode {
        VoteMode::Ranking { max } => choices
            .iter()
            .enumerate()
            .map(|(rank, id)| (*id, i64::from(*max) - rank as i64))
            .collect(),
        _ => choices.iter().map(|id| (*id, 1)).collect(),
    }
}

/// What a vote step requires of voters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requirements {
    pub confirmed_email: bool,
    /// An identity vouched for by a provider that verifies identities
    /// (FranceConnect): the age then comes from its certified birth date.
    pub verified_identity: bool,
    /// A single-use identification code of the step (`id_codes`).
    pub id_code: bool,
    pub min_age: Option<u32>,
    /// Postal codes of residence accepted; empty means any.
    pub postal_codes: Vec<String>,
    /// A phone number (its format; nothing is sent to it).
    pub phone: bool,
    pub accept_rules: bool,
}

/// What is known of a voter.
#[derive(Debug, Clone, Default)]
pub struct Voter<'a> {
    pub confirmed: bool,
    pub identity_verified: bool,
    /// The voter already entered one of the step's codes.
    pub has_id_code: bool,
    pub birth_date: Option<NaiveDate>,
    pub postal_code: Option<&'a str>,
    /// The voter gave a phone number.
    pub has_phone: bool,
    pub accepted_rules: bool,
}

/// A requirement the voter does not meet yet; the vote flow asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    ConfirmedEmail,
    VerifiedIdentity,
    IdCode,
    BirthDate,
    TooYoung,
    PostalCode,
    PostalCodeOutside,
    Phone,
    RulesAcceptance,
}

/// Every requirement not met, in the order the flow asks for them.
pub fn missing_requirements(req: &Requirements, voter: &Voter, today: NaiveDate) -> Vec<Missing> {
    let mut out = vec![];
    if req.confirmed_email && !voter.confirmed {
        out.push(Missing::ConfirmedEmail);
    }
    let unverified = req.verified_identity && !voter.identity_verified;
    if unverified {
        out.push(Missing::VerifiedIdentity);
    }
    if req.id_code && !voter.has_id_code {
        out.push(Missing::IdCode);
    }
    // With a verified identity required, the age comes from its certified
    // birth date: it is checked once the identity is, never asked for.
    if let Some(min) = req.min_age.filter(|_| !unverified) {
        match voter.birth_date {
            None => out.push(Missing::BirthDate),
            Some(b) if age_on(b, today) < min => out.push(Missing::TooYoung),
            _ => {}
        }
    }
    if !req.postal_codes.is_empty() {
        match voter.postal_code.map(str::trim) {
            None | Some("") => out.push(Missing::PostalCode),
            Some(pc) if !req.postal_codes.iter().any(|c| c == pc) => out.push(Missing::PostalCodeOutside),
            _ => {}
        }
    }
    if req.phone && !voter.has_phone {
        out.push(Missing::Phone);
    }
    if req.accept_rules && !voter.accepted_rules {
        out.push(Missing::RulesAcceptance);
    }
    out
}

/// The age bands of participation statistics, youngest first.
pub const AGE_BANDS: [&str; 7] = ["under-16", "16-17", "18-24", "25-34", "35-49", "50-64", "65-plus"];

/// The age band (one of [`AGE_BANDS`]) of a person born on `birth`, on `today`.
pub fn age_band(birth: NaiveDate, today: NaiveDate) -> &'static str {
    let index = match age_on(birth, today) {
        0..=15 => 0,
        16..=17 => 1,
        18..=24 => 2,
        25..=34 => 3,
        35..=49 => 4,
        50..=64 => 5,
        _ => 6,
    };
    AGE_BANDS[index]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ballot() -> Vec<Candidate> {
        vec![
            Candidate { id: 1, cost: 100 },
            Candidate { id: 2, cost: 300 },
            Candidate { id: 3, cost: 600 },
        ]
    }

    #[test]
    fn simple_votes_respect_min_and_max() {
        let m = VoteMode::Simple {
            min: Some(2),
            max: Some(2),
        };
        assert_eq!(check_ballot(&m, &ballot(), &[1]), Err(BallotProblem::TooFew));
        assert!(BallotProblem::TooFew.is_incomplete());
        assert_eq!(check_ballot(&m, &ballot(), &[1, 2, 3]), Err(BallotProblem::TooMany));
        assert_eq!(check_ballot(&m, &ballot(), &[1, 1]), Err(BallotProblem::Duplicate));
        assert_eq!(check_ballot(&m, &ballot(), &[1, 9]), Err(BallotProblem::NotOnBallot));
        assert_eq!(check_ballot(&m, &ballot(), &[1, 3]), Ok(()));
    }

    #[test]
    fn budget_votes_fit_the_envelope() {
        let m = VoteMode::Budget {
            envelope: 700,
            min_spend: Some(350),
        };
        assert_eq!(check_ballot(&m, &ballot(), &[2, 3]), Err(BallotProblem::OverBudget));
        assert_eq!(check_ballot(&m, &ballot(), &[1]), Err(BallotProblem::UnderMinimumSpend));
        assert_eq!(check_ballot(&m, &ballot(), &[1, 3]), Ok(()));
    }

    #[test]
    fn rankings_give_points_by_rank() {
        let m = VoteMode::Ranking { max: 3 };
        assert_eq!(points(&m, &[3, 1]), vec![(3, 3), (1, 2)]);
        assert_eq!(check_ballot(&m, &ballot(), &[3, 1, 2]), Ok(()));
        assert_eq!(points(&VoteMode::Simple { min: None, max: None }, &[2]), vec![(2, 1)]);
    }

    #[test]
    fn requirements_are_listed_in_order() {
        let req = Requirements {
            confirmed_email: true,
            min_age: Some(16),
            postal_codes: vec!["35000".into()],
            phone: true,
            accept_rules: true,
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let v = Voter {
            confirmed: false,
            birth_date: None,
            postal_code: Some("75001"),
            accepted_rules: false,
            ..Default::default()
        };
        assert_eq!(
            missing_requirements(&req, &v, today),
            vec![
                Missing::ConfirmedEmail,
                Missing::BirthDate,
                Missing::PostalCodeOutside,
                Missing::Phone,
                Missing::RulesAcceptance
            ]
        );
        let ok = Voter {
            confirmed: true,
            birth_date: NaiveDate::from_ymd_opt(2000, 1, 1),
            postal_code: Some(" 35000 "),
            has_phone: true,
            accepted_rules: true,
            ..Default::default()
        };
        assert!(missing_requirements(&req, &ok, today).is_empty());
    }

    #[test]
    fn a_verified_identity_comes_first_and_brings_the_age() {
        let req = Requirements {
            verified_identity: true,
            min_age: Some(18),
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let declared = Voter {
            birth_date: NaiveDate::from_ymd_opt(1990, 1, 1),
            ..Default::default()
        };
        assert_eq!(
            missing_requirements(&req, &declared, today),
            vec![Missing::VerifiedIdentity]
        );
        let young = Voter {
            identity_verified: true,
            birth_date: NaiveDate::from_ymd_opt(2010, 1, 1),
            ..Default::default()
        };
        assert_eq!(missing_requirements(&req, &young, today), vec![Missing::TooYoung]);
        let adult = Voter {
            identity_verified: true,
            birth_date: NaiveDate::from_ymd_opt(1990, 1, 1),
            ..Default::default()
        };
        assert!(missing_requirements(&req, &adult, today).is_empty());
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn age_bands_change_on_birthdays() {
        let today = date(2026, 6, 15);
        let cases = [
            (date(2026, 6, 15), "under-16"),
            (date(2010, 6, 16), "under-16"),
            (date(2010, 6, 15), "16-17"),
            (date(2008, 6, 16), "16-17"),
            (date(2008, 6, 15), "18-24"),
            (date(2001, 6, 16), "18-24"),
            (date(2001, 6, 15), "25-34"),
            (date(1991, 6, 16), "25-34"),
            (date(1991, 6, 15), "35-49"),
            (date(1976, 6, 16), "35-49"),
            (date(1976, 6, 15), "50-64"),
            (date(1961, 6, 16), "50-64"),
            (date(1961, 6, 15), "65-plus"),
            (date(1920, 1, 1), "65-plus"),
            // Born after `today` (bad data): counted as a child, not a panic.
            (date(2030, 1, 1), "under-16"),
        ];
        for (birth, band) in cases {
            assert_eq!(age_band(birth, today), band, "born {birth}");
        }
        // Born on 29 February: 18 on 1 March of a common year.
        assert_eq!(age_band(date(2008, 2, 29), date(2026, 2, 28)), "16-17");
        assert_eq!(age_band(date(2008, 2, 29), date(2026, 3, 1)), "18-24");
        // Every band is reachable, in the order of AGE_BANDS.
        let bands: Vec<&str> = [10, 16, 20, 30, 40, 60, 70]
            .iter()
            .map(|age| age_band(date(2026 - age, 1, 1), today))
            .collect();
        assert_eq!(bands, AGE_BANDS);
    }

    proptest! {
        #[test]
        fn a_valid_budget_ballot_never_exceeds_the_envelope(choices in proptest::collection::vec(0i64..5, 0..6), env in 0i64..1500) {
            let m = VoteMode::Budget { envelope: env, min_spend: None };
            if check_ballot(&m, &ballot(), &choices).is_ok() {
                let spent: i64 = choices.iter().map(|id| ballot().iter().find(|c| c.id == *id).unwrap().cost).sum();
                prop_assert!(spent <= env);
            }
        }
    }
}
