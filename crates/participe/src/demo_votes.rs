//! The demo's votes: the 2024 budget's closed vote (online and paper
//! ballots, results published with the Method of Equal Shares, winners
//! followed up), and the 2026 budget's open vote with a few ballots.

use participe_domain::Role;
use participe_domain::analysis::Outcome;
use participe_domain::proposal::ProposalInput;
use participe_domain::step::StepType;
use participe_domain::vote::AGE_BANDS;
use participe_domain::vote_config::{RawVoteConfig, VoteConfig};

use crate::i18n::Lang;
use crate::services::vote_count;
use crate::storage::ballots::{self, NewBallot};
use crate::storage::taxonomy::Term;
use crate::storage::users::{self, NewUser};
use crate::storage::{Db, projects, proposals, steps, votes};

/// The 2024 projects: title, summary, cost, district index.
const PROJECTS_2024: [(&str, &str, i64, usize); 10] = [
    (
        "Un jardin partagé au square Pasteur",
        "Des bacs, un composteur et un abri à outils.",
        45_000,
        0,
    ),
    (
        "Des fontaines à eau dans les parcs",
        "Six fontaines pour l'été.",
        60_000,
        0,
    ),
    (
        "Une piste de skate rue des Tilleuls",
        "Un skatepark en accès libre.",
        180_000,
        1,
    ),
    (
        "Des bancs le long de la promenade",
        "Vingt bancs pour faire une pause.",
        30_000,
        1,
    ),
    (
        "Une boîte à livres dans chaque école",
        "Des livres en libre échange.",
        12_000,
        2,
    ),
    (
        "Rénover le terrain de basket du Sud",
        "Revêtement, paniers et éclairage.",
        95_000,
        2,
    ),
    (
        "Des abris vélos sécurisés à la gare",
        "Cent places fermées.",
        150_000,
        3,
    ),
    (
        "Un verger municipal à l'Est",
        "Trente arbres fruitiers et une prairie.",
        40_000,
        3,
    ),
    (
        "Des ateliers de réparation mobiles",
        "Un camion atelier qui passe dans les quartiers.",
        70_000,
        4,
    ),
    (
        "Végétaliser la cour de l'école Ouest",
        "Moins de bitume, plus d'ombre.",
        120_000,
        4,
    ),
];

const ENVELOPE_2024: i64 = 400_000;
const VOTERS_2024: usize = 60;
const PAPER_2024: usize = 24;

