//! Events, the projects they belong to, and registrations: seats taken in
//! order up to the capacity, the waiting list moving up when a seat frees.
//! Every change of seats locks the event's row first, so registrations
//! arriving together on any number of servers never exceed the capacity.

use chrono::{DateTime, Utc};
use participe_domain::event::{Seat, promotions, seat_for};

use super::{Db, StoreError, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Event {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub address: String,
    pub online_url: String,
    pub registration: bool,
    pub capacity: Option<i64>,
    pub published: bool,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Seats taken and people waiting.
    pub confirmed: i64,
    pub waiting: i64,
}

impl Event {
    /// Seats left (none: no limit).
    pub fn seats_left(&self) -> Option<i64> {
        self.capacity.map(|c| (c - self.confirmed).max(0))
    }

    /// Whether people may still register or cancel: not cancelled, not over.
    pub fn open_for_registration(&self, at: DateTime<Utc>) -> bool {
        self.registration && self.cancelled_at.is_none() && self.ends_at > at
    }
}

macro_rules! event_columns {
    () => {
        "e.id, e.title, e.description, e.starts_at, e.ends_at, e.address, e.online_url, e.registration,
         e.capacity, e.published, e.cancelled_at, e.created_at, e.updated_at,
         (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
         (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting"
    };
}

/// The stored fields of an event, dates in UTC.
#[derive(Debug, Clone)]
pub struct EventData {
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub address: String,
    pub online_url: String,
    pub registration: bool,
    pub capacity: Option<i64>,
    pub published: bool,
}

/// Locks the event's row for the transaction `$tx` (registrations to one
/// event go one by one, on any server) and reads its capacity.
macro_rules! lock {
    ($tx:expr, $event:expr) => {
        async {
            let capacity: Option<Option<i64>> =
                sqlx::query_scalar("UPDATE events SET updated_at = updated_at WHERE id = $1 RETURNING capacity")
                    .bind($event)
                    .fetch_optional(&mut *$tx)
                    .await?;
            capacity.ok_or(sqlx::Error::RowNotFound)
        }
    };
}

/// Links the event to `$projects` inside `$tx`.
macro_rules! link {
    ($tx:expr, $id:expr, $projects:expr) => {
        async {
            for project in $projects {
                sqlx::query("INSERT INTO event_projects (event_id, project_id) VALUES ($1, $2)")
                    .bind($id)
                    .bind(project)
                    .execute(&mut *$tx)
                    .await?;
            }
            Ok::<(), sqlx::Error>(())
        }
    };
}

/// Moves people up from the waiting list while seats are free, inside the
/// transaction `$tx` that holds the event's lock; the ids of those moved.
/// (A macro: the same statements run on either engine's transaction.)
macro_rules! promote {
    ($tx:expr, $event:expr, $capacity:expr) => {
        async {
            let (confirmed, waiting): (i64, i64) = sqlx::query_as(
                "SELECT CAST(COALESCE(SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END), 0) AS BIGINT),
                        CAST(COALESCE(SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), 0) AS BIGINT)
                 FROM event_registrations WHERE event_id = $1",
            )
            .bind($event)
            .fetch_one(&mut *$tx)
            .await?;
            let mut moved: Vec<i64> = Vec::new();
            for _ in 0..promotions($capacity, confirmed, waiting) {
                let next: Option<(i64, i64)> = sqlx::query_as(
                    "SELECT id, user_id FROM event_registrations WHERE event_id = $1 AND status = 'waiting'
                     ORDER BY id LIMIT 1",
                )
                .bind($event)
                .fetch_optional(&mut *$tx)
                .await?;
                let Some((id, user)) = next else { break };
                sqlx::query("UPDATE event_registrations SET status = 'confirmed' WHERE id = $1")
                    .bind(id)
                    .execute(&mut *$tx)
                    .await?;
                moved.push(user);
            }
            Ok::<Vec<i64>, sqlx::Error>(moved)
        }
    };
}

pub async fn get(db: &Db, id: i64) -> StoreResult<Event> {
    on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e WHERE e.id = $1"
    ))
    .bind(id)
    .fetch_optional(p)
    .await)?
    .ok_or(StoreError::NotFound)
}

