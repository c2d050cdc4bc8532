//! Page numbers for long lists (`?page=N`).

use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    pub page: Option<String>,
}

#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Pager {
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
    pub pages: i64,
}

impl Pager {
    /// A pager for `total` items; an unreadable or out-of-range page number
    /// is clamped rather than refused.
    pub fn new(query: &PageQuery, per_page: i64, total: i64) -> Pager {
        let pages = ((total + per_page - 1) / per_page).max(1);
        let page = query
            .page
            .as_deref()
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
            .clamp(1, pages);
        Pager {
            page,
            per_page,
            total,
            pages,
        }
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }
}

/// The page numbers a pager shows: the first, the last, and two either side
/// of `page`; `None` where a gap is left out ("…"). Computed here so that a
/// list of 400 pages does not make its template walk 400 numbers.
pub fn shown_numbers(page: i64, pages: i64) -> Vec<Option<i64>> {
    let page = page.clamp(1, pages.max(1));
    let (from, to) = ((page - 2).max(1), (page + 2).min(pages));
    let mut out = Vec::with_capacity(9);
    if from > 1 {
        out.push(Some(1));
        if from > 2 {
            out.push(None);
        }
    }
    out.extend((from..=to).map(Some));
    if to < pages {
        if to < pages - 1 {
            out.push(None);
        }
        out.push(Some(pages));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shown_numbers;

    fn show(page: i64, pages: i64) -> String {
        shown_numbers(page, pages)
            .iter()
            .map(|n| n.map_or("…".to_string(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn first_last_and_two_either_side() {
        assert_eq!(show(1, 1), "1");
        assert_eq!(show(1, 3), "1 2 3");
        assert_eq!(show(1, 418), "1 2 3 … 418");
        assert_eq!(show(3, 418), "1 2 3 4 5 … 418");
        assert_eq!(show(4, 418), "1 2 3 4 5 6 … 418");
        assert_eq!(show(5, 418), "1 … 3 4 5 6 7 … 418");
        assert_eq!(show(200, 418), "1 … 198 199 200 201 202 … 418");
        assert_eq!(show(415, 418), "1 … 413 414 415 416 417 418");
        assert_eq!(show(418, 418), "1 … 416 417 418");
        assert_eq!(show(6, 12), "1 … 4 5 6 7 8 … 12");
    }

    #[test]
    fn same_as_checking_every_number() {
        // What the template did before: walk every page number.
        for pages in 1..40 {
            for page in 1..=pages {
                let mut want = vec![];
                for n in 1..=pages {
                    if n == 1 || n == pages || (n >= page - 2 && n <= page + 2) {
                        want.push(Some(n));
                    } else if n == page - 3 || n == page + 3 {
                        want.push(None);
                    }
                }
                assert_eq!(shown_numbers(page, pages), want, "page {page} of {pages}");
            }
        }
    }
}
