//! One up-vote per person on an argument or a source: the vote rows and the
//! counter on the voted row, kept equal in one transaction.

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

/// What can be up-voted: the voted table and its votes table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upvoted {
    Argument,
    Source,
}

impl Upvoted {
    /// (voted table, votes table, key column of the votes table). Fixed
    /// names, never from a request.
    fn tables(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Upvoted::Argument => ("arguments", "argument_votes", "argument_id"),
            Upvoted::Source => ("sources", "source_votes", "source_id"),
        }
    }
}

/// Adds (`on`) or withdraws `user`'s up-vote and returns the new count. The
/// voted row is locked first, so concurrent votes are counted exactly once.
pub async fn set(db: &Db, what: Upvoted, id: i64, user_id: i64, on: bool) -> StoreResult<i64> {
    let (table, votes, key) = what.tables();
    let lock = format!("UPDATE {table} SET vote_count = vote_count WHERE id = $1");
    let change = if on {
        format!("INSERT INTO {votes} ({key}, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
    } else {
        format!("DELETE FROM {votes} WHERE {key} = $1 AND user_id = $2 AND $3 = $3")
    };
    let recount = format!(
        "UPDATE {table} SET vote_count = (SELECT COUNT(*) FROM {votes} WHERE {key} = $1) WHERE id = $1 RETURNING vote_count"
    );
    let count = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            if sqlx::query(sqlx::AssertSqlSafe(lock))
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 0
            {
                return Ok(None);
            }
            sqlx::query(sqlx::AssertSqlSafe(change))
                .bind(id)
                .bind(user_id)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(recount))
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(n))
        }
        .await
    })?;
    count.ok_or(StoreError::NotFound)
}

/// Which of `ids` `user` has up-voted.
pub async fn mine(db: &Db, what: Upvoted, user_id: i64, ids: &[i64]) -> StoreResult<Vec<i64>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let (_, votes, key) = what.tables();
    // The ids are integers formatted here, never text from a request.
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!("SELECT {key} FROM {votes} WHERE user_id = $1 AND {key} IN ({list})");
    Ok(on_db!(db, |p| sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(user_id)
        .fetch_all(p)
        .await)?)
}
