//! Rich text written by staff and participants: Markdown (raw HTML allowed)
//! rendered to HTML, then cleaned by an allow-list sanitiser, so no script,
//! style or event handler ever reaches a page.

use std::sync::{Arc, LazyLock};

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

/// How much rendered rich text `to_safe_html_kept` keeps (sources and
/// HTML together).
const KEPT_BYTES: u64 = 2 << 20;

#[derive(Clone)]
struct Weight;

impl quick_cache::Weighter<String, Arc<str>> for Weight {
    fn weight(&self, source: &String, html: &Arc<str>) -> u64 {
        (source.len() + html.len()) as u64 + 64
    }
}

/// `to_safe_html`, remembered: the same source always gives the same HTML,
/// so a text shown on every visit (a step's or a project's description) is
/// not parsed and cleaned again each time. Bounded by `KEPT_BYTES`; a text
/// too large for it is rendered every time.
pub fn to_safe_html_kept(source: &str) -> Arc<str> {
    static KEPT: LazyLock<quick_cache::sync::Cache<String, Arc<str>, Weight>> =
        LazyLock::new(|| quick_cache::sync::Cache::with_weighter(256, KEPT_BYTES, Weight));
    if let Some(html) = KEPT.get(source) {
        return html;
    }
    let html: Arc<str> = to_safe_html(source).into();
    KEPT.insert(source.to_string(), html.clone());
    html
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

    #[test]
    fn kept_html_is_the_same_as_rendered() {
        for source in ["**a**", "<script>x</script>b", "**a**", &"long ".repeat(100_000)] {
            assert_eq!(&*to_safe_html_kept(source), to_safe_html(source));
            assert_eq!(&*to_safe_html_kept(source), to_safe_html(source), "when kept");
        }
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
