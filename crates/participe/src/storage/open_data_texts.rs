//! Open data of consultations and debates: the rows of the texts,
//! arguments, sources and debates files of a step, as streams. Authors come
//! as ids only, for the caller to turn into pseudonyms.

use chrono::{DateTime, Utc};
use futures_util::stream::{BoxStream, StreamExt};

use super::{Db, StoreError, StoreResult};
use crate::on_db;

/// The public texts with their step: `o` joined to its section `s` and
/// consultation `c` (whose `step_id` is the step).
macro_rules! opinion_in_step {
    () => {
        " FROM opinions o
           JOIN consultation_sections s ON s.id = o.section_id
           JOIN consultations c ON c.id = s.consultation_id
          WHERE o.published AND o.hidden_reason IS NULL "
    };
}

/// The public texts of a consultation step.
macro_rules! public_opinions {
    ($select:literal, $rest:literal) => {
        concat!("SELECT ", $select, opinion_in_step!(), "AND c.step_id = $1 ", $rest)
    };
}

/// An argument anyone may read.
macro_rules! public_argument {
    () => {
        "a.published AND a.hidden_reason IS NULL"
    };
}

/// A source anyone may read.
macro_rules! public_source {
    () => {
        "r.published AND r.hidden_reason IS NULL"
    };
}

/// Public arguments on a step's public texts or on its debates.
macro_rules! public_arguments {
    ($select:literal, $rest:literal) => {
        concat!(
            "SELECT ",
            $select,
            " FROM arguments a WHERE ",
            public_argument!(),
            " AND (a.opinion_id IN (",
            public_opinions!("o.id", ""),
            ") OR a.debate_id IN (SELECT id FROM debates WHERE step_id = $1)) ",
            $rest
        )
    };
}

macro_rules! public_sources {
    ($select:literal, $rest:literal) => {
        concat!(
            "SELECT ",
            $select,
            " FROM sources r LEFT JOIN source_categories k ON k.id = r.category_id WHERE ",
            public_source!(),
            " AND r.opinion_id IN (",
            public_opinions!("o.id", ""),
            ") ",
            $rest
        )
    };
}

/// The rows of the texts, arguments, sources and debates files of every
/// step that has any, as (step, dataset, rows): one statement whatever the
/// number of steps. The conditions are those of the exports above.
pub async fn counts_by_step(db: &Db) -> StoreResult<Vec<(i64, String, i64)>> {
    Ok(on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT c.step_id, 'opinions', COUNT(*)",
        opinion_in_step!(),
        "GROUP BY c.step_id
         UNION ALL SELECT step_id, 'arguments', COUNT(*) FROM (
           SELECT c.step_id FROM arguments a JOIN (SELECT o.id, c.step_id",
        opinion_in_step!(),
        ") c ON c.id = a.opinion_id WHERE ",
        public_argument!(),
        " UNION ALL SELECT d.step_id FROM arguments a JOIN debates d ON d.id = a.debate_id WHERE ",
        public_argument!(),
        ") x GROUP BY step_id
         UNION ALL SELECT c.step_id, 'sources', COUNT(*) FROM sources r JOIN (SELECT o.id, c.step_id",
        opinion_in_step!(),
        ") c ON c.id = r.opinion_id WHERE ",
        public_source!(),
        " GROUP BY c.step_id
         UNION ALL SELECT step_id, 'debates', COUNT(*) FROM debates GROUP BY step_id"
    ))
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpinionRow {
    pub id: i64,
    pub kind: String,
    pub consultation: String,
    pub section: String,
    pub amends_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub appendix: String,
    pub author_id: Option<i64>,
    pub agree_count: i64,
    pub mixed_count: i64,
    pub disagree_count: i64,
    pub for_count: i64,
    pub against_count: i64,
    pub source_count: i64,
    pub answer: String,
    pub created_at: DateTime<Utc>,
}

/// The public texts of a step, by consultation, section and position.
pub fn opinions(db: &Db, step_id: i64) -> BoxStream<'_, StoreResult<OpinionRow>> {
    const SQL: &str = public_opinions!(
        "o.id, o.kind, c.title AS consultation, s.title AS section, o.amends_id, o.title, o.body, o.appendix,
         o.author_id, o.agree_count, o.mixed_count, o.disagree_count, o.for_count, o.against_count,
         o.source_count, o.answer, o.created_at",
        "ORDER BY c.position, c.id, s.position, s.id, o.position, o.id"
    );
    on_db!(db, |p| sqlx::query_as(SQL)
        .bind(step_id)
        .fetch(p)
        .map(|r| r.map_err(StoreError::from))
        .boxed())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ArgumentRow {
    pub id: i64,
    pub opinion_id: Option<i64>,
    pub debate_id: Option<i64>,
    pub side: String,
    pub body: String,
    pub author_id: Option<i64>,
    pub vote_count: i64,
    pub created_at: DateTime<Utc>,
}

pub fn arguments(db: &Db, step_id: i64) -> BoxStream<'_, StoreResult<ArgumentRow>> {
    const SQL: &str = public_arguments!(
        "a.id, a.opinion_id, a.debate_id, a.side, a.body, a.author_id, a.vote_count, a.created_at",
        "ORDER BY a.id"
    );
    on_db!(db, |p| sqlx::query_as(SQL)
        .bind(step_id)
        .fetch(p)
        .map(|r| r.map_err(StoreError::from))
        .boxed())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SourceRow {
    pub id: i64,
    pub opinion_id: i64,
    pub category: Option<String>,
    pub title: String,
    pub url: String,
    pub description: String,
    pub author_id: i64,
    pub vote_count: i64,
    pub created_at: DateTime<Utc>,
}

pub fn sources(db: &Db, step_id: i64) -> BoxStream<'_, StoreResult<SourceRow>> {
    const SQL: &str = public_sources!(
        "r.id, r.opinion_id, k.name AS category, r.title, r.url, r.description, r.author_id, r.vote_count,
         r.created_at",
        "ORDER BY r.id"
    );
    on_db!(db, |p| sqlx::query_as(SQL)
        .bind(step_id)
        .fetch(p)
        .map(|r| r.map_err(StoreError::from))
        .boxed())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DebateRow {
    pub id: i64,
    pub question: String,
    pub for_count: i64,
    pub against_count: i64,
    pub arguments_for: i64,
    pub arguments_against: i64,
}

pub fn debates(db: &Db, step_id: i64) -> BoxStream<'_, StoreResult<DebateRow>> {
    const SQL: &str = "SELECT d.id, d.question, d.for_count, d.against_count,
            (SELECT COUNT(*) FROM arguments a WHERE a.debate_id = d.id AND a.side = 'for'
                AND a.published AND a.hidden_reason IS NULL) AS arguments_for,
            (SELECT COUNT(*) FROM arguments a WHERE a.debate_id = d.id AND a.side = 'against'
                AND a.published AND a.hidden_reason IS NULL) AS arguments_against
         FROM debates d WHERE d.step_id = $1 ORDER BY d.id";
    on_db!(db, |p| sqlx::query_as(SQL)
        .bind(step_id)
        .fetch(p)
        .map(|r| r.map_err(StoreError::from))
        .boxed())
}
