//! Demo content, "Ville de Démo": a participatory budget with five districts,
//! consultations on a text (a bike plan, a climate plan with its synthesis),
//! a debate and a questionnaire, dated around today, and an
//! administrator whose credentials the README gives. The budget's collect
//! step holds proposals by demo participants (who cannot log in), some of
//! them analysed by a demo analyst, with official answers and comments.
//! Loading it twice adds nothing: each item is skipped when it exists.

use anyhow::{Context, anyhow};
use chrono::{DateTime, Duration, TimeZone, Utc};
use participe_domain::Role;
use participe_domain::account::Signup;
use participe_domain::analysis::{Admissibility, AnalysisInput, Outcome};
use participe_domain::form::{self, OTHER, Question, RawQuestion};
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::proposal::{CollectRules, FieldMode, ProposalInput, RawProposal, StandardField, reference};
use participe_domain::step::StepType;

use crate::demo_proposals::{
    CONCERNS_CHOICES, CONCERNS_LABEL, Decision, DemoProposal, NEIGHBOURS_LABEL, PARTICIPANTS, PROPOSALS,
    REASON_COMPETENCE, REASON_COST, REASON_LAND, REASON_OPERATING, REVIEWS, THREADS,
};
use crate::i18n::Lang;
use crate::services::accounts;
use crate::storage::collect::{self, SettingsUpdate};
use crate::storage::org::{self, Branding};
use crate::storage::steps::StepData;
use crate::storage::taxonomy::{self, Kind};
use crate::storage::users::NewUser;
use crate::storage::{Db, StoreError, StoreResult, analyses, comments, forms, projects, proposals, steps, users};

pub const ADMIN_EMAIL: &str = "admin@ville-demo.fr";
pub const ADMIN_PASSWORD: &str = "demo-admin-2026";
/// The demo analyst, who logs in with the administrator's password.
pub const ANALYST_EMAIL: &str = "analyste@ville-demo.fr";

