//! Back office: one opinion of a consultation (its text, pin and official
//! answer), and the list of source categories.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::consultation::OpinionInput;
use participe_domain::permission::Action;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::consultations;
use crate::storage::opinions::{self, Opinion};
use crate::storage::{StoreError, sources};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct OpinionForm {
    title: String,
    body: String,
    appendix: String,
    pinned: Option<String>,
    answer: String,
}

impl OpinionForm {
    fn of(o: &Opinion) -> Self {
        OpinionForm {
            title: o.title.clone(),
            body: o.body.clone(),
            appendix: o.appendix.clone(),
            pinned: o.pinned.then(|| "on".into()),
            answer: o.answer.clone(),
        }
    }
}

async fn opinion(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Opinion> {
    ctx.require(Action::ManageProjects)?;
    opinions::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)
}

async fn page(state: &AppState, ctx: &Ctx, o: &Opinion, v: &OpinionForm, errors: &FieldErrors) -> AppResult<Response> {
    let section = consultations::section(&state.db, o.section_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let html = render::page(
        state,
        ctx,
        "admin/opinion.html",
        view! { opinion => o, section, v, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let o = opinion(&state, &ctx, id).await?;
    page(&state, &ctx, &o, &OpinionForm::of(&o), &FieldErrors::new()).await
}

/// Saves the text, the pin and the official answer; the opinion's followers
/// are told when the answer is new or changed.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<OpinionForm>,
) -> AppResult<Response> {
    let o = opinion(&state, &ctx, id).await?;
    let (input, mut errors) = match OpinionInput::parse(&f.title, &f.body, &f.appendix) {
        Ok(input) => (Some(input), FieldErrors::new()),
        Err(e) => (None, e),
    };
    let answer = errors.check("answer", participe_domain::text::long_text(&f.answer, 20_000));
    let (Some(input), Some(answer)) = (input, answer) else {
        return page(&state, &ctx, &o, &f, &errors).await;
    };
    opinions::update_text(&state.db, id, &input.title, &input.body, &input.appendix).await?;
    opinions::set_pinned(&state.db, id, f.pinned.is_some()).await?;
    if answer != o.answer {
        opinions::set_answer(&state.db, id, &answer).await?;
        if !answer.is_empty()
            && let Some(updated) = opinions::by_id(&state.db, id).await?
            && updated.is_public()
        {
            let env = (&state.db, &state.config, &*state.i18n);
            crate::services::notify_opinions::answered(env, &updated).await?;
        }
    }
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/opinions/{id}"),
        "flash-saved",
    ))
}

/// Deletes an opinion with its votes, arguments, sources and amendments.
pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let o = opinion(&state, &ctx, id).await?;
    opinions::delete(&state.db, id).await?;
    let back = match o.amends_id {
        Some(parent) => format!("/admin/opinions/{parent}"),
        None => format!("/admin/sections/{}", o.section_id),
    };
    Ok(redirect_with_flash(&state, &back, "flash-deleted"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CategoryForm {
    name: String,
}

async fn categories_page(state: &AppState, ctx: &Ctx, errors: &FieldErrors, name: &str) -> AppResult<Response> {
    let categories = sources::categories(&state.db).await?;
    let html = render::page(
        state,
        ctx,
        "admin/source_categories.html",
        view! { categories, name, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn categories(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    categories_page(&state, &ctx, &FieldErrors::new(), "").await
}

pub async fn add_category(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<CategoryForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let mut errors = FieldErrors::new();
    if let Some(name) = errors.check("name", participe_domain::text::title(&f.name)) {
        match sources::add_category(&state.db, &name).await {
            Ok(_) => return Ok(redirect_with_flash(&state, "/admin/source-categories", "flash-saved")),
            Err(StoreError::Conflict(_)) => errors.add("name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    categories_page(&state, &ctx, &errors, &f.name).await
}

/// Deletes a category; the sources filed under it keep their place, uncategorised.
pub async fn delete_category(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    sources::delete_category(&state.db, id).await?;
    Ok(redirect_with_flash(&state, "/admin/source-categories", "flash-deleted"))
}
