//! Rich text written by staff and participants: Markdown (raw HTML allowed)
//! rendered to HTML, then cleaned by an allow-list sanitiser, so no script,
//! style or event handler ever reaches a page.

use pulldown_cmark::{Options, Parser, html};

/// Markdown (and inline HTML) to safe HTML.
pub fn to_safe_html(source: &str) -> String {
    let parser = Parser::new_ext(source, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn renders_markdown_and_strips_scripts() {
        let html = to_safe_html(
            "# Titre\n\nUn **budget** <script>alert(1)</script> <a href=\"javascript:x()\" onclick=\"y()\">lien</a>",
        );
        assert!(html.contains("<h1>Titre</h1>"));
        assert!(html.contains("<strong>budget</strong>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onclick"));
    }

    proptest! {
        #[test]
        fn output_never_contains_a_script_tag(s in "\\PC{0,200}") {
            let out = to_safe_html(&format!("{s}<script>x</script><img src=x onerror=alert(1)>"));
            prop_assert!(!out.to_lowercase().contains("<script"));
            prop_assert!(!out.contains("onerror"));
        }
    }
}
