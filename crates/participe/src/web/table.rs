//! Sortable back-office tables: `?sort=KEY&dir=asc|desc` read once, the
//! rows ordered by it, and for each sortable column the link that orders by
//! it (keeping the page's filters) and its `aria-sort` state.

use std::collections::BTreeMap;

use minijinja::Value;
use serde::Deserialize;

/// The sort asked for in the query string; unknown keys fall back to the
/// table's default.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SortQuery {
    pub sort: String,
    pub dir: String,
}

/// A resolved sort: one of the table's keys, and the direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: &'static str,
    pub desc: bool,
}

impl SortQuery {
    /// The sort among `keys` (the first is the default, ascending).
    pub fn resolve(&self, keys: &[&'static str]) -> Sort {
        match keys.iter().find(|k| **k == self.sort) {
            Some(key) => Sort {
                key,
                desc: self.dir == "desc",
            },
            None => Sort {
                key: keys.first().copied().unwrap_or(""),
                desc: false,
            },
        }
    }
}

impl Sort {
    /// Orders `rows` by the key `by` gives for the sorted column; ties keep
    /// their order.
    /// Empty cells stay last in both directions.
    pub fn apply<T>(&self, rows: &mut [T], by: impl Fn(&T, &str) -> Cell) {
        rows.sort_by(|a, b| {
            let (a, b) = (by(a, self.key), by(b, self.key));
            match (&a, &b) {
                (Cell::Empty, _) | (_, Cell::Empty) => a.cmp(&b),
                _ if self.desc => b.cmp(&a),
                _ => a.cmp(&b),
            }
        });
    }

    /// The link prefix for this table's page numbers (`path?filters&sort&`,
    /// ready for `page=N`), the filters and sort kept.
    pub fn pages_prefix(&self, path: &str, filters: &[(&str, &str)]) -> String {
        let dir = if self.desc { "desc" } else { "asc" };
        format!("{}&", link(path, filters, self.key, dir))
    }

    /// For the template: each key's link (`filters` kept, the direction
    /// flipped on the sorted column) and state (`aria` is `ascending`,
    /// `descending` or empty; `icon` the arrow to show).
    pub fn headers(&self, keys: &[&'static str], path: &str, filters: &[(&str, &str)]) -> Value {
        let mut out = BTreeMap::new();
        for key in keys {
            let current = *key == self.key;
            let dir = if current && !self.desc { "desc" } else { "asc" };
            let (aria, icon) = match (current, self.desc) {
                (true, false) => ("ascending", "arrow-up"),
                (true, true) => ("descending", "arrow-down"),
                (false, _) => ("", "arrow-up-down"),
            };
            out.insert(
                key.to_string(),
                crate::view! { href => link(path, filters, key, dir), aria, icon },
            );
        }
        Value::from_object(out)
    }
}

/// `path` with the non-empty filters and a sort in its query string.
fn link(path: &str, filters: &[(&str, &str)], key: &str, dir: &str) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in filters.iter().filter(|(_, v)| !v.is_empty()) {
        q.append_pair(k, v);
    }
    q.append_pair("sort", key).append_pair("dir", dir);
    format!("{path}?{}", q.finish())
}

/// What a row shows in the sorted column, as far as ordering goes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    Num(i64),
    /// Compared without regard to case.
    Text(String),
    Empty,
}

impl Cell {
    pub fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_lowercase())
        }
    }
}

impl From<Option<i64>> for Cell {
    fn from(n: Option<i64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Num)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: [&str; 2] = ["title", "date"];

    fn q(sort: &str, dir: &str) -> SortQuery {
        SortQuery {
            sort: sort.into(),
            dir: dir.into(),
        }
    }

    #[test]
    fn unknown_keys_fall_back_to_the_default() {
        assert_eq!(
            q("", "").resolve(&KEYS),
            Sort {
                key: "title",
                desc: false
            }
        );
        assert_eq!(
            q("password", "desc").resolve(&KEYS),
            Sort {
                key: "title",
                desc: false
            }
        );
        assert_eq!(
            q("date", "desc").resolve(&KEYS),
            Sort {
                key: "date",
                desc: true
            }
        );
        assert_eq!(
            q("date", "sideways").resolve(&KEYS),
            Sort {
                key: "date",
                desc: false
            }
        );
    }

    #[test]
    fn rows_are_ordered_both_ways() {
        let mut rows = vec![("b", 2), ("a", 3), ("c", 1)];
        let by = |r: &(&str, i64), key: &str| {
            if key == "title" {
                Cell::text(r.0)
            } else {
                Cell::Num(r.1)
            }
        };
        q("title", "").resolve(&KEYS).apply(&mut rows, by);
        assert_eq!(rows, [("a", 3), ("b", 2), ("c", 1)]);
        q("date", "desc").resolve(&KEYS).apply(&mut rows, by);
        assert_eq!(rows, [("a", 3), ("b", 2), ("c", 1)]);
        q("date", "asc").resolve(&KEYS).apply(&mut rows, by);
        assert_eq!(rows, [("c", 1), ("b", 2), ("a", 3)]);
    }

    #[test]
    fn header_links_keep_filters_and_flip_the_sorted_column() {
        let h = q("title", "")
            .resolve(&KEYS)
            .headers(&KEYS, "/admin/x", &[("q", "parc & jardin"), ("d", "")]);
        // Read as the templates read it (here without HTML escaping).
        let env = minijinja::Environment::new();
        let out = env
            .render_str(
                "{{ h.title.href }}|{{ h.title.aria }}|{{ h.title.icon }}\n{{ h.date.href }}|{{ h.date.aria }}",
                minijinja::context! { h },
            )
            .unwrap();
        assert_eq!(
            out,
            "/admin/x?q=parc+%26+jardin&sort=title&dir=desc|ascending|arrow-up\n\
             /admin/x?q=parc+%26+jardin&sort=date&dir=asc|"
        );
    }

    #[test]
    fn page_links_keep_filters_and_sort() {
        let sort = q("date", "desc").resolve(&KEYS);
        assert_eq!(
            sort.pages_prefix("/admin/x", &[("q", "é"), ("d", "")]),
            "/admin/x?q=%C3%A9&sort=date&dir=desc&"
        );
    }

    #[test]
    fn empty_cells_stay_last_both_ways() {
        let mut rows = vec![("", 0), ("B", 0), ("a", 0)];
        let by = |r: &(&str, i64), _: &str| Cell::text(r.0);
        q("title", "asc").resolve(&KEYS).apply(&mut rows, by);
        assert_eq!(rows, [("a", 0), ("B", 0), ("", 0)]);
        q("title", "desc").resolve(&KEYS).apply(&mut rows, by);
        assert_eq!(rows, [("B", 0), ("a", 0), ("", 0)]);
    }
}
