//! Open data: the public page listing every file of every public project's
//! published steps (with row counts, the licence and the data dictionary),
//! and the files themselves, anonymised and streamed.
//!
//! A file is written by a task that reads rows from the database as a
//! stream and sends 64 KiB chunks down a small channel to the response
//! body: memory stays flat whatever the number of rows, and a slow client
//! slows the reading down instead of filling memory.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use futures_util::StreamExt;
use minijinja::Value;
use participe_domain::open_data::{self, Dataset, File, Format, Licence, VotePublicity};
use participe_domain::step::StepType;
use serde::Serialize;
use tokio::sync::mpsc;

use crate::app::AppState;
use crate::i18n::Lang;
use crate::storage::open_data::{self as store, PublicStep};
use crate::storage::{Db, ballots, org};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::PathParams;
use crate::web::render;

/// Bytes gathered before a chunk is sent.
const CHUNK: usize = 64 * 1024;
/// Chunks waiting for the client, at most.
const QUEUE: usize = 4;

fn publicity(s: &PublicStep) -> VotePublicity {
    if s.step_type == StepType::Questionnaire.as_str() {
        return VotePublicity {
            results_published: s.answers_public,
            counts_public: false,
        };
    }
    VotePublicity {
        results_published: s.results_published_at.is_some(),
        counts_public: s.counts_public,
    }
}

fn step_type(s: &PublicStep) -> Option<StepType> {
    StepType::parse(&s.step_type).ok()
}

/// The licence in force (the default if the stored value is unknown).
async fn licence(db: &Db) -> AppResult<Licence> {
    Ok(Licence::parse(&org::open_data_licence(db).await?).unwrap_or(Licence::Etalab20))
}

/// `GET /open-data`: every public step's files, the licence, the dictionary.
pub async fn page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    let steps = store::public_steps(&state.db).await?;
    let counts = store::counts_by_step(&state.db).await?;
    let mut projects: Vec<(String, String, Vec<Value>)> = vec![];
    for s in &steps {
        let Some(kind) = step_type(s) else { continue };
        if !Dataset::ALL.iter().any(|d| d.applies_to(kind)) {
            continue;
        }
        let counts = counts.get(&s.id).copied().unwrap_or_default();
        let files: Vec<Value> = open_data::files_of(kind, publicity(s))
            .into_iter()
            .map(|f| {
                let rows = match f.dataset() {
                    Dataset::Proposals => counts.proposals,
                    Dataset::Comments => counts.comments,
                    Dataset::Votes => counts.votes,
                    Dataset::Results => counts.results,
                    Dataset::Opinions => counts.opinions,
                    Dataset::Arguments => counts.arguments,
                    Dataset::Sources => counts.sources,
                    Dataset::Debates => counts.debates,
                    Dataset::Answers => counts.answers,
                };
                let format = match f {
                    File::Data(_, Format::Csv) => "csv",
                    File::Data(_, Format::Json) => "json",
                    File::Pb => "pb",
                };
                view! { name => f.name(), dataset => f.dataset().as_str(), format, rows }
            })
            .collect();
        let step = view! { id => s.id, title => s.title, step_type => s.step_type, files };
        match projects.last_mut() {
            Some(p) if p.0 == s.project_slug => p.2.push(step),
            _ => projects.push((s.project_slug.clone(), s.project_title.clone(), vec![step])),
        }
    }
    let projects: Vec<Value> = projects
        .into_iter()
        .map(|(slug, title, steps)| view! { slug, title, steps })
        .collect();
    let licence = licence(&state.db).await?;
    let dictionary: Vec<Value> = Dataset::ALL
        .iter()
        .map(|d| {
            let columns: Vec<Value> = d
                .columns()
                .iter()
                .map(|c| {
                    let text = match ctx.lang {
                        Lang::Fr => c.fr,
                        Lang::En => c.en,
                    };
                    view! { name => c.name, text }
                })
                .collect();
            view! { dataset => d.as_str(), columns }
        })
        .collect();
    render::page(
        &state,
        &ctx,
        "open_data.html",
        view! {
            projects,
            licence => view! { code => licence.as_str(), name => licence.name(), url => licence.url() },
            dictionary,
        },
    )
    .await
}

