//! Back office: the header and footer menus — entries leading to a page, a
//! project or an address, ordered, one level of nesting.

use axum::extract::State;
use axum::response::Response;
use minijinja::Value;
use participe_domain::FieldErrors;
use participe_domain::menu::{EntryInput, MAX_ENTRIES, Menu, RawEntry};
use participe_domain::permission::Action;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::menus::{self, MenuItem};
use crate::storage::{StoreError, projects, site_pages};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, MoveForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;

const BASE: &str = "/admin/menus";

/// The entry form as typed.
#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct EntryForm {
    label: String,
    kind: String,
    page: String,
    project: String,
    url: String,
    parent: String,
}

/// Both menus with their entries in order (each top-level entry followed by
/// those nested under it), and the add forms; `failed` holds the menu whose
/// form came back with errors.
async fn page(state: &AppState, ctx: &Ctx, failed: Option<(Menu, &EntryForm, &FieldErrors)>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let items = menus::all(&state.db).await?;
    // The choices of the add forms' selects, as [value, label] pairs.
    let unpublished = state.i18n.t(ctx.lang, "page-unpublished", None);
    let mut page_options = vec![[String::new(), "—".to_string()]];
    page_options.extend(site_pages::list(&state.db).await?.into_iter().map(|p| {
        let label = if p.published {
            p.title
        } else {
            format!("{} ({unpublished})", p.title)
        };
        [p.id.to_string(), label]
    }));
    let mut project_options = vec![[String::new(), "—".to_string()]];
    project_options.extend(
        projects::list_all(&state.db)
            .await?
            .into_iter()
            .map(|p| [p.id.to_string(), p.title]),
    );
    let top_level = state.i18n.t(ctx.lang, "menu-top-level", None);
    let menu_forms: Vec<Value> = Menu::ALL
        .iter()
        .map(|&menu| {
            let tops: Vec<&MenuItem> = items
                .iter()
                .filter(|i| i.menu == menu.as_str() && i.parent_id.is_none())
                .collect();
            let mut ordered: Vec<&MenuItem> = Vec::new();
            for top in &tops {
                ordered.push(top);
                ordered.extend(items.iter().filter(|i| i.parent_id == Some(top.id)));
            }
            let mut parent_options = vec![[String::new(), top_level.clone()]];
            parent_options.extend(tops.iter().map(|t| [t.id.to_string(), t.label.clone()]));
            // Both menus' forms are on the page: their fields' ids (and so
            // their errors) start with the menu's name.
            let (values, errors) = match failed {
                Some((m, values, errors)) if m == menu => {
                    let mut prefixed = FieldErrors::new();
                    for e in &errors.0 {
                        prefixed.add(format!("{}-{}", menu.as_str(), e.field), e.code);
                    }
                    (Some(values), prefixed)
                }
                _ => (None, FieldErrors::new()),
            };
            let errors = errors_value(&state.i18n, ctx.lang, &errors);
            view! { name => menu.as_str(), entries => ordered, parent_options, values, errors }
        })
        .collect();
    let html = render::page(
        state,
        ctx,
        "admin/menus.html",
        view! { menu_forms, page_options, project_options },
    )
    .await?;
    Ok(form_response(html, failed.is_some()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    page(&state, &ctx, None).await
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(menu): PathParams<String>,
    HtmlForm(f): HtmlForm<EntryForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let menu = Menu::parse(&menu).ok_or_else(AppError::not_found)?;
    let items = menus::all(&state.db).await?;
    let raw = RawEntry {
        label: &f.label,
        kind: &f.kind,
        page: &f.page,
        project: &f.project,
        url: &f.url,
        parent: &f.parent,
    };
    let top_level = |id: i64| {
        items
            .iter()
            .any(|i| i.id == id && i.menu == menu.as_str() && i.parent_id.is_none())
    };
    let mut errors = match EntryInput::parse(&raw, top_level) {
        Ok(_) if items.iter().filter(|i| i.menu == menu.as_str()).count() >= MAX_ENTRIES => {
            let mut errors = FieldErrors::new();
            errors.add("label", "error-menu-full");
            errors
        }
        Ok(entry) => match menus::add(&state.db, menu, &entry).await {
            Ok(_) => return Ok(redirect_with_flash(&state, BASE, "flash-saved")),
            // The chosen page or project was deleted meanwhile.
            Err(StoreError::Conflict(_)) => FieldErrors::new(),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    if errors.is_empty() {
        errors.add("kind", "error-choice-unknown");
    }
    page(&state, &ctx, Some((menu, &f, &errors))).await
}

pub async fn shift(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MoveForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    menus::shift(&state.db, id, f.up()?).await?;
    Ok(redirect_with_flash(&state, BASE, "flash-saved"))
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    menus::delete(&state.db, id).await?;
    Ok(redirect_with_flash(&state, BASE, "flash-deleted"))
}
