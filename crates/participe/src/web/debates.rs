//! Debates, for participants: the debate page with its opening texts, vote
//! and arguments; taking part without an account (confirmed by an emailed
//! link); the embeddable widget for other sites.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use participe_domain::FieldErrors;
use participe_domain::consultation::{Side, parse_argument};
use participe_domain::debate::AnonymousInput;
use participe_domain::permission::Action;
use participe_domain::step::{StepState, StepType, state_at};
use serde::Deserialize;

use super::context::Ctx;
use super::error::{AppError, AppResult};
use super::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use super::limits::{self, Limited};
use super::render;
use crate::app::AppState;
use crate::security::{random_token, token_hash};
use crate::storage::arguments::{self, About, Author};
use crate::storage::debates::{self, Debate};
use crate::storage::projects::{self, Project};
use crate::storage::steps::{self, Step};
use crate::storage::upvotes::{self, Upvoted};
use crate::view;

/// A debate with its step and project, checked visible to the viewer.
pub struct DebatePlace {
    pub debate: Debate,
    pub step: Step,
    pub project: Project,
}

impl DebatePlace {
    pub fn open(&self) -> bool {
        state_at(Utc::now(), self.step.starts_at, self.step.ends_at) == StepState::Open
    }
}

pub async fn place(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<DebatePlace> {
    let debate = debates::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let step = steps::by_id(&state.db, debate.step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let project = super::projects::check_visible(ctx, project)?;
    if step.step_type != StepType::Debate.as_str() || !(step.published || ctx.can(Action::ManageProjects)) {
        return Err(AppError::not_found());
    }
    Ok(DebatePlace { debate, step, project })
}

/// The debate, open for participation now, or 403.
pub async fn require_open(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<DebatePlace> {
    let p = place(state, ctx, id).await?;
    if p.open() { Ok(p) } else { Err(AppError::forbidden()) }
}

/// The figures of a debate's bar: counts and whole per cent.
fn bar(d: &Debate) -> minijinja::Value {
    let total = d.for_count + d.against_count;
    let for_share = if total > 0 {
        (d.for_count * 100 + total / 2) / total
    } else {
        0
    };
    let against_share = if total > 0 { 100 - for_share } else { 0 };
    view! { for_count => d.for_count, against_count => d.against_count, total, for_share, against_share }
}

#[derive(Default)]
pub struct Typed {
    errors: FieldErrors,
    body: String,
}

async fn page(state: &AppState, ctx: &Ctx, id: i64, typed: Typed) -> AppResult<Response> {
    let p = place(state, ctx, id).await?;
    let db = &state.db;
    let about = About::Debate(id);
    let args_for = arguments::public(db, about, Side::For, true, 200).await?;
    let args_against = arguments::public(db, about, Side::Against, true, 200).await?;
    let articles = debates::articles(db, id).await?;
    let (my_side, my_arguments) = match &ctx.user {
        Some(u) => {
            let ids: Vec<i64> = args_for.iter().chain(&args_against).map(|a| a.id).collect();
            (
                debates::side_of(db, id, u.id).await?.map(|s| s.as_str()),
                upvotes::mine(db, Upvoted::Argument, u.id, &ids).await?,
            )
        }
        None => (None, Vec::new()),
    };
    let open = p.open();
    let failed = !typed.errors.is_empty();
    let bar = bar(&p.debate);
    let DebatePlace { debate, step, project } = p;
    let html = render::page(
        state,
        ctx,
        "debates/show.html",
        view! {
            debate, step, project, bar, open, args_for, args_against, articles, my_side, my_arguments,
            body => typed.body, errors => errors_value(&state.i18n, ctx.lang, &typed.errors),
        },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    page(&state, &ctx, id, Typed::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SideForm {
    side: String,
}

pub async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<SideForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    require_open(&state, &ctx, id).await?;
    let side = match f.side.as_str() {
        "withdraw" => None,
        s => match Side::parse(s) {
            Ok(side) => Some(side),
            Err(code) => {
                let mut errors = FieldErrors::new();
                errors.add("side", code);
                return page(
                    &state,
                    &ctx,
                    id,
                    Typed {
                        errors,
                        ..Typed::default()
                    },
                )
                .await;
            }
        },
    };
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    debates::vote(&state.db, id, user.id, side).await?;
    let flash = if side.is_some() {
        "flash-opinion-voted"
    } else {
        "flash-opinion-vote-withdrawn"
    };
    Ok(redirect_with_flash(&state, &format!("/debates/{id}#vote"), flash))
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
    let p = require_open(&state, &ctx, id).await?;
    let (side, body) = match parse_argument(&f.side, &f.body) {
        Ok(v) => v,
        Err(e) => {
            let mut errors = FieldErrors::new();
            for err in e.0 {
                errors.add(format!("argument-{}", err.field), err.code);
            }
            return page(&state, &ctx, id, Typed { errors, body: f.body }).await;
        }
    };
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    let published = !p.debate.pre_moderation;
    let aid = arguments::create(
        &state.db,
        About::Debate(id),
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
        &format!("/debates/{id}#argument-{aid}"),
        flash,
    ))
}

/// Leading zero bits asked of the browser for taking part without an
/// account, as on the contact form.
const DIFFICULTY: i64 = super::antibot::DIFFICULTY;

/// A fresh single-use proof-of-work challenge, also the form's token.
async fn challenge(state: &AppState) -> AppResult<String> {
    super::antibot::challenge(state).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnonymousForm {
    email: String,
    side: String,
    argument: String,
    pow_nonce: String,
    pow_solution: String,
}

/// The page (full or embedded) of the form to take part without an account.
async fn anonymous_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    embed: bool,
    f: &AnonymousForm,
    errors: &FieldErrors,
    sent: bool,
) -> AppResult<Response> {
    let p = place(state, ctx, id).await?;
    if !p.debate.anonymous_allowed && !embed {
        return Err(AppError::not_found());
    }
    let nonce = if p.open() && p.debate.anonymous_allowed {
        challenge(state).await?
    } else {
        String::new()
    };
    let open = p.open();
    let bar = bar(&p.debate);
    let DebatePlace { debate, step, project } = p;
    let template = if embed {
        "debates/embed.html"
    } else {
        "debates/anonymous.html"
    };
    let html = render::page(
        state,
        ctx,
        template,
        view! {
            debate, step, project, bar, open, nonce, sent, difficulty => DIFFICULTY,
            email => f.email, side => f.side, argument => f.argument,
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    let mut res = form_response(html, !errors.is_empty());
    if embed {
        // This page only may be framed, by any site.
        let csp = super::layers::CSP.replace("frame-ancestors 'none'", "frame-ancestors *");
        if let Ok(v) = HeaderValue::from_str(&csp) {
            res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    Ok(res)
}

pub async fn anonymous_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    anonymous_page(
        &state,
        &ctx,
        id,
        false,
        &AnonymousForm::default(),
        &FieldErrors::new(),
        false,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmbedQuery {
    sent: Option<String>,
}

pub async fn embed(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    axum::extract::Query(q): axum::extract::Query<EmbedQuery>,
) -> AppResult<Response> {
    let sent = q.sent.is_some();
    anonymous_page(
        &state,
        &ctx,
        id,
        true,
        &AnonymousForm::default(),
        &FieldErrors::new(),
        sent,
    )
    .await
}

async fn take_part(state: &AppState, ctx: &Ctx, id: i64, embed: bool, f: AnonymousForm) -> AppResult<Response> {
    let p = require_open(state, ctx, id).await?;
    if !p.debate.anonymous_allowed {
        return Err(AppError::forbidden());
    }
    // The single-use challenge is this form's token: no valid one, no write.
    let solved = super::antibot::solved(state, &f.pow_nonce, &f.pow_solution).await?;
    let parsed = AnonymousInput::parse(&f.email, &f.side, &f.argument);
    let input = match (parsed, solved) {
        (Ok(input), true) => input,
        (parsed, solved) => {
            let mut errors = parsed.err().unwrap_or_default();
            if !solved {
                errors.add("email", "error-pow-failed");
            }
            return anonymous_page(state, ctx, id, embed, &f, &errors, false).await;
        }
    };
    limits::check(state, ctx, Limited::Contact).await?;
    let token = random_token();
    let hash = token_hash(&token);
    debates::vote_by_email(&state.db, id, &input.email, input.side, &hash).await?;
    if let Some(body) = &input.argument {
        // One link confirms both the vote and the argument.
        let author = Author::Email {
            email: &input.email,
            token_hash: &hash,
        };
        arguments::create(&state.db, About::Debate(id), input.side, body, author, false).await?;
    }
    send_confirmation(state, ctx, &p.debate, &input.email, &token).await?;
    if embed {
        // Cookies (and so one-time notices) may not reach a framed page.
        return Ok(axum::response::Redirect::to(&format!("/embed/debates/{id}?sent=1")).into_response());
    }
    Ok(redirect_with_flash(
        state,
        &format!("/debates/{id}"),
        "flash-check-your-email",
    ))
}

async fn send_confirmation(state: &AppState, ctx: &Ctx, debate: &Debate, email: &str, token: &str) -> AppResult<()> {
    let base = state.config.public_url.trim_end_matches('/');
    let link = format!("{base}/debates/confirm/{token}");
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("question", debate.question.clone());
    args.set("link", link);
    let subject = state.i18n.t(ctx.lang, "email-debate-confirm-subject", Some(&args));
    let body = state.i18n.t(ctx.lang, "email-debate-confirm-body", Some(&args));
    crate::mail::queue(&state.db, state.config.smtp.as_ref(), email, &subject, &body).await?;
    Ok(())
}

pub async fn anonymous(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<AnonymousForm>,
) -> AppResult<Response> {
    take_part(&state, &ctx, id, false, f).await
}

/// The widget's form. Inside another site's frame the browser withholds
/// our cookies, so this route is spared the cookie-based CSRF check
/// (layers.rs); the single-use challenge of the form stands in for it, and
/// cross-site posts are still refused by `Sec-Fetch-Site`.
pub async fn embed_post(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<AnonymousForm>,
) -> AppResult<Response> {
    take_part(&state, &ctx, id, true, f).await
}

/// The emailed link: counts the vote and publishes the argument.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
) -> AppResult<Response> {
    match debates::confirm(&state.db, &token_hash(&token)).await? {
        Some(id) => {
            // A confirmed participation shows on the debate's public page.
            state.forget_kept();
            Ok(redirect_with_flash(
                &state,
                &format!("/debates/{id}"),
                "flash-participation-confirmed",
            ))
        }
        None => {
            let html = render::page(
                &state,
                &ctx,
                "message.html",
                view! { title_id => "debate-confirm-expired", text_id => "debate-confirm-expired-text" },
            )
            .await?;
            Ok((axum::http::StatusCode::GONE, html).into_response())
        }
    }
}

/// Files a report on a debate's argument.
pub async fn report_argument(
    state: &AppState,
    ctx: &Ctx,
    debate_id: i64,
    argument_id: i64,
    reason: &str,
    details: &str,
) -> AppResult<Response> {
    let user = ctx.user()?;
    place(state, ctx, debate_id).await?;
    match participe_domain::moderation::parse_report(reason, details) {
        Ok((reason, details)) => {
            crate::storage::moderation::report(
                &state.db,
                participe_domain::moderation::Target::Argument,
                argument_id,
                user.id,
                reason,
                &details,
            )
            .await?;
            Ok(redirect_with_flash(
                state,
                &format!("/debates/{debate_id}"),
                "flash-reported",
            ))
        }
        Err(e) => {
            let mut errors = FieldErrors::new();
            for err in e.0 {
                errors.add(format!("report-argument-{argument_id}-{}", err.field), err.code);
            }
            page(
                state,
                ctx,
                debate_id,
                Typed {
                    errors,
                    ..Typed::default()
                },
            )
            .await
        }
    }
}
