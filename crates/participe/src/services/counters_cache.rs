//! Participation counters of projects as pages show them: read from the
//! database at most once a second per project, whatever the traffic. A
//! count is therefore never more than a second old on any server (each
//! server reads the shared database itself), and the cache holds one small
//! entry per project, cleared if it ever grows past `MAX_ENTRIES`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::storage::counters::{self, Counters};
use crate::storage::{Db, StoreResult};

const MAX_AGE: Duration = Duration::from_secs(1);
const MAX_ENTRIES: usize = 10_000;

#[derive(Default)]
pub struct CountersCache {
    entries: Mutex<HashMap<i64, (Instant, Counters)>>,
}

impl CountersCache {
    /// The counters of project `id`, at most a second old.
    pub async fn project(&self, db: &Db, id: i64) -> StoreResult<Counters> {
        if let Some((at, c)) = self.lock().get(&id)
            && at.elapsed() < MAX_AGE
        {
            return Ok(*c);
        }
        let c = counters::project(db, id).await?;
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(id, (Instant::now(), c));
        Ok(c)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, (Instant, Counters)>> {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
