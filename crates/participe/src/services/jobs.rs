//! Long operations run in the background: a `jobs` row, a tokio task doing
//! the work, and its progress written to the row every few hundred items
//! (and every few seconds as a heartbeat), so the back office can show it
//! from any app server. A job whose heartbeat stopped (its server stopped or
//! crashed) is marked failed at start and before jobs are listed.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::watch;

use crate::storage::{Db, jobs};

/// How often a running job proves it is alive.
pub const HEARTBEAT: std::time::Duration = std::time::Duration::from_secs(10);
/// A queued or running job silent for longer than this was abandoned.
pub fn abandoned_after() -> chrono::Duration {
    chrono::Duration::seconds(60)
}
/// Progress is written to the database every this many items.
pub const REPORT_EVERY: u64 = 250;

/// Where a long operation stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub done: u64,
    pub total: u64,
    pub message: String,
}

/// The sending side of a progress report, cheap to clone and to update for
/// every item: whoever watches (a terminal progress bar, the job runner)
/// reads the latest snapshot at its own pace.
#[derive(Clone)]
pub struct Progress(Arc<watch::Sender<Snapshot>>);

impl Progress {
    pub fn new() -> (Progress, watch::Receiver<Snapshot>) {
        let (tx, rx) = watch::channel(Snapshot::default());
        (Progress(Arc::new(tx)), rx)
    }

    /// A report nobody watches.
    pub fn silent() -> Progress {
        Progress::new().0
    }

    pub fn start(&self, total: u64, message: &str) {
        self.0.send_modify(|s| {
            s.done = 0;
            s.total = total;
            s.message = message.to_string();
        });
    }

    pub fn advance(&self, items: u64) {
        self.0.send_modify(|s| s.done += items);
    }

    pub fn message(&self, message: &str) {
        self.0.send_modify(|s| s.message = message.to_string());
    }

    pub fn snapshot(&self) -> Snapshot {
        self.0.borrow().clone()
    }
}

/// What a finished job leaves behind.
pub struct Outcome {
    /// A file for the job's owner to download (a name, not a path).
    pub result_path: Option<String>,
    pub message: String,
}

/// Marks failed the jobs left queued or running by a server that stopped.
pub async fn recover(db: &Db) -> crate::storage::StoreResult<u64> {
    let n = jobs::fail_abandoned(
        db,
        abandoned_after(),
        "interrupted: the server stopped before the job finished",
    )
    .await?;
    if n > 0 {
        tracing::warn!("{n} background job(s) interrupted by a stop of the server, marked failed");
    }
    Ok(n)
}

/// Runs `work` for the job `id` in a tokio task; returns at once.
pub fn spawn<F, Fut>(db: Db, id: i64, work: F) -> tokio::task::JoinHandle<()>
where
    F: FnOnce(Progress) -> Fut + Send + 'static,
    Fut: Future<Output = anyhow::Result<Outcome>> + Send + 'static,
{
    tokio::spawn(async move {
        let (progress, rx) = Progress::new();
        if let Err(e) = jobs::set_progress(&db, id, 0, 0, "").await {
            tracing::warn!("job {id}: {e}");
        }
        let reporter = tokio::spawn(report(db.clone(), id, rx));
        let result = tokio::spawn(work(progress.clone())).await;
        reporter.abort();
        let _ = reporter.await;
        // Where it stopped, whatever the reporter had time to write.
        let last = progress.snapshot();
        if let Err(e) = jobs::set_progress(&db, id, last.done as i64, last.total as i64, &last.message).await {
            tracing::warn!("job {id}: cannot record progress: {e}");
        }
        let written = match result {
            Ok(Ok(outcome)) => {
                tracing::info!("job {id} done: {}", outcome.message);
                jobs::finish(&db, id, outcome.result_path.as_deref(), &outcome.message).await
            }
            Ok(Err(e)) => {
                tracing::warn!("job {id} failed: {e:#}");
                jobs::fail(&db, id, &format!("{e:#}")).await
            }
            Err(e) => {
                tracing::error!("job {id} stopped: {e}");
                jobs::fail(&db, id, "the job stopped unexpectedly").await
            }
        };
        if let Err(e) = written {
            tracing::error!("job {id}: cannot record its end: {e}");
        }
    })
}

/// Writes progress to the job's row every `REPORT_EVERY` items, when the
/// total or message changes, and at every heartbeat.
async fn report(db: Db, id: i64, mut rx: watch::Receiver<Snapshot>) {
    let mut written = Snapshot::default();
    let mut heartbeat = tokio::time::interval(HEARTBEAT);
    heartbeat.tick().await;
    loop {
        let beat = tokio::select! {
            changed = rx.changed() => {
                if changed.is_err() {
                    return;
                }
                false
            }
            _ = heartbeat.tick() => true,
        };
        let now = rx.borrow_and_update().clone();
        let due = beat
            || now.done >= written.done + REPORT_EVERY
            || now.total != written.total
            || now.message != written.message;
        if due {
            let (done, total) = (now.done as i64, now.total as i64);
            if let Err(e) = jobs::set_progress(&db, id, done, total, &now.message).await {
                tracing::warn!("job {id}: cannot record progress: {e}");
            }
            written = now;
        }
    }
}
