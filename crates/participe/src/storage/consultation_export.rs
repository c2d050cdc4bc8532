//! The staff exports of a consultation or debate step: every item with its
//! author and state (published, awaiting moderation, hidden), and one row
//! per participant with what they did.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult};
use crate::on_db;

/// The texts of the step's consultations, whatever their state.
const OPS: &str = "ops AS (SELECT o.id, o.author_id, o.kind FROM opinions o
     JOIN consultation_sections s ON s.id = o.section_id
     JOIN consultations c ON c.id = s.consultation_id WHERE c.step_id = $1)";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemRow {
    /// article, contribution, amendment, argument or source.
    pub kind: String,
    pub id: i64,
    pub consultation: Option<String>,
    pub section: Option<String>,
    /// The opinion (amendments, arguments, sources) or debate (arguments) it belongs to.
    pub parent: Option<i64>,
    pub side: Option<String>,
    pub title: String,
    pub body: String,
    pub author: Option<String>,
    pub email: Option<String>,
    pub published: bool,
    pub hidden_reason: Option<String>,
    pub agree: i64,
    pub mixed: i64,
    pub disagree: i64,
    pub upvotes: i64,
    pub created_at: DateTime<Utc>,
}

/// Every text, argument and source of the step, in order of creation by kind.
pub async fn items(db: &Db, step_id: i64) -> StoreResult<Vec<ItemRow>> {
    let sql = format!(
        "WITH {OPS}
         SELECT o.kind, o.id, c.title AS consultation, s.title AS section, o.amends_id AS parent,
                CAST(NULL AS TEXT) AS side, o.title, o.body, u.display_name AS author, u.email,
                o.published, o.hidden_reason, o.agree_count AS agree, o.mixed_count AS mixed,
                o.disagree_count AS disagree, CAST(0 AS BIGINT) AS upvotes, o.created_at
           FROM opinions o JOIN consultation_sections s ON s.id = o.section_id
           JOIN consultations c ON c.id = s.consultation_id LEFT JOIN users u ON u.id = o.author_id
          WHERE o.id IN (SELECT id FROM ops)
         UNION ALL
         SELECT 'argument', a.id, NULL, NULL, COALESCE(a.opinion_id, a.debate_id), a.side, '', a.body,
                u.display_name, COALESCE(u.email, a.author_email), a.published, a.hidden_reason, 0, 0, 0,
                a.vote_count, a.created_at
           FROM arguments a LEFT JOIN users u ON u.id = a.author_id
          WHERE a.opinion_id IN (SELECT id FROM ops) OR a.debate_id IN (SELECT id FROM debates WHERE step_id = $1)
         UNION ALL
         SELECT 'source', r.id, NULL, NULL, r.opinion_id, NULL, r.title, r.url, u.display_name, u.email,
                r.published, r.hidden_reason, 0, 0, 0, r.vote_count, r.created_at
           FROM sources r LEFT JOIN users u ON u.id = r.author_id
          WHERE r.opinion_id IN (SELECT id FROM ops)
         ORDER BY 1, 2"
    );
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(step_id)
        .fetch_all(p)
        .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ParticipantRow {
    pub id: i64,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub contributions: i64,
    pub amendments: i64,
    pub votes: i64,
    pub arguments: i64,
    pub sources: i64,
}

/// One row per account that took part in the step.
pub async fn participants(db: &Db, step_id: i64) -> StoreResult<Vec<ParticipantRow>> {
    let sql = format!(
        "WITH {OPS},
         args AS (SELECT a.author_id FROM arguments a WHERE a.author_id IS NOT NULL
                  AND (a.opinion_id IN (SELECT id FROM ops) OR a.debate_id IN (SELECT id FROM debates WHERE step_id = $1))),
         srcs AS (SELECT r.author_id FROM sources r WHERE r.opinion_id IN (SELECT id FROM ops)),
         ovotes AS (SELECT v.user_id FROM opinion_votes v WHERE v.opinion_id IN (SELECT id FROM ops)),
         dvotes AS (SELECT v.user_id FROM debate_votes v WHERE v.user_id IS NOT NULL
                    AND v.debate_id IN (SELECT id FROM debates WHERE step_id = $1)),
         people AS (SELECT author_id AS id FROM ops WHERE kind <> 'article' AND author_id IS NOT NULL
                    UNION SELECT author_id FROM args UNION SELECT author_id FROM srcs
                    UNION SELECT user_id FROM ovotes UNION SELECT user_id FROM dvotes)
         SELECT u.id, u.display_name, u.email,
                (SELECT COUNT(*) FROM ops WHERE ops.author_id = u.id AND ops.kind = 'contribution') AS contributions,
                (SELECT COUNT(*) FROM ops WHERE ops.author_id = u.id AND ops.kind = 'amendment') AS amendments,
                (SELECT COUNT(*) FROM ovotes WHERE ovotes.user_id = u.id)
                  + (SELECT COUNT(*) FROM dvotes WHERE dvotes.user_id = u.id) AS votes,
                (SELECT COUNT(*) FROM args WHERE args.author_id = u.id) AS arguments,
                (SELECT COUNT(*) FROM srcs WHERE srcs.author_id = u.id) AS sources
           FROM users u JOIN people ON people.id = u.id ORDER BY u.id"
    );
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(step_id)
        .fetch_all(p)
        .await)?)
}
