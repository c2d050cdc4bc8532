//! Counting a vote step, publishing its results and writing its pabulib
//! file: the glue between the stored ballots and the pure rules of
//! `participe_domain::tally` and `participe_domain::pb`.

use std::collections::BTreeMap;

use participe_domain::pb::write::{Extras, ProjectColumn, VoterColumn, write_head, write_vote_rows};
use participe_domain::tally::{self, Ballot, Candidate, Count, Setup, TallyError};
use participe_domain::vote::VoteMode;

use crate::storage::ballots::{self, CountedBallot};
use crate::storage::votes::{self, VoteSettings};
use crate::storage::{Db, projects, realisations, steps, taxonomy};

/// Everything needed to count or export a step.
pub struct StepBallots {
    pub settings: VoteSettings,
    pub candidates: Vec<votes::Candidate>,
    pub envelopes: Vec<(i64, i64)>,
    /// Complete ballots only.
    pub ballots: Vec<CountedBallot>,
    pub tallies: Vec<(i64, i64)>,
    /// District names by id.
    pub districts: BTreeMap<i64, String>,
}

impl StepBallots {
    pub async fn load(db: &Db, step_id: i64) -> anyhow::Result<StepBallots> {
        let mut sb = Self::load_head(db, step_id).await?;
        sb.ballots = ballots::all(db, step_id)
            .await?
            .into_iter()
            .filter(|b| b.complete)
            .collect();
        Ok(sb)
    }

    /// Everything but the ballots (for writing the `.pb` file piece by piece).
    pub async fn load_head(db: &Db, step_id: i64) -> anyhow::Result<StepBallots> {
        let settings = votes::settings(db, step_id).await?;
        let candidates = votes::candidates(db, &settings).await?;
        let envelopes = votes::envelopes(db, step_id)
            .await?
            .into_iter()
            .map(|e| (e.district_id, e.amount))
            .collect();
        let tallies = ballots::tallies(db, step_id).await?;
        let districts = taxonomy::list(db, taxonomy::Kind::District)
            .await?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect();
        Ok(StepBallots {
            districts,
            settings,
            candidates,
            envelopes,
            ballots: vec![],
            tallies,
        })
    }

    fn mode(&self) -> VoteMode {
        self.settings.mode(None)
    }

    fn domain_candidates(&self) -> Vec<Candidate> {
        self.candidates
            .iter()
            .map(|c| Candidate {
                id: c.id,
                cost: c.cost.unwrap_or(0),
                district: c.district_id,
            })
            .collect()
    }

    fn domain_ballots(&self) -> Vec<Ballot> {
        self.ballots
            .iter()
            .map(|b| Ballot {
                choices: b.choices.clone(),
                paper: b.paper,
                envelope: b.envelope,
            })
            .collect()
    }

    /// Counts with the step's rule.
    pub fn count(&self) -> Result<Count, TallyError> {
        let mode = self.mode();
        let setup = Setup {
            mode: &mode,
            rule: self.settings.rule(),
            top_k: self.settings.territorial_k.clamp(0, u32::MAX as i64) as u32,
            budget: self.settings.envelope.unwrap_or(0),
            envelopes: &self.envelopes,
            per_district: self.settings.per_district,
        };
        tally::count(&setup, &self.domain_candidates(), &self.domain_ballots(), &self.tallies)
    }

    fn budget(&self) -> i64 {
        if self.settings.per_district {
            self.envelopes.iter().map(|(_, a)| a).sum()
        } else {
            self.settings.envelope.unwrap_or(0)
        }
    }

    /// The election of `ballots` (none for the file's head).
    fn election_of(&self, ballots: &[CountedBallot]) -> participe_domain::pb::Election {
        let mode = self.mode();
        let cands = self.domain_candidates();
        let refs: Vec<&Candidate> = cands.iter().collect();
        let bals: Vec<Ballot> = ballots
            .iter()
            .map(|b| Ballot {
                choices: b.choices.clone(),
                paper: b.paper,
                envelope: b.envelope,
            })
            .collect();
        let brefs: Vec<&Ballot> = bals.iter().collect();
        tally::election(&mode, self.budget(), &refs, &brefs)
    }

