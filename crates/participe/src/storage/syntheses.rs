//! The synthesis of a consultation step: a tree of groups holding its
//! contributions, amendments and arguments, each at most once (the primary
//! key says so), written as a whole when grouped again.

use chrono::{DateTime, Utc};

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

/// Something a synthesis can hold: a public opinion (article, contribution,
/// amendment) or argument of the step, with its text and votes.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Item {
    /// "opinion" or "argument".
    pub kind: String,
    pub item_id: i64,
    pub title: String,
    pub body: String,
    pub votes: i64,
    /// The opinion to link to (the argument's opinion for arguments).
    pub opinion_id: i64,
    /// Its group, once placed.
    pub group_id: Option<i64>,
}

/// Every public opinion and argument of the consultations of a step, with
/// the group each is in.
pub async fn items(db: &Db, step_id: i64) -> StoreResult<Vec<Item>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT 'opinion' AS kind, o.id AS item_id, o.title, o.body,
             o.agree_count + o.mixed_count + o.disagree_count AS votes, o.id AS opinion_id, si.group_id
         FROM opinions o
         JOIN consultation_sections s ON s.id = o.section_id
         JOIN consultations c ON c.id = s.consultation_id
         LEFT JOIN synthesis_items si ON si.step_id = c.step_id AND si.kind = 'opinion' AND si.item_id = o.id
         WHERE c.step_id = $1 AND o.published AND o.hidden_reason IS NULL
         UNION ALL
         SELECT 'argument', a.id, '', a.body, a.vote_count, a.opinion_id, si.group_id
         FROM arguments a
         JOIN opinions o ON o.id = a.opinion_id
         JOIN consultation_sections s ON s.id = o.section_id
         JOIN consultations c ON c.id = s.consultation_id
         LEFT JOIN synthesis_items si ON si.step_id = c.step_id AND si.kind = 'argument' AND si.item_id = a.id
         WHERE c.step_id = $1 AND a.published AND a.hidden_reason IS NULL
           AND o.published AND o.hidden_reason IS NULL
         ORDER BY 1 DESC, 2"
    )
    .bind(step_id)
    .fetch_all(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Synthesis {
    pub step_id: i64,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

pub async fn get(db: &Db, step_id: i64) -> StoreResult<Option<Synthesis>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT step_id, published_at, updated_at FROM syntheses WHERE step_id = $1"
    )
    .bind(step_id)
    .fetch_optional(p)
    .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Group {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    pub summary: String,
    pub position: i64,
}

/// The groups of a step's synthesis, parents before their children.
pub async fn groups(db: &Db, step_id: i64) -> StoreResult<Vec<Group>> {
    let all: Vec<Group> = on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, parent_id, title, summary, position FROM synthesis_groups WHERE step_id = $1 ORDER BY position, id"
    )
    .bind(step_id)
    .fetch_all(p)
    .await
    })?;
    fn walk(parent: Option<i64>, all: &[Group], out: &mut Vec<Group>) {
        for g in all.iter().filter(|g| g.parent_id == parent) {
            out.push(g.clone());
            walk(Some(g.id), all, out);
        }
    }
    let mut out = Vec::with_capacity(all.len());
    walk(None, &all, &mut out);
    Ok(out)
}

