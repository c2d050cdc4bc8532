//! Questionnaires and votations: settings, replies (and drafts), the list of
//! participants, and answer counts for the results.

use chrono::{DateTime, NaiveDate, Utc};
use participe_domain::questionnaire::{Kind, Settings};
use participe_domain::vote::Requirements;

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow)]
struct Row {
    step_id: i64,
    form_id: i64,
    kind: String,
    intro: String,
    multiple_replies: bool,
    anonymous: bool,
    drafts: bool,
    acknowledge: bool,
    results_public: bool,
    req_confirmed_email: bool,
    req_verified_identity: bool,
    req_id_code: bool,
    req_phone: bool,
    req_min_age: Option<i64>,
    req_postal_codes: String,
    results_published_at: Option<DateTime<Utc>>,
}

/// A questionnaire step's settings and form.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub step_id: i64,
    pub form_id: i64,
    pub settings: Settings,
    pub results_published_at: Option<DateTime<Utc>>,
}

impl From<Row> for Questionnaire {
    fn from(r: Row) -> Questionnaire {
        Questionnaire {
            step_id: r.step_id,
            form_id: r.form_id,
            settings: Settings {
                kind: Kind::parse(&r.kind).unwrap_or_default(),
                intro: r.intro,
                multiple_replies: r.multiple_replies,
                anonymous: r.anonymous,
                drafts: r.drafts,
                acknowledge: r.acknowledge,
                results_public: r.results_public,
                requirements: Requirements {
                    confirmed_email: r.req_confirmed_email,
                    verified_identity: r.req_verified_identity,
                    id_code: r.req_id_code,
                    min_age: r.req_min_age.map(|a| a.clamp(0, 200) as u32),
                    postal_codes: r
                        .req_postal_codes
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect(),
                    phone: r.req_phone,
                    accept_rules: false,
                },
            }
            .normalised(),
            results_published_at: r.results_published_at,
        }
    }
}

const SELECT: &str =
    "SELECT step_id, form_id, kind, intro, multiple_replies, anonymous, drafts, acknowledge, results_public,
     req_confirmed_email, req_verified_identity, req_id_code, req_phone, req_min_age, req_postal_codes,
     results_published_at
     FROM questionnaires WHERE step_id = $1";

pub async fn get(db: &Db, step_id: i64) -> StoreResult<Option<Questionnaire>> {
    let row: Option<Row> = on_db!(db, |p| sqlx::query_as(SELECT).bind(step_id).fetch_optional(p).await)?;
    Ok(row.map(Questionnaire::from))
}

/// A questionnaire step's settings, created with defaults on first use.
pub async fn get_or_create(db: &Db, step_id: i64) -> StoreResult<Questionnaire> {
    if let Some(q) = get(db, step_id).await? {
        return Ok(q);
    }
    let form_id = super::forms::create(db).await?;
    on_db!(db, |p| sqlx::query(
        "INSERT INTO questionnaires (step_id, form_id) VALUES ($1, $2) ON CONFLICT (step_id) DO NOTHING"
    )
    .bind(step_id)
    .bind(form_id)
    .execute(p)
    .await
    .map(|_| ()))?;
    // Another request may have created it first: read what is stored.
    get(db, step_id).await?.ok_or(super::StoreError::NotFound)
}

/// The step whose questionnaire uses this form.
pub async fn step_of_form(db: &Db, form_id: i64) -> StoreResult<Option<i64>> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT step_id FROM questionnaires WHERE form_id = $1"
    )
    .bind(form_id)
    .fetch_optional(p)
    .await)?)
}

