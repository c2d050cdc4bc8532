//! The organisation's pages and menus over HTTP, on both engines: the
//! built-in legal and contact pages, custom pages, the header and footer
//! menus on every public page, and the contact page's messages.

use crate::common;

use axum::http::StatusCode;
use common::{Client, Res, TestApp};
use participe::storage::{outbox, site_pages};
use participe_domain::Role;

async fn page_id(app: &TestApp, slug: &str) -> i64 {
    site_pages::by_slug(app.db(), slug).await.unwrap().unwrap().id
}

async fn save_page(admin: &mut Client, id: i64, fields: &[(&str, &str)]) -> Res {
    admin.post(&format!("/admin/pages/{id}"), fields).await
}

async fn legal_and_custom_pages(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();

    // Every site has its legal pages and a contact page, unpublished.
    let list = admin.get("/admin/pages").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(
        list.texts(".address-route"),
        [
            "Cookies",
            "Mentions légales",
            "Nous contacter",
            "Politique de confidentialité"
        ]
    );
    assert_eq!(
        visitor.get("/pages/mentions-legales").await.status,
        StatusCode::NOT_FOUND
    );
    let preview = admin.get("/pages/mentions-legales").await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.text(".notice").contains("pas publiée"));

    // Edited and published: visitors read it, its HTML sanitised, with its
    // description for search engines.
    let legal = page_id(app, "mentions-legales").await;
    let res = save_page(
        &mut admin,
        legal,
        &[
            ("title", "Mentions légales"),
            ("slug", "mentions-legales"),
            ("body", "## Éditeur\n\nVille de Démo<script>alert(1)</script>"),
            ("meta_description", "Qui publie ce site."),
            ("published", "on"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = visitor.get("/pages/mentions-legales").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text("h1"), "Mentions légales");
    assert_eq!(page.text(".richtext h2"), "Éditeur");
    assert!(!page.body.contains("<script>alert"));
    assert_eq!(page.attr("meta[name=description]", "content"), "Qui publie ce site.");

    // A cover, with its text alternative (required).
    let res = admin
        .post_multipart(
            &format!("/admin/pages/{legal}/cover"),
            &[("cover_alt", "")],
            &[("cover", "c.png", common::PNG)],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.has("#f-cover_alt-error"));
    let res = admin
        .post_multipart(
            &format!("/admin/pages/{legal}/cover"),
            &[("cover_alt", "La mairie")],
            &[("cover", "c.png", common::PNG)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        visitor
            .get("/pages/mentions-legales")
            .await
            .attr("img.page-cover", "alt"),
        "La mairie"
    );

    // Bad input comes back with messages, nothing stored.
    let res = save_page(
        &mut admin,
        legal,
        &[("title", ""), ("slug", "Pas Bon"), ("meta_description", "deux\nlignes")],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("slug").contains("minuscules"));
    assert!(res.field_error("meta_description").contains("une seule ligne"));
    assert_eq!(
        visitor.get("/pages/mentions-legales").await.text("h1"),
        "Mentions légales"
    );

    // A custom page: its slug comes from its title; a taken slug is refused.
    let res = admin
        .post(
            "/admin/pages/new",
            &[("title", "Le budget en questions"), ("body", "Texte")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let custom = page_id(app, "le-budget-en-questions").await;
    let res = admin
        .post("/admin/pages/new", &[("title", "Autre"), ("slug", "cookies")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("slug").contains("Une autre page"),
        "{}",
        res.field_error("slug")
    );
    assert_eq!(res.attr("#f-title", "value"), "Autre");

    // Built-in pages stay; custom ones go.
    let res = admin.post(&format!("/admin/pages/{legal}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(site_pages::by_id(app.db(), legal).await.unwrap().is_some());
    let res = admin.post(&format!("/admin/pages/{custom}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(site_pages::by_id(app.db(), custom).await.unwrap().is_none());

    // Only administrators manage pages.
    let mut manager = app.logged_in(Role::ProjectManager).await;
    assert_eq!(manager.get("/admin/pages").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        save_page(&mut manager, legal, &[("title", "Piraté")]).await.status,
        StatusCode::FORBIDDEN
    );
}
engine_test!(pages, legal_and_custom_pages);

async fn add_entry(admin: &mut Client, menu: &str, fields: &[(&str, &str)]) -> Res {
    admin.post(&format!("/admin/menus/{menu}"), fields).await
}

async fn menus_on_every_page(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();
    let legal = page_id(app, "mentions-legales").await.to_string();
    let contact = page_id(app, "contact").await.to_string();

    // The legal notice in the footer: hidden while unpublished.
    let res = add_entry(
        &mut admin,
        "footer",
        &[("label", "Mentions légales"), ("kind", "page"), ("page", &legal)],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let footer = |r: &Res| r.texts(".site-footer .footer-links > li > a");
    assert!(!footer(&visitor.get("/terms").await).contains(&"Mentions légales".to_string()));
    save_page(
        &mut admin,
        page_id(app, "mentions-legales").await,
        &[
            ("title", "Mentions légales"),
            ("slug", "mentions-legales"),
            ("published", "on"),
        ],
    )
    .await;
    let terms = visitor.get("/terms").await;
    assert_eq!(footer(&terms)[0], "Mentions légales");
    assert_eq!(terms.attr(".footer-links > li > a", "href"), "/pages/mentions-legales");

    // In the header: an address, and a heading with two entries under it.
    let res = add_entry(
        &mut admin,
        "header",
        &[("label", "Données"), ("kind", "url"), ("url", "/open-data")],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    add_entry(&mut admin, "header", &[("label", "Participer"), ("kind", "none")]).await;
    let items = participe::storage::menus::all(app.db()).await.unwrap();
    let heading = items.iter().find(|i| i.label == "Participer").unwrap().id.to_string();
    let data = items.iter().find(|i| i.label == "Données").unwrap().id;
    for (label, kind, value) in [("Le règlement", "url", "/terms"), ("Écrire", "page", contact.as_str())] {
        let res = add_entry(
            &mut admin,
            "header",
            &[
                ("label", label),
                ("kind", kind),
                ("url", value),
                ("page", value),
                ("parent", &heading),
            ],
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let home = visitor.get("/terms").await;
    assert_eq!(home.texts(".site-header .nav > li > a span")[..1], ["Accueil"]);
    assert_eq!(home.text(".nav-group summary"), "Participer");
    // The contact page is not published: only the rule book shows.
    assert_eq!(home.texts(".nav-group ul a"), ["Le règlement"]);
    let header_links: Vec<String> = home.texts(".site-header .nav > li > a");
    assert!(header_links.contains(&"Données".to_string()), "{header_links:?}");

    // Order: "Participer" moves above "Données".
    let res = admin
        .post(&format!("/admin/menu-items/{heading}/move"), &[("direction", "up")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let html = visitor.get("/terms").await.body;
    assert!(html.find("Participer").unwrap() < html.find("Données").unwrap());

    // Refused: a script address, a parent that is itself nested, a heading
    // under another, an empty label; the form comes back with its values.
    let nested = participe::storage::menus::all(app.db())
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.label == "Le règlement")
        .unwrap()
        .id
        .to_string();
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case] = &[
        (
            &[("label", "X"), ("kind", "url"), ("url", "javascript:alert(1)")],
            "header-url",
            "http(s)",
        ),
        (
            &[("label", "X"), ("kind", "url"), ("url", "/x"), ("parent", &nested)],
            "header-parent",
            "premier niveau",
        ),
        (
            &[("label", "X"), ("kind", "none"), ("parent", &heading)],
            "header-kind",
            "reste au premier niveau",
        ),
        (&[("label", ""), ("kind", "url"), ("url", "/x")], "header-label", ""),
        (&[("label", "X"), ("kind", "page"), ("page", "")], "header-page", ""),
    ];
    let before = participe::storage::menus::all(app.db()).await.unwrap().len();
    for (fields, field, message) in cases {
        let res = add_entry(&mut admin, "header", fields).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(
            res.field_error(field).contains(message),
            "{field}: {}",
            res.field_error(field)
        );
        assert_eq!(res.attr("#f-header-label", "value"), fields[0].1);
    }
    assert_eq!(participe::storage::menus::all(app.db()).await.unwrap().len(), before);

    // Deleting a heading deletes what it groups.
    let res = admin.post(&format!("/admin/menu-items/{heading}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let left: Vec<i64> = participe::storage::menus::all(app.db())
        .await
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(left.len(), 2, "the legal notice and the data link");
    assert!(left.contains(&data));
    assert!(!visitor.get("/terms").await.has(".nav-group"));

    // Not for anyone else.
    let mut manager = app.logged_in(Role::ProjectManager).await;
    let res = add_entry(
        &mut manager,
        "header",
        &[("label", "X"), ("kind", "url"), ("url", "/x")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        manager
            .post(&format!("/admin/menu-items/{data}/delete"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
engine_test!(menus, menus_on_every_page);

fn nonce_of(res: &Res) -> String {
    res.attr("input[name=pow_nonce]", "value")
}

async fn contact_page_relays_messages(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let contact = page_id(app, "contact").await;
    // Published without recipients: refused.
    let res = save_page(
        &mut admin,
        contact,
        &[
            ("title", "Nous contacter"),
            ("slug", "contact"),
            ("published", "on"),
            ("recipients", ""),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("recipients").contains("au moins une adresse"));
    let res = save_page(
        &mut admin,
        contact,
        &[
            ("title", "Nous contacter"),
            ("slug", "contact"),
            ("published", "on"),
            ("recipients", "mairie@ville.example\nelus@ville.example"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let mut visitor = app.client();
    let form = visitor.get("/pages/contact").await;
    assert_eq!(form.status, StatusCode::OK);
    let before = app.count("outbox").await;

    // Without the anti-bot proof, or with bad fields: the form again, nothing sent.
    let res = visitor
        .post(
            "/pages/contact/contact",
            &[
                ("name", "Camille"),
                ("email", "camille@example.org"),
                ("message", "Bonjour à vous tous"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("message").contains("anti-robot"),
        "{}",
        res.field_error("message")
    );
    let nonce = nonce_of(&res);
    let solution = participe::security::pow_solve(&nonce, 14);
    let res = visitor
        .post(
            "/pages/contact/contact",
            &[
                ("name", "Camille"),
                ("email", "pas-une-adresse"),
                ("message", "Court"),
                ("pow_nonce", &nonce),
                ("pow_solution", &solution),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.has("#f-email-error") && res.has("#f-message-error"));
    assert_eq!(res.text("#f-message"), "Court", "the typed text comes back");
    assert_eq!(app.count("outbox").await, before);

    // A bot filling the honeypot is answered as if all went well.
    let res = visitor
        .post("/pages/contact/contact", &[("website", "http://spam.example")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("outbox").await, before);

    // Solved and valid: one email per recipient.
    let nonce = nonce_of(&visitor.get("/pages/contact").await);
    let solution = participe::security::pow_solve(&nonce, 14);
    let res = visitor
        .post(
            "/pages/contact/contact",
            &[
                ("name", "Camille"),
                ("email", "camille@example.org"),
                ("message", "Bonjour, où déposer une idée ?"),
                ("pow_nonce", &nonce),
                ("pow_solution", &solution),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.count("outbox").await, before + 2);
    let sent = outbox::list(app.db(), 2, 0).await.unwrap();
    let mut to: Vec<&str> = sent.iter().map(|e| e.to_address.as_str()).collect();
    to.sort();
    assert_eq!(to, ["elus@ville.example", "mairie@ville.example"]);
    assert!(sent[0].body_text.contains("camille@example.org") && sent[0].body_text.contains("déposer une idée"));

    // Other pages have no form to post to.
    let res = visitor.post("/pages/cookies/contact", &[("name", "Camille")]).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}
engine_test!(contact_page, contact_page_relays_messages);

async fn shield_mode_and_shared_links(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();

    // What a shared link shows: the site's name, the page's title, the
    // description and image set in the back office; the tab's icon.
    let res = admin
        .post("/admin/settings/access", &[("share_description", "deux\nlignes")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("share_description").contains("une seule ligne"));
    let res = admin
        .post(
            "/admin/settings/access",
            &[("share_description", "Proposez, votez, suivez les projets de la ville.")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    for which in ["favicon", "share"] {
        let res = admin
            .post_multipart(
                &format!("/admin/settings/images/{which}"),
                &[],
                &[("image", "i.png", common::PNG)],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{which}: {}", res.body);
    }
    let res = admin
        .post_multipart(
            "/admin/settings/images/share",
            &[],
            &[("image", "i.png", b"not an image")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.has("#f-image-share-error") && !res.has("#f-logo-error"));
    let org = participe::storage::org::get(app.db()).await.unwrap();
    let terms = visitor.get("/terms").await;
    assert_eq!(terms.attr("meta[property='og:site_name']", "content"), org.name);
    assert!(
        terms
            .attr("meta[property='og:title']", "content")
            .starts_with("Conditions")
    );
    assert_eq!(
        terms.attr("meta[property='og:description']", "content"),
        "Proposez, votez, suivez les projets de la ville."
    );
    let image = terms.attr("meta[property='og:image']", "content");
    assert!(
        image.starts_with("http") && image.ends_with(org.share_image_path.as_deref().unwrap()),
        "{image}"
    );
    let favicon = terms.attr("link[rel=icon]", "href");
    assert_eq!(favicon, format!("/uploads/{}", org.favicon_path.clone().unwrap()));

    // Shield mode: visitors who are not logged in only reach the way in,
    // what it needs and the legal pages.
    let legal = page_id(app, "mentions-legales").await;
    save_page(
        &mut admin,
        legal,
        &[
            ("title", "Mentions légales"),
            ("slug", "mentions-legales"),
            ("published", "on"),
        ],
    )
    .await;
    save_page(
        &mut admin,
        page_id(app, "contact").await,
        &[
            ("title", "Contact"),
            ("slug", "contact"),
            ("published", "on"),
            ("recipients", "a@ville.example"),
        ],
    )
    .await;
    let res = admin
        .post(
            "/admin/settings/access",
            &[("share_description", ""), ("shielded", "on")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    for open in [
        "/login",
        "/signup",
        "/static/app.css",
        "/theme.css",
        "/healthz",
        "/terms",
        "/pages/mentions-legales",
        favicon.as_str(),
    ] {
        assert_eq!(visitor.get(open).await.status, StatusCode::OK, "{open} stays open");
    }
    let share = format!("/uploads/{}", org.share_image_path.unwrap());
    for closed in [
        "/",
        "/open-data",
        "/moderation",
        "/pages/contact",
        "/graphql/schema.graphql",
        share.as_str(),
        "/nowhere",
    ] {
        let res = visitor.get(closed).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{closed} is shielded");
        assert!(
            res.location().starts_with("/login?next="),
            "{closed}: {}",
            res.location()
        );
    }
    let res = visitor.post("/pages/contact/contact", &[("name", "X")]).await;
    assert!(res.location().starts_with("/login?next="));
    // Logged in, everything is there again.
    let mut participant = app.logged_in(Role::Participant).await;
    assert_eq!(participant.get("/").await.status, StatusCode::OK);
    assert_eq!(participant.get("/pages/contact").await.status, StatusCode::OK);
    // Off again: open to all.
    admin.post("/admin/settings/access", &[("share_description", "")]).await;
    assert_eq!(visitor.get("/").await.status, StatusCode::OK);

    // Only administrators change it.
    let mut manager = app.logged_in(Role::ProjectManager).await;
    let res = manager.post("/admin/settings/access", &[("shielded", "on")]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(!participe::storage::org::get(app.db()).await.unwrap().shielded);
}
engine_test!(shield_and_sharing, shield_mode_and_shared_links);

async fn detailed_colours_are_checked_and_applied(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();
    // White text on a yellow header: refused with the reason, nothing saved,
    // the typed values come back.
    let res = admin
        .post(
            "/admin/settings/colours",
            &[
                ("header_bg", "#ffd700"),
                ("header_fg", "#ffffff"),
                ("link", "#99ccff"),
                ("button_bg", "#14532d"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("header_fg").contains("ne se lirait pas assez"),
        "{}",
        res.field_error("header_fg")
    );
    assert!(res.field_error("link").contains("trop claire"));
    assert!(res.field_error("button_fg").contains("hexadécimal"));
    assert_eq!(res.attr("#f-header_bg", "value"), "#ffd700");
    let theme = visitor.get("/theme.css").await.body;
    assert!(!theme.contains("--header-bg"), "{theme}");

    // Readable pairs: applied to every page through the theme.
    let res = admin
        .post(
            "/admin/settings/colours",
            &[
                ("header_bg", "#FFD700"),
                ("header_fg", "#1f2328"),
                ("footer_bg", "#14532d"),
                ("footer_fg", "#ffffff"),
                ("link", "#0b5394"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let theme = visitor.get("/theme.css").await.body;
    assert!(theme.contains("--header-bg: #ffd700; --header-fg: #1f2328;"), "{theme}");
    assert!(theme.contains("--footer-bg: #14532d; --footer-fg: #ffffff;"), "{theme}");
    assert!(theme.contains("--primary-text: #0b5394;"), "{theme}");
    assert!(!theme.contains("--button-bg"), "buttons stay automatic");
    // Emptied: automatic again.
    admin.post("/admin/settings/colours", &[]).await;
    assert!(!visitor.get("/theme.css").await.body.contains("--header-bg"));
}
engine_test!(colours, detailed_colours_are_checked_and_applied);
