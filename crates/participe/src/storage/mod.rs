//! Storage: one SQL text per query, run on SQLite or PostgreSQL.
//!
//! `Db` holds a native sqlx pool for either engine; the `on_db!` macro runs
//! the same code against whichever pool is behind it, so each query is
//! written once and type-checked for both drivers.

pub mod account_life;
pub mod admin_log;
pub mod analyses;
pub mod api_tokens;
pub mod arguments;
pub mod ballots;
pub mod collect;
pub mod comments;
pub mod consultation_export;
pub mod consultations;
pub mod counters;
pub mod dashboard;
mod db;
pub mod debates;
pub mod events;
pub mod fonts;
pub mod forms;
pub mod groups;
pub mod home_sections;
pub mod id_codes;
pub mod jobs;
pub mod menus;
pub mod moderation;
pub mod news;
pub mod newsletter;
pub mod open_data;
pub mod open_data_texts;
pub mod opinions;
pub mod org;
pub mod outbox;
pub mod personal_data;
pub mod personal_data_texts;
pub mod petitions;
pub mod positions;
pub mod pow;
pub mod projects;
pub mod proposal_cards;
pub mod proposal_list;
pub mod proposals;
pub mod questionnaires;
pub mod rate_limit;
pub mod realisations;
pub mod redirections;
pub mod schema;
pub mod sessions;
pub mod site_pages;
pub mod sources;
pub mod sqlite_tuning;
pub mod sso;
pub mod steps;
pub mod syntheses;
pub mod taxonomy;
pub mod tokens;
pub mod translations;
pub mod upvotes;
pub mod users;
pub mod votes;

pub use db::{Db, Engine, StoreError, StoreResult, WriteTx, now};

/// Runs `$body` with `$pool` bound to the concrete sqlx pool of `$db`.
#[macro_export]
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::storage::Db::Sqlite($pool) => $body,
            $crate::storage::Db::Postgres($pool) => $body,
        }
    };
}

/// Replaces the rows linking `owner` to others in one transaction: `unlink`
/// (`$1`: the owner) removes them all, then `link` (`$1`, `$2`: the owner
/// and one id) adds each of `ids`.
pub async fn replace_links(
    db: &Db,
    unlink: &'static str,
    link: &'static str,
    owner: i64,
    ids: &[i64],
) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query(unlink).bind(owner).execute(&mut *tx).await?;
            for id in ids {
                sqlx::query(link).bind(owner).bind(id).execute(&mut *tx).await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}
