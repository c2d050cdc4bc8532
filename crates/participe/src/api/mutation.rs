//! Mutations for staff integrations holding a `write` token: what a
//! project manager does in the back office, checked by the same domain
//! rules. Votes are not writable through the API.

use async_graphql::{Context, ErrorExtensions, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use participe_domain::FieldErrors;
use participe_domain::project::{ProjectInput as DomainProject, RawProject};
use participe_domain::step::{RawStep, StepInput as DomainStep};

use super::types::{Project, Proposal, Step};
use super::{ApiCtx, Stored, error};
use crate::i18n::Lang;
use crate::services::decisions;
use crate::storage::steps::StepData;
use crate::storage::{self, StoreError, api_tokens, projects};

pub struct MutationRoot;

#[derive(InputObject)]
pub struct ProjectInput {
    pub title: String,
    /// Derived from the title when empty.
    #[graphql(default)]
    pub slug: String,
    #[graphql(default)]
    pub summary: String,
    /// Markdown.
    #[graphql(default)]
    pub description: String,
    /// public, restricted or draft.
    pub visibility: String,
}

#[derive(InputObject)]
pub struct StepInput {
    pub title: String,
    /// presentation, collect, analysis, vote, results, follow_up, consultation, questionnaire, debate, other.
    pub step_type: String,
    /// Markdown.
    #[graphql(default)]
    pub body: String,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    #[graphql(default)]
    pub published: bool,
}

/// Invalid input: each field's problem in English, as `extensions.fields`.
fn invalid(api: &ApiCtx, errors: &FieldErrors) -> async_graphql::Error {
    let fields: Vec<serde_json::Value> = errors
        .0
        .iter()
        .map(|e| serde_json::json!({ "field": e.field, "message": api.state.i18n.t(Lang::En, e.code, None) }))
        .collect();
    let summary = fields
        .iter()
        .map(|f| {
            format!(
                "{}: {}",
                f["field"].as_str().unwrap_or(""),
                f["message"].as_str().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    async_graphql::Error::new(format!("invalid input: {summary}")).extend_with(move |_, e| {
        e.set("code", "INVALID_INPUT");
        if let Ok(v) = async_graphql::Value::from_json(serde_json::Value::Array(fields.clone())) {
            e.set("fields", v);
        }
    })
}

fn id_of(id: &ID) -> Result<i64> {
    id.parse::<i64>()
        .map_err(|_| error("BAD_ID", format!("not an id: {}", id.as_str())))
}

fn parse_project(api: &ApiCtx, i: &ProjectInput) -> Result<DomainProject> {
    DomainProject::parse(&RawProject {
        title: &i.title,
        slug: &i.slug,
        summary: &i.summary,
        description: &i.description,
        visibility: &i.visibility,
    })
    .map_err(|e| invalid(api, &e))
}

/// The step form's rules; API dates are UTC instants.
fn parse_step(api: &ApiCtx, i: &StepInput) -> Result<DomainStep> {
    let fmt = |d: Option<DateTime<Utc>>| d.map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string()).unwrap_or_default();
    let (starts, ends) = (fmt(i.starts_at), fmt(i.ends_at));
    DomainStep::parse(&RawStep {
        title: &i.title,
        step_type: &i.step_type,
        body: &i.body,
        starts_at: &starts,
        ends_at: &ends,
    })
    .map_err(|e| invalid(api, &e))
}

fn step_data<'a>(s: &'a DomainStep, published: bool) -> StepData<'a> {
    StepData {
        title: &s.title,
        step_type: s.step_type,
        body: &s.body,
        starts_at: s.starts_at.map(|n| n.and_utc()),
        ends_at: s.ends_at.map(|n| n.and_utc()),
        published,
    }
}

fn slug_taken(api: &ApiCtx) -> async_graphql::Error {
    let mut e = FieldErrors::new();
    e.add("slug", "error-slug-taken");
    invalid(api, &e)
}

fn not_found(what: &str) -> async_graphql::Error {
    error("NOT_FOUND", format!("no such {what}"))
}

#[Object]
impl MutationRoot {
    async fn create_project(&self, ctx: &Context<'_>, input: ProjectInput) -> Result<Project> {
        let api = ctx.data::<ApiCtx>()?;
        api.require_write()?;
        let p = parse_project(api, &input)?;
        let id = match projects::create(&api.db, &p).await {
            Err(StoreError::Conflict(_)) => return Err(slug_taken(api)),
            other => other.api()?,
        };
        let project = projects::by_id(&api.db, id)
            .await
            .api()?
            .ok_or_else(|| not_found("project"))?;
        Ok(Project(project))
    }

    async fn update_project(&self, ctx: &Context<'_>, id: ID, input: ProjectInput) -> Result<Project> {
        let api = ctx.data::<ApiCtx>()?;
        api.require_write()?;
        let id = id_of(&id)?;
        projects::by_id(&api.db, id)
            .await
            .api()?
            .ok_or_else(|| not_found("project"))?;
        let p = parse_project(api, &input)?;
        match projects::update(&api.db, id, &p).await {
            Err(StoreError::Conflict(_)) => return Err(slug_taken(api)),
            other => other.api()?,
        }
        let project = projects::by_id(&api.db, id)
            .await
            .api()?
            .ok_or_else(|| not_found("project"))?;
        Ok(Project(project))
    }

    /// Adds a step at the end of a project's timeline.
    async fn create_step(&self, ctx: &Context<'_>, project_id: ID, input: StepInput) -> Result<Step> {
        let api = ctx.data::<ApiCtx>()?;
        api.require_write()?;
        let project = id_of(&project_id)?;
        projects::by_id(&api.db, project)
            .await
            .api()?
            .ok_or_else(|| not_found("project"))?;
        let s = parse_step(api, &input)?;
        let id = storage::steps::create(&api.db, project, &step_data(&s, input.published))
            .await
            .api()?;
        let step = storage::steps::by_id(&api.db, id)
            .await
            .api()?
            .ok_or_else(|| not_found("step"))?;
        Ok(Step(step))
    }

    async fn update_step(&self, ctx: &Context<'_>, id: ID, input: StepInput) -> Result<Step> {
        let api = ctx.data::<ApiCtx>()?;
        api.require_write()?;
        let id = id_of(&id)?;
        storage::steps::by_id(&api.db, id)
            .await
            .api()?
            .ok_or_else(|| not_found("step"))?;
        let s = parse_step(api, &input)?;
        storage::steps::update(&api.db, id, &step_data(&s, input.published))
            .await
            .api()?;
        let step = storage::steps::by_id(&api.db, id)
            .await
            .api()?
            .ok_or_else(|| not_found("step"))?;
        Ok(Step(step))
    }

    /// Sets (or, with null, removes) a proposal's status; the author and
    /// followers are told of a new status.
    async fn set_proposal_status(&self, ctx: &Context<'_>, proposal_id: ID, status_id: Option<ID>) -> Result<Proposal> {
        let api = ctx.data::<ApiCtx>()?;
        api.require_write()?;
        let p = storage::proposals::by_id(&api.db, id_of(&proposal_id)?)
            .await
            .api()?
            .filter(|p| p.state != "draft")
            .ok_or_else(|| not_found("proposal"))?;
        let status = status_id.as_ref().map(id_of).transpose()?;
        if !decisions::status_allowed(&api.state, p.step_id, status).await.api()? {
            let mut e = FieldErrors::new();
            e.add("statusId", "error-choice-unknown");
            return Err(invalid(api, &e));
        }
        decisions::set_status(&api.state, &p, status, None).await.map_err(|e| {
            tracing::error!("api set status: {e}");
            error("INTERNAL", "internal error")
        })?;
        let p = storage::proposals::by_id(&api.db, p.id)
            .await
            .api()?
            .ok_or_else(|| not_found("proposal"))?;
        Ok(Proposal(p))
    }

    /// Writes a proposal's official answer (Markdown), published at
    /// `publishAt` (now when omitted or past).
    async fn set_official_answer(
        &self,
        ctx: &Context<'_>,
        proposal_id: ID,
        body: String,
        publish_at: Option<DateTime<Utc>>,
    ) -> Result<Proposal> {
        let api = ctx.data::<ApiCtx>()?;
        let token = api.require_write()?;
        let p = storage::proposals::by_id(&api.db, id_of(&proposal_id)?)
            .await
            .api()?
            .filter(|p| p.state != "draft")
            .ok_or_else(|| not_found("proposal"))?;
        let body = match participe_domain::text::long_text(&body, 20_000) {
            Ok(b) if !b.is_empty() => b,
            Ok(_) => return Err(invalid(api, &one_error("body", "error-required"))),
            Err(code) => return Err(invalid(api, &one_error("body", code))),
        };
        let author = api_tokens::name_and_creator(&api.db, token)
            .await
            .api()?
            .and_then(|(_, creator)| creator)
            .ok_or_else(|| error("FORBIDDEN", "the token's author no longer exists"))?;
        decisions::save_answer(&api.state, p.id, &body, publish_at, author)
            .await
            .map_err(|e| {
                tracing::error!("api answer: {e}");
                error("INTERNAL", "internal error")
            })?;
        let p = storage::proposals::by_id(&api.db, p.id)
            .await
            .api()?
            .ok_or_else(|| not_found("proposal"))?;
        Ok(Proposal(p))
    }
}

fn one_error(field: &str, code: &'static str) -> FieldErrors {
    let mut e = FieldErrors::new();
    e.add(field, code);
    e
}
