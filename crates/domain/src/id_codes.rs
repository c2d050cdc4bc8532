//! Identification codes: single-use codes a vote's organisers send to every
//! household (by post, say). Managers import them as a CSV list; a voter
//! enters one once, online, or a mediator enters the one printed on a paper
//! ballot: each code votes once across both.

use std::collections::HashSet;

/// Shortest and longest code, once spaces and dashes are dropped.
pub const MIN_LENGTH: usize = 6;
pub const MAX_LENGTH: usize = 40;
/// Most codes in one import.
pub const MAX_CODES: usize = 500_000;
/// Most problems reported for one import (the first ones).
pub const MAX_REPORTED: usize = 50;

/// A code as people type it: spaces and dashes dropped, letters in capitals;
/// then only letters and digits, `MIN_LENGTH` to `MAX_LENGTH` of them.
pub fn normalise(s: &str) -> Result<String, &'static str> {
    let code: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if code.is_empty() {
        return Err("error-required");
    }
    let ok = (MIN_LENGTH..=MAX_LENGTH).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric());
    if ok { Ok(code) } else { Err("error-id-code-invalid") }
}

/// Why an import was refused: `(line, message id)` pairs (line 0: the file).
pub type ImportErrors = Vec<(usize, &'static str)>;

/// Reads a CSV list of codes: the first column of each line (`,` or `;`
/// separated, quotes allowed), an optional header (`code`), empty lines
/// skipped. All or nothing: any invalid or repeated code refuses the file.
pub fn parse_csv(text: &str) -> Result<Vec<String>, ImportErrors> {
    let mut codes = Vec::new();
    let mut seen = HashSet::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let first = line
            .trim_start_matches('\u{feff}')
            .split([',', ';', '\t'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if first.is_empty() || (i == 0 && matches!(first.to_lowercase().as_str(), "code" | "codes")) {
            continue;
        }
        match normalise(first) {
            Ok(code) if seen.insert(code.clone()) => codes.push(code),
            Ok(_) => errors.push((i + 1, "error-id-code-repeated")),
            Err(e) => errors.push((i + 1, e)),
        }
        if errors.len() >= MAX_REPORTED {
            break;
        }
        if codes.len() > MAX_CODES {
            return Err(vec![(0, "error-id-codes-too-many")]);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if codes.is_empty() {
        return Err(vec![(0, "error-id-codes-empty")]);
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_typed_loosely_and_stored_plainly() {
        assert_eq!(normalise(" ab12-cd34 "), Ok("AB12CD34".into()));
        assert_eq!(normalise("ab 12 cd 34"), Ok("AB12CD34".into()));
        assert_eq!(normalise(""), Err("error-required"));
        assert_eq!(normalise("abc"), Err("error-id-code-invalid"));
        assert_eq!(normalise("AB12CD3é"), Err("error-id-code-invalid"));
        assert_eq!(normalise(&"A".repeat(41)), Err("error-id-code-invalid"));
    }

    #[test]
    fn a_csv_gives_its_first_column_with_or_without_a_header() {
        let text = "\u{feff}code;household\nAB12-CD34;Rue des Lilas\n\n\"ef56gh78\",x\nIJ90KL12\n";
        assert_eq!(
            parse_csv(text),
            Ok(vec!["AB12CD34".into(), "EF56GH78".into(), "IJ90KL12".into()])
        );
    }

    #[test]
    fn a_bad_or_repeated_code_refuses_the_file_with_its_line() {
        let text = "AB12CD34\nbad\nab12-cd34\n";
        assert_eq!(
            parse_csv(text),
            Err(vec![(2, "error-id-code-invalid"), (3, "error-id-code-repeated")])
        );
        assert_eq!(parse_csv("code\n\n"), Err(vec![(0, "error-id-codes-empty")]));
    }

    proptest! {
        #[test]
        fn any_text_gives_valid_distinct_codes_or_located_errors(text in "(?s).{0,400}") {
            match parse_csv(&text) {
                Ok(codes) => {
                    let distinct: HashSet<&String> = codes.iter().collect();
                    prop_assert_eq!(distinct.len(), codes.len());
                    for c in &codes {
                        prop_assert_eq!(normalise(c), Ok(c.clone()));
                    }
                }
                Err(errors) => {
                    prop_assert!(!errors.is_empty() && errors.len() <= MAX_REPORTED);
                    let lines = text.lines().count();
                    prop_assert!(errors.iter().all(|(line, _)| *line <= lines));
                }
            }
        }

        #[test]
        fn normalising_twice_changes_nothing(s in ".{0,60}") {
            if let Ok(code) = normalise(&s) {
                prop_assert_eq!(normalise(&code), Ok(code.clone()));
            }
        }
    }
}
