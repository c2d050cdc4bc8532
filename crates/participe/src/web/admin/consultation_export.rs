//! Back office: the CSV exports of a consultation or debate step, for
//! staff: every text, argument and source with its author and state, and
//! one row per participant.

use axum::extract::{Query, State};
use axum::response::Response;
use participe_domain::permission::Action;
use participe_domain::step::StepType;

use super::export::{ExportQuery, csv_download};
use crate::app::AppState;
use crate::storage::{consultation_export as store, steps};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::PathParams;

async fn step_of(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<steps::Step> {
    ctx.require(Action::ManageProjects)?;
    let step = steps::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let kind = StepType::parse(&step.step_type).map_err(|_| AppError::not_found())?;
    if !matches!(kind, StepType::Consultation | StepType::Debate) {
        return Err(AppError::not_found());
    }
    Ok(step)
}

fn write(delimiter: u8, header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> AppResult<Vec<u8>> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(&mut out);
        w.write_record(header).map_err(AppError::internal)?;
        for r in rows {
            w.write_record(&r).map_err(AppError::internal)?;
        }
        w.flush().map_err(AppError::internal)?;
    }
    Ok(out)
}

/// `GET /admin/steps/{id}/contributions.csv`.
pub async fn items(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    Query(q): Query<ExportQuery>,
) -> AppResult<Response> {
    let step = step_of(&state, &ctx, id).await?;
    let deleted = state.i18n.t(ctx.lang, "deleted-user", None);
    let rows = store::items(&state.db, step.id).await?;
    let state_of = |published: bool, hidden: &Option<String>| {
        match (published, hidden) {
            (_, Some(_)) => "hidden",
            (false, None) => "awaiting_moderation",
            (true, None) => "published",
        }
        .to_string()
    };
    let bytes = write(
        q.delimiter(),
        &[
            "kind",
            "id",
            "consultation",
            "section",
            "parent",
            "side",
            "title",
            "body_or_link",
            "author",
            "email",
            "state",
            "hidden_reason",
            "agree",
            "mixed",
            "disagree",
            "upvotes",
            "created_at",
        ],
        rows.into_iter().map(|r| {
            vec![
                r.kind,
                r.id.to_string(),
                r.consultation.unwrap_or_default(),
                r.section.unwrap_or_default(),
                r.parent.map(|p| p.to_string()).unwrap_or_default(),
                r.side.unwrap_or_default(),
                r.title,
                r.body,
                r.author.unwrap_or_else(|| deleted.clone()),
                r.email.unwrap_or_default(),
                state_of(r.published, &r.hidden_reason),
                r.hidden_reason.unwrap_or_default(),
                r.agree.to_string(),
                r.mixed.to_string(),
                r.disagree.to_string(),
                r.upvotes.to_string(),
                r.created_at.to_rfc3339(),
            ]
        }),
    )?;
    Ok(csv_download(&format!("contributions-etape-{}.csv", step.id), bytes))
}

/// `GET /admin/steps/{id}/participants.csv`.
pub async fn participants(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    Query(q): Query<ExportQuery>,
) -> AppResult<Response> {
    let step = step_of(&state, &ctx, id).await?;
    let deleted = state.i18n.t(ctx.lang, "deleted-user", None);
    let rows = store::participants(&state.db, step.id).await?;
    let bytes = write(
        q.delimiter(),
        &[
            "account",
            "name",
            "email",
            "contributions",
            "amendments",
            "votes",
            "arguments",
            "sources",
        ],
        rows.into_iter().map(|r| {
            vec![
                r.id.to_string(),
                r.display_name.unwrap_or_else(|| deleted.clone()),
                r.email.unwrap_or_default(),
                r.contributions.to_string(),
                r.amendments.to_string(),
                r.votes.to_string(),
                r.arguments.to_string(),
                r.sources.to_string(),
            ]
        }),
    )?;
    Ok(csv_download(&format!("participants-etape-{}.csv", step.id), bytes))
}
