//! The SQL of a step's proposal list: only the filters set are in the
//! query (so the planner picks their index) and every sort has an index
//! that gives its rows in order, so a page reads its rows and no others
//! (see `migrations/*/0013_list_indexes.sql` and `tests/suite/list_plans.rs`).
//!
//! The random order is a fixed shuffle of the proposals (a bijective hash
//! of their id, `participe_domain::shuffle`, indexed) read from a point that
//! the visitor's seed chooses, wrapping around at the end. Its pages come
//! from the list's ids (`ids`, read through an index, sorted by the
//! shuffle and kept a second by `services::proposal_lists`); a text search
//! sorts what it found in one statement instead.

use participe_domain::proposal::Sort;

use super::proposals::Filters;

/// The shuffle key of a proposal (`participe_domain::shuffle::key`) in SQL.
/// The same text is in the indexes, where the planner matches it.
pub const SHUFFLE: &str = "((p.id * 2654435761) % 2147483647)";

/// A bound value.
#[derive(Debug, Clone)]
pub enum Arg {
    Int(i64),
    Text(String),
}

/// A statement and its values, in placeholder order.
#[derive(Debug, Clone, Default)]
pub struct Sql {
    pub text: String,
    pub args: Vec<Arg>,
}

impl Sql {
    fn bind(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
    }
}

/// A `LIKE` pattern for the search words (the wildcards typed are dropped).
pub fn like(text: &Option<String>) -> Option<String> {
    text.as_ref()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .map(|t| {
            let escaped: String = t.chars().filter(|c| *c != '%' && *c != '_').collect();
            format!("%{escaped}%")
        })
}

/// `FROM … WHERE …` of the published proposals of `step_id` matching `f`.
fn from_where(sql: &mut Sql, step_id: i64, f: &Filters) {
    let step = sql.bind(Arg::Int(step_id));
    sql.text = format!("FROM proposals p WHERE p.step_id = {step} AND p.state = 'published'");
    for (column, value) in [
        ("district_id", f.district),
        ("theme_id", f.theme),
        ("category_id", f.category),
        ("status_id", f.status),
    ] {
        if let Some(v) = value {
            let ph = sql.bind(Arg::Int(v));
            sql.text += &format!(" AND p.{column} = {ph}");
        }
    }
    if let Some(pattern) = like(&f.text) {
        let ph = sql.bind(Arg::Text(pattern));
        sql.text += &format!(" AND LOWER(p.title || ' ' || p.summary) LIKE {ph}");
    }
}

/// The order of a sort, as the indexes hold it.
pub fn order_by(sort: Sort) -> String {
    match sort {
        Sort::Random => SHUFFLE.to_string(),
        Sort::Newest => "p.published_at DESC, p.id DESC".into(),
        Sort::MostCommented => "p.comment_count DESC, p.id DESC".into(),
        Sort::MostSupported => "p.support_count DESC, p.id DESC".into(),
        Sort::CostAsc => "(p.cost IS NULL), p.cost, p.id".into(),
        Sort::CostDesc => "(p.cost IS NULL), p.cost DESC, p.id".into(),
    }
}

/// The ids of one page. The random order starts at `start` (a shuffle
/// key) and wraps around; it sorts every match (for a text search, which
/// reads them all anyway).
pub fn page_ids(step_id: i64, f: &Filters, sort: Sort, start: i64, limit: i64, offset: i64) -> Sql {
    page_ids_in_order(step_id, f, sort, start, limit, offset).0
}

/// The rows of one page, in its order, in one statement: `select` (the
/// columns, up to the `WHERE`) reads the proposals whose ids `page_ids`
/// gives, and sorts these few again.
pub fn page_rows(select: &str, step_id: i64, f: &Filters, sort: Sort, start: i64, limit: i64, offset: i64) -> Sql {
    let (mut sql, order) = page_ids_in_order(step_id, f, sort, start, limit, offset);
    sql.text = format!("{select} WHERE p.id IN ({}) ORDER BY {order}", sql.text);
    sql
}

/// `page_ids` and its `ORDER BY` (whose placeholders are bound in it).
fn page_ids_in_order(step_id: i64, f: &Filters, sort: Sort, start: i64, limit: i64, offset: i64) -> (Sql, String) {
    let mut sql = Sql::default();
    from_where(&mut sql, step_id, f);
    let mut order = order_by(sort);
    if sort == Sort::Random {
        let ph = sql.bind(Arg::Int(start));
        order = format!("({SHUFFLE} < {ph}), {SHUFFLE}");
    }
    let (l, o) = (sql.bind(Arg::Int(limit)), sql.bind(Arg::Int(offset)));
    sql.text = format!("SELECT p.id {} ORDER BY {order} LIMIT {l} OFFSET {o}", sql.text);
    (sql, order)
}

/// Every matching id, in no particular order (through an index).
pub fn ids(step_id: i64, f: &Filters) -> Sql {
    let mut sql = Sql::default();
    from_where(&mut sql, step_id, f);
    sql.text = format!("SELECT p.id {}", sql.text);
    sql
}

/// How many published proposals match.
pub fn count(step_id: i64, f: &Filters) -> Sql {
    let mut sql = Sql::default();
    from_where(&mut sql, step_id, f);
    sql.text = format!("SELECT COUNT(*) {}", sql.text);
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_filters_set_are_in_the_query() {
        let f = Filters {
            district: Some(4),
            ..Default::default()
        };
        let sql = page_ids(7, &f, Sort::CostAsc, 0, 20, 40);
        assert_eq!(
            sql.text,
            "SELECT p.id FROM proposals p WHERE p.step_id = $1 AND p.state = 'published' AND p.district_id = $2 \
             ORDER BY (p.cost IS NULL), p.cost, p.id LIMIT $3 OFFSET $4"
        );
        assert_eq!(sql.args.len(), 4);
        let sql = ids(7, &Filters::default());
        assert!(sql.text.ends_with("AND p.state = 'published'"), "{}", sql.text);
    }

    #[test]
    fn the_sql_shuffle_is_the_domain_one() {
        use participe_domain::shuffle::{MODULUS, MULTIPLIER};
        assert_eq!(SHUFFLE, format!("((p.id * {MULTIPLIER}) % {MODULUS})"));
    }
}
