//! Serving anonymous visitors' pages from the rendered-page cache
//! (`services::page_cache`), on the routes `routes.rs` marks `cached`.
//!
//! A request is served from the cache, or its page kept, only when the
//! visitor is anonymous, sends no cookie but the CSRF and language ones (a
//! list's shuffle seed or a one-time notice make the page theirs), and the
//! method is GET. The handler renders with the cache's marker in place of the
//! CSRF token; the marker is replaced by the visitor's token in every answer,
//! kept or not. A page is kept only when it is a 200 in HTML that sets no
//! cookie and is not an error page. Visitors asking for a page while
//! another renders it wait for that render (`PageCache::lookup`).

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use std::sync::Arc;

use super::context::Ctx;
use super::cookies;
use super::error::ErrorMarker;
use crate::app::AppState;
use crate::services::page_cache::{Key, Lookup, Page};

/// Marks the answer to a state-changing request whose only effect on
/// public pages is on the counters (a ballot, a questionnaire reply): the
/// counters are at most a second old anyway, so kept pages stay. Every
/// other state-changing request drops them all (`layers::context`).
#[derive(Clone, Copy, Debug)]
pub struct KeepPages;

/// Whether the request may be answered from the cache, or its page kept.
fn anonymous_get(method: &Method, headers: &HeaderMap, ctx: &Ctx) -> bool {
    if method != Method::GET || ctx.user.is_some() || ctx.flash.is_some() {
        return false;
    }
    CookieJar::from_headers(headers)
        .iter()
        .all(|c| c.name() == cookies::CSRF || c.name() == cookies::LANG)
}

pub async fn serve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    // Borrowed, not cloned: most requests end here with a kept page.
    let Some(ctx) = req
        .extensions()
        .get::<Ctx>()
        .filter(|ctx| state.pages.enabled() && anonymous_get(req.method(), req.headers(), ctx))
    else {
        return next.run(req).await;
    };
    let key = Key {
        lang: ctx.lang.code(),
        path: ctx.path.clone(),
    };
    let flight = match state.pages.lookup(&key) {
        Lookup::Hit(page) => return answer(&page, &ctx.csrf),
        Lookup::Pass => None,
        Lookup::Wait(mut rendering) => {
            // Another visitor is rendering this page: theirs, with this
            // visitor's token, unless it is not to be kept.
            let page = match rendering.changed().await {
                Ok(()) => rendering.borrow().clone(),
                Err(_) => None,
            };
            if let Some(page) = page {
                state.pages.served_after_wait();
                return answer(&page, &ctx.csrf);
            }
            None
        }
        Lookup::Render(flight) => Some(flight),
    };
    let ctx = ctx.clone();
    let marker = state.pages.marker().to_string();
    req.extensions_mut().insert(Ctx {
        csrf: marker.clone(),
        ..ctx.clone()
    });
    let res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html || res.extensions().get::<ErrorMarker>().is_some() {
        // Error pages are rendered afterwards with the real context.
        if let Some(flight) = flight {
            flight.finish(None);
        }
        return res;
    }
    let keep = res.status() == StatusCode::OK && !res.headers().contains_key(header::SET_COOKIE);
    let (parts, body) = res.into_parts();
    // The handler built the page in memory already: reading it back costs
    // no more (whether it is kept is the cache's choice, by size).
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!("page body could not be read back: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("text/html; charset=utf-8")
        .to_string();
    let page = Arc::new(Page::new(content_type, &bytes, &marker));
    let mut res = Response::from_parts(parts, PageBody::of(&page, &ctx.csrf));
    res.headers_mut().remove(header::CONTENT_LENGTH);
    if let Some(flight) = flight {
        flight.finish(keep.then_some(page));
    }
    res
}

fn answer(page: &Page, token: &str) -> Response {
    let mut res = Response::new(PageBody::of(page, token));
    if let Ok(v) = HeaderValue::from_str(&page.content_type) {
        res.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    res
}

/// A kept page's body: its pieces and the visitor's token handed to the
/// connection one after the other, without copying the page into a new
/// buffer for each visitor; the length is known, so it is sent as
/// `Content-Length`.
struct PageBody {
    chunks: std::collections::VecDeque<bytes::Bytes>,
    remaining: u64,
}

impl PageBody {
    fn of(page: &Page, token: &str) -> Body {
        let chunks: std::collections::VecDeque<_> = page.chunks(token).into();
        let remaining = chunks.iter().map(|c| c.len() as u64).sum();
        Body::new(PageBody { chunks, remaining })
    }
}

impl http_body::Body for PageBody {
    type Data = bytes::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<bytes::Bytes>, Self::Error>>> {
        let this = self.get_mut();
        let next = this.chunks.pop_front().map(|chunk| {
            this.remaining -= chunk.len() as u64;
            Ok(http_body::Frame::data(chunk))
        });
        std::task::Poll::Ready(next)
    }

    fn is_end_stream(&self) -> bool {
        self.chunks.is_empty()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.remaining)
    }
}
