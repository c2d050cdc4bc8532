//! What participants do in a consultation: vote on an opinion, argue for or
//! against it, up-vote arguments and sources, add sources, contribute,
//! amend, follow and report.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::consultation::{
    AmendmentInput, OpinionInput, OpinionVote, SourceInput, VoteWidget, parse_argument,
};
use participe_domain::moderation::{Target, parse_report};
use serde::Deserialize;

use super::pages::opinion_with_errors;
use super::{Place, opinion_place, place, require_open};
use crate::app::AppState;
use crate::storage::arguments::{self, About, Author};
use crate::storage::upvotes::{self, Upvoted};
use crate::storage::{moderation, opinions, sources};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::limits::{self, Limited};
use crate::web::render;

/// Renames the fields of a form's errors after the form (`argument-body`).
fn prefixed(e: FieldErrors, prefix: &str) -> FieldErrors {
    let mut out = FieldErrors::new();
    for err in e.0 {
        out.add(format!("{prefix}-{}", err.field), err.code);
    }
    out
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VoteForm {
    value: String,
}

/// Records, changes or (with `value=withdraw`) withdraws the signed-in
/// person's vote on an opinion.
pub async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<VoteForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let (opinion, place) = opinion_place(&state, &ctx, id).await?;
    require_open(&place, &opinion)?;
    let widget = VoteWidget::parse(&place.section.vote_widget).unwrap_or(VoteWidget::None);
    if widget == VoteWidget::None {
        return Err(AppError::forbidden());
    }
    let value = if f.value == "withdraw" {
        None
    } else {
        match OpinionVote::parse(&f.value) {
            Ok(v) if widget.accepts(v) => Some(v),
            _ => {
                let mut e = FieldErrors::new();
                e.add("vote", "error-choice-unknown");
                return opinion_with_errors(&state, &ctx, id, e, &[]).await;
            }
        }
    };
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    opinions::vote(&state.db, id, user.id, value).await?;
    let flash = if value.is_some() {
        "flash-opinion-voted"
    } else {
        "flash-opinion-vote-withdrawn"
    };
    Ok(redirect_with_flash(&state, &format!("/opinions/{id}#votes"), flash))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ArgumentForm {
    side: String,
    body: String,
}

pub async fn argue(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ArgumentForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let (opinion, place) = opinion_place(&state, &ctx, id).await?;
    require_open(&place, &opinion)?;
    if !place.section.arguments_allowed {
        return Err(AppError::forbidden());
    }
    let (side, body) = match parse_argument(&f.side, &f.body) {
        Ok(v) => v,
        Err(e) => {
            let field = format!("argument-{}-body", f.side);
            let e = prefixed(e, &format!("argument-{}", f.side));
            return opinion_with_errors(&state, &ctx, id, e, &[(&field, &f.body)]).await;
        }
    };
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    let published = place.published_at_once();
    let aid = arguments::create(
        &state.db,
        About::Opinion(id),
        side,
        &body,
        Author::User(user.id),
        published,
    )
    .await?;
    let flash = if published {
        "flash-argument-posted"
    } else {
        "flash-awaiting-moderation"
    };
    Ok(redirect_with_flash(
        &state,
        &format!("/opinions/{id}#argument-{aid}"),
        flash,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UpvoteForm {
    /// "remove" withdraws the up-vote.
    action: String,
}

/// The opinion an argument or a source belongs to, open for participation.
async fn open_opinion_of(state: &AppState, ctx: &Ctx, opinion_id: Option<i64>) -> AppResult<i64> {
    let oid = opinion_id.ok_or_else(AppError::not_found)?;
    let (opinion, place) = opinion_place(state, ctx, oid).await?;
    require_open(&place, &opinion)?;
    Ok(oid)
}

pub async fn upvote_argument(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<UpvoteForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let a = arguments::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    if !a.is_public() {
        return Err(AppError::not_found());
    }
    let to = match a.debate_id {
        Some(d) => {
            crate::web::debates::require_open(&state, &ctx, d).await?;
            format!("/debates/{d}#argument-{id}")
        }
        None => {
            let oid = open_opinion_of(&state, &ctx, a.opinion_id).await?;
            format!("/opinions/{oid}#argument-{id}")
        }
    };
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    upvotes::set(&state.db, Upvoted::Argument, id, user.id, f.action != "remove").await?;
    Ok(redirect_with_flash(&state, &to, "flash-saved"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SourceForm {
    title: String,
    url: String,
    description: String,
    category: String,
}

pub async fn add_source(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<SourceForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let (opinion, place) = opinion_place(&state, &ctx, id).await?;
    require_open(&place, &opinion)?;
    if !place.section.sources_allowed {
        return Err(AppError::forbidden());
    }
    let mut parsed = SourceInput::parse(&f.title, &f.url, &f.description, &f.category);
    // The category must be one of the list.
    if let Ok(s) = &parsed
        && let Some(c) = s.category_id
        && !sources::categories(&state.db).await?.iter().any(|x| x.id == c)
    {
        let mut e = FieldErrors::new();
        e.add("category", "error-choice-unknown");
        parsed = Err(e);
    }
    let input = match parsed {
        Ok(s) => s,
        Err(e) => {
            let values = [
                ("source-title", f.title.as_str()),
                ("source-url", f.url.as_str()),
                ("source-description", f.description.as_str()),
                ("source-category", f.category.as_str()),
            ];
            return opinion_with_errors(&state, &ctx, id, prefixed(e, "source"), &values).await;
        }
    };
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    let published = place.published_at_once();
    let sid = sources::create(&state.db, id, user.id, &input, published).await?;
    let flash = if published {
        "flash-source-added"
    } else {
        "flash-awaiting-moderation"
    };
    Ok(redirect_with_flash(
        &state,
        &format!("/opinions/{id}#source-{sid}"),
        flash,
    ))
}

pub async fn upvote_source(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<UpvoteForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let s = sources::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    if !s.published || s.hidden_reason.is_some() {
        return Err(AppError::not_found());
    }
    let oid = open_opinion_of(&state, &ctx, Some(s.opinion_id)).await?;
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    upvotes::set(&state.db, Upvoted::Source, id, user.id, f.action != "remove").await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/opinions/{oid}#source-{id}"),
        "flash-saved",
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TextForm {
    title: String,
    body: String,
    /// The appendix of a contribution, the justification of an amendment.
    appendix: String,
}

/// The form to contribute to a section, or to amend an opinion.
async fn text_form(
    state: &AppState,
    ctx: &Ctx,
    place: Place,
    amends: Option<&opinions::Opinion>,
    f: &TextForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let Place {
        project,
        step,
        consultation,
        section,
    } = place;
    let html = render::page(
        state,
        ctx,
        "consultations/write.html",
        view! {
            project, step, consultation, section, amends,
            title => f.title, body => f.body, appendix => f.appendix,
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

/// A section taking new contributions now, or 403.
async fn contributable(state: &AppState, ctx: &Ctx, section_id: i64) -> AppResult<Place> {
    ctx.user()?;
    let place = place(state, ctx, section_id).await?;
    if !place.open() || !place.section.contributions_open {
        return Err(AppError::forbidden());
    }
    Ok(place)
}

pub async fn contribute_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    let place = contributable(&state, &ctx, id).await?;
    text_form(&state, &ctx, place, None, &TextForm::default(), &FieldErrors::new()).await
}

pub async fn contribute(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<TextForm>,
) -> AppResult<Response> {
    let place = contributable(&state, &ctx, id).await?;
    let user = ctx.user()?;
    let input = match OpinionInput::parse(&f.title, &f.body, &f.appendix) {
        Ok(i) => i,
        Err(e) => return text_form(&state, &ctx, place, None, &f, &e).await,
    };
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    let published = place.published_at_once();
    let oid = opinions::create(
        &state.db,
        &opinions::NewOpinion {
            section_id: id,
            amends_id: None,
            kind: "contribution",
            author_id: user.id,
            title: &input.title,
            body: &input.body,
            appendix: &input.appendix,
            published,
        },
    )
    .await?;
    let flash = if published {
        "flash-contribution-posted"
    } else {
        "flash-awaiting-moderation"
    };
    Ok(redirect_with_flash(&state, &format!("/opinions/{oid}"), flash))
}

/// An opinion that takes amendments now (not itself an amendment), or 403.
async fn amendable(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(opinions::Opinion, Place)> {
    ctx.user()?;
    let (opinion, place) = opinion_place(state, ctx, id).await?;
    require_open(&place, &opinion)?;
    if !place.section.amendments_allowed || opinion.amends_id.is_some() {
        return Err(AppError::forbidden());
    }
    Ok((opinion, place))
}

pub async fn amend_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    let (opinion, place) = amendable(&state, &ctx, id).await?;
    // Start from the current text: people change words, not retype it.
    let f = TextForm {
        title: String::new(),
        body: opinion.body.clone(),
        appendix: String::new(),
    };
    text_form(&state, &ctx, place, Some(&opinion), &f, &FieldErrors::new()).await
}

pub async fn amend(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<TextForm>,
) -> AppResult<Response> {
    let (opinion, place) = amendable(&state, &ctx, id).await?;
    let user = ctx.user()?;
    let input = match AmendmentInput::parse(&f.title, &f.body, &f.appendix, &opinion.body) {
        Ok(i) => i,
        Err(e) => {
            // The form calls the justification "appendix".
            let mut named = FieldErrors::new();
            for err in e.0 {
                let field = if err.field == "justification" {
                    "appendix".to_string()
                } else {
                    err.field
                };
                named.add(field, err.code);
            }
            return text_form(&state, &ctx, place, Some(&opinion), &f, &named).await;
        }
    };
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    let published = place.published_at_once();
    let aid = opinions::create(
        &state.db,
        &opinions::NewOpinion {
            section_id: opinion.section_id,
            amends_id: Some(id),
            kind: "amendment",
            author_id: user.id,
            title: &input.title,
            body: &input.body,
            appendix: &input.justification,
            published,
        },
    )
    .await?;
    if published {
        let env = (&state.db, &state.config, &*state.i18n);
        crate::services::notify_opinions::amended(env, &opinion, aid, user.id).await?;
    }
    let flash = if published {
        "flash-amendment-posted"
    } else {
        "flash-awaiting-moderation"
    };
    Ok(redirect_with_flash(&state, &format!("/opinions/{aid}"), flash))
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
    opinion_place(&state, &ctx, id).await?;
    let flash = if f.action == "unfollow" {
        opinions::unfollow(&state.db, user.id, id).await?;
        "flash-unfollowed"
    } else {
        opinions::follow(&state.db, user.id, id).await?;
        "flash-opinion-followed"
    };
    Ok(redirect_with_flash(&state, &format!("/opinions/{id}"), flash))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReportForm {
    reason: String,
    details: String,
}

/// Files a report on content shown on the page of `opinion_id`.
async fn report(
    state: &AppState,
    ctx: &Ctx,
    target: Target,
    target_id: i64,
    opinion_id: i64,
    f: ReportForm,
) -> AppResult<Response> {
    let user = ctx.user()?;
    match parse_report(&f.reason, &f.details) {
        Ok((reason, details)) => {
            moderation::report(&state.db, target, target_id, user.id, reason, &details).await?;
            Ok(redirect_with_flash(
                state,
                &format!("/opinions/{opinion_id}"),
                "flash-reported",
            ))
        }
        Err(e) => {
            let e = prefixed(e, &format!("report-{}-{target_id}", target.as_str()));
            opinion_with_errors(state, ctx, opinion_id, e, &[]).await
        }
    }
}

pub async fn report_opinion(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ReportForm>,
) -> AppResult<Response> {
    ctx.user()?;
    opinion_place(&state, &ctx, id).await?;
    report(&state, &ctx, Target::Opinion, id, id, f).await
}

pub async fn report_argument(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ReportForm>,
) -> AppResult<Response> {
    ctx.user()?;
    let a = arguments::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    if let Some(d) = a.debate_id {
        return crate::web::debates::report_argument(&state, &ctx, d, id, &f.reason, &f.details).await;
    }
    let oid = a.opinion_id.ok_or_else(AppError::not_found)?;
    opinion_place(&state, &ctx, oid).await?;
    report(&state, &ctx, Target::Argument, id, oid, f).await
}

pub async fn report_source(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ReportForm>,
) -> AppResult<Response> {
    ctx.user()?;
    let s = sources::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    opinion_place(&state, &ctx, s.opinion_id).await?;
    report(&state, &ctx, Target::Source, id, s.opinion_id, f).await
}
