//! Icons: Lucide icons kept as a sprite (static/icons.svg, built by
//! scripts/icons.mjs), drawn in pages as CSS masks.
//!
//! A page shows an icon as an empty element, `<i class="icon i-NAME"></i>`:
//! 28 bytes, against 76 for an SVG `<use>` of the sprite, and a page shows a
//! few dozen icons. The style sheet gives each `i-NAME` class its icon as a
//! data URL built here from the sprite (`css`), and `.icon` paints the text
//! colour through it, so an icon follows `color` as the SVG did. Icons stand
//! beside the text that says what they mean: an empty element has nothing
//! for a screen reader to announce.

use axum::response::Response;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use super::assets::static_file;

const SPRITE: &str = include_str!("../../static/icons.svg");
const LICENSE: &str = include_str!("../../static/icons.LICENSE");

/// One icon of the sprite: its name (without `i-`), view box and drawing.
struct Symbol {
    name: &'static str,
    view_box: &'static str,
    body: &'static str,
}

fn symbols() -> impl Iterator<Item = Symbol> {
    SPRITE.split("<symbol id=\"i-").skip(1).filter_map(|rest| {
        let (name, rest) = rest.split_once('"')?;
        let (_, rest) = rest.split_once("viewBox=\"")?;
        let (view_box, rest) = rest.split_once('"')?;
        let (_, rest) = rest.split_once('>')?;
        let (body, _) = rest.split_once("</symbol>")?;
        Some(Symbol { name, view_box, body })
    })
}

/// The names of every icon of the sprite, in its order (read once).
pub fn names() -> &'static [&'static str] {
    static NAMES: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| symbols().map(|s| s.name).collect());
    &NAMES
}

/// The markup of the icon `name`, or None when the sprite has no such icon.
pub fn markup(name: &str) -> Option<String> {
    names()
        .contains(&name)
        .then(|| format!(r#"<i class="icon i-{name}"></i>"#))
}

/// What a data URL in a CSS `url("…")` must not hold as it is.
const DATA_URL: &AsciiSet = &CONTROLS.add(b'"').add(b'#').add(b'%').add(b'<').add(b'>');

/// One rule per icon, `.i-NAME{--i:url("data:image/svg+xml,…")}`: the icon as
/// a standalone SVG drawn in black (only its shape counts in a mask).
pub fn css() -> String {
    let mut out = String::from("/* Icons: Lucide (ISC licence, /static/icons.LICENSE), from /static/icons.svg */\n");
    for s in symbols() {
        let svg = format!(
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='{}' fill='none' stroke='black' stroke-width='2' \
             stroke-linecap='round' stroke-linejoin='round'>{}</svg>",
            s.view_box,
            s.body.replace('"', "'").replace(" />", "/>")
        );
        out.push_str(&format!(
            ".i-{}{{--i:url(\"data:image/svg+xml,{}\")}}\n",
            s.name,
            utf8_percent_encode(&svg, DATA_URL)
        ));
    }
    out
}

/// The icon sprite itself, for whoever wants the set as one file.
pub async fn sprite() -> Response {
    static_file("image/svg+xml", SPRITE)
}

/// The icons' licence, which the ISC licence asks to keep with them.
pub async fn license() -> Response {
    static_file("text/plain; charset=utf-8", LICENSE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_has_a_rule_and_markup() {
        let css = css();
        assert!(names().len() >= 50, "{} icons read from the sprite", names().len());
        for name in names() {
            assert!(
                css.contains(&format!(".i-{name}{{--i:url(\"data:image/svg+xml,")),
                "{name}"
            );
            assert_eq!(markup(name).unwrap(), format!(r#"<i class="icon i-{name}"></i>"#));
        }
        assert_eq!(markup("no-such-icon"), None);
        // A data URL in double quotes: no raw quote, hash or angle bracket.
        for rule in css.lines().skip(1) {
            let url = rule.split("url(\"").nth(1).unwrap().trim_end_matches("\")}");
            assert!(!url.contains(['"', '#', '<', '>']), "{rule}");
            assert!(
                url.contains("%3Cpath") || url.contains("%3Ccircle") || url.contains("%3Crect"),
                "{rule}"
            );
        }
    }
}
