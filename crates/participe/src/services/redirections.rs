//! Redirections: adding one or importing a file of them (checked by
//! `domain::redirection`), and answering an address no page has (follow a
//! redirection, else log it as missing).

use participe_domain::FieldErrors;
use participe_domain::redirection::{self, LineError, Redirection};

use crate::storage::{Db, StoreError, StoreResult, redirections};

/// Adds one redirection typed in the back office. `is_page` tells the
/// addresses a page of the site answers (the web layer knows them): a
/// redirection from one would never be followed.
pub async fn add(
    db: &Db,
    source: &str,
    target: &str,
    permanent: bool,
    is_page: &impl Fn(&str) -> bool,
) -> StoreResult<Result<Redirection, FieldErrors>> {
    let hosts = redirections::hosts(db).await?;
    let existing = redirections::targets(db).await?;
    let mut errors = FieldErrors::new();
    let source = errors.check(
        "source",
        redirection::source(source).and_then(|s| {
            if is_page(&s) {
                Err("error-redirect-is-page")
            } else if existing.contains_key(&s) {
                Err("error-redirect-taken")
            } else {
                Ok(s)
            }
        }),
    );
    let target = errors.check("target", redirection::target(target, &hosts));
    let (Some(source), Some(target)) = (source, target) else {
        return Ok(Err(errors));
    };
    if let Err(code) = redirection::check_chain(&source, &target, |s| existing.get(s).cloned()) {
        errors.add("target", code);
        return Ok(Err(errors));
    }
    let r = Redirection {
        source,
        target,
        permanent,
    };
    match redirections::insert(db, std::slice::from_ref(&r)).await {
        Ok(()) => Ok(Ok(r)),
        // Added by someone else meanwhile.
        Err(StoreError::Conflict(_)) => {
            errors.add("source", "error-redirect-taken");
            Ok(Err(errors))
        }
        Err(e) => Err(e),
    }
}

/// Why an import stored nothing.
#[derive(Debug)]
pub enum ImportError {
    /// Not readable as CSV (or not UTF-8) at this line.
    Unreadable(usize),
    /// The problems of each line.
    Lines(Vec<LineError>),
    Empty,
}

/// Imports a CSV file of `source,target[,301|302]` rows (commas or
/// semicolons): all of them or, if any row is wrong, none.
pub async fn import(db: &Db, csv: &[u8], is_page: &impl Fn(&str) -> bool) -> StoreResult<Result<usize, ImportError>> {
    let rows = match read_rows(csv) {
        Ok(rows) => rows,
        Err(e) => return Ok(Err(e)),
    };
    let hosts = redirections::hosts(db).await?;
    let existing = redirections::targets(db).await?;
    let checked = match redirection::check_import(&rows, &hosts, |s| existing.get(s).cloned(), is_page) {
        Ok(checked) if checked.is_empty() => return Ok(Err(ImportError::Empty)),
        Ok(checked) => checked,
        Err(lines) => return Ok(Err(ImportError::Lines(lines))),
    };
    match redirections::insert(db, &checked).await {
        Ok(()) => Ok(Ok(checked.len())),
        Err(StoreError::Conflict(_)) => Ok(Err(ImportError::Lines(vec![(1, "error-redirect-taken")]))),
        Err(e) => Err(e),
    }
}

fn read_rows(csv: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    let csv = csv.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(csv);
    let first_line = csv.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.contains(&b';') && !first_line.contains(&b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(csv);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(record) => rows.push(record.iter().map(str::to_string).collect()),
            Err(e) => {
                let line = e.position().map_or(i + 1, |p| p.line() as usize);
                return Err(ImportError::Unreadable(line));
            }
        }
    }
    Ok(rows)
}

/// Replaces the list of other sites redirections may lead to (one per line).
pub async fn set_hosts(db: &Db, text: &str) -> StoreResult<Result<(), FieldErrors>> {
    let mut errors = FieldErrors::new();
    let mut hosts = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match redirection::allowed_host(line) {
            Ok(host) => hosts.push(host),
            Err(code) => {
                errors.add("hosts", code);
                return Ok(Err(errors));
            }
        }
    }
    redirections::set_hosts(db, &hosts).await?;
    Ok(Ok(()))
}

/// For an address that no page answered (`path_and_query` as asked): the
/// redirection to follow, if one matches; otherwise the visit is logged as
/// missing, with the page that linked to it. A storage failure is logged and
/// answered as "no redirection", so the visitor still gets the 404 page.
pub async fn answer_missing(db: &Db, path_and_query: &str, referrer: Option<&str>) -> Option<(String, bool)> {
    let keys = redirection::lookup_keys(path_and_query);
    match redirections::follow(db, &keys).await {
        Ok(Some(found)) => return Some(found),
        Ok(None) => {}
        Err(e) => {
            tracing::warn!("reading redirections: {e}");
            return None;
        }
    }
    if let Err(e) = redirections::log_missing(db, &keys[0], referrer).await {
        tracing::warn!("logging a missing address: {e}");
    }
    None
}
