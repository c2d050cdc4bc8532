//! The whole-platform archive (reversibility): its manifest, the portable
//! column types, the checks an import makes before touching the database,
//! and the order in which tables and rows must be inserted so that every
//! foreign key finds its target. The format is described in docs/ARCHIVE.md;
//! reading and writing the ZIP and the databases is in the application crate.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

use chrono::{DateTime, NaiveDate, SecondsFormat, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

/// The `format` field of every manifest.
pub const FORMAT_NAME: &str = "participe-archive";
/// The version of the format written; readers accept this one and older.
pub const FORMAT_VERSION: u32 = 1;
/// The manifest's entry in the ZIP.
pub const MANIFEST_ENTRY: &str = "manifest.json";

/// The ZIP entry holding a table's rows, one JSON object a line.
pub fn table_entry(table: &str) -> String {
    format!("tables/{table}.jsonl")
}

/// The ZIP entry holding an uploaded file.
pub fn file_entry(name: &str) -> String {
    format!("files/{name}")
}

/// A column type both engines share, as written in the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PortableType {
    /// A 64-bit integer (JSON number).
    Integer,
    /// A string.
    Text,
    /// `true` or `false`.
    Boolean,
    /// A double-precision number.
    Real,
    /// An instant, written in RFC 3339 in UTC (`2026-03-01T09:30:00Z`).
    Timestamp,
    /// A calendar day, `YYYY-MM-DD`.
    Date,
}

impl PortableType {
    pub fn as_str(self) -> &'static str {
        match self {
            PortableType::Integer => "integer",
            PortableType::Text => "text",
            PortableType::Boolean => "boolean",
            PortableType::Real => "real",
            PortableType::Timestamp => "timestamp",
            PortableType::Date => "date",
        }
    }

    /// From PostgreSQL's type name (`format_type` without modifiers, as `information_schema` spells it).
    pub fn from_postgres(data_type: &str) -> Option<PortableType> {
        Some(match data_type {
            "bigint" | "integer" | "smallint" => PortableType::Integer,
            "text" | "character varying" | "character" => PortableType::Text,
            "boolean" => PortableType::Boolean,
            "double precision" | "real" => PortableType::Real,
            "timestamp with time zone" => PortableType::Timestamp,
            "date" => PortableType::Date,
            _ => return None,
        })
    }

    /// From a SQLite column's declared type and its name. SQLite keeps
    /// instants and days as text, so the migrations' naming convention tells
    /// them apart: `…_at` is an instant, `…_on` and `…_date` a day (a test
    /// checks this gives PostgreSQL's types for every column).
    pub fn from_sqlite(declared: &str, column: &str) -> Option<PortableType> {
        let declared = declared.to_ascii_uppercase();
        Some(match declared.as_str() {
            "INTEGER" | "BIGINT" | "INT" | "SMALLINT" => PortableType::Integer,
            "BOOLEAN" => PortableType::Boolean,
            "DOUBLE PRECISION" | "REAL" | "DOUBLE" | "FLOAT" => PortableType::Real,
            "TEXT" if column.ends_with("_at") => PortableType::Timestamp,
            "TEXT" if column.ends_with("_on") || column.ends_with("_date") => PortableType::Date,
            "TEXT" => PortableType::Text,
            _ => return None,
        })
    }
}

