//! Forms of custom questions (the form engine's storage).

use participe_domain::form::{ChoiceDisplay, Logic, Question, QuestionKind, choices_from_text, choices_to_text};

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
    description: String,
    private: bool,
    display: String,
    random_order: bool,
    level: i64,
    logic: String,
}

impl From<QuestionRow> for Question {
    fn from(r: QuestionRow) -> Question {
        Question {
            id: r.id,
            kind: QuestionKind::parse(&r.kind).unwrap_or(QuestionKind::ShortText),
            label: r.label,
            help: r.help,
            description: r.description,
            required: r.required,
            private: r.private,
            min: r.min_value,
            max: r.max_value,
            choices: choices_from_text(&r.choices),
            allow_other: r.allow_other,
            display: ChoiceDisplay::parse(&r.display),
            random_order: r.random_order,
            level: r.level.clamp(1, 3) as u8,
            logic: if r.logic.is_empty() {
                Logic::default()
            } else {
                serde_json::from_str(&r.logic).unwrap_or_default()
            },
        }
    }
}

fn logic_text(logic: &Logic) -> String {
    if logic.is_empty() {
        String::new()
    } else {
        serde_json::to_string(logic).unwrap_or_default()
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
        "SELECT id, kind, label, help, required, min_value, max_value, choices, allow_other, description, private,
         display, random_order, level, logic
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
        "INSERT INTO form_questions (form_id, position, kind, label, help, required, min_value, max_value, choices, allow_other,
         description, private, display, random_order, level, logic)
         SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15
         FROM form_questions WHERE form_id = $1
         RETURNING id"
    )
    .bind(form_id)
    .bind(q.kind.as_str())
    .bind(&q.label)
    .bind(&q.help)
    .bind(q.required)
    .bind(q.min)
    .bind(q.max)
    .bind(choices_to_text(&q.choices))
    .bind(q.allow_other)
    .bind(&q.description)
    .bind(q.private)
    .bind(q.display.as_str())
    .bind(q.random_order)
    .bind(i64::from(q.level))
    .bind(logic_text(&q.logic))
    .fetch_one(p)
    .await
    })?)
}

pub async fn update_question(db: &Db, id: i64, q: &Question) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE form_questions SET kind = $2, label = $3, help = $4, required = $5, min_value = $6, max_value = $7,
         choices = $8, allow_other = $9, description = $10, private = $11, display = $12, random_order = $13,
         level = $14 WHERE id = $1"
    )
    .bind(id)
    .bind(q.kind.as_str())
    .bind(&q.label)
    .bind(&q.help)
    .bind(q.required)
    .bind(q.min)
    .bind(q.max)
    .bind(choices_to_text(&q.choices))
    .bind(q.allow_other)
    .bind(&q.description)
    .bind(q.private)
    .bind(q.display.as_str())
    .bind(q.random_order)
    .bind(i64::from(q.level))
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

/// Replaces a question's logic jumps.
pub async fn set_logic(db: &Db, id: i64, logic: &Logic) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE form_questions SET logic = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(logic_text(logic))
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}