/// `GET /open-data/steps/{id}/{file}`: one file of a public step.
pub async fn download(
    State(state): State<AppState>,
    PathParams((id, name)): PathParams<(i64, String)>,
) -> AppResult<Response> {
    let file = File::parse(&name).ok_or_else(AppError::not_found)?;
    let step = store::public_step(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let kind = step_type(&step).ok_or_else(AppError::not_found)?;
    if !open_data::offers(kind, publicity(&step), file) {
        return Err(AppError::not_found());
    }
    let (content_type, body) = match file {
        File::Pb => {
            let body = crate::web::votes::results::pb_body(&state, id).await?;
            ("text/plain; charset=utf-8", body)
        }
        File::Data(dataset, format) => {
            let content_type = match format {
                Format::Csv => "text/csv; charset=utf-8",
                Format::Json => "application/json",
            };
            let secret = match dataset {
                Dataset::Votes | Dataset::Results | Dataset::Debates => vec![],
                _ => org::pseudonym_secret(&state.db).await?.into_bytes(),
            };
            let job = Job {
                db: state.db.clone(),
                step_id: id,
                file: file.name(),
                dataset,
                format,
                secret,
            };
            (content_type, stream_body(job))
        }
    };
    let filename = format!("participe-{}-{}-{}", step.project_slug, id, file.name());
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// What a writing task needs: everything owned, so it can outlive the handler.
pub(crate) struct Job {
    pub(crate) db: Db,
    pub(crate) step_id: i64,
    pub(crate) file: String,
    dataset: Dataset,
    format: Format,
    pub(crate) secret: Vec<u8>,
}

pub(crate) type Chunk = Result<Bytes, std::io::Error>;

/// The response body of a job: chunks sent by a task as it reads rows. A
/// failure midway ends the body with an error, so the client sees a broken
/// download rather than a truncated file that looks whole.
fn stream_body(job: Job) -> Body {
    let (tx, rx) = mpsc::channel::<Chunk>(QUEUE);
    tokio::spawn(async move {
        if let Err(e) = write(&job, &tx).await {
            tracing::error!(step = job.step_id, file = %job.file, "open-data export failed: {e:#}");
            let _ = tx.send(Err(std::io::Error::other("export failed"))).await;
        }
    });
    Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|c| (c, rx))
    }))
}

/// A row of a file: its JSON form (serde) and its CSV record.
pub(crate) trait OpenRow: Serialize {
    fn record(&self) -> Vec<String>;
}

pub(crate) fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

#[derive(Serialize)]
struct ProposalOut {
    id: i64,
    reference: Option<String>,
    title: String,
    summary: String,
    status: Option<String>,
    outcome: Option<String>,
    cost: Option<i64>,
    district: Option<String>,
    theme: Option<String>,
    published_at: Option<String>,
    author_pseudonym: String,
    comments: i64,
}

impl OpenRow for ProposalOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            opt(&self.reference),
            self.title.clone(),
            self.summary.clone(),
            opt(&self.status),
            opt(&self.outcome),
            opt(&self.cost),
            opt(&self.district),
            opt(&self.theme),
            opt(&self.published_at),
            self.author_pseudonym.clone(),
            self.comments.to_string(),
        ]
    }
}

#[derive(Serialize)]
struct CommentOut {
    id: i64,
    proposal: i64,
    parent: Option<i64>,
    author_pseudonym: String,
    body: String,
    created_at: String,
}

impl OpenRow for CommentOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.proposal.to_string(),
            opt(&self.parent),
            self.author_pseudonym.clone(),
            self.body.clone(),
            self.created_at.clone(),
        ]
    }
}

#[derive(Serialize)]
struct VoteOut {
    pseudonym: String,
    channel: String,
    envelope_district: Option<String>,
    choices: Vec<i64>,
    voter_district: Option<String>,
    age_band: Option<String>,
}

impl OpenRow for VoteOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.pseudonym.clone(),
            self.channel.clone(),
            opt(&self.envelope_district),
            self.choices.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
            opt(&self.voter_district),
            opt(&self.age_band),
        ]
    }
}

#[derive(Serialize)]
struct AnswerOut {
    reply: String,
    channel: String,
    district: Option<String>,
    age_band: Option<String>,
    question_id: i64,
    question: String,
    question_type: &'static str,
    answer: String,
}

impl OpenRow for AnswerOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.reply.clone(),
            self.channel.clone(),
            opt(&self.district),
            opt(&self.age_band),
            self.question_id.to_string(),
            self.question.clone(),
            self.question_type.to_string(),
            self.answer.clone(),
        ]
    }
}

#[derive(Serialize)]
struct ResultOut {
    proposal: i64,
    title: String,
    cost: Option<i64>,
    district: Option<String>,
    online: i64,
    paper: i64,
    total: i64,
    selected: bool,
    selection_order: Option<i64>,
}

impl OpenRow for ResultOut {
    fn record(&self) -> Vec<String> {
        vec![
            self.proposal.to_string(),
            self.title.clone(),
            opt(&self.cost),
            opt(&self.district),
            self.online.to_string(),
            self.paper.to_string(),
            self.total.to_string(),
            self.selected.to_string(),
            opt(&self.selection_order),
        ]
    }
}

