//! The live schema, read from the database itself (SQLite's `sqlite_master`
//! and pragmas, PostgreSQL's catalogues in the current schema), and values
//! of any column in the archive's portable types. Used by the whole-platform
//! export and import (services/archive.rs), which must know every table of
//! every migration without a list kept by hand.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use participe_domain::archive::{self as format, ColumnSpec, ForeignKey, PortableType, format_date, format_timestamp};
use serde_json::Value;
use sqlx::{ColumnIndex, Database, Decode, Encode, Row, Type};

use super::{Db, Engine, StoreResult};
use crate::on_db;

/// A table: its columns in order and its primary key.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<ColumnSpec>,
    pub primary_key: Vec<String>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&ColumnSpec> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// Every table of the database (but sqlx's migration book-keeping), in
/// alphabetical order, with the foreign keys between them.
#[derive(Debug, Clone)]
pub struct Schema {
    pub tables: Vec<Table>,
    pub foreign_keys: Vec<ForeignKey>,
}

impl Schema {
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// Table name → column names, for the archive's checks.
    pub fn column_names(&self) -> BTreeMap<String, Vec<String>> {
        self.tables
            .iter()
            .map(|t| (t.name.clone(), t.columns.iter().map(|c| c.name.clone()).collect()))
            .collect()
    }
}

/// A quoted SQL identifier (the same on both engines).
pub fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

const SQLITE_TABLES: &str = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
     AND name <> '_sqlx_migrations' ORDER BY name";
const PG_TABLES: &str = "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_sqlx_migrations'
     ORDER BY c.relname::text COLLATE \"C\"";

/// (name, declared or data type, not null, position in the primary key or 0).
type RawColumn = (String, String, bool, i64);

const SQLITE_COLUMNS: &str = "SELECT name, type, \"notnull\" <> 0, pk FROM pragma_table_info($1) ORDER BY cid";
// The catalogues, not information_schema: the same answers, many times
// faster. The table is found by its oid (`to_regclass` of the qualified
// name), so the lookups go through the catalogues' indexes however many
// other schemas the database holds (a name match scans them all).
const PG_COLUMNS: &str = "SELECT a.attname::text, format_type(a.atttypid, NULL), a.attnotnull,
        COALESCE((SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) WHERE k.attnum = a.attnum), 0)
     FROM pg_attribute a
     LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
     WHERE a.attrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1))
       AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY a.attnum";

const SQLITE_FKS: &str = "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list($1)";
const PG_FKS: &str = "SELECT a.attname::text, r.relname::text, ra.attname::text
     FROM pg_constraint c
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
     WHERE c.contype = 'f'
       AND c.conrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1))
     ORDER BY c.conname";

/// Reads the whole schema. A column of a type the archive cannot carry is
/// an error naming it, so a new migration cannot silently fall out of exports.
pub async fn read(db: &Db) -> anyhow::Result<Schema> {
    let engine = db.engine();
    let names: Vec<String> = on_db!(db, |p| {
        sqlx::query_scalar(if engine == Engine::Sqlite {
            SQLITE_TABLES
        } else {
            PG_TABLES
        })
        .fetch_all(p)
        .await
    })?;
    let mut tables = Vec::with_capacity(names.len());
    let mut foreign_keys = Vec::new();
    for name in names {
        let raw: Vec<RawColumn> = on_db!(db, |p| {
            sqlx::query_as(if engine == Engine::Sqlite {
                SQLITE_COLUMNS
            } else {
                PG_COLUMNS
            })
            .bind(&name)
            .fetch_all(p)
            .await
        })?;
        let mut columns = Vec::with_capacity(raw.len());
        let mut pk: Vec<(i64, String)> = Vec::new();
        for (column, declared, not_null, pk_pos) in raw {
            let ty = match engine {
                Engine::Sqlite => PortableType::from_sqlite(&declared, &column),
                Engine::Postgres => PortableType::from_postgres(&declared),
            }
            .ok_or_else(|| anyhow::anyhow!("column {name}.{column} has a type the archive cannot carry: {declared}"))?;
            if pk_pos > 0 {
                pk.push((pk_pos, column.clone()));
            }
            columns.push(ColumnSpec {
                nullable: !not_null && pk_pos == 0,
                name: column,
                ty,
            });
        }
        pk.sort();
        let fks: Vec<(String, String, String)> = on_db!(db, |p| {
            sqlx::query_as(if engine == Engine::Sqlite { SQLITE_FKS } else { PG_FKS })
                .bind(&name)
                .fetch_all(p)
                .await
        })?;
        foreign_keys.extend(fks.into_iter().map(|(column, ref_table, ref_column)| ForeignKey {
            table: name.clone(),
            column,
            ref_table,
            ref_column,
        }));
        tables.push(Table {
            name,
            columns,
            primary_key: pk.into_iter().map(|(_, c)| c).collect(),
        });
    }
    Ok(Schema { tables, foreign_keys })
}

/// The migrations applied to this database, in order: (version, description).
pub async fn applied_migrations(db: &Db) -> StoreResult<Vec<(i64, String)>> {
    Ok(on_db!(db, |p| {
        sqlx::query_as("SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(p)
            .await
    })?)
}

/// Whether a table has any row.
pub async fn has_rows(db: &Db, table: &str) -> StoreResult<bool> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT EXISTS (SELECT 1 FROM {})", quote(table)));
    Ok(on_db!(db, |p| sqlx::query_scalar(sql).fetch_one(p).await)?)
}

