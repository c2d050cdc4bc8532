//! Cookie names and attributes: HttpOnly, SameSite=Lax, Path=/, and Secure
//! when the site is served over HTTPS.

use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, SameSite};

pub const SESSION: &str = "participe_session";
pub const CSRF: &str = "participe_csrf";
pub const LANG: &str = "participe_lang";
pub const FLASH: &str = "participe_flash";
/// The visitor's shuffle seed for proposal lists in random order.
pub const SEED: &str = "participe_seed";

/// Adds a `Set-Cookie` header. `max_age_secs = 0` deletes the cookie;
/// `None` makes a browser-session cookie.
pub fn set(res: &mut Response, secure: bool, name: &'static str, value: &str, max_age_secs: Option<i64>) {
    let mut c = Cookie::build((name, value.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure);
    if let Some(secs) = max_age_secs {
        c = c.max_age(cookie::time::Duration::seconds(secs));
    }
    if let Ok(v) = HeaderValue::from_str(&c.build().to_string()) {
        res.headers_mut().append(SET_COOKIE, v);
    }
}

pub fn clear(res: &mut Response, secure: bool, name: &'static str) {
    set(res, secure, name, "", Some(0));
}
