//! Configuration of collect steps: rules, standard fields, custom form,
//! categories and proposal statuses.

use participe_domain::proposal::{CollectRules, FieldMode, StandardField};

use super::{Db, StoreResult, WriteTx};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CollectSettings {
    pub step_id: i64,
    pub form_id: i64,
    pub reference_prefix: String,
    pub max_cost: Option<i64>,
    pub min_age: Option<i64>,
    pub max_per_person: i64,
}

/// A standard field's configuration.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FieldSetting {
    pub field: &'static str,
    pub mode: &'static str,
    pub help: String,
}

/// Everything a collect step's form needs.
#[derive(Debug, Clone)]
pub struct Collect {
    pub settings: CollectSettings,
    pub rules: CollectRules,
    pub fields: Vec<FieldSetting>,
}

impl Collect {
    pub fn help(&self, f: StandardField) -> &str {
        self.fields
            .iter()
            .find(|s| s.field == f.as_str())
            .map(|s| s.help.as_str())
            .unwrap_or("")
    }
}

/// The configuration of a collect step, created with defaults the first
/// time it is asked for.
pub async fn get_or_create(db: &Db, step_id: i64) -> StoreResult<Collect> {
    let existing: Option<CollectSettings> = on_db!(db, |p| {
        sqlx::query_as(
        "SELECT step_id, form_id, reference_prefix, max_cost, min_age, max_per_person FROM collect_settings WHERE step_id = $1"
    )
    .bind(step_id)
    .fetch_optional(p)
    .await
    })?;
    let settings = match existing {
        Some(s) => s,
        None => create_default(db, step_id).await?,
    };
    let rows: Vec<(String, String, String)> = on_db!(db, |p| sqlx::query_as(
        "SELECT field, mode, help FROM collect_fields WHERE step_id = $1"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    let mut fields = Vec::new();
    let mut modes = Vec::new();
    for f in StandardField::ALL {
        let (mode, help) = rows
            .iter()
            .find(|(name, _, _)| name == f.as_str())
            .map(|(_, m, h)| (FieldMode::parse(m).unwrap_or(FieldMode::Off), h.clone()))
            .unwrap_or((FieldMode::Off, String::new()));
        fields.push(FieldSetting {
            field: f.as_str(),
            mode: mode.as_str(),
            help,
        });
        modes.push((f, mode));
    }
    let rules = CollectRules {
        fields: modes,
        max_cost: settings.max_cost,
        min_age: settings.min_age.map(|a| a.clamp(0, 200) as u32),
        max_per_person: settings.max_per_person.clamp(0, u32::MAX as i64) as u32,
    };
    Ok(Collect {
        settings,
        rules,
        fields,
    })
}

async fn create_default(db: &Db, step_id: i64) -> StoreResult<CollectSettings> {
    let form_id = super::forms::create(db).await?;
    let defaults = CollectRules::default();
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "INSERT INTO collect_settings (step_id, form_id) VALUES ($1, $2) ON CONFLICT (step_id) DO NOTHING",
            )
            .bind(step_id)
            .bind(form_id)
            .execute(&mut *tx)
            .await?;
            for (f, m) in &defaults.fields {
                sqlx::query(
                    "INSERT INTO collect_fields (step_id, field, mode) VALUES ($1, $2, $3) ON CONFLICT (step_id, field) DO NOTHING",
                )
                .bind(step_id)
                .bind(f.as_str())
                .bind(m.as_str())
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    // Another request may have created it first: read what is stored.
    Ok(on_db!(db, |p| {
        sqlx::query_as(
        "SELECT step_id, form_id, reference_prefix, max_cost, min_age, max_per_person FROM collect_settings WHERE step_id = $1"
    )
    .bind(step_id)
    .fetch_one(p)
    .await
    })?)
}

/// New settings for a collect step.
pub struct SettingsUpdate<'a> {
    pub reference_prefix: &'a str,
    pub max_cost: Option<i64>,
    pub min_age: Option<i64>,
    pub max_per_person: i64,
    pub fields: &'a [(StandardField, FieldMode, String)],
}

/// Saves the rules and field modes in one transaction.
pub async fn save(db: &Db, step_id: i64, u: &SettingsUpdate<'_>) -> StoreResult<()> {
    get_or_create(db, step_id).await?;
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "UPDATE collect_settings SET reference_prefix = $2, max_cost = $3, min_age = $4, max_per_person = $5
                 WHERE step_id = $1",
            )
            .bind(step_id)
            .bind(u.reference_prefix)
            .bind(u.max_cost)
            .bind(u.min_age)
            .bind(u.max_per_person)
            .execute(&mut *tx)
            .await?;
            for (f, m, help) in u.fields {
                sqlx::query(
                    "INSERT INTO collect_fields (step_id, field, mode, help) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (step_id, field) DO UPDATE SET mode = $3, help = $4",
                )
                .bind(step_id)
                .bind(f.as_str())
                .bind(m.as_str())
                .bind(help)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// A category or a status: a named item of a step.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

pub async fn categories(db: &Db, step_id: i64) -> StoreResult<Vec<Named>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, name FROM categories WHERE step_id = $1 ORDER BY name"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

pub async fn add_category(db: &Db, step_id: i64, name: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO categories (step_id, name) VALUES ($1, $2) RETURNING id"
    )
    .bind(step_id)
    .bind(name)
    .fetch_one(p)
    .await)?)
}

/// Deletes a category of this step (proposals keep no category).
pub async fn delete_category(db: &Db, step_id: i64, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "DELETE FROM categories WHERE id = $1 AND step_id = $2"
    )
    .bind(id)
    .bind(step_id)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Status {
    pub id: i64,
    pub step_id: i64,
    pub name: String,
    pub colour: String,
}

pub async fn statuses(db: &Db, step_id: i64) -> StoreResult<Vec<Status>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, step_id, name, colour FROM proposal_statuses WHERE step_id = $1 ORDER BY position"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

/// Every status of every step (for the style sheet).
pub async fn all_statuses(db: &Db) -> StoreResult<Vec<Status>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, step_id, name, colour FROM proposal_statuses ORDER BY id"
    )
    .fetch_all(p)
    .await)?)
}

pub async fn status(db: &Db, id: i64) -> StoreResult<Option<Status>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, step_id, name, colour FROM proposal_statuses WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await)?)
}

pub async fn add_status(db: &Db, step_id: i64, name: &str, colour: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO proposal_statuses (step_id, name, colour, position)
         SELECT $1, $2, $3, COALESCE(MAX(position), 0) + 1 FROM proposal_statuses WHERE step_id = $1 RETURNING id"
    )
    .bind(step_id)
    .bind(name)
    .bind(colour)
    .fetch_one(p)
    .await)?)
}

pub async fn delete_status(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM proposal_statuses WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The configurable list of reasons for refusing a proposal.
pub async fn reasons(db: &Db) -> StoreResult<Vec<Named>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT id, name FROM admissibility_reasons ORDER BY name"
    )
    .fetch_all(p)
    .await)?)
}

pub async fn add_reason(db: &Db, name: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO admissibility_reasons (name) VALUES ($1) RETURNING id"
    )
    .bind(name)
    .fetch_one(p)
    .await)?)
}

pub async fn delete_reason(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM admissibility_reasons WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}
