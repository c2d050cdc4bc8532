//! Live participation counters for server-sent events. One poller per
//! project or step being watched reads the counters from the database
//! four times a second and wakes every open stream when they change; it
//! stops when the last stream closes. Reading the database (rather than
//! events inside one process) is what makes a vote cast on one app server
//! show on the counters served by every other one within a second.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;

use crate::storage::Db;
use crate::storage::counters::{self, Counters};

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Project(i64),
    Step(i64),
}

/// How often the counters are read.
pub const PERIOD: Duration = Duration::from_millis(250);

type Channels = Arc<Mutex<HashMap<Scope, watch::Sender<Option<Counters>>>>>;

#[derive(Default)]
pub struct LiveHub {
    channels: Channels,
}

impl LiveHub {
    /// A receiver of the counters of `scope` (None until first read).
    pub fn subscribe(&self, db: &Db, scope: Scope) -> watch::Receiver<Option<Counters>> {
        let mut map = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = map.get(&scope) {
            return tx.subscribe();
        }
        let (tx, rx) = watch::channel(None);
        map.insert(scope, tx.clone());
        tokio::spawn(poll(db.clone(), scope, tx, self.channels.clone()));
        rx
    }
}

async fn poll(db: Db, scope: Scope, tx: watch::Sender<Option<Counters>>, channels: Channels) {
    loop {
        {
            // Stop once nobody listens; decided under the lock so that a new
            // subscriber either finds this sender or starts a new poller.
            let mut map = channels.lock().unwrap_or_else(|e| e.into_inner());
            if tx.receiver_count() == 0 {
                map.remove(&scope);
                return;
            }
        }
        let read = match scope {
            Scope::Project(id) => counters::project(&db, id).await,
            Scope::Step(id) => counters::step(&db, id).await,
        };
        match read {
            Ok(c) => {
                tx.send_if_modified(|old| {
                    let changed = *old != Some(c);
                    *old = Some(c);
                    changed
                });
            }
            Err(e) => tracing::warn!("live counters {scope:?}: {e}"),
        }
        tokio::time::sleep(PERIOD).await;
    }
}
