//! Where a `next` parameter may send the browser: only a path of this site.
//!
//! Browsers drop tabs and newlines anywhere in a URL and treat `\` as `/`,
//! so `/\t/evil.example` and `/\evil.example` both become `//evil.example`,
//! a link to another site. A candidate is therefore refused outright when it
//! holds any control character or backslash, must begin with a single `/`,
//! and is then parsed as a URL against a placeholder origin: it is accepted
//! only if it stays on that origin, and what is returned is the parsed,
//! percent-encoded path, query and fragment (always valid in a header).

use url::Url;

const ORIGIN: &str = "https://same-site.invalid/";

/// A same-site path to redirect to, or `/` for anything else.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(same_site_path).unwrap_or_else(|| "/".to_string())
}

fn same_site_path(candidate: &str) -> Option<String> {
    if candidate.chars().any(|c| c.is_control() || c == '\\') {
        return None;
    }
    let rest = candidate.strip_prefix('/')?;
    if rest.starts_with('/') {
        return None;
    }
    let base = Url::parse(ORIGIN).ok()?;
    let url = base.join(candidate).ok()?;
    if url.origin() != base.origin() || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let mut out = url.path().to_string();
    if let Some(q) = url.query() {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = url.fragment() {
        out.push('#');
        out.push_str(f);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn local_paths_are_kept() {
        for p in ["/", "/projects/budget", "/proposals/3?tab=comments#c12", "/a/b?next=/c"] {
            assert_eq!(safe_next(Some(p)), p);
        }
        assert_eq!(safe_next(None), "/");
        // Non-ASCII is percent-encoded, so it is always a valid header.
        assert_eq!(safe_next(Some("/projets/été")), "/projets/%C3%A9t%C3%A9");
    }

    #[test]
    fn other_sites_and_tricks_are_refused() {
        for p in [
            "//evil.example",
            "///evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "\t//evil.example",
            "/\\/evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https:evil.example",
            "https://evil.example/",
            "HTTPS://EVIL.EXAMPLE",
            "javascript:alert(1)",
            "evil.example",
            "",
            " /x",
            "/\u{0}x",
            "/x\u{7f}",
            "/x\u{85}y",
        ] {
            assert_eq!(safe_next(Some(p)), "/", "{p:?}");
        }
    }
}
