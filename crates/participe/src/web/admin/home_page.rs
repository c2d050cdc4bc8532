//! Back office: the home page's sections — added, set up, switched on or
//! off and ordered — and the projects and pages chosen for them.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::home_section::{Item, Kind, MAX_ITEMS, MAX_SECTIONS, Mode, RawSection, SectionInput};
use participe_domain::permission::Action;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::home_sections::{self, HomeSection};
use crate::storage::{StoreError, projects, site_pages};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, MoveForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;

const BASE: &str = "/admin/home";

fn section_href(id: i64) -> String {
    format!("{BASE}/sections/{id}")
}

/// Choices of a select as [value, label] pairs, the kinds' names translated.
fn kind_options(state: &AppState, ctx: &Ctx) -> Vec<[String; 2]> {
    Kind::ALL
        .iter()
        .map(|k| {
            let key = format!("home-kind-{}", k.as_str());
            [k.as_str().to_string(), state.i18n.t(ctx.lang, &key, None)]
        })
        .collect()
}

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct AddForm {
    kind: String,
}

async fn list_page(state: &AppState, ctx: &Ctx, errors: &FieldErrors) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let sections = home_sections::all(&state.db).await?;
    let kind_options = kind_options(state, ctx);
    let failed = !errors.is_empty();
    let errors = errors_value(&state.i18n, ctx.lang, errors);
    let html = render::page(
        state,
        ctx,
        "admin/home_page.html",
        view! { sections, kind_options, errors },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    list_page(&state, &ctx, &FieldErrors::new()).await
}

pub async fn add(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<AddForm>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let mut errors = FieldErrors::new();
    match Kind::parse(&f.kind) {
        None => errors.add("kind", "error-choice-unknown"),
        Some(_) if home_sections::all(&state.db).await?.len() >= MAX_SECTIONS => errors.add("kind", "error-home-full"),
        Some(kind) => {
            let id = home_sections::add(&state.db, kind).await?;
            return Ok(redirect_with_flash(&state, &section_href(id), "flash-saved"));
        }
    }
    list_page(&state, &ctx, &errors).await
}

/// A section's settings form as typed.
#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct SectionForm {
    title: String,
    body: String,
    mode: String,
    count: String,
    enabled: String,
}

impl SectionForm {
    fn of(s: &HomeSection) -> SectionForm {
        SectionForm {
            title: s.title.clone(),
            body: s.body.clone(),
            mode: s.mode.clone(),
            count: s.item_count.to_string(),
            enabled: if s.enabled { "on".into() } else { String::new() },
        }
    }
}

/// The item form as typed.
#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct ItemForm {
    target: String,
    project: String,
    page: String,
}

/// What came back with errors: the settings or the item form.
enum Failed<'a> {
    Settings(&'a SectionForm, &'a FieldErrors),
    Item(&'a ItemForm, &'a FieldErrors),
}

async fn section_page(state: &AppState, ctx: &Ctx, id: i64, failed: Option<Failed<'_>>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let section = home_sections::get(&state.db, id).await?;
    let kind = section.kind();
    let items: Vec<_> = home_sections::items(&state.db)
        .await?
        .into_iter()
        .filter(|i| i.section_id == id)
        .collect();
    let mode_options: Vec<[String; 2]> = Mode::ALL
        .iter()
        .map(|m| {
            let key = format!("home-mode-{}", m.as_str());
            [m.as_str().to_string(), state.i18n.t(ctx.lang, &key, None)]
        })
        .collect();
    let mut project_options = vec![[String::new(), "—".to_string()]];
    project_options.extend(
        projects::list_all(&state.db)
            .await?
            .into_iter()
            .map(|p| [p.id.to_string(), p.title]),
    );
    let mut page_options = vec![[String::new(), "—".to_string()]];
    if kind == Kind::Highlights {
        page_options.extend(
            site_pages::list(&state.db)
                .await?
                .into_iter()
                .filter(|p| p.published)
                .map(|p| [p.id.to_string(), p.title]),
        );
    }
    let no_errors = FieldErrors::new();
    let (values, settings_errors, item_values, item_errors) = match &failed {
        Some(Failed::Settings(v, e)) => (SectionForm::of(&section).merge(v), *e, None, &no_errors),
        Some(Failed::Item(v, e)) => (SectionForm::of(&section), &no_errors, Some(*v), *e),
        None => (SectionForm::of(&section), &no_errors, None, &no_errors),
    };
    let errors = errors_value(&state.i18n, ctx.lang, settings_errors);
    let item_errors = errors_value(&state.i18n, ctx.lang, item_errors);
    let html = render::page(
        state,
        ctx,
        "admin/home_section.html",
        view! {
            section,
            kind => kind.as_str(),
            has_body => kind.has_body(),
            has_count => kind.has_count(),
            has_items => kind.has_items(),
            takes_pages => kind == Kind::Highlights,
            values,
            errors,
            items,
            item_values,
            item_errors,
            mode_options,
            project_options,
            page_options,
        },
    )
    .await?;
    Ok(form_response(html, failed.is_some()))
}

