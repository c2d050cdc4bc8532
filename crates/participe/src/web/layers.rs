//! Middleware run around every handler: request context (session, language,
//! CSRF token), CSRF verification of every state-changing request, rendering
//! of error pages, and security headers.

use axum::body::{Body, to_bytes};
use axum::extract::connect_info::MockConnectInfo;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use std::net::SocketAddr;

use super::context::Ctx;
use super::cookies;
use super::error::{AppError, ErrorKind, ErrorMarker};
use super::lang_prefix::UrlLang;
use super::page_cache::KeepPages;
use crate::app::AppState;
use crate::i18n::Lang;
use crate::security::{random_token, same_secret, token_hash};
use crate::services::redirections;
use crate::storage::sessions;

/// Largest url-encoded form body read for the CSRF check.
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

fn client_ip(req: &Request, trust_proxy: bool) -> String {
    if trust_proxy
        && let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
    {
        return first.trim().to_string();
    }
    // `MockConnectInfo` is what tests (and axum's own extractor) use in
    // place of a real socket.
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0)
        .or_else(|| req.extensions().get::<MockConnectInfo<SocketAddr>>().map(|c| c.0))
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The CSRF token the client sent with a state-changing request: the
/// `X-CSRF-Token` header, the `_csrf` query parameter (multipart uploads), or
/// the `_csrf` field of a url-encoded form. Returns the request rebuilt.
async fn submitted_token(req: Request) -> Result<(Option<String>, Request), AppError> {
    let from_header = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if from_header.is_some() {
        return Ok((from_header, req));
    }
    let from_query = req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "_csrf")
            .map(|(_, v)| v.into_owned())
    });
    if from_query.is_some() {
        return Ok((from_query, req));
    }
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok((None, req));
    }
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, MAX_FORM_BYTES)
        .await
        .map_err(|_| AppError::bad_request("form too large"))?;
    let token = url::form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "_csrf")
        .map(|(_, v)| v.into_owned());
    Ok((token, Request::from_parts(parts, Body::from(bytes))))
}

/// Builds the request context, checks CSRF, runs the handler, then writes
/// cookies and renders error pages.
pub async fn context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match context_inner(&state, req, next).await {
        Ok(res) => res,
        Err((err, ctx)) => {
            let res = err.into_response();
            Box::pin(finish(&state, ctx, None, res)).await
        }
    }
}

