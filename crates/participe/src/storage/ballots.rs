//! Ballots (online and paper), paper tallies, frozen results and juries.
//!
//! Integrity: one online ballot per voter, step and envelope is a unique
//! constraint; casting is one transaction whose first statement is the
//! upsert of that row, so concurrent submissions by one voter serialise on
//! it and leave one ballot. The transaction commits (SQLite in FULL
//! synchronous mode, PostgreSQL with synchronous commit) before the voter
//! is told the ballot is recorded.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;
use crate::security::random_token;

/// A ballot to record.
pub struct NewBallot<'a> {
    pub step_id: i64,
    pub envelope: i64,
    /// The voter (online) or None (paper).
    pub voter_id: Option<i64>,
    pub choices: &'a [i64],
    pub complete: bool,
    pub voter_district_id: Option<i64>,
    pub voter_age_band: Option<&'a str>,
    /// The mediator who entered a paper ballot.
    pub entered_by: Option<i64>,
}

/// A stored ballot.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Ballot {
    pub id: i64,
    pub step_id: i64,
    pub envelope: i64,
    pub channel: String,
    pub code: String,
    pub complete: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A short code the voter can read out: 12 characters in groups of 4.
fn ballot_code() -> String {
    let t: String = random_token()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| !matches!(c, 'O' | '0' | 'I' | '1' | 'L'))
        .take(12)
        .collect();
    format!("{}-{}-{}", &t[0..4], &t[4..8], &t[8..12])
}

/// Records a ballot, replacing the voter's earlier one in this envelope.
/// Returns the stored ballot (its code stays the same across changes).
pub async fn cast(db: &Db, b: &NewBallot<'_>) -> StoreResult<Ballot> {
    let mut stored = cast_many(db, std::slice::from_ref(b)).await?;
    stored.pop().ok_or(super::StoreError::NotFound)
}

/// Records several ballots in one transaction (group commit, see
/// `services::ballot_writer`), in order: a later ballot of the same voter
/// and envelope replaces an earlier one (both get the stored ballot). All
/// are stored or none. Online ballots go in with three statements whatever
/// their number; paper ballots (no voter to match) one by one.
pub async fn cast_many(db: &Db, list: &[NewBallot<'_>]) -> StoreResult<Vec<Ballot>> {
    let at = now();
    if list.len() < 2 || list.iter().any(|b| b.voter_id.is_none()) {
        return cast_each(db, list, at).await;
    }
    // The last ballot of each voter and envelope, in a stable order.
    let key = |b: &NewBallot<'_>| (b.step_id, b.voter_id, b.envelope);
    let mut last: std::collections::HashMap<(i64, Option<i64>, i64), usize> = std::collections::HashMap::new();
    for (i, b) in list.iter().enumerate() {
        last.insert(key(b), i);
    }
    let mut kept: Vec<usize> = last.values().copied().collect();
    kept.sort_unstable();
    let kept: Vec<&NewBallot<'_>> = kept.into_iter().map(|i| &list[i]).collect();
    let rows: Vec<Upserted> = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO ballots (step_id, envelope, voter_id, channel, code, pseudonym, complete, voter_district_id,
                     voter_age_band, entered_by, created_at, updated_at) ",
            );
            q.push_values(&kept, |mut row, b| {
                row.push_bind(b.step_id)
                    .push_bind(b.envelope)
                    .push_bind(b.voter_id)
                    .push_bind("online")
                    .push_bind(ballot_code())
                    .push_bind(random_token())
                    .push_bind(b.complete)
                    .push_bind(b.voter_district_id)
                    .push_bind(b.voter_age_band)
                    .push_bind(b.entered_by)
                    .push_bind(at)
                    .push_bind(at);
            });
            q.push(
                " ON CONFLICT (step_id, voter_id, envelope) DO UPDATE SET complete = excluded.complete,
                     voter_district_id = excluded.voter_district_id, voter_age_band = excluded.voter_age_band,
                     updated_at = excluded.updated_at
                 RETURNING id, step_id, envelope, channel, code, complete, created_at, updated_at, voter_id",
            );
            let rows: Vec<Upserted> = q.build_query_as().fetch_all(&mut *tx).await?;
            let id_of: std::collections::HashMap<(i64, Option<i64>, i64), i64> = rows
                .iter()
                .map(|r| ((r.ballot.step_id, Some(r.voter_id), r.ballot.envelope), r.ballot.id))
                .collect();
            let mut q = sqlx::QueryBuilder::new("DELETE FROM ballot_choices WHERE ballot_id IN (");
            let mut ids = q.separated(", ");
            for r in &rows {
                ids.push_bind(r.ballot.id);
            }
            q.push(")");
            q.build().execute(&mut *tx).await?;
            let mut choices: Vec<(i64, i64, i64)> = Vec::new();
            for b in &kept {
                let ballot = *id_of.get(&key(b)).ok_or(sqlx::Error::RowNotFound)?;
                choices.extend(b.choices.iter().enumerate().map(|(rank, id)| (ballot, *id, rank as i64 + 1)));
            }
            if !choices.is_empty() {
                let mut q = sqlx::QueryBuilder::new("INSERT INTO ballot_choices (ballot_id, proposal_id, rank) ");
                q.push_values(&choices, |mut row, (ballot, id, rank)| {
                    row.push_bind(*ballot).push_bind(*id).push_bind(*rank);
                });
                q.build().execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(rows)
        }
        .await
    })?;
    let by_key: std::collections::HashMap<(i64, Option<i64>, i64), Ballot> = rows
        .into_iter()
        .map(|r| ((r.ballot.step_id, Some(r.voter_id), r.ballot.envelope), r.ballot))
        .collect();
    list.iter()
        .map(|b| by_key.get(&key(b)).cloned().ok_or(super::StoreError::NotFound))
        .collect()
}

