//! Log-in through a SAML 2.0 identity provider (staff directories): this
//! service provider's metadata, leaving for the provider with a request
//! (HTTP-Redirect), and the provider's signed answer (HTTP-POST to the
//! assertion consumer service). Accounts are then found or made as for
//! OpenID Connect (`sso::signed_in`).
//!
//! The answer comes from the provider's page, another site: browsers do not
//! send this site's cookies with it, so it cannot be bound to the browser by
//! a cookie; it is bound to its request instead (the RelayState, taken once,
//! and the answer's InResponseTo, checked in the signed assertion).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use serde::Deserialize;

use super::sso::{failed, signed_in};
use crate::app::AppState;
use crate::security::{random_token, token_hash};
use crate::services::saml;
use crate::storage::now;
use crate::storage::sso::{self as store, NewRequest, Provider};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::HtmlForm;
use crate::web::limits::{Limited, check};

/// How long a SAML log-in may take, provider page included.
const REQUEST_TTL_MINUTES: i64 = 10;

/// `GET /saml/metadata`: this service provider, for identity providers.
pub async fn metadata(State(state): State<AppState>) -> AppResult<Response> {
    match saml::sp_metadata(&state.config) {
        Ok(xml) => Ok(([(header::CONTENT_TYPE, "application/samlmetadata+xml")], xml).into_response()),
        Err(saml::SamlError::Unavailable) => Err(AppError::not_found()),
        Err(e) => Err(AppError::internal(e)),
    }
}

/// Leaves for a SAML provider (from `GET /login/sso/{slug}`).
pub(super) async fn leave_for(state: &AppState, ctx: &Ctx, p: &Provider, next: &str) -> AppResult<Response> {
    let relay_state = random_token();
    let request = p
        .saml_metadata
        .as_deref()
        .ok_or(saml::SamlError::Metadata("error-saml-metadata-unreadable"))
        .and_then(|md| saml::authn_request(&state.config, md, &relay_state));
    let (url, request_id) = match request {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(provider = %p.slug, "SAML log-in could not start: {e}");
            return failed(state, ctx, StatusCode::BAD_GATEWAY, "sso-failed-unreachable", &p.label).await;
        }
    };
    let stored = NewRequest {
        state_hash: &token_hash(&relay_state),
        provider_id: p.id,
        nonce: &request_id,
        pkce_verifier: "",
        next,
        link_user_id: None,
        expires_at: now() + Duration::minutes(REQUEST_TTL_MINUTES),
    };
    store::start_request(&state.db, &stored).await?;
    Ok(Redirect::to(&url).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AcsForm {
    #[serde(rename = "SAMLResponse")]
    saml_response: String,
    #[serde(rename = "RelayState")]
    relay_state: String,
}

/// `POST /saml/acs`: the provider's signed answer.
pub async fn acs(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    HtmlForm(f): HtmlForm<AcsForm>,
) -> AppResult<Response> {
    check(&state, &ctx, Limited::Login).await?;
    // The request is taken (removed) whatever follows: an answer serves once.
    let request = if f.relay_state.is_empty() {
        None
    } else {
        store::take_request(&state.db, &token_hash(&f.relay_state)).await?
    };
    let provider = match &request {
        Some(r) => store::by_id(&state.db, r.provider_id).await?,
        None => None,
    };
    let (Some(request), Some(p)) = (request, provider.filter(|p| p.enabled && p.saml_metadata.is_some())) else {
        tracing::info!("SAML answer with an unknown, used or expired RelayState");
        return failed(&state, &ctx, StatusCode::BAD_REQUEST, "sso-failed-state", "SAML").await;
    };
    let config = state.config.clone();
    let metadata = p.saml_metadata.clone().unwrap_or_default();
    let request_id = request.nonce.clone();
    let answer = f.saml_response;
    // libxmlsec1 works synchronously.
    let checked = tokio::task::spawn_blocking(move || saml::verify_response(&config, &metadata, &answer, &request_id))
        .await
        .map_err(AppError::internal)?;
    let person = match checked {
        Ok(person) => person,
        Err(e) => {
            tracing::warn!(provider = %p.slug, "SAML answer refused: {e}");
            return failed(&state, &ctx, StatusCode::BAD_REQUEST, "sso-failed-token", &p.label).await;
        }
    };
    signed_in(
        &state,
        &ctx,
        &headers,
        &p,
        &request,
        &person.subject,
        &person.claims,
        None,
    )
    .await
}
