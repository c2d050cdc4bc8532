//! Back office: districts and themes.

use crate::view;
use axum::extract::State;
use axum::response::Response;
use participe_domain::permission::Action;
use participe_domain::{FieldErrors, text};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::StoreError;
use crate::storage::taxonomy::{self, Kind};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, PathParams, errors_value, redirect_with_flash};
use crate::web::render;

fn base_path(kind: Kind) -> &'static str {
    match kind {
        Kind::District => "/admin/districts",
        Kind::Theme => "/admin/themes",
    }
}

async fn page(state: &AppState, ctx: &Ctx, kind: Kind, errors: &FieldErrors, name: &str) -> AppResult<Response> {
    ctx.require(Action::ManageTaxonomy)?;
    let terms = taxonomy::list(&state.db, kind).await?;
    let (title_id, base, tr_kind) = match kind {
        Kind::District => ("admin-districts", base_path(kind), "district"),
        Kind::Theme => ("admin-themes", base_path(kind), "theme"),
    };
    let errs = errors_value(&state.i18n, ctx.lang, errors);
    let html = render::page(
        state,
        ctx,
        "admin/taxonomy.html",
        view! { terms, title_id, base, tr_kind, errors => errs, name },
    )
    .await?;
    Ok(crate::web::form::form_response(html, !errors.is_empty()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NameForm {
    name: String,
}

async fn add(state: AppState, ctx: Ctx, kind: Kind, f: NameForm) -> AppResult<Response> {
    ctx.require(Action::ManageTaxonomy)?;
    let mut errors = FieldErrors::new();
    if let Some(name) = errors.check("name", text::title(&f.name)) {
        match taxonomy::create(&state.db, kind, &name).await {
            Ok(_) => return Ok(redirect_with_flash(&state, base_path(kind), "flash-saved")),
            Err(StoreError::Conflict(_)) => errors.add("name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    page(&state, &ctx, kind, &errors, &f.name).await
}

async fn rename(state: AppState, ctx: Ctx, kind: Kind, id: i64, f: NameForm) -> AppResult<Response> {
    ctx.require(Action::ManageTaxonomy)?;
    let mut errors = FieldErrors::new();
    if let Some(name) = errors.check("name", text::title(&f.name)) {
        match taxonomy::rename(&state.db, kind, id, &name).await {
            Ok(()) => return Ok(redirect_with_flash(&state, base_path(kind), "flash-saved")),
            Err(StoreError::Conflict(_)) => errors.add("name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    page(&state, &ctx, kind, &errors, "").await
}

async fn delete(state: AppState, ctx: Ctx, kind: Kind, id: i64) -> AppResult<Response> {
    ctx.require(Action::ManageTaxonomy)?;
    taxonomy::delete(&state.db, kind, id).await?;
    Ok(redirect_with_flash(&state, base_path(kind), "flash-deleted"))
}

/// One set of handlers per kind, sharing the code above.
macro_rules! handlers {
    ($kind:expr, $list:ident, $add:ident, $rename:ident, $delete:ident) => {
        pub async fn $list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
            page(&state, &ctx, $kind, &FieldErrors::new(), "").await
        }
        pub async fn $add(
            State(state): State<AppState>,
            ctx: Ctx,
            HtmlForm(f): HtmlForm<NameForm>,
        ) -> AppResult<Response> {
            add(state, ctx, $kind, f).await
        }
        pub async fn $rename(
            State(state): State<AppState>,
            ctx: Ctx,
            PathParams(id): PathParams<i64>,
            HtmlForm(f): HtmlForm<NameForm>,
        ) -> AppResult<Response> {
            rename(state, ctx, $kind, id, f).await
        }
        pub async fn $delete(
            State(state): State<AppState>,
            ctx: Ctx,
            PathParams(id): PathParams<i64>,
        ) -> AppResult<Response> {
            delete(state, ctx, $kind, id).await
        }
    };
}

handlers!(
    Kind::District,
    districts,
    add_district,
    rename_district,
    delete_district
);
handlers!(Kind::Theme, themes, add_theme, rename_theme, delete_theme);
