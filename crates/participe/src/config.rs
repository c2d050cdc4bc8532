//! Runtime configuration of the web server, built from command-line flags
//! and `PARTICIPE_*` environment variables (see `cli.rs`).

use std::path::PathBuf;

/// SMTP relay settings; without them emails stay in the outbox.
#[derive(Debug, Clone)]
pub struct Smtp {
    /// `smtp://user:pass@host:587` (STARTTLS) or `smtps://…` (TLS).
    pub url: String,
    pub from: String,
}

#[derive(Debug, Clone)]
pub struct RateLimits {
    /// Log-in attempts per client address per window.
    pub login: i64,
    /// Sign-ups per client address per window.
    pub signup: i64,
    /// Password-reset requests per client address per window.
    pub password_reset: i64,
    /// Messages to proposal authors per client address per window.
    pub contact: i64,
    /// Ballots (cast or changed) per voter per window.
    pub vote: i64,
    /// GraphQL requests per client address per minute (four times as many per API token).
    pub api: i64,
    /// Window length in seconds.
    pub window_secs: i64,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            login: 10,
            signup: 10,
            password_reset: 5,
            contact: 5,
            vote: 100,
            api: 300,
            window_secs: 900,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Address people use to reach the site, for links in emails.
    pub public_url: String,
    /// Where uploaded files are kept.
    pub data_dir: PathBuf,
    /// Mark cookies `Secure` (on when `public_url` is https).
    pub secure_cookies: bool,
    /// Time zone in which step dates are typed and shown.
    pub timezone: chrono_tz::Tz,
    pub smtp: Option<Smtp>,
    /// Take the client address from `X-Forwarded-For` (behind a reverse proxy).
    pub trust_proxy: bool,
    pub rate_limits: RateLimits,
    /// Largest accepted upload, in bytes.
    pub max_upload_bytes: usize,
    /// Bytes of rendered pages kept for anonymous visitors (0: none kept).
    pub page_cache_bytes: u64,
    /// How long pages for anonymous visitors and vote steps are kept in
    /// memory (a change made on another server shows within this time).
    pub kept_for: std::time::Duration,
    /// Where the built-in fonts' files are read from (`domain::fonts`).
    pub fonts_dir: PathBuf,
    /// Single sign-on providers' client secrets by provider slug, from the
    /// `PARTICIPE_SSO_SECRET_<SLUG>` variables (never stored in the database).
    pub sso_secrets: std::collections::HashMap<String, String>,
    /// When inactive accounts are reminded, then anonymised.
    pub account_policy: participe_domain::account_life::Policy,
    /// Email domains that may sign up with an email and password (empty: all).
    pub signup_domains: Vec<String>,
    /// Days the administrators' action log keeps an entry.
    pub admin_log_days: i64,
}

/// Where Debian's font packages put their files.
pub const FONTS_DIR: &str = "/usr/share/fonts";

/// Default size of the rendered-page cache, in MiB.
pub const DEFAULT_PAGE_CACHE_MB: u64 = 16;
/// How long `serve` keeps pages and vote steps in memory.
pub const KEPT_FOR: std::time::Duration = std::time::Duration::from_secs(1);

impl Config {
    /// Defaults for a local run and for tests.
    pub fn local(data_dir: PathBuf) -> Config {
        Config {
            public_url: "http://127.0.0.1:8080".into(),
            data_dir,
            secure_cookies: false,
            timezone: chrono_tz::Europe::Paris,
            smtp: None,
            trust_proxy: false,
            rate_limits: RateLimits::default(),
            max_upload_bytes: 5 * 1024 * 1024,
            // Tests read pages and cast ballots right after writing to the
            // database directly: nothing is kept. `serve` keeps them a
            // second; tests/suite/page_cache.rs checks the cache's rules with
            // servers that keep pages.
            page_cache_bytes: 0,
            kept_for: std::time::Duration::ZERO,
            fonts_dir: PathBuf::from(FONTS_DIR),
            sso_secrets: Default::default(),
            account_policy: Default::default(),
            signup_domains: Vec::new(),
            admin_log_days: participe_domain::admin_log::DEFAULT_KEPT_DAYS,
        }
    }
}

/// The single sign-on client secrets found in the environment, by slug
/// (`PARTICIPE_SSO_SECRET_VILLE_DE_X` is the secret of `ville-de-x`).
pub fn sso_secrets_from_env() -> std::collections::HashMap<String, String> {
    const PREFIX: &str = "PARTICIPE_SSO_SECRET_";
    std::env::vars()
        .filter_map(|(k, v)| {
            let slug = k.strip_prefix(PREFIX)?.to_ascii_lowercase().replace('_', "-");
            (!v.is_empty()).then_some((slug, v))
        })
        .collect()
}
