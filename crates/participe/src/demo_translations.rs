//! The demo site in English: its projects, steps, themes, districts, menu
//! entries, a page, news posts and events, translated text by text (the
//! French originals come from the other demo modules; a text missing here
//! stays French, which the site shows as such).

use participe_domain::translation::Kind;

use crate::storage::{Db, events, menus, news, projects, site_pages, steps, taxonomy, translations};

/// French text → English.
const ENGLISH: &[(&str, &str)] = &[
    // Projects and their summaries.
    ("Budget participatif 2026", "Participatory budget 2026"),
    (
        "1,2 million d'euros pour les projets des habitantes et habitants, dans les cinq quartiers.",
        "€1.2 million for residents’ projects, across the five districts.",
    ),
    ("Consultation : plan vélo 2030", "Consultation: cycling plan 2030"),
    (
        "Donnez votre avis, article par article, sur le projet de plan vélo de la ville.",
        "Give your opinion, article by article, on the city’s draft cycling plan.",
    ),
    ("Plan climat 2030", "Climate plan 2030"),
    (
        "Questionnaire : vivre dans mon quartier",
        "Questionnaire: living in my neighbourhood",
    ),
    (
        "Dix minutes pour nous dire ce qui compte pour vous dans votre quartier.",
        "Ten minutes to tell us what matters to you in your neighbourhood.",
    ),
    ("Pétitions citoyennes", "Citizens’ petitions"),
    ("Votation : le nom de la médiathèque", "Vote: naming the media library"),
    ("Budget participatif 2024", "Participatory budget 2024"),
    // Steps.
    ("Présentation", "Introduction"),
    ("Dépôt des projets", "Submitting projects"),
    ("Analyse par les services", "Review by the city’s services"),
    ("Vote", "Vote"),
    ("Résultats", "Results"),
    ("Suivi des réalisations", "Following the works"),
    ("Questionnaire", "Questionnaire"),
    ("Pétitions", "Petitions"),
    ("Le projet de plan", "The draft plan"),
    ("Consultation sur le texte", "Consultation on the text"),
    ("Questionnaire : vos déplacements", "Questionnaire: how you get around"),
    ("Synthèse", "Summary"),
    ("Consultation sur le projet de plan", "Consultation on the draft plan"),
    (
        "Débat : piétonniser le centre-ville ?",
        "Debate: a car-free town centre?",
    ),
    ("Votation", "Vote on the name"),
    // Themes and districts.
    ("Environnement", "Environment"),
    ("Mobilité", "Transport"),
    ("Culture", "Culture"),
    ("Sport et loisirs", "Sport and leisure"),
    ("Solidarité", "Solidarity"),
    ("Éducation", "Education"),
    ("Centre-ville", "Town centre"),
    ("Quartier Nord", "North district"),
    ("Quartier Sud", "South district"),
    ("Les Rives (Est)", "The Banks (East)"),
    ("Plateau Ouest", "West Plateau"),
    // Menus and pages.
    ("Comment participer ?", "How to take part"),
    ("Nos projets", "Our projects"),
    ("Mentions légales", "Legal notice"),
    ("Confidentialité", "Privacy"),
    ("Politique de confidentialité", "Privacy policy"),
    ("Contact", "Contact"),
    ("Nous contacter", "Contact us"),
    (
        "Déposer une idée, voter, suivre les réalisations : la participation pas à pas.",
        "Submitting an idea, voting, following the works: taking part step by step.",
    ),
    (
        "## Déposer une idée\n\nCréez un compte, puis ouvrez l’étape de dépôt d’un projet en cours.\n\n## Voter\n\nPendant la phase de vote, choisissez vos projets préférés dans l’enveloppe de votre quartier.\n\n## Suivre les réalisations\n\nLes projets lauréats sont suivis jusqu’à leur livraison, étape par étape.",
        "## Submitting an idea\n\nCreate an account, then open the submission step of a current project.\n\n## Voting\n\nDuring the vote, choose your favourite projects within your district’s envelope.\n\n## Following the works\n\nWinning projects are followed until they are delivered, step by step.",
    ),
    // News posts and events.
    (
        "Le vote du budget participatif 2026 est ouvert",
        "The 2026 participatory budget vote is open",
    ),
    (
        "42 projets soumis au vote, jusqu’à la fin du mois.",
        "42 projects up for the vote, until the end of the month.",
    ),
    (
        "Budget 2024 : les premiers chantiers livrés",
        "Budget 2024: the first works delivered",
    ),
    (
        "La cour de l’école Ouest est végétalisée.",
        "The West school’s playground is now green.",
    ),
    (
        "Atelier : dessinons la cour de l’école",
        "Workshop: let’s design the schoolyard",
    ),
    ("Réunion d’information en ligne", "Online information meeting"),
];

fn english(french: &str) -> Option<&'static str> {
    ENGLISH.iter().find(|(fr, _)| *fr == french).map(|(_, en)| *en)
}

/// Saves the English of the fields whose French text the table knows.
async fn save(db: &Db, kind: Kind, id: i64, fields: &[(&'static str, &str)]) -> anyhow::Result<()> {
    let texts: Vec<(&str, String)> = fields
        .iter()
        .filter_map(|(field, french)| Some((*field, english(french)?.to_string())))
        .collect();
    if !texts.is_empty() {
        translations::save(db, kind, id, "en", &texts).await?;
    }
    Ok(())
}

pub async fn load(db: &Db) -> anyhow::Result<()> {
    for p in projects::list_all(db).await? {
        save(db, Kind::Project, p.id, &[("title", &p.title), ("summary", &p.summary)]).await?;
        for s in steps::of_project(db, p.id, true).await? {
            save(db, Kind::Step, s.id, &[("title", &s.title)]).await?;
        }
    }
    for (kind, of) in [
        (Kind::Theme, taxonomy::Kind::Theme),
        (Kind::District, taxonomy::Kind::District),
    ] {
        for t in taxonomy::list(db, of).await? {
            save(db, kind, t.id, &[("name", &t.name)]).await?;
        }
    }
    for m in menus::all(db).await? {
        save(db, Kind::MenuItem, m.id, &[("label", &m.label)]).await?;
    }
    for p in site_pages::list(db).await? {
        let fields = [
            ("title", &*p.title),
            ("body", &p.body),
            ("meta_description", &p.meta_description),
        ];
        save(db, Kind::Page, p.id, &fields).await?;
    }
    for p in news::all(db).await? {
        save(
            db,
            Kind::NewsPost,
            p.id,
            &[("title", &p.title), ("summary", &p.summary)],
        )
        .await?;
    }
    for e in events::all(db).await? {
        save(db, Kind::Event, e.id, &[("title", &e.title)]).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_french_text_has_one_english() {
        for (i, (fr, _)) in ENGLISH.iter().enumerate() {
            assert!(ENGLISH[..i].iter().all(|(other, _)| other != fr), "{fr} twice");
        }
        assert_eq!(english("Vote"), Some("Vote"));
        assert_eq!(english("Inconnu"), None);
    }
}
