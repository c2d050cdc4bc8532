//! Reversibility: the whole platform (every table of every migration, every
//! uploaded file) in one ZIP archive, and back, on either engine. The format
//! is described in docs/ARCHIVE.md; its pure parts (manifest, checks, the
//! order of inserts) are in `participe_domain::archive`.
//!
//! Rows stream both ways: the export reads each table in one read-only
//! snapshot and hands lines to a blocking thread that compresses them into
//! the ZIP; the import reads the ZIP on a blocking thread and inserts rows
//! as they come, in one transaction, decoding each value by the target
//! column's type. A failed import leaves the database as it was and removes
//! the files it had written.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail, ensure};
use futures_util::TryStreamExt;
use participe_domain::archive::{
    self as format, FileSpec, Manifest, MigrationSpec, PortableType, SelfRefQueue, TableSpec,
};
use serde_json::{Map, Value};
use tokio::sync::mpsc;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::on_db;
use crate::services::jobs::{self, Outcome, Progress};
use crate::storage::WriteTx;
use crate::storage::schema::{self, Schema, SqlValue, Table, quote};
use crate::storage::{Db, Engine, jobs as job_store};

/// The kind of the background job that exports the platform.
pub const EXPORT_JOB: &str = "platform_export";
/// The tables `migrate` fills (the organisation's row, the built-in pages,
/// the home page's first sections): an import replaces their rows.
const SEEDED_TABLES: [&str; 3] = ["organisation", "pages", "home_sections"];
/// Bytes of rows handed to the ZIP writer at a time.
const CHUNK: usize = 64 * 1024;
/// Lines handed to the importer at a time.
const BATCH: usize = 256;

/// What an export or an import moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub tables: usize,
    pub rows: u64,
    pub files: u64,
    /// Size of the archive.
    pub bytes: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} tables, {} rows, {} files, {} bytes",
            self.tables, self.rows, self.files, self.bytes
        )
    }
}

/// Where uploads live under a data directory (as `AppState` sets it up).
pub fn uploads_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("uploads")
}

/// Where background exports are written under a data directory.
pub fn exports_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("exports")
}

/// An archive name the download route accepts (`participe-…-N.zip`).
pub fn valid_export_name(name: &str) -> bool {
    name.starts_with("participe-")
        && name.ends_with(".zip")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !name.contains("..")
}

// ---------------------------------------------------------------- export

/// What the export thread writes into the ZIP.
enum Chunk {
    Entry { name: String, compress: bool, large: bool },
    Data(Vec<u8>),
    File { name: String, path: PathBuf, size: u64 },
    Finish,
}

/// Writes the whole platform to `output` (through `output.part`, renamed at
/// the end, so a failed export leaves no half archive).
pub async fn export(db: &Db, uploads: &Path, output: &Path, progress: &Progress) -> anyhow::Result<Summary> {
    let schema = schema::read(db).await?;
    let migrations = schema::applied_migrations(db).await?;
    let files = list_files(uploads).await?;
    let part = PathBuf::from(format!("{}.part", output.display()));
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        tokio::fs::create_dir_all(dir)
            .await
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let (tx, rx) = mpsc::channel::<Chunk>(16);
    let writer = {
        let part = part.clone();
        let modified = zip_time(&crate::storage::now());
        tokio::task::spawn_blocking(move || write_zip(&part, rx, modified))
    };
    let produced = produce(db, &schema, migrations, &files, uploads, &tx, progress).await;
    drop(tx);
    let written = writer.await.map_err(|e| anyhow!("the archive writer stopped: {e}"))?;
    let summary = match (produced, written) {
        (Ok(summary), Ok(bytes)) => Summary { bytes, ..summary },
        (Err(e), Err(WriteError::Io(w))) if e.is::<Closed>() => return Err(cleanup(&part, w).await),
        (Err(e), _) | (Ok(_), Err(WriteError::Io(e))) => return Err(cleanup(&part, e).await),
        (Ok(_), Err(WriteError::Interrupted)) => {
            return Err(cleanup(&part, anyhow!("the export was interrupted")).await);
        }
    };
    tokio::fs::rename(&part, output)
        .await
        .with_context(|| format!("cannot write {}", output.display()))?;
    Ok(summary)
}

