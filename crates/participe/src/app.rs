//! The application: shared state and start-up, used by `main` and by tests
//! alike.

use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::Arc;

use axum::Router;

use crate::config::Config;
use crate::files::{FileStore, LocalDisk};
use crate::i18n::I18n;
use crate::storage::Db;

pub struct Inner {
    pub db: Db,
    pub config: Config,
    pub i18n: Arc<I18n>,
    pub templates: minijinja::Environment<'static>,
    pub files: Box<dyn FileStore>,
    /// Live counters streamed to visitors.
    pub live: crate::services::live::LiveHub,
    /// Project counters shown on pages, at most a second old.
    pub counters: crate::services::counters_cache::CountersCache,
    /// The organisation's settings, at most a second old.
    pub org: crate::services::org_cache::OrgCache,
    /// Questionnaire results, recomputed only when replies change.
    pub questionnaire_results: crate::services::questionnaire_results::ResultsCache,
    /// Rendered pages for anonymous visitors, at most a second old.
    pub pages: crate::services::page_cache::PageCache,
    /// Ballots written in groups, one transaction per group.
    pub ballots: crate::services::ballot_writer::BallotWriter,
    /// How often each person may vote or contribute.
    pub person_limits: crate::services::person_limits::PersonLimits,
    /// Vote steps with their candidates, at most a second old.
    pub vote_steps: crate::services::vote_steps::VoteSteps,
    /// Collect steps with their forms and taxonomies, at most a second old.
    pub collect_steps: crate::services::collect_steps::CollectSteps,
    /// Proposal lists' counts and random orders, at most a second old.
    pub proposal_lists: crate::services::proposal_lists::ProposalLists,
    /// Projects with their steps, at most a second old.
    pub project_steps: crate::services::project_steps::ProjectStepsCache,
    /// The header and footer menus, at most a second old.
    pub menus: crate::services::menus::MenuCache,
    /// Each language's translated content, at most a second old.
    pub translations: crate::services::translations::TranslationCache,
    /// Single sign-on: the providers' HTTP client and discovery documents.
    pub sso: crate::services::sso::Sso,
}

/// Shared, cheaply cloned state of the running application.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(db: Db, config: Config) -> AppState {
        let i18n = Arc::new(I18n::new());
        let templates = crate::web::render::environment(i18n.clone(), config.timezone);
        let files = Box::new(LocalDisk::new(config.data_dir.join("uploads")));
        let pages = crate::services::page_cache::PageCache::new(config.page_cache_bytes, config.kept_for);
        let vote_steps = crate::services::vote_steps::VoteSteps::new(config.kept_for);
        let collect_steps = crate::services::collect_steps::CollectSteps::new(config.kept_for);
        let proposal_lists = crate::services::proposal_lists::ProposalLists::new(config.kept_for);
        let project_steps = crate::services::project_steps::ProjectStepsCache::new(config.kept_for);
        let menus = crate::services::menus::MenuCache::new(config.kept_for);
        let translations = crate::services::translations::TranslationCache::new(config.kept_for);
        let person_limits = crate::services::person_limits::PersonLimits::new(
            config.rate_limits.vote,
            std::time::Duration::from_secs(config.rate_limits.window_secs.max(1) as u64),
        );
        AppState(Arc::new(Inner {
            db,
            config,
            i18n,
            templates,
            files,
            live: crate::services::live::LiveHub::default(),
            counters: Default::default(),
            questionnaire_results: Default::default(),
            org: Default::default(),
            pages,
            ballots: Default::default(),
            person_limits,
            vote_steps,
            collect_steps,
            proposal_lists,
            project_steps,
            menus,
            translations,
            sso: crate::services::sso::Sso::new(),
        }))
    }

    /// Drops what is kept in memory for at most a second (pages for
    /// anonymous visitors, projects and their steps, list counts), after a
    /// change made on this server.
    pub fn forget_kept(&self) {
        self.pages.forget_all();
        self.vote_steps.forget_all();
        self.collect_steps.forget_all();
        self.proposal_lists.forget_all();
        self.project_steps.forget_all();
        self.menus.forget_all();
        self.translations.forget_all();
    }

    pub fn router(&self) -> Router {
        crate::web::router(self.clone())
    }
}

/// Serves the site on `bind` until Ctrl-C or SIGTERM.
pub async fn serve(state: AppState, bind: SocketAddr) -> anyhow::Result<()> {
    if let Some(smtp) = state.config.smtp.clone() {
        crate::mail::spawn_worker(state.db.clone(), smtp);
    }
    // Jobs left running by a server that stopped or crashed are marked failed.
    crate::services::jobs::recover(&state.db).await?;
    spawn_scheduler(state.clone());
    use axum::serve::ListenerExt;
    let listener = tokio::net::TcpListener::bind(bind).await?;
    tracing::info!("Participe listening on http://{}", listener.local_addr()?);
    // Without TCP_NODELAY a response's last small segment can wait for the
    // client's delayed acknowledgement (up to 40 ms on Linux).
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!("TCP_NODELAY refused: {e}");
        }
    });
    let app = state.router().into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    state.db.close().await;
    Ok(())
}

/// Periodic work: publishing official answers whose time has come (and
/// telling their authors and followers), archiving petitions whose delay ran
/// out below the threshold, reminding registrants of tomorrow's events,
/// forgetting expired challenges; once a day (on one server), the sweep of
/// inactive accounts.
fn spawn_scheduler(state: AppState) {
    tokio::spawn(async move {
        let mut swept_on = None;
        loop {
            let today = chrono::Utc::now().with_timezone(&state.config.timezone).date_naive();
            if swept_on != Some(today) {
                match crate::services::account_life::run_daily(
                    &state.db,
                    &state.config,
                    &state.i18n,
                    chrono::Utc::now(),
                )
                .await
                {
                    Ok(_) => swept_on = Some(today),
                    Err(e) => tracing::warn!("inactive accounts: {e:#}"),
                }
            }
            if let Err(e) = crate::services::notify::publish_due_answers(&state.db, &state.config, &state.i18n).await {
                tracing::warn!("scheduled answers: {e:#}");
            }
            if let Err(e) = crate::services::petitions::archive_due(&state.db, &state.config, &state.i18n).await {
                tracing::warn!("petition archiving: {e:#}");
            }
            if let Err(e) = crate::services::events::send_reminders(&state.db, &state.config, &state.i18n).await {
                tracing::warn!("event reminders: {e:#}");
            }
            let _ = crate::storage::pow::purge(&state.db).await;
            tokio::time::sleep(std::time::Duration::from_secs(30)).await;
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