async fn context_inner(state: &AppState, req: Request, next: Next) -> Result<Response, (AppError, Option<Ctx>)> {
    let jar = CookieJar::from_headers(req.headers());
    let existing_csrf = jar
        .get(cookies::CSRF)
        .map(|c| c.value().to_string())
        .filter(|v| v.len() == 64);
    let new_csrf = existing_csrf.is_none().then(random_token);
    let csrf = existing_csrf.clone().or(new_csrf.clone()).unwrap_or_default();

    let session_hash = jar.get(cookies::SESSION).map(|c| token_hash(c.value()));
    let user = match &session_hash {
        Some(h) => Box::pin(sessions::user(&state.db, h))
            .await
            .map_err(|e| (e.into(), None))?,
        None => None,
    };
    let url_lang = req.extensions().get::<UrlLang>().cloned();
    let cookie_lang = jar.get(cookies::LANG).and_then(|c| Lang::parse(c.value()));
    let lang = url_lang
        .as_ref()
        .map(|u| u.lang)
        .or(cookie_lang)
        .or_else(|| user.as_ref().and_then(|u| Lang::parse(&u.locale)))
        .unwrap_or(Lang::Fr);
    let flash = jar
        .get(cookies::FLASH)
        .map(|c| c.value().to_string())
        .filter(|v| state.i18n.has(lang, v));
    let ctx = Ctx {
        session_hash: if user.is_some() { session_hash } else { None },
        user,
        lang,
        csrf: csrf.clone(),
        client_ip: client_ip(&req, state.config.trust_proxy),
        flash: flash.clone(),
        path: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into()),
    };

    let has_token = req.headers().contains_key(header::AUTHORIZATION);
    let path = req.uri().path().to_string();
    if ctx.user.is_none()
        && shielded(state, &path, has_token)
            .await
            .map_err(|e| (e, Some(ctx.clone())))?
    {
        return Err((AppError::new(ErrorKind::LoginRequired), Some(ctx)));
    }

    let mut req = req;
    // The API authenticates with bearer tokens and ignores cookies, so it
    // needs no CSRF token (and is meant to be called from anywhere).
    // A SAML provider's answer (`/saml/acs`) comes from its own page, another
    // site, without cookies: the signed answer and its single-use RelayState
    // stand for the token (web/accounts/saml.rs).
    if is_unsafe(req.method()) && req.uri().path() != "/graphql" && req.uri().path() != "/saml/acs" {
        if cross_site(req.headers()) {
            return Err((AppError::new(ErrorKind::Csrf), Some(ctx)));
        }
        // Embedded widgets live in other sites' frames, where browsers
        // withhold our cookies: their forms carry a single-use token that
        // the handler checks instead (web/debates.rs, `embed_post`).
        if req.uri().path().starts_with("/embed/") {
            req.extensions_mut().insert(ctx.clone());
            let res = next.run(req).await;
            state.forget_kept();
            return Ok(Box::pin(finish(state, Some(ctx), None, res)).await);
        }
        let (sent, rebuilt) = Box::pin(submitted_token(req))
            .await
            .map_err(|e| (e, Some(ctx.clone())))?;
        req = rebuilt;
        // Only a token matching the cookie the browser already had counts.
        let valid = match (&existing_csrf, &sent) {
            (Some(cookie), Some(sent)) => same_secret(cookie, sent),
            _ => false,
        };
        if !valid {
            return Err((AppError::new(ErrorKind::Csrf), Some(ctx)));
        }
    }

    // GraphQL mutations come as POSTs too.
    let changes = is_unsafe(req.method());
    let reads = matches!(*req.method(), Method::GET | Method::HEAD);
    let referrer = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    req.extensions_mut().insert(ctx.clone());
    let mut res = next.run(req).await;
    if reads
        && res
            .extensions()
            .get::<ErrorMarker>()
            .is_some_and(|m| m.0 == ErrorKind::NotFound)
    {
        // An old site's `/fr/…` address may be a redirection's source.
        let visited = url_lang.as_ref().map_or(ctx.path.as_str(), |u| u.original.as_str());
        res = Box::pin(redirect_missing(state, visited, referrer.as_deref()))
            .await
            .unwrap_or(res);
    }
    if changes && res.extensions().get::<KeepPages>().is_none() {
        // Pages kept for anonymous visitors may show what just changed.
        state.forget_kept();
    }
    let mut res = finish(state, Some(ctx), new_csrf.as_deref(), res).await;
    // A prefixed address sets the language of the pages opened next (their
    // links have no prefix).
    if let Some(u) = url_lang
        && cookie_lang != Some(u.lang)
    {
        let year = Some(365 * 24 * 3600);
        cookies::set(
            &mut res,
            state.config.secure_cookies,
            cookies::LANG,
            u.lang.code(),
            year,
        );
    }
    if flash.is_some()
        && !res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.as_bytes().starts_with(cookies::FLASH.as_bytes()))
    {
        cookies::clear(&mut res, state.config.secure_cookies, cookies::FLASH);
    }
    Ok(res)
}

/// Paths a visitor who is not logged in may still open in shield mode: the
/// way in (log-in, sign-up, confirmation, password reset, unsubscribing),
/// the style sheets and scripts they need, the terms and the legal pages
/// (`web/site_pages.rs` refuses the others), the health check.
const OPEN_WHEN_SHIELDED: [&str; 16] = [
    "/login",
    // Single sign-on (leaving for a provider, coming back) and invitations.
    "/login/",
    "/saml/",
    "/invitations/",
    "/signup",
    "/logout",
    "/password/",
    "/confirm/",
    "/unsubscribe/",
    "/static/",
    "/theme.css",
    "/fonts/",
    "/healthz",
    "/lang/",
    "/terms",
    "/pages/",
];