/// An instant as the archive writes it: RFC 3339, UTC, `Z`, fractions of a
/// second only when there are some, to the microsecond at most (what
/// PostgreSQL keeps), so both engines write the same text.
pub fn format_timestamp(t: &DateTime<Utc>) -> String {
    t.trunc_subsecs(6).to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Reads an RFC 3339 instant (any offset), as UTC.
pub fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

pub fn format_date(d: &NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: PortableType,
    pub nullable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSpec {
    pub name: String,
    pub columns: Vec<ColumnSpec>,
    /// Rows in `tables/<name>.jsonl`.
    pub rows: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationSpec {
    pub version: i64,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSpec {
    pub name: String,
    pub size: u64,
}

/// `manifest.json`: what the archive holds and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    pub format_version: u32,
    /// The version of Participe that wrote it.
    pub participe_version: String,
    /// When the export started (RFC 3339, UTC).
    pub created_at: String,
    /// `sqlite` or `postgres`.
    pub source_engine: String,
    /// The schema migrations applied to the source database, in order.
    pub migrations: Vec<MigrationSpec>,
    /// Every table, in alphabetical order.
    pub tables: Vec<TableSpec>,
    /// Every uploaded file, in `files/<name>`.
    pub files: Vec<FileSpec>,
}

impl Manifest {
    /// Rows plus files: the amount of work an import does.
    pub fn total_items(&self) -> u64 {
        self.tables.iter().map(|t| t.rows).sum::<u64>() + self.files.len() as u64
    }

    pub fn table(&self, name: &str) -> Option<&TableSpec> {
        self.tables.iter().find(|t| t.name == name)
    }
}

/// Why an archive cannot be imported here. Every variant reads as a sentence
/// for the person running the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    NotAnArchive(String),
    NewerFormat(u32),
    NewerSchema { archive: Vec<i64>, database: Vec<i64> },
    OlderSchema { archive: Vec<i64>, database: Vec<i64> },
    UnknownTable(String),
    MissingTable(String),
    UnknownColumn { table: String, column: String },
    MissingColumn { table: String, column: String },
    BadName(String),
    Cycle(Vec<String>),
    DanglingRows { table: String, keys: Vec<String> },
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::NotAnArchive(why) => write!(f, "not a Participe archive: {why}"),
            ArchiveError::NewerFormat(v) => write!(
                f,
                "the archive uses format version {v}, newer than this Participe reads ({FORMAT_VERSION}); \
                 upgrade Participe first"
            ),
            ArchiveError::NewerSchema { archive, database } => write!(
                f,
                "the archive comes from a newer Participe (schema migrations {archive:?}, this database has \
                 {database:?}); upgrade Participe, migrate, then import"
            ),
            ArchiveError::OlderSchema { archive, database } => write!(
                f,
                "the archive comes from an older Participe (schema migrations {archive:?}, this database has \
                 {database:?}); import it with that version, then upgrade"
            ),
            ArchiveError::UnknownTable(t) => write!(f, "the archive holds an unknown table {t:?}"),
            ArchiveError::MissingTable(t) => write!(f, "the archive lacks the table {t:?}"),
            ArchiveError::UnknownColumn { table, column } => {
                write!(f, "the archive's table {table:?} has an unknown column {column:?}")
            }
            ArchiveError::MissingColumn { table, column } => {
                write!(f, "the archive's table {table:?} lacks the column {column:?}")
            }
            ArchiveError::BadName(n) => write!(f, "invalid name in the archive: {n:?}"),
            ArchiveError::Cycle(tables) => write!(f, "foreign keys form a cycle between tables {tables:?}"),
            ArchiveError::DanglingRows { table, keys } => write!(
                f,
                "rows of {table:?} point to rows of the same table that the archive does not hold (keys {keys:?})"
            ),
        }
    }
}

impl std::error::Error for ArchiveError {}

/// A table or column name the archive may use: lower-case ASCII letters,
/// digits and underscores, not starting with a digit.
pub fn valid_identifier(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !name.as_bytes()[0].is_ascii_digit()
}

/// Checks the archive's format and that it was written with the same schema
/// migrations as the target database.
pub fn check_compatible(manifest: &Manifest, database_migrations: &[i64]) -> Result<(), ArchiveError> {
    if manifest.format != FORMAT_NAME {
        return Err(ArchiveError::NotAnArchive(format!(
            "format {:?} instead of {FORMAT_NAME:?}",
            manifest.format
        )));
    }
    if manifest.format_version > FORMAT_VERSION {
        return Err(ArchiveError::NewerFormat(manifest.format_version));
    }
    let archive: Vec<i64> = manifest.migrations.iter().map(|m| m.version).collect();
    let database = database_migrations.to_vec();
    if archive.iter().any(|v| !database.contains(v)) {
        return Err(ArchiveError::NewerSchema { archive, database });
    }
    if archive != database {
        return Err(ArchiveError::OlderSchema { archive, database });
    }
    Ok(())
}

