//! Benchmark helper: a consultation section holding N contributions (with
//! votes and arguments), a debate with votes and arguments, and the time to
//! group G contributions of another step into a synthesis.
//!
//! cargo run --release --example seed_consultation -- DATABASE_URL [N] [G]
//!
//! Prints SECTION_PATH=, DEBATE_PATH= and GROUPING_MS= lines.

use participe::storage::arguments::{self, About, Author};
use participe::storage::steps::StepData;
use participe::storage::{Db, consultations, debates, opinions, projects, steps, users};
use participe_domain::Role;
use participe_domain::consultation::{OpinionVote, SectionInput, Side};
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::step::StepType;

/// Words people write about a city: contributions are drawn from them so
/// that texts share vocabulary as real ones do.
const WORDS: &[&str] = &[
    "vélo",
    "pistes",
    "cyclables",
    "écoles",
    "enfants",
    "arbres",
    "ombre",
    "parcs",
    "bancs",
    "bus",
    "tramway",
    "stationnement",
    "voitures",
    "bruit",
    "pollution",
    "logements",
    "rénovation",
    "isolation",
    "chauffage",
    "énergie",
    "solaire",
    "toits",
    "jardins",
    "potagers",
    "compost",
    "déchets",
    "tri",
    "recyclage",
    "eau",
    "fontaines",
    "piscine",
    "sport",
    "gymnase",
    "culture",
    "bibliothèque",
    "musique",
    "fêtes",
    "marché",
    "commerces",
    "emploi",
    "jeunes",
    "aînés",
    "santé",
    "médecins",
    "sécurité",
    "éclairage",
    "trottoirs",
    "accessibilité",
    "handicap",
    "quartier",
    "centre",
    "rue",
    "place",
    "canal",
    "rivière",
    "forêt",
];

fn text(seed: usize, words: usize) -> String {
    let mut x = seed as u64 * 2_654_435_761 + 12_345;
    let theme = seed % 8;
    (0..words)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Half of the words come from the text's theme, half from anywhere.
            let w = if i % 2 == 0 {
                theme * 7 + (x as usize % 7)
            } else {
                x as usize % WORDS.len()
            };
            WORDS[w % WORDS.len()]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

async fn step(db: &Db, project: i64, title: &str, kind: StepType) -> anyhow::Result<i64> {
    Ok(steps::create(
        db,
        project,
        &StepData {
            title,
            step_type: kind,
            body: "",
            starts_at: None,
            ends_at: None,
            published: true,
        },
    )
    .await?)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let url = args.next().unwrap_or_else(|| "sqlite://participe.db".into());
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(2_000);
    let g: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(10_000);
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    participe::demo::load(&db).await?;
    let mut people = vec![];
    for i in 0..200 {
        let email = format!("consult-{i}@bench.invalid");
        let id = match users::by_email(&db, &email).await? {
            Some(u) => u.id,
            None => {
                let new = users::NewUser {
                    email: &email,
                    display_name: &format!("Habitante {i}"),
                    password_hash: "!",
                    role: Role::Participant,
                    locale: "fr",
                    confirmed: true,
                };
                users::create(&db, &new).await?
            }
        };
        people.push(id);
    }
    let input = ProjectInput {
        title: "Plan climat (banc d'essai)".into(),
        slug: format!("plan-climat-bench-{}", std::process::id()),
        summary: String::new(),
        description: String::new(),
        visibility: Visibility::Public,
    };
    let project = projects::create(&db, &input).await?;
    let start = std::time::Instant::now();

    // A section with N contributions; the first 200 get votes and arguments.
    let s1 = step(&db, project, "Consultation", StepType::Consultation).await?;
    let c = consultations::create(&db, s1, "Projet de plan climat").await?;
    let section = consultations::add_section(&db, c, None, &SectionInput::titled("Se déplacer".into())).await?;
    for i in 0..n {
        let title = format!("Contribution {i} : {}", text(i, 6));
        let body = text(i + 1, 60);
        let new = opinions::NewOpinion {
            section_id: section,
            amends_id: None,
            kind: "contribution",
            author_id: people[i % people.len()],
            title: &title,
            body: &body,
            appendix: "",
            published: true,
        };
        let id = opinions::create(&db, &new).await?;
        if i < 200 {
            for (k, p) in people.iter().take(10 + i % 20).enumerate() {
                opinions::vote(&db, id, *p, Some(OpinionVote::ALL[k % 3])).await?;
            }
            let side = if i % 2 == 0 { Side::For } else { Side::Against };
            arguments::create(
                &db,
                About::Opinion(id),
                side,
                &text(i + 7, 25),
                Author::User(people[i % 50]),
                true,
            )
            .await?;
        }
    }

    // A debate with 200 votes and 100 arguments.
    let s2 = step(&db, project, "Débat", StepType::Debate).await?;
    let d = debates::create(&db, s2, "Faut-il piétonniser le centre-ville ?").await?;
    for (i, p) in people.iter().enumerate() {
        debates::vote(&db, d, *p, Some(if i % 3 == 0 { Side::Against } else { Side::For })).await?;
        if i < 100 {
            let side = if i % 2 == 0 { Side::For } else { Side::Against };
            arguments::create(&db, About::Debate(d), side, &text(i + 3, 30), Author::User(*p), true).await?;
        }
    }
    eprintln!("seeded in {:.1}s", start.elapsed().as_secs_f64());

    // Grouping G contributions of a third step.
    let s3 = step(&db, project, "Grande consultation", StepType::Consultation).await?;
    let c3 = consultations::create(&db, s3, "Grande consultation").await?;
    let tree = [participe_domain::text_import::ImportedSection {
        title: "Contributions".into(),
        parent: None,
        articles: (0..g)
            .map(|i| participe_domain::text_import::ImportedArticle {
                title: text(i * 3, 6),
                body: text(i * 3 + 1, 40),
            })
            .collect(),
    }];
    consultations::import(&db, c3, people[0], &tree).await?;
    let t = std::time::Instant::now();
    let grouped = participe::services::synthesis::regroup(&db, s3, "Divers").await?;
    let ms = t.elapsed().as_millis();
    eprintln!("grouped {} items into {} groups", grouped.items, grouped.groups);

    let slug = projects::by_id(&db, project).await?.map(|p| p.slug).unwrap_or_default();
    println!("SECTION_PATH=/sections/{section}");
    println!("DEBATE_PATH=/debates/{d}");
    println!("PROJECT_PATH=/projects/{slug}");
    println!("GROUPED_ITEMS={}", grouped.items);
    println!("GROUPING_MS={ms}");
    Ok(())
}