impl SectionForm {
    /// The typed values over the stored ones.
    fn merge(self, typed: &SectionForm) -> SectionForm {
        SectionForm {
            title: typed.title.clone(),
            body: typed.body.clone(),
            mode: if typed.mode.is_empty() {
                self.mode
            } else {
                typed.mode.clone()
            },
            count: typed.count.clone(),
            enabled: typed.enabled.clone(),
        }
    }
}

pub async fn edit(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    section_page(&state, &ctx, id, None).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<SectionForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let section = home_sections::get(&state.db, id).await?;
    let raw = RawSection {
        title: &f.title,
        body: &f.body,
        mode: &f.mode,
        count: &f.count,
    };
    match SectionInput::parse(section.kind(), &raw) {
        Ok(input) => {
            home_sections::update(&state.db, id, &input, f.enabled == "on").await?;
            Ok(redirect_with_flash(&state, &section_href(id), "flash-saved"))
        }
        Err(errors) => section_page(&state, &ctx, id, Some(Failed::Settings(&f, &errors))).await,
    }
}

pub async fn shift(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MoveForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    home_sections::get(&state.db, id).await?;
    home_sections::shift(&state.db, id, f.up()?).await?;
    Ok(redirect_with_flash(&state, BASE, "flash-saved"))
}

/// Switches a section on or off from the list.
pub async fn toggle(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let section = home_sections::get(&state.db, id).await?;
    home_sections::set_enabled(&state.db, id, !section.enabled).await?;
    Ok(redirect_with_flash(&state, BASE, "flash-saved"))
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    home_sections::delete(&state.db, id).await?;
    Ok(redirect_with_flash(&state, BASE, "flash-deleted"))
}

pub async fn add_item(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ItemForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let section = home_sections::get(&state.db, id).await?;
    let mut errors = match Item::parse(section.kind(), &f.target, &f.project, &f.page) {
        Ok(_) if home_sections::item_count(&state.db, id).await? >= MAX_ITEMS as i64 => {
            let mut errors = FieldErrors::new();
            errors.add("target", "error-home-items-full");
            errors
        }
        Ok(item) => match home_sections::add_item(&state.db, id, item).await {
            Ok(_) => return Ok(redirect_with_flash(&state, &section_href(id), "flash-saved")),
            // The chosen project or page was deleted meanwhile.
            Err(StoreError::Conflict(_)) => FieldErrors::new(),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    if errors.is_empty() {
        errors.add("target", "error-choice-unknown");
    }
    section_page(&state, &ctx, id, Some(Failed::Item(&f, &errors))).await
}

pub async fn shift_item(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MoveForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let section = home_sections::section_of_item(&state.db, id).await?;
    home_sections::shift_item(&state.db, id, f.up()?).await?;
    Ok(redirect_with_flash(&state, &section_href(section), "flash-saved"))
}

pub async fn delete_item(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let section = home_sections::section_of_item(&state.db, id).await?;
    home_sections::delete_item(&state.db, id).await?;
    Ok(redirect_with_flash(&state, &section_href(section), "flash-deleted"))
}