/// A ballot as the batched upsert returns it, with its voter to match it.
#[derive(sqlx::FromRow)]
struct Upserted {
    #[sqlx(flatten)]
    ballot: Ballot,
    voter_id: i64,
}

/// Records ballots one after the other in one transaction.
async fn cast_each(db: &Db, list: &[NewBallot<'_>], at: DateTime<Utc>) -> StoreResult<Vec<Ballot>> {
    let stored: Vec<Ballot> = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let mut stored = Vec::with_capacity(list.len());
            for b in list {
                let channel = if b.voter_id.is_some() { "online" } else { "paper" };
                let ballot: Ballot = sqlx::query_as(
                    "INSERT INTO ballots (step_id, envelope, voter_id, channel, code, pseudonym, complete, voter_district_id,
                         voter_age_band, entered_by, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
                     ON CONFLICT (step_id, voter_id, envelope) DO UPDATE SET complete = $7, voter_district_id = $8,
                         voter_age_band = $9, updated_at = $11
                     RETURNING id, step_id, envelope, channel, code, complete, created_at, updated_at",
                )
                .bind(b.step_id)
                .bind(b.envelope)
                .bind(b.voter_id)
                .bind(channel)
                .bind(ballot_code())
                .bind(random_token())
                .bind(b.complete)
                .bind(b.voter_district_id)
                .bind(b.voter_age_band)
                .bind(b.entered_by)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM ballot_choices WHERE ballot_id = $1")
                    .bind(ballot.id)
                    .execute(&mut *tx)
                    .await?;
                if !b.choices.is_empty() {
                    let mut q = sqlx::QueryBuilder::new("INSERT INTO ballot_choices (ballot_id, proposal_id, rank) ");
                    q.push_values(b.choices.iter().enumerate(), |mut row, (rank, id)| {
                        row.push_bind(ballot.id).push_bind(*id).push_bind(rank as i64 + 1);
                    });
                    q.build().execute(&mut *tx).await?;
                }
                stored.push(ballot);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(stored)
        }
        .await
    })?;
    Ok(stored)
}

macro_rules! select_ballot {
    ($where:literal) => {
        concat!(
            "SELECT id, step_id, envelope, channel, code, complete, created_at, updated_at FROM ballots ",
            $where
        )
    };
}

/// A voter's ballots in a step (one per envelope).
pub async fn of_voter(db: &Db, step_id: i64, voter_id: i64) -> StoreResult<Vec<Ballot>> {
    Ok(on_db!(db, |p| sqlx::query_as(select_ballot!(
        "WHERE step_id = $1 AND voter_id = $2 ORDER BY envelope"
    ))
    .bind(step_id)
    .bind(voter_id)
    .fetch_all(p)
    .await)?)
}

