//! Public pages of a project: its timeline of steps, and one page per step.

use crate::view;
use axum::extract::{Path, Query, RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::CookieJar;
use chrono::Utc;
use participe_domain::permission::Action;
use participe_domain::proposal::Sort;
use participe_domain::step::{StepState, StepType, state_at};
use participe_domain::translation::Kind;

use super::context::Ctx;
use super::error::{AppError, AppResult};
use super::form::PathParams;
use super::proposals::list::{ListQuery, list_view};
use super::{cookies, render};
use crate::app::AppState;
use std::sync::Arc;

use crate::services::project_steps::ProjectSteps;
use crate::storage::projects::Project;
use crate::storage::steps::Step;
use crate::storage::taxonomy;

/// A step with its state now, for templates.
#[derive(serde::Serialize)]
pub struct StepView {
    #[serde(flatten)]
    pub step: Step,
    pub state: &'static str,
    /// The title's language when not the reader's (not translated).
    pub lang: Option<&'static str>,
}

pub fn step_views(list: Vec<Step>) -> Vec<StepView> {
    let now = Utc::now();
    list.into_iter()
        .map(|s| {
            let state = state_at(now, s.starts_at, s.ends_at).as_str();
            StepView {
                step: s,
                state,
                lang: None,
            }
        })
        .collect()
}

/// The project at `slug`, if this viewer may see it.
pub async fn visible_project(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Project> {
    Ok(visible_project_steps(state, ctx, slug).await?.project.clone())
}

/// The project `slug` with all its steps (kept a second), if this viewer
/// may see the project.
pub async fn visible_project_steps(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Arc<ProjectSteps>> {
    let ps = state
        .project_steps
        .get(&state.db, slug)
        .await?
        .ok_or_else(AppError::not_found)?;
    check_visible(ctx, ps.project.clone())?;
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    Ok(if tr.is_french() {
        ps
    } else {
        Arc::new(ps.translated(&tr))
    })
}

/// The project itself if this viewer may see it; otherwise not found, or
/// the log-in page for anonymous visitors of a restricted project (drafts
/// do not exist for them).
pub fn check_visible(ctx: &Ctx, project: Project) -> AppResult<Project> {
    if project.visible_to(ctx.role(), &ctx.groups()) {
        Ok(project)
    } else if ctx.user.is_none() && project.visibility() == participe_domain::project::Visibility::Restricted {
        Err(AppError::new(super::error::ErrorKind::LoginRequired))
    } else {
        Err(AppError::not_found())
    }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Html<String>> {
    let ps = visible_project_steps(&state, &ctx, &slug).await?;
    let project = ps.project.clone();
    let mut steps = step_views(ps.visible(ctx.can(Action::ManageProjects)));
    let (mut themes, mut districts) = taxonomy::of_project_both(&state.db, project.id).await?;
    let has_winners = crate::storage::realisations::project_has_any(&state.db, project.id).await?;
    let counters = state.counters.project(&state.db, project.id).await?;
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let project_events = crate::storage::events::of_project(&state.db, project.id, Utc::now()).await?;
    let project_events = tr.event_cards(project_events);
    tr.terms(Kind::Theme, &mut themes);
    tr.terms(Kind::District, &mut districts);
    let project_news = crate::storage::news::of_project(&state.db, project.id, Utc::now(), 6).await?;
    let project_news = tr.news_cards(project_news);
    let published: Vec<Step> = steps
        .iter()
        .filter(|s| s.step.published)
        .map(|s| s.step.clone())
        .collect();
    let card = super::cards::card(Utc::now(), &project, &published, None);
    let lang_of = |field: &str, text: &str| tr.lang_of(Kind::Project, project.id, field, text);
    for s in &mut steps {
        s.lang = tr.lang_of(Kind::Step, s.step.id, "title", &s.step.title);
    }
    let featured_lang = card
        .step
        .as_ref()
        .and_then(|f| tr.lang_of(Kind::Step, f.id, "title", &f.title));
    let project_lang = view! {
        title => lang_of("title", &project.title),
        summary => lang_of("summary", &project.summary),
        description => lang_of("description", &project.description),
    };
    // The step the timeline highlights: the card's featured step, if open.
    let current = card
        .step
        .as_ref()
        .filter(|f| f.state == StepState::Open.as_str())
        .and_then(|f| steps.iter().position(|s| s.step.id == f.id));
    render::page(
        &state,
        &ctx,
        "project.html",
        view! { project, project_lang, featured_lang, steps, current, themes, districts, has_winners, counters, card, project_events, project_news },
    )
    .await
}

pub async fn step(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((slug, id)): PathParams<(String, i64)>,
    RawQuery(query): RawQuery,
    jar: CookieJar,
) -> AppResult<Response> {
    let ps = visible_project_steps(&state, &ctx, &slug).await?;
    let preview = ctx.can(Action::ManageProjects);
    let step = ps.step(id, preview).cloned().ok_or_else(AppError::not_found)?;
    let project = ps.project.clone();
    let all = step_views(ps.visible(preview));
    // Collect steps list their proposals; in random order, shuffled with a
    // seed kept per visitor (other orders are the same for everyone, so
    // their pages can be kept for anonymous visitors).
    let mut new_seed = None;
    let (list, can_deposit) = if step.step_type == StepType::Collect.as_str() {
        let q: ListQuery = serde_urlencoded::from_str(query.as_deref().unwrap_or("")).unwrap_or_default();
        let seed = if Sort::parse(&q.sort) == Sort::Random {
            match jar.get(cookies::SEED).and_then(|c| c.value().parse::<i64>().ok()) {
                Some(s) => s,
                None => *new_seed.insert(i64::from(rand::random::<u32>() >> 1)),
            }
        } else {
            0
        };
        let cs = super::proposals::collect_step(&state, &ctx, &project, step.id).await?;
        let open = cs.state() == StepState::Open;
        (Some(list_view(&state, &cs, Query(q), seed).await?), open)
    } else {
        (None, false)
    };
    let (consultations, synthesis) = if step.step_type == StepType::Consultation.as_str() {
        let published = crate::storage::syntheses::get(&state.db, step.id)
            .await?
            .is_some_and(|s| s.published_at.is_some());
        (
            super::consultations::pages::step_consultations(&state, step.id).await?,
            published,
        )
    } else {
        (Vec::new(), false)
    };
    let debates = if step.step_type == StepType::Debate.as_str() {
        crate::storage::debates::of_step(&state.db, step.id).await?
    } else {
        Vec::new()
    };
    let questionnaire_results = if step.step_type == StepType::Questionnaire.as_str() {
        let q = crate::storage::questionnaires::get_or_create(&state.db, step.id).await?;
        participe_domain::questionnaire::results_visible(
            &q.settings,
            q.results_published_at.is_some(),
            ctx.can(Action::DecideProposals),
        )
    } else {
        false
    };
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let step_lang = view! {
        title => tr.lang_of(Kind::Step, step.id, "title", &step.title),
        body => tr.lang_of(Kind::Step, step.id, "body", &step.body),
    };
    let step = step_views(vec![step]).pop();
    let html = render::page(
        &state,
        &ctx,
        "step.html",
        view! { project, step, step_lang, steps => all, list, can_deposit, consultations, synthesis, debates, questionnaire_results },
    )
    .await?;
    let mut res = html.into_response();
    if let Some(seed) = new_seed {
        cookies::set(
            &mut res,
            state.config.secure_cookies,
            cookies::SEED,
            &seed.to_string(),
            None,
        );
    }
    Ok(res)
}
