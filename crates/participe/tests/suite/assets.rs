//! Static assets: icons drawn by the style sheet, style sheets and scripts
//! gzipped for the browsers that ask.

use crate::common;

use std::io::Read;

use axum::http::{Method, StatusCode, header};
use common::TestApp;
use participe::storage::Engine;

/// Every icon of a page is an empty element whose class the style sheet
/// draws; no page refers to the sprite any more.
#[tokio::test]
async fn icons_are_drawn_by_the_style_sheet() {
    let app = TestApp::new(Engine::Sqlite).await;
    let mut visitor = app.client();
    let home = visitor.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(!home.body.contains("icons.svg"), "no page uses the sprite");
    let css = visitor.get("/static/app.css").await.body;
    let html = home.html();
    let icons: Vec<_> = html.select(&scraper::Selector::parse("i.icon").unwrap()).collect();
    assert!(icons.len() >= 4, "the header's icons: {}", home.body);
    for icon in icons {
        assert_eq!(icon.inner_html(), "", "an icon is empty");
        let name = icon
            .value()
            .classes()
            .find_map(|c| c.strip_prefix("i-"))
            .expect("an icon names its shape");
        assert!(
            css.contains(&format!(".i-{name}{{--i:url(\"data:image/svg+xml,")),
            "the style sheet draws {name}"
        );
    }
    // The sprite and its licence stay available.
    assert_eq!(visitor.get("/static/icons.svg").await.status, StatusCode::OK);
    assert!(visitor.get("/static/icons.LICENSE").await.body.contains("ISC"));
}

fn gunzip(bytes: &[u8]) -> String {
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut out)
        .expect("a valid gzip stream");
    out
}

#[tokio::test]
async fn style_sheets_and_scripts_are_gzipped_when_asked() {
    let app = TestApp::new(Engine::Sqlite).await;
    let mut visitor = app.client();
    for path in ["/static/app.css", "/theme.css", "/static/site.js"] {
        let plain = visitor.get(path).await;
        assert_eq!(plain.status, StatusCode::OK);
        assert!(
            plain.headers.get(header::CONTENT_ENCODING).is_none(),
            "{path}: plain unless asked"
        );
        let zipped = visitor
            .request_with(
                Method::GET,
                path,
                None,
                &[("accept-encoding", "gzip, deflate, br")],
                vec![],
            )
            .await;
        assert_eq!(zipped.status, StatusCode::OK);
        assert_eq!(zipped.headers[header::CONTENT_ENCODING], "gzip", "{path}");
        assert!(
            zipped
                .headers
                .get_all(header::VARY)
                .iter()
                .any(|v| v == "accept-encoding"),
            "{path}: caches keep both"
        );
        assert_eq!(
            zipped.headers[header::CONTENT_TYPE],
            plain.headers[header::CONTENT_TYPE]
        );
        assert_eq!(gunzip(&zipped.bytes), plain.body, "{path}: the same file");
        if path == "/static/app.css" {
            assert!(
                zipped.bytes.len() * 3 < plain.bytes.len(),
                "{} gzipped bytes for {}",
                zipped.bytes.len(),
                plain.bytes.len()
            );
        }
    }
    // Pages are not: each carries its visitor's token (and is cached).
    let page = visitor
        .request_with(Method::GET, "/terms", None, &[("accept-encoding", "gzip")], vec![])
        .await;
    assert!(page.headers.get(header::CONTENT_ENCODING).is_none());
}
