//! Back office: CSV export of a step's proposals with their analysis, in
//! UTF-8 with a byte-order mark so spreadsheet software reads accents.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use participe_domain::form::Answer;
use participe_domain::permission::Action;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::{analyses, collect, forms, proposals, steps};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::PathParams;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExportQuery {
    /// `comma`, `semicolon` (the default, as French spreadsheets expect) or `tab`.
    sep: String,
}

impl ExportQuery {
    pub fn delimiter(&self) -> u8 {
        match self.sep.as_str() {
            "comma" => b',',
            "tab" => b'\t',
            _ => b';',
        }
    }
}

/// A small CSV table as spreadsheet software reads it: a byte-order mark,
/// `;` between fields, the header first.
pub fn csv_table<R, F>(header: &[&str], rows: R) -> AppResult<Vec<u8>>
where
    R: IntoIterator<Item = Vec<F>>,
    F: AsRef<[u8]>,
{
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    w.write_record(header).map_err(AppError::internal)?;
    for row in rows {
        w.write_record(row).map_err(AppError::internal)?;
    }
    w.into_inner().map_err(|e| AppError::internal(e.into_error()))
}

/// A CSV file to download.
pub fn csv_download(filename: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(step_id): PathParams<i64>,
    Query(q): Query<ExportQuery>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = steps::by_id(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let delimiter = q.delimiter();
    let c = collect::get_or_create(&state.db, step.id).await?;
    let questions = forms::questions(&state.db, c.settings.form_id).await?;
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(&mut out);
        let mut header: Vec<String> = [
            "reference",
            "title",
            "author",
            "summary",
            "description",
            "cost",
            "district",
            "theme",
            "category",
            "address",
            "latitude",
            "longitude",
            "status",
            "outcome",
            "merged_into",
            "hidden",
            "comments",
            "published_at",
            "analyst",
            "admissibility",
            "reason",
            "reason_text",
            "feasibility",
            "cost_estimate",
            "delay_months",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        header.extend(
            questions
                .iter()
                .filter(|q| q.kind != participe_domain::form::QuestionKind::Section)
                .map(|q| q.label.clone()),
        );
        w.write_record(&header).map_err(AppError::internal)?;
        let all = proposals::all_published(&state.db, step.id).await?;
        let all_analyses = analyses::of_step(&state.db, step.id).await?;
        let mut all_answers: std::collections::HashMap<i64, Vec<(i64, String)>> = std::collections::HashMap::new();
        for (pid, q, v) in proposals::answers_of_step(&state.db, step.id).await? {
            all_answers.entry(pid).or_default().push((q, v));
        }
        for p in &all {
            let a = all_analyses.get(&p.id);
            let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
            let merged = p
                .merged_into_id
                .and_then(|m| all.iter().find(|o| o.id == m))
                .and_then(|o| o.reference())
                .unwrap_or_default();
            let mut row = vec![
                p.reference().unwrap_or_default(),
                p.title.clone(),
                p.author_name
                    .clone()
                    .unwrap_or_else(|| state.i18n.t(ctx.lang, "deleted-user", None)),
                p.summary.clone(),
                p.description.clone(),
                opt(p.cost),
                p.district_name.clone().unwrap_or_default(),
                p.theme_name.clone().unwrap_or_default(),
                p.category_name.clone().unwrap_or_default(),
                p.address.clone(),
                p.latitude.map(|x| x.to_string()).unwrap_or_default(),
                p.longitude.map(|x| x.to_string()).unwrap_or_default(),
                p.status_name.clone().unwrap_or_default(),
                p.outcome.clone().unwrap_or_default(),
                merged,
                p.hidden_reason.clone().unwrap_or_default(),
                p.comment_count.to_string(),
                p.published_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
                a.as_ref().and_then(|a| a.analyst_name.clone()).unwrap_or_default(),
                a.as_ref().map(|a| a.admissibility.clone()).unwrap_or_default(),
                a.as_ref().and_then(|a| a.reason_name.clone()).unwrap_or_default(),
                a.as_ref().map(|a| a.reason_text.clone()).unwrap_or_default(),
                a.as_ref().map(|a| a.feasibility.clone()).unwrap_or_default(),
                opt(a.as_ref().and_then(|a| a.cost_estimate)),
                opt(a.as_ref().and_then(|a| a.delay_months)),
            ];
            let stored = all_answers.get(&p.id).map(Vec::as_slice).unwrap_or_default();
            for q in questions
                .iter()
                .filter(|q| q.kind != participe_domain::form::QuestionKind::Section)
            {
                let v = stored
                    .iter()
                    .find(|(id, _)| *id == q.id)
                    .map(|(_, v)| Answer::from_storage(q.kind, v));
                row.push(v.map(|a| a.plain()).unwrap_or_default());
            }
            w.write_record(&row).map_err(AppError::internal)?;
        }
        w.flush().map_err(AppError::internal)?;
    }
    Ok(csv_download(&format!("propositions-etape-{}.csv", step.id), out))
}
