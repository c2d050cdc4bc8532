//! Language-prefixed addresses: `/en/projects/budget` is the page
//! `/projects/budget` in English, `/fr/…` in French, whatever the visitor's
//! language cookie says. The prefix is taken off before routing (this layer
//! wraps the whole router) and kept as `UrlLang` for `layers::context`,
//! which also remembers the language for the pages the visitor opens next.
//! These are the addresses the `hreflang` links of every page give.

use axum::extract::Request;
use axum::http::Uri;

use crate::i18n::Lang;

/// The language a prefixed address asked for, and the address as visited
/// (an old site's `/fr/…` path may be a redirection's source).
#[derive(Clone, Debug)]
pub struct UrlLang {
    pub lang: Lang,
    pub original: String,
}

/// The language and the rest of a prefixed path: `/en` → (En, "/"),
/// `/en/news` → (En, "/news"); None for any other path (`/english`).
pub fn split(path: &str) -> Option<(Lang, &str)> {
    let rest = path.strip_prefix('/')?;
    let (code, tail) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    Some((Lang::parse(code)?, tail))
}

/// Takes the prefix off the request's address (a plain function, run by a
/// `MapRequestLayer`: nothing to await, so no boxed future per request).
pub fn strip(mut req: Request) -> Request {
    // `/en//host` would make a path that reads as another site's address.
    if let Some((lang, rest)) = split(req.uri().path()).filter(|(_, rest)| !rest.starts_with("//")) {
        let original = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/")
            .to_string();
        let new = match req.uri().query() {
            Some(q) => format!("{rest}?{q}"),
            None => rest.to_string(),
        };
        if let Ok(uri) = new.parse::<Uri>() {
            *req.uri_mut() = uri;
            req.extensions_mut().insert(UrlLang { lang, original });
        }
    }
    req
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_language_code_as_first_segment_is_a_prefix() {
        assert_eq!(split("/en"), Some((Lang::En, "/")));
        assert_eq!(split("/en/"), Some((Lang::En, "/")));
        assert_eq!(split("/fr/projects/budget"), Some((Lang::Fr, "/projects/budget")));
        assert_eq!(split("/english"), None);
        assert_eq!(split("/de/news"), None);
        assert_eq!(split("/"), None);
        assert_eq!(split("/projects/en"), None);
    }
}
