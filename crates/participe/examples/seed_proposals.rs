//! Benchmark helper: adds N published proposals to the collect step of the
//! demo participatory budget, so list pages can be measured at scale.
//!
//! cargo run --release --example seed_proposals -- DATABASE_URL [N]

use participe::storage::{Db, projects, proposals, steps, taxonomy, users};
use participe_domain::Role;
use participe_domain::proposal::ProposalInput;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let url = args.next().unwrap_or_else(|| "sqlite://participe.db".into());
    let n: i64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(10_000);
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    participe::demo::load(&db).await?;
    let project = projects::by_slug(&db, "budget-participatif-2026")
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo project missing"))?;
    let step = steps::of_project(&db, project.id, true)
        .await?
        .into_iter()
        .find(|s| s.step_type == "collect")
        .ok_or_else(|| anyhow::anyhow!("collect step missing"))?;
    let districts = taxonomy::list(&db, taxonomy::Kind::District).await?;
    let themes = taxonomy::list(&db, taxonomy::Kind::Theme).await?;
    let mut authors = vec![];
    for i in 0..50 {
        let email = format!("bench-{i}@bench.invalid");
        let id = match users::by_email(&db, &email).await? {
            Some(u) => u.id,
            None => {
                let new = users::NewUser {
                    email: &email,
                    display_name: &format!("Habitant {i}"),
                    password_hash: "!",
                    role: Role::Participant,
                    locale: "fr",
                    confirmed: true,
                };
                users::create(&db, &new).await?
            }
        };
        authors.push(id);
    }
    let start = std::time::Instant::now();
    for i in 0..n {
        let input = ProposalInput {
            title: format!("Proposition de banc public numéro {i}"),
            summary: format!("Installer des bancs et des arbres dans la rue {i}, pour que chacun puisse s'y reposer."),
            description: "Une description de taille moyenne, comme celles que déposent les habitants.".repeat(5),
            cost: Some(500 + (i * 37) % 150_000),
            district: districts.get((i as usize) % districts.len().max(1)).map(|d| d.id),
            theme: themes.get((i as usize) % themes.len().max(1)).map(|t| t.id),
            ..Default::default()
        };
        let id = proposals::create_draft(&db, step.id, authors[(i as usize) % authors.len()], &input).await?;
        proposals::submit(&db, id).await?;
    }
    println!(
        "seeded {n} proposals into step {} in {:.1}s",
        step.id,
        start.elapsed().as_secs_f64()
    );
    println!("STEP_PATH=/projects/{}/steps/{}", project.slug, step.id);
    println!("DISTRICT_ID={}", districts.first().map(|d| d.id).unwrap_or(0));
    Ok(())
}