pub async fn save_settings(db: &Db, step_id: i64, s: &Settings) -> StoreResult<()> {
    get_or_create(db, step_id).await?;
    on_db!(db, |p| sqlx::query(
        "UPDATE questionnaires SET kind = $2, intro = $3, multiple_replies = $4, anonymous = $5, drafts = $6,
         acknowledge = $7, results_public = $8, req_confirmed_email = $9, req_min_age = $10, req_postal_codes = $11,
         req_verified_identity = $12, req_id_code = $13, req_phone = $14
         WHERE step_id = $1"
    )
    .bind(step_id)
    .bind(s.kind.as_str())
    .bind(&s.intro)
    .bind(s.multiple_replies)
    .bind(s.anonymous)
    .bind(s.drafts)
    .bind(s.acknowledge)
    .bind(s.results_public)
    .bind(s.requirements.confirmed_email)
    .bind(s.requirements.min_age.map(i64::from))
    .bind(s.requirements.postal_codes.join(","))
    .bind(s.requirements.verified_identity)
    .bind(s.requirements.id_code)
    .bind(s.requirements.phone)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Publishes (or withdraws) the results.
pub async fn set_published(db: &Db, step_id: i64, published: bool) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE questionnaires SET results_published_at = $2 WHERE step_id = $1"
    )
    .bind(step_id)
    .bind(published.then(now))
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// A reply to store.
#[derive(Debug, Clone)]
pub struct NewReply<'a> {
    pub step_id: i64,
    pub user_id: Option<i64>,
    pub kind: Kind,
    /// The person may reply only once (recorded in the participants list).
    pub once: bool,
    pub draft: bool,
    pub channel: &'a str,
    pub district_id: Option<i64>,
    pub age_band: Option<&'a str>,
    pub answers: &'a [(i64, String)],
    /// Today, in the platform's time zone (the participants list keeps the day only).
    pub today: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Reply {
        id: i64,
        receipt: Option<String>,
    },
    /// The person had already replied (or voted): nothing was stored.
    AlreadyReplied,
}

fn receipt() -> String {
    let token = crate::security::random_token();
    let bytes = token.as_bytes();
    let mut random = [0u8; 12];
    for (i, b) in random.iter_mut().enumerate() {
        *b = u8::from_str_radix(std::str::from_utf8(&bytes[2 * i..2 * i + 2]).unwrap_or("00"), 16).unwrap_or(0);
    }
    participe_domain::questionnaire::receipt_code(&random)
}

/// Stores a reply, a draft, or a votation ballot, in one transaction. A
/// votation ballot is stored without the voter (no user, no dates) under a
/// random receipt; the voter goes to the participants list. A person's draft
/// becomes their reply.
pub async fn save_reply(db: &Db, r: &NewReply<'_>) -> StoreResult<Saved> {
    let vote = r.kind == Kind::Vote;
    let at = now();
    let code = vote.then(receipt);
    // PostgreSQL's concurrent replies would wait on one tally row: spread
    // over 16; SQLite has one writer at a time, and one shard reads fastest.
    let shards = match db.engine() {
        super::Engine::Sqlite => 1,
        super::Engine::Postgres => 16,
    };
    Ok(on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            if let (Some(uid), false, true) = (r.user_id, r.draft, r.once || vote) {
                let n = sqlx::query(
                    "INSERT INTO questionnaire_participants (step_id, user_id, replied_on) VALUES ($1, $2, $3)
                     ON CONFLICT (step_id, user_id) DO NOTHING",
                )
                .bind(r.step_id)
                .bind(uid)
                .bind(r.today)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if n == 0 {
                    tx.rollback().await?;
                    return Ok::<_, sqlx::Error>(Saved::AlreadyReplied);
                }
            }
            let draft_id: Option<i64> = match (r.user_id, vote) {
                (Some(uid), false) => {
                    sqlx::query_scalar(
                        "SELECT id FROM questionnaire_replies WHERE step_id = $1 AND user_id = $2 AND draft ORDER BY id LIMIT 1",
                    )
                    .bind(r.step_id)
                    .bind(uid)
                    .fetch_optional(&mut *tx)
                    .await?
                }
                _ => None,
            };
            let id: i64 = match draft_id {
                Some(id) => {
                    sqlx::query(
                        "UPDATE questionnaire_replies SET draft = $2, district_id = $3, age_band = $4, updated_at = $5
                         WHERE id = $1",
                    )
                    .bind(id)
                    .bind(r.draft)
                    .bind(r.district_id)
                    .bind(r.age_band)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("DELETE FROM reply_answers WHERE reply_id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    id
                }
                None => {
                    let (user, district, band, when) = if vote {
                        (None, None, None, None)
                    } else {
                        (r.user_id, r.district_id, r.age_band, Some(at))
                    };
                    sqlx::query_scalar(
                        "INSERT INTO questionnaire_replies (step_id, user_id, draft, channel, receipt, district_id, age_band,
                             created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
                    )
                    .bind(r.step_id)
                    .bind(user)
                    .bind(r.draft)
                    .bind(r.channel)
                    .bind(&code)
                    .bind(district)
                    .bind(band)
                    .bind(when)
                    .fetch_one(&mut *tx)
                    .await?
                }
            };
            if !r.answers.is_empty() {
                // One statement for the answers, one for the counts the
                // results read (complete replies only).
                let mut q = sqlx::QueryBuilder::new("INSERT INTO reply_answers (reply_id, question_id, value) ");
                q.push_values(r.answers.iter(), |mut b, (qid, value)| {
                    b.push_bind(id).push_bind(*qid).push_bind(value.as_str());
                });
                q.build().execute(&mut *tx).await?;
                if !r.draft {
                    let shard = id % shards;
                    let mut q =
                        sqlx::QueryBuilder::new("INSERT INTO answer_tallies (step_id, question_id, value, shard, count) ");
                    q.push_values(r.answers.iter(), |mut b, (qid, value)| {
                        b.push_bind(r.step_id)
                            .push_bind(*qid)
                            .push_bind(value.as_str())
                            .push_bind(shard)
                            .push_bind(1_i64);
                    });
                    q.push(
                        " ON CONFLICT (step_id, question_id, value, shard) DO UPDATE SET count = answer_tallies.count + 1",
                    );
                    q.build().execute(&mut *tx).await?;
                }
            }
            tx.commit().await?;
            Ok(Saved::Reply {
                id,
                receipt: code.clone(),
            })
        }
        .await
    })?)
}

