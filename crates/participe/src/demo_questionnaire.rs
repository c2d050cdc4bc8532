//! The demo's questionnaire of the bike plan, "Vos déplacements": every question type,
//! a logic jump, and 150 replies spread over districts and age bands, with
//! public results.

use anyhow::anyhow;
use participe_domain::form::{Answer, Question, RawQuestion, parse_answers};
use participe_domain::form_logic::{Condition, Jump, Logic, Target};
use participe_domain::questionnaire::{Kind, Settings};
use participe_domain::step::StepType;
use participe_domain::vote::AGE_BANDS;

use crate::storage::questionnaires::{self, NewReply};
use crate::storage::taxonomy::Term;
use crate::storage::{Db, forms};

const SLUG: &str = crate::demo_consultation::BIKE_SLUG;
const REPLIES: u64 = 150;

fn raw<'a>(kind: &'a str, label: &'a str, choices: &'a str) -> RawQuestion<'a> {
    RawQuestion {
        kind,
        label,
        choices,
        ..Default::default()
    }
}

/// A small repeatable generator, so the demo is the same on every start.
pub struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

pub async fn load(db: &Db, districts: &[Term]) -> anyhow::Result<()> {
    let Some(step) = crate::demo_consultation::step_of(db, SLUG, StepType::Questionnaire).await? else {
        return Ok(());
    };
    let q = questionnaires::get_or_create(db, step).await?;
    if !forms::questions(db, q.form_id).await?.is_empty() {
        return Ok(());
    }
    let settings = Settings {
        kind: Kind::Survey,
        intro: "Dix minutes pour nous dire ce qui compte pour vous. Vos réponses aident à préparer les conseils de quartier.".into(),
        drafts: true,
        results_public: true,
        ..Default::default()
    };
    questionnaires::save_settings(db, step, &settings).await?;
    add_questions(db, q.form_id).await?;
    let questions = forms::questions(db, q.form_id).await?;
    let today = chrono::Utc::now().date_naive();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for i in 0..REPLIES {
        let pairs = random_pairs(&mut rng, &questions, i);
        let answers: Vec<(i64, Answer)> =
            parse_answers(&questions, &pairs).map_err(|e| anyhow!("demo answers: {e:?}"))?;
        let stored: Vec<(i64, String)> = answers.iter().map(|(q, a)| (*q, a.to_storage())).collect();
        let district = districts
            .get(rng.below(districts.len() as u64 + 1) as usize)
            .map(|d| d.id);
        let band = AGE_BANDS[1 + rng.below(6) as usize];
        questionnaires::save_reply(
            db,
            &NewReply {
                step_id: step,
                user_id: None,
                kind: Kind::Survey,
                once: false,
                draft: false,
                channel: "online",
                district_id: district,
                age_band: Some(band),
                answers: &stored,
                today,
            },
        )
        .await?;
    }
    Ok(())
}

