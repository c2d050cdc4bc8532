//! Replying to a questionnaire or voting in a votation: the whole form on
//! one page, checked on the server along the path the logic jumps take
//! (with JavaScript, skipped questions are hidden as one answers); drafts,
//! replies without an account (proof of work and a rate limit), requirements
//! shared with budget votes, receipts for votation ballots.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use participe_domain::FieldErrors;
use participe_domain::form::{Completeness, asked, parse_answers_as};
use participe_domain::questionnaire::{Kind, Refusal, may_reply};
use participe_domain::vote::{Missing, age_band};

use super::{Place, districts, place};
use crate::app::AppState;
use crate::services::voter_checks;
use crate::storage::questionnaires::{self, NewReply, Saved};
use crate::storage::users;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::limits::{self, Limited};
use crate::web::questions::{Values, answer_pairs, grades, views, with_files};
use crate::web::render;
use crate::web::upload::read_any;
use crate::web::voter_checks::{Given, missing_id};

/// Leading zero bits asked of the browser for replying without an account.
const DIFFICULTY: i64 = crate::web::antibot::DIFFICULTY;

async fn missing(state: &AppState, ctx: &Ctx, p: &Place) -> AppResult<Vec<Missing>> {
    let Some(user) = &ctx.user else { return Ok(vec![]) };
    let today = Utc::now().with_timezone(&state.config.timezone).date_naive();
    let requirements = &p.questionnaire.settings.requirements;
    Ok(voter_checks::missing(&state.db, user, p.step.id, requirements, today)
        .await?
        .0)
}

/// Why this viewer may not reply now, if so.
async fn refusal(state: &AppState, ctx: &Ctx, p: &Place) -> AppResult<Option<Refusal>> {
    let (replies, listed) = match &ctx.user {
        Some(u) => questionnaires::participation(&state.db, p.step.id, u.id).await?,
        None => (0, false),
    };
    Ok(may_reply(
        &p.questionnaire.settings,
        p.state(),
        ctx.user.is_some(),
        replies,
        listed,
    )
    .err())
}

async fn challenge(state: &AppState) -> AppResult<String> {
    crate::web::antibot::challenge_for(state, chrono::Duration::hours(2)).await
}