/// A person's draft in a step: its id and answers.
pub async fn draft_of(db: &Db, step_id: i64, user_id: i64) -> StoreResult<Option<(i64, Vec<(i64, String)>)>> {
    let id: Option<i64> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT id FROM questionnaire_replies WHERE step_id = $1 AND user_id = $2 AND draft ORDER BY id LIMIT 1"
    )
    .bind(step_id)
    .bind(user_id)
    .fetch_optional(p)
    .await)?;
    match id {
        Some(id) => Ok(Some((id, answers(db, id).await?))),
        None => Ok(None),
    }
}

/// The answers of a reply.
pub async fn answers(db: &Db, reply_id: i64) -> StoreResult<Vec<(i64, String)>> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT question_id, value FROM reply_answers WHERE reply_id = $1"
    )
    .bind(reply_id)
    .fetch_all(p)
    .await)?)
}

/// How many complete replies a person sent in a step, and whether they are
/// on its participants list (replied once, or voted).
pub async fn participation(db: &Db, step_id: i64, user_id: i64) -> StoreResult<(u64, bool)> {
    let (n, listed): (i64, i64) = on_db!(db, |p| sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM questionnaire_replies WHERE step_id = $1 AND user_id = $2 AND NOT draft),
                (SELECT COUNT(*) FROM questionnaire_participants WHERE step_id = $1 AND user_id = $2)"
    )
    .bind(step_id)
    .bind(user_id)
    .fetch_one(p)
    .await)?;
    Ok((n.max(0) as u64, listed > 0))
}

/// Complete replies (or ballots) of a step.
pub async fn reply_count(db: &Db, step_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM questionnaire_replies WHERE step_id = $1 AND NOT draft"
    )
    .bind(step_id)
    .fetch_one(p)
    .await)?)
}

/// The paper ballots of a votation entered so far.
pub async fn paper_count(db: &Db, step_id: i64) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM questionnaire_replies WHERE step_id = $1 AND channel = 'paper'"
    )
    .bind(step_id)
    .fetch_one(p)
    .await)?)
}

/// Which replies the results count: all, or those of a district or an age band.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub district_id: Option<i64>,
    pub age_band: Option<String>,
}

/// Every distinct answer to each question of the step's complete replies,
/// with how many replies gave it (the results are computed from these).
pub async fn answer_counts(db: &Db, step_id: i64, f: &Filter) -> StoreResult<Vec<(i64, String, i64)>> {
    if *f == Filter::default() {
        // Kept as replies arrive: a few rows, whatever the number of replies.
        return Ok(on_db!(db, |p| sqlx::query_as(
            "SELECT question_id, value, CAST(SUM(count) AS BIGINT) FROM answer_tallies WHERE step_id = $1
             GROUP BY question_id, value HAVING SUM(count) > 0"
        )
        .bind(step_id)
        .fetch_all(p)
        .await)?);
    }
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT a.question_id, a.value, COUNT(*) FROM reply_answers a
         JOIN questionnaire_replies r ON r.id = a.reply_id
         WHERE r.step_id = $1 AND NOT r.draft
           AND ($2 IS NULL OR r.district_id = $2) AND ($3 IS NULL OR r.age_band = $3)
         GROUP BY a.question_id, a.value"
    )
    .bind(step_id)
    .bind(f.district_id)
    .bind(f.age_band.as_deref())
    .fetch_all(p)
    .await)?)
}