pub(crate) const BUDGET_SLUG: &str = "budget-participatif-2026";
const REFERENCE_PREFIX: &str = "BP-2026";
const CATEGORIES: [&str; 3] = [
    "Aménagement de l'espace public",
    "Équipement de proximité",
    "Nature en ville",
];
const DEPOSITED: &str = "Déposé";
const IN_ANALYSIS: &str = "En analyse";
const RETAINED: &str = "Retenu pour le vote";
const NOT_RETAINED: &str = "Non retenu";
const STATUSES: [(&str, &str); 4] = [
    (DEPOSITED, "#57606a"),
    (IN_ANALYSIS, "#9a6700"),
    (RETAINED, "#116329"),
    (NOT_RETAINED, "#b42318"),
];
const REASONS: [&str; 4] = [REASON_COST, REASON_COMPETENCE, REASON_OPERATING, REASON_LAND];

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
                kind: StepType::Questionnaire,
                title: "Questionnaire : vos déplacements",
                body: "Dix minutes pour dire comment vous vous déplacez et ce qui manque près de chez vous.",
                days: Some((-20, 25)),
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
        slug: crate::demo_consultation::CLIMATE_SLUG,
        title: "Plan climat 2030",
        summary: "Le projet de plan climat, écrit avec vous : votez et amendez chaque article, débattez du centre-ville.",
        description: "La ville a soumis son **projet de plan climat 2030** aux habitants : neuf articles pour se déplacer \
autrement, mieux se loger et verdir la ville. La consultation est close et sa synthèse publiée ; le débat sur la \
piétonnisation du centre-ville est ouvert.",
        themes: &["Environnement", "Mobilité"],
        districts: &[],
        steps: &[
            DemoStep {
                kind: StepType::Consultation,
                title: "Consultation sur le projet de plan",
                body: "Votez d'accord, mitigé ou pas d'accord sur chaque article, argumentez, proposez des amendements et des sources.",
                days: Some((-60, -7)),
            },
            DemoStep {
                kind: StepType::Debate,
                title: "Débat : piétonniser le centre-ville ?",
                body: "Pour ou contre ? Lisez les deux points de vue, votez et donnez vos arguments.",
                days: Some((-7, 30)),
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
        slug: crate::demo_petitions::SLUG,
        title: "Pétitions citoyennes",
        summary: "À 50 soutiens, la Ville s'engage à répondre publiquement dans les 60 jours.",
        description: "Proposez une pétition sur un sujet de la vie de la commune. Si elle recueille **50 soutiens**, \
            la Ville publie une réponse officielle dans les **60 jours**, avec la date promise affichée sur la pétition. \
            Une pétition qui n'atteint pas le seuil en six mois est archivée : elle reste consultable.",
        themes: &["Solidarité"],
        districts: &DISTRICTS,
        steps: &[DemoStep {
            kind: StepType::Collect,
            title: "Pétitions",
            body: "Déposez une pétition ou soutenez celles des autres : un soutien par personne.",
            days: Some((-400, 330)),
        }],
    },
    DemoProject {
        slug: crate::demo_votation::SLUG,
        title: "Votation : le nom de la médiathèque",
        summary: "150 votants ont choisi le nom de la nouvelle médiathèque et jugé les aménagements de son parvis.",
        description: "Une votation : un vote par personne, secret, en ligne ou sur papier dans les mairies de quartier. \
            Chaque votant a reçu un **code de reçu** : la liste de tous les bulletins, par code, est publiée avec les \
            résultats pour que chacun vérifie le sien et puisse recompter.",
        themes: &["Culture"],
        districts: &DISTRICTS,
        steps: &[DemoStep {
            kind: StepType::Questionnaire,
            title: "Votation",
            body: "Le vote est clos : résultats et bulletins publiés.",
            days: Some((-40, -10)),
        }],
    },
    DemoProject {
        slug: "budget-participatif-2024",
        title: "Budget participatif 2024",
        summary: "La première édition : 7 projets lauréats, choisis par la méthode des parts égales, et leur réalisation.",
        description: "La première édition du budget participatif a réuni **84 votants** (60 en ligne, 24 sur papier) pour une enveloppe de 400 000 €. Retrouvez les résultats, les lauréats et leur avancement.",
        themes: &["Environnement", "Culture"],
        districts: &DISTRICTS,
        steps: &[
            DemoStep {
                kind: StepType::Collect,
                title: "Dépôt des projets",
                body: "10 projets retenus pour le vote.",
                days: Some((-700, -650)),
            },
            DemoStep {
                kind: StepType::Vote,
                title: "Vote",
                body: "84 votants, en ligne et sur papier.",
                days: Some((-600, -580)),
            },
            DemoStep {
                kind: StepType::Results,
                title: "Résultats",
                body: "7 projets lauréats.",
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
    let admin = ensure_staff(db, ADMIN_EMAIL, "Administratrice Démo", Role::Administrator).await?;
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
            // Steps run in whole days of the demo city's time: from local
            // midnight of their first day to local midnight after their last.
            let at = |d: i64| -> DateTime<Utc> {
                let day = today.date_naive() + Duration::days(d);
                chrono_tz::Europe::Paris
                    .from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
                    .earliest()
                    .map(|t| t.with_timezone(&Utc))
                    .unwrap_or(today + Duration::days(d))
            };
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
    load_proposals(db, &districts, &themes, today).await?;
    let people = ensure_participants(db).await?;
    crate::demo_votes::load(db, &districts, &people).await?;
    crate::demo_consultation::load(db, admin, &people).await?;
    crate::demo_questionnaire::load(db, &districts).await?;
    crate::demo_petitions::load(db, &districts, admin).await?;
    crate::demo_votation::load(db).await?;
    crate::demo_events::load(db, &people).await?;
    crate::demo_news::load(db, &people).await?;
    crate::demo_site::load(db).await?;
    crate::demo_translations::load(db).await?;
    org::claim_demo(db).await?;
    Ok(true)
}

/// The id of a staff account with the demo password, created if missing.
pub(crate) async fn ensure_staff(db: &Db, email: &str, name: &str, role: Role) -> anyhow::Result<i64> {
    if let Some(u) = users::by_email(db, email).await? {
        return Ok(u.id);
    }
    let signup = Signup {
        display_name: name.into(),
        email: email.into(),
        password: ADMIN_PASSWORD.into(),
    };
    match accounts::create(db, &signup, role, Lang::Fr, true).await {
        Ok(id) => Ok(id),
        // Created meanwhile by another process.
        Err(accounts::CreateError::Fields(_)) => users::by_email(db, email)
            .await?
            .map(|u| u.id)
            .ok_or_else(|| anyhow!("demo account {email} missing")),
        Err(accounts::CreateError::Other(e)) => Err(e),
    }
}

/// Treats "already there" as done.
fn ignore_conflict<T>(r: StoreResult<T>) -> anyhow::Result<()> {
    match r {
        Ok(_) | Err(StoreError::Conflict(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn term_id(terms: &[taxonomy::Term], name: &str) -> anyhow::Result<i64> {
    terms
        .iter()
        .find(|t| t.name == name)
        .map(|t| t.id)
        .ok_or_else(|| anyhow!("demo term {name:?} missing"))
}

/// The collect step's rules and form, its categories and statuses, and the
/// admissibility reasons. Returns the step's rules and its two questions.
async fn configure_collect(db: &Db, step_id: i64) -> anyhow::Result<(CollectRules, Vec<Question>)> {
    use FieldMode::{Off, Optional, Required};
    use StandardField::*;
    let help = |s: &str| s.to_string();
    let fields = [
        (Summary, Required, help("Votre projet en une ou deux phrases.")),
        (
            Description,
            Required,
            help("Ce que vous proposez, pour qui, et pourquoi c'est utile au quartier."),
        ),
        (
            Cost,
            Optional,
            help("Si vous en avez une idée, en euros ; les services l'estimeront de toute façon."),
        ),
        (District, Required, String::new()),
        (Theme, Optional, String::new()),
        (Category, Off, String::new()),
        (Address, Optional, help("Le lieu précis, s'il y en a un.")),
        (Image, Optional, String::new()),
        (Attachments, Off, String::new()),
    ];
    collect::save(
        db,
        step_id,
        &SettingsUpdate {
            reference_prefix: REFERENCE_PREFIX,
            max_cost: Some(150_000),
            min_age: Some(16),
            max_per_person: 3,
            fields: &fields,
        },
    )
    .await?;
    let collect = collect::get_or_create(db, step_id).await?;
    let form_id = collect.settings.form_id;
    if forms::questions(db, form_id).await?.is_empty() {
        let concerns = RawQuestion {
            kind: "single_choice",
            label: CONCERNS_LABEL,
            required: true,
            choices: CONCERNS_CHOICES,
            allow_other: true,
            ..Default::default()
        };
        let neighbours = RawQuestion {
            kind: "yes_no",
            label: NEIGHBOURS_LABEL,
            help: "Un projet discuté avec ses voisins a plus de chances d'être bien accueilli.",
            ..Default::default()
        };
        for raw in [concerns, neighbours] {
            let q = Question::parse(&raw).map_err(|e| anyhow!("demo question: {e:?}"))?;
            forms::add_question(db, form_id, &q).await?;
        }
    }
    let questions = forms::questions(db, form_id)
        .await?
        .into_iter()
        .filter(|q| q.label == CONCERNS_LABEL || q.label == NEIGHBOURS_LABEL)
        .collect();
    for name in CATEGORIES {
        ignore_conflict(collect::add_category(db, step_id, name).await)?;
    }
    for (name, colour) in STATUSES {
        ignore_conflict(collect::add_status(db, step_id, name, colour).await)?;
    }
    for name in REASONS {
        ignore_conflict(collect::add_reason(db, name).await)?;
    }
    Ok((collect.rules, questions))
}

/// The ids of the demo participants, created if missing. They cannot log
/// in: "!" is no password hash.
async fn ensure_participants(db: &Db) -> anyhow::Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(PARTICIPANTS.len());
    for (name, email) in PARTICIPANTS {
        let id = match users::by_email(db, email).await? {
            Some(u) => u.id,
            None => {
                let new = NewUser {
                    email,
                    display_name: name,
                    password_hash: "!",
                    role: Role::Participant,
                    locale: Lang::Fr.code(),
                    confirmed: true,
                };
                users::create(db, &new).await?
            }
        };
        ids.push(id);
    }
    Ok(ids)
}

/// The 2026 budget's proposals, analyses, official answers and comments.
/// Everything is skipped when the collect step already has proposals.
async fn load_proposals(
    db: &Db,
    districts: &[taxonomy::Term],
    themes: &[taxonomy::Term],
    today: DateTime<Utc>,
) -> anyhow::Result<()> {
    let Some(project) = projects::by_slug(db, BUDGET_SLUG).await? else {
        return Ok(());
    };
    let Some(step) = steps::of_project(db, project.id, true)
        .await?
        .into_iter()
        .find(|s| s.step_type == StepType::Collect.as_str())
    else {
        return Ok(());
    };
    let analyst = ensure_staff(db, ANALYST_EMAIL, "Analyste Démo", Role::Analyst).await?;
    let (rules, questions) = configure_collect(db, step.id).await?;
    if proposals::count(db, step.id, &proposals::Filters::default()).await? > 0 {
        return Ok(());
    }
    let statuses = collect::statuses(db, step.id).await?;
    let status = |name: &str| statuses.iter().find(|s| s.name == name).map(|s| s.id);
    let reasons = collect::reasons(db).await?;
    let people = ensure_participants(db).await?;

    let mut ids = Vec::with_capacity(PROPOSALS.len());
    for p in PROPOSALS {
        let author = people[p.author];
        let id = deposit(db, step.id, &rules, &questions, p, author, districts, themes)
            .await
            .with_context(|| format!("demo proposal {:?}", p.title))?;
        proposals::set_status(db, id, status(DEPOSITED)).await?;
        comments::follow(db, author, id).await?;
        ids.push(id);
    }
    let proposal = |n: usize| ids[n - 1];

    for t in THREADS {
        let parent = comments::create(db, proposal(t.proposal), None, people[t.author], t.body).await?;
        for (author, body) in t.replies {
            comments::create(db, proposal(t.proposal), Some(parent), people[*author], body).await?;
        }
    }

    let assigned: Vec<i64> = REVIEWS.iter().map(|(n, _)| proposal(*n)).collect();
    analyses::assign(db, &assigned, Some(analyst)).await?;
    let publish_at = today - Duration::days(3);
    for (n, decision) in REVIEWS {
        let id = proposal(*n);
        let mut analysis = AnalysisInput {
            admissibility: Admissibility::Admissible,
            reason: None,
            reason_text: String::new(),
            feasibility: String::new(),
            cost_estimate: None,
            delay_months: None,
        };
        let (outcome, merged_into, new_status, answer) = match decision {
            Decision::Pending => {
                proposals::set_status(db, id, status(IN_ANALYSIS)).await?;
                continue;
            }
            Decision::Admissible {
                feasibility,
                cost_estimate,
                delay_months,
                answer,
            } => {
                analysis.feasibility = feasibility.to_string();
                analysis.cost_estimate = Some(*cost_estimate);
                analysis.delay_months = Some(*delay_months);
                (Outcome::Admissible, None, RETAINED, answer)
            }
            Decision::NotAdmissible {
                reason,
                reason_text,
                answer,
            } => {
                analysis.admissibility = Admissibility::NotAdmissible;
                analysis.reason = Some(
                    reasons
                        .iter()
                        .find(|r| r.name == *reason)
                        .map(|r| r.id)
                        .ok_or_else(|| anyhow!("demo reason {reason:?} missing"))?,
                );
                analysis.reason_text = reason_text.to_string();
                (Outcome::NotAdmissible, None, NOT_RETAINED, answer)
            }
            Decision::Merged { into, answer } => {
                analysis.feasibility = format!(
                    "Très proche de {} : fusion acceptée par les deux auteurs.",
                    reference(REFERENCE_PREFIX, *into as i64)
                );
                (Outcome::Merged, Some(proposal(*into)), NOT_RETAINED, answer)
            }
        };
        analyses::save(db, id, &analysis).await?;
        proposals::decide(db, id, outcome, merged_into).await?;
        proposals::set_status(db, id, status(new_status)).await?;
        analyses::save_answer(db, id, answer, publish_at, analyst).await?;
    }
    // Their date has come: publish them now (the demo sends no email).
    analyses::publish_due(db).await?;
    Ok(())
}

/// Submits one proposal through the same checks as the deposit form.
#[allow(clippy::too_many_arguments)]
async fn deposit(
    db: &Db,
    step_id: i64,
    rules: &CollectRules,
    questions: &[Question],
    p: &DemoProposal,
    author: i64,
    districts: &[taxonomy::Term],
    themes: &[taxonomy::Term],
) -> anyhow::Result<i64> {
    let district = term_id(districts, p.district)?.to_string();
    let theme = if p.theme.is_empty() {
        String::new()
    } else {
        term_id(themes, p.theme)?.to_string()
    };
    let raw = RawProposal {
        title: p.title,
        summary: p.summary,
        description: p.description,
        cost: p.cost,
        district: &district,
        theme: &theme,
        address: p.address,
        ..Default::default()
    };
    let input = ProposalInput::parse(&raw, rules).map_err(|e| anyhow!("{e:?}"))?;
    let mut pairs = Vec::new();
    for q in questions {
        let name = form::field_name(q.id);
        if q.label == CONCERNS_LABEL {
            if q.has_choice(p.concerns) {
                pairs.push((name, p.concerns.to_string()));
            } else {
                pairs.push((format!("{name}-other"), p.concerns.to_string()));
                pairs.push((name, OTHER.to_string()));
            }
        } else {
            pairs.push((name, if p.neighbours { "yes" } else { "no" }.to_string()));
        }
    }
    let answers: Vec<(i64, String)> = form::parse_answers(questions, &pairs)
        .map_err(|e| anyhow!("{e:?}"))?
        .into_iter()
        .map(|(q, a)| (q, a.to_storage()))
        .collect();
    let id = proposals::create_draft(db, step_id, author, &input).await?;
    proposals::save_answers(db, id, &answers).await?;
    proposals::submit(db, id).await?;
    Ok(id)
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
