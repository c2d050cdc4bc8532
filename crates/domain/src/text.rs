//! Parsers for free text fields: titles, names, summaries, long texts.

/// Titles of projects and steps: 1 to 200 characters after trimming.
pub const MAX_TITLE: usize = 200;
/// Display names of people: 1 to 80 characters.
pub const MAX_NAME: usize = 80;

fn bounded(s: &str, max: usize, empty: &'static str, long: &'static str) -> Result<String, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        Err(empty)
    } else if t.chars().count() > max {
        Err(long)
    } else if t.chars().any(|c| c.is_control()) {
        Err("error-text-control")
    } else {
        Ok(t.to_string())
    }
}

pub fn title(s: &str) -> Result<String, &'static str> {
    bounded(s, MAX_TITLE, "error-required", "error-title-too-long")
}

pub fn display_name(s: &str) -> Result<String, &'static str> {
    bounded(s, MAX_NAME, "error-required", "error-name-too-long")
}

/// Optional text of at most `max` characters (newlines allowed). Empty is fine.
pub fn long_text(s: &str, max: usize) -> Result<String, &'static str> {
    let t = s.trim();
    if t.chars().count() > max {
        Err("error-text-too-long")
    } else {
        Ok(t.replace("\r\n", "\n"))
    }
}

/// A message sent to someone (a proposal's author, a contact page's
/// recipients): 10 to `max` characters.
pub fn message(s: &str, max: usize) -> Result<String, &'static str> {
    let m = long_text(s, max)?;
    if m.chars().count() < 10 {
        Err("error-message-too-short")
    } else {
        Ok(m)
    }
}

/// Passwords: 10 to 256 characters (NIST 800-63B favours length over rules).
/// Longest text alternative of an image.
pub const MAX_ALT: usize = 300;

/// The text alternative of an image (RGAA 1.1 / WCAG 1.1.1): required when
/// there is an image, one line, at most `MAX_ALT` characters; empty when
/// there is none.
pub fn image_alt(s: &str, has_image: bool) -> Result<String, &'static str> {
    let alt = s.trim();
    if !has_image {
        Ok(String::new())
    } else if alt.is_empty() {
        Err("error-alt-needed")
    } else if alt.chars().count() > MAX_ALT {
        Err("error-text-too-long")
    } else if alt.chars().any(char::is_control) {
        Err("error-text-control")
    } else {
        Ok(alt.to_string())
    }
}

pub fn password(s: &str) -> Result<String, &'static str> {
    let n = s.chars().count();
    if n < 10 {
        Err("error-password-too-short")
    } else if n > 256 {
        Err("error-password-too-long")
    } else {
        Ok(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_needs_a_one_line_alternative() {
        assert_eq!(image_alt("  ", false), Ok(String::new()));
        assert_eq!(image_alt("ignored", false), Ok(String::new()));
        assert_eq!(image_alt("  ", true), Err("error-alt-needed"));
        assert_eq!(image_alt(" Un parc ", true), Ok("Un parc".into()));
        assert_eq!(image_alt(&"a".repeat(MAX_ALT + 1), true), Err("error-text-too-long"));
        assert_eq!(image_alt("deux\nlignes", true), Err("error-text-control"));
    }

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(title("  Budget  ").unwrap(), "Budget");
        assert_eq!(title("   "), Err("error-required"));
        assert_eq!(title(&"é".repeat(201)), Err("error-title-too-long"));
        assert!(title(&"é".repeat(200)).is_ok());
        assert_eq!(title("a\u{0}b"), Err("error-text-control"));
    }

    #[test]
    fn passwords_need_length() {
        assert!(password("short").is_err());
        assert!(password("long enough pass").is_ok());
    }
}
