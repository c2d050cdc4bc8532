//! Sign-up: display name, email, password and acceptance of the terms.

use crate::view;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use participe_domain::Role;
use participe_domain::account::{RawSignup, Signup};
use serde::Deserialize;

use crate::app::AppState;
use crate::services::accounts::{self, CreateError};
use crate::services::groups;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, errors_value, no_errors};
use crate::web::limits::{Limited, check};
use crate::web::render;
use participe_domain::group::Invitation;

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub struct SignupForm {
    pub display_name: String,
    pub email: String,
    pub password: String,
    pub terms: Option<String>,
    /// The token of the invitation the person came with, if any.
    pub invitation: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignupQuery {
    invitation: String,
}

/// What the form shows again after an error (never the password).
#[derive(serde::Serialize, Default)]
struct Values {
    display_name: String,
    email: String,
    terms: bool,
    invitation: String,
}

pub async fn form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<SignupQuery>) -> AppResult<Html<String>> {
    // An invitation fills the email it was sent to.
    let invited = groups::find(&state.db, &q.invitation).await?;
    let values = match invited {
        Some((i, Invitation::Valid)) => Values {
            email: i.email,
            invitation: q.invitation,
            ..Values::default()
        },
        _ => Values::default(),
    };
    render::page(
        &state,
        &ctx,
        "accounts/signup.html",
        view! { errors => no_errors(), values, domains => state.config.signup_domains.clone() },
    )
    .await
}

pub async fn submit(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<SignupForm>) -> AppResult<Response> {
    check(&state, &ctx, Limited::Signup).await?;
    let raw = RawSignup {
        display_name: &f.display_name,
        email: &f.email,
        password: &f.password,
        terms_accepted: f.terms.is_some(),
    };
    let invited = groups::find(&state.db, &f.invitation).await?;
    let parsed = Signup::parse(&raw).and_then(|signup| {
        if participe_domain::account::domain_allowed(&signup.email, &state.config.signup_domains)
            || groups::opens_signup(invited.as_ref(), &signup.email)
        {
            Ok(signup)
        } else {
            let mut errors = participe_domain::FieldErrors::new();
            errors.add("email", "error-email-domain");
            Err(errors)
        }
    });
    // An invitation's link proves its address: an account made for it needs
    // no confirmation.
    let confirmed = |email: &str| groups::opens_signup(invited.as_ref(), email);
    let created = match parsed {
        Ok(signup) => accounts::create(
            &state.db,
            &signup,
            Role::Participant,
            ctx.lang,
            confirmed(&signup.email),
        )
        .await
        .map(|id| (id, signup.email)),
        Err(errors) => Err(CreateError::Fields(errors)),
    };
    match created {
        Ok((user_id, email)) => {
            if confirmed(&email) {
                let joined = match groups::accept(&state.db, &f.invitation, user_id, &email).await? {
                    groups::Accepted::Joined(name) => Some(name),
                    _ => None,
                };
                let text = view! { title_id => "signup-done-title", text_id => "signup-invited-text", email, group => joined,
                link_href => "/login", link_id => "nav-login" };
                return Ok(render::page(&state, &ctx, "message.html", text).await?.into_response());
            }
            accounts::send_confirmation(&state.db, &state.config, &state.i18n, ctx.lang, user_id, &email).await?;
            let text = view! { title_id => "signup-done-title", text_id => "signup-done-text", email };
            Ok(render::page(&state, &ctx, "message.html", text).await?.into_response())
        }
        Err(CreateError::Fields(errors)) => {
            let values = Values {
                display_name: f.display_name,
                email: f.email,
                terms: f.terms.is_some(),
                invitation: f.invitation,
            };
            let errors = errors_value(&state.i18n, ctx.lang, &errors);
            let domains = state.config.signup_domains.clone();
            let page = render::page(&state, &ctx, "accounts/signup.html", view! { errors, values, domains }).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(CreateError::Other(e)) => Err(e.into()),
    }
}