/// Every event, the next ones first then the past ones, for the back office.
pub async fn all(db: &Db) -> StoreResult<Vec<Event>> {
    Ok(on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e ORDER BY e.starts_at DESC, e.id DESC"
    ))
    .fetch_all(p)
    .await)?)
}

/// Published events ending after `after` (upcoming and current), soonest
/// first; or, with `past`, those ended before it, latest first.
pub async fn published(db: &Db, after: DateTime<Utc>, past: bool, limit: i64, offset: i64) -> StoreResult<Vec<Event>> {
    let sql = if past {
        concat!(
            "SELECT ",
            event_columns!(),
            " FROM events e WHERE e.published AND e.ends_at <= $1 ORDER BY e.starts_at DESC, e.id DESC LIMIT $2 OFFSET $3"
        )
    } else {
        concat!(
            "SELECT ",
            event_columns!(),
            " FROM events e WHERE e.published AND e.ends_at > $1 ORDER BY e.starts_at, e.id LIMIT $2 OFFSET $3"
        )
    };
    Ok(on_db!(db, |p| sqlx::query_as(sql)
        .bind(after)
        .bind(limit)
        .bind(offset)
        .fetch_all(p)
        .await)?)
}

/// How many published events `published` would list in all.
pub async fn count_published(db: &Db, after: DateTime<Utc>, past: bool) -> StoreResult<i64> {
    let sql = if past {
        "SELECT COUNT(*) FROM events WHERE published AND ends_at <= $1"
    } else {
        "SELECT COUNT(*) FROM events WHERE published AND ends_at > $1"
    };
    Ok(on_db!(db, |p| sqlx::query_scalar(sql).bind(after).fetch_one(p).await)?)
}

/// A project's published events ending after `after`, soonest first.
pub async fn of_project(db: &Db, project_id: i64, after: DateTime<Utc>) -> StoreResult<Vec<Event>> {
    Ok(on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e JOIN event_projects ep ON ep.event_id = e.id
          WHERE ep.project_id = $1 AND e.published AND e.ends_at > $2 ORDER BY e.starts_at, e.id"
    ))
    .bind(project_id)
    .bind(after)
    .fetch_all(p)
    .await)?)
}

pub async fn create(db: &Db, e: &EventData, projects: &[i64]) -> StoreResult<i64> {
    let t = now();
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO events (title, description, starts_at, ends_at, address, online_url, registration,
                                     capacity, published, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
            )
            .bind(&e.title)
            .bind(&e.description)
            .bind(e.starts_at)
            .bind(e.ends_at)
            .bind(&e.address)
            .bind(&e.online_url)
            .bind(e.registration)
            .bind(e.capacity)
            .bind(e.published)
            .bind(t)
            .fetch_one(&mut *tx)
            .await?;
            link!(tx, id, projects).await?;
            tx.commit().await?;
            Ok::<i64, sqlx::Error>(id)
        }
        .await
    })?)
}

/// Saves an event; a larger capacity moves people up from the waiting list
/// (their user ids are returned, to tell them).
pub async fn update(db: &Db, id: i64, e: &EventData, projects: &[i64]) -> StoreResult<Vec<i64>> {
    let t = now();
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(
                "UPDATE events SET title = $2, description = $3, starts_at = $4, ends_at = $5, address = $6,
                        online_url = $7, registration = $8, capacity = $9, published = $10, updated_at = $11,
                        reminded_at = CASE WHEN starts_at = $4 THEN reminded_at END
                 WHERE id = $1",
            )
            .bind(id)
            .bind(&e.title)
            .bind(&e.description)
            .bind(e.starts_at)
            .bind(e.ends_at)
            .bind(&e.address)
            .bind(&e.online_url)
            .bind(e.registration)
            .bind(e.capacity)
            .bind(e.published)
            .bind(t)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 0 {
                return Err(sqlx::Error::RowNotFound);
            }
            sqlx::query("DELETE FROM event_projects WHERE event_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            link!(tx, id, projects).await?;
            let promoted = promote!(tx, id, e.capacity).await?;
            tx.commit().await?;
            Ok(promoted)
        }
        .await
    })?)
}

