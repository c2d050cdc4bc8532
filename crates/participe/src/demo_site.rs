//! The demo site's own content: short URLs for its posters.

use participe_domain::redirection::Redirection;

use crate::storage::{Db, StoreError, redirections};

/// Short addresses the demo city prints on its posters (temporary: the
/// destination may change with next year's budget).
const SHORT_URLS: [(&str, &str); 2] = [
    ("/budget", "/projects/budget-participatif-2026"),
    ("/velo", "/projects/plan-velo-2030"),
];

pub async fn load(db: &Db) -> anyhow::Result<()> {
    for (source, target) in SHORT_URLS {
        let r = Redirection {
            source: source.into(),
            target: target.into(),
            permanent: false,
        };
        match redirections::insert(db, std::slice::from_ref(&r)).await {
            Ok(()) | Err(StoreError::Conflict(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
