//! Back office: news posts — written, scheduled or published, linked to
//! projects, themes and proposals, with a cover, comments on or off.

use axum::extract::{Multipart, State};
use axum::response::{Html, Response};
use chrono::{DateTime, Utc};
use participe_domain::FieldErrors;
use participe_domain::news::{PostInput, RawPost};
use participe_domain::permission::Action;
use serde::Deserialize;

use super::steps::to_utc;
use crate::app::AppState;
use crate::images;
use crate::storage::news::{self, Post, PostData};
use crate::storage::taxonomy::{self, Kind};
use crate::storage::{StoreError, projects};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;
use crate::web::upload::{read_multipart, replace_cover};

const BASE: &str = "/admin/posts";

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.require(Action::ManageProjects)?;
    let posts = news::all(&state.db).await?;
    let now = Utc::now();
    render::page(&state, &ctx, "admin/posts.html", view! { posts, now }).await
}

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct PostForm {
    title: String,
    summary: String,
    body: String,
    published_at: String,
    comments: String,
    proposals: String,
    projects: Vec<String>,
    themes: Vec<String>,
}

impl PostForm {
    async fn of(state: &AppState, p: &Post) -> AppResult<PostForm> {
        let tz = state.config.timezone;
        let local = |d: DateTime<Utc>| d.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string();
        let links = news::links(&state.db, p.id).await?;
        let of = |kind: &str| -> Vec<String> {
            links
                .iter()
                .filter(|l| l.kind == kind)
                .map(|l| l.id.to_string())
                .collect()
        };
        Ok(PostForm {
            title: p.title.clone(),
            summary: p.summary.clone(),
            body: p.body.clone(),
            published_at: p.published_at.map(local).unwrap_or_default(),
            comments: if p.comments_enabled { "on".into() } else { String::new() },
            proposals: of("proposal").join(", "),
            projects: of("project"),
            themes: of("theme"),
        })
    }

    fn parse(&self, tz: chrono_tz::Tz) -> Result<PostData, FieldErrors> {
        let raw = RawPost {
            title: &self.title,
            summary: &self.summary,
            body: &self.body,
            published_at: &self.published_at,
            comments: self.comments == "on",
            proposals: &self.proposals,
        };
        let input = PostInput::parse(&raw)?;
        let mut errors = FieldErrors::new();
        let published_at = errors.check("published_at", to_utc(tz, input.published_at)).flatten();
        let ids = |v: &[String]| -> Vec<i64> { v.iter().filter_map(|s| s.parse().ok()).collect() };
        errors.into_result(|| PostData {
            title: input.title,
            summary: input.summary,
            body: input.body,
            published_at,
            comments_enabled: input.comments,
            projects: ids(&self.projects),
            themes: ids(&self.themes),
            proposals: input.proposals,
        })
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    post: Option<&Post>,
    values: &PostForm,
    errors: &FieldErrors,
    cover: (&str, &FieldErrors),
) -> AppResult<Response> {
    let all_projects: Vec<_> = projects::list_all(&state.db)
        .await?
        .into_iter()
        .map(|p| view! { id => p.id, name => p.title })
        .collect();
    let all_themes = taxonomy::list(&state.db, Kind::Theme).await?;
    let failed = !errors.is_empty() || !cover.1.is_empty();
    let html = render::page(
        state,
        ctx,
        "admin/post_form.html",
        view! {
            post, values, all_projects, all_themes,
            errors => errors_value(&state.i18n, ctx.lang, errors),
            cover_alt => cover.0, cover_errors => errors_value(&state.i18n, ctx.lang, cover.1),
        },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let values = PostForm {
        comments: "on".into(),
        ..Default::default()
    };
    let none = FieldErrors::new();
    form_page(&state, &ctx, None, &values, &none, ("", &none)).await
}

/// Saves the form; a missing proposal (a mistyped number) comes back as a
/// message under its field.
async fn save(state: &AppState, ctx: &Ctx, id: Option<i64>, f: &PostForm) -> AppResult<Response> {
    let post = match id {
        Some(id) => Some(news::get(&state.db, id).await?),
        None => None,
    };
    let mut errors = match f.parse(state.config.timezone) {
        Ok(data) => match news::save(&state.db, id, &data).await {
            Ok(saved) => return Ok(redirect_with_flash(state, &format!("{BASE}/{saved}"), "flash-saved")),
            Err(StoreError::Conflict(_)) => FieldErrors::new(),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    if errors.is_empty() {
        errors.add("proposals", "error-news-proposals-missing");
    }
    let alt = post.as_ref().map(|p| p.cover_alt.clone()).unwrap_or_default();
    let none = FieldErrors::new();
    form_page(state, ctx, post.as_ref(), f, &errors, (&alt, &none)).await
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<PostForm>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    save(&state, &ctx, None, &f).await
}

pub async fn edit(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let post = news::get(&state.db, id).await?;
    let values = PostForm::of(&state, &post).await?;
    let none = FieldErrors::new();
    form_page(&state, &ctx, Some(&post), &values, &none, (&post.cover_alt, &none)).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<PostForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    save(&state, &ctx, Some(id), &f).await
}

pub async fn upload_cover(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let post = news::get(&state.db, id).await?;
    let form = read_multipart(multipart).await?;
    let db = state.db.clone();
    let save = |name: String, alt: String| async move { news::set_cover(&db, id, Some(&name), &alt).await };
    let errors = match replace_cover(&state, &form, post.cover_path.clone(), save).await? {
        Ok(()) => return Ok(redirect_with_flash(&state, &format!("{BASE}/{id}"), "flash-saved")),
        Err(errors) => errors,
    };
    let values = PostForm::of(&state, &post).await?;
    let none = FieldErrors::new();
    form_page(
        &state,
        &ctx,
        Some(&post),
        &values,
        &none,
        (form.get("cover_alt"), &errors),
    )
    .await
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let post = news::get(&state.db, id).await?;
    news::delete(&state.db, id).await?;
    if let Some(old) = post.cover_path {
        images::delete_with_variants(&*state.files, old).await?;
    }
    Ok(redirect_with_flash(&state, BASE, "flash-deleted"))
}
