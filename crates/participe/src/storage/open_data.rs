//! Open data: the public steps, row counts, and the rows of each export as
//! streams (`fetch`), so an export of a million ballots never sits in memory.
//! Rows carry people's ids only for the caller to turn into pseudonyms; no
//! name, email or address is read.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use futures_util::stream::{BoxStream, StreamExt};

use super::{Db, StoreError, StoreResult};
use crate::on_db;

/// A published step of a public project.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PublicStep {
    pub id: i64,
    pub project_id: i64,
    pub project_slug: String,
    pub project_title: String,
    pub title: String,
    pub step_type: String,
    pub counts_public: bool,
    pub results_published_at: Option<DateTime<Utc>>,
    /// A questionnaire's results are visible to everyone (public, and for
    /// a votation published): its answers are open data.
    pub answers_public: bool,
}

macro_rules! public_steps {
    ($where:literal) => {
        concat!(
            "SELECT s.id, s.project_id, p.slug AS project_slug, p.title AS project_title, s.title, s.step_type,
                 COALESCE(v.counts_public, FALSE) AS counts_public, v.results_published_at,
                 COALESCE(q.results_public AND (q.kind = 'survey' OR q.results_published_at IS NOT NULL), FALSE)
                     AS answers_public
             FROM steps s JOIN projects p ON p.id = s.project_id LEFT JOIN vote_settings v ON v.step_id = s.id
             LEFT JOIN questionnaires q ON q.step_id = s.id
             WHERE s.published AND p.visibility = 'public' ",
            $where
        )
    };
}

/// Every published step of every public project, projects newest first,
/// steps in order.
pub async fn public_steps(db: &Db) -> StoreResult<Vec<PublicStep>> {
    Ok(on_db!(db, |p| sqlx::query_as(public_steps!(
        "ORDER BY p.id DESC, s.position"
    ))
    .fetch_all(p)
    .await)?)
}

/// Step `id` if it is published in a public project.
pub async fn public_step(db: &Db, id: i64) -> StoreResult<Option<PublicStep>> {
    Ok(on_db!(db, |p| sqlx::query_as(public_steps!("AND s.id = $1"))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// The rows of each file of a step.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Counts {
    pub proposals: i64,
    pub comments: i64,
    pub votes: i64,
    pub results: i64,
    pub opinions: i64,
    pub arguments: i64,
    pub sources: i64,
    pub debates: i64,
    pub answers: i64,
}

impl Counts {
    fn add(&mut self, dataset: &str, n: i64) {
        match dataset {
            "proposals" => self.proposals = n,
            "comments" => self.comments = n,
            "votes" => self.votes = n,
            "results" => self.results = n,
            "opinions" => self.opinions = n,
            "arguments" => self.arguments = n,
            "sources" => self.sources = n,
            "debates" => self.debates = n,
            "answers" => self.answers = n,
            _ => {}
        }
    }
}

/// What the exports include: published proposals that are not hidden, and
/// their comments that are neither hidden nor deleted.
macro_rules! public_proposal {
    () => {
        "p.state = 'published' AND p.hidden_reason IS NULL"
    };
}
macro_rules! public_comment {
    () => {
        "c.hidden_reason IS NULL AND c.deleted_at IS NULL"
    };
}

/// The questionnaire answers that are open data: submitted replies, not a
/// private question's, not files.
macro_rules! public_answer {
    () => {
        "NOT r.draft AND NOT fq.private AND fq.kind <> 'file'"
    };
}

/// The rows of every file of every step that has any, in two statements
/// whatever the number of steps (the open-data page lists them all).
pub async fn counts_by_step(db: &Db) -> StoreResult<HashMap<i64, Counts>> {
    let mut rows: Vec<(i64, String, i64)> = on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT p.step_id, 'proposals', COUNT(*) FROM proposals p WHERE ",
        public_proposal!(),
        " GROUP BY p.step_id
         UNION ALL SELECT p.step_id, 'comments', COUNT(*) FROM comments c
           JOIN proposals p ON p.id = c.proposal_id WHERE ",
        public_proposal!(),
        " AND ",
        public_comment!(),
        " GROUP BY p.step_id
         UNION ALL SELECT step_id, 'votes', COUNT(*) FROM ballots WHERE complete GROUP BY step_id
         UNION ALL SELECT step_id, 'results', COUNT(*) FROM vote_results GROUP BY step_id
         UNION ALL SELECT r.step_id, 'answers', COUNT(*) FROM questionnaire_replies r
           JOIN reply_answers a ON a.reply_id = r.id JOIN form_questions fq ON fq.id = a.question_id
          WHERE ",
        public_answer!(),
        " GROUP BY r.step_id"
    ))
    .fetch_all(p)
    .await)?;
    rows.extend(super::open_data_texts::counts_by_step(db).await?);
    let mut by_step: HashMap<i64, Counts> = HashMap::new();
    for (step, dataset, n) in rows {
        by_step.entry(step).or_default().add(&dataset, n);
    }
    Ok(by_step)
}

