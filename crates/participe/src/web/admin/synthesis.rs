//! Back office: the synthesis of a consultation step. A first grouping by
//! similarity, then groups renamed, summarised, nested, merged, split and
//! re-ordered, items moved between groups, and publication.

use std::collections::BTreeMap;

use axum::extract::{RawForm, State};
use axum::response::Response;
use participe_domain::permission::Action;
use participe_domain::step::StepType;
use participe_domain::{FieldErrors, text};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::steps::{self, Step};
use crate::storage::syntheses;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{
    HtmlForm, MoveForm, PathParams, errors_value, form_response, pairs, redirect_with_flash, value,
};
use crate::web::render;

async fn consultation_step(state: &AppState, ctx: &Ctx, step_id: i64) -> AppResult<Step> {
    ctx.require(Action::ManageProjects)?;
    let step = steps::by_id(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if step.step_type != StepType::Consultation.as_str() {
        return Err(AppError::not_found());
    }
    Ok(step)
}

fn back(step_id: i64) -> String {
    format!("/admin/steps/{step_id}/synthesis")
}

async fn page(state: &AppState, ctx: &Ctx, step: Step, errors: &FieldErrors) -> AppResult<Response> {
    let synthesis = syntheses::get(&state.db, step.id).await?;
    let project = crate::storage::projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let groups = syntheses::groups(&state.db, step.id).await?;
    let items = syntheses::items(&state.db, step.id).await?;
    let mut by_group: BTreeMap<String, Vec<&syntheses::Item>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    for i in &items {
        match i.group_id {
            Some(g) => by_group.entry(g.to_string()).or_default().push(i),
            None => unplaced.push(i),
        }
    }
    let html = render::page(
        state,
        ctx,
        "admin/synthesis.html",
        view! {
            step, project, synthesis, groups, by_group, unplaced, total => items.len(),
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let step = consultation_step(&state, &ctx, id).await?;
    page(&state, &ctx, step, &FieldErrors::new()).await
}

pub async fn generate(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    consultation_step(&state, &ctx, id).await?;
    let other = state.i18n.t(ctx.lang, "synthesis-other-group", None);
    crate::services::synthesis::regroup(&state.db, id, &other).await?;
    Ok(redirect_with_flash(&state, &back(id), "flash-synthesis-grouped"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PublishForm {
    publish: String,
}

pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<PublishForm>,
) -> AppResult<Response> {
    let step = consultation_step(&state, &ctx, id).await?;
    if syntheses::get(&state.db, id).await?.is_none() {
        let mut e = FieldErrors::new();
        e.add("publish", "error-synthesis-empty");
        return page(&state, &ctx, step, &e).await;
    }
    // Publishing asks that every item has its place.
    let publish = f.publish == "1";
    if publish
        && syntheses::items(&state.db, id)
            .await?
            .iter()
            .any(|i| i.group_id.is_none())
    {
        let mut e = FieldErrors::new();
        e.add("publish", "error-synthesis-unplaced");
        return page(&state, &ctx, step, &e).await;
    }
    syntheses::set_published(&state.db, id, publish).await?;
    let flash = if publish {
        "flash-synthesis-published"
    } else {
        "flash-saved"
    };
    Ok(redirect_with_flash(&state, &back(id), flash))
}

/// Moves the ticked items (`item=kind:id`) into a group (`group=ID`) or a
/// new one (`group=new`, titled `title`): placing new items, moving and
/// splitting are the same action.
pub async fn place(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    let step = consultation_step(&state, &ctx, id).await?;
    let pairs = pairs(&raw);
    let known = syntheses::items(&state.db, id).await?;
    let chosen: Vec<(String, i64)> = pairs
        .iter()
        .filter(|(k, _)| k == "item")
        .filter_map(|(_, v)| v.split_once(':'))
        .filter_map(|(k, i)| Some((k.to_string(), i.parse::<i64>().ok()?)))
        .filter(|(k, i)| known.iter().any(|x| &x.kind == k && x.item_id == *i))
        .collect();
    let mut e = FieldErrors::new();
    if chosen.is_empty() {
        e.add("item", "error-synthesis-none-chosen");
    }
    if syntheses::get(&state.db, id).await?.is_none() {
        e.add("item", "error-synthesis-empty");
    }
    let target = match value(&pairs, "group") {
        "new" => match text::title(value(&pairs, "title")) {
            Ok(t) if e.is_empty() => Some(syntheses::add_group(&state.db, id, &t).await?),
            Ok(_) => None,
            Err(code) => {
                e.add("title", code);
                None
            }
        },
        g => {
            let gid: i64 = g.parse().map_err(|_| AppError::bad_request("group"))?;
            let (step_of, _) = syntheses::group(&state.db, gid)
                .await?
                .ok_or_else(AppError::not_found)?;
            if step_of != id {
                return Err(AppError::not_found());
            }
            Some(gid)
        }
    };
    match target {
        Some(gid) if e.is_empty() => {
            syntheses::place(&state.db, id, gid, &chosen).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("{}#group-{gid}", back(id)),
                "flash-saved",
            ))
        }
        _ => page(&state, &ctx, step, &e).await,
    }
}

/// A group of a consultation step's synthesis, for managers.
async fn group_of(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Step, syntheses::Group)> {
    ctx.require(Action::ManageProjects)?;
    let (step_id, g) = syntheses::group(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let step = consultation_step(state, ctx, step_id).await?;
    Ok((step, g))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct GroupForm {
    title: String,
    summary: String,
    parent: String,
}

pub async fn edit_group(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<GroupForm>,
) -> AppResult<Response> {
    let (step, _) = group_of(&state, &ctx, id).await?;
    let mut e = FieldErrors::new();
    let title = e.check(format!("title-{id}"), text::title(&f.title));
    let summary = e.check(format!("summary-{id}"), text::long_text(&f.summary, 5_000));
    let parent = match f.parent.trim() {
        "" => None,
        p => {
            let pid: i64 = p.parse().map_err(|_| AppError::bad_request("parent"))?;
            let groups = syntheses::groups(&state.db, step.id).await?;
            // A parent of the same synthesis, never the group itself or one
            // of its descendants.
            let mut cursor = Some(pid);
            while let Some(c) = cursor {
                if c == id {
                    e.add(format!("parent-{id}"), "error-synthesis-loop");
                    break;
                }
                cursor = groups.iter().find(|g| g.id == c).and_then(|g| g.parent_id);
            }
            if !groups.iter().any(|g| g.id == pid) {
                return Err(AppError::not_found());
            }
            Some(pid)
        }
    };
    match (title, summary) {
        (Some(t), Some(s)) if e.is_empty() => {
            syntheses::edit_group(&state.db, id, &t, &s, parent).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("{}#group-{id}", back(step.id)),
                "flash-saved",
            ))
        }
        _ => page(&state, &ctx, step, &e).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MergeForm {
    into: String,
}

pub async fn merge(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MergeForm>,
) -> AppResult<Response> {
    let (step, _) = group_of(&state, &ctx, id).await?;
    let into: i64 = f.into.parse().map_err(|_| AppError::bad_request("into"))?;
    let (into_step, _) = syntheses::group(&state.db, into)
        .await?
        .ok_or_else(AppError::not_found)?;
    if into_step != step.id || into == id {
        return Err(AppError::bad_request("merge into itself or another step"));
    }
    syntheses::merge(&state.db, id, into).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("{}#group-{into}", back(step.id)),
        "flash-saved",
    ))
}

pub async fn move_group(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MoveForm>,
) -> AppResult<Response> {
    let (step, _) = group_of(&state, &ctx, id).await?;
    syntheses::move_group(&state.db, step.id, id, f.up()?).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("{}#group-{id}", back(step.id)),
        "flash-saved",
    ))
}
