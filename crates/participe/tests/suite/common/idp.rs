//! The OpenID Connect provider of the single sign-on tests: the certified
//! `oidc-provider` npm package, started once per test binary with node
//! (e2e/idp/oidc.mjs, installed by `npm ci` in e2e/, which the test command
//! runs first), and a browser on its side.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

pub const PUBLIC_URL: &str = "http://127.0.0.1:8080";
pub const SECRET: &str = "a-client-secret-for-tests";

/// The provider, started once for this test binary; it stops when the
/// binary ends (its standard input closes).
pub struct Idp {
    pub issuer: String,
    _child: Child,
}

fn e2e_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../e2e")
}

/// Whether the npm package the test command installs in e2e/ is there;
/// without it, a message saying what is skipped (under CI, a failure).
pub fn npm_package(name: &str, skipped: &str) -> bool {
    if e2e_dir().join("node_modules").join(name).exists() {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but e2e/node_modules/{name} is missing: run `npm ci` in e2e/");
    }
    eprintln!("SKIPPED: {skipped} (run `npm ci` in e2e/)");
    false
}

/// Starts `node e2e/SCRIPT CONFIG.json`; returns it and the first line it
/// prints (its address). What it prints afterwards goes to the test's
/// output, tagged; it stops when the test binary ends (its input closes).
pub fn start_node(script: &str, config: &serde_json::Value, tag: &'static str) -> (Child, String) {
    let dir = e2e_dir();
    let path = std::env::temp_dir().join(format!(
        "participe-{tag}-{}-{}.json",
        std::process::id(),
        participe::security::random_token()
    ));
    std::fs::write(&path, config.to_string()).unwrap();
    let mut child = Command::new("node")
        .arg(dir.join(script))
        .arg(&path)
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node (the test command installs it)");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    std::thread::spawn(move || {
        for l in out.lines().map_while(Result::ok) {
            eprintln!("[{tag}] {l}");
        }
    });
    (child, line)
}

/// The provider, or None (with a message) when node or the npm packages
/// are missing; under CI that is a failure.
pub fn idp() -> Option<&'static Idp> {
    static IDP: OnceLock<Option<Idp>> = OnceLock::new();
    IDP.get_or_init(|| {
        if !npm_package("oidc-provider", "single sign-on tests need the OpenID Connect provider") {
            return None;
        }
        let config = serde_json::json!({
            "clients": [
                {
                    "client_id": "participe",
                    "client_secret": SECRET,
                    "redirect_uris": [format!("{PUBLIC_URL}/login/sso/ville/callback")],
                    "post_logout_redirect_uris": [format!("{PUBLIC_URL}/")],
                },
                {
                    "client_id": "participe-public",
                    "redirect_uris": [format!("{PUBLIC_URL}/login/sso/agents/callback")],
                    "post_logout_redirect_uris": [format!("{PUBLIC_URL}/")],
                },
                // "FranceConnect-like": identities it verifies, with an eIDAS level.
                {
                    "client_id": "participe-fc",
                    "redirect_uris": [format!("{PUBLIC_URL}/login/sso/fc-like/callback")],
                    "post_logout_redirect_uris": [format!("{PUBLIC_URL}/")],
                },
            ],
            "acr_values": ["eidas1"],
        });
        let (child, line) = start_node("idp/oidc.mjs", &config, "oidc-provider");
        let issuer = line
            .strip_prefix("ISSUER ")
            .unwrap_or_else(|| panic!("the provider did not start: {line}"))
            .trim()
            .to_string();
        Some(Idp { issuer, _child: child })
    })
    .as_ref()
}

/// A browser on the provider's side: follows its redirects, keeping its
/// cookies, until it is sent back to Participe; returns that path.
pub async fn through_provider(url: &str, login: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    let mut url = format!("{url}&login_hint={login}");
    for _ in 0..10 {
        let res = http.get(&url).send().await.unwrap();
        let location = res
            .headers()
            .get("location")
            .unwrap_or_else(|| panic!("no redirect from {url}: {}", res.status()))
            .to_str()
            .unwrap()
            .to_string();
        if let Some(path) = location.strip_prefix(PUBLIC_URL) {
            return path.to_string();
        }
        url = if location.starts_with('/') {
            format!("{}{location}", idp().unwrap().issuer)
        } else {
            location
        };
    }
    panic!("the provider never sent the browser back");
}