/// The chosen proposal ids of a ballot, in rank order.
pub async fn choices(db: &Db, ballot_id: i64) -> StoreResult<Vec<i64>> {
    let rows: Vec<(i64,)> = on_db!(db, |p| sqlx::query_as(
        "SELECT proposal_id FROM ballot_choices WHERE ballot_id = $1 ORDER BY rank"
    )
    .bind(ballot_id)
    .fetch_all(p)
    .await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Deletes a paper ballot entered by mistake.
pub async fn delete_paper(db: &Db, step_id: i64, ballot_id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| async {
        let mut tx = p.begin_write().await?;
        // Its identification code, if it had one, may serve again (before
        // the delete, which would unlink it).
        sqlx::query(super::id_codes::FREE_BALLOT_CODE)
            .bind(step_id)
            .bind(ballot_id)
            .execute(&mut *tx)
            .await?;
        let n = sqlx::query("DELETE FROM ballots WHERE id = $1 AND step_id = $2 AND channel = 'paper'")
            .bind(ballot_id)
            .bind(step_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // Nothing deleted: nothing released either.
        if n == 1 {
            tx.commit().await?;
        }
        Ok::<u64, sqlx::Error>(n)
    }
    .await)?;
    Ok(n == 1)
}

/// A ballot as counted and exported: no voter identity, only its pseudonym.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CountedBallot {
    pub id: i64,
    pub pseudonym: String,
    pub paper: bool,
    pub envelope: i64,
    pub complete: bool,
    pub voter_district_id: Option<i64>,
    pub voter_age_band: Option<String>,
    pub choices: Vec<i64>,
}

/// A ballot row: id, pseudonym, channel, envelope, complete, voter district, age band.
type BallotRow = (i64, String, String, i64, bool, Option<i64>, Option<String>);

/// Ballot rows with their (ballot id, proposal id) choices, in rank order.
fn assemble(rows: Vec<BallotRow>, choices: Vec<(i64, i64)>) -> Vec<CountedBallot> {
    let mut by_ballot: std::collections::HashMap<i64, Vec<i64>> = std::collections::HashMap::new();
    for (b, p) in choices {
        by_ballot.entry(b).or_default().push(p);
    }
    rows.into_iter()
        .map(
            |(id, pseudonym, channel, envelope, complete, district, age)| CountedBallot {
                id,
                pseudonym,
                paper: channel == "paper",
                envelope,
                complete,
                voter_district_id: district,
                voter_age_band: age,
                choices: by_ballot.remove(&id).unwrap_or_default(),
            },
        )
        .collect()
}

/// Every ballot of a step with its choices, in two queries.
pub async fn all(db: &Db, step_id: i64) -> StoreResult<Vec<CountedBallot>> {
    let rows: Vec<BallotRow> = on_db!(db, |p| sqlx::query_as(
        "SELECT id, pseudonym, channel, envelope, complete, voter_district_id, voter_age_band FROM ballots
         WHERE step_id = $1 ORDER BY pseudonym"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    let choices: Vec<(i64, i64)> = on_db!(db, |p| sqlx::query_as(
        "SELECT c.ballot_id, c.proposal_id FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id
         WHERE b.step_id = $1 ORDER BY c.ballot_id, c.rank"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    Ok(assemble(rows, choices))
}

/// Paper ballots of a step, newest first, for the mediators' page.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PaperBallot {
    pub id: i64,
    pub code: String,
    pub complete: bool,
    pub entered_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub async fn paper_ballots(db: &Db, step_id: i64, limit: i64) -> StoreResult<Vec<PaperBallot>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT b.id, b.code, b.complete, u.display_name AS entered_by_name, b.created_at FROM ballots b
         LEFT JOIN users u ON u.id = b.entered_by WHERE b.step_id = $1 AND b.channel = 'paper'
         ORDER BY b.id DESC LIMIT $2"
    )
    .bind(step_id)
    .bind(limit)
    .fetch_all(p)
    .await)?)
}

/// Participation: distinct online voters and paper ballots with a complete
/// ballot, plus people whose ballot is still incomplete.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Participation {
    pub online_voters: i64,
    pub paper_ballots: i64,
    pub incomplete: i64,
}

pub async fn participation(db: &Db, step_id: i64) -> StoreResult<Participation> {
    let (online, paper, incomplete): (i64, i64, i64) = on_db!(db, |p| sqlx::query_as(
        "SELECT
             (SELECT COUNT(DISTINCT voter_id) FROM ballots WHERE step_id = $1 AND channel = 'online' AND complete),
             (SELECT COUNT(*) FROM ballots WHERE step_id = $1 AND channel = 'paper' AND complete),
             (SELECT COUNT(*) FROM ballots WHERE step_id = $1 AND NOT complete)"
    )
    .bind(step_id)
    .fetch_one(p)
    .await)?;
    Ok(Participation {
        online_voters: online,
        paper_ballots: paper,
        incomplete,
    })
}

