//! Back office: create, edit, illustrate and delete projects.

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use minijinja::Value;

use crate::view;
use participe_domain::FieldErrors;
use participe_domain::permission::Action;
use participe_domain::project::{ProjectInput, RawProject};
use participe_domain::templates::ProjectTemplate;
use serde::Deserialize;

use crate::app::AppState;
use crate::images;
use crate::storage::projects::{self, Project};
use crate::storage::taxonomy::{self, Kind};
use crate::storage::{StoreError, groups, steps};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, no_errors, redirect_with_flash};
use crate::web::projects::step_views;
use crate::web::render;
use crate::web::table::{Cell, SortQuery};
use crate::web::upload::{read_multipart, replace_cover};

/// Columns the project table sorts by; the first is the default.
const SORT_KEYS: [&str; 3] = ["updated", "title", "visibility"];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    visibility: String,
    sort: String,
    dir: String,
}

/// Every project, newest change first unless sorted otherwise, with a
/// search and a filter by visibility.
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Html<String>> {
    ctx.require(Action::ManageProjects)?;
    let all = projects::list_all(&state.db).await?;
    let total = all.len();
    let needle = q.q.trim().to_lowercase();
    let mut projects: Vec<Project> = all
        .into_iter()
        .filter(|p| needle.is_empty() || p.title.to_lowercase().contains(&needle))
        .filter(|p| q.visibility.is_empty() || p.visibility == q.visibility)
        .collect();
    // Without a chosen order, the latest changed come first.
    let default = q.sort.is_empty();
    let sort = SortQuery {
        sort: if default { "updated".into() } else { q.sort.clone() },
        dir: if default { "desc".into() } else { q.dir.clone() },
    }
    .resolve(&SORT_KEYS);
    sort.apply(&mut projects, |p, key| match key {
        "title" => Cell::text(&p.title),
        "visibility" => Cell::text(&p.visibility),
        _ => Cell::Num(p.updated_at.timestamp_micros()),
    });
    let filters = [("q", q.q.as_str()), ("visibility", q.visibility.as_str())];
    let sorting = sort.headers(&SORT_KEYS, "/admin/projects", &filters);
    let filtered = filters.iter().any(|(_, v)| !v.is_empty());
    render::page(
        &state,
        &ctx,
        "admin/projects.html",
        view! { projects, total, filtered, sorting, filter => view! { q => q.q, visibility => q.visibility } },
    )
    .await
}

#[derive(Deserialize, Default, Debug, Clone, serde::Serialize)]
#[serde(default)]
pub struct ProjectForm {
    title: String,
    slug: String,
    summary: String,
    description: String,
    visibility: String,
    themes: Vec<String>,
    districts: Vec<String>,
    /// The groups a restricted project is shown to.
    groups: Vec<String>,
    /// The set of steps to start a new project with (new projects only).
    template: String,
}

impl ProjectForm {
    fn from_project(p: &Project, themes: Vec<i64>, districts: Vec<i64>) -> ProjectForm {
        ProjectForm {
            title: p.title.clone(),
            slug: p.slug.clone(),
            summary: p.summary.clone(),
            description: p.description.clone(),
            visibility: p.visibility.clone(),
            themes: themes.iter().map(i64::to_string).collect(),
            districts: districts.iter().map(i64::to_string).collect(),
            groups: p.restricted_to().iter().map(i64::to_string).collect(),
            template: String::new(),
        }
    }
}

/// Everything the project form needs: the values, the errors and the lists
/// of districts and themes to choose from.
async fn form_context(state: &AppState, values: &ProjectForm, errors: Value) -> AppResult<Value> {
    let all_themes = taxonomy::list(&state.db, Kind::Theme).await?;
    let all_districts = taxonomy::list(&state.db, Kind::District).await?;
    let all_groups = groups::list(&state.db).await?;
    Ok(view! { values, errors, all_themes, all_districts, all_groups })
}

