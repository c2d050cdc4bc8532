//! The demo's closed votation, "Le nom de la médiathèque": one name to
//! choose and the forecourt's fittings judged by majority judgement; 120
//! ballots online and 30 on paper, results and receipts published.

use anyhow::anyhow;
use participe_domain::form::{Answer, RawQuestion, parse_answers};
use participe_domain::questionnaire::{Kind, Settings};
use participe_domain::step::StepType;

use crate::demo_questionnaire::Rng;
use crate::demo_votes::demo_voter;
use crate::storage::questionnaires::{self, NewReply};
use crate::storage::{Db, forms};

pub const SLUG: &str = "nom-de-la-mediatheque";
const ONLINE: usize = 120;
const PAPER: usize = 30;
const NAMES: [&str; 4] = ["Simone Veil", "Olympe de Gouges", "Les Tilleuls", "Joséphine Baker"];
const FITTINGS: &str = "Des arbres et de l'ombre\nUne fontaine\nDes jeux pour enfants";
const GRADES: [&str; 6] = ["very_good", "good", "fairly_good", "passable", "insufficient", "reject"];

pub async fn load(db: &Db) -> anyhow::Result<()> {
    let Some(step) = crate::demo_consultation::step_of(db, SLUG, StepType::Questionnaire).await? else {
        return Ok(());
    };
    let q = questionnaires::get_or_create(db, step).await?;
    if !forms::questions(db, q.form_id).await?.is_empty() {
        return Ok(());
    }
    let settings = Settings {
        kind: Kind::Vote,
        intro:
            "La nouvelle médiathèque ouvre au printemps. Choisissez son nom et jugez les aménagements de son parvis : \
            un vote par personne, secret, avec un code de reçu pour vérifier votre bulletin."
                .into(),
        results_public: true,
        ..Default::default()
    }
    .normalised();
    questionnaires::save_settings(db, step, &settings).await?;
    let names = NAMES.join("\n");
    for spec in [
        RawQuestion {
            kind: "single_choice",
            label: "Quel nom pour la nouvelle médiathèque ?",
            choices: &names,
            required: true,
            ..Default::default()
        },
        RawQuestion {
            kind: "majority",
            label: "Comment jugez-vous chacun des aménagements proposés pour le parvis ?",
            choices: FITTINGS,
            required: true,
            ..Default::default()
        },
    ] {
        let question = participe_domain::form::Question::parse(&spec).map_err(|e| anyhow!("demo votation: {e:?}"))?;
        forms::add_question(db, q.form_id, &question).await?;
    }
    let questions = forms::questions(db, q.form_id).await?;
    let today = chrono::Utc::now().date_naive();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..ONLINE + PAPER {
        // Simone Veil leads, Olympe de Gouges follows; trees are liked, the
        // fountain divides.
        let name = NAMES[[0, 0, 0, 1, 1, 2, 3, 0, 1, 3][rng.below(10) as usize]];
        let mut pairs = vec![(format!("q-{}", questions[0].id), name.to_string())];
        for (n, bias) in [(0usize, 0u64), (1, 2), (2, 1)] {
            let g = (bias + rng.below(4)).min(5) as usize;
            pairs.push((format!("q-{}-c{n}", questions[1].id), GRADES[g].into()));
        }
        let answers: Vec<(i64, Answer)> =
            parse_answers(&questions, &pairs).map_err(|e| anyhow!("demo ballot: {e:?}"))?;
        let stored: Vec<(i64, String)> = answers.iter().map(|(q, a)| (*q, a.to_storage())).collect();
        let online = i < ONLINE;
        let voter = if online {
            Some(demo_voter(db, 400 + i).await?)
        } else {
            None
        };
        questionnaires::save_reply(
            db,
            &NewReply {
                step_id: step,
                user_id: voter,
                kind: Kind::Vote,
                once: true,
                draft: false,
                channel: if online { "online" } else { "paper" },
                district_id: None,
                age_band: None,
                answers: &stored,
                today,
            },
        )
        .await?;
    }
    questionnaires::set_published(db, step, true).await?;
    Ok(())
}
