//! Demo content, "Ville de Démo": a participatory budget with five districts,
//! a consultation and a questionnaire, dated around today, and an
//! administrator whose credentials the README gives. Loading it twice adds
//! nothing: each item is skipped when it exists.

use chrono::{DateTime, Duration, Utc};
use participe_domain::Role;
use participe_domain::account::Signup;
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::step::StepType;

use crate::i18n::Lang;
use crate::services::accounts;
use crate::storage::org::{self, Branding};
use crate::storage::steps::StepData;
use crate::storage::taxonomy::{self, Kind};
use crate::storage::{Db, StoreError, projects, steps, users};

pub const ADMIN_EMAIL: &str = "admin@ville-demo.fr";
pub const ADMIN_PASSWORD: &str = "demo-admin-2026";

const DISTRICTS: [&str; 5] = [
    "Centre-ville",
    "Quartier Nord",
    "Quartier Sud",
    "Les Rives (Est)",
    "Plateau Ouest",
];
const THEMES: [&str; 6] = [
    "Environnement",
    "Mobilité",
    "Culture",
    "Sport et loisirs",
    "Solidarité",
    "Éducation",
];

const TERMS: &str = "## Conditions d'utilisation\n\nLa plateforme de la Ville de Démo permet à chacune et chacun de proposer, \
débattre et voter. Les contributions sont publiques, signées du nom affiché, et modérées selon la charte. \
Vos données personnelles ne servent qu'à la participation ; vous pouvez les exporter ou supprimer votre compte à tout moment.";

/// A step of the demo, dated in days relative to today.
struct DemoStep {
    kind: StepType,
    title: &'static str,
    body: &'static str,
    /// (start, end) offsets in days from now; None for a continuous step.
    days: Option<(i64, i64)>,
}

struct DemoProject {
    slug: &'static str,
    title: &'static str,
    summary: &'static str,
    description: &'static str,
    themes: &'static [&'static str],
    districts: &'static [&'static str],
    steps: &'static [DemoStep],
}

const PROJECTS: &[DemoProject] = &[
    DemoProject {
        slug: "budget-participatif-2026",
        title: "Budget participatif 2026",
        summary: "1,2 million d'euros pour les projets des habitantes et habitants, dans les cinq quartiers.",
        description: "La Ville de Démo consacre **1,2 million d'euros** de son budget d'investissement à des projets \
proposés et choisis par ses habitants.\n\n- Toute personne de plus de 16 ans habitant la ville peut déposer un projet.\n\
- Les services de la ville étudient chaque projet (faisabilité, coût).\n- Les projets retenus sont soumis au vote.\n\n\
Les deux projets ayant reçu le plus de voix dans chaque quartier sont réalisés.",
        themes: &[
            "Environnement",
            "Mobilité",
            "Culture",
            "Sport et loisirs",
            "Solidarité",
            "Éducation",
        ],
        districts: &DISTRICTS,
        steps: &[
            DemoStep {
                kind: StepType::Presentation,
                title: "Présentation",
                body: "Le budget participatif, comment ça marche ? Le règlement complet et le calendrier.",
                days: None,
            },
            DemoStep {
                kind: StepType::Collect,
                title: "Dépôt des projets",
                body: "Déposez vos idées pour votre quartier ou pour toute la ville.",
                days: Some((-90, -45)),
            },
            DemoStep {
                kind: StepType::Analysis,
                title: "Analyse par les services",
                body: "Les services techniques étudient la recevabilité, la faisabilité et le coût de chaque projet.",
                days: Some((-45, -5)),
            },
            DemoStep {
                kind: StepType::Vote,
                title: "Vote",
                body: "Choisissez vos projets préférés : un vote par personne, jusqu'à trois projets.",
                days: Some((-5, 20)),
            },
            DemoStep {
                kind: StepType::Results,
                title: "Résultats",
                body: "Les projets lauréats seront annoncés à la clôture du vote.",
                days: Some((21, 60)),
            },
            DemoStep {
                kind: StepType::FollowUp,
                title: "Suivi des réalisations",
                body: "Suivez l'avancement des projets lauréats.",
                days: Some((60, 730)),
            },
        ],
    },
    DemoProject {
        slug: "plan-velo-2030",
        title: "Consultation : plan vélo 2030",
        summary: "Donnez votre avis, article par article, sur le projet de plan vélo de la ville.",
        description: "Le projet de **plan vélo 2030** prévoit 40 km de nouvelles pistes cyclables, du stationnement sécurisé \
et une aide à l'achat de vélos cargos. Lisez le texte, votez sur chaque article et proposez vos amendements.",
        themes: &["Mobilité", "Environnement"],
        districts: &[],
        steps: &[
            DemoStep {
                kind: StepType::Presentation,
                title: "Le projet de plan",
                body: "Pourquoi un plan vélo, et ce qu'il contient.",
                days: None,
            },
            DemoStep {
                kind: StepType::Consultation,
                title: "Consultation sur le texte",
                body: "Votez d'accord, mitigé ou pas d'accord sur chaque article et argumentez.",
                days: Some((-10, 30)),
            },
            DemoStep {
                kind: StepType::Results,
                title: "Synthèse",
                body: "La synthèse des contributions sera publiée ici.",
                days: Some((45, 120)),
            },
        ],
    },
    DemoProject {
        slug: "vivre-dans-mon-quartier",
        title: "Questionnaire : vivre dans mon quartier",
        summary: "Dix minutes pour nous dire ce qui compte pour vous dans votre quartier.",
        description: "Ce questionnaire aide la ville à préparer ses conseils de quartier. Il est anonyme et prend dix minutes.",
        themes: &["Solidarité"],
        districts: &DISTRICTS,
        steps: &[
            DemoStep {
                kind: StepType::Questionnaire,
                title: "Questionnaire",
                body: "Répondez aux questions sur la vie dans votre quartier.",
                days: Some((3, 40)),
            },
            DemoStep {
                kind: StepType::Results,
                title: "Résultats",
                body: "Les résultats seront publiés après la clôture.",
                days: Some((45, 90)),
            },
        ],
    },
    DemoProject {
        slug: "budget-participatif-2024",
        title: "Budget participatif 2024",
        summary: "La première édition : 18 projets lauréats, tous en cours de réalisation.",
        description: "La première édition du budget participatif a réuni **4 212 votants**. Retrouvez les lauréats et leur avancement.",
        themes: &["Environnement", "Culture"],
        districts: &DISTRICTS,
        steps: &[
            DemoStep {
                kind: StepType::Collect,
                title: "Dépôt des projets",
                body: "312 projets déposés.",
                days: Some((-700, -650)),
            },
            DemoStep {
                kind: StepType::Vote,
                title: "Vote",
                body: "4 212 votants.",
                days: Some((-600, -580)),
            },
            DemoStep {
                kind: StepType::Results,
                title: "Résultats",
                body: "18 projets lauréats.",
                days: Some((-580, -300)),
            },
        ],
    },
];

