//! Identification codes: single-use codes a vote's organisers send to every
//! household (by post, say). Managers import them as a CSV list; a voter
//! enters one once, online, or a mediator enters the one printed on a paper
//! ballot: each code votes once across both.

/// Shortest and longest code, once spaces and dashes are dropped.
pub const MIN_LENGTH: usize = 6;
pub const MAX_LENGTH: usize = 40;
/// Most codes in one import.
pub const MAX_CODES: usize = 500_000;

pub use crate::csv_list::{ImportErrors, MAX_REPORTED};

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

const CODES: crate::csv_list::ListKind = crate::csv_list::ListKind {
    headers: &["code", "codes"],
    max: MAX_CODES,
    repeated: "error-id-code-repeated",
    empty: "error-id-codes-empty",
    too_many: "error-id-codes-too-many",
};

/// Reads a CSV list of codes (`csv_list`: first column, optional `code`
/// header). All or nothing: any invalid or repeated code refuses the file.
pub fn parse_csv(text: &str) -> Result<Vec<String>, ImportErrors> {
    crate::csv_list::parse(text, &CODES, normalise)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

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
