//! The `participe` command line. Every flag can also be set with a
//! `PARTICIPE_*` environment variable.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use participe_domain::Role;
use participe_domain::account::{RawSignup, Signup};

use crate::app::{AppState, serve};
use crate::config::{Config, RateLimits, Smtp};
use crate::i18n::Lang;
use crate::services::accounts::{self, CreateError};
use crate::storage::Db;

#[derive(Parser, Debug)]
#[command(
    name = "participe",
    version,
    about = "Participe: a civic participation platform (participatory budgets, consultations, questionnaires)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Migrate the database, then serve the web site.
    Serve(ServeArgs),
    /// Apply the database migrations and exit.
    Migrate(DbArgs),
    /// Load the demo content ("Ville de Démo") once; running it again changes nothing.
    Demo(DemoArgs),
    /// Manage accounts.
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },
    /// Write the whole platform (every table and uploaded file) to one archive (docs/ARCHIVE.md).
    Export(ExportArgs),
    /// Restore an archive made by `export` into a new, empty database (either engine).
    Import(ImportArgs),
    /// Participatory-budget files in the pabulib `.pb` format.
    Pb {
        #[command(subcommand)]
        command: PbCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum PbCommand {
    /// Count a `.pb` file with a rule and print the selected project ids.
    Count {
        /// The `.pb` file.
        file: PathBuf,
        /// greedy, greedy-ratio, mes, mes-add1, mes-add1-feasible, mes-add1-greedy, mes-greedy, phragmen, ees, ees-add-opt, ees-add-opt-skip, …
        #[arg(long, required_unless_present = "all_rules", conflicts_with = "all_rules")]
        rule: Option<String>,
        /// Count with every rule on one reading of the file and print a
        /// table of each rule's selection and time.
        #[arg(long)]
        all_rules: bool,
        /// `text` (one id per line, or the table) or `json` ({"rule", "selected", "total_cost"}).
        #[arg(long, default_value = "text")]
        format: String,
    },
    /// Write a vote step's ballots (online and paper, voters replaced by
    /// random pseudonyms) as a `.pb` file.
    Export {
        /// The vote step's id (shown in its address, /votes/ID).
        step: i64,
        /// Where to write; standard output by default.
        #[arg(long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The archive to write (a ZIP file).
    #[arg(long)]
    pub output: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
    /// Folder whose `uploads/` holds the uploaded files.
    #[arg(long, env = "PARTICIPE_DATA_DIR", default_value = ".")]
    pub data_dir: PathBuf,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The archive to read.
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
    /// Folder whose `uploads/` receives the uploaded files.
    #[arg(long, env = "PARTICIPE_DATA_DIR", default_value = ".")]
    pub data_dir: PathBuf,
}

#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// Database: `sqlite://FILE` (created if missing) or `postgres://USER@HOST:PORT/DB`.
    #[arg(long, env = "PARTICIPE_DATABASE_URL", default_value = "sqlite://participe.db")]
    pub database_url: String,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Folder of uploaded files: with it, the demo projects get their cover images too.
    #[arg(long, env = "PARTICIPE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address and port to listen on.
    #[arg(long, env = "PARTICIPE_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Load the demo content at start (once; never duplicated).
    #[arg(long, env = "PARTICIPE_DEMO")]
    pub demo: bool,
    /// Public address of the site, used in links sent by email. Defaults to http://BIND.
    #[arg(long, env = "PARTICIPE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Folder for uploaded files (an `uploads/` folder is made inside).
    #[arg(long, env = "PARTICIPE_DATA_DIR", default_value = ".")]
    pub data_dir: PathBuf,
    /// SMTP relay for outgoing email, e.g. `smtps://user:pass@smtp.example.org`. Without it,
    /// emails stay in the outbox, readable at /admin/emails, and their text is logged.
    #[arg(long, env = "PARTICIPE_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Sender address of outgoing email.
    #[arg(long, env = "PARTICIPE_SMTP_FROM", default_value = "Participe <noreply@localhost>")]
    pub smtp_from: String,
    /// Time zone in which step dates are entered and shown (IANA name).
    #[arg(long, env = "PARTICIPE_TIMEZONE", default_value = "Europe/Paris")]
    pub timezone: chrono_tz::Tz,
    /// Trust the `X-Forwarded-For` header for client addresses (only behind a reverse proxy).
    #[arg(long, env = "PARTICIPE_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// Log-in attempts allowed per client address every 15 minutes.
    #[arg(long, env = "PARTICIPE_LOGIN_LIMIT", default_value_t = 10)]
    pub login_limit: i64,
    /// Sign-ups allowed per client address every 15 minutes.
    #[arg(long, env = "PARTICIPE_SIGNUP_LIMIT", default_value_t = 10)]
    pub signup_limit: i64,
    /// Password-reset requests allowed per client address every 15 minutes.
    #[arg(long, env = "PARTICIPE_RESET_LIMIT", default_value_t = 5)]
    pub reset_limit: i64,
    /// Messages to proposal authors allowed per client address every 15 minutes.
    #[arg(long, env = "PARTICIPE_CONTACT_LIMIT", default_value_t = 5)]
    pub contact_limit: i64,
    /// Ballots a voter may cast or change every 15 minutes.
    #[arg(long, env = "PARTICIPE_VOTE_LIMIT", default_value_t = 100)]
    pub vote_limit: i64,
    /// GraphQL requests allowed per client address every minute (an API
    /// token gets four times as many).
    #[arg(long, env = "PARTICIPE_API_LIMIT", default_value_t = 300)]
    pub api_limit: i64,
    /// Memory for rendered pages kept for anonymous visitors (at most a second), in MiB; 0 keeps none.
    #[arg(long, env = "PARTICIPE_PAGE_CACHE_MB", default_value_t = crate::config::DEFAULT_PAGE_CACHE_MB)]
    pub page_cache_mb: u64,
    /// Where the built-in fonts' Debian packages put their files.
    #[arg(long, env = "PARTICIPE_FONTS_DIR", default_value = crate::config::FONTS_DIR)]
    pub fonts_dir: PathBuf,
    /// Days without a log-in after which an account is anonymised (its owner
    /// reminded by email 30 days before); 0 never anonymises.
    #[arg(long, env = "PARTICIPE_INACTIVE_DAYS", default_value_t = participe_domain::account_life::DEFAULT_INACTIVE_DAYS)]
    pub inactive_days: i64,
    /// Email domains that may sign up with an email and password, comma
    /// separated (`ville.fr,agglo.fr`; subdomains included); none: every domain.
    #[arg(long, env = "PARTICIPE_SIGNUP_DOMAINS", default_value = "")]
    pub signup_domains: String,
    /// Days the administrators' action log keeps an entry (who changed what,
    /// when, from which address), 1 to 3650.
    #[arg(long, env = "PARTICIPE_ADMIN_LOG_DAYS", default_value_t = participe_domain::admin_log::DEFAULT_KEPT_DAYS)]
    pub admin_log_days: i64,
}

#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// Create a confirmed account; the password is read from standard input (one line).
    Create(CreateUserArgs),
}

