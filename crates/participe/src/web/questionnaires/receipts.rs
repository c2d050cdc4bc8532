//! A published votation's ballots, by receipt code: every voter can find
//! theirs and check it was counted as cast, and anyone can download them all
//! (CSV, one column per question) and recount.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use participe_domain::form::{Answer, Question};
use participe_domain::questionnaire::{Kind, normalise_receipt};
use serde::Deserialize;

use super::place;
use crate::app::AppState;
use crate::storage::questionnaires;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::PathParams;
use crate::web::pagination::{PageQuery, Pager};
use crate::web::render;

const PER_PAGE: i64 = 100;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReceiptQuery {
    page: Option<String>,
    code: String,
}

/// A ballot's answers as plain text, one per question that takes one.
fn cells(questions: &[Question], answers: &[(i64, String)]) -> Vec<String> {
    questions
        .iter()
        .filter(|q| q.kind.takes_answer())
        .map(|q| {
            answers
                .iter()
                .find(|(id, _)| *id == q.id)
                .map(|(_, v)| Answer::from_storage(q.kind, v).plain())
                .unwrap_or_default()
        })
        .collect()
}

async fn published_votation(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<super::Place> {
    let p = place(state, ctx, id).await?;
    if p.questionnaire.settings.kind != Kind::Vote || !p.published() {
        return Err(AppError::not_found());
    }
    Ok(p)
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    Query(q): Query<ReceiptQuery>,
) -> AppResult<Response> {
    let p = published_votation(&state, &ctx, id).await?;
    let total = questionnaires::reply_count(&state.db, id).await?;
    // A code typed in: show the page that holds it, and mark it.
    let code = normalise_receipt(&q.code);
    let (found, page_query) = match &code {
        Some(c) => match questionnaires::receipt_position(&state.db, id, c).await? {
            Some(pos) => (
                Some(true),
                PageQuery {
                    page: Some((pos / PER_PAGE + 1).to_string()),
                },
            ),
            None => (Some(false), PageQuery { page: q.page.clone() }),
        },
        None => (
            (!q.code.trim().is_empty()).then_some(false),
            PageQuery { page: q.page.clone() },
        ),
    };
    let pager = Pager::new(&page_query, PER_PAGE, total);
    let rows: Vec<_> = questionnaires::ballots(&state.db, id, pager.offset(), PER_PAGE)
        .await?
        .into_iter()
        .map(|(receipt, answers)| view! { mine => code.as_deref() == Some(receipt.as_str()), cells => cells(&p.questions, &answers), receipt })
        .collect();
    let headers: Vec<&str> = p
        .questions
        .iter()
        .filter(|q| q.kind.takes_answer())
        .map(|q| q.label.as_str())
        .collect();
    let html = render::page(
        &state,
        &ctx,
        "questionnaires/receipts.html",
        view! { project => p.project, step => p.step, rows, headers, pager, total, code => q.code, found },
    )
    .await?;
    Ok(html.into_response())
}

pub async fn csv(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let p = published_votation(&state, &ctx, id).await?;
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        let mut header = vec!["receipt".to_string()];
        header.extend(
            p.questions
                .iter()
                .filter(|q| q.kind.takes_answer())
                .map(|q| q.label.clone()),
        );
        w.write_record(&header).map_err(AppError::internal)?;
        let mut offset = 0;
        loop {
            let batch = questionnaires::ballots(&state.db, id, offset, 1000).await?;
            if batch.is_empty() {
                break;
            }
            offset += batch.len() as i64;
            for (receipt, answers) in batch {
                let mut row = vec![receipt];
                row.extend(cells(&p.questions, &answers));
                w.write_record(&row).map_err(AppError::internal)?;
            }
        }
        w.flush().map_err(AppError::internal)?;
    }
    Ok(crate::web::admin::export::csv_download(
        &format!("bulletins-votation-{id}.csv"),
        out,
    ))
}