    /// The voter columns of `ballots`: pseudonym, `voting_method`, district, age band.
    fn voter_extras(&self, ballots: &[CountedBallot]) -> Extras {
        let district_name = |id: Option<i64>| id.and_then(|d| self.districts.get(&d).cloned());
        Extras {
            voter_ids: ballots.iter().map(|b| b.pseudonym.clone()).collect(),
            project_columns: vec![],
            voter_columns: vec![
                VoterColumn {
                    name: "voting_method".into(),
                    values: ballots
                        .iter()
                        .map(|b| Some(if b.paper { "paper" } else { "internet" }.to_string()))
                        .collect(),
                },
                VoterColumn {
                    name: "district".into(),
                    values: ballots.iter().map(|b| district_name(b.voter_district_id)).collect(),
                },
                VoterColumn {
                    name: "age".into(),
                    values: ballots.iter().map(|b| b.voter_age_band.clone()).collect(),
                },
            ],
        }
    }

    /// The head of the step's `.pb` file: META (with `num_votes`), PROJECTS
    /// (names, districts, paper tallies, winners) and the VOTES columns.
    pub fn pb_head(&self, title: &str, selected: &[i64], num_votes: i64) -> String {
        let mut election = self.election_of(&[]);
        let mut meta = vec![
            ("description".to_string(), title.to_string()),
            ("country".into(), "France".into()),
            ("unit".into(), title.to_string()),
            ("instance".into(), self.settings.step_id.to_string()),
            ("num_projects".into(), self.candidates.len().to_string()),
            ("num_votes".into(), num_votes.to_string()),
            ("rule".into(), self.settings.counting_rule.clone()),
        ];
        if self.settings.per_district {
            meta.push((
                "comment".into(),
                "#1: one envelope per district; see the district column".into(),
            ));
        }
        if self.tallies.iter().any(|(_, v)| *v > 0) {
            meta.push((
                "comment".into(),
                "#2: paper votes counted by hand are in the paper_tally column, not in VOTES".into(),
            ));
        }
        election.meta.extend(meta);
        let column = |name: &str, values: BTreeMap<String, String>| ProjectColumn {
            name: name.into(),
            values,
        };
        let mut project_columns = vec![
            column(
                "name",
                self.candidates
                    .iter()
                    .map(|c| (c.id.to_string(), c.title.clone()))
                    .collect(),
            ),
            column(
                "district",
                self.candidates
                    .iter()
                    .filter_map(|c| Some((c.id.to_string(), c.district_name.clone()?)))
                    .collect(),
            ),
        ];
        if !self.tallies.is_empty() {
            project_columns.push(column(
                "paper_tally",
                self.tallies
                    .iter()
                    .map(|(id, v)| (id.to_string(), v.to_string()))
                    .collect(),
            ));
        }
        if !selected.is_empty() {
            project_columns.push(column(
                "selected",
                self.candidates
                    .iter()
                    .map(|c| {
                        (
                            c.id.to_string(),
                            if selected.contains(&c.id) { "1" } else { "0" }.to_string(),
                        )
                    })
                    .collect(),
            ));
        }
        let extras = Extras {
            project_columns,
            ..self.voter_extras(&[])
        };
        write_head(&election, &extras)
    }

    /// The VOTES rows of some of the step's ballots.
    pub fn pb_rows(&self, ballots: &[CountedBallot]) -> String {
        let mut out = String::new();
        write_vote_rows(&mut out, &self.election_of(ballots), &self.voter_extras(ballots));
        out
    }
}

/// Why results cannot be published.
#[derive(Debug)]
pub enum PublishError {
    NotClosed,
    AlreadyPublished,
    Count(TallyError),
    Other(anyhow::Error),
}

