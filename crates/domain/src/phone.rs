//! Phone numbers as people type them, for the vote requirement "a phone
//! number" (its format only: nothing is sent to it). Kept in the E.164 form
//! (`+33612345678`): French numbers may be typed nationally (`06 12 34 56
//! 78`), others with their country code (`+41 …` or `0041 …`).

/// Shortest and longest number of digits after the `+` (E.164).
const MIN_DIGITS: usize = 8;
const MAX_DIGITS: usize = 15;

pub fn parse(s: &str) -> Result<String, &'static str> {
    let kept: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}'))
        .collect();
    if kept.is_empty() {
        return Err("error-required");
    }
    let international = if let Some(rest) = kept.strip_prefix('+') {
        rest.to_string()
    } else if let Some(rest) = kept.strip_prefix("00") {
        rest.to_string()
    } else if kept.len() == 10 && kept.starts_with('0') && !kept.starts_with("00") {
        // A French number typed nationally: 0 and nine digits.
        format!("33{}", &kept[1..])
    } else {
        return Err("error-phone-invalid");
    };
    let ok = (MIN_DIGITS..=MAX_DIGITS).contains(&international.len())
        && international.bytes().all(|b| b.is_ascii_digit())
        && !international.starts_with('0');
    if ok {
        Ok(format!("+{international}"))
    } else {
        Err("error-phone-invalid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_are_typed_loosely_and_kept_in_e164() {
        assert_eq!(parse("06 12 34 56 78"), Ok("+33612345678".into()));
        assert_eq!(parse("06.12.34.56.78"), Ok("+33612345678".into()));
        assert_eq!(parse("+33 6 12 34 56 78"), Ok("+33612345678".into()));
        assert_eq!(parse("0041 79 123 45 67"), Ok("+41791234567".into()));
        assert_eq!(parse("+1 (415) 555-2671"), Ok("+14155552671".into()));
        assert_eq!(parse(" "), Err("error-required"));
        assert_eq!(parse("12 34"), Err("error-phone-invalid"));
        assert_eq!(parse("06 12 34 56 7a"), Err("error-phone-invalid"));
        assert_eq!(parse("+0612345678"), Err("error-phone-invalid"));
        assert_eq!(parse("+1234567890123456"), Err("error-phone-invalid"));
    }

    proptest! {
        #[test]
        fn any_text_gives_an_e164_number_or_a_reason(s in ".{0,30}") {
            match parse(&s) {
                Ok(n) => {
                    prop_assert!(n.starts_with('+'));
                    prop_assert!((MIN_DIGITS..=MAX_DIGITS).contains(&(n.len() - 1)));
                    prop_assert_eq!(parse(&n), Ok(n.clone()));
                }
                Err(e) => prop_assert!(e == "error-required" || e == "error-phone-invalid"),
            }
        }

        #[test]
        fn french_mobile_numbers_always_pass(rest in "[67][0-9]{8}") {
            let typed = format!("0{rest}");
            let expected = format!("+33{}", rest);
            prop_assert_eq!(parse(&typed), Ok(expected));
        }
    }
}
