//! Back office: the debates of a step, their texts and options, and their
//! press articles.

use axum::extract::{Multipart, State};
use axum::response::Response;
use participe_domain::debate::{ArticleInput, DebateInput, RawDebate};
use participe_domain::permission::Action;
use participe_domain::step::StepType;
use participe_domain::{FieldErrors, text};
use serde::Deserialize;

use crate::app::AppState;
use crate::files::check_image;
use crate::storage::debates::{self, Debate};
use crate::storage::steps::{self, Step};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;
use crate::web::upload::{read_multipart, store_cover};

async fn debate_step(state: &AppState, ctx: &Ctx, step_id: i64) -> AppResult<Step> {
    ctx.require(Action::ManageProjects)?;
    let step = steps::by_id(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if step.step_type != StepType::Debate.as_str() {
        return Err(AppError::not_found());
    }
    Ok(step)
}

async fn debate(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Debate, Step)> {
    ctx.require(Action::ManageProjects)?;
    let d = debates::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let step = debate_step(state, ctx, d.step_id).await?;
    Ok((d, step))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QuestionForm {
    question: String,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    step: Step,
    errors: &FieldErrors,
    question: &str,
) -> AppResult<Response> {
    let list = debates::of_step(&state.db, step.id).await?;
    let html = render::page(
        state,
        ctx,
        "admin/debates.html",
        view! { step, list, question, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let step = debate_step(&state, &ctx, id).await?;
    list_page(&state, &ctx, step, &FieldErrors::new(), "").await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<QuestionForm>,
) -> AppResult<Response> {
    let step = debate_step(&state, &ctx, id).await?;
    match text::title(&f.question) {
        Ok(q) => {
            let did = debates::create(&state.db, step.id, &q).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/debates/{did}"),
                "flash-saved",
            ))
        }
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add("question", code);
            list_page(&state, &ctx, step, &e, &f.question).await
        }
    }
}

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct DebateForm {
    question: String,
    mode: String,
    text_for: String,
    text_against: String,
    body: String,
    anonymous_allowed: Option<String>,
    pre_moderation: Option<String>,
}

impl DebateForm {
    fn of(d: &Debate) -> DebateForm {
        DebateForm {
            question: d.question.clone(),
            mode: d.mode.clone(),
            text_for: d.text_for.clone(),
            text_against: d.text_against.clone(),
            body: d.body.clone(),
            anonymous_allowed: d.anonymous_allowed.then(|| "on".into()),
            pre_moderation: d.pre_moderation.then(|| "on".into()),
        }
    }
}

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct ArticleForm {
    title: String,
    url: String,
    published_on: String,
    image_alt: String,
}

async fn debate_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    v: &DebateForm,
    a: &ArticleForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (debate, step) = debate(state, ctx, id).await?;
    let articles = debates::articles(&state.db, id).await?;
    let embed_code = format!(
        r#"<iframe src="{}/embed/debates/{id}" title="{}" width="100%" height="420" loading="lazy"></iframe>"#,
        state.config.public_url.trim_end_matches('/'),
        debate.question.replace('"', "&quot;"),
    );
    let html = render::page(
        state,
        ctx,
        "admin/debate.html",
        view! { debate, step, articles, v, a, embed_code, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let (d, _) = debate(&state, &ctx, id).await?;
    debate_page(
        &state,
        &ctx,
        id,
        &DebateForm::of(&d),
        &ArticleForm::default(),
        &FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<DebateForm>,
) -> AppResult<Response> {
    debate(&state, &ctx, id).await?;
    let raw = RawDebate {
        question: &f.question,
        mode: &f.mode,
        text_for: &f.text_for,
        text_against: &f.text_against,
        body: &f.body,
        anonymous_allowed: f.anonymous_allowed.is_some(),
        pre_moderation: f.pre_moderation.is_some(),
    };
    match DebateInput::parse(&raw) {
        Ok(input) => {
            debates::update(&state.db, id, &input).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/debates/{id}"),
                "flash-saved",
            ))
        }
        Err(e) => debate_page(&state, &ctx, id, &f, &ArticleForm::default(), &e).await,
    }
}

/// Adds a press article (multipart: title, link, date, optional image and
/// its text alternative).
pub async fn add_article(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    let (d, _) = debate(&state, &ctx, id).await?;
    let form = read_multipart(multipart).await?;
    let f = ArticleForm {
        title: form.get("title").to_string(),
        url: form.get("url").to_string(),
        published_on: form.get("published_on").to_string(),
        image_alt: form.get("image_alt").to_string(),
    };
    let image = form.files("image").next();
    let mut errors = FieldErrors::new();
    let input = match ArticleInput::parse(&f.title, &f.url, &f.published_on) {
        Ok(input) => Some(input),
        Err(e) => {
            errors = e;
            None
        }
    };
    let alt = errors.check("image_alt", text::image_alt(&f.image_alt, image.is_some()));
    if let Some(file) = image {
        errors.check("image", check_image(&file.bytes, state.config.max_upload_bytes));
    }
    let (Some(input), Some(alt)) = (input.filter(|_| errors.is_empty()), alt) else {
        let mut named = FieldErrors::new();
        for err in errors.0 {
            named.add(format!("article_{}", err.field), err.code);
        }
        return debate_page(&state, &ctx, id, &DebateForm::of(&d), &f, &named).await;
    };
    let stored = match image {
        Some(file) => store_cover(&state, Some(file)).await?.ok(),
        None => None,
    };
    debates::add_article(&state.db, id, &input, stored.as_deref().map(|p| (p, alt.as_str()))).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/debates/{id}"),
        "flash-saved",
    ))
}

pub async fn delete_article(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let a = debates::article(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    debate(&state, &ctx, a.debate_id).await?;
    debates::delete_article(&state.db, id).await?;
    if let Some(path) = a.image_path {
        crate::images::delete_with_variants(&*state.files, path).await?;
    }
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/debates/{}", a.debate_id),
        "flash-deleted",
    ))
}