pub async fn delete(db: &Db, id: i64) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query("DELETE FROM events WHERE id = $1")
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

/// Cancels an event (once): the user ids of its registrants to tell, or
/// `None` when it was already cancelled.
pub async fn cancel(db: &Db, id: i64) -> StoreResult<Option<Vec<i64>>> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(
                "UPDATE events SET cancelled_at = $2, updated_at = $2 WHERE id = $1 AND cancelled_at IS NULL",
            )
            .bind(id)
            .bind(now())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 0 {
                return Ok::<_, sqlx::Error>(None);
            }
            let users: Vec<i64> =
                sqlx::query_scalar("SELECT user_id FROM event_registrations WHERE event_id = $1 ORDER BY id")
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?;
            tx.commit().await?;
            Ok(Some(users))
        }
        .await
    })?)
}

/// A person's registration to an event, if any.
pub async fn seat_of(db: &Db, event: i64, user: i64) -> StoreResult<Option<Seat>> {
    let status: Option<String> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $2"
    )
    .bind(event)
    .bind(user)
    .fetch_optional(p)
    .await)?;
    Ok(status.and_then(|s| Seat::parse(&s)))
}

/// Registers a person: a seat if one is free, else the waiting list. A
/// second registration changes nothing and answers the seat held.
pub async fn register(db: &Db, event: i64, user: i64) -> StoreResult<Seat> {
    let status: String = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let capacity = lock!(tx, event).await?;
            let held: Option<String> =
                sqlx::query_scalar("SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $2")
                    .bind(event)
                    .bind(user)
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some(held) = held {
                return Ok::<String, sqlx::Error>(held);
            }
            let confirmed: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM event_registrations WHERE event_id = $1 AND status = 'confirmed'",
            )
            .bind(event)
            .fetch_one(&mut *tx)
            .await?;
            let seat = seat_for(capacity, confirmed).as_str();
            sqlx::query(
                "INSERT INTO event_registrations (event_id, user_id, status, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(event)
            .bind(user)
            .bind(seat)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(seat.to_string())
        }
        .await
    })?;
    Ok(Seat::parse(&status).unwrap_or(Seat::Waiting))
}

/// Cancels a person's registration; a freed seat goes to the first person
/// waiting, whose user id is returned (to tell them).
pub async fn unregister(db: &Db, event: i64, user: i64) -> StoreResult<Option<i64>> {
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let capacity = lock!(tx, event).await?;
            sqlx::query("DELETE FROM event_registrations WHERE event_id = $1 AND user_id = $2")
                .bind(event)
                .bind(user)
                .execute(&mut *tx)
                .await?;
            let moved = promote!(tx, event, capacity).await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(moved.first().copied())
        }
        .await
    })?)
}

/// A registrant, for the staff's list and CSV.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Registrant {
    pub user_id: i64,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

/// An event's registrants: seats first, then the waiting list, in order.
pub async fn registrants(db: &Db, event: i64) -> StoreResult<Vec<Registrant>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT r.user_id, u.display_name, u.email, r.status, r.created_at
         FROM event_registrations r JOIN users u ON u.id = r.user_id
         WHERE r.event_id = $1 ORDER BY r.status, r.id"
    )
    .bind(event)
    .fetch_all(p)
    .await)?)
}

/// Claims the reminder of each event starting before `before` (once, across
/// servers: a conditional update); the claimed events' ids.
pub async fn claim_reminders(db: &Db, at: DateTime<Utc>, before: DateTime<Utc>) -> StoreResult<Vec<i64>> {
    let due: Vec<i64> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT id FROM events WHERE published AND registration AND cancelled_at IS NULL AND reminded_at IS NULL
           AND starts_at > $1 AND starts_at <= $2"
    )
    .bind(at)
    .bind(before)
    .fetch_all(p)
    .await)?;
    let mut claimed = Vec::new();
    for id in due {
        let n = on_db!(db, |p| sqlx::query(
            "UPDATE events SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL"
        )
        .bind(id)
        .bind(at)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        if n == 1 {
            claimed.push(id);
        }
    }
    Ok(claimed)
}
