//! The demo's petitions: a collect step in support mode (threshold 50,
//! answer within 60 days, archived after 180 days below the threshold) with
//! one petition awaiting its answer, one answered, one archived and one
//! still gathering support.

use chrono::{Duration, Utc};
use participe_domain::petition::{Checks, PetitionSettings};
use participe_domain::proposal::ProposalInput;
use participe_domain::step::StepType;

use crate::demo_votes::demo_voter;
use crate::storage::taxonomy::Term;
use crate::storage::{Db, analyses, petitions, proposals};

pub const SLUG: &str = "petitions-citoyennes";

const SETTINGS: PetitionSettings = PetitionSettings {
    threshold: 50,
    answer_days: 60,
    archive_days: Some(180),
    checks: Checks {
        verified_identity: false,
        id_code: false,
        phone: false,
    },
};

struct DemoPetition {
    title: &'static str,
    summary: &'static str,
    description: &'static str,
    district: usize,
    /// Published this many days ago.
    age: i64,
    supports: usize,
    /// Threshold reached this many days ago.
    reached: Option<i64>,
    answer: Option<&'static str>,
    /// Archived this many days ago.
    archived: Option<i64>,
}

const PETITIONS: &[DemoPetition] = &[
    DemoPetition {
        title: "Un passage piéton protégé devant l'école Jules-Ferry",
        summary: "Les enfants traversent la rue de la Gare sans feu ni ralentisseur, à l'heure où les voitures sont les plus nombreuses.",
        description: "Nous demandons un passage piéton surélevé, un éclairage renforcé et la présence d'un agent aux heures d'entrée et de sortie.\n\nChaque matin, près de 300 enfants traversent la rue de la Gare.",
        district: 0,
        age: 40,
        supports: 57,
        reached: Some(12),
        answer: None,
        archived: None,
    },
    DemoPetition {
        title: "Rouvrir les toilettes publiques du parc des Tilleuls",
        summary: "Fermées depuis deux ans, elles manquent aux familles, aux personnes âgées et aux joueurs du dimanche.",
        description: "Les toilettes du parc ont été fermées après des dégradations. Nous demandons leur réouverture, avec un entretien quotidien.",
        district: 2,
        age: 120,
        supports: 63,
        reached: Some(95),
        answer: Some(
            "Merci aux 63 signataires. La Ville rouvrira les toilettes du parc des Tilleuls **au printemps** : la rénovation (12 000 €) est votée, et leur entretien sera confié au service des parcs, deux fois par jour le week-end.",
        ),
        archived: None,
    },
    DemoPetition {
        title: "Un marché de producteurs le mercredi soir",
        summary: "Un petit marché de 17 h à 20 h, pour faire ses courses en rentrant du travail.",
        description: "Place de la Mairie, une dizaine de producteurs locaux chaque mercredi soir.",
        district: 1,
        age: 250,
        supports: 14,
        reached: None,
        answer: None,
        archived: Some(70),
    },
    DemoPetition {
        title: "Des bancs tout le long du boulevard Voltaire",
        summary: "Un banc tous les 200 mètres, pour que chacun puisse marcher jusqu'au centre sans s'épuiser.",
        description: "Le boulevard Voltaire compte deux bancs sur 1,8 km. Les personnes âgées nous disent renoncer à venir à pied.",
        district: 3,
        age: 20,
        supports: 31,
        reached: None,
        answer: None,
        archived: None,
    },
];

/// Loads the petitions; does nothing when the step is already in support mode.
pub async fn load(db: &Db, districts: &[Term], admin: i64) -> anyhow::Result<()> {
    let Some(step) = crate::demo_consultation::step_of(db, SLUG, StepType::Collect).await? else {
        return Ok(());
    };
    if petitions::settings(db, step).await?.is_some() {
        return Ok(());
    }
    petitions::save_settings(db, step, &SETTINGS).await?;
    let now = Utc::now();
    let mut voter = 100;
    for (n, p) in PETITIONS.iter().enumerate() {
        let input = ProposalInput {
            title: p.title.into(),
            summary: p.summary.into(),
            description: p.description.into(),
            cost: None,
            district: districts.get(p.district).map(|t| t.id),
            theme: None,
            category: None,
            address: String::new(),
            location: None,
        };
        let author = demo_voter(db, voter).await?;
        let id = proposals::create_draft(db, step, author, &input).await?;
        proposals::submit(db, id).await?;
        for _ in 0..p.supports {
            voter += 1;
            petitions::support(db, id, demo_voter(db, voter).await?, &SETTINGS).await?;
        }
        let days = |d: i64| now - Duration::days(d) - Duration::minutes(n as i64);
        petitions::backdate(
            db,
            id,
            days(p.age),
            p.reached.map(days),
            SETTINGS.answer_days,
            p.archived.map(days),
        )
        .await?;
        if let Some(body) = p.answer {
            analyses::save_answer(db, id, body, days(20), admin).await?;
        }
    }
    analyses::publish_due(db).await?;
    Ok(())
}
