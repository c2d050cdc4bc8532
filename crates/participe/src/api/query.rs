//! The query root: what a visitor can see, found by the same visibility
//! rules as the web pages.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, Result};
use participe_domain::project::Visibility;

use super::types::{ModerationEntry, Organisation, Project, Proposal, Step, Term};
use super::{ApiCtx, Stored, Total, page};
use crate::storage::{self, moderation, org, projects, taxonomy};

pub struct QueryRoot;

/// A project this caller may see.
pub(super) async fn visible_project(
    api: &ApiCtx,
    project: Option<projects::Project>,
) -> Result<Option<projects::Project>> {
    Ok(project.filter(|p| p.visible_to(api.role(), &[])))
}

/// A step this caller may see: published (or staff), in a visible project.
pub(super) async fn visible_step(api: &ApiCtx, id: i64) -> Result<Option<storage::steps::Step>> {
    let Some(step) = storage::steps::by_id(&api.db, id).await.api()? else {
        return Ok(None);
    };
    if !(step.published || api.staff()) {
        return Ok(None);
    }
    let project = projects::by_id(&api.db, step.project_id).await.api()?;
    Ok(visible_project(api, project).await?.map(|_| step))
}

/// A proposal this caller may see: not a draft, in a visible step.
pub(super) async fn visible_proposal(api: &ApiCtx, id: i64) -> Result<Option<storage::proposals::Proposal>> {
    let Some(p) = storage::proposals::by_id(&api.db, id).await.api()? else {
        return Ok(None);
    };
    if p.state == "draft" {
        return Ok(None);
    }
    Ok(visible_step(api, p.step_id).await?.map(|_| p))
}

#[Object]
impl QueryRoot {
    /// The organisation running this platform.
    async fn organisation(&self, ctx: &Context<'_>) -> Result<Organisation> {
        let api = ctx.data::<ApiCtx>()?;
        let o = org::get(&api.db).await.api()?;
        let licence = org::open_data_licence(&api.db).await.api()?;
        Ok(Organisation {
            name: o.name,
            primary_colour: o.primary_colour,
            secondary_colour: o.secondary_colour,
            logo_url: o.logo_path.map(|p| format!("/uploads/{p}")),
            open_data_licence: licence,
        })
    }

    /// Projects, newest first; 100 at most per page.
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 100) as usize * child_complexity + 1")]
    async fn projects(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        first: Option<i32>,
    ) -> Result<Connection<usize, Project, Total, EmptyFields>> {
        let api = ctx.data::<ApiCtx>()?;
        let visible: Vec<Visibility> = [Visibility::Public, Visibility::Restricted, Visibility::Draft]
            .into_iter()
            .filter(|v| v.visible_to(api.role()))
            .collect();
        let all = projects::list_with_visibility(&api.db, &visible).await.api()?;
        let total = all.len() as i64;
        page(after, first, total, |offset, limit| async move {
            Ok(all
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize)
                .map(Project)
                .collect())
        })
        .await
    }

    /// A project by its slug (the last part of its address).
    async fn project(&self, ctx: &Context<'_>, slug: String) -> Result<Option<Project>> {
        let api = ctx.data::<ApiCtx>()?;
        let p = projects::by_slug(&api.db, &slug).await.api()?;
        Ok(visible_project(api, p).await?.map(Project))
    }

    /// A step by id; null when there is none (or it is not visible).
    async fn step(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Step>> {
        let api = ctx.data::<ApiCtx>()?;
        let Ok(id) = id.parse::<i64>() else { return Ok(None) };
        Ok(visible_step(api, id).await?.map(Step))
    }

    /// A proposal by id; null when there is none (or it is not visible).
    async fn proposal(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Proposal>> {
        let api = ctx.data::<ApiCtx>()?;
        let Ok(id) = id.parse::<i64>() else { return Ok(None) };
        Ok(visible_proposal(api, id).await?.map(Proposal))
    }

    /// An article, contribution or amendment of a consultation by id; null
    /// when there is none (or it is not public).
    async fn opinion(&self, ctx: &Context<'_>, id: ID) -> Result<Option<super::consultation::Opinion>> {
        let api = ctx.data::<ApiCtx>()?;
        let Ok(id) = id.parse::<i64>() else { return Ok(None) };
        Ok(super::consultation::visible_opinion(api, id)
            .await?
            .map(super::consultation::Opinion))
    }

    /// A debate by id; null when there is none (or it is not visible).
    async fn debate(&self, ctx: &Context<'_>, id: ID) -> Result<Option<super::consultation::Debate>> {
        let api = ctx.data::<ApiCtx>()?;
        let Ok(id) = id.parse::<i64>() else { return Ok(None) };
        Ok(super::consultation::visible_debate(api, id)
            .await?
            .map(super::consultation::Debate))
    }

    async fn districts(&self, ctx: &Context<'_>) -> Result<Vec<Term>> {
        let api = ctx.data::<ApiCtx>()?;
        let list = taxonomy::list(&api.db, taxonomy::Kind::District).await.api()?;
        Ok(list.into_iter().map(Term::from).collect())
    }

    async fn themes(&self, ctx: &Context<'_>) -> Result<Vec<Term>> {
        let api = ctx.data::<ApiCtx>()?;
        let list = taxonomy::list(&api.db, taxonomy::Kind::Theme).await.api()?;
        Ok(list.into_iter().map(Term::from).collect())
    }

    /// What moderators hid or restored, newest first (never who did it).
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 100) as usize * child_complexity + 1")]
    async fn moderation_log(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        first: Option<i32>,
    ) -> Result<Connection<usize, ModerationEntry, Total, EmptyFields>> {
        let api = ctx.data::<ApiCtx>()?;
        let total = moderation::log_count(&api.db).await.api()?;
        let db = api.db.clone();
        page(after, first, total, |offset, limit| async move {
            let rows = moderation::log(&db, limit, offset).await.api()?;
            Ok(rows
                .into_iter()
                .map(|e| ModerationEntry {
                    id: e.id.into(),
                    target_kind: e.target_kind,
                    target_id: e.target_id.into(),
                    action: e.action,
                    reason: e.reason,
                    proposal_id: e.proposal_id.map(ID::from),
                    created_at: e.created_at,
                })
                .collect())
        })
        .await
    }
}
