//! Health check, style sheets and uploaded files.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use participe_domain::colour::Rgb;

use super::error::{AppError, AppResult};
use crate::app::AppState;
use crate::files::{ImageKind, parse_variant, valid_name};

/// `{"status":"ok","database":"sqlite"|"postgres"}`, or 503 when the
/// database does not answer.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let engine = state.db.engine().as_str();
    match state.db.ping().await {
        Ok(()) => Json(serde_json::json!({ "status": "ok", "database": engine })).into_response(),
        Err(e) => {
            tracing::error!("health check: {e}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "error", "database": engine })),
            )
                .into_response()
        }
    }
}

const APP_CSS: &str = include_str!("../../static/app.css");
const POW_JS: &str = include_str!("../../static/pow.js");
const LIVE_JS: &str = include_str!("../../static/live.js");
const BALLOT_JS: &str = include_str!("../../static/ballot.js");
const JOBS_JS: &str = include_str!("../../static/jobs.js");
const QUESTIONNAIRE_JS: &str = include_str!("../../static/questionnaire.js");
const SITE_JS: &str = include_str!("../../static/site.js");
/// Progressive enhancements shared by every page: the menu button on small
/// screens and the warning before leaving a form with unsaved changes.
pub async fn site_js() -> Response {
    script(SITE_JS)
}

/// The in-place progress of background jobs.
pub async fn jobs_js() -> Response {
    script(JOBS_JS)
}

/// The running total of a budget ballot.
pub async fn ballot_js() -> Response {
    script(BALLOT_JS)
}

/// Hides the questions a questionnaire's logic jumps skip, as one answers.
pub async fn questionnaire_js() -> Response {
    script(QUESTIONNAIRE_JS)
}

/// The live counter's event listener.
pub async fn live_js() -> Response {
    script(LIVE_JS)
}

/// The proof-of-work solver of the contact form.
pub async fn pow_js() -> Response {
    script(POW_JS)
}

/// Scripts are files, so the Content Security Policy can forbid inline ones.
fn script(body: &'static str) -> Response {
    static_file("text/javascript; charset=utf-8", body)
}

pub(super) fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// The style sheet, with the icons' rules (`icons::css`) after it.
pub async fn app_css() -> Response {
    static CSS: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("{APP_CSS}\n{}", super::icons::css()));
    static_file("text/css; charset=utf-8", CSS.as_str())
}

/// The organisation's colours as CSS custom properties. Served as a file, not
/// inline, so the Content Security Policy can forbid inline styles.
pub async fn theme_css(State(state): State<AppState>) -> AppResult<Response> {
    let org = state.org.get(&state.db).await?;
    let p = participe_domain::theme::brand_palette(&org.primary_colour, &org.secondary_colour);
    let mut css = format!(
        ":root {{ --primary: {}; --primary-dark: {}; --secondary: {}; --primary-soft: {}; --secondary-soft: {}; \
         --primary-line: {}; --primary-text: {}; --secondary-text: {}; }}\n",
        p.primary.to_hex(),
        p.primary_dark.to_hex(),
        p.secondary.to_hex(),
        p.primary_soft.to_hex(),
        p.secondary_soft.to_hex(),
        p.primary_line.to_hex(),
        p.primary_text.to_hex(),
        p.secondary_text.to_hex(),
    );
    // The detailed colours, each pair checked for contrast when set.
    let set = |bg: &str, fg: &str| Rgb::parse(bg).ok().zip(Rgb::parse(fg).ok());
    if let Some((bg, fg)) = set(&org.header_bg, &org.header_fg) {
        css.push_str(&format!(
            ":root {{ --header-bg: {}; --header-fg: {}; }}\n",
            bg.to_hex(),
            fg.to_hex()
        ));
    }
    if let Some((bg, fg)) = set(&org.footer_bg, &org.footer_fg) {
        css.push_str(&format!(
            ":root {{ --footer-bg: {}; --footer-fg: {}; }}\n",
            bg.to_hex(),
            fg.to_hex()
        ));
    }
    if let Some((bg, fg)) = set(&org.button_bg, &org.button_fg) {
        // Hover: a darker shade, or a lighter one for dark buttons with dark text.
        let hover = if fg.contrast_with(bg.darken(0.85)) >= participe_domain::colour::AA_NORMAL_TEXT {
            bg.darken(0.85)
        } else {
            bg
        };
        css.push_str(&format!(
            ":root {{ --button-bg: {}; --button-fg: {}; --button-hover: {}; }}\n",
            bg.to_hex(),
            fg.to_hex(),
            hover.to_hex()
        ));
    }
    if let Ok(link) = Rgb::parse(&org.link_colour) {
        css.push_str(&format!(":root {{ --primary-text: {}; }}\n", link.to_hex()));
    }
    css.push_str(&super::fonts::theme_rules(&state, &org).await?);
    // Proposal status badges: colours checked for contrast when configured.
    for s in crate::storage::collect::all_statuses(&state.db).await? {
        if let Ok(c) = Rgb::parse(&s.colour) {
            css.push_str(&format!(
                ".status-{} {{ background: {}; border-color: {}; color: #fff; }}\n",
                s.id,
                c.to_hex(),
                c.to_hex()
            ));
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        css,
    )
        .into_response())
}

pub async fn upload(State(state): State<AppState>, Path(name): Path<String>) -> AppResult<Response> {
    if !valid_name(&name) {
        return Err(AppError::not_found());
    }
    let kind = name
        .rsplit('.')
        .next()
        .and_then(ImageKind::from_extension)
        .ok_or_else(AppError::not_found)?;
    // A resized variant is made from its original if it is not there yet.
    let bytes = if parse_variant(&name).is_some() {
        crate::images::variant(&*state.files, &name).await?
    } else {
        state.files.get(name).await?
    }
    .ok_or_else(AppError::not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, kind.mime()),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        bytes,
    )
        .into_response())
}
