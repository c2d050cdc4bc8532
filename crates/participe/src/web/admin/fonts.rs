//! Back office: the fonts of headings and body text (built-in families,
//! previewed live), and the families the organisation uploads.

use axum::extract::{Multipart, State};
use axum::response::Response;
use minijinja::Value;
use participe_domain::FieldErrors;
use participe_domain::fonts::{BUILTIN, Choice, family_name, weight};
use participe_domain::permission::Action;
use serde::Deserialize;

use crate::app::AppState;
use crate::font_files::{MAX_FONT_BYTES, check_font, new_name};
use crate::storage::{fonts, org};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::fonts::installed;
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;
use crate::web::upload::read_multipart;

const BASE: &str = "/admin/fonts";

/// What came back with errors: the choice form or the upload form.
#[derive(Default)]
struct Problems<'a> {
    choice: Option<(&'a ChoiceForm, FieldErrors)>,
    upload: Option<(&'a str, &'a str, FieldErrors)>,
}

async fn page(state: &AppState, ctx: &Ctx, problems: Problems<'_>) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    let org = org::get(&state.db).await?;
    let files = fonts::list(&state.db).await?;
    let mut families: Vec<String> = files.iter().map(|f| f.family.clone()).collect();
    families.dedup();
    let not_installed = state.i18n.t(ctx.lang, "fonts-not-installed", None);
    // [value, label, CSS family (empty: the system's), disabled]
    let mut options: Vec<Value> = vec![view! {
        value => "", label => state.i18n.t(ctx.lang, "fonts-system", None), family => "", disabled => false
    }];
    options.extend(BUILTIN.iter().map(|f| {
        let ok = installed(state, f);
        let label = if ok {
            f.name.to_string()
        } else {
            format!("{} ({not_installed} : {})", f.name, f.package)
        };
        view! { value => format!("builtin:{}", f.key), label, family => format!("\"{}\", {}", f.name, f.generic), disabled => !ok }
    }));
    options.extend(families.iter().map(|name| {
        view! { value => format!("uploaded:{name}"), label => name, family => format!("\"{name}\", sans-serif"), disabled => false }
    }));
    let builtin: Vec<Value> = BUILTIN
        .iter()
        .map(|f| view! { name => f.name, package => f.package, licence => f.licence, installed => installed(state, f) })
        .collect();
    let failed = problems.choice.is_some() || problems.upload.is_some();
    let (heading, body, choice_errors) = match problems.choice {
        Some((f, errors)) => (f.heading.clone(), f.body.clone(), errors),
        None => (org.heading_font.clone(), org.body_font.clone(), FieldErrors::new()),
    };
    let (family, weight, upload_errors) = problems.upload.unwrap_or(("", "400", FieldErrors::new()));
    let html = render::page(
        state,
        ctx,
        "admin/fonts.html",
        view! {
            options, builtin, files, heading, body, family, weight,
            choice_errors => errors_value(&state.i18n, ctx.lang, &choice_errors),
            upload_errors => errors_value(&state.i18n, ctx.lang, &upload_errors),
        },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    page(&state, &ctx, Problems::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ChoiceForm {
    heading: String,
    body: String,
}

pub async fn choose(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<ChoiceForm>) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    let files = fonts::list(&state.db).await?;
    let mut errors = FieldErrors::new();
    let mut check = |field: &'static str, value: &str| match Choice::parse(value) {
        Some(Choice::Builtin(font)) if !installed(&state, font) => errors.add(field, "error-font-not-installed"),
        Some(Choice::Uploaded(name)) if !files.iter().any(|f| f.family == name) => {
            errors.add(field, "error-choice-unknown")
        }
        Some(_) => {}
        None => errors.add(field, "error-choice-unknown"),
    };
    check("heading", &f.heading);
    check("body", &f.body);
    if !errors.is_empty() {
        let problems = Problems {
            choice: Some((&f, errors)),
            ..Default::default()
        };
        return page(&state, &ctx, problems).await;
    }
    fonts::choose(&state.db, &f.heading, &f.body).await?;
    state.org.forget();
    Ok(redirect_with_flash(&state, BASE, "flash-saved"))
}

pub async fn upload(State(state): State<AppState>, ctx: Ctx, multipart: Multipart) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    let form = read_multipart(multipart).await?;
    let mut errors = FieldErrors::new();
    let family = errors.check("family", family_name(form.get("family")));
    let weight = errors.check("weight", weight(form.get("weight")));
    let format = match form.files("file").next() {
        Some(file) => errors.check("file", check_font(&file.bytes, MAX_FONT_BYTES)),
        None => errors.check("file", Err("error-required")),
    };
    if let (Some(family), Some(weight), Some(format), Some(file)) = (family, weight, format, form.files("file").next())
    {
        let name = new_name(format);
        state.files.put(name.clone(), file.bytes.to_vec()).await?;
        if let Some(old) = fonts::put(&state.db, &family, weight, format.extension(), &name).await? {
            state.files.delete(old).await?;
        }
        state.org.forget();
        return Ok(redirect_with_flash(&state, BASE, "flash-saved"));
    }
    let problems = Problems {
        upload: Some((form.get("family"), form.get("weight"), errors)),
        ..Default::default()
    };
    page(&state, &ctx, problems).await
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    if let Some(path) = fonts::delete(&state.db, id).await? {
        state.files.delete(path).await?;
    }
    state.org.forget();
    Ok(redirect_with_flash(&state, BASE, "flash-deleted"))
}
