//! Form helpers: an extractor that turns malformed bodies into a clear error
//! page, and the error context the `macros.html` field macros display.

use axum::extract::{FromRequest, Request};
use minijinja::Value;
use participe_domain::FieldErrors;
use serde::de::DeserializeOwned;

use super::error::AppError;
use crate::i18n::{I18n, Lang};

/// A url-encoded form (repeated keys allowed for multi-selects). A body that
/// cannot be decoded at all gives a 400 page; missing fields should default
/// (`#[serde(default)]`) so validation can name them.
pub struct HtmlForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for HtmlForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        axum_extra::extract::Form::<T>::from_request(req, state)
            .await
            .map(|f| HtmlForm(f.0))
            .map_err(|e| AppError::bad_request(format!("form: {e}")))
    }
}

/// Errors for a template: `errors.list` for the summary at the top of the
/// form (each linking to its field) and `errors.by_field` for the messages
/// shown next to the fields.
pub fn errors_value(i18n: &I18n, lang: Lang, errors: &FieldErrors) -> Value {
    let list: Vec<Value> = errors
        .0
        .iter()
        .map(|e| crate::view! { field => e.field, message => i18n.t(lang, e.code, None) })
        .collect();
    let mut by_field = std::collections::BTreeMap::new();
    for e in &errors.0 {
        by_field
            .entry(e.field.as_str())
            .or_insert_with(|| i18n.t(lang, e.code, None));
    }
    crate::view! { list, by_field }
}

/// No errors, for the first display of a form.
pub fn no_errors() -> Value {
    crate::view! { list => Vec::<Value>::new(), by_field => std::collections::BTreeMap::<String, String>::new() }
}

/// Path parameters; ones that do not parse (an id that is not a number) give
/// the not-found page rather than a bare 400.
pub struct PathParams<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> axum::extract::FromRequestParts<S> for PathParams<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| PathParams(p.0))
            .map_err(|_| AppError::not_found())
    }
}

/// Redirect after a successful POST, with a one-time notice (a message id).
pub fn redirect_with_flash(state: &crate::app::AppState, to: &str, flash: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut res = axum::response::Redirect::to(to).into_response();
    super::cookies::set(
        &mut res,
        state.config.secure_cookies,
        super::cookies::FLASH,
        flash,
        Some(60),
    );
    res
}

/// A form page: 200 when first shown, 422 when it comes back with errors.
pub fn form_response(html: axum::response::Html<String>, failed: bool) -> axum::response::Response {
    use axum::response::IntoResponse;
    if failed {
        (axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
    } else {
        html.into_response()
    }
}

/// The key/value pairs of a url-encoded body, in order (repeated keys kept).
pub fn pairs(raw: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(raw)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The first value of `key` in form pairs, or "".
pub fn value<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// The form of the up and down buttons beside ordered rows (steps,
/// questions, menu entries, sections…).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    direction: String,
}

impl MoveForm {
    /// Whether the row moves up; anything but "up" or "down" is refused.
    pub fn up(&self) -> Result<bool, super::error::AppError> {
        match self.direction.as_str() {
            "up" => Ok(true),
            "down" => Ok(false),
            _ => Err(super::error::AppError::bad_request("direction must be up or down")),
        }
    }
}
