//! `scripts/jury_draw.py` (the re-run anyone can do with Python's standard
//! library) draws the same jury as `participe_domain::jury::draw`, in both
//! modes, on a generated list of 200 voters in 5 districts (and a few without
//! one), with pseudonyms that need CSV quoting.
//!
//! When `python3` is missing the test is skipped with a message, and fails
//! under CI (`CI=true`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use participe_domain::jury::draw;

fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// 200 voters: uneven districts, 20 without a district, some awkward pseudonyms.
fn voters() -> Vec<(String, Option<String>)> {
    let districts = ["Nord", "Sud", "Est", "Ouest", "Centre-Ville"];
    let awkward = ["a,b", "quote\"d", "Zoé Ünal", "  spaced ", "semi;colon"];
    (0..200)
        .map(|i| {
            let pseudonym = match awkward.get(i % 40) {
                Some(a) => format!("{a}{i}"),
                None => format!("citoyen-{:04x}", i * 7919 % 65536),
            };
            // Uneven sizes: 80, 40, 30, 20 and 10 voters, and 20 without a district.
            let district = match (i * 7) % 20 {
                0..=7 => Some(districts[0]),
                8..=11 => Some(districts[1]),
                12..=14 => Some(districts[2]),
                15..=16 => Some(districts[3]),
                17 => Some(districts[4]),
                _ => None,
            };
            let district = district.map(str::to_string);
            (pseudonym, district)
        })
        .collect()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Runs the script; `None` when python3 cannot be started.
fn python_draw(seed: &str, n: usize, stratified: bool, csv: &str) -> Option<Vec<String>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/jury_draw.py");
    let mut command = Command::new("python3");
    command.arg(&script).arg(seed).arg(n.to_string());
    if stratified {
        command.arg("--stratified");
    }
    let mut child = match command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return None,
        Err(err) => panic!("cannot run python3: {err}"),
    };
    child.stdin.take().unwrap().write_all(csv.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "jury_draw.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    Some(text.lines().map(str::to_string).collect())
}

#[test]
fn the_python_script_draws_the_same_jury() {
    let voters = voters();
    let districts: std::collections::BTreeSet<_> = voters.iter().filter_map(|(_, d)| d.clone()).collect();
    assert_eq!(districts.len(), 5);
    let mut csv = String::from("pseudonym,district\n");
    for (p, d) in &voters {
        csv.push_str(&format!("{},{}\n", csv_field(p), csv_field(d.as_deref().unwrap_or(""))));
    }
    let mut runs = 0;
    for seed in ["3f9a0c1d2e4b5a6978877665544332211", "jury-2026"] {
        // n = 5 ends on a tie of remainders ("" and Ouest, 0.5 each), which name order settles.
        for n in [1, 5, 12, 37, 199, 200, 250] {
            for stratified in [false, true] {
                let want = draw(seed, &voters, n, stratified);
                let Some(got) = python_draw(seed, n, stratified, &csv) else {
                    let message = "python3 is missing: the jury draw script was not checked";
                    if on_ci() {
                        panic!("{message}");
                    }
                    let _ = writeln!(std::io::stderr(), "SKIPPED {message}");
                    return;
                };
                assert_eq!(got, want, "seed {seed}, n {n}, stratified {stratified}");
                assert_eq!(want.len(), n.min(200));
                runs += 1;
            }
        }
    }
    assert_eq!(runs, 28);
}
