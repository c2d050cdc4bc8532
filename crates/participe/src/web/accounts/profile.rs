//! The signed-in person's profile: name, language, password, sessions.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use minijinja::Value;

use crate::view;
use participe_domain::{FieldErrors, text};
use serde::Deserialize;

use crate::app::AppState;
use crate::i18n::Lang;
use crate::security::{hash_password_async, verify_password_async};
use crate::storage::{sessions, users};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, errors_value, no_errors, redirect_with_flash};
use crate::web::{cookies, render};

async fn page(
    state: &AppState,
    ctx: &Ctx,
    profile_errors: Value,
    password_errors: Value,
    name: Option<String>,
) -> AppResult<Html<String>> {
    let user = ctx.user()?;
    let session_count = sessions::count_for_user(&state.db, user.id).await?;
    let prefs = users::preferences(&state.db, user.id).await?;
    let mine = crate::storage::proposals::by_author(&state.db, user.id).await?;
    let name = name.or_else(|| user.display_name.clone()).unwrap_or_default();
    let linked = crate::storage::sso::identities_of(&state.db, user.id).await?;
    let providers: Vec<_> = crate::storage::sso::enabled(&state.db)
        .await?
        .into_iter()
        .filter(|p| !linked.iter().any(|(id, ..)| *id == p.id))
        .collect();
    let ctx_value = view! {
        linked,
        providers,
        profile_errors,
        password_errors,
        name,
        locale => user.locale,
        email => user.email,
        has_password => user.password_hash.is_some(),
        identity_verified_at => user.identity_verified_at,
        confirmed => user.is_confirmed(),
        session_count,
        prefs,
        mine,
    };
    render::page(state, ctx, "accounts/account.html", ctx_value).await
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    page(&state, &ctx, no_errors(), no_errors(), None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProfileForm {
    display_name: String,
    locale: String,
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<ProfileForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let mut errors = FieldErrors::new();
    let name = errors.check("display_name", text::display_name(&f.display_name));
    let lang = errors.check("locale", Lang::parse(&f.locale).ok_or("error-locale-unknown"));
    let (Some(name), Some(lang)) = (name, lang) else {
        let errors = errors_value(&state.i18n, ctx.lang, &errors);
        let html = page(&state, &ctx, errors, no_errors(), Some(f.display_name)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    };
    users::update_profile(&state.db, user.id, &name, lang.code()).await?;
    let mut res = redirect_with_flash(&state, "/account", "flash-profile-saved");
    cookies::set(
        &mut res,
        state.config.secure_cookies,
        cookies::LANG,
        lang.code(),
        Some(365 * 24 * 3600),
    );
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<PasswordForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let mut errors = FieldErrors::new();
    if !verify_password_async(f.current_password, user.password_hash.clone()).await {
        errors.add("current_password", "error-password-wrong");
    }
    let new = errors.check("new_password", text::password(&f.new_password));
    let Some(new) = new.filter(|_| errors.is_empty()) else {
        let errors = errors_value(&state.i18n, ctx.lang, &errors);
        let html = page(&state, &ctx, no_errors(), errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    };
    let hash = hash_password_async(new).await?;
    users::set_password(&state.db, user.id, &hash).await?;
    if let Some(current) = &ctx.session_hash {
        sessions::delete_others(&state.db, user.id, current).await?;
    }
    Ok(redirect_with_flash(&state, "/account", "flash-password-changed"))
}

/// Logs out every session of this account, this one included.
pub async fn revoke_sessions(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.user()?;
    sessions::delete_for_user(&state.db, user.id).await?;
    let mut res = redirect_with_flash(&state, "/login", "flash-sessions-revoked");
    cookies::clear(&mut res, state.config.secure_cookies, cookies::SESSION);
    Ok(res)
}
