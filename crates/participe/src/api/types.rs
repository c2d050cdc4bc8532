//! The GraphQL object types. Each wraps a storage row and exposes only what
//! a visitor sees on the web: no emails, no analyses, nothing hidden by
//! moderation, no vote counts of a secret ballot before its results.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use participe_domain::step::state_at;

use super::{ApiCtx, Stored, Total, page};
use crate::storage::{self, ballots, comments, counters, realisations, taxonomy, votes};

/// The organisation running the platform.
#[derive(SimpleObject)]
pub struct Organisation {
    pub name: String,
    pub primary_colour: String,
    pub secondary_colour: String,
    /// Address of the logo, when there is one.
    pub logo_url: Option<String>,
    /// `etalab-2.0` (Licence Ouverte 2.0) or `odbl-1.0`.
    pub open_data_licence: String,
}

/// A district or a theme.
#[derive(SimpleObject, Clone)]
pub struct Term {
    pub id: ID,
    pub name: String,
}

impl From<taxonomy::Term> for Term {
    fn from(t: taxonomy::Term) -> Self {
        Term {
            id: t.id.into(),
            name: t.name,
        }
    }
}

/// Participation counters.
#[derive(SimpleObject)]
pub struct Counters {
    /// People who deposited, commented, contributed, argued or voted.
    pub participants: i64,
    /// Published proposals, visible comments, and participants' public
    /// contributions, amendments, arguments and sources.
    pub contributions: i64,
    /// Complete ballots (online and paper), hand-counted paper voters,
    /// votes on contributions and debate votes.
    pub votes: i64,
}

impl From<counters::Counters> for Counters {
    fn from(c: counters::Counters) -> Self {
        Counters {
            participants: c.participants,
            contributions: c.contributions,
            votes: c.votes,
        }
    }
}

pub struct Project(pub storage::projects::Project);