/// The reply page: the form, or why it is not offered.
async fn page(
    state: &AppState,
    ctx: &Ctx,
    p: &Place,
    pairs: &[(String, String)],
    errors: &FieldErrors,
) -> AppResult<Response> {
    let refused = refusal(state, ctx, p).await?;
    let missing = missing(state, ctx, p).await?;
    let identity_providers = if missing.contains(&Missing::VerifiedIdentity) {
        crate::web::accounts::sso::identity_providers(state).await?
    } else {
        vec![]
    };
    let missing: Vec<&str> = missing.into_iter().map(missing_id).collect();
    let settings = &p.questionnaire.settings;
    let anonymous = ctx.user.is_none() && settings.anonymous;
    let nonce = if anonymous && refused.is_none() {
        challenge(state).await?
    } else {
        String::new()
    };
    // Questions skipped by the answers so far start hidden.
    let given = parse_answers_as(&p.questions, pairs, Completeness::Draft).unwrap_or_default();
    let on_path = asked(&p.questions, &given);
    let seed = ctx.user.as_ref().map(|u| u.id as u64).unwrap_or(7) ^ (p.step.id as u64) << 20;
    let has_files = p
        .questions
        .iter()
        .any(|q| q.kind == participe_domain::form::QuestionKind::File);
    let html = render::page(
        state,
        ctx,
        "questionnaires/reply.html",
        view! {
            project => p.project,
            step => p.step,
            settings => view! {
                vote => settings.kind == Kind::Vote,
                intro => settings.intro,
                drafts => settings.drafts && ctx.user.is_some(),
                anonymous,
                results_public => settings.results_public,
            },
            state => p.state().as_str(),
            refused => refused.map(Refusal::message_id),
            needs_id_code => missing.contains(&"vote-missing-id-code"),
            needs_phone => missing.contains(&"vote-missing-phone"),
            missing,
            identity_providers,
            questions => views(&p.questions, seed, Some(&on_path)),
            grades => grades(),
            districts => districts(state, p.project.id).await?,
            values => Values::from_pairs(pairs),
            errors => errors_value(&state.i18n, ctx.lang, errors),
            nonce,
            difficulty => DIFFICULTY,
            has_files,
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let p = place(&state, &ctx, id).await?;
    let draft = match &ctx.user {
        Some(u) if p.questionnaire.settings.drafts => questionnaires::draft_of(&state.db, id, u.id).await?,
        _ => None,
    };
    let pairs = draft
        .map(|(_, stored)| answer_pairs(&p.questions, &stored))
        .unwrap_or_default();
    page(&state, &ctx, &p, &pairs, &FieldErrors::new()).await
}

/// The submitted fields, from a multipart form (with files) or a plain one.
async fn read_body(
    state: &AppState,
    p: &Place,
    req: Request,
    keep: &[(i64, String)],
) -> AppResult<(Vec<(String, String)>, FieldErrors)> {
    let form = read_any(req, state).await?;
    with_files(state, &p.questions, &form, keep).await
}

fn message(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    title_id: &str,
    text_id: &str,
) -> impl std::future::Future<Output = AppResult<Response>> {
    let (state, ctx) = (state.clone(), ctx.clone());
    let (title_id, text_id) = (title_id.to_string(), text_id.to_string());
    async move {
        let html = render::page(&state, &ctx, "message.html", view! { title_id, text_id }).await?;
        Ok((status, html).into_response())
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    req: Request,
) -> AppResult<Response> {
    let p = place(&state, &ctx, id).await?;
    let settings = p.questionnaire.settings.clone();
    if let Some(why) = refusal(&state, &ctx, &p).await? {
        return message(
            &state,
            &ctx,
            StatusCode::FORBIDDEN,
            "questionnaire-refused-title",
            why.message_id(),
        )
        .await;
    }
    if !missing(&state, &ctx, &p).await?.is_empty() {
        return page(&state, &ctx, &p, &[], &FieldErrors::new())
            .await
            .map(|r| (StatusCode::FORBIDDEN, r).into_response());
    }
    let draft_before = match &ctx.user {
        Some(u) if settings.drafts => questionnaires::draft_of(&state.db, id, u.id).await?,
        _ => None,
    };
    let keep = draft_before.map(|(_, a)| a).unwrap_or_default();
    let (fields, mut errors) = read_body(&state, &p, req, &keep).await?;
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim())
            .unwrap_or_default()
    };
    let draft = get("action") == "draft" && settings.drafts && ctx.user.is_some();
    match &ctx.user {
        Some(u) => limits::check(&state, &ctx, Limited::Participation(u.id)).await?,
        None => {
            // The single-use challenge is this form's token: no valid one, no write.
            let solved = crate::web::antibot::solved(&state, get("pow_nonce"), get("pow_solution")).await?;
            if !solved {
                errors.add("pow", "error-pow-failed");
            }
            limits::check(&state, &ctx, Limited::Contact).await?;
        }
    }
    let completeness = if draft {
        Completeness::Draft
    } else {
        Completeness::Complete
    };
    let answers = match parse_answers_as(&p.questions, &fields, completeness) {
        Ok(a) => a,
        Err(e) => {
            for e in e.0 {
                if !errors.has(&e.field) {
                    errors.0.push(e);
                }
            }
            vec![]
        }
    };
    let all_districts = districts(&state, p.project.id).await?;
    let district_id = match get("district") {
        "" => None,
        d => match d
            .parse::<i64>()
            .ok()
            .filter(|d| all_districts.iter().any(|t| t.id == *d))
        {
            Some(d) => Some(d),
            None => {
                errors.add("district", "error-choice-unknown");
                None
            }
        },
    };
    if !errors.is_empty() {
        return page(&state, &ctx, &p, &fields, &errors).await;
    }
    let today = Utc::now().with_timezone(&state.config.timezone).date_naive();
    let band = match &ctx.user {
        Some(u) => users::preferences(&state.db, u.id)
            .await?
            .birth_date
            .map(|b| age_band(b, today)),
        None => None,
    };
    let stored: Vec<(i64, String)> = answers.iter().map(|(q, a)| (*q, a.to_storage())).collect();
    let saved = questionnaires::save_reply(
        &state.db,
        &NewReply {
            step_id: id,
            user_id: ctx.user.as_ref().map(|u| u.id),
            kind: settings.kind,
            once: !settings.multiple_replies,
            draft,
            channel: "online",
            district_id,
            age_band: band,
            answers: &stored,
            today,
        },
    )
    .await?;
    let receipt = match saved {
        Saved::AlreadyReplied => {
            let why = if settings.kind == Kind::Vote {
                Refusal::AlreadyVoted
            } else {
                Refusal::AlreadyReplied
            };
            return message(
                &state,
                &ctx,
                StatusCode::CONFLICT,
                "questionnaire-refused-title",
                why.message_id(),
            )
            .await;
        }
        Saved::Reply { receipt, .. } => receipt,
    };
    if draft {
        return Ok(redirect_with_flash(
            &state,
            &format!("/questionnaires/{id}"),
            "flash-draft-saved",
        ));
    }
    if settings.acknowledge
        && let Some(u) = &ctx.user
        && let Some(email) = &u.email
    {
        let lines: Vec<String> = p
            .questions
            .iter()
            .filter_map(|q| {
                let (_, a) = answers.iter().find(|(id, _)| *id == q.id)?;
                Some(format!("{}\n  {}", q.label, a.plain()))
            })
            .collect();
        let subject = state
            .i18n
            .t1(ctx.lang, "questionnaire-ack-subject", "step", p.step.title.clone());
        let body = format!(
            "{}\n\n{}\n",
            state
                .i18n
                .t1(ctx.lang, "questionnaire-ack-body", "step", p.step.title.clone()),
            lines.join("\n\n")
        );
        crate::mail::queue(&state.db, state.config.smtp.as_ref(), email, &subject, &body).await?;
    }
    crate::services::questionnaire_results::forget(&state, id);
    let html = render::page(
        &state,
        &ctx,
        "questionnaires/thanks.html",
        view! { project => p.project, step => p.step, receipt, vote => settings.kind == Kind::Vote,
        results => settings.results_public },
    )
    .await?;
    Ok(html.into_response())
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct RequirementsForm {
    id_code: String,
    phone: String,
}

/// `POST /questionnaires/{id}/requirements`: what the step asks for before
/// the form: an identification code, used once (attempts count as log-in
/// attempts), and a phone number. The code is used only once the rest is
/// valid, so that a mistake elsewhere never spends it.
pub async fn requirements(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    crate::web::form::HtmlForm(f): crate::web::form::HtmlForm<RequirementsForm>,
) -> AppResult<Response> {
    ctx.user()?;
    let p = place(&state, &ctx, id).await?;
    let missing = missing(&state, &ctx, &p).await?;
    let mut errors = FieldErrors::new();
    let given = Given {
        id_code: &f.id_code,
        phone: &f.phone,
    };
    crate::web::voter_checks::take(&state, &ctx, p.step.id, &missing, given, &mut errors).await?;
    if !errors.is_empty() {
        let typed = [("phone".to_string(), f.phone)];
        return page(&state, &ctx, &p, &typed, &errors).await;
    }
    Ok(redirect_with_flash(
        &state,
        &format!("/questionnaires/{id}"),
        "flash-saved",
    ))
}
