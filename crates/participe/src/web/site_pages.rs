//! The organisation's pages (`/pages/{slug}`), and the contact page's form:
//! a message to the page's recipients, through the outbox, behind the
//! anti-bot guard and the contact rate limit.

use axum::extract::{Path, State};
use axum::response::Response;
use participe_domain::permission::Action;
use participe_domain::site_page::PageKind;
use participe_domain::{FieldErrors, email, text};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::site_pages::{self, SitePage};
use crate::view;
use crate::web::antibot::{self, DIFFICULTY};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, errors_value, form_response, redirect_with_flash};
use crate::web::limits::{Limited, check};
use crate::web::render;
use participe_domain::translation::Kind;

/// Longest message sent through a contact page.
const MAX_MESSAGE: usize = 5000;

/// A page a visitor may see: published, or any page for those who manage the site.
async fn visible(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<SitePage> {
    let page = site_pages::by_slug(&state.db, slug)
        .await?
        .ok_or_else(AppError::not_found)?;
    if !(page.published || ctx.can(Action::ManageSite)) {
        return Err(AppError::not_found());
    }
    // In shield mode, only the legal pages are open to everyone.
    let legal = matches!(page.kind(), PageKind::Legal | PageKind::Privacy | PageKind::Cookies);
    if ctx.user.is_none() && !legal && state.org.get(&state.db).await?.shielded {
        return Err(AppError::new(crate::web::error::ErrorKind::LoginRequired));
    }
    Ok(page)
}

/// What was typed in the contact form.
#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct ContactForm {
    name: String,
    email: String,
    message: String,
    /// The honeypot.
    website: String,
    pow_nonce: String,
    pow_solution: String,
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    mut page: SitePage,
    values: ContactForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let page_lang = view! {
        title => tr.lang_of(Kind::Page, page.id, "title", &page.title),
        body => tr.lang_of(Kind::Page, page.id, "body", &page.body),
    };
    tr.page(&mut page);
    let contact = page.kind() == PageKind::Contact && !page.recipient_list().is_empty();
    let nonce = if contact {
        antibot::challenge(state).await?
    } else {
        String::new()
    };
    let html = render::page(
        state,
        ctx,
        "site_page.html",
        view! { page, page_lang, contact, nonce, difficulty => DIFFICULTY, values, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let page = visible(&state, &ctx, &slug).await?;
    let values = ContactForm {
        name: ctx
            .user
            .as_ref()
            .and_then(|u| u.display_name.clone())
            .unwrap_or_default(),
        email: ctx.user.as_ref().and_then(|u| u.email.clone()).unwrap_or_default(),
        ..Default::default()
    };
    render_page(&state, &ctx, page, values, &FieldErrors::new()).await
}

pub async fn contact(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    HtmlForm(f): HtmlForm<ContactForm>,
) -> AppResult<Response> {
    let page = visible(&state, &ctx, &slug).await?;
    if page.kind() != PageKind::Contact || page.recipient_list().is_empty() {
        return Err(AppError::not_found());
    }
    check(&state, &ctx, Limited::Contact).await?;
    let done = redirect_with_flash(&state, &format!("/pages/{slug}"), "flash-message-sent");
    if antibot::is_bot(&f.website) {
        return Ok(done);
    }
    let mut errors = FieldErrors::new();
    let name = errors.check("name", text::display_name(&f.name));
    let from = errors.check("email", email::parse(&f.email));
    let message = errors.check("message", text::message(&f.message, MAX_MESSAGE));
    if !antibot::solved(&state, &f.pow_nonce, &f.pow_solution).await? {
        errors.add("message", "error-pow-failed");
    }
    let (Some(name), Some(from), Some(message), true) = (name, from, message, errors.is_empty()) else {
        return render_page(&state, &ctx, page, f, &errors).await;
    };
    let org = state.org.get(&state.db).await?;
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("org", org.name.clone());
    args.set("page", page.title.clone());
    args.set("sender", name);
    args.set("email", from);
    args.set("message", message);
    // The organisation's staff read it in the site's default language.
    let lang = crate::i18n::Lang::Fr;
    let subject = state.i18n.t(lang, "email-page-contact-subject", Some(&args));
    let body = state.i18n.t(lang, "email-page-contact-body", Some(&args));
    for to in page.recipient_list() {
        crate::mail::queue(&state.db, state.config.smtp.as_ref(), to, &subject, &body).await?;
    }
    Ok(done)
}
