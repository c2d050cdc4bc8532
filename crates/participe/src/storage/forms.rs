//! Forms of custom questions (the form engine's storage).

use participe_domain::form::{Question, QuestionKind};

use super::{Db, StoreError, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow)]
struct QuestionRow {
    id: i64,
    kind: String,
    label: String,
    help: String,
    required: bool,
    min_value: Option<i64>,
    max_value: Option<i64>,
    choices: String,
    allow_other: bool,
}

impl From<QuestionRow> for Question {
    fn from(r: QuestionRow) -> Question {
        Question {
            id: r.id,
            kind: QuestionKind::parse(&r.kind).unwrap_or(QuestionKind::ShortText),
            label: r.label,
            help: r.help,
            required: r.required,
            min: r.min_value,
            max: r.max_value,
            choices: r.choices.lines().map(str::to_string).collect(),
            allow_other: r.allow_other,
        }
    }
}

pub async fn create(db: &Db) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO forms (created_at) VALUES ($1) RETURNING id"
    )
    .bind(now())
    .fetch_one(p)
    .await)?)
}

/// The questions of a form, in order.
pub async fn questions(db: &Db, form_id: i64) -> StoreResult<Vec<Question>> {
    let rows: Vec<QuestionRow> = on_db!(db, |p| sqlx::query_as(
        "SELECT id, kind, label, help, required, min_value, max_value, choices, allow_other
         FROM form_questions WHERE form_id = $1 ORDER BY position"
    )
    .bind(form_id)
    .fetch_all(p)
    .await)?;
    Ok(rows.into_iter().map(Question::from).collect())
}

/// The form a question belongs to.
pub async fn form_of_question(db: &Db, question_id: i64) -> StoreResult<i64> {
    on_db!(db, |p| sqlx::query_scalar(
        "SELECT form_id FROM form_questions WHERE id = $1"
    )
    .bind(question_id)
    .fetch_optional(p)
    .await)?
    .ok_or(StoreError::NotFound)
}

/// Appends a question at the end of a form.
pub async fn add_question(db: &Db, form_id: i64, q: &Question) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
        "INSERT INTO form_questions (form_id, position, kind, label, help, required, min_value, max_value, choices, allow_other)
         SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM form_questions WHERE form_id = $1
         RETURNING id"
    )
    .bind(form_id)
    .bind(q.kind.as_str())
    .bind(&q.label)
    .bind(&q.help)
    .bind(q.required)
    .bind(q.min)
    .bind(q.max)
    .bind(q.choices.join("\n"))
    .bind(q.allow_other)
    .fetch_one(p)
    .await
    })?)
}

pub async fn update_question(db: &Db, id: i64, q: &Question) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE form_questions SET kind = $2, label = $3, help = $4, required = $5, min_value = $6, max_value = $7,
         choices = $8, allow_other = $9 WHERE id = $1"
    )
    .bind(id)
    .bind(q.kind.as_str())
    .bind(&q.label)
    .bind(&q.help)
    .bind(q.required)
    .bind(q.min)
    .bind(q.max)
    .bind(q.choices.join("\n"))
    .bind(q.allow_other)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn delete_question(db: &Db, id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query("DELETE FROM form_questions WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Swaps a question with its neighbour in one transaction.
pub async fn move_question(db: &Db, id: i64, up: bool) -> StoreResult<bool> {
    let form_id = form_of_question(db, id).await?;
    super::positions::swap(db, super::positions::Ordered::Questions, form_id, id, up).await
}
