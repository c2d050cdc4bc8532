//! Log-in through an OpenID Connect provider: leaving for the provider,
//! coming back (the first time: a new account, or a link asked for from the
//! profile; never an existing account taken over by its email), and linking
//! a provider to the signed-in account.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use participe_domain::sso::{self as rules, FirstLogin};
use serde::Deserialize;

use super::start_session;
use crate::app::AppState;
use crate::security::token_hash;
use crate::services::sso::SsoError;
use crate::storage::sso::{self as store, NewAccount, Provider};
use crate::storage::{StoreError, users};
use crate::view;
use crate::web::context::Ctx;
use crate::web::cookies;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, redirect_with_flash};
use crate::web::limits::{Limited, check};
use crate::web::redirect::safe_next;
use crate::web::render;

/// The cookie binding a log-in under way to the browser that started it
/// (its value is the request's `state`), so that a callback address sent to
/// someone else logs nobody in.
pub const STATE_COOKIE: &str = "participe_sso_state";

async fn enabled_provider(state: &AppState, slug: &str) -> AppResult<Provider> {
    match store::by_slug(&state.db, slug).await? {
        Some(p) if p.enabled => Ok(p),
        _ => Err(AppError::not_found()),
    }
}

/// A page saying the log-in did not succeed, and why in plain words.
pub(super) async fn failed(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    reason: &str,
    provider: &str,
) -> AppResult<Response> {
    let page = render::page(state, ctx, "accounts/sso_failed.html", view! { reason, provider }).await?;
    Ok((status, page).into_response())
}

/// A page sending the browser on to a provider (`to`) at once, with a link
/// to follow by hand. A form's answer cannot redirect to another site (the
/// pages' `form-action 'self'` policy also covers its redirects), so the
/// forms that lead to a provider (linking, logging out) answer with this.
pub async fn leaving(
    state: &AppState,
    ctx: &Ctx,
    to: &str,
    title: &str,
    text: &str,
    provider: &str,
) -> AppResult<Response> {
    Ok(render::page(
        state,
        ctx,
        "accounts/sso_leaving.html",
        view! { to, title, text, provider },
    )
    .await?
    .into_response())
}

