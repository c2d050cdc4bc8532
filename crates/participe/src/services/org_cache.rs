//! The organisation's settings as every page shows them (name, logo,
//! colours): read from the database at most once a second, whatever the
//! traffic. A change made on this server is seen at once (its handler calls
//! `forget`); one made on another server sharing the database, within a
//! second.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::storage::org::{self, Organisation};
use crate::storage::{Db, StoreResult};

const MAX_AGE: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct OrgCache {
    entry: Mutex<Option<(Instant, Arc<Organisation>)>>,
}

impl OrgCache {
    /// The settings, at most a second old.
    pub async fn get(&self, db: &Db) -> StoreResult<Arc<Organisation>> {
        if let Some((at, org)) = self.lock().as_ref()
            && at.elapsed() < MAX_AGE
        {
            return Ok(org.clone());
        }
        // Boxed: the query's state would otherwise be carried (and moved)
        // by every request's future, though it runs once a second.
        Box::pin(self.read(db)).await
    }

    async fn read(&self, db: &Db) -> StoreResult<Arc<Organisation>> {
        let org = Arc::new(org::get(db).await?);
        *self.lock() = Some((Instant::now(), org.clone()));
        Ok(org)
    }

    /// Drops the kept settings, after a change.
    pub fn forget(&self) {
        *self.lock() = None;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Instant, Arc<Organisation>)>> {
        self.entry.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