/// Checks the archive's tables and columns against the target schema
/// (table name → column names): same tables, same columns.
pub fn check_tables(manifest: &Manifest, target: &BTreeMap<String, Vec<String>>) -> Result<(), ArchiveError> {
    for t in &manifest.tables {
        if !valid_identifier(&t.name) {
            return Err(ArchiveError::BadName(t.name.clone()));
        }
        let Some(columns) = target.get(&t.name) else {
            return Err(ArchiveError::UnknownTable(t.name.clone()));
        };
        for c in &t.columns {
            if !columns.contains(&c.name) {
                return Err(ArchiveError::UnknownColumn {
                    table: t.name.clone(),
                    column: c.name.clone(),
                });
            }
        }
        if let Some(missing) = columns.iter().find(|c| !t.columns.iter().any(|a| &a.name == *c)) {
            return Err(ArchiveError::MissingColumn {
                table: t.name.clone(),
                column: missing.clone(),
            });
        }
    }
    if let Some(missing) = target.keys().find(|t| manifest.table(t).is_none()) {
        return Err(ArchiveError::MissingTable(missing.clone()));
    }
    for f in &manifest.files {
        if f.name.is_empty() || f.name.contains(['/', '\\']) || f.name.starts_with('.') {
            return Err(ArchiveError::BadName(f.name.clone()));
        }
    }
    Ok(())
}

/// A foreign key: `table.column` references `ref_table.ref_column`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKey {
    pub table: String,
    pub column: String,
    pub ref_table: String,
    pub ref_column: String,
}

impl ForeignKey {
    pub fn is_self_reference(&self) -> bool {
        self.table == self.ref_table
    }
}

/// The tables in an order where every table comes after those its foreign
/// keys reference (ties broken alphabetically, so the order is stable).
/// References of a table to itself are left to [`SelfRefQueue`].
pub fn insertion_order(tables: &[String], fks: &[ForeignKey]) -> Result<Vec<String>, ArchiveError> {
    let mut needs: BTreeMap<&str, BTreeSet<&str>> = tables.iter().map(|t| (t.as_str(), BTreeSet::new())).collect();
    for fk in fks.iter().filter(|fk| !fk.is_self_reference()) {
        if needs.contains_key(fk.ref_table.as_str())
            && let Some(n) = needs.get_mut(fk.table.as_str())
        {
            n.insert(fk.ref_table.as_str());
        }
    }
    let mut order = Vec::with_capacity(tables.len());
    let mut done: HashSet<&str> = HashSet::new();
    while order.len() < needs.len() {
        let ready: Vec<&str> = needs
            .iter()
            .filter(|(t, n)| !done.contains(*t) && n.iter().all(|r| done.contains(r)))
            .map(|(t, _)| *t)
            .collect();
        if ready.is_empty() {
            let rest = needs
                .keys()
                .filter(|t| !done.contains(*t))
                .map(|t| t.to_string())
                .collect();
            return Err(ArchiveError::Cycle(rest));
        }
        for t in ready {
            done.insert(t);
            order.push(t.to_string());
        }
    }
    Ok(order)
}

/// Orders the rows of a table that references itself (a proposal merged
/// into another, a reply to a comment) while they stream by: a row is
/// released once every row it points to has been released; rows waiting
/// for a later one are held (only those are kept in memory).
pub struct SelfRefQueue<K, T> {
    released: HashSet<K>,
    waiting: HashMap<K, Vec<(K, Vec<K>, T)>>,
}