/// Sends the browser to the provider, with a fresh state bound to it.
async fn leave_for(state: &AppState, ctx: &Ctx, p: &Provider, next: &str, link: Option<i64>) -> AppResult<Response> {
    match state.sso.start(&state.db, &state.config, p, next, link).await {
        Ok((url, state_param)) => {
            let mut res = if link.is_some() {
                leaving(state, ctx, &url, "sso-leaving-link", "sso-leaving-link-text", &p.label).await?
            } else {
                Redirect::to(&url).into_response()
            };
            let minutes = crate::services::sso::REQUEST_TTL_MINUTES;
            cookies::set(
                &mut res,
                state.config.secure_cookies,
                STATE_COOKIE,
                &state_param,
                Some(minutes * 60),
            );
            Ok(res)
        }
        Err(e) => {
            tracing::warn!(provider = %p.slug, "single sign-on could not start: {e}");
            failed(state, ctx, StatusCode::BAD_GATEWAY, "sso-failed-unreachable", &p.label).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StartQuery {
    next: Option<String>,
}

/// `GET /login/sso/{slug}`: leave for the provider.
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(slug): PathParams<String>,
    Query(q): Query<StartQuery>,
) -> AppResult<Response> {
    // Each start stores a request: counted with the log-in attempts.
    check(&state, &ctx, Limited::Login).await?;
    let p = enabled_provider(&state, &slug).await?;
    let next = safe_next(q.next.as_deref());
    if p.kind() == rules::Kind::Saml {
        return super::saml::leave_for(&state, &ctx, &p, &next).await;
    }
    leave_for(&state, &ctx, &p, &next, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LinkForm {
    /// Where to come back to (the ballot asking for a verified identity).
    next: Option<String>,
}

/// `POST /account/sso/{slug}`: link a provider to the signed-in account.
pub async fn link(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(slug): PathParams<String>,
    HtmlForm(f): HtmlForm<LinkForm>,
) -> AppResult<Response> {
    let me = ctx.user()?.id;
    check(&state, &ctx, Limited::Login).await?;
    let p = enabled_provider(&state, &slug).await?;
    // A SAML answer comes without this site's cookies: it cannot be tied to
    // the signed-in account, so SAML providers log in but do not link.
    if p.kind() == rules::Kind::Saml {
        return failed(&state, &ctx, StatusCode::BAD_REQUEST, "sso-failed-saml-link", &p.label).await;
    }
    let next = match f.next.as_deref() {
        Some(n) => safe_next(Some(n)),
        None => "/account".to_string(),
    };
    leave_for(&state, &ctx, &p, &next, Some(me)).await
}

/// The enabled providers that verify identities, for the pages that ask
/// for a verified identity.
pub async fn identity_providers(state: &AppState) -> AppResult<Vec<Provider>> {
    Ok(store::enabled(&state.db)
        .await?
        .into_iter()
        .filter(|p| p.verifies_identity)
        .collect())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /login/sso/{slug}/callback`: the provider sends the person back.
pub async fn callback(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    PathParams(slug): PathParams<String>,
    Query(q): Query<CallbackQuery>,
) -> AppResult<Response> {
    check(&state, &ctx, Limited::Login).await?;
    let p = enabled_provider(&state, &slug).await?;
    let given_state = q.state.unwrap_or_default();
    // The request is taken (removed) whatever follows: a callback serves once.
    let request = if given_state.is_empty() {
        None
    } else {
        store::take_request(&state.db, &token_hash(&given_state)).await?
    };
    let bound = CookieJar::from_headers(&headers)
        .get(STATE_COOKIE)
        .is_some_and(|c| !given_state.is_empty() && c.value() == given_state);
    // A link comes back to the account that asked for it, still signed in.
    let same_account = |r: &store::Request| {
        r.link_user_id
            .is_none_or(|me| ctx.user.as_ref().is_some_and(|u| u.id == me))
    };
    let request = match request {
        Some(r) if bound && r.provider_id == p.id && same_account(&r) => r,
        _ => {
            tracing::info!(provider = %p.slug, bound, "single sign-on callback with an unknown, used or foreign state");
            return failed(&state, &ctx, StatusCode::BAD_REQUEST, "sso-failed-state", &p.label).await;
        }
    };
    if let Some(error) = q.error {
        tracing::info!(provider = %p.slug, "the provider answered {error}");
        return failed(&state, &ctx, StatusCode::BAD_REQUEST, "sso-failed-cancelled", &p.label).await;
    }
    let Some(code) = q.code.filter(|c| !c.is_empty()) else {
        return failed(&state, &ctx, StatusCode::BAD_REQUEST, "sso-failed-state", &p.label).await;
    };
    let verified = match state.sso.finish(&state.config, &p, &request, &code).await {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!(provider = %p.slug, "single sign-on refused: {e}");
            let reason = match e {
                SsoError::IdToken(_) | SsoError::NoIdToken => "sso-failed-token",
                _ => "sso-failed-unreachable",
            };
            return failed(&state, &ctx, StatusCode::BAD_REQUEST, reason, &p.label).await;
        }
    };
    let mut res = signed_in(
        &state,
        &ctx,
        &headers,
        &p,
        &request,
        &verified.subject,
        &verified.claims,
        Some(&verified.id_token),
    )
    .await?;
    cookies::clear(&mut res, state.config.secure_cookies, STATE_COOKIE);
    Ok(res)
}

/// After a provider vouched for `subject` (with these claims or attributes):
/// the account it is linked to, else a link asked for from the profile or a
/// new account (never one taken over by its email); its role, group and
/// verified identity updated; a session opened. `id_token`: an OpenID
/// Connect provider's, kept for its logout.
#[allow(clippy::too_many_arguments)]
pub(super) async fn signed_in(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    p: &Provider,
    request: &store::Request,
    subject: &str,
    claims: &std::collections::BTreeMap<String, String>,
    id_token: Option<&str>,
) -> AppResult<Response> {
    let profile = rules::profile(claims, &p.name_claim);
    let user_id = match store::identity_user(&state.db, p.id, subject).await? {
        Some(id) => {
            if request.link_user_id.is_some_and(|me| me != id) {
                return failed(
                    state,
                    ctx,
                    StatusCode::CONFLICT,
                    "sso-failed-linked-elsewhere",
                    &p.label,
                )
                .await;
            }
            store::touch_identity(&state.db, p.id, subject).await?;
            id
        }
        None => {
            let owner = match &profile.verified_email {
                Some(email) => users::by_email(&state.db, email).await?.map(|u| u.id),
                None => None,
            };
            match rules::first_login(request.link_user_id, owner) {
                FirstLogin::Link(me) => {
                    store::link(&state.db, p.id, subject, me).await?;
                    if p.verifies_identity {
                        store::mark_verified(&state.db, me, profile.birthdate).await?;
                    }
                    return Ok(redirect_with_flash(state, &request.next, "flash-sso-linked"));
                }
                FirstLogin::EmailTaken => {
                    return failed(state, ctx, StatusCode::CONFLICT, "sso-failed-email-taken", &p.label).await;
                }
                FirstLogin::Create => {
                    let account = NewAccount {
                        provider_id: p.id,
                        subject,
                        email: profile.verified_email.as_deref(),
                        display_name: &profile.display_name,
                        role: p.grant_role().unwrap_or(participe_domain::Role::Participant),
                        locale: ctx.lang.code(),
                        birth_date: p.verifies_identity.then_some(profile.birthdate).flatten(),
                    };
                    match store::create_account(&state.db, &account).await {
                        Ok(id) => id,
                        // Another tab finished the same first log-in meanwhile.
                        Err(StoreError::Conflict(_)) => {
                            return failed(state, ctx, StatusCode::CONFLICT, "sso-failed-email-taken", &p.label).await;
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
            }
        }
    };
    let Some(user) = users::by_id(&state.db, user_id)
        .await?
        .filter(|u| u.deleted_at.is_none())
    else {
        return failed(state, ctx, StatusCode::FORBIDDEN, "sso-failed-closed", &p.label).await;
    };
    if p.verifies_identity {
        store::mark_verified(&state.db, user.id, profile.birthdate).await?;
    }
    let role = rules::role_after_login(user.role(), p.grant_role());
    if role != user.role() {
        users::set_role(&state.db, user.id, role).await?;
    }
    if let Some(group) = p.grant_group_id {
        crate::storage::groups::add_member(&state.db, group, user.id, participe_domain::group::Source::Provider)
            .await?;
    }
    let mut res = redirect_with_flash(state, &request.next, "flash-logged-in");
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let session = start_session(state, &mut res, user.id, ua).await?;
    if let Some(id_token) = id_token {
        store::mark_session(&state.db, &session, p.id, id_token).await?;
    }
    Ok(res)
}
