//! The site's fonts over HTTP: the built-in families' files (read from the
//! Debian packages installed on the server), uploaded files, and the
//! `@font-face` rules of the theme and of the back office's preview.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use participe_domain::fonts::{BUILTIN, Builtin, Choice, WEIGHTS, builtin};

use crate::app::AppState;
use crate::font_files::{CACHE_FOREVER, FontFormat, is_stored_name};
use crate::storage::fonts::{self, FontFile};
use crate::storage::org::Organisation;
use crate::web::error::{AppError, AppResult};

fn font_response(format: FontFormat, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, format.content_type()),
            (header::CACHE_CONTROL, CACHE_FOREVER),
        ],
        bytes,
    )
        .into_response()
}

/// The format of a built-in family's file, from its name.
fn builtin_format(file: &str) -> FontFormat {
    if file.ends_with(".otf") {
        FontFormat::Otf
    } else {
        FontFormat::Ttf
    }
}

/// Whether a built-in family's package is installed on this server.
pub fn installed(state: &AppState, font: &Builtin) -> bool {
    WEIGHTS
        .iter()
        .filter_map(|&w| font.file(w))
        .all(|f| state.config.fonts_dir.join(f).is_file())
}

/// `/fonts/builtin/{key}-{weight}`: a built-in family's file.
pub async fn builtin_file(State(state): State<AppState>, Path(name): Path<String>) -> AppResult<Response> {
    let (key, weight) = name.rsplit_once('-').ok_or_else(AppError::not_found)?;
    let font = builtin(key).ok_or_else(AppError::not_found)?;
    let file = weight
        .parse::<u16>()
        .ok()
        .and_then(|w| font.file(w))
        .ok_or_else(AppError::not_found)?;
    let bytes = tokio::fs::read(state.config.fonts_dir.join(file))
        .await
        .map_err(|_| AppError::not_found())?;
    Ok(font_response(builtin_format(file), bytes))
}

/// `/fonts/uploaded/{name}`: an uploaded file.
pub async fn uploaded_file(State(state): State<AppState>, Path(name): Path<String>) -> AppResult<Response> {
    if !is_stored_name(&name) {
        return Err(AppError::not_found());
    }
    let format = name
        .rsplit_once('.')
        .and_then(|(_, ext)| FontFormat::from_extension(ext))
        .ok_or_else(AppError::not_found)?;
    let bytes = state.files.get(name).await?.ok_or_else(AppError::not_found)?;
    Ok(font_response(format, bytes))
}

/// The `@font-face` rules of a family.
fn faces(family: &str, sources: impl IntoIterator<Item = (u16, String, FontFormat)>) -> String {
    sources
        .into_iter()
        .map(|(weight, url, format)| {
            format!(
                "@font-face {{ font-family: \"{family}\"; font-weight: {weight}; font-style: normal; font-display: swap; \
                 src: url(\"{url}\") format(\"{}\"); }}\n",
                format.css_format()
            )
        })
        .collect()
}

fn builtin_faces(font: &Builtin) -> String {
    faces(
        font.name,
        WEIGHTS.iter().filter_map(|&w| {
            let file = font.file(w)?;
            Some((w, format!("/fonts/builtin/{}-{w}", font.key), builtin_format(file)))
        }),
    )
}

fn uploaded_faces(family: &str, files: &[FontFile]) -> String {
    faces(
        family,
        files.iter().filter(|f| f.family == family).filter_map(|f| {
            let format = FontFormat::from_extension(&f.format)?;
            Some((f.weight as u16, format!("/fonts/uploaded/{}", f.path), format))
        }),
    )
}

/// A choice's `@font-face` rules and its CSS `font-family` value (None: the system's).
fn chosen(choice: &Choice, files: &[FontFile]) -> Option<(String, String)> {
    match choice {
        Choice::System => None,
        Choice::Builtin(font) => Some((builtin_faces(font), format!("\"{}\", {}", font.name, font.generic))),
        Choice::Uploaded(family) => Some((uploaded_faces(family, files), format!("\"{family}\", sans-serif"))),
    }
}

/// The theme's font rules: the chosen families' faces and the variables
/// headings and body text read (see static/app.css).
pub async fn theme_rules(state: &AppState, org: &Organisation) -> AppResult<String> {
    let heading = Choice::parse(&org.heading_font).unwrap_or(Choice::System);
    let body = Choice::parse(&org.body_font).unwrap_or(Choice::System);
    if heading == Choice::System && body == Choice::System {
        return Ok(String::new());
    }
    let files = fonts::list(&state.db).await?;
    let mut css = String::new();
    let mut vars = Vec::new();
    if let Some((faces, family)) = chosen(&body, &files) {
        css.push_str(&faces);
        vars.push(format!("--font-body: {family};"));
    }
    if let Some((faces, family)) = chosen(&heading, &files) {
        if heading != body {
            css.push_str(&faces);
        }
        vars.push(format!("--font-heading: {family};"));
    }
    css.push_str(&format!(":root {{ {} }}\n", vars.join(" ")));
    Ok(css)
}

/// `/fonts/preview.css`: the faces of every family offered, for the back
/// office's live preview (browsers only download the ones shown).
pub async fn preview_css(State(state): State<AppState>) -> AppResult<Response> {
    let files = fonts::list(&state.db).await?;
    let mut css: String = BUILTIN
        .iter()
        .filter(|f| installed(&state, f))
        .map(builtin_faces)
        .collect();
    let mut families: Vec<&str> = files.iter().map(|f| f.family.as_str()).collect();
    families.dedup();
    for family in families {
        css.push_str(&uploaded_faces(family, &files));
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        css,
    )
        .into_response())
}