pub async fn group(db: &Db, id: i64) -> StoreResult<Option<(i64, Group)>> {
    let row: Option<(i64, i64, Option<i64>, String, String, i64)> = on_db!(db, |p| sqlx::query_as(
        "SELECT step_id, id, parent_id, title, summary, position FROM synthesis_groups WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await)?;
    Ok(row.map(|(step, id, parent_id, title, summary, position)| {
        (
            step,
            Group {
                id,
                parent_id,
                title,
                summary,
                position,
            },
        )
    }))
}

/// A group as the grouping proposes it: a title and its items (kind, id).
pub struct NewGroup {
    pub title: String,
    pub items: Vec<(&'static str, i64)>,
}

/// Replaces the whole synthesis of a step with `groups`, unpublished, in
/// one transaction.
pub async fn replace(db: &Db, step_id: i64, groups: &[NewGroup]) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let now = now();
            sqlx::query(
                "INSERT INTO syntheses (step_id, published_at, updated_at) VALUES ($1, NULL, $2)
                 ON CONFLICT (step_id) DO UPDATE SET published_at = NULL, updated_at = excluded.updated_at",
            )
            .bind(step_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM synthesis_items WHERE step_id = $1")
                .bind(step_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM synthesis_groups WHERE step_id = $1")
                .bind(step_id)
                .execute(&mut *tx)
                .await?;
            for (n, g) in groups.iter().enumerate() {
                let gid: i64 = sqlx::query_scalar(
                    "INSERT INTO synthesis_groups (step_id, title, position) VALUES ($1, $2, $3) RETURNING id",
                )
                .bind(step_id)
                .bind(&g.title)
                .bind(n as i64 + 1)
                .fetch_one(&mut *tx)
                .await?;
                for (kind, id) in &g.items {
                    sqlx::query(
                        "INSERT INTO synthesis_items (step_id, kind, item_id, group_id) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(step_id)
                    .bind(*kind)
                    .bind(*id)
                    .bind(gid)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// Adds a group at the end (for items not placed yet, or a split).
pub async fn add_group(db: &Db, step_id: i64, title: &str) -> StoreResult<i64> {
    Ok(on_db!(db, |p| {
        sqlx::query_scalar(
        "INSERT INTO synthesis_groups (step_id, title, position)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM synthesis_groups WHERE step_id = $1)) RETURNING id"
    )
    .bind(step_id)
    .bind(title)
    .fetch_one(p)
    .await
    })?)
}

/// Puts items of the step into `group_id`, wherever they were.
pub async fn place(db: &Db, step_id: i64, group_id: i64, items: &[(String, i64)]) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            for (kind, id) in items {
                sqlx::query(
                    "INSERT INTO synthesis_items (step_id, kind, item_id, group_id) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (step_id, kind, item_id) DO UPDATE SET group_id = excluded.group_id",
                )
                .bind(step_id)
                .bind(kind)
                .bind(*id)
                .bind(group_id)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("UPDATE syntheses SET updated_at = $2 WHERE step_id = $1")
                .bind(step_id)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

pub async fn edit_group(db: &Db, id: i64, title: &str, summary: &str, parent_id: Option<i64>) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE synthesis_groups SET title = $2, summary = $3, parent_id = $4 WHERE id = $1"
    )
    .bind(id)
    .bind(title)
    .bind(summary)
    .bind(parent_id)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

/// Moves the items and sub-groups of `from` into `into`, then deletes `from`.
pub async fn merge(db: &Db, from: i64, into: i64) -> StoreResult<()> {
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            sqlx::query("UPDATE synthesis_items SET group_id = $2 WHERE group_id = $1")
                .bind(from)
                .bind(into)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE synthesis_groups SET parent_id = $2 WHERE parent_id = $1")
                .bind(from)
                .bind(into)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM synthesis_groups WHERE id = $1")
                .bind(from)
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

/// Swaps a group's position with its previous (`up`) or next sibling.
pub async fn move_group(db: &Db, step_id: i64, id: i64, up: bool) -> StoreResult<()> {
    let all = groups(db, step_id).await?;
    let Some(g) = all.iter().find(|g| g.id == id) else {
        return Err(StoreError::NotFound);
    };
    let siblings: Vec<&Group> = all.iter().filter(|x| x.parent_id == g.parent_id).collect();
    let i = siblings.iter().position(|x| x.id == id).unwrap_or(0);
    let j = if up {
        i.checked_sub(1)
    } else {
        Some(i + 1).filter(|j| *j < siblings.len())
    };
    let Some(j) = j else { return Ok(()) };
    let (a, b) = (siblings[i], siblings[j]);
    let (pa, pb) = if a.position == b.position {
        (b.position + i64::from(j > i), a.position + i64::from(i > j))
    } else {
        (b.position, a.position)
    };
    on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            for (gid, pos) in [(a.id, pa), (b.id, pb)] {
                sqlx::query("UPDATE synthesis_groups SET position = $2 WHERE id = $1")
                    .bind(gid)
                    .bind(pos)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        }
        .await
    })?;
    Ok(())
}

pub async fn set_published(db: &Db, step_id: i64, published: bool) -> StoreResult<()> {
    let at = published.then(now);
    on_db!(db, |p| sqlx::query(
        "UPDATE syntheses SET published_at = $2, updated_at = $3 WHERE step_id = $1"
    )
    .bind(step_id)
    .bind(at)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}
