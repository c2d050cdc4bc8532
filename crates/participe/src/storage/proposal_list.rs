//! The SQL of a step's proposal list: only the filters set are in the
//! query (so the planner picks their index) and every sort has an index
//! that gives its rows in order, so a page reads its rows and no others
//! (see `migrations/*/0013_list_indexes.sql` and `tests/list_plans.rs`).
//!
//! The random order is a fixed shuffle of the proposals (a bijective hash
//! of their id, indexed) read from a point that the visitor's seed chooses,
//! wrapping around at the end: every visitor sees all proposals, each
//! proposal is first for as many seeds as any other, and a page costs an
//! index range instead of sorting the whole step.

use participe_domain::proposal::Sort;

use super::proposals::Filters;

/// The shuffle key of a proposal: its id times a constant, modulo the prime
/// 2^31 - 1 (a bijection on ids below the prime). The same text is in the
/// indexes, where the planner matches it.
pub const SHUFFLE: &str = "((p.id * 2654435761) % 2147483647)";
/// The modulus of `SHUFFLE`: seeds are taken modulo it.
pub const SHUFFLE_MODULUS: i64 = 2_147_483_647;

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

/// Where the random order's shuffle starts (`From`), the part after the
/// wrap (`Before`), or both in one statement (`Whole`, sorted: for a text
/// search, which reads the whole step anyway).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    From(i64),
    Before(i64),
    Whole(i64),
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
fn from_where(sql: &mut Sql, step_id: i64, f: &Filters, part: Option<Part>) {
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
    match part {
        Some(Part::From(s)) => {
            let ph = sql.bind(Arg::Int(s));
            sql.text += &format!(" AND {SHUFFLE} >= {ph}");
        }
        Some(Part::Before(s)) => {
            let ph = sql.bind(Arg::Int(s));
            sql.text += &format!(" AND {SHUFFLE} < {ph}");
        }
        Some(Part::Whole(_)) | None => {}
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

/// The ids of one page. For the random order, `part` says which side of
/// the seed's starting point is read.
pub fn page_ids(step_id: i64, f: &Filters, sort: Sort, part: Option<Part>, limit: i64, offset: i64) -> Sql {
    page_ids_in_order(step_id, f, sort, part, limit, offset).0
}

/// The rows of one page, in its order, in one statement: `select` (the
/// columns, up to the `WHERE`) reads the proposals whose ids `page_ids`
/// gives, and sorts these few again.
pub fn page_rows(
    select: &str,
    step_id: i64,
    f: &Filters,
    sort: Sort,
    part: Option<Part>,
    limit: i64,
    offset: i64,
) -> Sql {
    let (mut sql, order) = page_ids_in_order(step_id, f, sort, part, limit, offset);
    sql.text = format!("{select} WHERE p.id IN ({}) ORDER BY {order}", sql.text);
    sql
}

/// `page_ids` and its `ORDER BY` (whose placeholders are bound in it).
fn page_ids_in_order(
    step_id: i64,
    f: &Filters,
    sort: Sort,
    part: Option<Part>,
    limit: i64,
    offset: i64,
) -> (Sql, String) {
    let mut sql = Sql::default();
    from_where(&mut sql, step_id, f, part);
    let mut order = order_by(sort);
    if let Some(Part::Whole(start)) = part {
        let ph = sql.bind(Arg::Int(start));
        order = format!("({SHUFFLE} < {ph}), {SHUFFLE}");
    }
    let (l, o) = (sql.bind(Arg::Int(limit)), sql.bind(Arg::Int(offset)));
    sql.text = format!("SELECT p.id {} ORDER BY {order} LIMIT {l} OFFSET {o}", sql.text);
    (sql, order)
}

/// How many published proposals match (on one side of the seed's point).
pub fn count(step_id: i64, f: &Filters, part: Option<Part>) -> Sql {
    let mut sql = Sql::default();
    from_where(&mut sql, step_id, f, part);
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
        let sql = page_ids(7, &f, Sort::CostAsc, None, 20, 40);
        assert_eq!(
            sql.text,
            "SELECT p.id FROM proposals p WHERE p.step_id = $1 AND p.state = 'published' AND p.district_id = $2 \
             ORDER BY (p.cost IS NULL), p.cost, p.id LIMIT $3 OFFSET $4"
        );
        assert_eq!(sql.args.len(), 4);
        let sql = count(7, &Filters::default(), Some(Part::From(5)));
        assert!(sql.text.ends_with(&format!("AND {SHUFFLE} >= $2")), "{}", sql.text);
    }

    #[test]
    fn the_shuffle_is_a_bijection_on_ids() {
        let keys: std::collections::HashSet<i64> =
            (1..=50_000_i64).map(|id| (id * 2654435761) % SHUFFLE_MODULUS).collect();
        assert_eq!(keys.len(), 50_000);
    }
}
