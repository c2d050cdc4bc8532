//! Configuration of vote steps: settings, the proposals on the ballot,
//! district envelopes, mediators, and voters' acceptance of the rules.

use chrono::{DateTime, Utc};
use participe_domain::vote::{Requirements, VoteMode};
use participe_domain::vote_config::{self, CountingRule, VoteConfig};

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct VoteSettings {
    pub step_id: i64,
    pub mode: String,
    pub source: String,
    pub source_step_id: Option<i64>,
    pub min_choices: Option<i64>,
    pub max_choices: Option<i64>,
    pub envelope: Option<i64>,
    pub min_spend_percent: Option<i64>,
    pub per_district: bool,
    pub counts_public: bool,
    pub req_confirmed_email: bool,
    pub req_verified_identity: bool,
    pub req_id_code: bool,
    pub req_phone: bool,
    pub req_min_age: Option<i64>,
    pub req_postal_codes: String,
    pub req_accept_rules: bool,
    pub rules_text: String,
    pub counting_rule: String,
    pub territorial_k: i64,
    pub results_published_at: Option<DateTime<Utc>>,
}

impl VoteSettings {
    /// The vote mode for a ballot in this envelope (a district's amount, or
    /// the step's envelope).
    pub fn mode(&self, envelope: Option<i64>) -> VoteMode {
        vote_config::vote_mode(
            &self.mode,
            self.min_choices,
            self.max_choices,
            envelope.or(self.envelope),
            self.min_spend_percent,
        )
    }

    pub fn requirements(&self) -> Requirements {
        vote_config::requirements(
            (
                self.req_confirmed_email,
                self.req_verified_identity,
                self.req_id_code,
                self.req_phone,
            ),
            self.req_min_age,
            &self.req_postal_codes,
            self.req_accept_rules,
        )
    }

    pub fn rule(&self) -> CountingRule {
        CountingRule::parse(&self.counting_rule).unwrap_or(CountingRule::Greedy)
    }

    pub fn published(&self) -> bool {
        self.results_published_at.is_some()
    }
}

macro_rules! select_settings {
    () => {
        "SELECT step_id, mode, source, source_step_id, min_choices, max_choices, envelope, min_spend_percent,
             per_district, counts_public, req_confirmed_email, req_verified_identity, req_id_code, req_phone, req_min_age, req_postal_codes,
             req_accept_rules, rules_text, counting_rule, territorial_k, results_published_at
         FROM vote_settings WHERE step_id = $1"
    };
}

