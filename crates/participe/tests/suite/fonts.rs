//! The site's fonts over HTTP, on both engines: built-in families served
//! from the Debian packages' files with long cache headers, uploaded
//! families checked by content, the choice of heading and body fonts
//! applied through the theme, and refused with a message when invalid.

use crate::common;

use axum::http::StatusCode;
use common::{TestApp, minimal_ttf};
use participe::storage::fonts;
use participe_domain::Role;

/// Installs Lato in the test's font directory, as `apt-get install fonts-lato` would.
fn install_lato(app: &TestApp) {
    let dir = app.state.config.fonts_dir.join("truetype/lato");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("Lato-Regular.ttf"), minimal_ttf(1)).unwrap();
    std::fs::write(dir.join("Lato-Bold.ttf"), minimal_ttf(2)).unwrap();
}

async fn builtin_fonts_apply_site_wide(app: &TestApp) {
    install_lato(app);
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();

    // The choice lists the 14 families; the ones whose package is missing
    // cannot be chosen.
    let page = admin.get("/admin/fonts").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.texts("#f-heading option").len(),
        15,
        "the system's font and 14 families"
    );
    assert!(!page.has("#f-heading option[value='builtin:lato'][disabled]"));
    assert!(page.has("#f-heading option[value='builtin:dejavu-sans'][disabled]"));
    let res = admin
        .post(
            "/admin/fonts",
            &[("heading", "builtin:dejavu-sans"), ("body", "builtin:nope")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("heading").contains("pas installée"));
    assert!(res.field_error("body").contains("Choisissez"));
    assert!(!visitor.get("/theme.css").await.body.contains("--font-heading"));

    let res = admin
        .post("/admin/fonts", &[("heading", "builtin:lato"), ("body", "")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let theme = visitor.get("/theme.css").await.body;
    assert!(
        theme.contains(
            "@font-face { font-family: \"Lato\"; font-weight: 700; font-style: normal; font-display: swap; src: url(\"/fonts/builtin/lato-700\") format(\"truetype\"); }"
        ),
        "{theme}"
    );
    assert!(
        theme.contains(":root { --font-heading: \"Lato\", sans-serif; }"),
        "{theme}"
    );

    // The files, cached for a year.
    let file = visitor.get("/fonts/builtin/lato-400").await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers["content-type"], "font/ttf");
    assert_eq!(file.headers["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(file.bytes, minimal_ttf(1));
    for missing in [
        "/fonts/builtin/lato-500",
        "/fonts/builtin/dejavu-sans-400",
        "/fonts/builtin/..%2F..%2Fetc-400",
    ] {
        assert_eq!(visitor.get(missing).await.status, StatusCode::NOT_FOUND, "{missing}");
    }
}
engine_test!(builtin, builtin_fonts_apply_site_wide);

async fn uploaded_fonts_are_checked_and_served(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();
    let upload = |family: &'static str, weight: &'static str, bytes: Vec<u8>| {
        let mut admin = admin.clone();
        async move {
            admin
                .post_multipart(
                    "/admin/fonts/upload",
                    &[("family", family), ("weight", weight)],
                    &[("file", "police.ttf", &bytes)],
                )
                .await
        }
    };
    // An image named .ttf, a bad name, a weight not offered: refused, nothing stored.
    let res = upload("Marianne", "400", common::PNG.to_vec()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("file").contains("n’est pas une police"),
        "{}",
        res.field_error("file")
    );
    assert_eq!(res.attr("#f-family", "value"), "Marianne");
    let res = upload("Mari;anne", "500", minimal_ttf(1)).await;
    assert!(res.has("#f-family-error") && res.has("#f-weight-error"));
    let mut big = minimal_ttf(1);
    big.resize(2 * 1024 * 1024 + 1, 0);
    assert!(
        upload("Marianne", "400", big)
            .await
            .field_error("file")
            .contains("trop")
    );
    assert!(fonts::list(app.db()).await.unwrap().is_empty());

    // Two weights; a new regular file replaces the first.
    for (weight, marker) in [("400", 1), ("700", 2), ("400", 3)] {
        let res = upload("Marianne", weight, minimal_ttf(marker)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let files = fonts::list(app.db()).await.unwrap();
    assert_eq!(files.len(), 2);
    let regular = files.iter().find(|f| f.weight == 400).unwrap();
    let served = visitor.get(&format!("/fonts/uploaded/{}", regular.path)).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.bytes, minimal_ttf(3));
    assert_eq!(served.headers["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(
        visitor.get("/fonts/uploaded/font-nope.ttf").await.status,
        StatusCode::NOT_FOUND
    );

    // Chosen for body text: the theme loads both weights.
    let res = admin
        .post("/admin/fonts", &[("heading", ""), ("body", "uploaded:Marianne")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let theme = visitor.get("/theme.css").await.body;
    assert_eq!(theme.matches("font-family: \"Marianne\"").count(), 2, "{theme}");
    assert!(theme.contains(&format!(
        "url(\"/fonts/uploaded/{}\") format(\"truetype\")",
        regular.path
    )));
    assert!(theme.contains("--font-body: \"Marianne\", sans-serif;"));
    // An unknown uploaded family cannot be chosen.
    let res = admin
        .post("/admin/fonts", &[("heading", "uploaded:Autre"), ("body", "")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Deleted: its file goes too.
    let res = admin.post(&format!("/admin/fonts/{}/delete", regular.id), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        visitor.get(&format!("/fonts/uploaded/{}", regular.path)).await.status,
        StatusCode::NOT_FOUND
    );

    // Only administrators manage fonts.
    let mut manager = app.logged_in(Role::ProjectManager).await;
    assert_eq!(manager.get("/admin/fonts").await.status, StatusCode::FORBIDDEN);
    let res = manager.post("/admin/fonts", &[("heading", ""), ("body", "")]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}
engine_test!(uploaded, uploaded_fonts_are_checked_and_served);
