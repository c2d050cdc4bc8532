//! The web layer, organised by feature. `routes.rs` lists every route;
//! `layers.rs` wraps them with the request context, CSRF and headers.

pub mod accounts;
pub mod action_log;
pub mod admin;
pub mod antibot;
pub mod assets;
pub mod cards;
pub mod consultations;
pub mod context;
pub mod cookies;
pub mod data_kept;
pub mod debates;
pub mod error;
pub mod events;
pub mod follow_up;
pub mod fonts;
pub mod form;
pub mod home;
pub mod home_sections;
pub mod icons;
pub mod lang_prefix;
pub mod layers;
pub mod limits;
pub mod moderation;
pub mod news;
pub mod newsletter;
pub mod open_data;
mod open_data_texts;
pub mod page_cache;
pub mod pagination;
pub mod personal_data;
pub mod projects;
pub mod proposals;
pub mod questionnaires;
pub mod questions;
pub mod redirect;
pub mod render;
pub mod routes;
pub mod site_pages;
pub mod table;
pub mod upload;
pub mod voter_checks;
pub mod votes;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;

use crate::app::AppState;

/// The whole site as one router.
pub fn router(state: AppState) -> Router {
    let body_limit = state.config.max_upload_bytes + 256 * 1024;
    let site = routes::router(&state)
        .route_layer(from_fn_with_state(state.clone(), action_log::record))
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), layers::context))
        .layer(tower::util::MapResponseLayer::new(layers::security_headers))
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(state);
    // Around the whole router, so that routing sees the address without its
    // language prefix.
    Router::new()
        .fallback_service(site)
        .layer(tower::util::MapRequestLayer::new(lang_prefix::strip))
}

async fn not_found() -> error::AppError {
    error::AppError::not_found()
}
