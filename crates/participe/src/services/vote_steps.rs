//! A vote step with what its ballot pages and checks need (its project,
//! settings, candidates, envelopes and districts), kept in memory at most a
//! second: a ballot then costs no reads of them. A change made on this
//! server drops them at once (`AppState::forget_kept`); one made on another
//! server sharing the database shows within a second, as for the
//! organisation's settings. Whether the step is open is computed from its
//! dates at each request.

use std::sync::Arc;
use std::time::Duration;

use participe_domain::step::{StepState, StepType, state_at};
use participe_domain::vote::{BallotProblem, Candidate as DomainCandidate, VoteMode, check_ballot};
use participe_domain::vote_config::parse_choices;

use super::kept::Kept;
use crate::storage::projects::{self, Project};
use crate::storage::steps::{self, Step};
use crate::storage::taxonomy::{self, Kind, Term};
use crate::storage::votes::{self, Candidate, Envelope, VoteSettings};
use crate::storage::{Db, StoreResult};

/// Vote steps kept at most (a platform has a handful open at once).
const MAX_KEPT: usize = 256;

/// A vote step with what its pages need.
pub struct VoteStep {
    pub project: Project,
    pub step: Step,
    pub settings: VoteSettings,
    pub candidates: Vec<Candidate>,
    pub envelopes: Vec<Envelope>,
    pub districts: Vec<Term>,
}

impl VoteStep {
    pub fn state(&self) -> StepState {
        state_at(chrono::Utc::now(), self.step.starts_at, self.step.ends_at)
    }

    /// The envelope a ballot goes in: a district's (checked to exist) or 0.
    pub fn envelope(&self, district: Option<i64>) -> Option<i64> {
        if !self.settings.per_district {
            return Some(0);
        }
        district.filter(|d| self.envelopes.iter().any(|e| e.district_id == *d))
    }

    /// The candidates of an envelope (a district's proposals, or all).
    pub fn candidates_of(&self, envelope: i64) -> Vec<&Candidate> {
        self.candidates
            .iter()
            .filter(|c| envelope == 0 || c.district_id == Some(envelope))
            .collect()
    }

    /// The vote mode of an envelope.
    pub fn mode(&self, envelope: i64) -> VoteMode {
        let amount = self
            .envelopes
            .iter()
            .find(|e| e.district_id == envelope)
            .map(|e| e.amount);
        self.settings.mode(if envelope == 0 { None } else { amount })
    }

    /// Checks a submitted ballot form for an envelope: the choices, or the
    /// problem (a message id). Incomplete ballots come back as
    /// `Ok((choices, Some(problem)))`: stored, not counted.
    pub fn check(
        &self,
        envelope: i64,
        pairs: &[(String, String)],
    ) -> Result<(Vec<i64>, Option<BallotProblem>), &'static str> {
        let mode = self.mode(envelope);
        let choices = parse_choices(matches!(mode, VoteMode::Ranking { .. }), pairs)?;
        let ballot: Vec<DomainCandidate> = self
            .candidates_of(envelope)
            .iter()
            .map(|c| DomainCandidate {
                id: c.id,
                cost: c.cost.unwrap_or(0),
            })
            .collect();
        match check_ballot(&mode, &ballot, &choices) {
            Ok(()) => Ok((choices, None)),
            Err(p) if p.is_incomplete() && !choices.is_empty() => Ok((choices, Some(p))),
            Err(p) => Err(p.message_id()),
        }
    }
}

/// Reads vote step `id` (None if there is no such vote step).
pub async fn load(db: &Db, id: i64) -> StoreResult<Option<VoteStep>> {
    let Some(step) = steps::by_id(db, id).await? else {
        return Ok(None);
    };
    if step.step_type != StepType::Vote.as_str() {
        return Ok(None);
    }
    let Some(project) = projects::by_id(db, step.project_id).await? else {
        return Ok(None);
    };
    let settings = votes::settings(db, step.id).await?;
    let candidates = votes::candidates(db, &settings).await?;
    let envelopes = votes::envelopes(db, step.id).await?;
    let districts = taxonomy::list(db, Kind::District).await?;
    Ok(Some(VoteStep {
        project,
        step,
        settings,
        candidates,
        envelopes,
        districts,
    }))
}

pub struct VoteSteps {
    kept: Kept<i64, Option<Arc<VoteStep>>>,
}

impl VoteSteps {
    /// Keeps vote steps for `max_age` (zero: reads them every time).
    pub fn new(max_age: Duration) -> VoteSteps {
        VoteSteps {
            kept: Kept::new(max_age, MAX_KEPT),
        }
    }

    /// Vote step `id`, at most `max_age` old.
    pub async fn get(&self, db: &Db, id: i64) -> StoreResult<Option<Arc<VoteStep>>> {
        self.kept
            .get_or_load(id, async { Ok(load(db, id).await?.map(Arc::new)) })
            .await
    }

    /// Drops every kept step, after a change.
    pub fn forget_all(&self) {
        self.kept.forget_all();
    }
}
