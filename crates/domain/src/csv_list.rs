//! One-column lists imported as CSV (identification codes, group members'
//! emails): the first column of each line (`,`, `;` or tab separated,
//! quotes allowed), an optional header line, empty lines skipped. All or
//! nothing: any invalid or repeated entry refuses the file, with its line.

use std::collections::HashSet;

/// Most problems reported for one import (the first ones).
pub const MAX_REPORTED: usize = 50;

/// Why an import was refused: `(line, message id)` pairs (line 0: the file).
pub type ImportErrors = Vec<(usize, &'static str)>;

/// What a list is made of: its header words, its largest size, and the
/// messages for a repeated entry, an empty list and too long a list.
pub struct ListKind {
    pub headers: &'static [&'static str],
    pub max: usize,
    pub repeated: &'static str,
    pub empty: &'static str,
    pub too_many: &'static str,
}

/// The first-column entries of `text`, each read by `read`, in order and
/// without repetition.
pub fn parse(
    text: &str,
    kind: &ListKind,
    read: impl Fn(&str) -> Result<String, &'static str>,
) -> Result<Vec<String>, ImportErrors> {
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let first = line
            .trim_start_matches('\u{feff}')
            .split([',', ';', '\t'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .trim();
        if first.is_empty() || (i == 0 && kind.headers.contains(&first.to_lowercase().as_str())) {
            continue;
        }
        match read(first) {
            Ok(entry) if seen.insert(entry.clone()) => entries.push(entry),
            Ok(_) => errors.push((i + 1, kind.repeated)),
            Err(e) => errors.push((i + 1, e)),
        }
        if errors.len() >= MAX_REPORTED {
            break;
        }
        if entries.len() > kind.max {
            return Err(vec![(0, kind.too_many)]);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if entries.is_empty() {
        return Err(vec![(0, kind.empty)]);
    }
    Ok(entries)
}
