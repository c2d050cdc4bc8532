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

/// Passwords: 10 to 256 characters (NIST 800-63B favours length over rules).
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
