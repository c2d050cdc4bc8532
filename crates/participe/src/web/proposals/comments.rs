//! Comments (one level of replies), following, and reports.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::moderation::{Target, parse_comment, parse_report, reply_target};
use serde::Deserialize;

use super::{show, visible_proposal};
use crate::app::AppState;
use crate::services::notify;
use crate::storage::comments;
use crate::storage::moderation;
use crate::storage::users::Notification;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, redirect_with_flash};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CommentForm {
    body: String,
    parent_id: String,
}

/// Shows the proposal page again with the errors of one of its forms.
async fn invalid(
    state: &AppState,
    proposal_id: i64,
    errors: FieldErrors,
    ctx: &Ctx,
    comment_body: String,
) -> AppResult<Response> {
    show::page(
        state,
        ctx,
        proposal_id,
        show::Feedback {
            errors,
            comment_body,
            ..Default::default()
        },
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<CommentForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let (proposal, _) = visible_proposal(&state, &ctx, id).await?;
    if !proposal.is_published() || proposal.hidden_reason.is_some() {
        return Err(AppError::forbidden());
    }
    let body = match parse_comment(&f.body) {
        Ok(b) => b,
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add("body", code);
            return invalid(&state, id, e, &ctx, f.body).await;
        }
    };
    let parent = match f.parent_id.trim() {
        "" => None,
        raw => {
            let pid: i64 = raw.parse().map_err(|_| AppError::bad_request("parent id"))?;
            let parent = comments::by_id(&state.db, pid)
                .await?
                .filter(|c| c.proposal_id == id)
                .ok_or_else(AppError::not_found)?;
            Some(reply_target(parent.id, parent.parent_id))
        }
    };
    let cid = comments::create(&state.db, id, parent, user.id, &body).await?;
    notify::proposal_event(
        &state.db,
        &state.config,
        &state.i18n,
        &proposal,
        Notification::Comment,
        Some(user.id),
    )
    .await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/proposals/{id}#comment-{cid}"),
        "flash-comment-posted",
    ))
}

/// The signed-in user's own comment, or 403.
async fn own_comment(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<comments::Comment> {
    let user = ctx.user()?;
    let c = comments::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    if c.author_id != user.id || c.deleted_at.is_some() || c.hidden_reason.is_some() {
        return Err(AppError::forbidden());
    }
    Ok(c)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EditForm {
    body: String,
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<EditForm>,
) -> AppResult<Response> {
    let c = own_comment(&state, &ctx, id).await?;
    match parse_comment(&f.body) {
        Ok(body) => {
            comments::edit(&state.db, id, &body).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/proposals/{}#comment-{id}", c.proposal_id),
                "flash-saved",
            ))
        }
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add(format!("edit-{id}"), code);
            invalid(&state, c.proposal_id, e, &ctx, String::new()).await
        }
    }
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let c = own_comment(&state, &ctx, id).await?;
    comments::delete(&state.db, id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/proposals/{}#comments", c.proposal_id),
        "flash-comment-deleted",
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowForm {
    action: String,
}

pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<FollowForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    visible_proposal(&state, &ctx, id).await?;
    let flash = match f.action.as_str() {
        "unfollow" => {
            comments::unfollow(&state.db, user.id, id).await?;
            "flash-unfollowed"
        }
        _ => {
            comments::follow(&state.db, user.id, id).await?;
            "flash-followed"
        }
    };
    Ok(redirect_with_flash(&state, &format!("/proposals/{id}"), flash))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReportForm {
    reason: String,
    details: String,
}

async fn report(
    state: AppState,
    ctx: Ctx,
    target: Target,
    target_id: i64,
    proposal_id: i64,
    f: ReportForm,
) -> AppResult<Response> {
    let user = ctx.user()?;
    match parse_report(&f.reason, &f.details) {
        Ok((reason, details)) => {
            moderation::report(&state.db, target, target_id, user.id, reason, &details).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/proposals/{proposal_id}"),
                "flash-reported",
            ))
        }
        Err(e) => {
            // Name the fields after the form they belong to.
            let mut named = FieldErrors::new();
            for err in e.0 {
                named.add(
                    format!("report-{}-{target_id}-{}", target.as_str(), err.field),
                    err.code,
                );
            }
            invalid(&state, proposal_id, named, &ctx, String::new()).await
        }
    }
}

pub async fn report_proposal(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ReportForm>,
) -> AppResult<Response> {
    ctx.user()?;
    visible_proposal(&state, &ctx, id).await?;
    report(state, ctx, Target::Proposal, id, id, f).await
}

pub async fn report_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ReportForm>,
) -> AppResult<Response> {
    ctx.user()?;
    let c = comments::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    visible_proposal(&state, &ctx, c.proposal_id).await?;
    report(state, ctx, Target::Comment, id, c.proposal_id, f).await
}
