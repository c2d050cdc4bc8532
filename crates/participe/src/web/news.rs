//! News for visitors: the latest posts, a post with what it is about and its
//! comments (while they are on), and moderators hiding a comment.

use axum::extract::{Query, State};
use axum::response::{Html, Response};
use chrono::Utc;
use participe_domain::FieldErrors;
use participe_domain::moderation::{parse_comment, parse_hide_reason};
use participe_domain::permission::Action;
use serde::Deserialize;

use super::context::Ctx;
use super::error::{AppError, AppResult};
use super::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use super::limits::{Limited, check};
use super::pagination::{PageQuery, Pager};
use super::render;
use crate::app::AppState;
use crate::storage::news::{self, Post};
use crate::view;

const PER_PAGE: i64 = 12;

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Html<String>> {
    let now = Utc::now();
    let pager = Pager::new(&q, PER_PAGE, news::count_published(&state.db, now).await?);
    let posts = news::published(&state.db, now, PER_PAGE, pager.offset()).await?;
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let posts = tr.news_cards(posts);
    render::page(&state, &ctx, "news/list.html", view! { posts, pager }).await
}

/// A post visitors may see; staff also see drafts and scheduled ones.
async fn visible(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Post> {
    let post = news::get(&state.db, id).await?;
    if post.is_public(Utc::now()) || ctx.can(Action::ManageProjects) {
        Ok(post)
    } else {
        Err(AppError::not_found())
    }
}

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct CommentForm {
    body: String,
}

async fn post_page(
    state: &AppState,
    ctx: &Ctx,
    mut post: Post,
    typed: &CommentForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let post_lang = tr.news_post(&mut post);
    let signed_in = ctx.user.is_some();
    let about: Vec<_> = news::links(&state.db, post.id)
        .await?
        .into_iter()
        .filter(|l| l.public || (signed_in && l.kind == "project"))
        .collect();
    let comments = news::comments(&state.db, post.id).await?;
    let can_moderate = ctx.can(Action::Moderate);
    let is_public = post.is_public(Utc::now());
    let failed = !errors.is_empty();
    let errors = errors_value(&state.i18n, ctx.lang, errors);
    let html = render::page(
        state,
        ctx,
        "news/show.html",
        view! { post, post_lang, about, comments, can_moderate, is_public, typed, errors },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let post = visible(&state, &ctx, id).await?;
    post_page(&state, &ctx, post, &CommentForm::default(), &FieldErrors::new()).await
}

pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<CommentForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let post = visible(&state, &ctx, id).await?;
    if !post.comments_enabled || !post.is_public(Utc::now()) {
        return Err(AppError::bad_request("comments are off"));
    }
    check(&state, &ctx, Limited::Participation(user.id)).await?;
    let mut errors = FieldErrors::new();
    match errors.check("body", parse_comment(&f.body)) {
        Some(body) => {
            let cid = news::add_comment(&state.db, id, user.id, &body).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/news/{id}#comment-{cid}"),
                "flash-comment-posted",
            ))
        }
        None => post_page(&state, &ctx, post, &f, &errors).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct HideForm {
    reason: String,
}

/// Moderators hide a comment, with the reason shown in its place.
pub async fn hide_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<HideForm>,
) -> AppResult<Response> {
    ctx.require(Action::Moderate)?;
    let reason = parse_hide_reason(&f.reason).map_err(|_| AppError::bad_request("a reason is required"))?;
    let post = news::hide_comment(&state.db, id, &reason).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/news/{post}#comment-{id}"),
        "flash-hidden",
    ))
}
