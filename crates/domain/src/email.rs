//! Email addresses as typed in forms.

/// A syntactically plausible address, trimmed and lower-cased. Deliberately
/// simple (one `@`, a dot in the domain, no spaces): the confirmation email is
/// the real check.
pub fn parse(s: &str) -> Result<String, &'static str> {
    let t = s.trim().to_lowercase();
    if t.is_empty() {
        return Err("error-required");
    }
    if t.len() > 254 {
        return Err("error-email-invalid");
    }
    let Some((local, domain)) = t.split_once('@') else {
        return Err("error-email-invalid");
    };
    let ok = !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !t
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c));
    if ok { Ok(t) } else { Err("error-email-invalid") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_and_normalises() {
        assert_eq!(parse(" Jeanne@Example.FR ").unwrap(), "jeanne@example.fr");
    }

    #[test]
    fn rejects_nonsense() {
        for bad in [
            "",
            "jeanne",
            "jeanne@",
            "@example.fr",
            "a@b",
            "a b@c.fr",
            "a@b..fr",
            "a@@b.fr",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_output_reparses(s in "\\PC{0,80}") {
            if let Ok(e) = parse(&s) {
                prop_assert_eq!(parse(&e), Ok(e.clone()));
            }
        }
    }
}