/// A small deterministic generator, so the demo is the same every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// A ballot of up to 3 proposals leaning towards its voter's district.
fn ballot(rng: &mut Lcg, ids: &[i64], district: usize) -> Vec<i64> {
    let mut out = vec![ids[district * 2 + rng.next(2)]];
    for _ in 0..rng.next(3) {
        let id = ids[rng.next(ids.len())];
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

fn config(mode: &'static str, envelope: &'static str, max: &'static str, rule: &'static str) -> VoteConfig {
    VoteConfig::parse(&RawVoteConfig {
        mode,
        source: "admissible",
        max_choices: max,
        envelope,
        req_confirmed_email: true,
        req_min_age: "16",
        counting_rule: rule,
        territorial_k: "2",
        rules_text: "Un vote par personne de 16 ans et plus. Le vote peut être modifié jusqu'à la clôture.",
        req_accept_rules: true,
        ..Default::default()
    })
    .expect("the demo's vote configuration is valid")
}

/// Loads both votes; does nothing for a vote step that already has ballots.
pub async fn load(db: &Db, districts: &[Term], people: &[i64]) -> anyhow::Result<()> {
    closed_2024(db, districts).await?;
    open_2026(db, people).await
}

async fn step_of(db: &Db, slug: &str, kind: StepType) -> anyhow::Result<Option<(i64, i64)>> {
    let Some(project) = projects::by_slug(db, slug).await? else {
        return Ok(None);
    };
    Ok(steps::of_project(db, project.id, true)
        .await?
        .into_iter()
        .find(|s| s.step_type == kind.as_str())
        .map(|s| (project.id, s.id)))
}

async fn closed_2024(db: &Db, districts: &[Term]) -> anyhow::Result<()> {
    let (Some((_, collect)), Some((_, vote))) = (
        step_of(db, "budget-participatif-2024", StepType::Collect).await?,
        step_of(db, "budget-participatif-2024", StepType::Vote).await?,
    ) else {
        return Ok(());
    };
    if ballots::participation(db, vote).await?.online_voters > 0 {
        return Ok(());
    }
    let author = demo_voter(db, 0).await?;
    let mut ids = Vec::new();
    for (title, summary, cost, d) in PROJECTS_2024 {
        let input = ProposalInput {
            title: title.into(),
            summary: summary.into(),
            description: format!("{summary}\n\nProjet lauréat possible du budget participatif 2024."),
            cost: Some(cost),
            district: districts.get(d).map(|t| t.id),
            theme: None,
            category: None,
            address: String::new(),
            location: None,
        };
        let id = proposals::create_draft(db, collect, author, &input).await?;
        proposals::submit(db, id).await?;
        proposals::decide(db, id, Outcome::Admissible, None).await?;
        ids.push(id);
    }
    let mut c = config("budget", "400000", "", "mes-add1-greedy");
    c.envelope = Some(ENVELOPE_2024);
    votes::save_settings(db, vote, &c, Some(collect)).await?;
    let mediator = crate::demo::ensure_staff(db, MEDIATOR_EMAIL, "Médiatrice Démo", Role::Participant).await?;
    votes::add_mediator(db, vote, mediator).await?;
    let mut rng = Lcg(2024);
    let fit = |choices: Vec<i64>| -> Vec<i64> {
        // Keep the first choices that fit the envelope.
        let mut spent = 0;
        choices
            .into_iter()
            .filter(|id| {
                let cost = PROJECTS_2024[ids.iter().position(|x| x == id).unwrap_or(0)].2;
                spent += cost;
                spent <= ENVELOPE_2024
            })
            .collect()
    };
    for n in 0..VOTERS_2024 {
        let voter = demo_voter(db, n + 1).await?;
        let d = n % districts.len().max(1);
        let choices = fit(ballot(&mut rng, &ids, d % 5));
        ballots::cast(
            db,
            &NewBallot {
                step_id: vote,
                envelope: 0,
                voter_id: Some(voter),
                choices: &choices,
                complete: true,
                voter_district_id: districts.get(d).map(|t| t.id),
                voter_age_band: Some(AGE_BANDS[2 + rng.next(5)]),
                entered_by: None,
            },
        )
        .await?;
    }
    for n in 0..PAPER_2024 {
        let d = (n * 3) % 5;
        let choices = fit(ballot(&mut rng, &ids, d));
        ballots::cast(
            db,
            &NewBallot {
                step_id: vote,
                envelope: 0,
                voter_id: None,
                choices: &choices,
                complete: true,
                voter_district_id: districts.get(d).map(|t| t.id),
                voter_age_band: None,
                entered_by: Some(mediator),
            },
        )
        .await?;
    }
    let count = vote_count::publish(db, vote)
        .await
        .map_err(|e| anyhow::anyhow!("demo results: {e:?}"))?;
    crate::demo_follow_up::demo_follow_up(db, &count.selected).await?;
    Ok(())
}

async fn open_2026(db: &Db, people: &[i64]) -> anyhow::Result<()> {
    let Some((_, vote)) = step_of(db, crate::demo::BUDGET_SLUG, StepType::Vote).await? else {
        return Ok(());
    };
    if ballots::participation(db, vote).await?.online_voters > 0 {
        return Ok(());
    }
    let settings = votes::settings(db, vote).await?;
    votes::save_settings(
        db,
        vote,
        &config("simple", "1200000", "3", "territorial"),
        settings.source_step_id,
    )
    .await?;
    let settings = votes::settings(db, vote).await?;
    let candidates: Vec<i64> = votes::candidates(db, &settings).await?.iter().map(|c| c.id).collect();
    if candidates.is_empty() {
        return Ok(());
    }
    let mut rng = Lcg(2026);
    for voter in people.iter().take(9) {
        let mut choices = vec![];
        for _ in 0..3 {
            let id = candidates[rng.next(candidates.len())];
            if !choices.contains(&id) {
                choices.push(id);
            }
        }
        votes::accept_rules(db, vote, *voter).await?;
        ballots::cast(
            db,
            &NewBallot {
                step_id: vote,
                envelope: 0,
                voter_id: Some(*voter),
                choices: &choices,
                complete: true,
                voter_district_id: None,
                voter_age_band: Some(AGE_BANDS[2 + rng.next(5)]),
                entered_by: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// The paper-ballot mediator of the demo (a participant named mediator of the 2024 vote).
pub const MEDIATOR_EMAIL: &str = "mediatrice@ville-demo.fr";

/// A voter account of the 2024 vote that cannot log in.
pub(crate) async fn demo_voter(db: &Db, n: usize) -> anyhow::Result<i64> {
    let email = format!("votant-{n:03}@demo.invalid");
    if let Some(u) = users::by_email(db, &email).await? {
        return Ok(u.id);
    }
    let new = NewUser {
        email: &email,
        display_name: &format!("Votant {n}"),
        password_hash: "!",
        role: Role::Participant,
        locale: Lang::Fr.code(),
        confirmed: true,
    };
    Ok(users::create(db, &new).await?)
}
