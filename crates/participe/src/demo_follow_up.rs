//! Demo content for the realisation follow-up of the demo budget's
//! winners: one project delivered, one in progress, one under study.
//! Loading it twice adds nothing: a follow-up that already has milestones
//! or news is left as it is.

use chrono::{Duration, NaiveDate, Utc};
use participe_domain::follow_up::{MilestoneInput, NewsInput, RealisationInput, RealisationStatus};

use crate::storage::{Db, realisations, users};

/// A milestone, dated in days from today.
struct DemoMilestone {
    title: &'static str,
    days: i64,
    done: bool,
}

struct DemoFollowUp {
    status: RealisationStatus,
    progress: i64,
    milestones: &'static [DemoMilestone],
    /// (title, Markdown body), oldest first.
    news: &'static [(&'static str, &'static str)],
}

const DELIVERED: DemoFollowUp = DemoFollowUp {
    status: RealisationStatus::Delivered,
    progress: 100,
    milestones: &[
        DemoMilestone {
            title: "Étude technique et chiffrage par les services",
            days: -150,
            done: true,
        },
        DemoMilestone {
            title: "Réunion publique avec les riverains",
            days: -120,
            done: true,
        },
        DemoMilestone {
            title: "Travaux",
            days: -45,
            done: true,
        },
        DemoMilestone {
            title: "Inauguration",
            days: -10,
            done: true,
        },
    ],
    news: &[
        (
            "Les travaux ont commencé",
            "Les entreprises retenues sont à pied d'œuvre depuis lundi. Le chantier durera environ six semaines ; \
             un cheminement piéton provisoire est balisé autour de la zone.",
        ),
        (
            "Projet réalisé : merci à toutes et à tous !",
            "Le projet a été inauguré en présence de son porteur et des habitants du quartier. \
             **Coût final : conforme à l'estimation des services.**\n\n\
             Merci à toutes les personnes qui ont voté pour lui lors du budget participatif.",
        ),
    ],
};

const IN_PROGRESS: DemoFollowUp = DemoFollowUp {
    status: RealisationStatus::InProgress,
    progress: 60,
    milestones: &[
        DemoMilestone {
            title: "Validation du projet détaillé avec le porteur",
            days: -90,
            done: true,
        },
        DemoMilestone {
            title: "Commande des équipements",
            days: -40,
            done: true,
        },
        DemoMilestone {
            title: "Installation sur site",
            days: 30,
            done: false,
        },
        DemoMilestone {
            title: "Mise en service",
            days: 75,
            done: false,
        },
    ],
    news: &[(
        "Les équipements sont commandés",
        "Après une réunion de travail avec le porteur du projet, le cahier des charges a été finalisé et \
         les équipements commandés. L'installation est prévue dans un mois, si la météo le permet.",
    )],
};

const UNDER_STUDY: DemoFollowUp = DemoFollowUp {
    status: RealisationStatus::UnderStudy,
    progress: 0,
    milestones: &[DemoMilestone {
        title: "Étude de faisabilité par les services techniques",
        days: 60,
        done: false,
    }],
    news: &[],
};

/// Fills the follow-up of the given winners: the first is delivered (100 %,
/// with news), the second in progress (60 %, with milestones), the third
/// under study; any others just get a follow-up under study.
pub async fn demo_follow_up(db: &Db, proposal_ids: &[i64]) -> anyhow::Result<()> {
    realisations::ensure(db, proposal_ids).await?;
    let author = users::by_email(db, crate::demo::ADMIN_EMAIL).await?.map(|u| u.id);
    let today = Utc::now().date_naive();
    for (id, demo) in proposal_ids.iter().zip([DELIVERED, IN_PROGRESS, UNDER_STUDY]) {
        let started =
            !realisations::milestones(db, *id).await?.is_empty() || !realisations::news(db, *id).await?.is_empty();
        if started {
            continue;
        }
        let input = RealisationInput {
            status: demo.status,
            progress: demo.progress,
        };
        realisations::save(db, *id, &input).await?;
        for m in demo.milestones {
            let due_on: NaiveDate = today + Duration::days(m.days);
            let m = MilestoneInput {
                title: m.title.to_string(),
                due_on,
                done: m.done,
            };
            realisations::add_milestone(db, *id, &m).await?;
        }
        for (title, body) in demo.news {
            let n = NewsInput {
                title: title.to_string(),
                body: body.to_string(),
                image_alt: String::new(),
            };
            realisations::add_news(db, *id, &n, None, author).await?;
        }
    }
    Ok(())
}