/// Turns rows into bytes: CSV in UTF-8 with a byte-order mark (so
/// spreadsheets read accents), comma-separated and quoted per RFC 4180; or
/// a JSON array, one element per line.
pub(crate) struct Encoder {
    format: Format,
    csv: csv::Writer<Vec<u8>>,
    json: Vec<u8>,
    rows: u64,
}

fn csv_writer(with_bom: bool) -> csv::Writer<Vec<u8>> {
    let start = if with_bom {
        "\u{feff}".as_bytes().to_vec()
    } else {
        vec![]
    };
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(start)
}

impl Encoder {
    fn new(format: Format, dataset: Dataset) -> anyhow::Result<Encoder> {
        let mut e = Encoder {
            format,
            csv: csv_writer(format == Format::Csv),
            json: vec![],
            rows: 0,
        };
        match format {
            Format::Csv => e.csv.write_record(dataset.header())?,
            Format::Json => e.json.push(b'['),
        }
        Ok(e)
    }

    pub(crate) fn push(&mut self, row: &impl OpenRow) -> anyhow::Result<()> {
        match self.format {
            Format::Csv => {
                self.csv.write_record(row.record())?;
                self.csv.flush()?;
            }
            Format::Json => {
                self.json.extend_from_slice(if self.rows == 0 { b"\n" } else { b",\n" });
                serde_json::to_writer(&mut self.json, row)?;
            }
        }
        self.rows += 1;
        Ok(())
    }

    fn len(&self) -> usize {
        self.csv.get_ref().len() + self.json.len()
    }

    /// The bytes written so far.
    fn take(&mut self) -> anyhow::Result<Bytes> {
        let csv = std::mem::replace(&mut self.csv, csv_writer(false));
        let mut out = csv.into_inner().map_err(|e| anyhow::anyhow!("csv: {}", e.error()))?;
        out.append(&mut self.json);
        Ok(Bytes::from(out))
    }

    fn finish(mut self) -> anyhow::Result<Bytes> {
        if self.format == Format::Json {
            self.json.extend_from_slice(b"\n]\n");
        }
        self.take()
    }
}

/// Sends the encoder's bytes once a chunk is full; false when the client left.
pub(crate) async fn send_if_full(enc: &mut Encoder, tx: &mpsc::Sender<Chunk>) -> anyhow::Result<bool> {
    if enc.len() < CHUNK {
        return Ok(true);
    }
    Ok(tx.send(Ok(enc.take()?)).await.is_ok())
}

