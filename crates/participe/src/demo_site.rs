//! The demo site's own content: its pages, its header and footer menus, its
//! home page's sections, and short URLs for its posters.

use participe_domain::home_section::{Item, Kind, Mode, SectionInput};
use participe_domain::menu::{EntryInput, Link, Menu};
use participe_domain::redirection::Redirection;
use participe_domain::site_page::PageInput;

use crate::storage::{Db, StoreError, home_sections, menus, projects, redirections, site_pages};

/// Short addresses the demo city prints on its posters (temporary: the
/// destination may change with next year's budget).
const SHORT_URLS: [(&str, &str); 2] = [
    ("/budget", "/projects/budget-participatif-2026"),
    ("/velo", "/projects/plan-velo-2030"),
];

const LEGAL: &str = "## Éditeur du site\n\nVille de Démo, 1 place de la Mairie, 00000 Démo. Directrice de la publication : la maire.\n\n## Hébergement\n\nServeurs de la ville, en France.\n\n## Logiciel\n\nCe site utilise Participe, logiciel libre.";

const PRIVACY: &str = "## Données collectées\n\nVotre adresse e-mail et votre nom affiché servent à vous identifier et à vous tenir informé·e des suites de vos contributions. Les votes sont secrets : les résultats publiés ne relient jamais un bulletin à une personne.\n\n## Vos droits\n\nVous pouvez télécharger toutes vos données depuis « Mon compte » et supprimer votre compte à tout moment.";

const HOW_TO: &str = "## Déposer une idée\n\nCréez un compte, puis ouvrez l’étape de dépôt d’un projet en cours.\n\n## Voter\n\nPendant la phase de vote, choisissez vos projets préférés dans l’enveloppe de votre quartier.\n\n## Suivre les réalisations\n\nLes projets lauréats sont suivis jusqu’à leur livraison, étape par étape.";

pub async fn load(db: &Db) -> anyhow::Result<()> {
    for (source, target) in SHORT_URLS {
        let r = Redirection {
            source: source.into(),
            target: target.into(),
            permanent: false,
        };
        match redirections::insert(db, std::slice::from_ref(&r)).await {
            Ok(()) | Err(StoreError::Conflict(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    crate::storage::org::update_access(
        db,
        false,
        "Ville de Démo : proposez vos idées, votez le budget participatif et suivez les projets près de chez vous.",
    )
    .await?;
    // Headings in a serif family from a Debian package (fonts-ebgaramond);
    // without the package, browsers fall back on their serif font.
    crate::storage::fonts::choose(db, "builtin:eb-garamond", "").await?;
    load_pages(db).await?;
    load_home(db).await
}

const WELCOME: &str = "Proposez vos idées pour la ville, votez pour celles qui vous tiennent à cœur et suivez leur réalisation, quartier par quartier. **Le vote du budget participatif 2026 est ouvert.**";

const NEWSLETTER: &str = "Une lettre par mois : les votes qui s’ouvrent, les résultats et l’avancement des chantiers.";

/// The home page: an introduction, a carousel of highlights, the open
/// projects, the figures, the latest news, the next events, the latest
/// proposals, the themes, upcoming and past projects, and the newsletter
/// (once: not when a carousel exists).
async fn load_home(db: &Db) -> anyhow::Result<()> {
    let sections = home_sections::all(db).await?;
    if sections.iter().any(|s| s.kind() == Kind::Highlights) {
        return Ok(());
    }
    for s in &sections {
        home_sections::delete(db, s.id).await?;
    }
    let plan: [(Kind, Mode, i64, &str, &str); 11] = [
        (Kind::Intro, Mode::Current, 6, "", WELCOME),
        (Kind::Highlights, Mode::Current, 6, "", ""),
        (Kind::Projects, Mode::Current, 24, "", ""),
        (Kind::Figures, Mode::Current, 6, "", ""),
        (Kind::News, Mode::Current, 3, "", ""),
        (Kind::Events, Mode::Current, 3, "", ""),
        (Kind::Proposals, Mode::Current, 6, "", ""),
        (Kind::Themes, Mode::Current, 6, "Les projets par thème", ""),
        (Kind::Projects, Mode::Upcoming, 12, "", ""),
        (Kind::Projects, Mode::Past, 12, "", ""),
        (Kind::Newsletter, Mode::Current, 6, "Restez informé·e", NEWSLETTER),
    ];
    for (kind, mode, count, title, body) in plan {
        let id = home_sections::add(db, kind).await?;
        let input = SectionInput {
            title: title.into(),
            body: body.into(),
            mode,
            count,
        };
        home_sections::update(db, id, &input, true).await?;
        if kind == Kind::Highlights {
            for slug in ["budget-participatif-2026", "plan-velo-2030"] {
                if let Some(p) = projects::by_slug(db, slug).await? {
                    home_sections::add_item(db, id, Item::Project(p.id)).await?;
                }
            }
            if let Some(page) = site_pages::by_slug(db, "comment-participer").await? {
                home_sections::add_item(db, id, Item::Page(page.id)).await?;
            }
        }
    }
    Ok(())
}

/// Publishes the legal pages and the contact page, adds a "how to take part"
/// page, and fills both menus (once: not when they already have entries).
async fn load_pages(db: &Db) -> anyhow::Result<()> {
    if !menus::all(db).await?.is_empty() {
        return Ok(());
    }
    let publish = |title: &str, slug: &str, body: &str, recipients: Vec<String>| PageInput {
        title: title.into(),
        slug: slug.into(),
        body: body.into(),
        meta_description: String::new(),
        published: true,
        recipients,
    };
    let mut ids = Vec::new();
    for (slug, page) in [
        (
            "mentions-legales",
            publish("Mentions légales", "mentions-legales", LEGAL, vec![]),
        ),
        (
            "confidentialite",
            publish("Politique de confidentialité", "confidentialite", PRIVACY, vec![]),
        ),
        (
            "contact",
            publish(
                "Nous contacter",
                "contact",
                "Une question sur la participation ? Écrivez-nous, le service démocratie locale vous répond sous une semaine.",
                vec!["democratie@ville-demo.fr".into()],
            ),
        ),
    ] {
        let Some(existing) = site_pages::by_slug(db, slug).await? else {
            continue;
        };
        site_pages::update(db, existing.id, &page).await?;
        ids.push(existing.id);
    }
    let how_to = match site_pages::by_slug(db, "comment-participer").await? {
        Some(p) => p.id,
        None => {
            let mut page = publish("Comment participer ?", "comment-participer", HOW_TO, vec![]);
            page.meta_description =
                "Déposer une idée, voter, suivre les réalisations : la participation pas à pas.".into();
            site_pages::create(db, &page).await?
        }
    };
    let entry = |label: &str, link: Link, parent: Option<i64>| EntryInput {
        label: label.into(),
        link,
        parent,
    };
    menus::add(
        db,
        Menu::Header,
        &entry("Comment participer ?", Link::Page(how_to), None),
    )
    .await?;
    let projects_heading = menus::add(db, Menu::Header, &entry("Nos projets", Link::Nothing, None)).await?;
    for slug in ["budget-participatif-2026", "plan-velo-2030"] {
        if let Some(p) = projects::by_slug(db, slug).await? {
            menus::add(
                db,
                Menu::Header,
                &entry(&p.title, Link::Project(p.id), Some(projects_heading)),
            )
            .await?;
        }
    }
    for (label, id) in ["Mentions légales", "Confidentialité", "Contact"].into_iter().zip(ids) {
        menus::add(db, Menu::Footer, &entry(label, Link::Page(id), None)).await?;
    }
    Ok(())
}
