//! The back office's home: the work waiting, the steps open now,
//! participation figures and recent activity.

use crate::view;
use axum::extract::State;
use axum::response::Html;
use participe_domain::permission::Action;

use crate::app::AppState;
use crate::storage::{dashboard, outbox, petitions, projects as project_store, steps};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::render;
use participe_domain::step::{StepState, state_at};

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.require(Action::ViewBackOffice)?;
    let projects = project_store::list_all(&state.db).await?;
    let titles: std::collections::HashMap<i64, (String, String)> = projects
        .iter()
        .map(|p| (p.id, (p.title.clone(), p.slug.clone())))
        .collect();
    let now = chrono::Utc::now();
    // The steps open now, with their project, to act on them.
    let open_steps: Vec<_> = steps::published_of_all(&state.db)
        .await?
        .into_iter()
        .filter(|s| state_at(now, s.starts_at, s.ends_at) == StepState::Open && s.step_type != "presentation")
        .filter_map(|s| {
            let (title, slug) = titles.get(&s.project_id)?.clone();
            Some(
                view! { id => s.id, title => s.title, step_type => s.step_type, starts_at => s.starts_at,
                ends_at => s.ends_at, project_id => s.project_id, project => title, slug },
            )
        })
        .collect();
    let figures = dashboard::figures(&state.db).await?;
    let activity = dashboard::recent(&state.db, 8).await?;
    let emails = outbox::count(&state.db).await?;
    // Petitions past their threshold whose answer is still due.
    let tz = state.config.timezone;
    let petitions: Vec<_> = petitions::awaiting_answer(&state.db)
        .await?
        .into_iter()
        .map(|(id, title, due)| {
            view! { id, title, due_on => due.with_timezone(&tz).date_naive().to_string(), late => due < now }
        })
        .collect();
    render::page(
        &state,
        &ctx,
        "admin/index.html",
        view! { projects => projects.len(), figures, activity, open_steps, emails, petitions },
    )
    .await
}
