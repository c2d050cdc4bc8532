//! Group commit of ballots (issue 13): several voters' ballots written in
//! one transaction, each voter answered with their own stored ballot; a
//! voter's later ballot in the same batch replaces their earlier one; a
//! batch that fails as a whole is written again ballot by ballot, so one bad
//! ballot costs nobody else theirs. Both engines.

use crate::common;

use common::{TestApp, open_collect_step};
use participe::services::ballot_writer::Pending;
use participe::storage::ballots::{self, NewBallot};
use participe::storage::proposals;
use participe_domain::Role;
use participe_domain::proposal::ProposalInput;

/// A step with four published proposals and `n` voters.
async fn setup(app: &TestApp, n: usize) -> (i64, Vec<i64>, Vec<i64>) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (_, step) = open_collect_step(app, &mut admin, "Budget des écoles").await;
    let author = app.user("auteur@example.org", Role::Participant).await;
    let mut props = vec![];
    for i in 0..4 {
        let input = ProposalInput {
            title: format!("Projet {i}"),
            summary: "Résumé".into(),
            description: String::new(),
            cost: Some(100),
            district: None,
            theme: None,
            category: None,
            address: String::new(),
            location: None,
        };
        let id = proposals::create_draft(app.db(), step, author, &input).await.unwrap();
        proposals::submit(app.db(), id).await.unwrap();
        props.push(id);
    }
    let mut voters = vec![];
    for i in 0..n {
        voters.push(app.user(&format!("votant{i}@example.org"), Role::Participant).await);
    }
    (step, props, voters)
}

fn ballot(step: i64, voter: i64, choices: &[i64]) -> NewBallot<'_> {
    NewBallot {
        step_id: step,
        envelope: 0,
        voter_id: Some(voter),
        choices,
        complete: true,
        voter_district_id: None,
        voter_age_band: None,
        entered_by: None,
    }
}

async fn a_later_ballot_in_the_batch_wins(app: &TestApp) {
    let (step, p, v) = setup(app, 2).await;
    let (first, second, change) = ([p[0]], [p[1]], [p[2], p[3]]);
    let stored = ballots::cast_many(
        app.db(),
        &[
            ballot(step, v[0], &first),
            ballot(step, v[1], &second),
            ballot(step, v[0], &change),
        ],
    )
    .await
    .unwrap();
    assert_eq!(stored.len(), 3);
    assert_eq!(stored[0].id, stored[2].id, "one ballot per voter");
    assert_eq!(stored[0].code, stored[2].code);
    assert_ne!(stored[0].id, stored[1].id);
    assert_eq!(app.count("ballots").await, 2);
    assert_eq!(
        ballots::choices(app.db(), stored[0].id).await.unwrap(),
        vec![p[2], p[3]]
    );
    assert_eq!(ballots::choices(app.db(), stored[1].id).await.unwrap(), vec![p[1]]);
    // A change in a later batch keeps the ballot and its code.
    let again = ballots::cast_many(app.db(), &[ballot(step, v[0], &first), ballot(step, v[1], &first)])
        .await
        .unwrap();
    assert_eq!(again[0].code, stored[0].code);
    assert_eq!(ballots::choices(app.db(), again[1].id).await.unwrap(), vec![p[0]]);
    assert_eq!(app.count("ballot_choices").await, 2);
}
engine_test!(later_ballot_wins, a_later_ballot_in_the_batch_wins);

async fn one_bad_ballot_costs_nobody_else(app: &TestApp) {
    let (step, p, v) = setup(app, 40).await;
    // Forty voters at once, one of them naming a proposal that does not
    // exist (the database refuses it): the writer takes them together.
    let casts = v.iter().enumerate().map(|(i, voter)| {
        let choices = if i == 17 { vec![p[0], 999_999] } else { vec![p[i % 4]] };
        let pending = Pending {
            step_id: step,
            envelope: 0,
            voter_id: Some(*voter),
            choices,
            complete: true,
            voter_district_id: None,
            voter_age_band: None,
            entered_by: None,
        };
        app.state.ballots.cast(app.db(), pending)
    });
    let results = futures_util::future::join_all(casts).await;
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r.is_err(), i == 17, "voter {i}: {:?}", r.as_ref().map(|b| b.id));
    }
    assert_eq!(app.count("ballots").await, 39);
    for (i, r) in results.iter().enumerate().filter(|(i, _)| *i != 17) {
        let b = r.as_ref().unwrap();
        assert_eq!(ballots::choices(app.db(), b.id).await.unwrap(), vec![p[i % 4]]);
    }
}
engine_test!(bad_ballot_alone, one_bad_ballot_costs_nobody_else);
