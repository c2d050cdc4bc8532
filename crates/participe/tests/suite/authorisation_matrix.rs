//! The authorisation matrix: every route of the router, with the answer each
//! role must get. The list of routes comes from the router itself
//! (`web::routes::ROUTES`), so a new route without a row here fails the test.
//!
//! Each request runs with a fresh session against fresh fixtures (a draft
//! project with a published step, a district, a theme, an email, an
//! account, an upload), shared only after a request that could not change
//! them (a read, or a refusal as expected), so destructive routes cannot
//! disturb the next rows.
//! POST bodies are invalid where a valid one would create something, so an
//! allowed role gets the form back with 422 and a refused one 403 or the
//! log-in page.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{Client, PNG, TestApp};
use participe::security::{random_token, token_hash};
use participe::storage::steps::StepData;
use participe::storage::taxonomy::{self, Kind};
use participe::storage::users::NewUser;
use participe::storage::{
    analyses, collect, comments, forms, moderation, outbox, projects, proposals, sessions, steps, users,
};
use participe::web::routes::ROUTES;
use participe_domain::Role;
use participe_domain::home_section::{Item, Kind as SectionKind};
use participe_domain::moderation::{ReportReason, Target};
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::step::StepType;

/// What a role must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum E {
    /// This exact status (303 means a redirect elsewhere than the log-in page).
    S(u16),
    /// A redirect to the log-in page, asking to come back here.
    Login,
}
use E::{Login, S};

const OK: E = S(200);
const NO: E = S(403);
const GONE: E = S(410);
const BAD: E = S(422);
const SEE: E = S(303);
const NF: E = S(404);

