//! A questionnaire's results page: per question, an accessible table and an
//! SVG bar chart; private answers withheld from the public; staff filter by
//! district or age band.

use axum::extract::{Query, State};
use axum::response::Response;
use participe_domain::permission::Action;
use participe_domain::questionnaire::{Kind, results_visible};
use participe_domain::vote::AGE_BANDS;
use serde::Deserialize;

use super::{districts, place};
use crate::app::AppState;
use crate::storage::questionnaires::Filter;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, no_errors};
use crate::web::render;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FilterQuery {
    district: String,
    age: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    Query(q): Query<FilterQuery>,
) -> AppResult<Response> {
    let p = place(&state, &ctx, id).await?;
    let staff = ctx.can(Action::DecideProposals);
    let settings = &p.questionnaire.settings;
    if !results_visible(settings, p.published(), staff) {
        return Err(AppError::not_found());
    }
    // Filters are for staff, and not on votation ballots (kept without them).
    let filter = if staff && settings.kind == Kind::Survey {
        Filter {
            district_id: q.district.parse().ok(),
            age_band: AGE_BANDS.iter().find(|b| **b == q.age).map(|b| b.to_string()),
        }
    } else {
        Filter::default()
    };
    let results = state
        .questionnaire_results
        .get(&state.db, id, &p.questions, &filter)
        .await?;
    let questions: Vec<_> = results.questions.iter().filter(|r| staff || !r.private).collect();
    let html = render::page(
        &state,
        &ctx,
        "questionnaires/results.html",
        view! {
            project => p.project,
            step => p.step,
            replies => results.replies,
            questions,
            staff,
            filters => staff && settings.kind == Kind::Survey,
            districts => districts(&state, p.project.id).await?,
            age_bands => AGE_BANDS,
            district => q.district,
            age => q.age,
            vote => settings.kind == Kind::Vote,
            published => p.published(),
            errors => no_errors(),
        },
    )
    .await?;
    Ok(axum::response::IntoResponse::into_response(html))
}
