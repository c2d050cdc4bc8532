//! Short URLs and redirections: which addresses may be redirected, where to,
//! and the checks that keep them from looping or sending visitors to other
//! sites. A redirection maps a *source* (a path of this site, with or without
//! a query string, that no page answers) to a *target* (a path of this site,
//! or an `http(s)` address on a host the administrators allowed).
//!
//! Lookups: a visited address matches a source equal to its path and query,
//! else one equal to its path alone ([`lookup_keys`]); a trailing slash does
//! not count (`/ancien/` is `/ancien`).

/// Longest source or target accepted, in bytes.
pub const MAX_LENGTH: usize = 500;
/// Longest chain of redirections a new one may start or extend.
pub const MAX_CHAIN: usize = 5;

/// A checked redirection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirection {
    pub source: String,
    pub target: String,
    /// 301 (the old address is gone for good) rather than 302 (a short URL
    /// whose target may change).
    pub permanent: bool,
}

/// Percent-encodes the bytes outside ASCII, as browsers send them (`/café`
/// is asked for as `/caf%C3%A9`), which also makes the address fit in an
/// HTTP header.
fn encode(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    for c in address.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Splits `path?query` (a fragment dropped), removes a trailing slash from
/// the path, except for `/` itself, and percent-encodes what is not ASCII.
fn normalise(address: &str) -> String {
    let address = encode(address.split('#').next().unwrap_or_default());
    let address = address.as_str();
    let (path, query) = match address.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (address, None),
    };
    let path = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    let path = if path.is_empty() { "/" } else { path };
    match query {
        Some(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path.to_string(),
    }
}

/// No spaces, control characters or backslashes (which browsers read as `/`).
pub fn is_clean(s: &str) -> bool {
    !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

/// The path (with its query) of a source as administrators type it: a path
/// such as `/nouveaux-bus`, or a whole address of the old site
/// (`https://ancien.example.org/page.php?id=3`), of which the path is kept.
pub fn source(input: &str) -> Result<String, &'static str> {
    let input = input.trim();
    if input.is_empty() {
        return Err("error-required");
    }
    let path = match input.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {
            match rest.find('/') {
                Some(i) => &rest[i..],
                None => "/",
            }
        }
        _ => input,
    };
    if !path.starts_with('/') || path.starts_with("//") || !is_clean(path) || path.len() > MAX_LENGTH {
        return Err("error-redirect-source");
    }
    let path = normalise(path);
    if path == "/" {
        return Err("error-redirect-home");
    }
    Ok(path)
}

/// The host of an `http(s)` address, lower-cased, without port; `None` if it
/// is not one (or names a user, `https://site@other`).
pub fn external_host(address: &str) -> Option<String> {
    let (scheme, rest) = address.split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    if authority.contains('@') {
        return None;
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => authority,
    };
    let host = host.to_ascii_lowercase();
    let valid = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    valid.then_some(host)
}

/// A host as administrators type it in the list of allowed sites.
pub fn allowed_host(input: &str) -> Result<String, &'static str> {
    let input = input.trim().trim_end_matches('/');
    let address = if input.contains("://") {
        input.to_string()
    } else {
        format!("https://{input}")
    };
    match external_host(&address) {
        Some(host) if host.contains('.') && address.split("://").nth(1).is_some_and(|r| !r.contains('/')) => Ok(host),
        _ => Err("error-redirect-host"),
    }
}

/// A target: a path of this site (kept as typed, a trailing slash aside), or
/// an `http(s)` address whose host is in `allowed_hosts`.
pub fn target(input: &str, allowed_hosts: &[String]) -> Result<String, &'static str> {
    let input = input.trim();
    if input.is_empty() {
        return Err("error-required");
    }
    if input.len() > MAX_LENGTH || !is_clean(input) {
        return Err("error-redirect-target");
    }
    if input.starts_with('/') {
        if input.starts_with("//") {
            return Err("error-redirect-target");
        }
        return Ok(normalise(input));
    }
    match external_host(input) {
        Some(host) if allowed_hosts.contains(&host) => Ok(encode(input)),
        Some(_) => Err("error-redirect-external"),
        None => Err("error-redirect-target"),
    }
}

