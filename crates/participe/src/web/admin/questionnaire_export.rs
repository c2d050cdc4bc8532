//! Back office: a questionnaire's replies as CSV (one column per question,
//! UTF-8 with a byte-order mark, `;` by default or `,`) or JSON, read in
//! batches. Staff exports hold private answers and the respondent's email;
//! a votation's hold only receipts (its ballots have no voter).

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use participe_domain::form::{Answer, Question};
use participe_domain::permission::Action;

use super::export::{ExportQuery, csv_download};
use crate::app::AppState;
use crate::storage::questionnaires::{self, ExportedReply};
use crate::storage::{forms, steps};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::PathParams;

const BATCH: i64 = 1000;

async fn load(state: &AppState, ctx: &Ctx, step_id: i64) -> AppResult<Vec<Question>> {
    ctx.require(Action::DecideProposals)?;
    let step = steps::by_id(&state.db, step_id)
        .await?
        .filter(|s| s.step_type == participe_domain::step::StepType::Questionnaire.as_str())
        .ok_or_else(AppError::not_found)?;
    let q = questionnaires::get_or_create(&state.db, step.id).await?;
    Ok(forms::questions(&state.db, q.form_id)
        .await?
        .into_iter()
        .filter(|q| q.kind.takes_answer())
        .collect())
}

fn answer_of(q: &Question, answers: &[(i64, String)]) -> Option<Answer> {
    answers
        .iter()
        .find(|(id, _)| *id == q.id)
        .map(|(_, v)| Answer::from_storage(q.kind, v))
}

fn meta(r: &ExportedReply) -> [String; 6] {
    [
        r.id.to_string(),
        r.receipt.clone().unwrap_or_default(),
        r.email.clone().unwrap_or_default(),
        r.district.clone().unwrap_or_default(),
        r.age_band.clone().unwrap_or_default(),
        r.created_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
    ]
}

const META: [&str; 6] = ["reply", "receipt", "email", "district", "age_band", "created_at"];

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(step_id): PathParams<i64>,
    Query(q): Query<ExportQuery>,
) -> AppResult<Response> {
    let questions = load(&state, &ctx, step_id).await?;
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().delimiter(q.delimiter()).from_writer(&mut out);
        let header: Vec<String> = META
            .iter()
            .map(|s| s.to_string())
            .chain(questions.iter().map(|q| q.label.clone()))
            .collect();
        w.write_record(&header).map_err(AppError::internal)?;
        let mut after = 0;
        loop {
            let batch = questionnaires::export_batch(&state.db, step_id, after, BATCH).await?;
            let Some(last) = batch.last() else { break };
            after = last.0.id;
            for (r, answers) in &batch {
                let row: Vec<String> = meta(r)
                    .into_iter()
                    .chain(
                        questions
                            .iter()
                            .map(|q| answer_of(q, answers).map(|a| a.plain()).unwrap_or_default()),
                    )
                    .collect();
                w.write_record(&row).map_err(AppError::internal)?;
            }
        }
        w.flush().map_err(AppError::internal)?;
    }
    Ok(csv_download(&format!("reponses-etape-{step_id}.csv"), out))
}

pub async fn json(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(step_id): PathParams<i64>,
) -> AppResult<Response> {
    let questions = load(&state, &ctx, step_id).await?;
    let mut replies = Vec::new();
    let mut after = 0;
    loop {
        let batch = questionnaires::export_batch(&state.db, step_id, after, BATCH).await?;
        let Some(last) = batch.last() else { break };
        after = last.0.id;
        for (r, answers) in batch {
            let m = meta(&r);
            let mut obj = serde_json::Map::new();
            for (k, v) in META.iter().zip(m) {
                obj.insert(k.to_string(), serde_json::Value::String(v));
            }
            let a: Vec<serde_json::Value> = questions
                .iter()
                .filter_map(|q| {
                    let ans = answer_of(q, &answers)?;
                    Some(serde_json::json!({ "question_id": q.id, "question": q.label, "kind": q.kind.as_str(), "value": ans.plain() }))
                })
                .collect();
            obj.insert("answers".into(), serde_json::Value::Array(a));
            replies.push(serde_json::Value::Object(obj));
        }
    }
    let body = serde_json::to_vec_pretty(&serde_json::json!({ "step_id": step_id, "replies": replies }))
        .map_err(AppError::internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"reponses-etape-{step_id}.json\""),
            ),
        ],
        body,
    )
        .into_response())
}
