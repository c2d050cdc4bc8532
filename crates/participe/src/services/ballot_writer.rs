//! Group commit of ballots: the ballots of voters who submit at the same
//! moment are written in one transaction, so that one flush to disk (SQLite
//! in FULL synchronous mode, PostgreSQL's WAL flush) covers them all instead
//! of one each.
//!
//! Each voter's request waits for the commit of the transaction that holds
//! their ballot before it is answered: a 303 still means "durable". If a
//! batch fails as a whole (a proposal deleted meanwhile, a lost
//! connection), its ballots are written again one transaction each, so one
//! bad ballot never costs the others theirs. Writers take whatever ballots
//! are waiting (at most `MAX_BATCH`) as soon as the previous transaction of
//! theirs committed: under light load a batch is one ballot and nothing
//! waits for a timer.

use std::sync::{Arc, OnceLock};

use tokio::sync::{Mutex, mpsc, oneshot};

use crate::storage::ballots::{self, Ballot, NewBallot};
use crate::storage::{Db, Engine, StoreError, StoreResult};

/// Most ballots written in one transaction.
pub const MAX_BATCH: usize = 128;

/// A ballot waiting for its transaction.
pub struct Pending {
    pub step_id: i64,
    pub envelope: i64,
    pub voter_id: Option<i64>,
    pub choices: Vec<i64>,
    pub complete: bool,
    pub voter_district_id: Option<i64>,
    pub voter_age_band: Option<String>,
    pub entered_by: Option<i64>,
}

impl Pending {
    fn view(&self) -> NewBallot<'_> {
        NewBallot {
            step_id: self.step_id,
            envelope: self.envelope,
            voter_id: self.voter_id,
            choices: &self.choices,
            complete: self.complete,
            voter_district_id: self.voter_district_id,
            voter_age_band: self.voter_age_band.as_deref(),
            entered_by: self.entered_by,
        }
    }
}

type Job = (Pending, oneshot::Sender<StoreResult<Ballot>>);

/// The writers of one server. They start with the first ballot, in the
/// runtime that serves it.
#[derive(Default)]
pub struct BallotWriter {
    queue: OnceLock<mpsc::UnboundedSender<Job>>,
}

impl BallotWriter {
    /// Records a ballot (replacing the voter's earlier one in its envelope)
    /// and returns once it is committed.
    pub async fn cast(&self, db: &Db, ballot: Pending) -> StoreResult<Ballot> {
        let queue = self.queue.get_or_init(|| start(db.clone()));
        let (reply, answer) = oneshot::channel();
        if let Err(mpsc::error::SendError((ballot, _))) = queue.send((ballot, reply)) {
            // The writers are gone (the runtime that started them stopped):
            // write it here.
            return ballots::cast(db, &ballot.view()).await;
        }
        answer.await.map_err(|_| StoreError::Db(sqlx::Error::WorkerCrashed))?
    }
}

fn start(db: Db) -> mpsc::UnboundedSender<Job> {
    let (tx, rx) = mpsc::unbounded_channel::<Job>();
    let rx = Arc::new(Mutex::new(rx));
    // SQLite has one writer at a time; PostgreSQL takes several
    // transactions at once, and their flushes group on the server.
    let writers = match db.engine() {
        Engine::Sqlite => 1,
        Engine::Postgres => 4,
    };
    for _ in 0..writers {
        let (db, rx) = (db.clone(), rx.clone());
        tokio::spawn(async move {
            while let Some(batch) = next_batch(&rx).await {
                write(&db, batch).await;
            }
        });
    }
    tx
}

/// Waits for a ballot, then takes those already waiting behind it.
async fn next_batch(rx: &Mutex<mpsc::UnboundedReceiver<Job>>) -> Option<Vec<Job>> {
    let mut rx = rx.lock().await;
    let first = rx.recv().await?;
    let mut batch = vec![first];
    while batch.len() < MAX_BATCH {
        match rx.try_recv() {
            Ok(job) => batch.push(job),
            Err(_) => break,
        }
    }
    Some(batch)
}

async fn write(db: &Db, batch: Vec<Job>) {
    let views: Vec<NewBallot<'_>> = batch.iter().map(|(p, _)| p.view()).collect();
    match ballots::cast_many(db, &views).await {
        Ok(stored) => {
            drop(views);
            for ((_, reply), ballot) in batch.into_iter().zip(stored) {
                let _ = reply.send(Ok(ballot));
            }
        }
        Err(e) if batch.len() == 1 => {
            drop(views);
            let _ = batch.into_iter().next().map(|(_, reply)| reply.send(Err(e)));
        }
        Err(e) => {
            tracing::warn!(
                "a batch of {} ballots failed ({e}); writing them one by one",
                batch.len()
            );
            drop(views);
            for (pending, reply) in batch {
                let _ = reply.send(ballots::cast(db, &pending.view()).await);
            }
        }
    }
}
