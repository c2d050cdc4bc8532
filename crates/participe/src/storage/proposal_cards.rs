//! The cards of a proposal list: only what a card shows, read from the
//! proposals table alone. The names of districts, themes and statuses come
//! from the step's taxonomies, which `services::collect_steps` keeps in
//! memory, so a page neither joins them nor reads descriptions it does not
//! show. A page of cards: `services::proposal_lists::ProposalLists::page::<Card>`.

use super::proposals::PageRow;
use chrono::{DateTime, Utc};

macro_rules! card_select {
    ($($rest:tt)*) => {
        concat!(
            "SELECT p.id, p.number, p.title, p.summary, p.cost, p.district_id, p.theme_id, p.status_id,
                p.image_path, p.hidden_reason, p.comment_count, p.support_count, p.threshold_reached_at,
                p.answer_due_at, p.archived_at,
                EXISTS (SELECT 1 FROM official_answers oa WHERE oa.proposal_id = p.id AND oa.published_at IS NOT NULL)
                    AS answered
             FROM proposals p ",
            $($rest)*
        )
    };
}

/// One card of a list. The names are filled by whoever holds the step's
/// taxonomies (`CollectStep::name_cards`).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Card {
    pub id: i64,
    pub number: Option<i64>,
    pub title: String,
    pub summary: String,
    pub cost: Option<i64>,
    pub district_id: Option<i64>,
    pub theme_id: Option<i64>,
    pub status_id: Option<i64>,
    pub image_path: Option<String>,
    pub hidden_reason: Option<String>,
    pub comment_count: i64,
    pub support_count: i64,
    pub threshold_reached_at: Option<DateTime<Utc>>,
    pub answer_due_at: Option<DateTime<Utc>>,
    pub archived_at: Option<DateTime<Utc>>,
    /// Its official answer is published.
    pub answered: bool,
    #[sqlx(skip)]
    pub district_name: Option<String>,
    #[sqlx(skip)]
    pub theme_name: Option<String>,
    #[sqlx(skip)]
    pub status_name: Option<String>,
}

impl Card {
    /// Where it stands as a petition (meaningful in support mode only).
    pub fn standing(&self) -> participe_domain::petition::Standing {
        participe_domain::petition::standing(participe_domain::petition::Facts {
            reached_at: self.threshold_reached_at,
            answer_due_at: self.answer_due_at,
            archived_at: self.archived_at,
            answered: self.answered,
        })
    }
}

impl PageRow for Card {
    const SQLITE_SELECT: &'static str = card_select!("");
    const SQLITE_BY_IDS: &'static str = card_select!("WHERE p.id IN (SELECT value FROM json_each($1))");
    const PG_BY_IDS: &'static str = card_select!("WHERE p.id = ANY($1)");
    fn id(&self) -> i64 {
        self.id
    }
}