#[derive(Args, Debug)]
pub struct CreateUserArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[arg(long)]
    pub email: String,
    /// Display name.
    #[arg(long)]
    pub name: String,
    /// administrator, project_manager, moderator, analyst or participant.
    #[arg(long, default_value = "participant")]
    pub role: String,
}

impl ServeArgs {
    pub fn config(&self) -> Config {
        let public_url = self
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind))
            .trim_end_matches('/')
            .to_string();
        Config {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            data_dir: self.data_dir.clone(),
            timezone: self.timezone,
            smtp: self.smtp_url.clone().map(|url| Smtp {
                url,
                from: self.smtp_from.clone(),
            }),
            trust_proxy: self.trust_proxy,
            rate_limits: RateLimits {
                login: self.login_limit,
                signup: self.signup_limit,
                password_reset: self.reset_limit,
                contact: self.contact_limit,
                vote: self.vote_limit,
                api: self.api_limit,
                window_secs: 900,
            },
            max_upload_bytes: 5 * 1024 * 1024,
            page_cache_bytes: self.page_cache_mb << 20,
            kept_for: crate::config::KEPT_FOR,
            fonts_dir: self.fonts_dir.clone(),
            sso_secrets: crate::config::sso_secrets_from_env(),
            signup_domains: participe_domain::account::parse_domains(&self.signup_domains),
            account_policy: participe_domain::account_life::Policy {
                inactive_days: self.inactive_days.max(0),
                notice_days: participe_domain::account_life::NOTICE_DAYS,
            },
            admin_log_days: participe_domain::admin_log::kept_days(self.admin_log_days),
        }
    }
}

