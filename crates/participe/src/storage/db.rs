//! Connection set-up, migrations and the storage error type.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

/// A database behind a pool, SQLite or PostgreSQL.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn as_str(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the write; the payload names the constraint
    /// or column as the engine reported it.
    #[error("already exists: {0}")]
    Conflict(String),
    #[error("not found")]
    NotFound,
    #[error("database error: {0}")]
    Db(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            // A taken name, or a row pointing at one that does not exist
            // (deleted meanwhile, or a forged id).
            sqlx::Error::Database(d) if d.is_unique_violation() || d.is_foreign_key_violation() => {
                StoreError::Conflict(d.constraint().unwrap_or(d.message()).to_string())
            }
            _ => StoreError::Db(e),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Opening a transaction that writes. On SQLite it takes the write lock at
/// once (`BEGIN IMMEDIATE`), so that it waits for other writers (the busy
/// timeout) instead of failing with `SQLITE_BUSY_SNAPSHOT` when it reads and
/// then writes after another connection committed. On PostgreSQL it is a
/// plain `BEGIN`.
pub trait WriteTx {
    type Db: sqlx::Database;
    fn begin_write(&self) -> impl Future<Output = Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error>> + Send;
}

impl WriteTx for SqlitePool {
    type Db = sqlx::Sqlite;
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error>> + Send {
        self.begin_with("BEGIN IMMEDIATE")
    }
}

impl WriteTx for PgPool {
    type Db = sqlx::Postgres;
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error>> + Send {
        self.begin()
    }
}

/// The current time, truncated to the second so that SQLite's text timestamps
/// compare in the same order as PostgreSQL's.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Db {
    /// Connects to `url`: `sqlite://path` (created if missing) or `postgres://…`.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url)?;
            Self::connect_postgres(opts).await
        } else if url.starts_with("sqlite:") {
            super::sqlite_tuning::configure_library();
            let opts = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL: a committed transaction (a ballot) survives a power
                // cut, not only a crash of the process.
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .after_connect(|conn, _| Box::pin(super::sqlite_tuning::keep_plans(conn)))
                .connect_with(opts)
                .await?;
            Ok(Db::Sqlite(pool))
        } else {
            anyhow::bail!("unsupported database URL (use sqlite://FILE or postgres://…): {url}")
        }
    }

    pub async fn connect_postgres(opts: PgConnectOptions) -> anyhow::Result<Db> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(opts)
            .await?;
        Ok(Db::Postgres(pool))
    }

    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// Applies the embedded migrations of this engine.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Db::Sqlite(p) => SQLITE_MIGRATIONS.run(p).await?,
            Db::Postgres(p) => POSTGRES_MIGRATIONS.run(p).await?,
        }
        crate::storage::org::ensure_row(self).await?;
        crate::storage::site_pages::ensure_builtin(self).await?;
        Ok(())
    }

    /// Checks the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        crate::on_db!(self, |p| sqlx::query("SELECT 1").execute(p).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn close(&self) {
        crate::on_db!(self, |p| p.close().await)
    }

    /// Migration versions and descriptions of each engine, for the parity test.
    pub fn migration_list(engine: Engine) -> Vec<(i64, String)> {
        let m = match engine {
            Engine::Sqlite => &SQLITE_MIGRATIONS,
            Engine::Postgres => &POSTGRES_MIGRATIONS,
        };
        m.iter().map(|m| (m.version, m.description.to_string())).collect()
    }
}
