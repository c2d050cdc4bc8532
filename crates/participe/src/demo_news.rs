//! The demo's news: the vote of the 2026 budget opening, and the first works
//! of the 2024 budget delivered, with a comment.

use chrono::{Duration, Utc};

use crate::storage::news::{self, PostData};
use crate::storage::{Db, projects, taxonomy};

const VOTE_OPEN: &str = "Après l’analyse des services, **42 projets** sont soumis au vote. Chaque habitante et habitant de plus de 11 ans peut choisir ses projets préférés dans l’enveloppe de son quartier.\n\nLe vote est ouvert en ligne et dans les mairies de quartier.";

const WORKS: &str = "La cour de l’école Ouest a été végétalisée pendant les vacances d’automne : 300 m² de bitume en moins, douze arbres plantés. Les abris vélos de la gare suivront au printemps.";

/// Adds the two posts (once: not when posts exist); `people` comment.
pub async fn load(db: &Db, people: &[i64]) -> anyhow::Result<()> {
    if !news::all(db).await?.is_empty() {
        return Ok(());
    }
    let project = |slug: &'static str| async move { projects::by_slug(db, slug).await.map(|p| p.map(|p| p.id)) };
    let theme = taxonomy::list(db, taxonomy::Kind::Theme)
        .await?
        .into_iter()
        .find(|t| t.name == "Environnement")
        .map(|t| t.id);
    news::save(
        db,
        None,
        &PostData {
            title: "Le vote du budget participatif 2026 est ouvert".into(),
            summary: "42 projets soumis au vote, jusqu’à la fin du mois.".into(),
            body: VOTE_OPEN.into(),
            published_at: Some(Utc::now() - Duration::days(2)),
            comments_enabled: true,
            projects: project("budget-participatif-2026").await?.into_iter().collect(),
            ..Default::default()
        },
    )
    .await?;
    let works = news::save(
        db,
        None,
        &PostData {
            title: "Budget 2024 : les premiers chantiers livrés".into(),
            summary: "La cour de l’école Ouest est végétalisée.".into(),
            body: WORKS.into(),
            published_at: Some(Utc::now() - Duration::days(9)),
            comments_enabled: true,
            projects: project("budget-participatif-2024").await?.into_iter().collect(),
            themes: theme.into_iter().collect(),
            ..Default::default()
        },
    )
    .await?;
    if let Some(person) = people.first() {
        news::add_comment(db, works, *person, "Bravo, les enfants adorent la nouvelle cour !").await?;
    }
    Ok(())
}