#[derive(Clone, Copy)]
enum Body {
    None,
    Form(&'static [(&'static str, &'static str)]),
    /// A multipart form with no file in it.
    EmptyMultipart,
}

/// Columns: anonymous, participant, analyst, moderator, project manager, administrator.
type Row = (&'static str, &'static str, Body, [E; 6]);

const ALL_OK: [E; 6] = [OK; 6];
const SIGNED_IN: [E; 6] = [Login, OK, OK, OK, OK, OK];
const MANAGERS_OK: [E; 6] = [Login, NO, NO, NO, OK, OK];
const MANAGERS_INVALID: [E; 6] = [Login, NO, NO, NO, BAD, BAD];
const MANAGERS_DONE: [E; 6] = [Login, NO, NO, NO, SEE, SEE];
const ADMIN_OK: [E; 6] = [Login, NO, NO, NO, NO, OK];
const ADMIN_INVALID: [E; 6] = [Login, NO, NO, NO, NO, BAD];
const ADMIN_DONE: [E; 6] = [Login, NO, NO, NO, NO, SEE];
const MODERATORS_OK: [E; 6] = [Login, NO, NO, OK, OK, OK];
const SIGNED_IN_INVALID: [E; 6] = [Login, BAD, BAD, BAD, BAD, BAD];
const SIGNED_IN_DONE: [E; 6] = [Login, SEE, SEE, SEE, SEE, SEE];
/// Someone else's proposal or comment: nobody but its author may change it.
const NOT_MINE: [E; 6] = [Login, NO, NO, NO, NO, NO];

const SAML_METADATA: [E; 6] = if cfg!(feature = "saml") { ALL_OK } else { [NF; 6] };

const NO_NAME: Body = Body::Form(&[("name", "")]);
const BAD_PROJECT: Body = Body::Form(&[("title", ""), ("visibility", "public")]);
const BAD_STEP: Body = Body::Form(&[("title", ""), ("step_type", "vote")]);

#[rustfmt::skip]
const MATRIX: &[Row] = &[
    ("get", "/", Body::None, ALL_OK),
    ("get", "/healthz", Body::None, ALL_OK),
    ("get", "/static/app.css", Body::None, ALL_OK),
    ("get", "/theme.css", Body::None, ALL_OK),
    ("get", "/uploads/{name}", Body::None, ALL_OK),
    ("get", "/lang/{code}", Body::None, [SEE; 6]),
    ("get", "/terms", Body::None, ALL_OK),
    ("get", "/personal-data", Body::None, ALL_OK),
    // The fixture project is a draft: only those who manage projects see it.
    ("get", "/projects/{slug}", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/projects/{slug}/steps/{id}", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/signup", Body::None, ALL_OK),
    ("post", "/signup", Body::Form(&[("email", "not an email")]), [BAD; 6]),
    ("get", "/confirm/{token}", Body::None, [GONE; 6]),
    ("get", "/login", Body::None, ALL_OK),
    ("post", "/login", Body::Form(&[("email", "x@example.org"), ("password", "wrong password")]), [S(401); 6]),
    ("post", "/logout", Body::None, [SEE; 6]),
    // The fixture's provider does not answer (a closed port): 502 with a page.
    ("get", "/login/sso/{slug}", Body::None, [S(502); 6]),
    ("get", "/login/sso/{slug}/callback", Body::None, [S(400); 6]),
    ("post", "/account/sso/{slug}", Body::None, [Login, S(502), S(502), S(502), S(502), S(502)]),
    // This service provider's SAML metadata (none when built without SAML);
    // an answer without a known RelayState is refused.
    ("get", "/saml/metadata", Body::None, SAML_METADATA),
    ("post", "/saml/acs", Body::None, [S(400); 6]),
    ("get", "/admin/sso", Body::None, ADMIN_OK),
    ("post", "/admin/sso", Body::None, ADMIN_INVALID),
    ("get", "/admin/sso/{id}", Body::None, ADMIN_OK),
    ("post", "/admin/sso/{id}", Body::None, ADMIN_INVALID),
    ("post", "/admin/sso/{id}/logo", Body::EmptyMultipart, ADMIN_INVALID),
    ("post", "/admin/sso/{id}/logo/delete", Body::None, ADMIN_DONE),
    ("post", "/admin/sso/{id}/delete", Body::None, ADMIN_DONE),
    ("get", "/admin/log", Body::None, ADMIN_OK),
    ("get", "/admin/log.csv", Body::None, ADMIN_OK),
    ("get", "/admin/groups", Body::None, ADMIN_OK),
    ("post", "/admin/groups", Body::None, ADMIN_INVALID),
    ("get", "/admin/groups/{id}", Body::None, ADMIN_OK),
    ("post", "/admin/groups/{id}", Body::None, ADMIN_INVALID),
    ("post", "/admin/groups/{id}/delete", Body::None, ADMIN_DONE),
    ("post", "/admin/groups/{id}/members", Body::None, ADMIN_INVALID),
    ("post", "/admin/groups/{id}/members/{user}/remove", Body::None, ADMIN_DONE),
    ("post", "/admin/groups/{id}/import", Body::EmptyMultipart, ADMIN_INVALID),
    ("post", "/admin/groups/{id}/invitations", Body::None, ADMIN_INVALID),
    ("post", "/admin/groups/{id}/invitations/{invitation}/revoke", Body::None, ADMIN_DONE),
    // An unknown invitation: nothing to see or accept.
    ("get", "/invitations/{token}", Body::None, [NF; 6]),
    ("post", "/invitations/{token}", Body::None, [Login, NF, NF, NF, NF, NF]),
    ("get", "/password/forgot", Body::None, ALL_OK),
    ("post", "/password/forgot", Body::Form(&[("email", "nope")]), [BAD; 6]),
    ("get", "/password/reset/{token}", Body::None, [GONE; 6]),
    ("post", "/password/reset/{token}", Body::Form(&[("password", "a long new password")]), [GONE; 6]),
    ("get", "/account", Body::None, SIGNED_IN),
    ("post", "/account", Body::Form(&[("display_name", ""), ("locale", "fr")]), SIGNED_IN_INVALID),
    ("post", "/account/password", Body::Form(&[("current_password", "wrong"), ("new_password", "x")]), SIGNED_IN_INVALID),
    ("post", "/account/sessions/revoke", Body::None, SIGNED_IN_DONE),
    ("post", "/account/confirmation", Body::None, SIGNED_IN_DONE),
    ("get", "/account/delete", Body::None, SIGNED_IN),
    ("post", "/account/delete", Body::Form(&[("password", "wrong password")]), SIGNED_IN_INVALID),
    ("get", "/admin", Body::None, [Login, NO, OK, OK, OK, OK]),
    ("get", "/admin/design", Body::None, [Login, NO, OK, OK, OK, OK]),
    ("get", "/admin/projects", Body::None, MANAGERS_OK),
    ("get", "/admin/projects/new", Body::None, MANAGERS_OK),
    ("post", "/admin/projects/new", BAD_PROJECT, MANAGERS_INVALID),
    ("get", "/admin/projects/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/projects/{id}", BAD_PROJECT, MANAGERS_INVALID),
    ("post", "/admin/projects/{id}/cover", Body::EmptyMultipart, MANAGERS_INVALID),
    ("post", "/admin/projects/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/projects/{id}/steps/new", Body::None, MANAGERS_OK),
    ("post", "/admin/projects/{id}/steps/new", BAD_STEP, MANAGERS_INVALID),
    ("get", "/admin/steps/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}", BAD_STEP, MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/move", Body::Form(&[("direction", "up")]), MANAGERS_DONE),
    ("post", "/admin/steps/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/districts", Body::None, MANAGERS_OK),
    ("post", "/admin/districts", NO_NAME, MANAGERS_INVALID),
    ("post", "/admin/districts/{id}", NO_NAME, MANAGERS_INVALID),
    ("post", "/admin/districts/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/themes", Body::None, MANAGERS_OK),
    ("post", "/admin/themes", NO_NAME, MANAGERS_INVALID),
    ("post", "/admin/themes/{id}", NO_NAME, MANAGERS_INVALID),
    ("post", "/admin/themes/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/settings", Body::None, ADMIN_OK),
    ("post", "/admin/settings", Body::Form(&[("name", ""), ("primary_colour", "#fff")]), ADMIN_INVALID),
    ("post", "/admin/settings/logo", Body::EmptyMultipart, ADMIN_INVALID),
    // Fonts: none installed in the tests' font folder, none uploaded.
    ("get", "/fonts/builtin/{name}", Body::None, [NF; 6]),
    ("get", "/fonts/uploaded/{name}", Body::None, [NF; 6]),
    ("get", "/fonts/preview.css", Body::None, ALL_OK),
    ("get", "/admin/fonts", Body::None, ADMIN_OK),
    ("post", "/admin/fonts", Body::Form(&[("heading", "builtin:nope")]), ADMIN_INVALID),
    ("post", "/admin/fonts/upload", Body::EmptyMultipart, ADMIN_INVALID),
    ("post", "/admin/fonts/{id}/delete", Body::None, ADMIN_DONE),
    ("post", "/admin/settings/colours", Body::Form(&[("header_bg", "#ffffff"), ("header_fg", "#fffffe")]), ADMIN_INVALID),
    ("post", "/admin/settings/access", Body::Form(&[("share_description", "deux\nlignes")]), ADMIN_INVALID),
    ("post", "/admin/settings/images/{which}", Body::EmptyMultipart, ADMIN_INVALID),
    ("post", "/admin/settings/images/{which}/delete", Body::None, ADMIN_DONE),
    // The fixture pages are the built-in legal notice and contact page,
    // unpublished (the contact page has no recipients), and a custom page.
    ("get", "/pages/{slug}", Body::None, [NF, NF, NF, NF, NF, OK]),
    ("post", "/pages/{slug}/contact", Body::Form(&[("name", "")]), [NF; 6]),
    ("get", "/admin/pages", Body::None, ADMIN_OK),
    ("get", "/admin/pages/new", Body::None, ADMIN_OK),
    ("post", "/admin/pages/new", Body::Form(&[("title", "")]), ADMIN_INVALID),
    ("get", "/admin/pages/{id}", Body::None, ADMIN_OK),
    ("post", "/admin/pages/{id}", Body::Form(&[("title", "")]), ADMIN_INVALID),
    ("post", "/admin/pages/{id}/cover", Body::EmptyMultipart, ADMIN_INVALID),
    ("post", "/admin/pages/{id}/delete", Body::None, ADMIN_DONE),
    ("get", "/admin/home", Body::None, ADMIN_OK),
    ("post", "/admin/home/sections", Body::Form(&[("kind", "nope")]), ADMIN_INVALID),
    ("get", "/admin/home/sections/{id}", Body::None, ADMIN_OK),
    ("post", "/admin/home/sections/{id}", Body::Form(&[("body", "")]), ADMIN_INVALID),
    ("post", "/admin/home/sections/{id}/move", Body::Form(&[("direction", "up")]), ADMIN_DONE),
    ("post", "/admin/home/sections/{id}/toggle", Body::None, ADMIN_DONE),
    ("post", "/admin/home/sections/{id}/delete", Body::None, ADMIN_DONE),
    ("post", "/admin/home/sections/{id}/items", Body::Form(&[("target", "project")]), ADMIN_INVALID),
    ("post", "/admin/home-items/{id}/move", Body::Form(&[("direction", "up")]), ADMIN_DONE),
    ("post", "/admin/home-items/{id}/delete", Body::None, ADMIN_DONE),
    ("get", "/admin/newsletter", Body::None, ADMIN_OK),
    ("get", "/admin/newsletter.csv", Body::None, ADMIN_OK),
    ("get", "/admin/menus", Body::None, ADMIN_OK),
    ("post", "/admin/menus/{menu}", Body::Form(&[("label", ""), ("kind", "url")]), ADMIN_INVALID),
    ("post", "/admin/menu-items/{id}/move", Body::Form(&[("direction", "up")]), ADMIN_DONE),
    ("post", "/admin/menu-items/{id}/delete", Body::None, ADMIN_DONE),
    ("get", "/admin/redirections", Body::None, ADMIN_OK),
    ("post", "/admin/redirections", Body::Form(&[("source", "/terms"), ("target", "/")]), ADMIN_INVALID),
    ("post", "/admin/redirections/import", Body::EmptyMultipart, ADMIN_INVALID),
    ("post", "/admin/redirections/hosts", Body::Form(&[("hosts", "pas un domaine")]), ADMIN_INVALID),
    ("post", "/admin/redirections/{id}/delete", Body::None, ADMIN_DONE),
    ("get", "/admin/redirections/missing", Body::None, ADMIN_OK),
    ("post", "/admin/redirections/missing/forget", Body::Form(&[("path", "/nowhere")]), ADMIN_DONE),
    ("get", "/admin/emails", Body::None, ADMIN_OK),
    ("get", "/admin/emails/{id}", Body::None, ADMIN_OK),
    ("get", "/admin/users", Body::None, ADMIN_OK),
    ("post", "/admin/users/{id}/role", Body::Form(&[("role", "moderator")]), ADMIN_DONE),
    // Proposals. The fixture proposal is published in a public project's
    // open collect step, by another account, and assigned to the analyst.
    ("get", "/static/pow.js", Body::None, ALL_OK),
    ("get", "/static/site.js", Body::None, ALL_OK),
    ("get", "/static/icons.svg", Body::None, ALL_OK),
    ("get", "/static/icons.LICENSE", Body::None, ALL_OK),
    ("get", "/moderation", Body::None, ALL_OK),
    ("get", "/projects/{slug}/steps/{id}/proposals/new", Body::None, SIGNED_IN),
    ("post", "/projects/{slug}/steps/{id}/proposals/new", Body::EmptyMultipart, SIGNED_IN_INVALID),
    ("get", "/proposals/{id}", Body::None, ALL_OK),
    ("get", "/proposals/{id}/edit", Body::None, NOT_MINE),
    ("post", "/proposals/{id}/edit", Body::EmptyMultipart, NOT_MINE),
    ("post", "/proposals/{id}/withdraw", Body::None, NOT_MINE),
    ("post", "/proposals/{id}/comments", Body::Form(&[("body", "")]), SIGNED_IN_INVALID),
    ("post", "/proposals/{id}/follow", Body::None, SIGNED_IN_DONE),
    // The fixture collect step is not in support mode: a support is refused.
    ("post", "/proposals/{id}/support", Body::None, SIGNED_IN_INVALID),
    ("post", "/proposals/{id}/report", Body::Form(&[("reason", "spam")]), SIGNED_IN_DONE),
    ("get", "/proposals/{id}/contact", Body::None, SIGNED_IN),
    ("post", "/proposals/{id}/contact", Body::Form(&[("message", "Bonjour à vous")]), SIGNED_IN_INVALID),
    ("post", "/comments/{id}", Body::Form(&[("body", "changé")]), NOT_MINE),
    ("post", "/comments/{id}/delete", Body::None, NOT_MINE),
    ("post", "/comments/{id}/report", Body::Form(&[("reason", "spam")]), SIGNED_IN_DONE),
    ("post", "/account/notifications", Body::None, SIGNED_IN_DONE),
    ("get", "/unsubscribe/{token}", Body::None, ALL_OK),
    ("get", "/events", Body::None, ALL_OK),
    ("get", "/events/past", Body::None, ALL_OK),
    ("get", "/events.ics", Body::None, ALL_OK),
    ("get", "/events/{id}", Body::None, ALL_OK),
    ("get", "/events/{id}/calendar.ics", Body::None, ALL_OK),
    ("post", "/events/{id}/register", Body::None, SIGNED_IN_DONE),
    ("post", "/events/{id}/unregister", Body::None, SIGNED_IN_DONE),
    ("get", "/admin/events", Body::None, MANAGERS_OK),
    ("get", "/admin/events/new", Body::None, MANAGERS_OK),
    ("post", "/admin/events/new", Body::Form(&[("title", "")]), MANAGERS_INVALID),
    ("get", "/admin/events/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/events/{id}", Body::Form(&[("title", "")]), MANAGERS_INVALID),
    ("post", "/admin/events/{id}/cancel", Body::None, MANAGERS_DONE),
    ("post", "/admin/events/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/events/{id}/registrants.csv", Body::None, MANAGERS_OK),
    ("get", "/news", Body::None, ALL_OK),
    ("get", "/news/{id}", Body::None, ALL_OK),
    ("post", "/news/{id}/comments", Body::Form(&[("body", "")]), SIGNED_IN_INVALID),
    ("post", "/news-comments/{id}/hide", Body::Form(&[("reason", "Hors sujet")]), [Login, NO, NO, SEE, SEE, SEE]),
    ("get", "/admin/translations/{kind}/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/translations/{kind}/{id}", Body::Form(&[("lang", "en"), ("title", "two\nlines")]), MANAGERS_INVALID),
    ("get", "/admin/posts", Body::None, MANAGERS_OK),
    ("get", "/admin/posts/new", Body::None, MANAGERS_OK),
    ("post", "/admin/posts/new", Body::Form(&[("title", "")]), MANAGERS_INVALID),
    ("get", "/admin/posts/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/posts/{id}", Body::Form(&[("title", "")]), MANAGERS_INVALID),
    ("post", "/admin/posts/{id}/cover", Body::EmptyMultipart, MANAGERS_INVALID),
    ("post", "/admin/posts/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/newsletter", Body::None, ALL_OK),
    ("post", "/newsletter", Body::Form(&[("email", "pas-une-adresse")]), [BAD; 6]),
    ("get", "/newsletter/confirm/{token}", Body::None, [GONE; 6]),
    ("get", "/newsletter/leave/{token}", Body::None, ALL_OK),
    ("post", "/newsletter/leave/{token}", Body::None, ALL_OK),
    ("post", "/unsubscribe/{token}", Body::None, [NF; 6]),
    ("get", "/admin/steps/{id}/collect", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}/collect", Body::None, MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/petition", Body::None, MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/petition/off", Body::None, MANAGERS_DONE),
    ("post", "/admin/steps/{id}/questions", Body::None, MANAGERS_INVALID),
    ("post", "/admin/questions/{id}", Body::None, MANAGERS_INVALID),
    ("post", "/admin/questions/{id}/move", Body::Form(&[("direction", "up")]), MANAGERS_DONE),
    ("post", "/admin/questions/{id}/delete", Body::None, MANAGERS_DONE),
    ("post", "/admin/questions/{id}/duplicate", Body::None, MANAGERS_DONE),
    ("post", "/admin/questions/{id}/choice-image", Body::EmptyMultipart, MANAGERS_INVALID),
    ("post", "/admin/questions/{id}/jumps", Body::Form(&[("target", "end")]), MANAGERS_INVALID),
    ("post", "/admin/questions/{id}/jumps/delete", Body::Form(&[("index", "0")]), MANAGERS_DONE),
    ("post", "/admin/questions/{id}/always", Body::Form(&[("target", "end")]), MANAGERS_DONE),
    ("get", "/admin/steps/{id}/questionnaire", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}/questionnaire", Body::Form(&[("kind", "poll")]), MANAGERS_INVALID),
    // The fixture questionnaire is open: results are published after the close.
    ("post", "/admin/steps/{id}/questionnaire/publish", Body::Form(&[("publish", "yes")]), MANAGERS_INVALID),
    ("get", "/admin/steps/{id}/replies.csv", Body::None, MANAGERS_OK),
    ("get", "/admin/steps/{id}/replies.json", Body::None, MANAGERS_OK),
    ("get", "/questionnaires/{id}", Body::None, ALL_OK),
    // Its one question is required; replies need an account.
    ("post", "/questionnaires/{id}", Body::Form(&[("action", "submit")]), [NO, BAD, BAD, BAD, BAD, BAD]),
    // Its settings ask for no code: nothing to enter, back to the form.
    ("post", "/questionnaires/{id}/requirements", Body::None, SIGNED_IN_DONE),
    ("get", "/questionnaires/{id}/results", Body::None, ALL_OK),
    // The fixture questionnaire is a survey: no ballots to list.
    ("get", "/questionnaires/{id}/receipts", Body::None, [NF; 6]),
    ("get", "/questionnaires/{id}/receipts.csv", Body::None, [NF; 6]),
    // Paper ballots are for votations' mediators and managers; the fixture is a survey.
    ("get", "/questionnaires/{id}/paper", Body::None, [Login, NO, NO, NO, NF, NF]),
    ("post", "/questionnaires/{id}/paper", Body::None, [Login, NO, NO, NO, NF, NF]),
    ("post", "/admin/steps/{id}/questionnaire/mediators", Body::Form(&[("email", "nobody@example.org")]), MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/questionnaire/mediators/{user}/delete", Body::None, MANAGERS_DONE),
    ("post", "/admin/steps/{id}/categories", Body::None, MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/categories/{category}/delete", Body::None, MANAGERS_DONE),
    ("post", "/admin/steps/{id}/statuses", Body::None, MANAGERS_INVALID),
    ("post", "/admin/statuses/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/steps/{id}/proposals", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}/assign", Body::Form(&[("scope", "selected")]), MANAGERS_DONE),
    ("post", "/admin/steps/{id}/bulk-status", Body::Form(&[("scope", "selected")]), MANAGERS_DONE),
    ("get", "/admin/steps/{id}/export.csv", Body::None, MANAGERS_OK),
    ("get", "/admin/analysis", Body::None, [Login, NO, OK, NO, OK, OK]),
    ("get", "/admin/proposals/{id}", Body::None, [Login, NO, OK, NO, OK, OK]),
    ("post", "/admin/proposals/{id}/assign", Body::None, MANAGERS_DONE),
    ("post", "/admin/proposals/{id}/analysis", Body::None, [Login, NO, BAD, NO, BAD, BAD]),
    ("post", "/admin/proposals/{id}/decision", Body::None, MANAGERS_INVALID),
    ("post", "/admin/proposals/{id}/status", Body::None, MANAGERS_DONE),
    ("post", "/admin/proposals/{id}/answer", Body::None, MANAGERS_INVALID),
    ("get", "/admin/reasons", Body::None, MANAGERS_OK),
    ("post", "/admin/reasons", Body::None, MANAGERS_INVALID),
    ("post", "/admin/reasons/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/moderation", Body::None, MODERATORS_OK),
    ("post", "/admin/moderation/{kind}/{id}/hide", Body::None, [Login, NO, NO, BAD, BAD, BAD]),
    ("post", "/admin/moderation/{kind}/{id}/restore", Body::None, [Login, NO, NO, SEE, SEE, SEE]),
    ("post", "/admin/reports/{id}/dismiss", Body::None, [Login, NO, NO, SEE, SEE, SEE]),
    // Pre-moderation approves opinions, arguments and sources only: the
    // fixture kind is a comment.
    ("post", "/admin/moderation/{kind}/{id}/approve", Body::None, [Login, NO, NO, NF, NF, NF]),
    // Consultations. The fixture consultation is in an open step of the
    // public project: a section, a contribution by another account, an
    // argument and a source on it.
    ("get", "/sections/{id}", Body::None, ALL_OK),
    ("get", "/sections/{id}/contribute", Body::None, SIGNED_IN),
    ("post", "/sections/{id}/contribute", Body::Form(&[("title", "")]), SIGNED_IN_INVALID),
    ("get", "/opinions/{id}", Body::None, ALL_OK),
    ("post", "/opinions/{id}/vote", Body::Form(&[("value", "peut-être")]), SIGNED_IN_INVALID),
    ("post", "/opinions/{id}/arguments", Body::Form(&[("side", "for"), ("body", "")]), SIGNED_IN_INVALID),
    ("post", "/opinions/{id}/sources", Body::Form(&[("title", "Lien"), ("url", "javascript:alert(1)")]), SIGNED_IN_INVALID),
    ("get", "/opinions/{id}/amend", Body::None, SIGNED_IN),
    ("post", "/opinions/{id}/amend", Body::Form(&[("title", "")]), SIGNED_IN_INVALID),
    ("post", "/opinions/{id}/follow", Body::None, SIGNED_IN_DONE),
    ("post", "/opinions/{id}/report", Body::Form(&[("reason", "spam")]), SIGNED_IN_DONE),
    ("post", "/arguments/{id}/vote", Body::None, SIGNED_IN_DONE),
    ("post", "/arguments/{id}/report", Body::Form(&[("reason", "spam")]), SIGNED_IN_DONE),
    ("post", "/sources/{id}/vote", Body::None, SIGNED_IN_DONE),
    ("post", "/sources/{id}/report", Body::Form(&[("reason", "spam")]), SIGNED_IN_DONE),
    // Debates. The fixture debate is in an open step of the public project,
    // open to participation without an account, with one press article.
    ("get", "/debates/{id}", Body::None, ALL_OK),
    ("post", "/debates/{id}/vote", Body::Form(&[("side", "peut-être")]), SIGNED_IN_INVALID),
    ("post", "/debates/{id}/arguments", Body::Form(&[("side", "for"), ("body", "")]), SIGNED_IN_INVALID),
    ("get", "/debates/{id}/anonymous", Body::None, ALL_OK),
    ("post", "/debates/{id}/anonymous", Body::Form(&[("email", "x@example.org"), ("side", "for")]), [BAD; 6]),
    ("get", "/debates/confirm/{token}", Body::None, [GONE; 6]),
    ("get", "/embed/debates/{id}", Body::None, ALL_OK),
    ("post", "/embed/debates/{id}", Body::Form(&[("email", "x@example.org"), ("side", "for")]), [BAD; 6]),
    ("get", "/admin/steps/{id}/debates", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}/debates", Body::Form(&[("question", "")]), MANAGERS_INVALID),
    ("get", "/admin/debates/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/debates/{id}", Body::Form(&[("question", ""), ("mode", "free")]), MANAGERS_INVALID),
    ("post", "/admin/debates/{id}/articles", Body::EmptyMultipart, MANAGERS_INVALID),
    ("post", "/admin/press-articles/{id}/delete", Body::None, MANAGERS_DONE),
    // The synthesis of the fixture consultation step: grouped, unpublished.
    ("get", "/projects/{slug}/steps/{id}/synthesis", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/admin/steps/{id}/synthesis", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}/synthesis/generate", Body::None, MANAGERS_DONE),
    ("post", "/admin/steps/{id}/synthesis/publish", Body::Form(&[("publish", "1")]), MANAGERS_DONE),
    ("post", "/admin/steps/{id}/synthesis/place", Body::Form(&[("group", "new"), ("title", "Groupe")]), MANAGERS_INVALID),
    ("post", "/admin/synthesis-groups/{id}", Body::Form(&[("title", "")]), MANAGERS_INVALID),
    ("post", "/admin/synthesis-groups/{id}/merge", Body::Form(&[("into", "abc")]), [Login, NO, NO, NO, S(400), S(400)]),
    ("post", "/admin/synthesis-groups/{id}/move", Body::Form(&[("direction", "up")]), MANAGERS_DONE),
    ("get", "/admin/steps/{id}/consultations", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}/consultations", Body::Form(&[("title", "")]), MANAGERS_INVALID),
    ("get", "/admin/consultations/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/consultations/{id}", Body::Form(&[("title", "")]), MANAGERS_INVALID),
    ("post", "/admin/consultations/{id}/import", Body::Form(&[("text", " ")]), MANAGERS_INVALID),
    ("post", "/admin/consultations/{id}/sections", Body::Form(&[("section_title", "")]), MANAGERS_INVALID),
    ("get", "/admin/sections/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/sections/{id}", Body::Form(&[("title", ""), ("vote_widget", "none"), ("default_sort", "position")]), MANAGERS_INVALID),
    ("post", "/admin/sections/{id}/delete", Body::None, MANAGERS_DONE),
    ("post", "/admin/sections/{id}/move", Body::Form(&[("direction", "up")]), MANAGERS_DONE),
    ("post", "/admin/sections/{id}/articles", Body::Form(&[("article_title", "")]), MANAGERS_INVALID),
    ("get", "/admin/steps/{id}/contributions.csv", Body::None, MANAGERS_OK),
    ("get", "/admin/steps/{id}/participants.csv", Body::None, MANAGERS_OK),
    ("get", "/admin/opinions/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/opinions/{id}", Body::Form(&[("title", ""), ("body", "Texte")]), MANAGERS_INVALID),
    ("post", "/admin/opinions/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/source-categories", Body::None, MANAGERS_OK),
    ("post", "/admin/source-categories", Body::Form(&[("name", "")]), MANAGERS_INVALID),
    ("post", "/admin/source-categories/{id}/delete", Body::None, MANAGERS_DONE),
    // Realisation follow-up. The fixture project of the winners page is a
    // draft; the fixture proposal has a follow-up with a milestone and a news post.
    ("get", "/projects/{slug}/winners", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/admin/proposals/{id}/realisation", Body::None, MANAGERS_OK),
    ("post", "/admin/proposals/{id}/realisation", Body::Form(&[("status", "delivered"), ("progress", "101")]), MANAGERS_INVALID),
    ("post", "/admin/proposals/{id}/milestones", Body::Form(&[("title", ""), ("due_on", "2026-09-01")]), MANAGERS_INVALID),
    ("post", "/admin/milestones/{id}", Body::Form(&[("title", "Travaux"), ("due_on", "demain")]), MANAGERS_INVALID),
    ("post", "/admin/milestones/{id}/delete", Body::None, MANAGERS_DONE),
    ("post", "/admin/proposals/{id}/news", Body::EmptyMultipart, MANAGERS_INVALID),
    ("post", "/admin/news/{id}/delete", Body::None, MANAGERS_DONE),
    // Votes. The fixture vote step of /votes/… is open in the public
    // project, with one paper ballot; the back-office rows use the draft
    // project's (open, undated) vote step, so results cannot be published.
    // The GraphQL API: the explorer page, the schema, an empty POST (a 400
    // whoever asks: the API ignores sessions); API tokens for administrators.
    ("get", "/graphql", Body::None, ALL_OK),
    ("post", "/graphql", Body::None, [S(400); 6]),
    ("get", "/graphql/schema.graphql", Body::None, ALL_OK),
    ("get", "/admin/api-tokens", Body::None, ADMIN_OK),
    ("post", "/admin/api-tokens", Body::None, ADMIN_INVALID),
    ("post", "/admin/api-tokens/{id}/revoke", Body::None, ADMIN_DONE),
    ("get", "/votes/{id}", Body::None, ALL_OK),
    ("post", "/votes/{id}", Body::None, SIGNED_IN_INVALID),
    ("post", "/votes/{id}/requirements", Body::None, SIGNED_IN_DONE),
    ("get", "/votes/{id}/receipt", Body::None, SIGNED_IN),
    ("get", "/votes/{id}/paper", Body::None, MANAGERS_OK),
    ("post", "/votes/{id}/paper", Body::None, MANAGERS_INVALID),
    ("post", "/votes/{id}/paper/{ballot}/delete", Body::None, MANAGERS_DONE),
    ("post", "/votes/{id}/tallies", Body::Form(&[("tally_voters", "beaucoup")]), MANAGERS_INVALID),
    ("get", "/votes/{id}/results", Body::None, ALL_OK),
    ("get", "/votes/{id}/export.pb", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/projects/{slug}/live", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/projects/{slug}/live/events", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/projects/{slug}/counters", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/projects/{slug}/steps/{id}/counters", Body::None, [NF, NF, NF, NF, OK, OK]),
    ("get", "/static/live.js", Body::None, ALL_OK),
    ("get", "/static/ballot.js", Body::None, ALL_OK),
    ("get", "/static/questionnaire.js", Body::None, ALL_OK),
    ("get", "/static/jobs.js", Body::None, ALL_OK),
    ("get", "/admin/steps/{id}/vote", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}/vote", Body::None, MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/vote/candidates", Body::Form(&[("proposal", "abc")]), MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/vote/envelopes", Body::None, MANAGERS_DONE),
    ("post", "/admin/steps/{id}/vote/mediators", Body::Form(&[("email", "personne@example.org")]), MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/vote/mediators/{user}/delete", Body::None, MANAGERS_DONE),
    ("post", "/admin/steps/{id}/vote/publish", Body::None, MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/vote/jury", Body::Form(&[("jury_size", "0")]), MANAGERS_INVALID),
    ("get", "/admin/steps/{id}/codes", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}/codes", Body::EmptyMultipart, MANAGERS_INVALID),
    ("post", "/admin/steps/{id}/codes/delete-unused", Body::None, MANAGERS_DONE),
    // Open data and personal data. The file row downloads the public
    // project's proposals; anonymisation targets another participant and
    // needs its box ticked.
    ("get", "/open-data", Body::None, ALL_OK),
    ("get", "/open-data/steps/{id}/{file}", Body::None, ALL_OK),
    ("get", "/account/data", Body::None, SIGNED_IN),
    ("get", "/admin/users/{id}/anonymise", Body::None, ADMIN_OK),
    ("post", "/admin/users/{id}/anonymise", Body::None, ADMIN_INVALID),
    // Reversibility: the whole-platform export, for administrators only
    // (the POST starts a real export job); the fixture job is a finished
    // export with its archive on disk.
    ("get", "/admin/export", Body::None, ADMIN_OK),
    ("post", "/admin/export", Body::None, ADMIN_DONE),
    ("get", "/admin/jobs/{id}/download", Body::None, ADMIN_OK),
];

const ROLES: [Option<Role>; 6] = [
    None,
    Some(Role::Participant),
    Some(Role::Analyst),
    Some(Role::Moderator),
    Some(Role::ProjectManager),
    Some(Role::Administrator),
];

#[test]
fn every_route_has_a_row_and_every_row_a_route() {
    let missing: Vec<_> = ROUTES
        .iter()
        .filter(|(m, p)| !MATRIX.iter().any(|r| r.0 == *m && r.1 == *p))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without an authorisation-matrix row: {missing:?}"
    );
    let stale: Vec<_> = MATRIX
        .iter()
        .filter(|r| !ROUTES.contains(&(r.0, r.1)))
        .map(|r| (r.0, r.1))
        .collect();
    assert!(stale.is_empty(), "matrix rows for routes that do not exist: {stale:?}");
}

struct Fixture {
    project: i64,
    slug: String,
    step: i64,
    district: i64,
    theme: i64,
    email: i64,
    user: i64,
    upload: String,
    public_slug: String,
    collect_step: i64,
    proposal: i64,
    comment: i64,
    question: i64,
    category: i64,
    status: i64,
    reason: i64,
    report: i64,
    milestone: i64,
    news: i64,
    vote_step: i64,
    ballot: i64,
    job: i64,
    api_token: i64,
    /// A single sign-on provider whose issuer does not answer.
    sso_provider: i64,
    sso_slug: String,
    /// A group with the fixture account in it and one pending invitation.
    group: i64,
    group_invitation: i64,
    redirection: i64,
    site_page: i64,
    menu_item: i64,
    /// A text section of the home page (its settings need a text).
    home_section: i64,
    /// A project chosen in a carousel.
    home_item: i64,
    /// A published event taking registrations, next week.
    event: i64,
    /// A published news post with comments on, and a comment on it.
    post: i64,
    post_comment: i64,
    consultation_step: i64,
    consultation: i64,
    section: i64,
    opinion: i64,
    argument: i64,
    source: i64,
    source_category: i64,
    debate_step: i64,
    debate: i64,
    press_article: i64,
    synthesis_group: i64,
    questionnaire_step: i64,
}

async fn fixture(app: &TestApp, analyst: i64) -> Fixture {
    let db = app.db();
    let tag = &random_token()[..12];
    let slug = format!("p-{tag}");
    let input = ProjectInput {
        title: format!("Projet {tag}"),
        slug: slug.clone(),
        summary: String::new(),
        description: String::new(),
        visibility: Visibility::Draft,
    };
    let project = projects::create(db, &input).await.unwrap();
    let data = |title| StepData {
        title,
        step_type: StepType::Vote,
        body: "",
        starts_at: None,
        ends_at: None,
        published: true,
    };
    steps::create(db, project, &data("Première")).await.unwrap();
    let step = steps::create(db, project, &data("Seconde")).await.unwrap();
    let district = taxonomy::create(db, Kind::District, &format!("Quartier {tag}"))
        .await
        .unwrap();
    let theme = taxonomy::create(db, Kind::Theme, &format!("Thème {tag}"))
        .await
        .unwrap();
    let email = outbox::enqueue(db, "x@example.org", "Sujet", "Corps").await.unwrap();
    let who = format!("u-{tag}@example.org");
    let new = NewUser {
        email: &who,
        display_name: "U",
        password_hash: "x",
        role: Role::Participant,
        locale: "fr",
        confirmed: true,
    };
    let user = users::create(db, &new).await.unwrap();
    let upload = participe::files::new_name(participe::files::ImageKind::Png);
    app.state.files.put(upload.clone(), PNG.to_vec()).await.unwrap();
    // A public project with an open collect step and a proposal in it.
    let public_slug = format!("pub-{tag}");
    let input = ProjectInput {
        slug: public_slug.clone(),
        visibility: Visibility::Public,
        ..input
    };
    let public = projects::create(db, &input).await.unwrap();
    let collect = StepData {
        title: "Dépôt",
        step_type: StepType::Collect,
        body: "",
        starts_at: None,
        ends_at: None,
        published: true,
    };
    let collect_step = steps::create(db, public, &collect).await.unwrap();
    let settings = collect::get_or_create(db, collect_step).await.unwrap();
    let raw = participe_domain::form::RawQuestion {
        kind: "short_text",
        label: "Q",
        ..Default::default()
    };
    let q = participe_domain::form::Question::parse(&raw).unwrap();
    let question = forms::add_question(db, settings.settings.form_id, &q).await.unwrap();
    let category = collect::add_category(db, collect_step, "Catégorie").await.unwrap();
    let status = collect::add_status(db, collect_step, "Statut", "#116329")
        .await
        .unwrap();
    let reason = collect::add_reason(db, &format!("Motif {tag}")).await.unwrap();
    let pin = participe_domain::proposal::ProposalInput {
        title: "Proposition".into(),
        ..Default::default()
    };
    let proposal = proposals::create_draft(db, collect_step, user, &pin).await.unwrap();
    proposals::submit(db, proposal).await.unwrap();
    analyses::assign(db, &[proposal], Some(analyst)).await.unwrap();
    let comment = comments::create(db, proposal, None, user, "Un commentaire")
        .await
        .unwrap();
    let report = moderation::report(db, Target::Comment, comment, user, ReportReason::Spam, "")
        .await
        .unwrap();
    // A realisation follow-up with a milestone and a news post.
    use participe::storage::realisations;
    realisations::ensure(db, &[proposal]).await.unwrap();
    let raw = participe_domain::follow_up::RawMilestone {
        title: "Travaux",
        due_on: "2026-09-01",
        done: false,
    };
    let m = participe_domain::follow_up::MilestoneInput::parse(&raw).unwrap();
    let milestone = realisations::add_milestone(db, proposal, &m).await.unwrap();
    let raw = participe_domain::follow_up::RawNews {
        title: "Actualité",
        body: "Texte",
        ..Default::default()
    };
    let n = participe_domain::follow_up::NewsInput::parse(&raw).unwrap();
    let news = realisations::add_news(db, proposal, &n, None, None).await.unwrap();
    let sso_slug = format!(
        "sso-{}",
        tag.to_ascii_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "x")
    );
    let sso_raw = participe_domain::sso::RawProvider {
        kind: "oidc",
        slug: &sso_slug,
        label: "Fournisseur muet",
        issuer: "http://127.0.0.1:9",
        client_id: "participe",
        enabled: "on",
        ..Default::default()
    };
    let sso_provider = participe::storage::sso::create(db, &participe_domain::sso::parse(&sso_raw).unwrap())
        .await
        .unwrap();
    let group_input = participe_domain::group::GroupInput {
        name: format!("Groupe {}", &random_token()[..12]),
        description: String::new(),
    };
    let group = participe::storage::groups::create(db, &group_input).await.unwrap();
    participe::storage::groups::add_member(db, group, user, participe_domain::group::Source::Manual)
        .await
        .unwrap();
    let in_a_week = participe::storage::now() + chrono::Duration::days(7);
    let group_invitation = participe::storage::groups::invite(
        db,
        group,
        "invitee@example.org",
        &token_hash(&random_token()),
        user,
        in_a_week,
    )
    .await
    .unwrap();
    let api_token = participe::storage::api_tokens::create(db, "Matrice", &random_token(), "read_private", user)
        .await
        .unwrap();
    let redirection = participe_domain::redirection::Redirection {
        source: format!("/matrice-{}", &random_token()[..12]),
        target: "/".into(),
        permanent: true,
    };
    participe::storage::redirections::insert(db, std::slice::from_ref(&redirection))
        .await
        .unwrap();
    let redirection = participe::storage::redirections::page(db, 1, 0).await.unwrap()[0].id;
    // Rows run one after another: the previous row's page and menu entry
    // go, so that every page does not show hundreds of menu entries.
    participe::on_db!(db, |p| sqlx::query("DELETE FROM pages WHERE kind = 'custom'")
        .execute(p)
        .await
        .map(|_| ()))
    .unwrap();
    participe::on_db!(db, |p| sqlx::query("DELETE FROM menu_items")
        .execute(p)
        .await
        .map(|_| ()))
    .unwrap();
    let page = participe_domain::site_page::PageInput {
        title: "Page".into(),
        slug: format!("matrice-{}", &random_token()[..12]),
        body: String::new(),
        meta_description: String::new(),
        published: true,
        recipients: Vec::new(),
    };
    let site_page = participe::storage::site_pages::create(db, &page).await.unwrap();
    let entry = participe_domain::menu::EntryInput {
        label: "Entrée".into(),
        link: participe_domain::menu::Link::Url("/open-data".into()),
        parent: None,
    };
    let menu_item = participe::storage::menus::add(db, participe_domain::menu::Menu::Header, &entry)
        .await
        .unwrap();
    // The previous row's sections go too.
    participe::on_db!(db, |p| sqlx::query(
        "DELETE FROM home_sections WHERE kind IN ('text', 'highlights')"
    )
    .execute(p)
    .await
    .map(|_| ()))
    .unwrap();
    let home_section = participe::storage::home_sections::add(db, SectionKind::Text)
        .await
        .unwrap();
    let carousel = participe::storage::home_sections::add(db, SectionKind::Highlights)
        .await
        .unwrap();
    let home_item = participe::storage::home_sections::add_item(db, carousel, Item::Project(public))
        .await
        .unwrap();
    let next_week = chrono::Utc::now() + chrono::Duration::days(7);
    let event = participe::storage::events::create(
        db,
        &participe::storage::events::EventData {
            title: "Atelier".into(),
            description: String::new(),
            starts_at: next_week,
            ends_at: next_week + chrono::Duration::hours(2),
            address: String::new(),
            online_url: String::new(),
            registration: true,
            capacity: Some(10),
            published: true,
        },
        &[public],
    )
    .await
    .unwrap();
    let post = participe::storage::news::save(
        db,
        None,
        &participe::storage::news::PostData {
            title: "Actualité".into(),
            published_at: Some(chrono::Utc::now() - chrono::Duration::hours(1)),
            comments_enabled: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let post_comment = participe::storage::news::add_comment(db, post, user, "Bravo")
        .await
        .unwrap();
    // An open vote step in the public project, with one paper ballot.
    let vote_step = steps::create(
        db,
        public,
        &StepData {
            title: "Vote",
            step_type: StepType::Vote,
            body: "",
            starts_at: None,
            ends_at: None,
            published: true,
        },
    )
    .await
    .unwrap();
    let ballot = participe::storage::ballots::cast(
        db,
        &participe::storage::ballots::NewBallot {
            step_id: vote_step,
            envelope: 0,
            voter_id: None,
            choices: &[],
            complete: false,
            voter_district_id: None,
            voter_age_band: None,
            entered_by: None,
        },
    )
    .await
    .unwrap()
    .id;
    // A finished whole-platform export, its archive on disk.
    let job = participe::storage::jobs::create(db, participe::services::archive::EXPORT_JOB, None)
        .await
        .unwrap();
    let exports = participe::services::archive::exports_dir(&app.state.config.data_dir);
    std::fs::create_dir_all(&exports).unwrap();
    let archive_name = format!("participe-matrix-{job}.zip");
    std::fs::write(exports.join(&archive_name), b"PK\x05\x06").unwrap();
    participe::storage::jobs::finish(db, job, Some(&archive_name), "")
        .await
        .unwrap();
    // An open consultation step in the public project.
    use participe::storage::{arguments, consultations, opinions, sources};
    let consultation_step = steps::create(
        db,
        public,
        &StepData {
            title: "Consultation",
            step_type: StepType::Consultation,
            body: "",
            starts_at: None,
            ends_at: None,
            published: true,
        },
    )
    .await
    .unwrap();
    let consultation = consultations::create(db, consultation_step, "Plan").await.unwrap();
    let section = consultations::add_section(
        db,
        consultation,
        None,
        &participe_domain::consultation::SectionInput::titled("Titre I".into()),
    )
    .await
    .unwrap();
    let new = opinions::NewOpinion {
        section_id: section,
        amends_id: None,
        kind: "contribution",
        author_id: user,
        title: "Contribution",
        body: "Un texte.",
        appendix: "",
        published: true,
    };
    let opinion = opinions::create(db, &new).await.unwrap();
    let argument = arguments::create(
        db,
        arguments::About::Opinion(opinion),
        participe_domain::consultation::Side::For,
        "Parce que.",
        arguments::Author::User(user),
        true,
    )
    .await
    .unwrap();
    let src = participe_domain::consultation::SourceInput::parse("Rapport", "https://example.org/r", "", "").unwrap();
    let source = sources::create(db, opinion, user, &src, true).await.unwrap();
    let source_category = sources::add_category(db, &format!("Étude {tag}")).await.unwrap();
    // An open debate step in the public project.
    use participe::storage::debates;
    let debate_step = steps::create(
        db,
        public,
        &StepData {
            title: "Débat",
            step_type: StepType::Debate,
            body: "",
            starts_at: None,
            ends_at: None,
            published: true,
        },
    )
    .await
    .unwrap();
    let debate = debates::create(db, debate_step, "Piétonniser ?").await.unwrap();
    let raw = participe_domain::debate::RawDebate {
        question: "Piétonniser ?",
        mode: "free",
        body: "Le centre-ville.",
        anonymous_allowed: true,
        ..Default::default()
    };
    debates::update(db, debate, &participe_domain::debate::DebateInput::parse(&raw).unwrap())
        .await
        .unwrap();
    let a = participe_domain::debate::ArticleInput::parse("Presse", "https://example.org/p", "").unwrap();
    let press_article = debates::add_article(db, debate, &a, None).await.unwrap();
    participe::services::synthesis::regroup(db, consultation_step, "Divers")
        .await
        .unwrap();
    let synthesis_group = participe::storage::syntheses::groups(db, consultation_step)
        .await
        .unwrap()[0]
        .id;
    // An open questionnaire in the public project, with one required question.
    let questionnaire_step = steps::create(
        db,
        public,
        &StepData {
            title: "Questionnaire",
            step_type: StepType::Questionnaire,
            body: "",
            starts_at: None,
            ends_at: None,
            published: true,
        },
    )
    .await
    .unwrap();
    let qn = participe::storage::questionnaires::get_or_create(db, questionnaire_step)
        .await
        .unwrap();
    let settings = participe_domain::questionnaire::Settings {
        results_public: true,
        ..Default::default()
    };
    participe::storage::questionnaires::save_settings(db, questionnaire_step, &settings)
        .await
        .unwrap();
    let raw = participe_domain::form::RawQuestion {
        kind: "short_text",
        label: "Votre avis",
        required: true,
        ..Default::default()
    };
    forms::add_question(db, qn.form_id, &participe_domain::form::Question::parse(&raw).unwrap())
        .await
        .unwrap();
    Fixture {
        questionnaire_step,
        synthesis_group,
        debate_step,
        debate,
        press_article,
        consultation_step,
        consultation,
        section,
        opinion,
        argument,
        source,
        source_category,
        project,
        slug,
        step,
        district,
        theme,
        email,
        user,
        upload,
        public_slug,
        collect_step,
        proposal,
        comment,
        question,
        category,
        status,
        reason,
        report,
        milestone,
        news,
        vote_step,
        ballot,
        job,
        api_token,
        sso_provider,
        sso_slug,
        group,
        group_invitation,
        redirection,
        site_page,
        menu_item,
        home_section,
        home_item,
        event,
        post,
        post_comment,
    }
}

fn concrete(path: &str, f: &Fixture) -> String {
    let collect_routes = [
        "/collect",
        "/petition",
        "/questions",
        "/categories",
        "/statuses",
        "/proposals",
        "/assign",
        "/bulk-status",
        "/export.csv",
    ];
    if path.starts_with("/pages/") {
        let slug = if path.ends_with("/contact") {
            "contact"
        } else {
            "mentions-legales"
        };
        return path.replace("{slug}", slug);
    }
    if path.starts_with("/login/sso/") || path.starts_with("/account/sso/") {
        return path.replace("{slug}", &f.sso_slug);
    }
    if path.starts_with("/fonts/builtin/") {
        return path.replace("{name}", "lato-400");
    }
    if path.starts_with("/fonts/uploaded/") {
        return path.replace("{name}", "font-missing.ttf");
    }
    if path.starts_with("/admin/settings/images/") {
        return path.replace("{which}", "favicon");
    }
    if path.starts_with("/admin/menus/") {
        return path.replace("{menu}", "header");
    }
    if path.starts_with("/admin/translations/") {
        return path
            .replace("{kind}", "project")
            .replace("{id}", &f.project.to_string());
    }
    if path.starts_with("/open-data/steps/") {
        return path
            .replace("{id}", &f.collect_step.to_string())
            .replace("{file}", "proposals.csv");
    }
    if path.starts_with("/votes/") {
        return path
            .replace("{id}", &f.vote_step.to_string())
            .replace("{ballot}", &f.ballot.to_string());
    }
    if path.ends_with("/synthesis") && path.starts_with("/projects/") {
        return path
            .replace("{slug}", &f.public_slug)
            .replace("{id}", &f.consultation_step.to_string());
    }
    if path.starts_with("/projects/{slug}/steps/{id}/proposals") {
        return path
            .replace("{slug}", &f.public_slug)
            .replace("{id}", &f.collect_step.to_string());
    }
    let id = if path.starts_with("/questionnaires/") || path.contains("/questionnaire") || path.contains("/replies.") {
        f.questionnaire_step
    } else if path.starts_with("/admin/steps/") && path.contains("/synthesis") {
        f.consultation_step
    } else if path.starts_with("/admin/synthesis-groups/") {
        f.synthesis_group
    } else if path.starts_with("/admin/steps/") && path.ends_with("/debates") {
        f.debate_step
    } else if path.starts_with("/debates/")
        || path.starts_with("/embed/debates/")
        || path.starts_with("/admin/debates/")
    {
        f.debate
    } else if path.starts_with("/admin/press-articles/") {
        f.press_article
    } else if path.starts_with("/admin/steps/") && (path.ends_with("/consultations") || path.ends_with("s.csv")) {
        f.consultation_step
    } else if path.starts_with("/admin/consultations/") {
        f.consultation
    } else if path.starts_with("/admin/sections/") || path.starts_with("/sections/") {
        f.section
    } else if path.starts_with("/opinions/") || path.starts_with("/admin/opinions/") {
        f.opinion
    } else if path.starts_with("/arguments/") {
        f.argument
    } else if path.starts_with("/admin/source-categories/") {
        f.source_category
    } else if path.starts_with("/sources/") {
        f.source
    } else if path.starts_with("/admin/api-tokens/") {
        f.api_token
    } else if path.starts_with("/admin/sso/") {
        f.sso_provider
    } else if path.starts_with("/admin/groups/") {
        f.group
    } else if path.starts_with("/admin/redirections/") {
        f.redirection
    } else if path.starts_with("/admin/pages/") {
        f.site_page
    } else if path.starts_with("/admin/menu-items/") {
        f.menu_item
    } else if path.starts_with("/admin/home/sections/") {
        f.home_section
    } else if path.starts_with("/admin/home-items/") {
        f.home_item
    } else if path.starts_with("/events/") || path.starts_with("/admin/events/") {
        f.event
    } else if path.starts_with("/news/") || path.starts_with("/admin/posts/") {
        f.post
    } else if path.starts_with("/news-comments/") {
        f.post_comment
    } else if path.starts_with("/admin/fonts/") {
        // No font is uploaded: deleting a missing one just comes back.
        f.api_token
    } else if path.starts_with("/admin/projects/") {
        f.project
    } else if path.starts_with("/admin/steps/") && collect_routes.iter().any(|r| path.contains(r)) {
        f.collect_step
    } else if path.starts_with("/admin/steps/") || path.starts_with("/projects/") {
        f.step
    } else if path.starts_with("/admin/questions/") {
        f.question
    } else if path.starts_with("/admin/statuses/") {
        f.status
    } else if path.starts_with("/admin/reasons/") {
        f.reason
    } else if path.starts_with("/admin/reports/") {
        f.report
    } else if path.starts_with("/admin/jobs/") {
        f.job
    } else if path.starts_with("/admin/milestones/") {
        f.milestone
    } else if path.starts_with("/admin/news/") {
        f.news
    } else if path.starts_with("/admin/proposals/") || path.starts_with("/proposals/") {
        f.proposal
    } else if path.starts_with("/admin/moderation/") || path.starts_with("/comments/") {
        f.comment
    } else if path.starts_with("/admin/districts/") {
        f.district
    } else if path.starts_with("/admin/themes/") {
        f.theme
    } else if path.starts_with("/admin/emails/") {
        f.email
    } else {
        f.user
    };
    path.replace("{id}", &id.to_string())
        .replace("{slug}", &f.slug)
        .replace("{name}", &f.upload)
        .replace("{code}", "en")
        .replace("{token}", &random_token())
        .replace("{kind}", "comment")
        .replace("{category}", &f.category.to_string())
        .replace("{user}", &f.user.to_string())
        .replace("{invitation}", &f.group_invitation.to_string())
}

/// A client with a fresh session for an account of this role.
async fn client_as(app: &TestApp, role: Option<Role>, accounts: &[i64; 6], col: usize) -> Client {
    let mut c = app.client();
    c.csrf().await;
    if role.is_some() {
        let token = random_token();
        let expires = participe::storage::now() + chrono::Duration::hours(1);
        sessions::create(app.db(), &token_hash(&token), accounts[col], expires, "")
            .await
            .unwrap();
        c.cookies.insert("participe_session".into(), token);
    }
    c
}

async fn send(c: &mut Client, method: &str, path: &str, body: Body) -> common::Res {
    match (method, body) {
        ("get", _) => c.get(path).await,
        (_, Body::None) => c.post(path, &[]).await,
        (_, Body::Form(fields)) => c.post(path, fields).await,
        (_, Body::EmptyMultipart) => {
            let token = c.csrf().await;
            let b = "--XX\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XX--\r\n";
            let uri = format!("{path}?_csrf={token}");
            c.request(
                Method::POST,
                &uri,
                Some("multipart/form-data; boundary=XX"),
                b.as_bytes().to_vec(),
            )
            .await
        }
    }
}

async fn matrix(app: &TestApp) {
    let mut accounts = [0i64; 6];
    for (col, role) in ROLES.iter().enumerate() {
        if let Some(r) = role {
            accounts[col] = app.user(&format!("{}@matrix.example.org", r.as_str()), *r).await;
        }
    }
    let mut failures = vec![];
    for (method, pattern, body, expected) in MATRIX {
        // A reading row shares one fixture between the roles; a writing row
        // gives a new one after each change (a deletion, a vote), so that
        // one role's change cannot decide the next role's answer. A request
        // refused as expected (the log-in page, 4xx: nothing stored) leaves
        // its fixture to the next role.
        let mut shared = None;
        for (col, role) in ROLES.iter().enumerate() {
            let f = match shared.take() {
                Some(f) => f,
                None => fixture(app, accounts[2]).await,
            };
            let path = concrete(pattern, &f);
            let mut c = client_as(app, *role, &accounts, col).await;
            let res = send(&mut c, method, &path, *body).await;
            let got = if res.status == StatusCode::SEE_OTHER && res.location().starts_with("/login?next=") {
                Login
            } else {
                S(res.status.as_u16())
            };
            if got != expected[col] {
                let who = role.map_or("anonymous", |r| r.as_str());
                failures.push(format!(
                    "{method} {pattern} as {who}: expected {:?}, got {got:?}",
                    expected[col]
                ));
            }
            let unchanged = got == expected[col] && matches!(got, Login | S(400..=499));
            if *method == "get" || unchanged {
                shared = Some(f);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation matrix mismatches:\n{}",
        failures.join("\n")
    );
}
engine_test!(authorisation_matrix, matrix);