impl<K: Eq + Hash + Clone + fmt::Debug, T> Default for SelfRefQueue<K, T> {
    fn default() -> Self {
        SelfRefQueue {
            released: HashSet::new(),
            waiting: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash + Clone + fmt::Debug, T> SelfRefQueue<K, T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Offers a row with its key and the keys it points to in the same
    /// table; returns the rows now ready, in an order to insert them.
    pub fn push(&mut self, key: K, targets: Vec<K>, row: T) -> Vec<T> {
        let mut ready = Vec::new();
        let mut queue = vec![(key, targets, row)];
        while let Some((key, targets, row)) = queue.pop() {
            match targets.iter().find(|t| **t != key && !self.released.contains(*t)) {
                Some(blocker) => self
                    .waiting
                    .entry(blocker.clone())
                    .or_default()
                    .push((key, targets, row)),
                None => {
                    if let Some(unblocked) = self.waiting.remove(&key) {
                        queue.extend(unblocked.into_iter().rev());
                    }
                    self.released.insert(key);
                    ready.push(row);
                }
            }
        }
        ready
    }

    /// After the last row: the keys of rows still waiting for a row that
    /// never came (an empty list when every row was released).
    pub fn unreleased(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .waiting
            .values()
            .flatten()
            .map(|(k, _, _)| format!("{k:?}"))
            .collect();
        keys.sort();
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fk(table: &str, ref_table: &str) -> ForeignKey {
        ForeignKey {
            table: table.into(),
            column: format!("{ref_table}_id"),
            ref_table: ref_table.into(),
            ref_column: "id".into(),
        }
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tables_come_after_what_they_reference() {
        let tables = names(&["proposals", "comments", "users", "steps", "projects", "organisation"]);
        let fks = [
            fk("proposals", "steps"),
            fk("proposals", "users"),
            fk("proposals", "proposals"),
            fk("comments", "proposals"),
            fk("comments", "comments"),
            fk("comments", "users"),
            fk("steps", "projects"),
        ];
        let order = insertion_order(&tables, &fks).unwrap();
        let pos = |t: &str| order.iter().position(|o| o == t).unwrap();
        for f in fks.iter().filter(|f| !f.is_self_reference()) {
            assert!(pos(&f.ref_table) < pos(&f.table), "{f:?} in {order:?}");
        }
        assert_eq!(order.len(), tables.len());
        assert_eq!(order[0], "organisation");
    }

    #[test]
    fn a_cycle_between_tables_is_reported() {
        let tables = names(&["a", "b", "c"]);
        let err = insertion_order(&tables, &[fk("a", "b"), fk("b", "a")]).unwrap_err();
        assert_eq!(err, ArchiveError::Cycle(names(&["a", "b"])));
    }

    #[test]
    fn rows_wait_for_the_row_they_point_to() {
        let mut q = SelfRefQueue::new();
        // 1 merged into 3, 2 merged into 1, 3 stands alone.
        assert!(q.push(1, vec![3], "p1").is_empty());
        assert!(q.push(2, vec![1], "p2").is_empty());
        assert_eq!(q.push(3, vec![], "p3"), vec!["p3", "p1", "p2"]);
        assert!(q.unreleased().is_empty());
        assert_eq!(q.push(4, vec![4], "self"), vec!["self"]);
        assert!(q.push(5, vec![99], "orphan").is_empty());
        assert_eq!(q.unreleased(), vec!["5".to_string()]);
    }

    #[test]
    fn migrations_must_match() {
        let mut m = manifest(&[1, 2, 3]);
        assert_eq!(check_compatible(&m, &[1, 2, 3]), Ok(()));
        assert!(matches!(
            check_compatible(&m, &[1, 2]),
            Err(ArchiveError::NewerSchema { .. })
        ));
        assert!(matches!(
            check_compatible(&m, &[1, 2, 3, 4]),
            Err(ArchiveError::OlderSchema { .. })
        ));
        m.format_version = FORMAT_VERSION + 1;
        assert_eq!(
            check_compatible(&m, &[1, 2, 3]),
            Err(ArchiveError::NewerFormat(FORMAT_VERSION + 1))
        );
        m.format = "zip".into();
        assert!(matches!(
            check_compatible(&m, &[1, 2, 3]),
            Err(ArchiveError::NotAnArchive(_))
        ));
        assert!(ArchiveError::NewerFormat(9).to_string().contains("upgrade"));
    }

    fn manifest(versions: &[i64]) -> Manifest {
        Manifest {
            format: FORMAT_NAME.into(),
            format_version: FORMAT_VERSION,
            participe_version: "0.1.0".into(),
            created_at: "2026-01-01T00:00:00Z".into(),
            source_engine: "sqlite".into(),
            migrations: versions
                .iter()
                .map(|v| MigrationSpec {
                    version: *v,
                    description: format!("m{v}"),
                })
                .collect(),
            tables: vec![TableSpec {
                name: "users".into(),
                columns: vec![ColumnSpec {
                    name: "id".into(),
                    ty: PortableType::Integer,
                    nullable: false,
                }],
                rows: 2,
            }],
            files: vec![FileSpec {
                name: "a.png".into(),
                size: 3,
            }],
        }
    }

    #[test]
    fn tables_and_columns_must_match_the_target() {
        let m = manifest(&[1]);
        let target = |cols: &[&str]| BTreeMap::from([("users".to_string(), names(cols))]);
        assert_eq!(check_tables(&m, &target(&["id"])), Ok(()));
        assert!(matches!(
            check_tables(&m, &target(&["id", "email"])),
            Err(ArchiveError::MissingColumn { .. })
        ));
        assert!(matches!(
            check_tables(&m, &target(&["email"])),
            Err(ArchiveError::UnknownColumn { .. })
        ));
        let mut other = target(&["id"]);
        other.insert("steps".into(), names(&["id"]));
        assert_eq!(
            check_tables(&m, &other),
            Err(ArchiveError::MissingTable("steps".into()))
        );
        assert_eq!(
            check_tables(&m, &BTreeMap::new()),
            Err(ArchiveError::UnknownTable("users".into()))
        );
        let mut bad = m.clone();
        bad.files[0].name = "../etc/passwd".into();
        assert!(matches!(
            check_tables(&bad, &target(&["id"])),
            Err(ArchiveError::BadName(_))
        ));
        bad.tables[0].name = "users; DROP TABLE x".into();
        assert!(matches!(
            check_tables(&bad, &target(&["id"])),
            Err(ArchiveError::BadName(_))
        ));
    }

    #[test]
    fn the_manifest_reads_back_as_written() {
        let m = manifest(&[1, 2]);
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains(r#""type":"integer""#), "{json}");
        assert_eq!(serde_json::from_str::<Manifest>(&json).unwrap(), m);
        assert_eq!(m.total_items(), 3);
    }

    #[test]
    fn types_map_from_both_engines() {
        assert_eq!(
            PortableType::from_postgres("timestamp with time zone"),
            Some(PortableType::Timestamp)
        );
        assert_eq!(PortableType::from_postgres("jsonb"), None);
        assert_eq!(
            PortableType::from_sqlite("TEXT", "created_at"),
            Some(PortableType::Timestamp)
        );
        assert_eq!(PortableType::from_sqlite("TEXT", "due_on"), Some(PortableType::Date));
        assert_eq!(
            PortableType::from_sqlite("TEXT", "birth_date"),
            Some(PortableType::Date)
        );
        assert_eq!(PortableType::from_sqlite("TEXT", "title"), Some(PortableType::Text));
        assert_eq!(PortableType::from_sqlite("BIGINT", "x"), Some(PortableType::Integer));
        assert_eq!(PortableType::from_sqlite("BLOB", "x"), None);
    }

    #[test]
    fn instants_are_written_in_utc() {
        let t = parse_timestamp("2026-03-01T10:30:00+01:00").unwrap();
        assert_eq!(format_timestamp(&t), "2026-03-01T09:30:00Z");
        let t = parse_timestamp("2026-03-01T09:30:00.123456789Z").unwrap();
        assert_eq!(format_timestamp(&t), "2026-03-01T09:30:00.123456Z");
        assert_eq!(parse_timestamp("hier"), None);
        let d = parse_date("2026-02-28").unwrap();
        assert_eq!(format_date(&d), "2026-02-28");
        assert_eq!(parse_date("2026-02-30"), None);
    }

    proptest! {
        #[test]
        fn self_references_release_every_row_of_a_forest(parents in proptest::collection::vec(any::<u16>(), 1..60)) {
            // Row i points to a row j < i (a forest), offered in a shuffled order.
            let n = parents.len();
            let rows: Vec<(usize, Option<usize>)> = (0..n)
                .map(|i| (i, if i == 0 || parents[i] % 3 == 0 { None } else { Some(parents[i] as usize % i) }))
                .collect();
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|i| parents[*i].wrapping_mul(31) ^ (*i as u16));
            let mut q = SelfRefQueue::new();
            let mut out = vec![];
            for i in order {
                let (k, p) = rows[i];
                out.extend(q.push(k, p.into_iter().collect(), k));
            }
            prop_assert_eq!(out.len(), n);
            prop_assert!(q.unreleased().is_empty());
            for (pos, k) in out.iter().enumerate() {
                if let Some(p) = rows[*k].1 {
                    prop_assert!(out[..pos].contains(&p));
                }
            }
        }
    }
}