/// A proposal as published: its author only as an id, to pseudonymise.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProposalRow {
    pub id: i64,
    pub number: Option<i64>,
    pub reference_prefix: Option<String>,
    pub title: String,
    pub summary: String,
    pub status: Option<String>,
    pub outcome: Option<String>,
    pub cost: Option<i64>,
    pub district: Option<String>,
    pub theme: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub author_id: i64,
    pub comment_count: i64,
}

/// The public proposals of a step, by number, as a stream.
pub fn proposals(db: &Db, step_id: i64) -> BoxStream<'_, StoreResult<ProposalRow>> {
    const SQL: &str = concat!(
        "SELECT p.id, p.number, cs.reference_prefix, p.title, p.summary, s.name AS status, p.outcome, p.cost,
             d.name AS district, t.name AS theme, p.published_at, p.author_id,
             (SELECT COUNT(*) FROM comments c WHERE c.proposal_id = p.id AND ",
        public_comment!(),
        ") AS comment_count
         FROM proposals p
         LEFT JOIN collect_settings cs ON cs.step_id = p.step_id
         LEFT JOIN proposal_statuses s ON s.id = p.status_id
         LEFT JOIN districts d ON d.id = p.district_id
         LEFT JOIN themes t ON t.id = p.theme_id
         WHERE p.step_id = $1 AND ",
        public_proposal!(),
        " ORDER BY p.number, p.id"
    );
    on_db!(db, |p| sqlx::query_as(SQL)
        .bind(step_id)
        .fetch(p)
        .map(|r| r.map_err(StoreError::from))
        .boxed())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub proposal_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// The public comments on a step's public proposals, oldest first, as a stream.
pub fn comments(db: &Db, step_id: i64) -> BoxStream<'_, StoreResult<CommentRow>> {
    const SQL: &str = concat!(
        "SELECT c.id, c.proposal_id, c.parent_id, c.author_id, c.body, c.created_at
         FROM comments c JOIN proposals p ON p.id = c.proposal_id
         WHERE p.step_id = $1 AND ",
        public_proposal!(),
        " AND ",
        public_comment!(),
        " ORDER BY c.id"
    );
    on_db!(db, |p| sqlx::query_as(SQL)
        .bind(step_id)
        .fetch(p)
        .map(|r| r.map_err(StoreError::from))
        .boxed())
}

/// One choice of a complete ballot (a ballot with no choice gives one row
/// with no proposal). Rows come by ballot, then rank.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BallotChoiceRow {
    pub ballot_id: i64,
    pub pseudonym: String,
    pub channel: String,
    pub envelope_district: Option<String>,
    pub voter_district: Option<String>,
    pub age_band: Option<String>,
    pub proposal_id: Option<i64>,
}

/// The complete ballots of a step with their choices, as a stream. The
/// ballots are read in id order over the step's id range (`+step_id` keeps
/// SQLite off the step index), and each one's choices through the
/// `(ballot_id, rank)` index, so rows come out already ordered: no sort of
/// the whole result before the first row.
pub fn ballot_choices(db: &Db, step_id: i64) -> BoxStream<'_, StoreResult<BallotChoiceRow>> {
    const SQL: &str = "SELECT b.id AS ballot_id, b.pseudonym, b.channel, ed.name AS envelope_district,
             vd.name AS voter_district, b.voter_age_band AS age_band, c.proposal_id
         FROM ballots b
         LEFT JOIN ballot_choices c ON c.ballot_id = b.id
         LEFT JOIN districts ed ON ed.id = b.envelope
         LEFT JOIN districts vd ON vd.id = b.voter_district_id
         WHERE b.id BETWEEN (SELECT MIN(id) FROM ballots WHERE step_id = $1)
             AND (SELECT MAX(id) FROM ballots WHERE step_id = $1)
           AND +b.step_id = $1 AND b.complete
         ORDER BY b.id, c.rank";
    on_db!(db, |p| sqlx::query_as(SQL)
        .bind(step_id)
        .fetch(p)
        .map(|r| r.map_err(StoreError::from))
        .boxed())
}

/// One answer of a complete reply (or ballot), without its author. Rows
/// come by reply, then question.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRow {
    pub reply_id: i64,
    pub channel: String,
    pub district: Option<String>,
    pub age_band: Option<String>,
    pub question_id: i64,
    pub value: String,
}

/// The answers of a questionnaire step's complete replies, as a stream.
pub fn answers(db: &Db, step_id: i64) -> BoxStream<'_, StoreResult<AnswerRow>> {
    const SQL: &str = "SELECT r.id AS reply_id, r.channel, d.name AS district, r.age_band, a.question_id, a.value
         FROM questionnaire_replies r
         JOIN reply_answers a ON a.reply_id = r.id
         JOIN form_questions fq ON fq.id = a.question_id
         LEFT JOIN districts d ON d.id = r.district_id
         WHERE r.step_id = $1 AND NOT r.draft
         ORDER BY r.id, fq.position";
    on_db!(db, |p| sqlx::query_as(SQL)
        .bind(step_id)
        .fetch(p)
        .map(|r| r.map_err(StoreError::from))
        .boxed())
}