impl From<anyhow::Error> for PublishError {
    fn from(e: anyhow::Error) -> Self {
        PublishError::Other(e)
    }
}

/// Counts a closed vote step, stores its results and winners, opens the
/// winners' follow-up and marks the results published.
pub async fn publish(db: &Db, step_id: i64) -> Result<Count, PublishError> {
    let step = steps::by_id(db, step_id)
        .await
        .map_err(anyhow::Error::from)?
        .ok_or_else(|| PublishError::Other(anyhow::anyhow!("no step {step_id}")))?;
    let state = participe_domain::step::state_at(chrono::Utc::now(), step.starts_at, step.ends_at);
    if state != participe_domain::step::StepState::Closed {
        return Err(PublishError::NotClosed);
    }
    let sb = StepBallots::load(db, step_id).await?;
    if sb.settings.published() {
        return Err(PublishError::AlreadyPublished);
    }
    let count = sb.count().map_err(PublishError::Count)?;
    let rows: Vec<(i64, i64, i64, Option<i64>)> = count
        .rows
        .iter()
        .map(|r| {
            let order = count.selected.iter().position(|id| *id == r.id).map(|i| i as i64 + 1);
            (r.id, r.online, r.paper, order)
        })
        .collect();
    ballots::save_results(db, step_id, &rows)
        .await
        .map_err(anyhow::Error::from)?;
    realisations::ensure(db, &count.selected)
        .await
        .map_err(anyhow::Error::from)?;
    votes::publish(db, step_id).await.map_err(anyhow::Error::from)?;
    Ok(count)
}

/// Ballots read per page when writing a `.pb` file.
const PB_PAGE: i64 = 5_000;

/// The `.pb` file of vote step `step_id` (with the published winners; none
/// before publication), as a stream of pieces of text: the head, then the
/// ballots page by page, so that memory stays flat whatever the number of
/// ballots. None if there is no such vote step.
pub async fn pb_export(
    db: &Db,
    step_id: i64,
) -> anyhow::Result<Option<impl futures_util::Stream<Item = anyhow::Result<String>> + Send + 'static>> {
    let Some(step) = steps::by_id(db, step_id).await? else {
        return Ok(None);
    };
    if step.step_type != participe_domain::step::StepType::Vote.as_str() {
        return Ok(None);
    }
    let project = projects::by_id(db, step.project_id)
        .await?
        .map(|p| p.title)
        .unwrap_or_default();
    let sb = StepBallots::load_head(db, step_id).await?;
    let selected: Vec<i64> = if sb.settings.published() {
        let mut w: Vec<_> = ballots::results(db, step_id)
            .await?
            .into_iter()
            .filter(|r| r.selected)
            .collect();
        w.sort_by_key(|r| r.selection_order);
        w.into_iter().map(|r| r.proposal_id).collect()
    } else {
        vec![]
    };
    let count = ballots::complete_count(db, step_id).await?;
    let head = sb.pb_head(&format!("{project} — {}", step.title), &selected, count);
    let sb = std::sync::Arc::new(sb);
    let db = db.clone();
    // State: the head still to send, the last pseudonym sent, whether done.
    let pieces = futures_util::stream::unfold((Some(head), None::<String>, false), move |(head, after, done)| {
        let (db, sb) = (db.clone(), sb.clone());
        async move {
            if let Some(h) = head {
                return Some((Ok(h), (None, after, done)));
            }
            if done {
                return None;
            }
            match ballots::complete_page(&db, step_id, after.as_deref(), PB_PAGE).await {
                Ok(page) if page.is_empty() => None,
                Ok(page) => {
                    let last = page.last().map(|b| b.pseudonym.clone());
                    let finished = (page.len() as i64) < PB_PAGE;
                    Some((Ok(sb.pb_rows(&page)), (None, last, finished)))
                }
                Err(e) => Some((Err(anyhow::Error::from(e)), (None, after, true))),
            }
        }
    });
    Ok(Some(pieces))
}
