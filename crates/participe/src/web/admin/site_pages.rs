//! Back office: the organisation's pages (the legal ones, the contact page
//! and its recipients, any other), with their cover image.

use axum::extract::{Multipart, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::permission::Action;
use participe_domain::site_page::{PageInput, PageKind, RawPage};
use serde::Deserialize;

use crate::app::AppState;
use crate::images;
use crate::storage::StoreError;
use crate::storage::site_pages::{self, SitePage};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;
use crate::web::upload::{read_multipart, replace_cover};

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let pages = site_pages::list(&state.db).await?;
    let html = render::page(&state, &ctx, "admin/site_pages.html", view! { pages }).await?;
    Ok(form_response(html, false))
}

/// The page form as typed.
#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct PageForm {
    title: String,
    slug: String,
    body: String,
    meta_description: String,
    /// "on" when ticked.
    published: String,
    recipients: String,
}

impl PageForm {
    fn of(page: &SitePage) -> PageForm {
        PageForm {
            title: page.title.clone(),
            slug: page.slug.clone(),
            body: page.body.clone(),
            meta_description: page.meta_description.clone(),
            published: if page.published { "on".into() } else { String::new() },
            recipients: page.recipients.clone(),
        }
    }

    fn parse(&self, kind: PageKind) -> Result<PageInput, FieldErrors> {
        PageInput::parse(
            &RawPage {
                title: &self.title,
                slug: &self.slug,
                body: &self.body,
                meta_description: &self.meta_description,
                published: self.published == "on",
                recipients: &self.recipients,
            },
            kind,
        )
    }
}

/// The new-page form, or a page's edit form with its cover form.
async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    page: Option<&SitePage>,
    values: &PageForm,
    errors: &FieldErrors,
    cover: (&str, &FieldErrors),
) -> AppResult<Response> {
    let kind = page.map_or("custom", |p| p.kind.as_str());
    let failed = !errors.is_empty() || !cover.1.is_empty();
    let html = render::page(
        state,
        ctx,
        "admin/site_page.html",
        view! {
            page, kind, values, errors => errors_value(&state.i18n, ctx.lang, errors),
            cover_alt => cover.0, cover_errors => errors_value(&state.i18n, ctx.lang, cover.1),
        },
    )
    .await?;
    Ok(form_response(html, failed))
}

async fn load(state: &AppState, id: i64) -> AppResult<SitePage> {
    site_pages::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let none = FieldErrors::new();
    form_page(&state, &ctx, None, &PageForm::default(), &none, ("", &none)).await
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<PageForm>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let mut errors = match f.parse(PageKind::Custom) {
        Ok(input) => match site_pages::create(&state.db, &input).await {
            Ok(id) => {
                return Ok(redirect_with_flash(
                    &state,
                    &format!("/admin/pages/{id}"),
                    "flash-saved",
                ));
            }
            Err(StoreError::Conflict(_)) => FieldErrors::new(),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    if errors.is_empty() {
        errors.add("slug", "error-page-slug-taken");
    }
    form_page(&state, &ctx, None, &f, &errors, ("", &FieldErrors::new())).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let page = load(&state, id).await?;
    let none = FieldErrors::new();
    let alt = page.cover_alt.clone();
    form_page(&state, &ctx, Some(&page), &PageForm::of(&page), &none, (&alt, &none)).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<PageForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let page = load(&state, id).await?;
    let mut errors = match f.parse(page.kind()) {
        Ok(input) => match site_pages::update(&state.db, id, &input).await {
            Ok(()) => {
                return Ok(redirect_with_flash(
                    &state,
                    &format!("/admin/pages/{id}"),
                    "flash-saved",
                ));
            }
            Err(StoreError::Conflict(_)) => FieldErrors::new(),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    if errors.is_empty() {
        errors.add("slug", "error-page-slug-taken");
    }
    let none = FieldErrors::new();
    form_page(&state, &ctx, Some(&page), &f, &errors, (&page.cover_alt, &none)).await
}

pub async fn upload_cover(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let page = load(&state, id).await?;
    let form = read_multipart(multipart).await?;
    let db = state.db.clone();
    let save = |name: String, alt: String| async move { site_pages::set_cover(&db, id, Some(&name), &alt).await };
    let errors = match replace_cover(&state, &form, page.cover_path.clone(), save).await? {
        Ok(()) => {
            return Ok(redirect_with_flash(
                &state,
                &format!("/admin/pages/{id}"),
                "flash-saved",
            ));
        }
        Err(errors) => errors,
    };
    let none = FieldErrors::new();
    form_page(
        &state,
        &ctx,
        Some(&page),
        &PageForm::of(&page),
        &none,
        (form.get("cover_alt"), &errors),
    )
    .await
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let page = load(&state, id).await?;
    if !page.kind().deletable() {
        return Err(AppError::bad_request("built-in pages are not deleted"));
    }
    site_pages::delete(&state.db, id).await?;
    if let Some(old) = page.cover_path {
        images::delete_with_variants(&*state.files, old).await?;
    }
    Ok(redirect_with_flash(&state, "/admin/pages", "flash-deleted"))
}