#[Object]
impl Project {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn summary(&self) -> &str {
        &self.0.summary
    }
    /// Markdown.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// `public`, `restricted` (signed-in people) or `draft` (staff tokens only).
    async fn visibility(&self) -> &str {
        &self.0.visibility
    }
    async fn cover_url(&self) -> Option<String> {
        self.0.cover_path.as_ref().map(|p| format!("/uploads/{p}"))
    }
    /// What the cover shows, for people who cannot see it (empty when there is no cover).
    async fn cover_alt(&self) -> &str {
        &self.0.cover_alt
    }
    async fn url(&self) -> String {
        format!("/projects/{}", self.0.slug)
    }
    async fn steps(&self, ctx: &Context<'_>) -> Result<Vec<Step>> {
        let api = ctx.data::<ApiCtx>()?;
        let list = storage::steps::of_project(&api.db, self.0.id, api.staff())
            .await
            .api()?;
        Ok(list.into_iter().map(Step).collect())
    }
    async fn themes(&self, ctx: &Context<'_>) -> Result<Vec<Term>> {
        let api = ctx.data::<ApiCtx>()?;
        let list = taxonomy::of_project(&api.db, taxonomy::Kind::Theme, self.0.id)
            .await
            .api()?;
        Ok(list.into_iter().map(Term::from).collect())
    }
    async fn districts(&self, ctx: &Context<'_>) -> Result<Vec<Term>> {
        let api = ctx.data::<ApiCtx>()?;
        let list = taxonomy::of_project(&api.db, taxonomy::Kind::District, self.0.id)
            .await
            .api()?;
        Ok(list.into_iter().map(Term::from).collect())
    }
    async fn counters(&self, ctx: &Context<'_>) -> Result<Counters> {
        let api = ctx.data::<ApiCtx>()?;
        Ok(counters::project(&api.db, self.0.id).await.api()?.into())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Where a step stands now.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum StepState {
    Upcoming,
    Open,
    Closed,
}

/// Orders of a step's proposals, as on the web.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Default)]
pub enum ProposalSort {
    #[default]
    Newest,
    MostCommented,
    /// Petitions: most supported first.
    MostSupported,
    CostAsc,
    CostDesc,
    /// Shuffled by the `seed` argument (stable for one seed).
    Random,
}

pub struct Step(pub storage::steps::Step);

#[Object]
impl Step {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    /// presentation, collect, analysis, vote, results, follow_up, consultation, questionnaire, debate, other.
    async fn step_type(&self) -> &str {
        &self.0.step_type
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Markdown.
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn starts_at(&self) -> Option<DateTime<Utc>> {
        self.0.starts_at
    }
    async fn ends_at(&self) -> Option<DateTime<Utc>> {
        self.0.ends_at
    }
    async fn published(&self) -> bool {
        self.0.published
    }
    async fn state(&self) -> StepState {
        match state_at(Utc::now(), self.0.starts_at, self.0.ends_at) {
            participe_domain::step::StepState::Upcoming => StepState::Upcoming,
            participe_domain::step::StepState::Open => StepState::Open,
            participe_domain::step::StepState::Closed => StepState::Closed,
        }
    }
    async fn counters(&self, ctx: &Context<'_>) -> Result<Counters> {
        let api = ctx.data::<ApiCtx>()?;
        Ok(counters::step(&api.db, self.0.id).await.api()?.into())
    }
    /// The step's published proposals (collect steps), 100 at most per page.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 100) as usize * child_complexity + 1")]
    async fn proposals(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        first: Option<i32>,
        district: Option<ID>,
        theme: Option<ID>,
        category: Option<ID>,
        status: Option<ID>,
        text: Option<String>,
        #[graphql(default)] sort: ProposalSort,
        #[graphql(default = 1)] seed: i32,
    ) -> Result<Connection<usize, Proposal, Total, EmptyFields>> {
        let api = ctx.data::<ApiCtx>()?;
        let filters = storage::proposals::Filters {
            district: parse_opt_id(district)?,
            theme: parse_opt_id(theme)?,
            category: parse_opt_id(category)?,
            status: parse_opt_id(status)?,
            text: text.filter(|t| !t.trim().is_empty()),
        };
        let sort = match sort {
            ProposalSort::Newest => participe_domain::proposal::Sort::Newest,
            ProposalSort::MostCommented => participe_domain::proposal::Sort::MostCommented,
            ProposalSort::MostSupported => participe_domain::proposal::Sort::MostSupported,
            ProposalSort::CostAsc => participe_domain::proposal::Sort::CostAsc,
            ProposalSort::CostDesc => participe_domain::proposal::Sort::CostDesc,
            ProposalSort::Random => participe_domain::proposal::Sort::Random,
        };
        let step = self.0.id;
        let (db, state) = (api.db.clone(), api.state.clone());
        let total = state.proposal_lists.count(&db, step, &filters).await.api()?;
        page(after, first, total, |offset, limit| async move {
            let rows = state
                .proposal_lists
                .page::<storage::proposals::Proposal>(&db, step, &filters, sort, i64::from(seed), limit, offset)
                .await
                .api()?;
            Ok(rows.into_iter().map(Proposal).collect())
        })
        .await
    }
    /// The vote's settings, for vote steps.
    async fn vote(&self, ctx: &Context<'_>) -> Result<Option<Vote>> {
        if self.0.step_type != "vote" {
            return Ok(None);
        }
        let api = ctx.data::<ApiCtx>()?;
        Ok(Some(Vote(votes::settings(&api.db, self.0.id).await.api()?)))
    }
    /// The consultations on a text of a consultation step.
    async fn consultations(&self, ctx: &Context<'_>) -> Result<Vec<super::consultation::Consultation>> {
        if self.0.step_type != "consultation" {
            return Ok(vec![]);
        }
        let api = ctx.data::<ApiCtx>()?;
        let list = storage::consultations::of_step(&api.db, self.0.id).await.api()?;
        Ok(list.into_iter().map(super::consultation::Consultation).collect())
    }
    /// The published synthesis of a consultation step (null before publication).
    async fn synthesis(&self, ctx: &Context<'_>) -> Result<Option<super::consultation::Synthesis>> {
        if self.0.step_type != "consultation" {
            return Ok(None);
        }
        super::consultation::published_synthesis(ctx.data::<ApiCtx>()?, self.0.id).await
    }
    /// The questionnaire (or votation) of a questionnaire step.
    async fn questionnaire(&self, ctx: &Context<'_>) -> Result<Option<super::questionnaire::Questionnaire>> {
        if self.0.step_type != "questionnaire" {
            return Ok(None);
        }
        let api = ctx.data::<ApiCtx>()?;
        let q = storage::questionnaires::get(&api.db, self.0.id).await.api()?;
        Ok(q.map(super::questionnaire::Questionnaire))
    }
    /// The debates of a debate step.
    async fn debates(&self, ctx: &Context<'_>) -> Result<Vec<super::consultation::Debate>> {
        if self.0.step_type != "debate" {
            return Ok(vec![]);
        }
        let api = ctx.data::<ApiCtx>()?;
        let list = storage::debates::of_step(&api.db, self.0.id).await.api()?;
        Ok(list.into_iter().map(super::consultation::Debate).collect())
    }
    /// Published results of a vote step (null before publication).
    async fn results(&self, ctx: &Context<'_>) -> Result<Option<Vec<ResultRow>>> {
        if self.0.step_type != "vote" {
            return Ok(None);
        }
        let api = ctx.data::<ApiCtx>()?;
        if !votes::settings(&api.db, self.0.id).await.api()?.published() {
            return Ok(None);
        }
        let rows = ballots::results(&api.db, self.0.id).await.api()?;
        Ok(Some(rows.into_iter().map(ResultRow).collect()))
    }
}

pub struct Vote(pub votes::VoteSettings);

#[Object]
impl Vote {
    /// simple, budget or ranking.
    async fn mode(&self) -> &str {
        &self.0.mode
    }
    async fn min_choices(&self) -> Option<i64> {
        self.0.min_choices
    }
    async fn max_choices(&self) -> Option<i64> {
        self.0.max_choices
    }
    /// The budget the winners share, in euros.
    async fn envelope(&self) -> Option<i64> {
        self.0.envelope
    }
    async fn per_district(&self) -> bool {
        self.0.per_district
    }
    /// Whether counts are public during the vote (otherwise a secret ballot).
    async fn counts_public(&self) -> bool {
        self.0.counts_public
    }
    async fn counting_rule(&self) -> &str {
        &self.0.counting_rule
    }
    async fn results_published_at(&self) -> Option<DateTime<Utc>> {
        self.0.results_published_at
    }
    /// The ballots in the pabulib format, once published.
    async fn pb_url(&self) -> Option<String> {
        self.0
            .results_published_at
            .map(|_| format!("/votes/{}/export.pb", self.0.step_id))
    }
}

pub struct ResultRow(pub ballots::ResultRow);

#[Object]
impl ResultRow {
    async fn proposal_id(&self) -> ID {
        self.0.proposal_id.into()
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn cost(&self) -> Option<i64> {
        self.0.cost
    }
    /// Votes (or points, for rankings) from online ballots.
    async fn online(&self) -> i64 {
        self.0.online
    }
    /// Votes (or points) from paper ballots and tallies.
    async fn paper(&self) -> i64 {
        self.0.paper
    }
    async fn total(&self) -> i64 {
        self.0.online + self.0.paper
    }
    async fn selected(&self) -> bool {
        self.0.selected
    }
    async fn selection_order(&self) -> Option<i64> {
        self.0.selection_order
    }
}

pub struct Proposal(pub storage::proposals::Proposal);

impl Proposal {
    fn is_hidden(&self) -> bool {
        self.0.hidden_reason.is_some()
    }
    /// A field that moderation hides.
    fn shown<'a>(&self, v: &'a str) -> Option<&'a str> {
        (!self.is_hidden()).then_some(v)
    }
}

#[Object]
impl Proposal {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    /// The public reference (e.g. BP-2026-0042).
    async fn reference(&self) -> Option<String> {
        self.0.reference()
    }
    /// Hidden by moderation: title, summary, description and comments are withheld.
    async fn hidden(&self) -> bool {
        self.is_hidden()
    }
    async fn title(&self) -> Option<&str> {
        self.shown(&self.0.title)
    }
    async fn summary(&self) -> Option<&str> {
        self.shown(&self.0.summary)
    }
    /// Markdown.
    async fn description(&self) -> Option<&str> {
        self.shown(&self.0.description)
    }
    /// published or withdrawn.
    async fn state(&self) -> &str {
        &self.0.state
    }
    async fn author_name(&self) -> Option<&str> {
        if self.is_hidden() {
            return None;
        }
        self.0.author_name.as_deref()
    }
    async fn cost(&self) -> Option<i64> {
        self.0.cost
    }
    async fn district(&self) -> Option<Term> {
        Some(Term {
            id: self.0.district_id?.into(),
            name: self.0.district_name.clone()?,
        })
    }
    async fn theme(&self) -> Option<Term> {
        Some(Term {
            id: self.0.theme_id?.into(),
            name: self.0.theme_name.clone()?,
        })
    }
    async fn category(&self) -> Option<&str> {
        self.0.category_name.as_deref()
    }
    async fn address(&self) -> Option<&str> {
        self.shown(&self.0.address)
    }
    async fn latitude(&self) -> Option<f64> {
        self.0.latitude.filter(|_| !self.is_hidden())
    }
    async fn longitude(&self) -> Option<f64> {
        self.0.longitude.filter(|_| !self.is_hidden())
    }
    async fn image_url(&self) -> Option<String> {
        if self.is_hidden() {
            return None;
        }
        self.0.image_path.as_ref().map(|p| format!("/uploads/{p}"))
    }
    /// What the image shows, for people who cannot see it.
    async fn image_alt(&self) -> &str {
        if self.is_hidden() { "" } else { &self.0.image_alt }
    }
    async fn status(&self) -> Option<Status> {
        Some(Status {
            id: self.0.status_id?.into(),
            name: self.0.status_name.clone()?,
            colour: self.0.status_colour.clone().unwrap_or_default(),
        })
    }
    /// admissible, not_admissible or merged, once decided.
    async fn outcome(&self) -> Option<&str> {
        self.0.outcome.as_deref()
    }
    async fn merged_into_id(&self) -> Option<ID> {
        self.0.merged_into_id.map(ID::from)
    }
    async fn comment_count(&self) -> i64 {
        self.0.comment_count
    }
    /// Petitions (a collect step in support mode): supports received.
    async fn support_count(&self) -> i64 {
        self.0.support_count
    }
    /// Petitions: collecting, awaiting (past the threshold, an answer due),
    /// answered or archived.
    async fn petition_standing(&self) -> &'static str {
        self.0.standing().as_str()
    }
    /// Petitions: the date the threshold was reached.
    async fn threshold_reached_at(&self) -> Option<DateTime<Utc>> {
        self.0.threshold_reached_at
    }
    /// Petitions: the official answer is promised by this date.
    async fn answer_due_at(&self) -> Option<DateTime<Utc>> {
        self.0.answer_due_at
    }
    /// Petitions: archived below the threshold at this date.
    async fn archived_at(&self) -> Option<DateTime<Utc>> {
        self.0.archived_at
    }
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }
    async fn url(&self) -> String {
        format!("/proposals/{}", self.0.id)
    }
    /// The official answer, once published.
    async fn official_answer(&self, ctx: &Context<'_>) -> Result<Option<OfficialAnswer>> {
        let api = ctx.data::<ApiCtx>()?;
        Ok(storage::analyses::answer(&api.db, self.0.id)
            .await
            .api()?
            .and_then(|a| {
                Some(OfficialAnswer {
                    body: a.body,
                    published_at: a.published_at?,
                })
            }))
    }
    /// Votes received: only where the web shows them (counts public during
    /// the vote, or results published).
    async fn votes(&self, ctx: &Context<'_>) -> Result<Option<i64>> {
        let api = ctx.data::<ApiCtx>()?;
        api.public_votes(self.0.id).await
    }
    /// Comments in order, replies after their parent; 100 at most per page.
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 100) as usize * child_complexity + 1")]
    async fn comments(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        first: Option<i32>,
    ) -> Result<Connection<usize, Comment, Total, EmptyFields>> {
        let api = ctx.data::<ApiCtx>()?;
        let all: Vec<comments::Comment> = if self.is_hidden() {
            vec![]
        } else {
            comments::of_proposal(&api.db, self.0.id).await.api()?
        };
        let total = all.len() as i64;
        page(after, first, total, |offset, limit| async move {
            Ok(all
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize)
                .map(Comment)
                .collect())
        })
        .await
    }
    /// The realisation follow-up of a winning proposal.
    async fn follow_up(&self, ctx: &Context<'_>) -> Result<Option<FollowUp>> {
        let api = ctx.data::<ApiCtx>()?;
        let Some(r) = realisations::get(&api.db, self.0.id).await.api()? else {
            return Ok(None);
        };
        let milestones = realisations::milestones(&api.db, self.0.id)
            .await
            .api()?
            .into_iter()
            .map(|m| Milestone {
                title: m.title,
                due_on: m.due_on,
                done: m.done,
            })
            .collect();
        let news = realisations::news(&api.db, self.0.id)
            .await
            .api()?
            .into_iter()
            .map(|n| News {
                title: n.title,
                body: n.body,
                image_url: n.image_path.map(|p| format!("/uploads/{p}")),
                image_alt: n.image_alt,
                published_at: n.published_at,
            })
            .collect();
        Ok(Some(FollowUp {
            status: r.status,
            progress: r.progress,
            milestones,
            news,
        }))
    }
}

