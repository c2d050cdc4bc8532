//! `participe export` and `participe import`: the whole-platform archive
//! from the terminal, with a progress bar (drawn only on a terminal).

use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::watch;

use crate::services::archive;
use crate::services::jobs::{Progress, Snapshot};
use crate::storage::Db;

/// Draws a progress bar from a progress report until it ends.
fn bar(mut rx: watch::Receiver<Snapshot>) -> (ProgressBar, tokio::task::JoinHandle<()>) {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{msg:24} [{bar:40}] {human_pos}/{human_len} rows and files ({percent}%) {elapsed}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let drawn = bar.clone();
    let task = tokio::spawn(async move {
        while rx.changed().await.is_ok() {
            let s = rx.borrow_and_update().clone();
            drawn.set_length(s.total);
            drawn.set_position(s.done);
            drawn.set_message(s.message);
        }
    });
    (bar, task)
}

/// Writes the whole platform (database and uploads under `data_dir`) to `output`.
pub async fn export(db: &Db, data_dir: &Path, output: &Path) -> anyhow::Result<()> {
    let (progress, rx) = Progress::new();
    let (bar, task) = bar(rx);
    let started = Instant::now();
    let result = archive::export(db, &archive::uploads_dir(data_dir), output, &progress).await;
    drop(progress);
    let _ = task.await;
    bar.finish_and_clear();
    let summary = result?;
    println!(
        "exported {summary} to {} in {:.1} s",
        output.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Restores an archive into an empty database and its files under `data_dir`.
pub async fn import(db: &Db, data_dir: &Path, file: &Path) -> anyhow::Result<()> {
    let (progress, rx) = Progress::new();
    let (bar, task) = bar(rx);
    let started = Instant::now();
    let result = archive::import(db, &archive::uploads_dir(data_dir), file, &progress).await;
    drop(progress);
    let _ = task.await;
    bar.finish_and_clear();
    let summary = result?;
    println!(
        "imported {summary} from {} in {:.1} s",
        file.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
