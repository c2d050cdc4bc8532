//! The open-data files of consultations and debates: texts, arguments,
//! sources and debates, written by the same streaming encoder as the other
//! files, with authors as per-file pseudonyms.

use futures_util::StreamExt;
use participe_domain::open_data::{self, Dataset};
use serde::Serialize;
use tokio::sync::mpsc;

use super::open_data::{Chunk, Encoder, Job, OpenRow, opt, send_if_full};
use crate::storage::open_data_texts as store;

#[derive(Serialize)]
struct OpinionOut {
    id: i64,
    kind: String,
    consultation: String,
    section: String,
    amends: Option<i64>,
    title: String,
    body: String,
    appendix: String,
    author_pseudonym: Option<String>,
    agree: i64,
    mixed: i64,
    disagree: i64,
    arguments_for: i64,
    arguments_against: i64,
    sources: i64,
    official_answer: String,
    created_at: String,
}

impl OpenRow for OpinionOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.kind.clone(),
            self.consultation.clone(),
            self.section.clone(),
            opt(&self.amends),
            self.title.clone(),
            self.body.clone(),
            self.appendix.clone(),
            opt(&self.author_pseudonym),
            self.agree.to_string(),
            self.mixed.to_string(),
            self.disagree.to_string(),
            self.arguments_for.to_string(),
            self.arguments_against.to_string(),
            self.sources.to_string(),
            self.official_answer.clone(),
            self.created_at.clone(),
        ]
    }
}

#[derive(Serialize)]
struct ArgumentOut {
    id: i64,
    opinion: Option<i64>,
    debate: Option<i64>,
    side: String,
    body: String,
    author_pseudonym: Option<String>,
    upvotes: i64,
    created_at: String,
}

impl OpenRow for ArgumentOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            opt(&self.opinion),
            opt(&self.debate),
            self.side.clone(),
            self.body.clone(),
            opt(&self.author_pseudonym),
            self.upvotes.to_string(),
            self.created_at.clone(),
        ]
    }
}

#[derive(Serialize)]
struct SourceOut {
    id: i64,
    opinion: i64,
    category: Option<String>,
    title: String,
    url: String,
    description: String,
    author_pseudonym: String,
    upvotes: i64,
    created_at: String,
}

impl OpenRow for SourceOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.opinion.to_string(),
            opt(&self.category),
            self.title.clone(),
            self.url.clone(),
            self.description.clone(),
            self.author_pseudonym.clone(),
            self.upvotes.to_string(),
            self.created_at.clone(),
        ]
    }
}

#[derive(Serialize)]
struct DebateOut {
    id: i64,
    question: String,
    for_votes: i64,
    against_votes: i64,
    arguments_for: i64,
    arguments_against: i64,
}

impl OpenRow for DebateOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.question.clone(),
            self.for_votes.to_string(),
            self.against_votes.to_string(),
            self.arguments_for.to_string(),
            self.arguments_against.to_string(),
        ]
    }
}

/// Writes the rows of `dataset`; false when the client left.
pub(super) async fn write(
    job: &Job,
    dataset: Dataset,
    enc: &mut Encoder,
    tx: &mpsc::Sender<Chunk>,
) -> anyhow::Result<bool> {
    let pseudonym = |user: i64| open_data::pseudonym(&job.secret, &job.file, job.step_id, user);
    match dataset {
        Dataset::Opinions => {
            let mut rows = store::opinions(&job.db, job.step_id);
            while let Some(o) = rows.next().await {
                let o = o?;
                let author = (o.kind != "article").then_some(o.author_id).flatten();
                enc.push(&OpinionOut {
                    id: o.id,
                    kind: o.kind,
                    consultation: o.consultation,
                    section: o.section,
                    amends: o.amends_id,
                    title: o.title,
                    body: o.body,
                    appendix: o.appendix,
                    author_pseudonym: author.map(pseudonym),
                    agree: o.agree_count,
                    mixed: o.mixed_count,
                    disagree: o.disagree_count,
                    arguments_for: o.for_count,
                    arguments_against: o.against_count,
                    sources: o.source_count,
                    official_answer: o.answer,
                    created_at: o.created_at.to_rfc3339(),
                })?;
                if !send_if_full(enc, tx).await? {
                    return Ok(false);
                }
            }
        }
        Dataset::Arguments => {
            let mut rows = store::arguments(&job.db, job.step_id);
            while let Some(a) = rows.next().await {
                let a = a?;
                enc.push(&ArgumentOut {
                    id: a.id,
                    opinion: a.opinion_id,
                    debate: a.debate_id,
                    side: a.side,
                    body: a.body,
                    author_pseudonym: a.author_id.map(pseudonym),
                    upvotes: a.vote_count,
                    created_at: a.created_at.to_rfc3339(),
                })?;
                if !send_if_full(enc, tx).await? {
                    return Ok(false);
                }
            }
        }
        Dataset::Sources => {
            let mut rows = store::sources(&job.db, job.step_id);
            while let Some(r) = rows.next().await {
                let r = r?;
                enc.push(&SourceOut {
                    id: r.id,
                    opinion: r.opinion_id,
                    category: r.category,
                    title: r.title,
                    url: r.url,
                    description: r.description,
                    author_pseudonym: pseudonym(r.author_id),
                    upvotes: r.vote_count,
                    created_at: r.created_at.to_rfc3339(),
                })?;
                if !send_if_full(enc, tx).await? {
                    return Ok(false);
                }
            }
        }
        Dataset::Debates => {
            let mut rows = store::debates(&job.db, job.step_id);
            while let Some(d) = rows.next().await {
                let d = d?;
                enc.push(&DebateOut {
                    id: d.id,
                    question: d.question,
                    for_votes: d.for_count,
                    against_votes: d.against_count,
                    arguments_for: d.arguments_for,
                    arguments_against: d.arguments_against,
                })?;
                if !send_if_full(enc, tx).await? {
                    return Ok(false);
                }
            }
        }
        Dataset::Proposals | Dataset::Comments | Dataset::Votes | Dataset::Results | Dataset::Answers => {}
    }
    Ok(true)
}