/// Complete replies counted by the filter.
pub async fn filtered_count(db: &Db, step_id: i64, f: &Filter) -> StoreResult<i64> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM questionnaire_replies r WHERE r.step_id = $1 AND NOT r.draft
           AND ($2 IS NULL OR r.district_id = $2) AND ($3 IS NULL OR r.age_band = $3)"
    )
    .bind(step_id)
    .bind(f.district_id)
    .bind(f.age_band.as_deref())
    .fetch_one(p)
    .await)?)
}

/// What changes whenever the counted replies change: their number and the
/// newest id (a reply is never edited once sent).
pub async fn version(db: &Db, step_id: i64) -> StoreResult<(i64, Option<i64>)> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT COUNT(*), MAX(id) FROM questionnaire_replies WHERE step_id = $1 AND NOT draft"
    )
    .bind(step_id)
    .fetch_one(p)
    .await)?)
}

/// Votation ballots by receipt code (a page of them), with their answers.
pub async fn ballots(db: &Db, step_id: i64, offset: i64, limit: i64) -> StoreResult<Vec<(String, Vec<(i64, String)>)>> {
    let rows: Vec<(i64, String)> = on_db!(db, |p| sqlx::query_as(
        "SELECT id, receipt FROM questionnaire_replies WHERE step_id = $1 AND receipt IS NOT NULL AND NOT draft
         ORDER BY receipt LIMIT $2 OFFSET $3"
    )
    .bind(step_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await)?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, receipt) in rows {
        out.push((receipt, answers(db, id).await?));
    }
    Ok(out)
}

/// The position of a receipt among a votation's ballots (ordered by code),
/// if it exists.
pub async fn receipt_position(db: &Db, step_id: i64, receipt: &str) -> StoreResult<Option<i64>> {
    let exists: Option<i64> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT id FROM questionnaire_replies WHERE step_id = $1 AND receipt = $2 AND NOT draft"
    )
    .bind(step_id)
    .bind(receipt)
    .fetch_optional(p)
    .await)?;
    if exists.is_none() {
        return Ok(None);
    }
    Ok(Some(on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM questionnaire_replies WHERE step_id = $1 AND receipt IS NOT NULL AND NOT draft
         AND receipt < $2"
    )
    .bind(step_id)
    .bind(receipt)
    .fetch_one(p)
    .await)?))
}

/// A reply as the staff export shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExportedReply {
    pub id: i64,
    pub receipt: Option<String>,
    pub email: Option<String>,
    pub district: Option<String>,
    pub age_band: Option<String>,
    pub created_at: Option<DateTime<Utc>>,
}

/// Complete replies after id `after`, at most `limit`, with their answers
/// (for exports read in batches).
pub async fn export_batch(
    db: &Db,
    step_id: i64,
    after: i64,
    limit: i64,
) -> StoreResult<Vec<(ExportedReply, Vec<(i64, String)>)>> {
    let replies: Vec<ExportedReply> = on_db!(db, |p| sqlx::query_as(
        "SELECT r.id, r.receipt, u.email, d.name AS district, r.age_band, r.created_at
         FROM questionnaire_replies r LEFT JOIN users u ON u.id = r.user_id
         LEFT JOIN districts d ON d.id = r.district_id
         WHERE r.step_id = $1 AND NOT r.draft AND r.id > $2 ORDER BY r.id LIMIT $3"
    )
    .bind(step_id)
    .bind(after)
    .bind(limit)
    .fetch_all(p)
    .await)?;
    let (Some(first), Some(last)) = (replies.first(), replies.last()) else {
        return Ok(vec![]);
    };
    let rows: Vec<(i64, i64, String)> = on_db!(db, |p| sqlx::query_as(
        "SELECT a.reply_id, a.question_id, a.value FROM reply_answers a
         JOIN questionnaire_replies r ON r.id = a.reply_id
         WHERE r.step_id = $1 AND a.reply_id BETWEEN $2 AND $3"
    )
    .bind(step_id)
    .bind(first.id)
    .bind(last.id)
    .fetch_all(p)
    .await)?;
    let mut by_reply: std::collections::HashMap<i64, Vec<(i64, String)>> = std::collections::HashMap::new();
    for (r, q, v) in rows {
        by_reply.entry(r).or_default().push((q, v));
    }
    Ok(replies
        .into_iter()
        .map(|r| {
            let answers = by_reply.remove(&r.id).unwrap_or_default();
            (r, answers)
        })
        .collect())
}
