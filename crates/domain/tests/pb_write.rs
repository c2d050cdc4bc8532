//! The `.pb` writer against every reference instance: writing a parsed file
//! and parsing the text again gives back the same election (META, budget,
//! vote type, projects with their names and `selected`, ballots, points).
//!
//! The instances live outside the repository (in `shared/`, beside the work
//! tree): when the folder is missing the test fails under CI (`CI=true`) and
//! is skipped with a message otherwise, as `pb_instances.rs` does.

use std::io::Write;
use std::path::{Path, PathBuf};

use participe_domain::pb::write::{Extras, write};
use participe_domain::pb::{self, Election};

fn instances_dir() -> PathBuf {
    match std::env::var_os("PB_INSTANCES_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pb/instances"),
    }
}

fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Returns the first difference between two elections, ignoring line numbers and warnings.
fn difference(a: &Election, b: &Election) -> Option<String> {
    if a.meta != b.meta {
        return Some(format!("META differs:\n{:?}\n{:?}", a.meta, b.meta));
    }
    if a.vote_type != b.vote_type || a.budget != b.budget {
        return Some(format!(
            "vote_type/budget: {:?} {} vs {:?} {}",
            a.vote_type, a.budget, b.vote_type, b.budget
        ));
    }
    if a.projects.len() != b.projects.len() {
        return Some(format!("{} projects vs {}", a.projects.len(), b.projects.len()));
    }
    for (p, q) in a.projects.iter().zip(&b.projects) {
        if (&p.id, &p.cost, &p.name, &p.selected) != (&q.id, &q.cost, &q.name, &q.selected) {
            return Some(format!("project {p:?} vs {q:?}"));
        }
    }
    if a.ballots != b.ballots {
        let at = a.ballots.iter().zip(&b.ballots).position(|(x, y)| x != y);
        return Some(format!(
            "ballots differ ({} vs {}, first difference at {at:?})",
            a.ballots.len(),
            b.ballots.len()
        ));
    }
    if a.points != b.points {
        return Some("points differ".to_string());
    }
    None
}

#[test]
fn every_instance_survives_write_then_parse() {
    let dir = instances_dir();
    if !dir.is_dir() {
        let message = format!(
            "pb instances folder {} is missing (it comes with shared/)",
            dir.display()
        );
        if on_ci() {
            panic!("{message}");
        }
        let _ = writeln!(std::io::stderr(), "SKIPPED pb write round trip: {message}");
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("readable instances folder")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .pb file in {}", dir.display());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        let text = std::fs::read_to_string(path).expect("readable .pb file");
        let election = pb::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!election.projects.is_empty(), "{name}: no project");
        let written = write(&election, &Extras::default());
        match pb::parse(&written) {
            Err(err) => failures.push(format!("{name}: the written text does not parse: {err}")),
            Ok(back) => {
                if let Some(diff) = difference(&election, &back) {
                    failures.push(format!("{name}: {diff}"));
                }
                // Writing again gives the same text.
                if write(&back, &Extras::default()) != written {
                    failures.push(format!("{name}: a second write differs from the first"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let _ = writeln!(std::io::stderr(), "pb write round trip: {} files", files.len());
}