/// The sources a visited address can match, most specific first: its path
/// and query, then its path alone.
pub fn lookup_keys(path_and_query: &str) -> Vec<String> {
    let full = normalise(path_and_query);
    let mut keys = vec![full.clone()];
    if let Some((path, _)) = full.split_once('?') {
        keys.push(path.to_string());
    }
    keys
}

/// Refuses a redirection from `source` to `target` that would come back to
/// `source` (a loop) or start a chain longer than [`MAX_CHAIN`], given the
/// other redirections (`existing(source)` gives a stored source's target).
pub fn check_chain(source: &str, target: &str, existing: impl Fn(&str) -> Option<String>) -> Result<(), &'static str> {
    let mut current = target.to_string();
    for _ in 0..MAX_CHAIN {
        if !current.starts_with('/') {
            return Ok(());
        }
        let keys = lookup_keys(&current);
        if keys.iter().any(|k| k == source) {
            return Err("error-redirect-loop");
        }
        match keys.iter().find_map(|k| existing(k)) {
            Some(next) => current = next,
            None => return Ok(()),
        }
    }
    Err("error-redirect-chain")
}

/// One problem in an imported file: its line (1 for the first) and message id.
pub type LineError = (usize, &'static str);

/// Checks the rows of an imported file (`source, target[, 301|302]`, an
/// optional header row first): each must be valid, new and not loop, given
/// the stored redirections and each other. Nothing is returned unless every
/// row is right, so an import is all or nothing. The type defaults to 301:
/// an old site's addresses are gone for good.
pub fn check_import(
    rows: &[Vec<String>],
    allowed_hosts: &[String],
    existing: impl Fn(&str) -> Option<String>,
    is_page: impl Fn(&str) -> bool,
) -> Result<Vec<Redirection>, Vec<LineError>> {
    let mut errors = Vec::new();
    let mut checked: Vec<(usize, Redirection)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let line = i + 1;
        let cell = |n: usize| row.get(n).map(|s| s.trim()).unwrap_or_default();
        if i == 0
            && matches!(
                cell(0).to_lowercase().as_str(),
                "source" | "ancienne adresse" | "from" | "path"
            )
        {
            continue;
        }
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let permanent = match cell(2) {
            "" | "301" | "permanent" | "permanente" => true,
            "302" | "temporary" | "temporaire" => false,
            _ => {
                errors.push((line, "error-redirect-kind"));
                continue;
            }
        };
        let redirection = source(cell(0)).and_then(|s| {
            if is_page(&s) {
                return Err("error-redirect-is-page");
            }
            if existing(&s).is_some() || checked.iter().any(|(_, r)| r.source == s) {
                return Err("error-redirect-taken");
            }
            Ok(Redirection {
                target: target(cell(1), allowed_hosts)?,
                source: s,
                permanent,
            })
        });
        match redirection {
            Ok(r) => checked.push((line, r)),
            Err(code) => errors.push((line, code)),
        }
    }
    // Loops may close through rows of the same file.
    let all = |s: &str| {
        checked
            .iter()
            .find(|(_, r)| r.source == s)
            .map(|(_, r)| r.target.clone())
            .or_else(|| existing(s))
    };
    for (line, r) in &checked {
        if let Err(code) = check_chain(&r.source, &r.target, all) {
            errors.push((*line, code));
        }
    }
    if errors.is_empty() {
        Ok(checked.into_iter().map(|(_, r)| r).collect())
    } else {
        errors.sort();
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn hosts() -> Vec<String> {
        vec!["ville.example.org".into()]
    }

    #[test]
    fn sources_are_paths_of_this_site() {
        assert_eq!(source(" /nouveaux-bus/ ").unwrap(), "/nouveaux-bus");
        assert_eq!(source("/page.php?id=3#haut").unwrap(), "/page.php?id=3");
        assert_eq!(
            source("https://ancien.example.org/actu/12?x=1").unwrap(),
            "/actu/12?x=1"
        );
        assert_eq!(source("/café/").unwrap(), "/caf%C3%A9");
        assert_eq!(source("/"), Err("error-redirect-home"));
        assert_eq!(source("https://ancien.example.org"), Err("error-redirect-home"));
        assert_eq!(source("nouveaux-bus"), Err("error-redirect-source"));
        assert_eq!(source("//evil.example.com"), Err("error-redirect-source"));
        assert_eq!(source("/a b"), Err("error-redirect-source"));
        assert_eq!(source(""), Err("error-required"));
        assert_eq!(
            source(&format!("/{}", "a".repeat(MAX_LENGTH))),
            Err("error-redirect-source")
        );
    }

    #[test]
    fn targets_stay_on_this_site_unless_allowed() {
        assert_eq!(target("/projects/bus/", &hosts()).unwrap(), "/projects/bus");
        assert_eq!(
            target("https://ville.example.org/plan", &hosts()).unwrap(),
            "https://ville.example.org/plan"
        );
        assert_eq!(
            target("https://VILLE.example.org:443/plan", &hosts()).unwrap(),
            "https://VILLE.example.org:443/plan"
        );
        assert_eq!(
            target("https://evil.example.com/", &hosts()),
            Err("error-redirect-external")
        );
        assert_eq!(
            target("https://ville.example.org@evil.example.com/", &hosts()),
            Err("error-redirect-target")
        );
        assert_eq!(target("//evil.example.com", &hosts()), Err("error-redirect-target"));
        assert_eq!(target("javascript:alert(1)", &hosts()), Err("error-redirect-target"));
        assert_eq!(target("/\\evil.example.com", &hosts()), Err("error-redirect-target"));
    }

    #[test]
    fn allowed_hosts_are_bare_host_names() {
        assert_eq!(allowed_host("Ville.Example.org").unwrap(), "ville.example.org");
        assert_eq!(allowed_host("https://ville.example.org/").unwrap(), "ville.example.org");
        assert_eq!(allowed_host("ville.example.org/page"), Err("error-redirect-host"));
        assert_eq!(allowed_host("localhost"), Err("error-redirect-host"));
        assert_eq!(allowed_host("a b.org"), Err("error-redirect-host"));
    }

    #[test]
    fn lookups_try_the_query_then_the_path() {
        assert_eq!(lookup_keys("/a/?b=1"), ["/a?b=1", "/a"]);
        assert_eq!(lookup_keys("/a/"), ["/a"]);
    }

    #[test]
    fn loops_and_long_chains_are_refused() {
        let stored: HashMap<&str, &str> = [("/b", "/c"), ("/c", "/a?x=1"), ("/d", "https://ville.example.org/")].into();
        let existing = |s: &str| stored.get(s).map(|t| t.to_string());
        assert_eq!(check_chain("/a", "/a/", existing), Err("error-redirect-loop"));
        // /a → /b → /c → /a?x=1, which matches the source /a.
        assert_eq!(check_chain("/a", "/b", existing), Err("error-redirect-loop"));
        assert_eq!(check_chain("/e", "/b", existing), Ok(()));
        assert_eq!(check_chain("/e", "/d", existing), Ok(()));
        let long: HashMap<String, String> = (0..10).map(|i| (format!("/{i}"), format!("/{}", i + 1))).collect();
        assert_eq!(
            check_chain("/x", "/0", |s: &str| long.get(s).cloned()),
            Err("error-redirect-chain")
        );
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn an_import_is_all_or_nothing_with_the_line_of_each_problem() {
        let stored: HashMap<&str, &str> = [("/old", "/projects/x")].into();
        let existing = |s: &str| stored.get(s).map(|t| t.to_string());
        let is_page = |s: &str| s == "/terms";
        let ok = check_import(
            &rows("source,target,type\n/a,/projects/a\n\n/b,https://ville.example.org/b,302"),
            &hosts(),
            existing,
            is_page,
        )
        .unwrap();
        assert_eq!(
            ok,
            [
                Redirection {
                    source: "/a".into(),
                    target: "/projects/a".into(),
                    permanent: true
                },
                Redirection {
                    source: "/b".into(),
                    target: "https://ville.example.org/b".into(),
                    permanent: false
                },
            ]
        );
        let errors = check_import(
            &rows("/a,/b\n/b,/a\n/old,/x\n/terms,/x\n/c,https://evil.example.com/\n/d,/x,303\n/a,/z"),
            &hosts(),
            existing,
            is_page,
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                (1, "error-redirect-loop"),
                (2, "error-redirect-loop"),
                (3, "error-redirect-taken"),
                (4, "error-redirect-is-page"),
                (5, "error-redirect-external"),
                (6, "error-redirect-kind"),
                (7, "error-redirect-taken"),
            ]
        );
    }
}
