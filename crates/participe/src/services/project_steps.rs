//! Projects with their steps, by slug, kept in memory at most a second
//! (`services::kept`): every page of a project starts from them.

use std::sync::Arc;
use std::time::Duration;

use super::kept::Kept;
use super::translations::Translations;
use crate::storage::projects::{self, Project};
use crate::storage::steps::{self, Step};
use crate::storage::{Db, StoreResult};

/// Projects kept at most.
const MAX_KEPT: usize = 1024;

/// A project and all its steps, published or not, in order.
pub struct ProjectSteps {
    pub project: Project,
    pub steps: Vec<Step>,
}

impl ProjectSteps {
    /// The steps a viewer sees: the published ones, or all for `preview`.
    pub fn visible(&self, preview: bool) -> Vec<Step> {
        self.steps.iter().filter(|s| s.published || preview).cloned().collect()
    }

    /// The project and its steps in the reader's language.
    pub fn translated(&self, tr: &Translations) -> ProjectSteps {
        let mut project = self.project.clone();
        tr.project(&mut project);
        let mut steps = self.steps.clone();
        steps.iter_mut().for_each(|s| tr.step(s));
        ProjectSteps { project, steps }
    }

    /// Step `id` of this project, if the viewer sees it.
    pub fn step(&self, id: i64, preview: bool) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id && (s.published || preview))
    }
}

pub struct ProjectStepsCache {
    kept: Kept<String, Option<Arc<ProjectSteps>>>,
}

impl ProjectStepsCache {
    /// Keeps projects for `max_age` (zero: reads them every time).
    pub fn new(max_age: Duration) -> ProjectStepsCache {
        ProjectStepsCache {
            kept: Kept::new(max_age, MAX_KEPT),
        }
    }

    /// The project `slug` and its steps, at most `max_age` old.
    pub async fn get(&self, db: &Db, slug: &str) -> StoreResult<Option<Arc<ProjectSteps>>> {
        if let Some(kept) = self.kept.get(slug) {
            return Ok(kept);
        }
        self.kept
            .get_or_load(slug.to_string(), async {
                let Some(project) = projects::by_slug(db, slug).await? else {
                    return Ok(None);
                };
                let steps = steps::of_project(db, project.id, true).await?;
                Ok(Some(Arc::new(ProjectSteps { project, steps })))
            })
            .await
    }

    /// Drops every kept project, after a change.
    pub fn forget_all(&self) {
        self.kept.forget_all();
    }
}
