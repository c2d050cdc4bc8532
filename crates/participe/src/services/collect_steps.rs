//! Collect steps with what their forms and proposal lists need (project,
//! form, taxonomies, categories, statuses, petition settings), kept in
//! memory at most a second (`services::kept`); the lists themselves are
//! `services::proposal_lists`.

use std::sync::Arc;
use std::time::Duration;

use participe_domain::form::Question;
use participe_domain::petition::PetitionSettings;
use participe_domain::step::{StepState, state_at};
use participe_domain::translation::Kind as Tr;

use super::kept::Kept;
use super::translations::Translations;
use crate::storage::collect::{self, Collect, Named, Status};
use crate::storage::projects::{self, Project};
use crate::storage::proposal_cards::Card;
use crate::storage::steps::{self, Step};
use crate::storage::taxonomy::{self, Kind, Term};
use crate::storage::{Db, StoreResult, forms, petitions};

/// Steps kept at most.
const MAX_STEPS: usize = 256;

/// A collect step with everything its form and lists need.
#[derive(Clone)]
pub struct CollectStep {
    pub project: Project,
    pub step: Step,
    pub collect: Collect,
    pub questions: Vec<Question>,
    pub districts: Vec<Term>,
    pub themes: Vec<Term>,
    pub categories: Vec<Named>,
    /// The statuses the staff give proposals of this step.
    pub statuses: Vec<Status>,
    /// Support mode (petitions): the threshold and delays.
    pub petition: Option<PetitionSettings>,
}

impl CollectStep {
    /// The step, its project, districts and themes in the reader's language.
    pub fn translated(&self, tr: &Translations) -> CollectStep {
        let mut cs = self.clone();
        tr.project(&mut cs.project);
        tr.step(&mut cs.step);
        tr.terms(Tr::District, &mut cs.districts);
        tr.terms(Tr::Theme, &mut cs.themes);
        cs
    }

    pub fn state(&self) -> StepState {
        state_at(chrono::Utc::now(), self.step.starts_at, self.step.ends_at)
    }

    /// Names the district, theme and status of each card from this step's
    /// taxonomies.
    pub fn name_cards(&self, cards: &mut [Card]) {
        fn find<T>(items: &[T], id: Option<i64>, key: impl Fn(&T) -> (i64, &str)) -> Option<String> {
            let id = id?;
            items
                .iter()
                .map(key)
                .find(|(i, _)| *i == id)
                .map(|(_, n)| n.to_string())
        }
        for c in cards {
            c.district_name = find(&self.districts, c.district_id, |t| (t.id, &t.name));
            c.theme_name = find(&self.themes, c.theme_id, |t| (t.id, &t.name));
            c.status_name = find(&self.statuses, c.status_id, |s| (s.id, &s.name));
        }
    }
}

/// Reads step `id` with its project (None if either is missing).
pub async fn load(db: &Db, id: i64) -> StoreResult<Option<CollectStep>> {
    let Some(step) = steps::by_id(db, id).await? else {
        return Ok(None);
    };
    let Some(project) = projects::by_id(db, step.project_id).await? else {
        return Ok(None);
    };
    let collect = collect::get_or_create(db, step.id).await?;
    let questions = forms::questions(db, collect.settings.form_id).await?;
    let districts = taxonomy::list(db, Kind::District).await?;
    let themes = taxonomy::list(db, Kind::Theme).await?;
    let categories = collect::categories(db, step.id).await?;
    let statuses = collect::statuses(db, step.id).await?;
    let petition = petitions::settings(db, step.id).await?;
    Ok(Some(CollectStep {
        project,
        step,
        collect,
        questions,
        districts,
        themes,
        categories,
        statuses,
        petition,
    }))
}

pub struct CollectSteps {
    steps: Kept<i64, Option<Arc<CollectStep>>>,
}

impl CollectSteps {
    /// Keeps steps for `max_age` (zero: reads them every time).
    pub fn new(max_age: Duration) -> CollectSteps {
        CollectSteps {
            steps: Kept::new(max_age, MAX_STEPS),
        }
    }

    /// Step `id` with its project, at most `max_age` old, whatever its type.
    pub async fn get(&self, db: &Db, id: i64) -> StoreResult<Option<Arc<CollectStep>>> {
        self.steps
            .get_or_load(id, async { Ok(load(db, id).await?.map(Arc::new)) })
            .await
    }

    /// Drops everything kept, after a change.
    pub fn forget_all(&self) {
        self.steps.forget_all();
    }
}