/// Loads the demo content; returns false when it was already there.
pub async fn load(db: &Db) -> anyhow::Result<bool> {
    if org::get(db).await?.demo_loaded {
        return Ok(false);
    }
    org::update_branding(
        db,
        &Branding {
            name: "Ville de Démo",
            primary_colour: "#1d4ed8",
            secondary_colour: "#9a3412",
            terms: TERMS,
        },
    )
    .await?;
    if users::by_email(db, ADMIN_EMAIL).await?.is_none() {
        let admin = Signup {
            display_name: "Administratrice Démo".into(),
            email: ADMIN_EMAIL.into(),
            password: ADMIN_PASSWORD.into(),
        };
        match accounts::create(db, &admin, Role::Administrator, Lang::Fr, true).await {
            Ok(_) | Err(accounts::CreateError::Fields(_)) => {}
            Err(accounts::CreateError::Other(e)) => return Err(e),
        }
    }
    let districts = ensure_terms(db, Kind::District, &DISTRICTS).await?;
    let themes = ensure_terms(db, Kind::Theme, &THEMES).await?;
    // Midnight UTC today, so the demo's dates read as whole days.
    let today = crate::storage::now()
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    for p in PROJECTS {
        if projects::by_slug(db, p.slug).await?.is_some() {
            continue;
        }
        let input = ProjectInput {
            title: p.title.into(),
            slug: p.slug.into(),
            summary: p.summary.into(),
            description: p.description.into(),
            visibility: Visibility::Public,
        };
        let id = match projects::create(db, &input).await {
            Ok(id) => id,
            Err(StoreError::Conflict(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        let pick = |names: &[&str], all: &[taxonomy::Term]| -> Vec<i64> {
            all.iter()
                .filter(|t| names.contains(&t.name.as_str()))
                .map(|t| t.id)
                .collect()
        };
        taxonomy::set_for_project(db, Kind::Theme, id, &pick(p.themes, &themes)).await?;
        taxonomy::set_for_project(db, Kind::District, id, &pick(p.districts, &districts)).await?;
        for s in p.steps {
            let at = |d: i64| -> DateTime<Utc> { today + Duration::days(d) };
            let data = StepData {
                title: s.title,
                step_type: s.kind,
                body: s.body,
                starts_at: s.days.map(|(a, _)| at(a)),
                ends_at: s.days.map(|(_, b)| at(b)),
                published: true,
            };
            steps::create(db, id, &data).await?;
        }
    }
    org::claim_demo(db).await?;
    Ok(true)
}

/// The terms with these names, creating the missing ones.
async fn ensure_terms(db: &Db, kind: Kind, names: &[&str]) -> anyhow::Result<Vec<taxonomy::Term>> {
    for name in names {
        match taxonomy::create(db, kind, name).await {
            Ok(_) | Err(StoreError::Conflict(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(taxonomy::list(db, kind).await?)
}
