//! Project cards: what the home page (and any list of projects) shows of a
//! project — its cover or a placeholder, the step it puts forward with its
//! dates, its call to action and, while it is open, its counters.

use chrono::{DateTime, Utc};
use participe_domain::project::{StepDates, featured_step};
use participe_domain::step::{CallToAction, StepType, call_to_action, state_at};
use serde::Serialize;

use crate::storage::counters::Counters;
use crate::storage::projects::Project;
use crate::storage::steps::Step;

/// The step a card puts forward.
#[derive(Debug, Serialize)]
pub struct FeaturedStep {
    pub id: i64,
    pub title: String,
    pub step_type: String,
    pub state: &'static str,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
}

/// What a card shows of its project, and nothing more (no description):
/// pages list many cards.
#[derive(Debug, Serialize)]
pub struct ProjectCard {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub visibility: String,
    pub cover_path: Option<String>,
    pub step: Option<FeaturedStep>,
    /// `cta-{cta}` names the button's text.
    pub cta: &'static str,
    pub cta_href: String,
    /// Which of the placeholder patterns stands in for a missing cover.
    pub pattern: i64,
    pub counters: Option<Counters>,
    /// The title's language when not the reader's (not translated).
    pub lang: Option<&'static str>,
}

/// Where a call to action leads. The results of a "results" step are those
/// of the project's vote before it.
pub fn cta_href(project: &Project, steps: &[Step], step: &Step, cta: CallToAction) -> String {
    let vote = StepType::Vote.as_str();
    match cta {
        CallToAction::Vote => format!("/votes/{}", step.id),
        CallToAction::Results => {
            let vote_step = if step.step_type == vote {
                Some(step)
            } else {
                steps
                    .iter()
                    .take_while(|s| s.id != step.id)
                    .filter(|s| s.step_type == vote)
                    .last()
            };
            match vote_step {
                Some(v) => format!("/votes/{}/results", v.id),
                None => format!("/projects/{}/steps/{}", project.slug, step.id),
            }
        }
        CallToAction::FollowUp => format!("/projects/{}/winners", project.slug),
        CallToAction::Propose | CallToAction::Participate => {
            format!("/projects/{}/steps/{}", project.slug, step.id)
        }
        CallToAction::Discover => format!("/projects/{}", project.slug),
    }
}

/// The dates of steps, to place their project in time.
pub fn dates_of(steps: &[Step]) -> Vec<StepDates> {
    steps
        .iter()
        .map(|s| StepDates {
            starts_at: s.starts_at,
            ends_at: s.ends_at,
        })
        .collect()
}

/// A card for `project`, given its published steps in order.
pub fn card(now: DateTime<Utc>, project: &Project, steps: &[Step], counters: Option<Counters>) -> ProjectCard {
    let featured = featured_step(now, &dates_of(steps)).and_then(|i| steps.get(i));
    let (step, cta, cta_href) = match featured {
        Some(s) => {
            let state = state_at(now, s.starts_at, s.ends_at);
            let cta = StepType::parse(&s.step_type)
                .map(|t| call_to_action(t, state))
                .unwrap_or(CallToAction::Discover);
            let href = cta_href(project, steps, s, cta);
            (
                Some(FeaturedStep {
                    id: s.id,
                    title: s.title.clone(),
                    step_type: s.step_type.clone(),
                    state: state.as_str(),
                    starts_at: s.starts_at,
                    ends_at: s.ends_at,
                }),
                cta,
                href,
            )
        }
        None => (None, CallToAction::Discover, format!("/projects/{}", project.slug)),
    };
    ProjectCard {
        id: project.id,
        slug: project.slug.clone(),
        title: project.title.clone(),
        summary: project.summary.clone(),
        visibility: project.visibility.clone(),
        cover_path: project.cover_path.clone(),
        pattern: project.id.rem_euclid(6),
        step,
        cta: cta.as_str(),
        cta_href,
        counters,
        lang: None,
    }
}