async fn cleanup(part: &Path, e: anyhow::Error) -> anyhow::Error {
    let _ = tokio::fs::remove_file(part).await;
    e
}

/// The writer thread went away (it says why).
#[derive(Debug)]
struct Closed;

impl std::fmt::Display for Closed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the archive writer stopped")
    }
}

impl std::error::Error for Closed {}

async fn send(tx: &mpsc::Sender<Chunk>, chunk: Chunk) -> anyhow::Result<()> {
    tx.send(chunk).await.map_err(|_| anyhow::Error::new(Closed))
}

/// Every uploaded file (names as the file store makes them), sorted.
async fn list_files(uploads: &Path) -> anyhow::Result<Vec<FileSpec>> {
    let mut files = Vec::new();
    let mut dir = match tokio::fs::read_dir(uploads).await {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(files),
        Err(e) => return Err(e).with_context(|| format!("cannot list {}", uploads.display())),
    };
    while let Some(entry) = dir.next_entry().await? {
        let meta = entry.metadata().await?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if meta.is_file() && crate::files::valid_name(&name) {
            files.push(FileSpec { name, size: meta.len() });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// Reads every table in one read-only snapshot and sends the archive's
/// entries to the writer.
async fn produce(
    db: &Db,
    schema: &Schema,
    migrations: Vec<(i64, String)>,
    files: &[FileSpec],
    uploads: &Path,
    tx: &mpsc::Sender<Chunk>,
    progress: &Progress,
) -> anyhow::Result<Summary> {
    let engine = db.engine();
    let rows = on_db!(db, |p| {
        async {
            let mut conn = p.begin_write().await?;
            if engine == Engine::Postgres {
                sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .execute(&mut *conn)
                    .await?;
            }
            let mut tables = Vec::with_capacity(schema.tables.len());
            for t in &schema.tables {
                let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {}", quote(&t.name)));
                let rows: i64 = sqlx::query_scalar(sql).fetch_one(&mut *conn).await?;
                tables.push(TableSpec {
                    name: t.name.clone(),
                    columns: t.columns.clone(),
                    rows: rows as u64,
                });
            }
            let manifest = Manifest {
                format: format::FORMAT_NAME.into(),
                format_version: format::FORMAT_VERSION,
                participe_version: env!("CARGO_PKG_VERSION").into(),
                created_at: format::format_timestamp(&crate::storage::now()),
                source_engine: engine.as_str().into(),
                migrations: migrations
                    .into_iter()
                    .map(|(version, description)| MigrationSpec { version, description })
                    .collect(),
                tables,
                files: files.to_vec(),
            };
            progress.start(manifest.total_items(), "export");
            send(tx, entry(format::MANIFEST_ENTRY, true, false)).await?;
            send(tx, Chunk::Data(serde_json::to_vec_pretty(&manifest)?)).await?;
            let mut total = 0;
            for (t, spec) in schema.tables.iter().zip(&manifest.tables) {
                progress.message(&t.name);
                send(tx, entry(&format::table_entry(&t.name), true, spec.rows > 2_000_000)).await?;
                let sql = sqlx::AssertSqlSafe(select_sql(t));
                let mut stream = sqlx::query(sql).fetch(&mut *conn);
                let mut buf = Vec::with_capacity(CHUNK + 4096);
                let mut n = 0u64;
                while let Some(row) = stream.try_next().await? {
                    let mut obj = Map::new();
                    for (i, c) in t.columns.iter().enumerate() {
                        let v = schema::json_value(&row, i, c.ty)
                            .with_context(|| format!("cannot read {}.{}", t.name, c.name))?;
                        obj.insert(c.name.clone(), v);
                    }
                    serde_json::to_writer(&mut buf, &Value::Object(obj))?;
                    buf.push(b'\n');
                    n += 1;
                    progress.advance(1);
                    if buf.len() >= CHUNK {
                        send(tx, Chunk::Data(std::mem::take(&mut buf))).await?;
                    }
                }
                drop(stream);
                if !buf.is_empty() {
                    send(tx, Chunk::Data(buf)).await?;
                }
                ensure!(n == spec.rows, "table {} changed during the export", t.name);
                total += n;
            }
            conn.rollback().await?;
            anyhow::Ok(total)
        }
        .await
    })?;
    progress.message("files");
    for f in files {
        send(
            tx,
            Chunk::File {
                name: format::file_entry(&f.name),
                path: uploads.join(&f.name),
                size: f.size,
            },
        )
        .await?;
        progress.advance(1);
    }
    send(tx, Chunk::Finish).await?;
    Ok(Summary {
        tables: schema.tables.len(),
        rows,
        files: files.len() as u64,
        bytes: 0,
    })
}

fn entry(name: &str, compress: bool, large: bool) -> Chunk {
    Chunk::Entry {
        name: name.to_string(),
        compress,
        large,
    }
}

/// Every column of a table, in its order, rows sorted by primary key.
fn select_sql(t: &Table) -> String {
    let cols: Vec<String> = t.columns.iter().map(|c| quote(&c.name)).collect();
    let order: Vec<String> = if t.primary_key.is_empty() {
        (1..=cols.len()).map(|i| i.to_string()).collect()
    } else {
        t.primary_key.iter().map(|c| quote(c)).collect()
    };
    format!(
        "SELECT {} FROM {} ORDER BY {}",
        cols.join(", "),
        quote(&t.name),
        order.join(", ")
    )
}

/// The entries' date (ZIP keeps local time without a zone: this is UTC).
fn zip_time(t: &chrono::DateTime<chrono::Utc>) -> zip::DateTime {
    use chrono::{Datelike, Timelike};
    zip::DateTime::from_date_and_time(
        t.year().clamp(1980, 2107) as u16,
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
    )
    .unwrap_or_default()
}

enum WriteError {
    /// The producer stopped before `Finish`; it knows why.
    Interrupted,
    Io(anyhow::Error),
}

/// The blocking side of the export: writes what it receives into the ZIP;
/// returns the archive's size.
fn write_zip(path: &Path, mut rx: mpsc::Receiver<Chunk>, modified: zip::DateTime) -> Result<u64, WriteError> {
    let io = |e: zip::result::ZipError| WriteError::Io(anyhow!("cannot write the archive: {e}"));
    let file = File::create(path)
        .with_context(|| format!("cannot create {}", path.display()))
        .map_err(WriteError::Io)?;
    let mut zip = ZipWriter::new(BufWriter::with_capacity(256 * 1024, file));
    loop {
        match rx.blocking_recv() {
            None => return Err(WriteError::Interrupted),
            Some(Chunk::Entry { name, compress, large }) => {
                let method = if compress {
                    CompressionMethod::Deflated
                } else {
                    CompressionMethod::Stored
                };
                let options = SimpleFileOptions::default()
                    .compression_method(method)
                    .large_file(large)
                    .last_modified_time(modified)
                    .unix_permissions(0o600);
                zip.start_file(name, options).map_err(io)?;
            }
            Some(Chunk::Data(bytes)) => zip
                .write_all(&bytes)
                .map_err(|e| WriteError::Io(anyhow!("cannot write the archive: {e}")))?,
            Some(Chunk::File { name, path, size }) => {
                let options = SimpleFileOptions::default()
                    .compression_method(CompressionMethod::Stored)
                    .large_file(size > u32::MAX as u64)
                    .last_modified_time(modified)
                    .unix_permissions(0o600);
                zip.start_file(name, options).map_err(io)?;
                let mut f = File::open(&path)
                    .with_context(|| format!("cannot read {}", path.display()))
                    .map_err(WriteError::Io)?;
                std::io::copy(&mut f, &mut zip)
                    .with_context(|| format!("cannot copy {}", path.display()))
                    .map_err(WriteError::Io)?;
            }
            Some(Chunk::Finish) => {
                let mut out = zip.finish().map_err(io)?;
                out.flush()
                    .map_err(|e| WriteError::Io(anyhow!("cannot write the archive: {e}")))?;
                let file = out
                    .into_inner()
                    .map_err(|e| WriteError::Io(anyhow!("cannot write the archive: {e}")))?;
                file.sync_all()
                    .map_err(|e| WriteError::Io(anyhow!("cannot write the archive: {e}")))?;
                return file.metadata().map(|m| m.len()).map_err(|e| WriteError::Io(e.into()));
            }
        }
    }
}

// ---------------------------------------------------------------- import

/// What the reading thread hands to the importer.
enum Batch {
    Rows {
        table: usize,
        first_line: u64,
        lines: Vec<String>,
    },
    EndTable {
        table: usize,
        rows: u64,
    },
    /// Every file is in place; the importer may commit.
    FilesDone,
}

/// Opens an archive and reads its manifest and the names of its entries.
pub fn read_manifest(path: &Path) -> anyhow::Result<(Manifest, Vec<String>)> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut zip = ZipArchive::new(BufReader::new(file)).map_err(|e| {
        anyhow!(
            "{} is not a readable ZIP archive ({e}); it may be truncated",
            path.display()
        )
    })?;
    let names = zip
        .file_names()
        .map(|n| n.map(|n| n.into_owned()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow!("cannot read the archive's entries: {e}"))?;
    let manifest = zip
        .by_name(format::MANIFEST_ENTRY)
        .map_err(|_| format::ArchiveError::NotAnArchive(format!("no {}", format::MANIFEST_ENTRY)))?;
    let manifest: Manifest = serde_json::from_reader(BufReader::new(manifest))
        .map_err(|e| format::ArchiveError::NotAnArchive(format!("unreadable {}: {e}", format::MANIFEST_ENTRY)))?;
    Ok((manifest, names))
}

/// Every entry must be the manifest, a listed table or a listed file, and
/// every listed one must be there.
fn check_entries(manifest: &Manifest, names: &[String]) -> anyhow::Result<()> {
    let mut expected: BTreeSet<String> = manifest.tables.iter().map(|t| format::table_entry(&t.name)).collect();
    expected.extend(manifest.files.iter().map(|f| format::file_entry(&f.name)));
    expected.insert(format::MANIFEST_ENTRY.to_string());
    for n in names {
        if !expected.remove(n) {
            match n.strip_prefix("tables/").and_then(|t| t.strip_suffix(".jsonl")) {
                Some(table) => bail!(format::ArchiveError::UnknownTable(table.to_string())),
                None => bail!("the archive holds an unexpected entry {n:?}"),
            }
        }
    }
    if let Some(missing) = expected.into_iter().next() {
        bail!("the archive lacks the entry {missing:?} its manifest lists");
    }
    for f in &manifest.files {
        ensure!(
            crate::files::valid_name(&f.name),
            format::ArchiveError::BadName(f.name.clone())
        );
    }
    Ok(())
}

/// Restores an archive into an empty, migrated database and its files into
/// `uploads`. Refuses (changing nothing) an archive of another schema or a
/// database with content.
pub async fn import(db: &Db, uploads: &Path, archive: &Path, progress: &Progress) -> anyhow::Result<Summary> {
    let path = archive.to_path_buf();
    let (manifest, names) = tokio::task::spawn_blocking(move || read_manifest(&path))
        .await
        .map_err(|e| anyhow!("cannot read the archive: {e}"))??;
    let schema = schema::read(db).await?;
    let versions: Vec<i64> = schema::applied_migrations(db).await?.into_iter().map(|m| m.0).collect();
    format::check_compatible(&manifest, &versions)?;
    format::check_tables(&manifest, &schema.column_names())?;
    check_entries(&manifest, &names)?;
    let mut busy = Vec::new();
    for t in schema
        .tables
        .iter()
        .filter(|t| !SEEDED_TABLES.contains(&t.name.as_str()))
    {
        if schema::has_rows(db, &t.name).await? {
            busy.push(t.name.clone());
        }
    }
    if !busy.is_empty() {
        let more = if busy.len() > 5 {
            format!(" and {} other tables", busy.len() - 5)
        } else {
            String::new()
        };
        busy.truncate(5);
        bail!(
            "the database is not empty (rows in {}{more}): import needs a new database, only migrated",
            busy.join(", ")
        );
    }
    let table_names: Vec<String> = schema.tables.iter().map(|t| t.name.clone()).collect();
    let order = format::insertion_order(&table_names, &schema.foreign_keys)?;
    progress.start(manifest.total_items(), "import");

    let (tx, rx) = mpsc::channel::<anyhow::Result<Batch>>(8);
    let reader = {
        let (archive, order, files) = (archive.to_path_buf(), order.clone(), manifest.files.clone());
        let (uploads, progress) = (uploads.to_path_buf(), progress.clone());
        tokio::task::spawn_blocking(move || {
            let mut created = Vec::new();
            if let Err(e) = read_archive(&archive, &order, &files, &uploads, &tx, &progress, &mut created) {
                let _ = tx.blocking_send(Err(e));
            }
            created
        })
    };
    let inserted = insert_all(db, &schema, &order, &manifest, rx, progress).await;
    let created = reader.await.unwrap_or_default();
    match inserted {
        Ok(rows) => Ok(Summary {
            tables: manifest.tables.len(),
            rows,
            files: manifest.files.len() as u64,
            bytes: tokio::fs::metadata(archive).await.map(|m| m.len()).unwrap_or(0),
        }),
        Err(e) => {
            for f in created {
                let _ = tokio::fs::remove_file(f).await;
            }
            Err(e)
        }
    }
}

/// The blocking side of the import: sends each table's lines in insertion
/// order, then writes the files (recording those it created).
fn read_archive(
    path: &Path,
    order: &[String],
    files: &[FileSpec],
    uploads: &Path,
    tx: &mpsc::Sender<anyhow::Result<Batch>>,
    progress: &Progress,
    created: &mut Vec<PathBuf>,
) -> anyhow::Result<()> {
    let stopped = || anyhow!("import stopped");
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut zip = ZipArchive::new(BufReader::new(file)).map_err(|e| anyhow!("cannot read the archive: {e}"))?;
    for (table, name) in order.iter().enumerate() {
        let entry_name = format::table_entry(name);
        let entry = zip
            .by_name(&entry_name)
            .map_err(|e| anyhow!("cannot read {entry_name}: {e}"))?;
        let mut reader = BufReader::new(entry);
        let (mut line_no, mut first_line, mut rows) = (0u64, 1u64, 0u64);
        let mut lines = Vec::with_capacity(BATCH);
        loop {
            let mut line = String::new();
            let n = reader
                .read_line(&mut line)
                .map_err(|e| anyhow!("cannot read {entry_name} after line {line_no}: {e}"))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            if line.trim().is_empty() {
                continue;
            }
            rows += 1;
            lines.push(line);
            if lines.len() == BATCH {
                let batch = Batch::Rows {
                    table,
                    first_line,
                    lines: std::mem::replace(&mut lines, Vec::with_capacity(BATCH)),
                };
                tx.blocking_send(Ok(batch)).map_err(|_| stopped())?;
                first_line = line_no + 1;
            }
        }
        if !lines.is_empty() {
            let batch = Batch::Rows {
                table,
                first_line,
                lines,
            };
            tx.blocking_send(Ok(batch)).map_err(|_| stopped())?;
        }
        tx.blocking_send(Ok(Batch::EndTable { table, rows }))
            .map_err(|_| stopped())?;
    }
    if !files.is_empty() {
        std::fs::create_dir_all(uploads).with_context(|| format!("cannot create {}", uploads.display()))?;
    }
    for f in files {
        let dest = uploads.join(&f.name);
        if !dest.exists() {
            let entry_name = format::file_entry(&f.name);
            let mut entry = zip
                .by_name(&entry_name)
                .map_err(|e| anyhow!("cannot read {entry_name}: {e}"))?;
            let tmp = uploads.join(format!("{}.tmp", f.name));
            let copied = File::create(&tmp)
                .and_then(|mut out| std::io::copy(&mut entry, &mut out))
                .map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    anyhow!("cannot extract {entry_name}: {e}")
                })?;
            if copied != f.size {
                let _ = std::fs::remove_file(&tmp);
                bail!("{entry_name} holds {copied} bytes, its manifest says {}", f.size);
            }
            std::fs::rename(&tmp, &dest).with_context(|| format!("cannot write {}", dest.display()))?;
            created.push(dest);
        }
        progress.advance(1);
    }
    tx.blocking_send(Ok(Batch::FilesDone)).map_err(|_| stopped())?;
    Ok(())
}

/// A row ready to insert: its values in the table's column order.
struct Row {
    line: u64,
    values: Vec<SqlValue>,
}

/// How rows of a table referencing itself are ordered.
struct SelfRef {
    /// The referenced column (the key).
    key: usize,
    /// The referencing columns.
    targets: Vec<usize>,
}

fn self_ref(schema: &Schema, t: &Table) -> anyhow::Result<Option<SelfRef>> {
    let fks: Vec<_> = schema
        .foreign_keys
        .iter()
        .filter(|fk| fk.table == t.name && fk.is_self_reference())
        .collect();
    let Some(first) = fks.first() else { return Ok(None) };
    ensure!(
        fks.iter().all(|fk| fk.ref_column == first.ref_column),
        "table {} references itself through several columns",
        t.name
    );
    let pos = |c: &str| t.columns.iter().position(|x| x.name == c);
    Ok(Some(SelfRef {
        key: pos(&first.ref_column).ok_or_else(|| anyhow!("no column {}.{}", t.name, first.ref_column))?,
        targets: fks.iter().filter_map(|fk| pos(&fk.column)).collect(),
    }))
}

fn key_of(v: &SqlValue) -> Option<String> {
    match v {
        SqlValue::Integer(Some(x)) => Some(x.to_string()),
        SqlValue::Text(Some(s)) => Some(s.clone()),
        SqlValue::Integer(None) | SqlValue::Text(None) => None,
        other => Some(format!("{other:?}")),
    }
}

/// Reads one line of a table as values of the target's columns.
fn parse_row(t: &Table, line: &str) -> anyhow::Result<Vec<SqlValue>> {
    let obj: Map<String, Value> = match serde_json::from_str(line) {
        Ok(Value::Object(o)) => o,
        Ok(_) => bail!("not a JSON object"),
        Err(e) => bail!("invalid JSON: {e}"),
    };
    if let Some(k) = obj.keys().find(|k| t.column(k).is_none()) {
        bail!("unknown column {k:?}");
    }
    t.columns
        .iter()
        .map(|c| {
            let v = obj
                .get(&c.name)
                .ok_or_else(|| anyhow!("no value for the column {:?}", c.name))?;
            SqlValue::from_json(c.ty, v).map_err(|e| anyhow!("column {:?}: {e}", c.name))
        })
        .collect()
}

/// An INSERT of `rows` rows at once.
fn insert_sql(t: &Table, rows: usize) -> String {
    let n = t.columns.len();
    let cols: Vec<String> = t.columns.iter().map(|c| quote(&c.name)).collect();
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let params: Vec<String> = (1..=n).map(|i| format!("${}", r * n + i)).collect();
            format!("({})", params.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {} ({}) VALUES {}",
        quote(&t.name),
        cols.join(", "),
        tuples.join(", ")
    )
}

/// Rows per INSERT: as many as a batch holds, within the engines' limit on
/// parameters (SQLite's is 32,766).
fn rows_per_insert(t: &Table) -> usize {
    (30_000 / t.columns.len().max(1)).clamp(1, BATCH)
}

/// The async side of the import: one transaction, committed only once
/// every row and file is in; returns the number of rows.
async fn insert_all(
    db: &Db,
    schema: &Schema,
    order: &[String],
    manifest: &Manifest,
    mut rx: mpsc::Receiver<anyhow::Result<Batch>>,
    progress: &Progress,
) -> anyhow::Result<u64> {
    let engine = db.engine();
    let tables: Vec<&Table> = order
        .iter()
        .map(|n| schema.table(n).ok_or_else(|| anyhow!("no table {n}")))
        .collect::<anyhow::Result<_>>()?;
    let self_refs: Vec<Option<SelfRef>> = tables
        .iter()
        .map(|t| self_ref(schema, t))
        .collect::<anyhow::Result<_>>()?;
    let per_insert: Vec<usize> = tables.iter().map(|t| rows_per_insert(t)).collect();
    let full_inserts: Vec<String> = tables.iter().zip(&per_insert).map(|(t, n)| insert_sql(t, *n)).collect();
    on_db!(db, |p| {
        async {
            let mut conn = p.begin_write().await?;
            for table in SEEDED_TABLES {
                sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {}", quote(table))))
                    .execute(&mut *conn)
                    .await?;
            }
            let mut queue: SelfRefQueue<String, Row> = SelfRefQueue::new();
            let (mut rows, mut files_done) = (0u64, false);
            while let Some(batch) = rx.recv().await {
                // Rows ready to insert, all of one table.
                let mut pending: Vec<Row> = Vec::new();
                let mut pending_table = 0;
                match batch? {
                    Batch::Rows {
                        table,
                        first_line,
                        lines,
                    } => {
                        let t = tables[table];
                        let entry = format::table_entry(&t.name);
                        for (k, line) in lines.iter().enumerate() {
                            let line_no = first_line + k as u64;
                            let values = parse_row(t, line).with_context(|| format!("{entry} line {line_no}"))?;
                            let row = Row { line: line_no, values };
                            match &self_refs[table] {
                                None => pending.push(row),
                                Some(s) => {
                                    let key = key_of(&row.values[s.key]).unwrap_or_default();
                                    let targets = s.targets.iter().filter_map(|i| key_of(&row.values[*i])).collect();
                                    pending.extend(queue.push(key, targets, row));
                                }
                            }
                        }
                        pending_table = table;
                    }
                    Batch::EndTable { table, rows: lines } => {
                        let t = tables[table];
                        let waiting = queue.unreleased();
                        if !waiting.is_empty() {
                            bail!(format::ArchiveError::DanglingRows {
                                table: t.name.clone(),
                                keys: waiting,
                            });
                        }
                        queue = SelfRefQueue::new();
                        let expected = manifest.table(&t.name).map_or(0, |s| s.rows);
                        ensure!(
                            lines == expected,
                            "{} holds {lines} rows, its manifest says {expected}",
                            format::table_entry(&t.name)
                        );
                    }
                    Batch::FilesDone => {
                        files_done = true;
                        break;
                    }
                }
                // Inserted in their order, many rows per statement (a row may
                // point to an earlier one of the same statement: both engines
                // check foreign keys at the end of each statement).
                let t = tables[pending_table];
                let mut rest = pending.into_iter().peekable();
                while rest.peek().is_some() {
                    let chunk: Vec<Row> = rest.by_ref().take(per_insert[pending_table]).collect();
                    let sql = if chunk.len() == per_insert[pending_table] {
                        full_inserts[pending_table].clone()
                    } else {
                        insert_sql(t, chunk.len())
                    };
                    let (first, last, n) = (chunk[0].line, chunk[chunk.len() - 1].line, chunk.len() as u64);
                    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
                    for v in chunk.into_iter().flat_map(|r| r.values) {
                        q = schema::bind(q, v);
                    }
                    q.execute(&mut *conn).await.map_err(|e| {
                        let lines = if first == last {
                            format!("line {first}")
                        } else {
                            format!("lines {first} to {last}")
                        };
                        anyhow!(
                            "{} {lines}: the database refused a row: {e}",
                            format::table_entry(&t.name)
                        )
                    })?;
                    rows += n;
                    progress.advance(n);
                }
            }
            ensure!(files_done, "the archive ended early");
            if engine == Engine::Postgres {
                for t in &tables {
                    for c in t.columns.iter().filter(|c| t.primary_key == [c.name.clone()]) {
                        if c.ty != PortableType::Integer {
                            continue;
                        }
                        let sql = format!(
                            "SELECT setval(pg_get_serial_sequence($1, $2), MAX({})) FROM {}",
                            quote(&c.name),
                            quote(&t.name)
                        );
                        sqlx::query(sqlx::AssertSqlSafe(sql))
                            .bind(&t.name)
                            .bind(&c.name)
                            .execute(&mut *conn)
                            .await?;
                    }
                }
            }
            conn.commit().await?;
            anyhow::Ok(rows)
        }
        .await
    })
}

// ---------------------------------------------------------------- background export

/// Starts a whole-platform export in the background, writing into the data
/// directory's `exports/`; returns the job's id, or None when one is already
/// under way.
pub async fn start_export_job(db: &Db, data_dir: &Path, by: Option<i64>) -> anyhow::Result<Option<i64>> {
    jobs::recover(db).await?;
    if job_store::active_of_kind(db, EXPORT_JOB).await? {
        return Ok(None);
    }
    let id = job_store::create(db, EXPORT_JOB, by).await?;
    let (worker_db, data_dir) = (db.clone(), data_dir.to_path_buf());
    jobs::spawn(db.clone(), id, move |progress| async move {
        let name = format!("participe-{}-{id}.zip", crate::storage::now().format("%Y%m%d-%H%M%S"));
        let out = exports_dir(&data_dir).join(&name);
        let s = export(&worker_db, &uploads_dir(&data_dir), &out, &progress).await?;
        Ok(Outcome {
            result_path: Some(name),
            message: s.to_string(),
        })
    });
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names_cannot_leave_the_directory() {
        assert!(valid_export_name("participe-20260301-101500-4.zip"));
        assert!(!valid_export_name("participe-../../etc/passwd.zip"));
        assert!(!valid_export_name("participe-a/b.zip"));
        assert!(!valid_export_name("other.zip"));
    }

    #[test]
    fn rows_are_read_by_the_target_columns() {
        use participe_domain::archive::ColumnSpec;
        let t = Table {
            name: "t".into(),
            columns: vec![
                ColumnSpec {
                    name: "id".into(),
                    ty: PortableType::Integer,
                    nullable: false,
                },
                ColumnSpec {
                    name: "at".into(),
                    ty: PortableType::Timestamp,
                    nullable: true,
                },
            ],
            primary_key: vec!["id".into()],
        };
        assert_eq!(
            parse_row(&t, r#"{"id": 1, "at": null}"#).unwrap(),
            vec![SqlValue::Integer(Some(1)), SqlValue::Timestamp(None)]
        );
        assert!(parse_row(&t, r#"{"id": 1}"#).unwrap_err().to_string().contains("at"));
        assert!(
            parse_row(&t, r#"{"id": 1, "at": null, "x": 2}"#)
                .unwrap_err()
                .to_string()
                .contains("x")
        );
        assert!(
            parse_row(&t, r#"{"id": 1, "#)
                .unwrap_err()
                .to_string()
                .contains("invalid JSON")
        );
        assert_eq!(insert_sql(&t, 1), r#"INSERT INTO "t" ("id", "at") VALUES ($1, $2)"#);
        assert_eq!(
            insert_sql(&t, 2),
            r#"INSERT INTO "t" ("id", "at") VALUES ($1, $2), ($3, $4)"#
        );
        assert_eq!(rows_per_insert(&t), BATCH);
        assert_eq!(select_sql(&t), r#"SELECT "id", "at" FROM "t" ORDER BY "id""#);
    }
}
