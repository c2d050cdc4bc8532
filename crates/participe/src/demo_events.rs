//! The demo's events: a workshop of the participatory budget in ten days,
//! with people registered, and an online information session.

use chrono::{Duration, NaiveTime, TimeZone, Utc};

use crate::storage::events::{self, EventData};
use crate::storage::{Db, projects};

const WORKSHOP: &str = "Un atelier pour imaginer ensemble la cour de l’école Jean Jaurès : venez avec vos idées, nous apportons les plans, les feutres et le goûter.\n\nOuvert à toutes et tous, enfants compris.";

const ONLINE: &str = "Une heure pour comprendre le budget participatif : les règles, le calendrier, les questions que vous vous posez. En visioconférence, sans inscription.";

/// Adds the two events (once: not when events exist), with `people`'s
/// registrations to the workshop.
pub async fn load(db: &Db, people: &[i64]) -> anyhow::Result<()> {
    if !events::all(db).await?.is_empty() {
        return Ok(());
    }
    let at = |days: i64, hour: u32| {
        let day = (Utc::now() + Duration::days(days)).date_naive();
        let time = NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default();
        chrono_tz::Europe::Paris
            .from_local_datetime(&day.and_time(time))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(Utc::now)
    };
    let budget = projects::by_slug(db, "budget-participatif-2026").await?.map(|p| p.id);
    let linked: Vec<i64> = budget.into_iter().collect();
    let workshop = events::create(
        db,
        &EventData {
            title: "Atelier : dessinons la cour de l’école".into(),
            description: WORKSHOP.into(),
            starts_at: at(10, 14),
            ends_at: at(10, 17),
            address: "École Jean Jaurès, 2 rue de l’École, Démo".into(),
            online_url: String::new(),
            registration: true,
            capacity: Some(20),
            published: true,
        },
        &linked,
    )
    .await?;
    for person in people.iter().take(6) {
        events::register(db, workshop, *person).await?;
    }
    events::create(
        db,
        &EventData {
            title: "Réunion d’information en ligne".into(),
            description: ONLINE.into(),
            starts_at: at(4, 18),
            ends_at: at(4, 19),
            address: String::new(),
            online_url: "https://visio.ville-demo.fr/budget".into(),
            registration: false,
            capacity: None,
            published: true,
        },
        &linked,
    )
    .await?;
    Ok(())
}
