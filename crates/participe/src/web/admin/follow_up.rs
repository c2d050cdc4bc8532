//! Back office: the realisation follow-up of a winning proposal — status
//! and progress, dated milestones, news posts with photos. Changes of status
//! and new posts are emailed to the proposal's author and followers.

use axum::extract::{Multipart, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::follow_up::{
    MilestoneInput, NewsInput, RawMilestone, RawNews, RawRealisation, RealisationInput, RealisationStatus,
};
use participe_domain::permission::Action;
use serde::Deserialize;

use crate::app::AppState;
use crate::files::check_image;
use crate::images;
use crate::services::notify;
use crate::storage::proposals::{self, Proposal};
use crate::storage::realisations::{self, Milestone, Realisation};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;
use crate::web::upload::{read_multipart, store_cover};

/// A published proposal whose follow-up the signed-in person may manage.
async fn followable(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Proposal> {
    ctx.require(Action::DecideProposals)?;
    proposals::by_id(&state.db, id)
        .await?
        .filter(Proposal::is_published)
        .ok_or_else(AppError::not_found)
}

/// A proposal that already has a follow-up (milestones and news need one).
async fn followed(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Proposal> {
    let p = followable(state, ctx, id).await?;
    if realisations::get(&state.db, id).await?.is_none() {
        return Err(AppError::not_found());
    }
    Ok(p)
}

/// What the page's forms show: the stored values, or those just submitted
/// when a form comes back with errors. Field ids are prefixed by form
/// (`milestone-title`, `news-title`, `m12-title` for milestone 12), so the
/// error summary links to the right field.
#[derive(serde::Serialize, Default)]
struct Values {
    status: String,
    progress: String,
    milestone_title: String,
    milestone_due_on: String,
    milestone_done: bool,
    news_title: String,
    news_body: String,
    news_alt: String,
    /// The milestone whose edit form failed, with what was typed.
    edit: Option<EditValues>,
}

#[derive(serde::Serialize)]
struct EditValues {
    id: i64,
    title: String,
    due_on: String,
    done: bool,
}

impl Values {
    /// Empty forms, and the stored status and progress (none yet: under study, 0 %).
    fn stored(r: Option<&Realisation>) -> Values {
        Values {
            status: r
                .map_or(RealisationStatus::UnderStudy.as_str(), |r| r.status.as_str())
                .to_string(),
            progress: r.map_or(0, |r| r.progress).to_string(),
            ..Values::default()
        }
    }
}

/// Renames the fields of a form's errors with a prefix (see `Values`).
fn prefixed(errors: FieldErrors, prefix: &str) -> FieldErrors {
    let mut out = FieldErrors::new();
    for e in errors.0 {
        out.add(format!("{prefix}{}", e.field), e.code);
    }
    out
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    p: &Proposal,
    values: Option<Values>,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let realisation = realisations::get(&state.db, p.id).await?;
    let (milestones, news) = if realisation.is_some() {
        (
            realisations::milestones(&state.db, p.id).await?,
            realisations::news(&state.db, p.id).await?,
        )
    } else {
        (vec![], vec![])
    };
    let values = values.unwrap_or_else(|| Values::stored(realisation.as_ref()));
    let statuses: Vec<&str> = RealisationStatus::ALL.iter().map(|s| s.as_str()).collect();
    let html = render::page(
        state,
        ctx,
        "admin/realisation.html",
        view! {
            proposal => p,
            reference => p.reference(),
            realisation,
            milestones,
            news,
            statuses,
            values,
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

fn back(state: &AppState, proposal_id: i64, flash: &str) -> Response {
    redirect_with_flash(state, &format!("/admin/proposals/{proposal_id}/realisation"), flash)
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let p = followable(&state, &ctx, id).await?;
    page(&state, &ctx, &p, None, &FieldErrors::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RealisationForm {
    status: String,
    progress: String,
}

/// Saves the status and progress (starting the follow-up if there was
/// none); a new status is emailed to the author and followers.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<RealisationForm>,
) -> AppResult<Response> {
    let p = followable(&state, &ctx, id).await?;
    let raw = RawRealisation {
        status: &f.status,
        progress: &f.progress,
    };
    let input = match RealisationInput::parse(&raw) {
        Ok(i) => i,
        Err(errors) => {
            let values = Values {
                status: f.status,
                progress: f.progress,
                ..Values::default()
            };
            return page(&state, &ctx, &p, Some(values), &errors).await;
        }
    };
    let before = realisations::get(&state.db, id).await?;
    realisations::save(&state.db, id, &input).await?;
    if before.is_none_or(|b| b.status != input.status.as_str()) {
        let actor = ctx.user.as_ref().map(|u| u.id);
        notify::realisation_status(&state.db, &state.config, &state.i18n, &p, input, actor).await?;
    }
    Ok(back(&state, id, "flash-saved"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MilestoneForm {
    title: String,
    due_on: String,
    done: Option<String>,
    /// Present on the "mark as done / not done" buttons: only flips `done`.
    toggle: Option<String>,
}

impl MilestoneForm {
    fn parse(&self) -> Result<MilestoneInput, FieldErrors> {
        MilestoneInput::parse(&RawMilestone {
            title: &self.title,
            due_on: &self.due_on,
            done: self.done.is_some(),
        })
    }
}

pub async fn add_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MilestoneForm>,
) -> AppResult<Response> {
    let p = followed(&state, &ctx, id).await?;
    match f.parse() {
        Ok(m) => {
            realisations::add_milestone(&state.db, id, &m).await?;
            Ok(back(&state, id, "flash-saved"))
        }
        Err(errors) => {
            let values = Values {
                milestone_done: f.done.is_some(),
                milestone_title: f.title,
                milestone_due_on: f.due_on,
                ..stored_values(&state, id).await?
            };
            page(&state, &ctx, &p, Some(values), &prefixed(errors, "milestone-")).await
        }
    }
}

/// The status and progress as stored, for the page shown after another form failed.
async fn stored_values(state: &AppState, id: i64) -> AppResult<Values> {
    Ok(Values::stored(realisations::get(&state.db, id).await?.as_ref()))
}

/// A milestone and its proposal, for someone who may change it.
async fn milestone_of(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Milestone, Proposal)> {
    ctx.require(Action::DecideProposals)?;
    let m = realisations::milestone(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let p = followed(state, ctx, m.proposal_id).await?;
    Ok((m, p))
}

/// Edits a milestone, or only marks it done / not done (`toggle`).
pub async fn update_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MilestoneForm>,
) -> AppResult<Response> {
    let (m, p) = milestone_of(&state, &ctx, id).await?;
    let input = if f.toggle.is_some() {
        Ok(MilestoneInput {
            title: m.title.clone(),
            due_on: m.due_on,
            done: !m.done,
        })
    } else {
        f.parse()
    };
    match input {
        Ok(input) => {
            realisations::update_milestone(&state.db, id, &input).await?;
            Ok(back(&state, p.id, "flash-saved"))
        }
        Err(errors) => {
            let values = Values {
                edit: Some(EditValues {
                    id,
                    done: f.done.is_some(),
                    title: f.title,
                    due_on: f.due_on,
                }),
                ..stored_values(&state, p.id).await?
            };
            page(&state, &ctx, &p, Some(values), &prefixed(errors, &format!("m{id}-"))).await
        }
    }
}

pub async fn delete_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    let (_, p) = milestone_of(&state, &ctx, id).await?;
    realisations::delete_milestone(&state.db, id).await?;
    Ok(back(&state, p.id, "flash-deleted"))
}

/// Publishes a news post (multipart: title, body, optional photo and its
/// text alternative), checked like proposal images, and tells the author
/// and followers.
pub async fn add_news(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    let user = ctx.require(Action::DecideProposals)?.clone();
    let p = followed(&state, &ctx, id).await?;
    let form = read_multipart(multipart).await?;
    let image = form.files("image").next();
    let raw = RawNews {
        title: form.get("title"),
        body: form.get("body"),
        image_alt: form.get("image_alt"),
        has_image: image.is_some(),
    };
    let mut errors = FieldErrors::new();
    let input = match NewsInput::parse(&raw) {
        Ok(n) => Some(n),
        Err(e) => {
            errors = e;
            None
        }
    };
    if let Some(f) = image {
        errors.check("image", check_image(&f.bytes, state.config.max_upload_bytes));
    }
    let Some(input) = input.filter(|_| errors.is_empty()) else {
        let values = Values {
            news_title: form.get("title").to_string(),
            news_body: form.get("body").to_string(),
            news_alt: form.get("image_alt").to_string(),
            ..stored_values(&state, id).await?
        };
        return page(&state, &ctx, &p, Some(values), &prefixed(errors, "news-")).await;
    };
    let image_path = match image {
        Some(f) => store_cover(&state, Some(f)).await?.ok(),
        None => None,
    };
    realisations::add_news(&state.db, id, &input, image_path.as_deref(), Some(user.id)).await?;
    notify::realisation_news(&state.db, &state.config, &state.i18n, &p, &input.title, Some(user.id)).await?;
    Ok(back(&state, id, "flash-news-published"))
}

pub async fn delete_news(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let n = realisations::news_item(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let p = followed(&state, &ctx, n.proposal_id).await?;
    realisations::delete_news(&state.db, id).await?;
    if let Some(path) = n.image_path {
        images::delete_with_variants(&*state.files, path).await?;
    }
    Ok(back(&state, p.id, "flash-deleted"))
}