async fn write(job: &Job, tx: &mpsc::Sender<Chunk>) -> anyhow::Result<()> {
    let mut enc = Encoder::new(job.format, job.dataset)?;
    let pseudonym = |user: i64| open_data::pseudonym(&job.secret, &job.file, job.step_id, user);
    match job.dataset {
        Dataset::Proposals => {
            let mut rows = store::proposals(&job.db, job.step_id);
            while let Some(p) = rows.next().await {
                let p = p?;
                let row = ProposalOut {
                    id: p.id,
                    reference: p
                        .number
                        .map(|n| participe_domain::proposal::reference(p.reference_prefix.as_deref().unwrap_or(""), n)),
                    title: p.title,
                    summary: p.summary,
                    status: p.status,
                    outcome: p.outcome,
                    cost: p.cost,
                    district: p.district,
                    theme: p.theme,
                    published_at: p.published_at.map(|d| d.to_rfc3339()),
                    author_pseudonym: pseudonym(p.author_id),
                    comments: p.comment_count,
                };
                enc.push(&row)?;
                if !send_if_full(&mut enc, tx).await? {
                    return Ok(());
                }
            }
        }
        Dataset::Comments => {
            let mut rows = store::comments(&job.db, job.step_id);
            while let Some(c) = rows.next().await {
                let c = c?;
                let row = CommentOut {
                    id: c.id,
                    proposal: c.proposal_id,
                    parent: c.parent_id,
                    author_pseudonym: pseudonym(c.author_id),
                    body: c.body,
                    created_at: c.created_at.to_rfc3339(),
                };
                enc.push(&row)?;
                if !send_if_full(&mut enc, tx).await? {
                    return Ok(());
                }
            }
        }
        Dataset::Votes => {
            // Rows come one per choice, by ballot then rank: a ballot is
            // written when the next one starts.
            let mut rows = store::ballot_choices(&job.db, job.step_id);
            let mut current: Option<(i64, VoteOut)> = None;
            while let Some(r) = rows.next().await {
                let r = r?;
                if current.as_ref().is_none_or(|(id, _)| *id != r.ballot_id) {
                    if let Some((_, done)) = current.take() {
                        enc.push(&done)?;
                        if !send_if_full(&mut enc, tx).await? {
                            return Ok(());
                        }
                    }
                    let row = VoteOut {
                        pseudonym: r.pseudonym,
                        channel: r.channel,
                        envelope_district: r.envelope_district,
                        choices: vec![],
                        voter_district: r.voter_district,
                        age_band: r.age_band,
                    };
                    current = Some((r.ballot_id, row));
                }
                if let (Some((_, row)), Some(p)) = (current.as_mut(), r.proposal_id) {
                    row.choices.push(p);
                }
            }
            if let Some((_, done)) = current {
                enc.push(&done)?;
            }
        }
        Dataset::Opinions | Dataset::Arguments | Dataset::Sources | Dataset::Debates => {
            if !super::open_data_texts::write(job, job.dataset, &mut enc, tx).await? {
                return Ok(());
            }
        }
        Dataset::Answers => {
            let Some(q) = crate::storage::questionnaires::get(&job.db, job.step_id).await? else {
                return Ok(());
            };
            // Private questions and uploaded files are not published.
            let questions: std::collections::HashMap<i64, participe_domain::form::Question> =
                crate::storage::forms::questions(&job.db, q.form_id)
                    .await?
                    .into_iter()
                    .filter(|q| !q.private && q.kind != participe_domain::form::QuestionKind::File)
                    .map(|q| (q.id, q))
                    .collect();
            let mut rows = store::answers(&job.db, job.step_id);
            while let Some(r) = rows.next().await {
                let r = r?;
                let Some(q) = questions.get(&r.question_id) else {
                    continue;
                };
                enc.push(&AnswerOut {
                    reply: pseudonym(r.reply_id),
                    channel: r.channel,
                    district: r.district,
                    age_band: r.age_band,
                    question_id: q.id,
                    question: q.label.clone(),
                    question_type: q.kind.as_str(),
                    answer: participe_domain::form::Answer::from_storage(q.kind, &r.value).plain(),
                })?;
                if !send_if_full(&mut enc, tx).await? {
                    return Ok(());
                }
            }
        }
        Dataset::Results => {
            // A few hundred rows at most: read at once.
            for r in ballots::results(&job.db, job.step_id).await? {
                enc.push(&ResultOut {
                    proposal: r.proposal_id,
                    title: r.title,
                    cost: r.cost,
                    district: r.district_name,
                    online: r.online,
                    paper: r.paper,
                    total: r.online + r.paper,
                    selected: r.selected,
                    selection_order: r.selection_order,
                })?;
            }
        }
    }
    let _ = tx.send(Ok(enc.finish()?)).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(i: i64) -> VoteOut {
        VoteOut {
            pseudonym: format!("{i:032x}"),
            channel: "online".into(),
            envelope_district: None,
            choices: vec![i, i + 1],
            voter_district: Some("Nord, \"centre\"".into()),
            age_band: None,
        }
    }

    /// Encodes `n` rows as the export task does, in chunks.
    fn encode(format: Format, n: i64) -> (Vec<Bytes>, Vec<u8>) {
        let mut enc = Encoder::new(format, Dataset::Votes).unwrap();
        let mut chunks = vec![];
        for i in 0..n {
            enc.push(&vote(i)).unwrap();
            if enc.len() >= CHUNK {
                chunks.push(enc.take().unwrap());
            }
        }
        chunks.push(enc.finish().unwrap());
        let all = chunks.iter().flat_map(|c| c.iter().copied()).collect();
        (chunks, all)
    }

    #[test]
    fn csv_chunks_join_into_one_file_with_one_bom() {
        let (chunks, all) = encode(Format::Csv, 5000);
        assert!(chunks.len() > 2, "several chunks");
        assert!(chunks.iter().all(|c| c.len() < CHUNK + 1024), "chunks stay small");
        assert_eq!(&all[..3], "\u{feff}".as_bytes());
        assert_eq!(all.windows(3).filter(|w| *w == "\u{feff}".as_bytes()).count(), 1);
        let mut r = csv::Reader::from_reader(&all[3..]);
        assert_eq!(r.headers().unwrap(), Dataset::Votes.header());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 5000);
        assert_eq!(&rows[4999][3], "4999,5000");
        assert_eq!(&rows[0][4], "Nord, \"centre\"");
    }

    #[test]
    fn json_chunks_join_into_one_array() {
        let (chunks, all) = encode(Format::Json, 5000);
        assert!(chunks.len() > 2);
        let v: Vec<serde_json::Value> = serde_json::from_slice(&all).unwrap();
        assert_eq!(v.len(), 5000);
        assert_eq!(v[7]["choices"], serde_json::json!([7, 8]));
        assert_eq!(v[7]["envelope_district"], serde_json::Value::Null);
        let empty: Vec<serde_json::Value> = serde_json::from_slice(&encode(Format::Json, 0).1).unwrap();
        assert!(empty.is_empty());
    }
}
