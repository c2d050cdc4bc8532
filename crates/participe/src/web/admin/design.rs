//! The living documentation of the design system: every component with its
//! states, in the organisation's own colours, in the visitor's language.

use crate::view;
use axum::extract::State;
use axum::response::Html;
use participe_domain::permission::Action;
use participe_domain::theme::brand_palette;

use crate::app::AppState;
use crate::storage::org;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::render;

#[derive(serde::Serialize)]
struct Pair {
    name: String,
    fg: String,
    bg: String,
    ratio: String,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.require(Action::ViewBackOffice)?;
    let o = org::get(&state.db).await?;
    let p = brand_palette(&o.primary_colour, &o.secondary_colour);
    let swatches: Vec<(&str, String)> = [
        ("--primary", p.primary),
        ("--primary-dark", p.primary_dark),
        ("--primary-text", p.primary_text),
        ("--primary-soft", p.primary_soft),
        ("--primary-line", p.primary_line),
        ("--secondary", p.secondary),
        ("--secondary-text", p.secondary_text),
        ("--secondary-soft", p.secondary_soft),
    ]
    .into_iter()
    .map(|(n, c)| (n, c.to_hex()))
    .collect();
    let pairs: Vec<Pair> = p
        .text_pairs()
        .into_iter()
        .map(|(name, fg, bg)| Pair {
            name,
            fg: fg.to_hex(),
            bg: bg.to_hex(),
            ratio: format!("{:.1}", fg.contrast_with(bg)),
        })
        .collect();
    let icons = crate::web::icons::names();
    render::page(&state, &ctx, "admin/design.html", view! { swatches, pairs, icons }).await
}