/// The ids in `chosen` that exist in `known`; an unknown one is an error.
fn parse_ids(chosen: &[String], known: &[i64]) -> Result<Vec<i64>, &'static str> {
    chosen
        .iter()
        .map(|s| {
            s.parse::<i64>()
                .ok()
                .filter(|id| known.contains(id))
                .ok_or("error-term-unknown")
        })
        .collect()
}

fn parse_terms(chosen: &[String], known: &[taxonomy::Term]) -> Result<Vec<i64>, &'static str> {
    parse_ids(chosen, &known.iter().map(|t| t.id).collect::<Vec<_>>())
}

/// What the form chose besides the project itself.
struct Chosen {
    themes: Vec<i64>,
    districts: Vec<i64>,
    groups: Vec<i64>,
}

impl Chosen {
    async fn save(&self, state: &AppState, id: i64) -> AppResult<()> {
        taxonomy::set_for_project(&state.db, Kind::Theme, id, &self.themes).await?;
        taxonomy::set_for_project(&state.db, Kind::District, id, &self.districts).await?;
        projects::set_groups(&state.db, id, &self.groups).await?;
        Ok(())
    }
}

/// Parses the whole form, including the chosen districts, themes and groups.
async fn parse(state: &AppState, f: &ProjectForm) -> AppResult<Result<(ProjectInput, Chosen), FieldErrors>> {
    let raw = RawProject {
        title: &f.title,
        slug: &f.slug,
        summary: &f.summary,
        description: &f.description,
        visibility: &f.visibility,
    };
    let mut errors = FieldErrors::new();
    let input = ProjectInput::parse(&raw).map_err(|e| errors.0.extend(e.0)).ok();
    let themes = errors.check(
        "themes",
        parse_terms(&f.themes, &taxonomy::list(&state.db, Kind::Theme).await?),
    );
    let districts = errors.check(
        "districts",
        parse_terms(&f.districts, &taxonomy::list(&state.db, Kind::District).await?),
    );
    let known_groups: Vec<i64> = groups::list(&state.db).await?.iter().map(|g| g.id).collect();
    let groups = errors.check("groups", parse_ids(&f.groups, &known_groups));
    Ok(match (input, themes, districts, groups) {
        (Some(i), Some(themes), Some(districts), Some(groups)) if errors.is_empty() => Ok((
            i,
            Chosen {
                themes,
                districts,
                groups,
            },
        )),
        _ => Err(errors),
    })
}

/// The new-project form again, with its errors.
async fn invalid_new(state: &AppState, ctx: &Ctx, f: &ProjectForm, errors: &FieldErrors) -> AppResult<Response> {
    let base = form_context(state, f, errors_value(&state.i18n, ctx.lang, errors)).await?;
    let page = render::page(state, ctx, "admin/project_form.html", base).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

fn slug_taken() -> FieldErrors {
    let mut e = FieldErrors::new();
    e.add("slug", "error-slug-taken");
    e
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.require(Action::ManageProjects)?;
    let values = ProjectForm {
        visibility: "draft".into(),
        template: ProjectTemplate::None.as_str().into(),
        ..Default::default()
    };
    let base = form_context(&state, &values, no_errors()).await?;
    render::page(&state, &ctx, "admin/project_form.html", base).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<ProjectForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let ((input, chosen), template) = match (parse(&state, &f).await?, ProjectTemplate::parse(&f.template)) {
        (Ok(v), Ok(t)) => (v, t),
        (parsed, template) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.check("template", template);
            return invalid_new(&state, &ctx, &f, &errors).await;
        }
    };
    let id = match projects::create(&state.db, &input).await {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => return invalid_new(&state, &ctx, &f, &slug_taken()).await,
        Err(e) => return Err(e.into()),
    };
    chosen.save(&state, id).await?;
    // The template's steps, to be completed and published by the manager.
    for (step_type, title) in template.steps() {
        let title = state.i18n.t(ctx.lang, title, None);
        let data = steps::StepData {
            title: &title,
            step_type: *step_type,
            body: "",
            starts_at: None,
            ends_at: None,
            published: false,
        };
        let step_id = steps::create(&state.db, id, &data).await?;
        // A petition's collect step gathers support, with the default
        // threshold and delays (changed on the step's collect page).
        if template == ProjectTemplate::Petition && *step_type == participe_domain::step::StepType::Collect {
            crate::storage::petitions::save_settings(&state.db, step_id, &Default::default()).await?;
        }
    }
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/projects/{id}"),
        "flash-project-created",
    ))
}