/// Adds the demo's questions to a form (every main type and a logic jump:
/// newcomers skip "since how many years"); returns their ids.
pub async fn add_questions(db: &Db, form_id: i64) -> anyhow::Result<Vec<i64>> {
    let mut specs = vec![
        RawQuestion {
            level: "1",
            ..raw("section", "Vous et votre quartier", "")
        },
        RawQuestion {
            required: true,
            ..raw("yes_no", "Vivez-vous dans le quartier depuis plus de cinq ans ?", "")
        },
        RawQuestion {
            min: "0",
            max: "80",
            help: "Une estimation suffit.",
            ..raw("number", "Depuis combien d'années ?", "")
        },
        RawQuestion {
            required: true,
            display: "buttons",
            ..raw(
                "single_choice",
                "Comment vous déplacez-vous le plus souvent ?",
                "À pied\nÀ vélo\nEn bus ou en tram\nEn voiture",
            )
        },
        RawQuestion {
            max: "3",
            allow_other: true,
            ..raw(
                "multiple_choice",
                "Qu'est-ce qui manque le plus ?",
                "Des commerces de proximité\nDes espaces verts\nDes bancs et de l'ombre\nDes lieux pour les jeunes\nDes pistes cyclables",
            )
        },
        RawQuestion {
            level: "2",
            ..raw("section", "Vos priorités", "")
        },
        RawQuestion {
            max: "3",
            ..raw(
                "ranking",
                "Classez vos trois priorités pour le quartier",
                "La propreté\nLa sécurité\nLa tranquillité\nLes animations\nLes transports",
            )
        },
        RawQuestion {
            description: "Le conseil de quartier choisira un nom pour la nouvelle place. Donnez une mention à chaque proposition.",
            ..raw(
                "majority",
                "Quel nom pour la nouvelle place ?",
                "Place Olympe de Gouges | Autrice de la Déclaration des droits de la femme\nPlace des Tilleuls | Les arbres qui la bordent\nPlace du Marché | Le marché du samedi",
            )
        },
        raw("long_text", "Une idée pour votre quartier ?", ""),
        RawQuestion {
            private: true,
            help: "Si vous souhaitez être recontacté par votre conseil de quartier.",
            ..raw("short_text", "Votre adresse e-mail (facultatif)", "")
        },
        RawQuestion {
            help: "Pour les commerçants et les associations.",
            ..raw("siret", "Numéro SIRET de votre commerce", "")
        },
    ];
    let mut ids = Vec::new();
    for r in specs.drain(..) {
        let question = Question::parse(&r).map_err(|e| anyhow!("demo question: {e:?}"))?;
        ids.push(forms::add_question(db, form_id, &question).await?);
    }
    // Newcomers skip "since how many years".
    let logic = Logic {
        jumps: vec![Jump {
            all: true,
            conditions: vec![Condition {
                is: true,
                choice: "no".into(),
            }],
            to: Target::Question(ids[3]),
        }],
        always: None,
    };
    forms::set_logic(db, ids[1], &logic).await?;
    Ok(ids)
}

/// A plausible reply to the demo's questions (`add_questions`) as form
/// fields; reply number `i` adds an idea one time in three.
pub fn random_pairs(rng: &mut Rng, questions: &[Question], i: u64) -> Vec<(String, String)> {
    let ideas = [
        "Plus d'arbres dans la rue principale",
        "Un marché le dimanche matin",
        "Des bancs près de l'école",
        "Une fête de quartier en juin",
        "Des pistes cyclables séparées des voitures",
        "Un jardin partagé dans le square",
    ];
    let grades = ["very_good", "good", "fairly_good", "passable", "insufficient", "reject"];
    let ids: Vec<i64> = questions.iter().map(|q| q.id).collect();
    let f = |k: usize| format!("q-{}", ids[k]);
    let c = |k: usize, n: usize| format!("q-{}-c{n}", ids[k]);
    let long_time = rng.below(3) > 0;
    let mut pairs: Vec<(String, String)> = vec![(f(1), if long_time { "yes" } else { "no" }.into())];
    if long_time {
        pairs.push((f(2), (5 + rng.below(40)).to_string()));
    }
    let modes = ["À pied", "À vélo", "En bus ou en tram", "En voiture"];
    pairs.push((f(3), modes[rng.below(4) as usize].into()));
    let wants = questions[4].choice_titles();
    for _ in 0..1 + rng.below(3) {
        pairs.push((f(4), wants[rng.below(wants.len() as u64) as usize].clone()));
    }
    let mut order: Vec<usize> = (0..5).collect();
    for k in (1..5).rev() {
        order.swap(k, rng.below(k as u64 + 1) as usize);
    }
    for (rank, choice) in order.iter().take(3).enumerate() {
        pairs.push((c(6, *choice), (rank + 1).to_string()));
    }
    // Olympe de Gouges is liked, the market divides, the lime trees sit between.
    for (n, bias) in [(0usize, 0u64), (1, 1), (2, 2)] {
        let g = (bias + rng.below(4)).min(5) as usize;
        pairs.push((c(7, n), grades[g].into()));
    }
    if i.is_multiple_of(3) {
        pairs.push((f(8), ideas[rng.below(ideas.len() as u64) as usize].into()));
    }
    pairs
}