#[derive(SimpleObject)]
pub struct Status {
    pub id: ID,
    pub name: String,
    pub colour: String,
}

#[derive(SimpleObject)]
pub struct OfficialAnswer {
    /// Markdown.
    pub body: String,
    pub published_at: DateTime<Utc>,
}

#[derive(SimpleObject)]
pub struct FollowUp {
    /// under_study, in_progress, delivered or abandoned.
    pub status: String,
    /// 0 to 100.
    pub progress: i64,
    pub milestones: Vec<Milestone>,
    pub news: Vec<News>,
}

#[derive(SimpleObject)]
pub struct Milestone {
    pub title: String,
    pub due_on: NaiveDate,
    pub done: bool,
}

#[derive(SimpleObject)]
pub struct News {
    pub title: String,
    /// Markdown.
    pub body: String,
    pub image_url: Option<String>,
    /// Text alternative of the image.
    pub image_alt: String,
    pub published_at: DateTime<Utc>,
}

pub struct Comment(pub comments::Comment);

impl Comment {
    fn withheld(&self) -> bool {
        self.0.hidden_reason.is_some() || self.0.deleted_at.is_some()
    }
}

#[Object]
impl Comment {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn parent_id(&self) -> Option<ID> {
        self.0.parent_id.map(ID::from)
    }
    /// Null when hidden by moderation or deleted by its author.
    async fn body(&self) -> Option<&str> {
        (!self.withheld()).then_some(self.0.body.as_str())
    }
    async fn hidden(&self) -> bool {
        self.0.hidden_reason.is_some()
    }
    async fn deleted(&self) -> bool {
        self.0.deleted_at.is_some()
    }
    async fn author_name(&self) -> Option<&str> {
        if self.withheld() {
            return None;
        }
        self.0.author_name.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// An entry of the public moderation log (never who acted).
#[derive(SimpleObject)]
pub struct ModerationEntry {
    pub id: ID,
    /// proposal or comment.
    pub target_kind: String,
    pub target_id: ID,
    /// hidden or restored.
    pub action: String,
    pub reason: String,
    pub proposal_id: Option<ID>,
    pub created_at: DateTime<Utc>,
}

fn parse_opt_id(id: Option<ID>) -> Result<Option<i64>> {
    id.map(|i| {
        i.parse::<i64>()
            .map_err(|_| super::error("BAD_ID", format!("not an id: {}", i.as_str())))
    })
    .transpose()
}
