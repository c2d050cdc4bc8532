//! Back office: an item's texts in the site's other languages (projects,
//! steps, pages, menu entries, news posts, events, themes, districts). The
//! French text, typed in the item's own form, is shown beside each field
//! and stays the fallback of every field left empty.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use minijinja::Value;
use participe_domain::FieldErrors;
use participe_domain::permission::Action;
use participe_domain::translation::{self, Kind};

use crate::app::AppState;
use crate::i18n::Lang;
use crate::storage::{StoreError, translations};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{errors_value, form_response, pairs, redirect_with_flash, value};
use crate::web::render;

/// Who may translate an item: whoever may edit it.
fn action(kind: Kind) -> Action {
    match kind {
        Kind::Project | Kind::Step | Kind::NewsPost | Kind::Event => Action::ManageProjects,
        Kind::Page | Kind::MenuItem => Action::ManageSite,
        Kind::Theme | Kind::District => Action::ManageTaxonomy,
    }
}

/// The back-office page where the item itself is edited.
fn item_page(kind: Kind, id: i64) -> String {
    match kind {
        Kind::Project => format!("/admin/projects/{id}"),
        Kind::Step => format!("/admin/steps/{id}"),
        Kind::Page => format!("/admin/pages/{id}"),
        Kind::MenuItem => "/admin/menus".into(),
        Kind::NewsPost => format!("/admin/posts/{id}"),
        Kind::Event => format!("/admin/events/{id}"),
        Kind::Theme => "/admin/themes".into(),
        Kind::District => "/admin/districts".into(),
    }
}

/// The languages translated into: every enabled one but French.
fn targets() -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(|l| *l != Lang::Fr)
}

fn parse_path(kind: &str, id: &str) -> Result<(Kind, i64), AppError> {
    let kind = Kind::parse(kind).ok_or_else(AppError::not_found)?;
    let id = id.parse().map_err(|_| AppError::not_found())?;
    Ok((kind, id))
}

/// The form of one language as shown: typed values, or the stored ones.
struct Shown<'a> {
    lang: Lang,
    values: Vec<(&'static str, String)>,
    errors: &'a FieldErrors,
}

async fn show_page(state: &AppState, ctx: &Ctx, kind: Kind, id: i64, typed: Option<Shown<'_>>) -> AppResult<Response> {
    ctx.require(action(kind))?;
    let originals = translations::originals(&state.db, kind, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let stored = translations::of_item(&state.db, kind, id).await?;
    let failed = typed.as_ref().is_some_and(|t| !t.errors.is_empty());
    let none = FieldErrors::new();
    let forms: Vec<Value> = targets()
        .map(|lang| {
            let mine = typed.as_ref().filter(|t| t.lang == lang);
            let fields: Vec<Value> = kind
                .fields()
                .iter()
                .zip(&originals)
                .map(|(f, french)| {
                    let current = match mine {
                        Some(t) => t.values.iter().find(|(n, _)| *n == f.name).map(|(_, v)| v.clone()),
                        None => stored
                            .iter()
                            .find(|(l, n, _)| l == lang.code() && n == f.name)
                            .map(|(_, _, v)| v.clone()),
                    };
                    view! {
                        name => f.name,
                        id => format!("{}-{}", lang.code(), f.name),
                        max => f.max,
                        multiline => f.multiline,
                        french,
                        value => current.unwrap_or_default(),
                    }
                })
                .collect();
            let errors = errors_value(&state.i18n, ctx.lang, mine.map_or(&none, |t| t.errors));
            view! { lang => lang.code(), fields, errors }
        })
        .collect();
    let name = originals.first().cloned().unwrap_or_default();
    let html = render::page(
        state,
        ctx,
        "admin/translations.html",
        view! {
            kind => kind.as_str(),
            item_id => id,
            name,
            back => item_page(kind, id),
            forms,
        },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path((kind, id)): axum::extract::Path<(String, String)>,
) -> AppResult<Response> {
    let (kind, id) = parse_path(&kind, &id)?;
    show_page(&state, &ctx, kind, id, None).await
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path((kind, id)): axum::extract::Path<(String, String)>,
    body: Bytes,
) -> AppResult<Response> {
    let (kind, id) = parse_path(&kind, &id)?;
    ctx.require(action(kind))?;
    let form = pairs(&body);
    let lang = Lang::parse(value(&form, "lang"))
        .filter(|l| *l != Lang::Fr)
        .ok_or_else(|| AppError::bad_request("lang must be a language other than French"))?;
    match translation::parse(kind, |f| value(&form, f)) {
        Ok(texts) => match translations::save(&state.db, kind, id, lang.code(), &texts).await {
            Ok(()) => Ok(redirect_with_flash(
                &state,
                &format!("/admin/translations/{}/{id}", kind.as_str()),
                "flash-saved",
            )),
            Err(StoreError::NotFound) => Err(AppError::not_found()),
            Err(e) => Err(e.into()),
        },
        Err(errors) => {
            // The fields' ids name their language (one form per language).
            let mut errors_here = FieldErrors::new();
            for e in &errors.0 {
                errors_here.add(format!("{}-{}", lang.code(), e.field), e.code);
            }
            let values = kind
                .fields()
                .iter()
                .map(|f| (f.name, value(&form, f.name).to_string()))
                .collect();
            let typed = Shown {
                lang,
                values,
                errors: &errors_here,
            };
            show_page(&state, &ctx, kind, id, Some(typed)).await
        }
    }
}