/// Votes per proposal from complete online ballots (count of ballots that
/// chose it), for steps whose counts are public during the vote.
pub async fn live_counts(db: &Db, step_id: i64) -> StoreResult<std::collections::HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = on_db!(db, |p| sqlx::query_as(
        "SELECT c.proposal_id, COUNT(*) FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id
         WHERE b.step_id = $1 AND b.complete GROUP BY c.proposal_id"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    Ok(rows.into_iter().collect())
}

/// Paper tallies: (proposal id, votes).
pub async fn tallies(db: &Db, step_id: i64) -> StoreResult<Vec<(i64, i64)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT proposal_id, votes FROM paper_tallies WHERE step_id = $1 ORDER BY proposal_id"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

/// Number of voters behind the paper tallies.
pub async fn tally_voters(db: &Db, step_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COALESCE(MAX(voters), 0) FROM paper_tallies WHERE step_id = $1"
    )
    .bind(step_id)
    .fetch_one(p)
    .await)?)
}

/// Replaces the paper tallies of a step in one transaction; `voters` is the
/// number of paper voters they come from.
pub async fn set_tallies(db: &Db, step_id: i64, rows: &[(i64, i64)], voters: i64, by: i64) -> StoreResult<()> {
    let at = now();
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM paper_tallies WHERE step_id = $1")
                .bind(step_id)
                .execute(&mut *tx)
                .await?;
            for (id, votes) in rows {
                sqlx::query(
                    "INSERT INTO paper_tallies (step_id, proposal_id, votes, voters, entered_by, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(step_id)
                .bind(id)
                .bind(votes)
                .bind(voters)
                .bind(by)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// A published result row.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ResultRow {
    pub proposal_id: i64,
    pub title: String,
    pub cost: Option<i64>,
    pub district_name: Option<String>,
    pub online: i64,
    pub paper: i64,
    pub selected: bool,
    pub selection_order: Option<i64>,
}

/// Stores the results of a count: (proposal, online, paper, selection order).
pub async fn save_results(db: &Db, step_id: i64, rows: &[(i64, i64, i64, Option<i64>)]) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM vote_results WHERE step_id = $1")
                .bind(step_id)
                .execute(&mut *tx)
                .await?;
            for (id, online, paper, order) in rows {
                sqlx::query(
                    "INSERT INTO vote_results (step_id, proposal_id, online, paper, selected, selection_order)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(step_id)
                .bind(id)
                .bind(online)
                .bind(paper)
                .bind(order.is_some())
                .bind(order)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

pub async fn results(db: &Db, step_id: i64) -> StoreResult<Vec<ResultRow>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT r.proposal_id, p.title, p.cost, d.name AS district_name, r.online, r.paper, r.selected,
             r.selection_order
         FROM vote_results r JOIN proposals p ON p.id = r.proposal_id LEFT JOIN districts d ON d.id = p.district_id
         WHERE r.step_id = $1 ORDER BY r.online + r.paper DESC, r.proposal_id"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

/// A jury drawn by lot.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Jury {
    pub id: i64,
    pub seed: String,
    pub size: i64,
    pub stratified: bool,
    pub drawn_at: DateTime<Utc>,
}

pub async fn save_jury(
    db: &Db,
    step_id: i64,
    seed: &str,
    stratified: bool,
    members: &[String],
    by: i64,
) -> StoreResult<i64> {
    let at = now();
    let id = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO juries (step_id, seed, size, stratified, drawn_by, drawn_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(step_id)
            .bind(seed)
            .bind(members.len() as i64)
            .bind(stratified)
            .bind(by)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            for m in members {
                sqlx::query("INSERT INTO jury_members (jury_id, pseudonym) VALUES ($1, $2)")
                    .bind(id)
                    .bind(m)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(id)
        }
        .await
    })?;
    Ok(id)
}

pub async fn juries(db: &Db, step_id: i64) -> StoreResult<Vec<(Jury, Vec<String>)>> {
    let list: Vec<Jury> = on_db!(db, |p| sqlx::query_as(
        "SELECT id, seed, size, stratified, drawn_at FROM juries WHERE step_id = $1 ORDER BY id DESC"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    let mut out = Vec::with_capacity(list.len());
    for j in list {
        let members: Vec<(String,)> = on_db!(db, |p| sqlx::query_as(
            "SELECT pseudonym FROM jury_members WHERE jury_id = $1 ORDER BY pseudonym"
        )
        .bind(j.id)
        .fetch_all(p)
        .await)?;
        out.push((j, members.into_iter().map(|m| m.0).collect()));
    }
    Ok(out)
}

/// Votes a proposal received, where the web shows them: the published
/// results, or the live count of a vote whose counts are public. None
/// during a secret ballot.
pub async fn public_votes(db: &Db, proposal_id: i64) -> StoreResult<Option<i64>> {
    let published: Option<i64> = on_db!(db, |p| {
        sqlx::query_scalar(
        "SELECT CAST(SUM(r.online + r.paper) AS BIGINT) FROM vote_results r JOIN vote_settings s ON s.step_id = r.step_id
         WHERE r.proposal_id = $1 AND s.results_published_at IS NOT NULL"
    )
    .bind(proposal_id)
    .fetch_one(p)
    .await
    })?;
    if published.is_some() {
        return Ok(published);
    }
    let live: (i64, i64) = on_db!(db, |p| sqlx::query_as(
        "SELECT CAST(COUNT(DISTINCT b.step_id) AS BIGINT), CAST(COUNT(*) AS BIGINT)
         FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id JOIN vote_settings s ON s.step_id = b.step_id
         WHERE c.proposal_id = $1 AND b.complete AND s.counts_public AND s.results_published_at IS NULL"
    )
    .bind(proposal_id)
    .fetch_one(p)
    .await)?;
    Ok((live.0 > 0).then_some(live.1))
}

/// Complete ballots of a step in pseudonym order, `limit` at a time after
/// the pseudonym `after`: for exports of any size.
pub async fn complete_page(db: &Db, step_id: i64, after: Option<&str>, limit: i64) -> StoreResult<Vec<CountedBallot>> {
    let rows: Vec<BallotRow> = on_db!(db, |p| sqlx::query_as(
        "SELECT id, pseudonym, channel, envelope, complete, voter_district_id, voter_age_band FROM ballots
         WHERE step_id = $1 AND complete AND ($2 IS NULL OR pseudonym > $2) ORDER BY pseudonym LIMIT $3"
    )
    .bind(step_id)
    .bind(after)
    .bind(limit)
    .fetch_all(p)
    .await)?;
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Ok(vec![]);
    };
    let choices: Vec<(i64, i64)> = on_db!(db, |p| sqlx::query_as(
        "SELECT c.ballot_id, c.proposal_id FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id
         WHERE b.step_id = $1 AND b.complete AND b.pseudonym >= $2 AND b.pseudonym <= $3 ORDER BY c.ballot_id, c.rank"
    )
    .bind(step_id)
    .bind(&first.1)
    .bind(&last.1)
    .fetch_all(p)
    .await)?;
    Ok(assemble(rows, choices))
}

/// Number of complete ballots of a step.
pub async fn complete_count(db: &Db, step_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM ballots WHERE step_id = $1 AND complete"
    )
    .bind(step_id)
    .fetch_one(p)
    .await)?)
}

