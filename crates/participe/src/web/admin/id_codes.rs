//! Back office: the identification codes of a vote step, a questionnaire
//! (a votation, say) or a petition: import a CSV list, see how many were
//! used online and on paper, remove the unused ones.

use axum::extract::{Multipart, State};
use axum::response::Response;
use participe_domain::id_codes;
use participe_domain::permission::Action;

use crate::app::AppState;
use crate::storage::steps::Step;
use crate::storage::{id_codes as store, projects};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, form_response, redirect_with_flash};
use crate::web::render;
use crate::web::upload::read_multipart;

/// A step that may ask for codes: a vote, a questionnaire, or a collect
/// step in petition mode; and the address of its settings.
async fn coded_step(state: &AppState, id: i64) -> AppResult<(Step, String)> {
    let step = crate::storage::steps::by_id(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let settings = match step.step_type.as_str() {
        "vote" => "vote",
        "questionnaire" => "questionnaire",
        "collect" if crate::storage::petitions::settings(&state.db, id).await?.is_some() => "collect#petition",
        _ => return Err(AppError::not_found()),
    };
    let back = format!("/admin/steps/{id}/{settings}");
    Ok((step, back))
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    (step, back): &(Step, String),
    import_errors: Vec<(usize, String)>,
) -> AppResult<Response> {
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let (total, online, paper) = store::counts(&state.db, step.id).await?;
    let failed = !import_errors.is_empty();
    let import_errors: Vec<minijinja::Value> = import_errors
        .into_iter()
        .map(|(line, message)| view! { line, message })
        .collect();
    let html = render::page(
        state,
        ctx,
        "admin/id_codes.html",
        view! { project, step, back, total, online, paper, unused => total - online - paper, import_errors },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let coded = coded_step(&state, id).await?;
    page(&state, &ctx, &coded, vec![]).await
}

/// Imports a CSV list of codes: all or nothing.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let coded = coded_step(&state, id).await?;
    let step = &coded.0;
    let form = read_multipart(multipart).await?;
    let errors = match form.csv_list(&state.i18n, ctx.lang, id_codes::parse_csv) {
        Err(errors) => errors,
        Ok(codes) => {
            let added = store::import(&state.db, step.id, &codes).await?;
            tracing::info!(step = step.id, added, "identification codes imported");
            return Ok(redirect_with_flash(
                &state,
                &format!("/admin/steps/{id}/codes"),
                "flash-id-codes-imported",
            ));
        }
    };
    page(&state, &ctx, &coded, errors).await
}

/// Removes the codes nobody used.
pub async fn delete_unused(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, _) = coded_step(&state, id).await?;
    store::delete_unused(&state.db, step.id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/steps/{id}/codes"),
        "flash-id-codes-deleted",
    ))
}
