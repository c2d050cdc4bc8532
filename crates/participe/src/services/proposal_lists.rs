//! Pages of a step's proposal list, shared by the web pages and the API.
//! What each filter finds is counted, and the random order's ids are read
//! in shuffle order through their index, both kept at most a second
//! (`services::kept`): a page in random order then reads only the rows it
//! shows, by primary key, from wherever the visitor's seed starts
//! (`participe_domain::shuffle`). Other sorts and text searches read their
//! page through the index of their order (`storage::proposal_list`).

use std::sync::Arc;
use std::time::Duration;

use participe_domain::proposal::Sort;
use participe_domain::shuffle;

use super::kept::Kept;
use crate::storage::proposals::{self, Filters, PageRow};
use crate::storage::{Db, StoreResult};

/// Filtered counts kept at most (a busy list sees a few hundred variants).
const MAX_COUNTS: usize = 4096;
/// Bytes of shuffle orders kept at most (8 per proposal and filter).
const MAX_ORDER_BYTES: u64 = 16 << 20;

pub struct ProposalLists {
    counts: Kept<(i64, Filters), i64>,
    orders: Kept<(i64, Filters), Arc<[i64]>>,
}

impl ProposalLists {
    /// Keeps counts and orders for `max_age` (zero: reads them every time).
    pub fn new(max_age: Duration) -> ProposalLists {
        ProposalLists {
            counts: Kept::new(max_age, MAX_COUNTS),
            orders: Kept::weighted(max_age, MAX_ORDER_BYTES, |ids| 64 + 8 * ids.len() as u64),
        }
    }

    /// How many published proposals of step `step_id` match `filters`, at
    /// most `max_age` old.
    pub async fn count(&self, db: &Db, step_id: i64, filters: &Filters) -> StoreResult<i64> {
        self.counts
            .get_or_load((step_id, filters.clone()), proposals::count(db, step_id, filters))
            .await
    }

    /// One page of the list, as full rows or cards. `seed` chooses where
    /// the random order starts.
    #[allow(clippy::too_many_arguments)]
    pub async fn page<T: PageRow>(
        &self,
        db: &Db,
        step_id: i64,
        filters: &Filters,
        sort: Sort,
        seed: i64,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<T>> {
        if sort != Sort::Random || filters.text.is_some() {
            return proposals::list(db, step_id, filters, sort, seed, limit, offset).await;
        }
        let order = self
            .orders
            .get_or_load((step_id, filters.clone()), async {
                proposals::shuffled_ids(db, step_id, filters).await.map(Arc::from)
            })
            .await?;
        let ids = shuffle::page(&order, seed, offset.max(0) as usize, limit.max(0) as usize);
        proposals::by_ids(db, &ids).await
    }

    /// Drops everything kept, after a change.
    pub fn forget_all(&self) {
        self.counts.forget_all();
        self.orders.forget_all();
    }
}