/// Complete ballots of a step grouped three ways, counted by the database:
/// by number of proposals chosen, by voter district, by age band.
#[derive(Debug, Clone, Default)]
pub struct BallotStats {
    /// (number of proposals chosen, ballots), by size.
    pub sizes: Vec<(i64, i64)>,
    pub by_district: Vec<(Option<i64>, i64)>,
    pub by_age_band: Vec<(Option<String>, i64)>,
}

pub async fn stats(db: &Db, step_id: i64) -> StoreResult<BallotStats> {
    let sizes: Vec<(i64, i64)> = on_db!(db, |p| sqlx::query_as(
        "SELECT n, CAST(COUNT(*) AS BIGINT) FROM (
             SELECT CAST(COUNT(c.proposal_id) AS BIGINT) AS n FROM ballots b
             LEFT JOIN ballot_choices c ON c.ballot_id = b.id
             WHERE b.step_id = $1 AND b.complete GROUP BY b.id) s
         GROUP BY n ORDER BY n"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    let by_district: Vec<(Option<i64>, i64)> = on_db!(db, |p| sqlx::query_as(
        "SELECT voter_district_id, CAST(COUNT(*) AS BIGINT) FROM ballots WHERE step_id = $1 AND complete
         GROUP BY voter_district_id"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    let by_age_band: Vec<(Option<String>, i64)> = on_db!(db, |p| sqlx::query_as(
        "SELECT voter_age_band, CAST(COUNT(*) AS BIGINT) FROM ballots WHERE step_id = $1 AND complete
         GROUP BY voter_age_band"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?;
    Ok(BallotStats {
        sizes,
        by_district,
        by_age_band,
    })
}
