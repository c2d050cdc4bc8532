//! Participation counters of a project or a step: people who took part,
//! contributions (published proposals, comments, and in consultations and
//! debates the participants' texts, arguments and sources) and votes
//! (complete ballots, hand-counted paper voters, opinion and debate votes).
//! Shown live and in the API.

use super::{Db, StoreResult};
use crate::on_db;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counters {
    pub participants: i64,
    pub contributions: i64,
    pub votes: i64,
}

/// The public opinions (articles, contributions, amendments) of the
/// consultations of the steps selected by `$steps`.
macro_rules! public_opinions {
    ($steps:literal) => {
        concat!(
            "SELECT o.id, o.author_id, o.kind FROM opinions o
               JOIN consultation_sections s ON s.id = o.section_id
               JOIN consultations c ON c.id = s.consultation_id
              WHERE o.published AND o.hidden_reason IS NULL AND c.step_id IN (",
            $steps,
            ")"
        )
    };
}

/// Public arguments on those opinions and on the steps' debates.
macro_rules! public_arguments {
    ($steps:literal) => {
        concat!(
            "SELECT a.author_id FROM arguments a
              WHERE a.published AND a.hidden_reason IS NULL
                AND (a.opinion_id IN (SELECT id FROM (",
            public_opinions!($steps),
            ") po) OR a.debate_id IN (SELECT id FROM debates WHERE step_id IN (",
            $steps,
            ")))"
        )
    };
}

macro_rules! public_sources {
    ($steps:literal) => {
        concat!(
            "SELECT r.author_id FROM sources r WHERE r.published AND r.hidden_reason IS NULL
                AND r.opinion_id IN (SELECT id FROM (",
            public_opinions!($steps),
            ") po)"
        )
    };
}

/// Counted debate votes: those of accounts, and those by email once confirmed.
macro_rules! debate_votes {
    ($steps:literal) => {
        concat!(
            "SELECT v.user_id FROM debate_votes v
              WHERE (v.user_id IS NOT NULL OR v.confirmed_at IS NOT NULL)
                AND v.debate_id IN (SELECT id FROM debates WHERE step_id IN (",
            $steps,
            "))"
        )
    };
}

macro_rules! opinion_votes {
    ($steps:literal) => {
        concat!(
            "SELECT v.user_id FROM opinion_votes v WHERE v.opinion_id IN (SELECT id FROM (",
            public_opinions!($steps),
            ") po)"
        )
    };
}

/// `$1` is the project id; `steps_of` selects the steps counted. People are
/// counted once whatever they did: proposals, comments, ballots, and in
/// consultations and debates their contributions, votes, arguments and sources.
/// Contributions are proposals, comments, participants' opinions (not the
/// organisers' articles), arguments and sources; votes are ballots, paper
/// voters, opinion votes and debate votes.
macro_rules! counters_sql {
    ($steps:literal) => {
        concat!(
            "SELECT
               CAST((SELECT COUNT(*) FROM (
                   SELECT author_id AS who FROM proposals WHERE state = 'published' AND step_id IN (",
            $steps,
            ")
                   UNION SELECT c.author_id FROM comments c JOIN proposals p ON p.id = c.proposal_id
                         WHERE c.deleted_at IS NULL AND p.step_id IN (",
            $steps,
            ")
                   UNION SELECT voter_id FROM ballots WHERE complete AND voter_id IS NOT NULL AND step_id IN (",
            $steps,
            ")
                   UNION SELECT po.author_id FROM (",
            public_opinions!($steps),
            ") po WHERE po.kind <> 'article' AND po.author_id IS NOT NULL
                   UNION SELECT pa.author_id FROM (",
            public_arguments!($steps),
            ") pa WHERE pa.author_id IS NOT NULL
                   UNION SELECT ps.author_id FROM (",
            public_sources!($steps),
            ") ps
                   UNION SELECT ov.user_id FROM (",
            opinion_votes!($steps),
            ") ov
                   UNION SELECT dv.user_id FROM (",
            debate_votes!($steps),
            ") dv WHERE dv.user_id IS NOT NULL
               ) people) AS BIGINT),
               CAST((SELECT COUNT(*) FROM proposals WHERE state = 'published' AND step_id IN (",
            $steps,
            "))
                 + (SELECT COUNT(*) FROM comments c JOIN proposals p ON p.id = c.proposal_id
                    WHERE c.deleted_at IS NULL AND c.hidden_reason IS NULL AND p.step_id IN (",
            $steps,
            "))
                 + (SELECT COUNT(*) FROM (",
            public_opinions!($steps),
            ") po WHERE po.kind <> 'article')
                 + (SELECT COUNT(*) FROM (",
            public_arguments!($steps),
            ") pa)
                 + (SELECT COUNT(*) FROM (",
            public_sources!($steps),
            ") ps) AS BIGINT),
               CAST((SELECT COUNT(*) FROM ballots WHERE complete AND step_id IN (",
            $steps,
            "))
                 + (SELECT COALESCE(SUM(v), 0) FROM (SELECT MAX(voters) AS v FROM paper_tallies
                    WHERE step_id IN (",
            $steps,
            ") GROUP BY step_id) t)
                 + (SELECT COUNT(*) FROM (",
            opinion_votes!($steps),
            ") ov)
                 + (SELECT COUNT(*) FROM (",
            debate_votes!($steps),
            ") dv) AS BIGINT)"
        )
    };
}

/// The three counts in the order `counters_sql!` selects them.
impl From<(i64, i64, i64)> for Counters {
    fn from((participants, contributions, votes): (i64, i64, i64)) -> Self {
        Counters {
            participants,
            contributions,
            votes,
        }
    }
}

pub async fn project(db: &Db, project_id: i64) -> StoreResult<Counters> {
    let row: (i64, i64, i64) = on_db!(db, |p| sqlx::query_as(counters_sql!(
        "SELECT id FROM steps WHERE project_id = $1"
    ))
    .bind(project_id)
    .fetch_one(p)
    .await)?;
    Ok(row.into())
}

pub async fn step(db: &Db, step_id: i64) -> StoreResult<Counters> {
    let row: (i64, i64, i64) = on_db!(db, |p| sqlx::query_as(counters_sql!("SELECT CAST($1 AS BIGINT)"))
        .bind(step_id)
        .fetch_one(p)
        .await)?;
    Ok(row.into())
}

/// The counters of every public project together (a person who took part in
/// two projects counts once).
pub async fn public_projects(db: &Db) -> StoreResult<Counters> {
    let row: (i64, i64, i64) = on_db!(db, |p| sqlx::query_as(counters_sql!(
        "SELECT s.id FROM steps s JOIN projects pj ON pj.id = s.project_id WHERE pj.visibility = 'public'"
    ))
    .fetch_one(p)
    .await)?;
    Ok(row.into())
}