async fn load(state: &AppState, id: i64) -> AppResult<Project> {
    projects::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)
}

/// The project page of the back office: its form (with `form` values after
/// a failed submission, else the stored ones), its steps and its cover.
async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    project: &Project,
    form: Option<&ProjectForm>,
    errors: &FieldErrors,
    cover: Option<CoverForm<'_>>,
) -> AppResult<Response> {
    let values = match form {
        Some(f) => f.clone(),
        None => {
            let themes = taxonomy::of_project(&state.db, Kind::Theme, project.id)
                .await?
                .iter()
                .map(|t| t.id)
                .collect();
            let districts = taxonomy::of_project(&state.db, Kind::District, project.id)
                .await?
                .iter()
                .map(|t| t.id)
                .collect();
            ProjectForm::from_project(project, themes, districts)
        }
    };
    let base = form_context(state, &values, errors_value(&state.i18n, ctx.lang, errors)).await?;
    let steps = step_views(steps::of_project(&state.db, project.id, true).await?);
    let no_errors = FieldErrors::new();
    let cover_errors = cover.as_ref().map_or(&no_errors, |c| c.errors);
    let cover_alt = cover.as_ref().map_or(project.cover_alt.as_str(), |c| c.alt);
    let page = render::page(
        state,
        ctx,
        "admin/project.html",
        view! { project, steps, cover_alt, cover_errors => errors_value(&state.i18n, ctx.lang, cover_errors), ..base },
    )
    .await?;
    let failed = !errors.is_empty() || !cover_errors.is_empty();
    Ok(crate::web::form::form_response(page, failed))
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let project = load(&state, id).await?;
    edit_page(&state, &ctx, &project, None, &FieldErrors::new(), None).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ProjectForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let project = load(&state, id).await?;
    let (input, chosen) = match parse(&state, &f).await? {
        Ok(v) => v,
        Err(errors) => return edit_page(&state, &ctx, &project, Some(&f), &errors, None).await,
    };
    match projects::update(&state.db, id, &input).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => return edit_page(&state, &ctx, &project, Some(&f), &slug_taken(), None).await,
        Err(e) => return Err(e.into()),
    }
    chosen.save(&state, id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/projects/{id}"),
        "flash-saved",
    ))
}

pub async fn upload_cover(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let project = load(&state, id).await?;
    let form = read_multipart(multipart).await?;
    let db = state.db.clone();
    let save = |name: String, alt: String| async move { projects::set_cover(&db, id, Some(&name), &alt).await };
    let errors = match replace_cover(&state, &form, project.cover_path.clone(), save).await? {
        Ok(()) => {
            return Ok(redirect_with_flash(
                &state,
                &format!("/admin/projects/{id}"),
                "flash-saved",
            ));
        }
        Err(errors) => errors,
    };
    let cover = CoverForm {
        alt: form.get("cover_alt"),
        errors: &errors,
    };
    edit_page(&state, &ctx, &project, None, &FieldErrors::new(), Some(cover)).await
}

/// What was typed in the cover form, shown again with its errors.
struct CoverForm<'a> {
    alt: &'a str,
    errors: &'a FieldErrors,
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageProjects)?;
    let project = load(&state, id).await?;
    projects::delete(&state.db, id).await?;
    if let Some(cover) = project.cover_path {
        images::delete_with_variants(&*state.files, cover).await?;
    }
    Ok(redirect_with_flash(&state, "/admin/projects", "flash-project-deleted"))
}
