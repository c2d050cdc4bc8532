//! Every counting method against the reference outcomes of pabutools 1.2.3
//! (`shared/pb/instances/*.expected.json`, see `shared/pb/README.md`).
//!
//! For each `.pb` file, every result whose `status` is `ok` is recomputed and
//! its selected set and total cost compared; all mismatches are reported
//! together. The instances live outside the repository (in `shared/`, beside
//! the work tree): when the folder is missing the test fails under CI
//! (`CI=true`) and is skipped with a message otherwise.
//!
//! For debugging: `PB_INSTANCES_DIR` replaces the folder, `PB_ONLY=Assen`
//! limits the files (substring of the path), `PB_KEYS=mes_cost,phragmen` the
//! keys, and `PB_VERBOSE=1` prints each timing (with `--nocapture`).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use participe_domain::pb::{self, Counter, Method, rational_to_string};
use serde_json::Value;

/// `shared/pb/instances` beside the work tree, or `PB_INSTANCES_DIR`.
fn instances_dir() -> PathBuf {
    match std::env::var_os("PB_INSTANCES_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pb/instances"),
    }
}

fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

struct Report {
    instance: String,
    checked: usize,
    skipped: Vec<String>,
    mismatches: Vec<String>,
    elapsed: Duration,
}

fn check_instance(pb_path: &Path) -> Report {
    let name = pb_path.file_name().unwrap().to_string_lossy().into_owned();
    let started = Instant::now();
    let mut report = Report {
        instance: name.clone(),
        checked: 0,
        skipped: Vec::new(),
        mismatches: Vec::new(),
        elapsed: Duration::ZERO,
    };
    let expected_path = pb_path.with_file_name(name.replace(".pb", ".expected.json"));
    let expected: Value = match std::fs::read_to_string(&expected_path) {
        Ok(text) => serde_json::from_str(&text).expect("expected.json is valid JSON"),
        Err(err) => {
            report
                .mismatches
                .push(format!("{name}: cannot read {}: {err}", expected_path.display()));
            return report;
        }
    };
    let text = std::fs::read_to_string(pb_path).expect("readable .pb file");
    let election = match pb::parse(&text) {
        Ok(e) => e,
        Err(err) => {
            report.mismatches.push(format!("{name}: parse error: {err}"));
            return report;
        }
    };
    let meta_votes = expected["meta"]["num_votes"].as_u64();
    if meta_votes != Some(election.num_voters() as u64) {
        report.mismatches.push(format!(
            "{name}: {} ballots parsed, the reference counted {meta_votes:?}",
            election.num_voters()
        ));
    }
    let mut counter = Counter::new(&election);
    for result in expected["results"].as_array().expect("results array") {
        let key = result["key"].as_str().expect("key");
        let status = result["status"].as_str().unwrap_or("?");
        if status != "ok" {
            report.skipped.push(format!("{key} ({status})"));
            continue;
        }
        let Some(method) = Method::from_key(key) else {
            report
                .mismatches
                .push(format!("{name} / {key}: no method for this key"));
            continue;
        };
        if let Ok(only) = std::env::var("PB_KEYS")
            && !only.split(',').any(|k| k == key)
        {
            continue;
        }
        let key_started = Instant::now();
        let outcome = counter.run(method);
        if std::env::var_os("PB_VERBOSE").is_some() {
            eprintln!("  {name} / {key}: {:.2}s", key_started.elapsed().as_secs_f64());
        }
        let outcome = match outcome {
            Ok(o) => o,
            Err(err) => {
                report.mismatches.push(format!("{name} / {key}: {err}"));
                continue;
            }
        };
        report.checked += 1;
        let want: BTreeSet<String> = result["selected"]
            .as_array()
            .expect("selected")
            .iter()
            .map(|v| v.as_str().expect("id").to_string())
            .collect();
        let got: BTreeSet<String> = outcome.selected_ids(&election).into_iter().collect();
        let want_cost = result["total_cost_exact"].as_str().expect("total_cost_exact");
        let got_cost = rational_to_string(&outcome.total_cost);
        if want != got || want_cost != got_cost {
            let missing: Vec<&String> = want.difference(&got).collect();
            let extra: Vec<&String> = got.difference(&want).collect();
            report.mismatches.push(format!(
                "{name} / {key}: expected {} projects costing {want_cost}, got {} costing {got_cost}; \
                 missing {missing:?}, extra {extra:?}",
                want.len(),
                got.len()
            ));
        }
    }
    report.elapsed = started.elapsed();
    report
}

#[test]
fn every_rule_matches_the_reference_on_every_instance() {
    let dir = instances_dir();
    if !dir.is_dir() {
        let message = format!(
            "pb instances folder {} is missing (it comes with shared/)",
            dir.display()
        );
        if on_ci() {
            panic!("{message}");
        }
        // Straight to stderr: the test harness hides what `eprintln!` prints.
        let _ = writeln!(std::io::stderr(), "SKIPPED pb instances: {message}");
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("readable instances folder")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .filter(|p| std::env::var("PB_ONLY").map_or(true, |only| p.to_string_lossy().contains(&only)))
        .collect();
    assert!(!files.is_empty(), "no .pb file in {}", dir.display());
    // Smallest first, as the workers pop from the end: the largest go first,
    // so the workers finish together.
    files.sort_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));

    let queue = Mutex::new(files);
    let reports = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().unwrap().pop();
                    let Some(path) = next else { break };
                    let report = check_instance(&path);
                    reports.lock().unwrap().push(report);
                }
            });
        }
    });

    let mut reports = reports.into_inner().unwrap();
    reports.sort_by(|a, b| a.instance.cmp(&b.instance));
    let mut checked = 0;
    let mut skipped = 0;
    let mut mismatches = Vec::new();
    for r in &reports {
        eprintln!(
            "{:<75} {:>2} checked, skipped [{}] in {:.1}s",
            r.instance,
            r.checked,
            r.skipped.join(", "),
            r.elapsed.as_secs_f64()
        );
        checked += r.checked;
        skipped += r.skipped.len();
        mismatches.extend(r.mismatches.iter().cloned());
    }
    let _ = writeln!(
        std::io::stderr(),
        "pb instances: {} files, {checked} instance×rule checks, {skipped} reference entries not ok (skipped), {} mismatches",
        reports.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
