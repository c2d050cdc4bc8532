//! A votation's paper ballots, entered by the step's mediators (or the
//! managers) one by one: checked as online ballots are, stored without a
//! voter under a receipt code written on the voter's slip, until the results
//! are published. Who voted on paper is the polling station's register.

use axum::extract::{RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use participe_domain::FieldErrors;
use participe_domain::form::{Completeness, parse_answers_as};
use participe_domain::questionnaire::Kind;

use super::{Place, place};
use crate::app::AppState;
use crate::storage::id_codes;
use crate::storage::questionnaires::{self, NewReply, Saved};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, errors_value, form_response, pairs};
use crate::web::questions::{Values, grades, views};
use crate::web::render;

/// The votation, if this user may enter its paper ballots.
async fn mediated(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Place> {
    ctx.user()?;
    let p = place(state, ctx, id).await?;
    if !crate::web::votes::may_enter_paper(state, ctx, id).await? {
        return Err(AppError::forbidden());
    }
    if p.questionnaire.settings.kind != Kind::Vote {
        return Err(AppError::not_found());
    }
    Ok(p)
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    p: &Place,
    fields: &[(String, String)],
    errors: &FieldErrors,
    entered: Option<String>,
) -> AppResult<Response> {
    let paper = questionnaires::paper_count(&state.db, p.step.id).await?;
    let html = render::page(
        state,
        ctx,
        "questionnaires/paper.html",
        view! {
            project => p.project,
            step => p.step,
            published => p.published(),
            questions => views(&p.questions, 0, None),
            grades => grades(),
            values => Values::from_pairs(fields),
            errors => errors_value(&state.i18n, ctx.lang, errors),
            paper,
            entered,
            needs_id_code => p.questionnaire.settings.requirements.id_code,
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let p = mediated(&state, &ctx, id).await?;
    page(&state, &ctx, &p, &[], &FieldErrors::new(), None).await
}

pub async fn enter(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    let p = mediated(&state, &ctx, id).await?;
    if p.published() {
        // The count is public: no ballot may change it any more.
        return page(&state, &ctx, &p, &[], &FieldErrors::new(), None)
            .await
            .map(|r| (StatusCode::CONFLICT, r).into_response());
    }
    let fields = pairs(&raw);
    let answers = match parse_answers_as(&p.questions, &fields, Completeness::Complete) {
        Ok(a) => a,
        Err(errors) => return page(&state, &ctx, &p, &fields, &errors, None).await,
    };
    // The code printed on the ballot, used once across online and paper.
    if p.questionnaire.settings.requirements.id_code {
        let mut errors = FieldErrors::new();
        let typed = crate::web::form::value(&fields, "id_code");
        if let Some(code) = errors.check("id_code", participe_domain::id_codes::normalise(typed)) {
            let mediator = ctx.user()?.id;
            if !id_codes::use_on_paper(&state.db, id, &code, mediator).await? {
                errors.add("id_code", "error-id-code-unknown");
            }
        }
        if !errors.is_empty() {
            return page(&state, &ctx, &p, &fields, &errors, None).await;
        }
    }
    let stored: Vec<(i64, String)> = answers.iter().map(|(q, a)| (*q, a.to_storage())).collect();
    let saved = questionnaires::save_reply(
        &state.db,
        &NewReply {
            step_id: id,
            user_id: None,
            kind: Kind::Vote,
            once: false,
            draft: false,
            channel: "paper",
            district_id: None,
            age_band: None,
            answers: &stored,
            today: Utc::now().with_timezone(&state.config.timezone).date_naive(),
        },
    )
    .await?;
    crate::services::questionnaire_results::forget(&state, id);
    let receipt = match saved {
        Saved::Reply { receipt, .. } => receipt,
        Saved::AlreadyReplied => None,
    };
    page(&state, &ctx, &p, &[], &FieldErrors::new(), receipt).await
}
