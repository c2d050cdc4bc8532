//! Participation counters of projects as pages show them: read from the
//! database at most once a second per project, whatever the traffic. A
//! count is therefore never more than a second old on any server (each
//! server reads the shared database itself), and the cache holds one small
//! entry per project, cleared if it ever grows past `MAX_ENTRIES`.

use std::time::Duration;

use super::kept::Kept;
use crate::storage::counters::{self, Counters};
use crate::storage::{Db, StoreResult};

const MAX_AGE: Duration = Duration::from_secs(1);
const MAX_ENTRIES: usize = 10_000;

pub struct CountersCache {
    kept: Kept<i64, Counters>,
    /// Every public project's together (the home page's figures).
    public: Kept<(), Counters>,
}

impl Default for CountersCache {
    fn default() -> Self {
        CountersCache {
            kept: Kept::new(MAX_AGE, MAX_ENTRIES),
            public: Kept::new(MAX_AGE, 1),
        }
    }
}

impl CountersCache {
    /// The counters of project `id`, at most a second old.
    pub async fn project(&self, db: &Db, id: i64) -> StoreResult<Counters> {
        self.kept.get_or_load(id, counters::project(db, id)).await
    }

    /// The counters of every public project together, at most a second old.
    pub async fn public_projects(&self, db: &Db) -> StoreResult<Counters> {
        self.public.get_or_load((), counters::public_projects(db)).await
    }
}
