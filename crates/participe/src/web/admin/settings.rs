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
use participe_domain::theme::{Overrides, RawOverrides, brand_palette};
use participe_domain::{FieldErrors, text};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::org::{self, Branding, SiteImage};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, redirect_with_flash};
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
    image_error: Option<(&str, &str)>,
    colours: Option<(ColoursForm, &FieldErrors)>,
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
    // The message of a refused image, under its field ("logo", "favicon" or "share").
    let image_error = image_error.map(|(field, c)| [field.to_string(), state.i18n.t(ctx.lang, c, None)]);
    let logo_error = image_error.as_ref().filter(|e| e[0] == "logo").map(|e| e[1].clone());
    let failed = !errors.is_empty() || image_error.is_some() || colours.is_some();
    // The detailed colours as typed, when they came back with errors.
    let (colours, colour_errors) = match colours {
        Some((typed, e)) => (Some(typed), errors_value(&state.i18n, ctx.lang, e)),
        None => (None, errors_value(&state.i18n, ctx.lang, &FieldErrors::new())),
    };
    let errors = errors_value(&state.i18n, ctx.lang, errors);
    let licences: Vec<Value> = Licence::ALL
        .iter()
        .map(|l| view! { code => l.as_str(), name => l.name(), url => l.url() })
        .collect();
    let html = render::page(
        state,
        ctx,
        "admin/settings.html",
        view! { values, errors, logo_error, image_error, licences, colours, colour_errors },
    )
    .await?;
    Ok(crate::web::form::form_response(html, failed))
}

pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    page(&state, &ctx, None, &FieldErrors::new(), None, None).await
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
        return page(&state, &ctx, Some(f), &errors, None, None).await;
    }
    let (Some(name), Some(primary), Some(secondary), Some(terms)) = (name, primary, secondary, terms) else {
        return page(&state, &ctx, Some(f), &errors, None, None).await;
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
        Err(code) => page(&state, &ctx, None, &FieldErrors::new(), Some(("logo", code)), None).await,
    }
}

/// Longest description shown when a link to the site is shared.
const MAX_SHARE_DESCRIPTION: usize = 300;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccessForm {
    share_description: String,
    /// "on" when ticked.
    shielded: String,
}

/// Shield mode and the shared description.
pub async fn update_access(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<AccessForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    let mut errors = FieldErrors::new();
    let description = errors.check(
        "share_description",
        text::long_text(&f.share_description, MAX_SHARE_DESCRIPTION)
            .and_then(|d| if d.contains('\n') { Err("error-one-line") } else { Ok(d) }),
    );
    let Some(description) = description else {
        return page(&state, &ctx, None, &errors, None, None).await;
    };
    org::update_access(&state.db, f.shielded == "on", &description).await?;
    state.org.forget();
    Ok(redirect_with_flash(&state, "/admin/settings", "flash-saved"))
}

/// The favicon or the image shown with shared links.
pub async fn upload_image(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(which): PathParams<String>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    let which = SiteImage::parse(&which).ok_or_else(AppError::not_found)?;
    match store_image(&state, multipart, "image").await? {
        Ok(name) => {
            if let Some(old) = org::set_image(&state.db, which, Some(&name)).await? {
                state.files.delete(old).await?;
            }
            state.org.forget();
            Ok(redirect_with_flash(&state, "/admin/settings", "flash-saved"))
        }
        Err(code) => {
            let field = match which {
                SiteImage::Favicon => "favicon",
                SiteImage::Share => "share",
                SiteImage::Header => "header",
            };
            page(&state, &ctx, None, &FieldErrors::new(), Some((field, code)), None).await
        }
    }
}

/// Removes the favicon, the sharing image or the header image (the site
/// then goes without, as before one was uploaded).
pub async fn remove_image(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(which): PathParams<String>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    let which = SiteImage::parse(&which).ok_or_else(AppError::not_found)?;
    if let Some(old) = org::set_image(&state.db, which, None).await? {
        state.files.delete(old).await?;
    }
    state.org.forget();
    Ok(redirect_with_flash(&state, "/admin/settings", "flash-image-removed"))
}

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct ColoursForm {
    header_bg: String,
    header_fg: String,
    footer_bg: String,
    footer_fg: String,
    button_bg: String,
    button_fg: String,
    link: String,
}

/// The header's, footer's, buttons' and links' colours, each pair readable.
pub async fn update_colours(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<ColoursForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBranding)?;
    let o = org::get(&state.db).await?;
    let raw = RawOverrides {
        header_bg: &f.header_bg,
        header_fg: &f.header_fg,
        footer_bg: &f.footer_bg,
        footer_fg: &f.footer_fg,
        button_bg: &f.button_bg,
        button_fg: &f.button_fg,
        link: &f.link,
    };
    match Overrides::parse(&raw, &brand_palette(&o.primary_colour, &o.secondary_colour)) {
        Ok(overrides) => {
            org::set_colours(&state.db, &overrides).await?;
            state.org.forget();
            Ok(redirect_with_flash(&state, "/admin/settings", "flash-saved"))
        }
        Err(errors) => page(&state, &ctx, None, &FieldErrors::new(), None, Some((f, &errors))).await,
    }
}
