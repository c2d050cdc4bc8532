//! Participation counters of a project or a step: people who took part,
//! contributions (published proposals and comments) and votes (complete
//! ballots plus hand-counted paper voters). Shown live and in the API.

use super::{Db, StoreResult};
use crate::on_db;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counters {
    pub participants: i64,
    pub contributions: i64,
    pub votes: i64,
}

/// `$1` is the project id; `steps_of` selects the steps counted.
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
               ) people) AS BIGINT),
               CAST((SELECT COUNT(*) FROM proposals WHERE state = 'published' AND step_id IN (",
            $steps,
            "))
                 + (SELECT COUNT(*) FROM comments c JOIN proposals p ON p.id = c.proposal_id
                    WHERE c.deleted_at IS NULL AND c.hidden_reason IS NULL AND p.step_id IN (",
            $steps,
            ")) AS BIGINT),
               CAST((SELECT COUNT(*) FROM ballots WHERE complete AND step_id IN (",
            $steps,
            "))
                 + (SELECT COALESCE(SUM(v), 0) FROM (SELECT MAX(voters) AS v FROM paper_tallies
                    WHERE step_id IN (",
            $steps,
            ") GROUP BY step_id) t) AS BIGINT)"
        )
    };
}

pub async fn project(db: &Db, project_id: i64) -> StoreResult<Counters> {
    let (participants, contributions, votes): (i64, i64, i64) = on_db!(db, |p| sqlx::query_as(counters_sql!(
        "SELECT id FROM steps WHERE project_id = $1"
    ))
    .bind(project_id)
    .fetch_one(p)
    .await)?;
    Ok(Counters {
        participants,
        contributions,
        votes,
    })
}

pub async fn step(db: &Db, step_id: i64) -> StoreResult<Counters> {
    let (participants, contributions, votes): (i64, i64, i64) =
        on_db!(db, |p| sqlx::query_as(counters_sql!("SELECT CAST($1 AS BIGINT)"))
            .bind(step_id)
            .fetch_one(p)
            .await)?;
    Ok(Counters {
        participants,
        contributions,
        votes,
    })
}