/// The settings of a vote step, created with defaults (ballot = the
/// admissible proposals of the project's first collect step) the first time.
pub async fn settings(db: &Db, step_id: i64) -> StoreResult<VoteSettings> {
    let found: Option<VoteSettings> = on_db!(db, |p| sqlx::query_as(select_settings!())
        .bind(step_id)
        .fetch_optional(p)
        .await)?;
    if let Some(s) = found {
        return Ok(s);
    }
    on_db!(db, |p| sqlx::query(
        "INSERT INTO vote_settings (step_id, source_step_id)
         VALUES ($1, (SELECT c.id FROM steps c JOIN steps v ON v.project_id = c.project_id
                      WHERE v.id = $1 AND c.step_type = 'collect' ORDER BY c.position LIMIT 1))
         ON CONFLICT (step_id) DO NOTHING"
    )
    .bind(step_id)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(on_db!(db, |p| sqlx::query_as(select_settings!())
        .bind(step_id)
        .fetch_one(p)
        .await)?)
}

pub async fn save_settings(db: &Db, step_id: i64, c: &VoteConfig, source_step_id: Option<i64>) -> StoreResult<()> {
    settings(db, step_id).await?;
    on_db!(db, |p| sqlx::query(
        "UPDATE vote_settings SET mode = $2, source = $3, source_step_id = $4, min_choices = $5, max_choices = $6,
             envelope = $7, min_spend_percent = $8, per_district = $9, counts_public = $10, req_confirmed_email = $11,
             req_min_age = $12, req_postal_codes = $13, req_accept_rules = $14, rules_text = $15, counting_rule = $16,
             territorial_k = $17, req_verified_identity = $18, req_id_code = $19, req_phone = $20
         WHERE step_id = $1"
    )
    .bind(step_id)
    .bind(c.mode)
    .bind(c.source.as_str())
    .bind(source_step_id)
    .bind(c.min_choices)
    .bind(c.max_choices)
    .bind(c.envelope)
    .bind(c.min_spend_percent)
    .bind(c.per_district)
    .bind(c.counts_public)
    .bind(c.req_confirmed_email)
    .bind(c.req_min_age)
    .bind(&c.req_postal_codes)
    .bind(c.req_accept_rules)
    .bind(&c.rules_text)
    .bind(c.counting_rule.as_str())
    .bind(c.territorial_k)
    .bind(c.req_verified_identity)
    .bind(c.req_id_code)
    .bind(c.req_phone)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// A proposal on the ballot.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Candidate {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub cost: Option<i64>,
    pub district_id: Option<i64>,
    pub district_name: Option<String>,
    pub image_path: Option<String>,
}

macro_rules! select_candidates {
    ($where:literal) => {
        concat!(
            "SELECT p.id, p.title, p.summary, p.cost, p.district_id, d.name AS district_name, p.image_path
             FROM proposals p LEFT JOIN districts d ON d.id = p.district_id
             WHERE p.state = 'published' AND p.hidden_reason IS NULL AND ",
            $where,
            " ORDER BY p.title, p.id"
        )
    };
}

/// The proposals on a step's ballot.
pub async fn candidates(db: &Db, s: &VoteSettings) -> StoreResult<Vec<Candidate>> {
    Ok(if s.source == "manual" {
        on_db!(db, |p| sqlx::query_as(select_candidates!(
            "p.id IN (SELECT proposal_id FROM vote_candidates WHERE step_id = $1)"
        ))
        .bind(s.step_id)
        .fetch_all(p)
        .await)?
    } else {
        on_db!(db, |p| sqlx::query_as(select_candidates!(
            "p.step_id = $1 AND p.outcome = 'admissible'"
        ))
        .bind(s.source_step_id.unwrap_or(-1))
        .fetch_all(p)
        .await)?
    })
}

/// Every published proposal of the project's collect steps, to pick from by hand.
pub async fn selectable(db: &Db, project_id: i64) -> StoreResult<Vec<Candidate>> {
    Ok(on_db!(db, |p| sqlx::query_as(select_candidates!(
        "p.step_id IN (SELECT id FROM steps WHERE project_id = $1 AND step_type = 'collect')"
    ))
    .bind(project_id)
    .fetch_all(p)
    .await)?)
}

/// Replaces the manual selection.
pub async fn set_manual(db: &Db, step_id: i64, ids: &[i64]) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM vote_candidates WHERE step_id = $1")
                .bind(step_id)
                .execute(&mut *tx)
                .await?;
            for id in ids {
                sqlx::query(
                    "INSERT INTO vote_candidates (step_id, proposal_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                )
                .bind(step_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

pub async fn manual_ids(db: &Db, step_id: i64) -> StoreResult<Vec<i64>> {
    let rows: Vec<(i64,)> = on_db!(db, |p| sqlx::query_as(
        "SELECT proposal_id FROM vote_candidates WHERE step_id = $1 ORDER BY proposal_id"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// A district envelope.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Envelope {
    pub district_id: i64,
    pub name: String,
    pub amount: i64,
}

pub async fn envelopes(db: &Db, step_id: i64) -> StoreResult<Vec<Envelope>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT e.district_id, d.name, e.amount FROM vote_envelopes e JOIN districts d ON d.id = e.district_id
         WHERE e.step_id = $1 ORDER BY d.name"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

/// Replaces the district envelopes (None removes a district's).
pub async fn set_envelopes(db: &Db, step_id: i64, amounts: &[(i64, Option<i64>)]) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            for (district, amount) in amounts {
                sqlx::query("DELETE FROM vote_envelopes WHERE step_id = $1 AND district_id = $2")
                    .bind(step_id)
                    .bind(district)
                    .execute(&mut *tx)
                    .await?;
                if let Some(a) = amount {
                    sqlx::query("INSERT INTO vote_envelopes (step_id, district_id, amount) VALUES ($1, $2, $3)")
                        .bind(step_id)
                        .bind(district)
                        .bind(a)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// A mediator of a step.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Mediator {
    pub user_id: i64,
    pub display_name: Option<String>,
    pub email: Option<String>,
}

pub async fn mediators(db: &Db, step_id: i64) -> StoreResult<Vec<Mediator>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT m.user_id, u.display_name, u.email FROM vote_mediators m JOIN users u ON u.id = m.user_id
         WHERE m.step_id = $1 ORDER BY u.display_name, u.id"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

pub async fn add_mediator(db: &Db, step_id: i64, user_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "INSERT INTO vote_mediators (step_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
    )
    .bind(step_id)
    .bind(user_id)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn remove_mediator(db: &Db, step_id: i64, user_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "DELETE FROM vote_mediators WHERE step_id = $1 AND user_id = $2"
    )
    .bind(step_id)
    .bind(user_id)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn is_mediator(db: &Db, step_id: i64, user_id: i64) -> StoreResult<bool> {
    let n: i64 = on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM vote_mediators WHERE step_id = $1 AND user_id = $2"
    )
    .bind(step_id)
    .bind(user_id)
    .fetch_one(p)
    .await)?;
    Ok(n > 0)
}

pub async fn accept_rules(db: &Db, step_id: i64, user_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "INSERT INTO vote_acceptances (step_id, user_id, accepted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
    )
    .bind(step_id)
    .bind(user_id)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn has_accepted(db: &Db, step_id: i64, user_id: i64) -> StoreResult<bool> {
    let n: i64 = on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM vote_acceptances WHERE step_id = $1 AND user_id = $2"
    )
    .bind(step_id)
    .bind(user_id)
    .fetch_one(p)
    .await)?;
    Ok(n > 0)
}

/// Marks the results published (once).
pub async fn publish(db: &Db, step_id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE vote_settings SET results_published_at = $2 WHERE step_id = $1 AND results_published_at IS NULL"
    )
    .bind(step_id)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The postal code a person declared.
pub async fn postal_code(db: &Db, user_id: i64) -> StoreResult<Option<String>> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT postal_code FROM users WHERE id = $1"
    )
    .bind(user_id)
    .fetch_optional(p)
    .await)?
    .flatten())
}

/// A person's phone number (E.164), if they gave one.
pub async fn phone(db: &Db, user_id: i64) -> StoreResult<Option<String>> {
    Ok(
        on_db!(db, |p| sqlx::query_scalar("SELECT phone FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(p)
            .await)?
        .flatten(),
    )
}

pub async fn set_phone(db: &Db, user_id: i64, phone: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("UPDATE users SET phone = $2 WHERE id = $1")
        .bind(user_id)
        .bind(phone)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

pub async fn set_postal_code(db: &Db, user_id: i64, code: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("UPDATE users SET postal_code = $2 WHERE id = $1")
        .bind(user_id)
        .bind(code)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}