/// Whether shield mode keeps this request of a visitor who is not logged
/// in from the site. API calls with a token (issued by administrators) pass.
async fn shielded(state: &AppState, path: &str, has_token: bool) -> Result<bool, AppError> {
    let org = state.org.get(&state.db).await?;
    if !org.shielded {
        return Ok(false);
    }
    let open = OPEN_WHEN_SHIELDED
        .iter()
        .any(|p| if p.ends_with('/') { path.starts_with(p) } else { path == *p })
        // The logo and the icon shown on the log-in page, and its providers' logos.
        || [&org.logo_path, &org.favicon_path]
            .into_iter()
            .flatten()
            .any(|name| path.strip_prefix("/uploads/") == Some(name.as_str()))
        || path.strip_prefix("/uploads/").is_some_and(crate::files::is_logo_name)
        || (path == "/graphql" && has_token);
    Ok(!open)
}

/// An address no page answered: the redirection an administrator set for it
/// (301 or 302), if any; otherwise it is logged as missing.
async fn redirect_missing(state: &AppState, path: &str, referrer: Option<&str>) -> Option<Response> {
    let (target, permanent) = redirections::answer_missing(&state.db, path, referrer).await?;
    let location = HeaderValue::from_str(&target).ok()?;
    let status = if permanent {
        StatusCode::MOVED_PERMANENTLY
    } else {
        StatusCode::FOUND
    };
    Some((status, [(header::LOCATION, location)]).into_response())
}

/// Browsers say where a request comes from; refuse cross-site writes even
/// before looking at the token.
fn cross_site(headers: &HeaderMap) -> bool {
    headers.get("sec-fetch-site").is_some_and(|v| v == "cross-site")
}

async fn finish(state: &AppState, ctx: Option<Ctx>, new_csrf: Option<&str>, res: Response) -> Response {
    let mut res = match res.extensions().get::<ErrorMarker>().copied() {
        Some(ErrorMarker(kind)) => Box::pin(render_error(state, ctx.as_ref(), kind)).await,
        None => res,
    };
    if let Some(token) = new_csrf {
        cookies::set(&mut res, state.config.secure_cookies, cookies::CSRF, token, None);
    }
    res
}

async fn render_error(state: &AppState, ctx: Option<&Ctx>, kind: ErrorKind) -> Response {
    let Some(ctx) = ctx else {
        return (kind.status(), "Error").into_response();
    };
    if kind == ErrorKind::LoginRequired {
        let next = url::form_urlencoded::byte_serialize(ctx.path.as_bytes()).collect::<String>();
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    let (title, text) = kind.message_ids();
    let page = super::render::page(
        state,
        ctx,
        "error.html",
        crate::view! { title_id => title, text_id => text },
    )
    .await;
    let mut res = match page {
        Ok(html) => html.into_response(),
        Err(_) => "Error".into_response(),
    };
    *res.status_mut() = kind.status();
    if kind == ErrorKind::TooManyRequests {
        res.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(state.config.rate_limits.window_secs as u64),
        );
    }
    res
}

/// Content Security Policy: no inline scripts or styles, nothing from other
/// origins, no framing.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// Adds the security headers to every response.
pub fn security_headers(mut res: Response) -> Response {
    const COOP: HeaderName = HeaderName::from_static("cross-origin-opener-policy");
    const PERMISSIONS: HeaderName = HeaderName::from_static("permissions-policy");
    let h = res.headers_mut();
    // A handler may set a stricter or page-specific policy (the GraphiQL
    // page); pages that may be framed (the embeddable widget) relax
    // frame-ancestors.
    let framable = match h.get(header::CONTENT_SECURITY_POLICY) {
        Some(own) => own.to_str().is_ok_and(|csp| !csp.contains("frame-ancestors 'none'")),
        None => {
            h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
            false
        }
    };
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if !framable {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(COOP, HeaderValue::from_static("same-origin"));
    h.insert(
        PERMISSIONS,
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(self)"),
    );
    res
}