/// A value ready to bind, typed as the target column expects (PostgreSQL
/// checks parameter types; SQLite stores what it is given).
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Integer(Option<i64>),
    Text(Option<String>),
    Boolean(Option<bool>),
    Real(Option<f64>),
    Timestamp(Option<DateTime<Utc>>),
    Date(Option<NaiveDate>),
}

impl SqlValue {
    /// Reads an archive's JSON value as a column of this type; the error
    /// says what was expected.
    pub fn from_json(ty: PortableType, v: &Value) -> Result<SqlValue, String> {
        let bad = || format!("expected {} or null, found {v}", ty.as_str());
        if v.is_null() {
            return Ok(match ty {
                PortableType::Integer => SqlValue::Integer(None),
                PortableType::Text => SqlValue::Text(None),
                PortableType::Boolean => SqlValue::Boolean(None),
                PortableType::Real => SqlValue::Real(None),
                PortableType::Timestamp => SqlValue::Timestamp(None),
                PortableType::Date => SqlValue::Date(None),
            });
        }
        Ok(match ty {
            PortableType::Integer => SqlValue::Integer(Some(v.as_i64().ok_or_else(bad)?)),
            PortableType::Text => SqlValue::Text(Some(v.as_str().ok_or_else(bad)?.to_string())),
            PortableType::Boolean => SqlValue::Boolean(Some(v.as_bool().ok_or_else(bad)?)),
            PortableType::Real => SqlValue::Real(Some(v.as_f64().ok_or_else(bad)?)),
            PortableType::Timestamp => {
                SqlValue::Timestamp(Some(v.as_str().and_then(format::parse_timestamp).ok_or_else(bad)?))
            }
            PortableType::Date => SqlValue::Date(Some(v.as_str().and_then(format::parse_date).ok_or_else(bad)?)),
        })
    }
}

/// Binds a value to a query of either engine.
pub fn bind<'q, DB: Database>(
    q: sqlx::query::Query<'q, DB, DB::Arguments>,
    v: SqlValue,
) -> sqlx::query::Query<'q, DB, DB::Arguments>
where
    for<'t> Option<i64>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<String>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<bool>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<f64>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<DateTime<Utc>>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<NaiveDate>: Encode<'t, DB> + Type<DB>,
{
    match v {
        SqlValue::Integer(x) => q.bind(x),
        SqlValue::Text(x) => q.bind(x),
        SqlValue::Boolean(x) => q.bind(x),
        SqlValue::Real(x) => q.bind(x),
        SqlValue::Timestamp(x) => q.bind(x),
        SqlValue::Date(x) => q.bind(x),
    }
}

/// Reads column `i` of a row of either engine as the archive's JSON value.
pub fn json_value<'r, R>(row: &'r R, i: usize, ty: PortableType) -> Result<Value, sqlx::Error>
where
    R: Row,
    usize: ColumnIndex<R>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    bool: Decode<'r, R::Database> + Type<R::Database>,
    f64: Decode<'r, R::Database> + Type<R::Database>,
    DateTime<Utc>: Decode<'r, R::Database> + Type<R::Database>,
    NaiveDate: Decode<'r, R::Database> + Type<R::Database>,
{
    Ok(match ty {
        PortableType::Integer => row.try_get::<Option<i64>, _>(i)?.map_or(Value::Null, Value::from),
        PortableType::Text => row.try_get::<Option<String>, _>(i)?.map_or(Value::Null, Value::from),
        PortableType::Boolean => row.try_get::<Option<bool>, _>(i)?.map_or(Value::Null, Value::from),
        PortableType::Real => match row.try_get::<Option<f64>, _>(i)? {
            None => Value::Null,
            Some(x) => serde_json::Number::from_f64(x)
                .map(Value::Number)
                .ok_or_else(|| sqlx::Error::Decode(format!("the number {x} cannot be written in JSON").into()))?,
        },
        PortableType::Timestamp => row
            .try_get::<Option<DateTime<Utc>>, _>(i)?
            .map_or(Value::Null, |t| Value::from(format_timestamp(&t))),
        PortableType::Date => row
            .try_get::<Option<NaiveDate>, _>(i)?
            .map_or(Value::Null, |d| Value::from(format_date(&d))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values_become_typed_binds() {
        use PortableType::*;
        assert_eq!(
            SqlValue::from_json(Integer, &Value::from(3)),
            Ok(SqlValue::Integer(Some(3)))
        );
        assert_eq!(SqlValue::from_json(Date, &Value::Null), Ok(SqlValue::Date(None)));
        assert_eq!(
            SqlValue::from_json(Timestamp, &Value::from("2026-01-02T03:04:05Z")),
            Ok(SqlValue::Timestamp(format::parse_timestamp("2026-01-02T03:04:05Z")))
        );
        assert!(SqlValue::from_json(Integer, &Value::from("3")).is_err());
        assert!(SqlValue::from_json(Boolean, &Value::from(1)).is_err());
        assert!(
            SqlValue::from_json(Timestamp, &Value::from("yesterday"))
                .unwrap_err()
                .contains("timestamp")
        );
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
    }
}