async fn open(db: &DbArgs) -> anyhow::Result<Db> {
    let db = Db::connect(&db.database_url).await?;
    db.migrate().await?;
    Ok(db)
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => {
            let db = open(&args.db).await?;
            let config = args.config();
            if args.demo {
                load_demo_apart(&args.db, &config.data_dir)?;
            }
            let state = AppState::new(db, config);
            serve(state, args.bind).await
        }
        Command::Migrate(args) => {
            let db = open(&args).await?;
            println!("database migrated ({})", db.engine().as_str());
            Ok(())
        }
        Command::Demo(args) => {
            let db = open(&args.db).await?;
            report_demo(crate::demo::load(&db).await?);
            if let Some(dir) = &args.data_dir {
                let files = crate::files::LocalDisk::new(dir.join("uploads"));
                crate::demo_covers::load(&db, &files).await?;
            }
            Ok(())
        }
        Command::Export(args) => {
            let db = open(&args.db).await?;
            crate::archive_cli::export(&db, &args.data_dir, &args.output).await
        }
        Command::Import(args) => {
            let db = open(&args.db).await?;
            crate::archive_cli::import(&db, &args.data_dir, &args.file).await
        }
        Command::Users {
            command: UsersCommand::Create(args),
        } => create_user(args).await,
        Command::Pb {
            command:
                PbCommand::Count {
                    file,
                    rule,
                    all_rules,
                    format,
                },
        } => {
            let json = match format.as_str() {
                "json" => true,
                "text" => false,
                other => anyhow::bail!("unknown format {other:?}; use text or json"),
            };
            let out = match rule {
                Some(rule) if !all_rules => crate::pb_cli::count_command(&file, &rule, json)?,
                _ => crate::pb_cli::all_rules_command(&file, json)?,
            };
            println!("{out}");
            Ok(())
        }
        Command::Pb {
            command: PbCommand::Export { step, output, db },
        } => {
            let db = open(&db).await?;
            use futures_util::StreamExt;
            use std::io::Write;
            let pieces = crate::services::vote_count::pb_export(&db, step)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no vote step with id {step}"))?;
            let mut out: Box<dyn Write> = match &output {
                Some(path) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?,
                )),
                None => Box::new(std::io::stdout().lock()),
            };
            let mut pieces = std::pin::pin!(pieces);
            while let Some(piece) = pieces.next().await {
                out.write_all(piece?.as_bytes())?;
            }
            out.flush()?;
            Ok(())
        }
    }
}

/// Loads the demo (content and covers) in a child process, `participe
/// demo`, and waits for it: what the loader allocates (dozens of Argon2
/// password hashes, decoded images, SQLite's caches of its writes) and the
/// code it runs leave the server's memory with it.
fn load_demo_apart(db: &DbArgs, data_dir: &std::path::Path) -> anyhow::Result<()> {
    let exe = std::env::current_exe()?;
    // Nothing is served yet: waiting here blocks no request.
    let status = std::process::Command::new(exe)
        .arg("demo")
        .arg("--database-url")
        .arg(&db.database_url)
        .arg("--data-dir")
        .arg(data_dir)
        .status()?;
    anyhow::ensure!(status.success(), "loading the demo content failed ({status})");
    Ok(())
}

fn report_demo(loaded: bool) {
    if loaded {
        tracing::info!(
            "demo content loaded; administrator: {} / {}",
            crate::demo::ADMIN_EMAIL,
            crate::demo::ADMIN_PASSWORD
        );
    } else {
        tracing::info!("demo content already present; nothing added");
    }
}

async fn create_user(args: CreateUserArgs) -> anyhow::Result<()> {
    let role = Role::parse(&args.role).map_err(|_| {
        anyhow::anyhow!(
            "unknown role {:?}; use one of administrator, project_manager, moderator, analyst, participant",
            args.role
        )
    })?;
    eprintln!("Password (one line on standard input):");
    let mut password = String::new();
    std::io::stdin().lock().read_line(&mut password)?;
    let password = password.trim_end_matches(['\n', '\r']);
    let raw = RawSignup {
        display_name: &args.name,
        email: &args.email,
        password,
        terms_accepted: true,
    };
    let signup = Signup::parse(&raw).map_err(|e| anyhow::anyhow!("invalid account: {}", describe(&e)))?;
    let db = open(&args.db).await?;
    match accounts::create(&db, &signup, role, Lang::Fr, true).await {
        Ok(id) => {
            println!("created {} account #{id} for {}", role.as_str(), signup.email);
            Ok(())
        }
        Err(CreateError::Fields(e)) => anyhow::bail!("invalid account: {}", describe(&e)),
        Err(CreateError::Other(e)) => Err(e),
    }
}

/// Field errors in English, for the terminal.
fn describe(errors: &participe_domain::FieldErrors) -> String {
    let i18n = crate::i18n::I18n::new();
    errors
        .0
        .iter()
        .map(|e| format!("{}: {}", e.field, i18n.t(Lang::En, e.code, None)))
        .collect::<Vec<_>>()
        .join("; ")
}
