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
