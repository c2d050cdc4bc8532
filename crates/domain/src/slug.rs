//! Slugs: the readable, unique part of a project's address.

pub const MAX_SLUG: usize = 80;

/// Turns a title into a slug: lower case ASCII letters, digits and dashes,
/// French accents folded ("Écoles à Noël" → "ecoles-a-noel").
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut s: String = out.trim_end_matches('-').chars().take(MAX_SLUG).collect();
    while s.ends_with('-') {
        s.pop();
    }
    s
}

fn fold(c: char) -> Vec<char> {
    let s = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
        'ç' | 'Ç' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => "u",
        'ÿ' | 'Ÿ' => "y",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return vec![c],
    };
    s.chars().collect()
}

/// Checks a slug typed by a person: 1–80 of `a-z`, `0-9` and single dashes.
pub fn parse(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    if s.len() > MAX_SLUG {
        return Err("error-slug-invalid");
    }
    let ok = s
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if ok {
        Ok(s.to_string())
    } else {
        Err("error-slug-invalid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slugify_folds_french() {
        assert_eq!(
            slugify("Budget participatif 2026 : Écoles à Noël !"),
            "budget-participatif-2026-ecoles-a-noel"
        );
        assert_eq!(slugify("Œuvre"), "oeuvre");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn parse_rejects_bad_slugs() {
        assert!(parse("bon-slug-2").is_ok());
        for bad in ["", "Majuscule", "a--b", "-a", "a-", "é", "a b"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn slugify_output_is_empty_or_valid(s in "\\PC{0,200}") {
            let slug = slugify(&s);
            prop_assert!(slug.is_empty() || parse(&slug).is_ok(), "{}", slug);
        }
    }
}
