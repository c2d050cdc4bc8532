//! Back office: the organisation's name, logo, colours, terms and the
//! licence of its open data.

use crate::view;
use axum::extract::{Multipart, State};
use axum::response::Response;
use minijinja::Value;
use participe_domain::colour::parse_brand_colour;
use participe_domain::open_data::Licence;
use participe_domain::permission::Action;
use participe_domain::project::MAX_DESCRIPTION;
use participe_domain::{FieldErrors, text};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::org::{self, Branding};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, errors_value, redirect_with_flash};
use crate::web::render;
use crate::web::upload::store_image;

#[derive(Deserialize, Default, Debug, serde::Serialize)]
#[serde(default)]
pub struct SettingsForm {
    name: String,
    primary_colour: String,
    secondary_colour: String,
    terms: String,
    /// Absent: the licence stays as it is.
    open_data_licence: String,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    values: Option<SettingsForm>,
    errors: &FieldErrors,
    logo_error: Option<&str>,
) -> AppResult<Response> {
    let values = match values {
        Some(v) => v,
        None => {
            let o = org::get(&state.db).await?;
            SettingsForm {
                name: o.name,
                primary_colour: o.primary_colour,
                secondary_colour: o.secondary_colour,
                terms: o.terms,
                open_data_licence: org::open_data_licence(&state.db).await?,
            }
        }
    };
    let logo_error = logo_error.map(|c| state.i18n.t(ctx.lang, c, None));
    let failed = !errors.is_empty() || logo_error.is_some();
    let errors = errors_value(&state.i18n, ctx.lang, errors);
    let licences: Vec<Value> = Licence::ALL
        .iter()
        .map(|l| view! { code => l.as_str(), name => l.name(), url => l.url() })
        .collect();
    let html = render::page(
        state,
        ctx,
        "admin/settings.html",
        view! { values, errors, logo_error, licences },
    )
    .await?;
    Ok(crate::web::form::form_response(html, failed))
}

pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    page(&state, &ctx, None, &FieldErrors::new(), None).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<SettingsForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    let mut errors = FieldErrors::new();
    let name = errors.check("name", text::title(&f.name));
    let primary = errors.check("primary_colour", parse_brand_colour(&f.primary_colour));
    let secondary = errors.check("secondary_colour", parse_brand_colour(&f.secondary_colour));
    let terms = errors.check("terms", text::long_text(&f.terms, MAX_DESCRIPTION));
    let licence = if f.open_data_licence.is_empty() {
        None
    } else {
        errors.check("open_data_licence", Licence::parse(&f.open_data_licence))
    };
    if !errors.is_empty() {
        return page(&state, &ctx, Some(f), &errors, None).await;
    }
    let (Some(name), Some(primary), Some(secondary), Some(terms)) = (name, primary, secondary, terms) else {
        return page(&state, &ctx, Some(f), &errors, None).await;
    };
    let branding = Branding {
        name: &name,
        primary_colour: &primary.to_hex(),
        secondary_colour: &secondary.to_hex(),
        terms: &terms,
    };
    org::update_branding(&state.db, &branding).await?;
    if let Some(licence) = licence {
        org::set_open_data_licence(&state.db, licence.as_str()).await?;
    }
    state.org.forget();
    Ok(redirect_with_flash(&state, "/admin/settings", "flash-saved"))
}

pub async fn upload_logo(State(state): State<AppState>, ctx: Ctx, multipart: Multipart) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    match store_image(&state, multipart, "logo").await? {
        Ok(name) => {
            let old = org::get(&state.db).await?.logo_path;
            org::set_logo(&state.db, Some(&name)).await?;
            state.org.forget();
            if let Some(old) = old {
                state.files.delete(old).await?;
            }
            Ok(redirect_with_flash(&state, "/admin/settings", "flash-saved"))
        }
        Err(code) => page(&state, &ctx, None, &FieldErrors::new(), Some(code)).await,
    }
}
