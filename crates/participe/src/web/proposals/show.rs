//! The proposal page.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::form::Answer;
use participe_domain::moderation::ReportReason;
use participe_domain::permission::Action;

use super::{author_may_change, visible_proposal};
use crate::app::AppState;
use crate::services::voter_checks;
use crate::storage::comments::{self, Comment};
use crate::storage::{analyses, petitions, proposals};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{PathParams, errors_value};
use crate::web::render;
use crate::web::voter_checks::missing_id;
use participe_domain::petition;
use participe_domain::vote::Missing;

/// A top-level comment and its replies.
#[derive(serde::Serialize)]
pub struct Thread {
    pub comment: Comment,
    pub replies: Vec<Comment>,
}

pub fn threads(all: Vec<Comment>) -> Vec<Thread> {
    let (tops, replies): (Vec<Comment>, Vec<Comment>) = all.into_iter().partition(|c| c.parent_id.is_none());
    tops.into_iter()
        .map(|c| {
            let r = replies.iter().filter(|r| r.parent_id == Some(c.id)).cloned().collect();
            Thread { comment: c, replies: r }
        })
        .collect()
}

/// A custom question and its answer, for display.
#[derive(serde::Serialize)]
struct AnswerView {
    label: String,
    kind: &'static str,
    values: Vec<String>,
}

/// A petition's state on its page: supports, threshold, deadline.
#[derive(serde::Serialize)]
struct PetitionView {
    threshold: i64,
    supports: i64,
    percent: i64,
    standing: &'static str,
    /// The answer's deadline (a local day, `YYYY-MM-DD`), and whole days
    /// left (negative: late).
    due_on: Option<String>,
    days_left: Option<i64>,
    reached_on: Option<String>,
    archived_on: Option<String>,
    supporting: bool,
    /// The button is offered (open step, published, not archived).
    open: bool,
    /// What this person must still provide to support it (message ids),
    /// and which of it the support form asks for.
    missing: Vec<&'static str>,
    needs_id_code: bool,
    needs_phone: bool,
}

/// What the signed-in viewer must still provide to support a petition of
/// this step (nothing for others, or when already supporting).
pub(super) async fn supporter_missing(
    state: &AppState,
    ctx: &Ctx,
    step_id: i64,
    settings: &petition::PetitionSettings,
) -> AppResult<Vec<Missing>> {
    let Some(user) = &ctx.user else { return Ok(vec![]) };
    let today = chrono::Utc::now().with_timezone(&state.config.timezone).date_naive();
    Ok(
        voter_checks::missing(&state.db, user, step_id, &settings.requirements(), today)
            .await?
            .0,
    )
}

async fn petition_view(
    state: &AppState,
    ctx: &Ctx,
    proposal: &proposals::Proposal,
    cs: &super::CollectStep,
) -> AppResult<Option<PetitionView>> {
    let tz = state.config.timezone;
    let local_day = |d: chrono::DateTime<chrono::Utc>| d.with_timezone(&tz).date_naive().to_string();
    let Some(settings) = cs.petition else {
        return Ok(None);
    };
    let standing = proposal.standing();
    let due = match standing {
        petition::Standing::AwaitingAnswer { due } => Some(due),
        _ => None,
    };
    let supporting = match &ctx.user {
        Some(u) => petitions::is_supporting(&state.db, proposal.id, u.id).await?,
        None => false,
    };
    let open = petition::may_support(
        true,
        cs.state() == participe_domain::step::StepState::Open,
        proposal.is_published() && proposal.hidden_reason.is_none(),
        proposal.archived_at.is_some(),
    )
    .is_ok();
    let missing = if open && !supporting {
        supporter_missing(state, ctx, cs.step.id, &settings).await?
    } else {
        vec![]
    };
    Ok(Some(PetitionView {
        threshold: settings.threshold,
        supports: proposal.support_count,
        percent: petition::percent(proposal.support_count, settings.threshold),
        standing: standing.as_str(),
        due_on: due.map(local_day),
        days_left: due.map(|d| petition::days_left(d, chrono::Utc::now())),
        reached_on: proposal.threshold_reached_at.map(local_day),
        archived_on: proposal.archived_at.map(local_day),
        supporting,
        open,
        needs_id_code: missing.contains(&Missing::IdCode),
        needs_phone: missing.contains(&Missing::Phone),
        missing: missing.into_iter().map(missing_id).collect(),
    }))
}

/// What a failed comment or report form sends back to the page.
#[derive(Default)]
pub struct Feedback {
    pub errors: FieldErrors,
    /// The text typed in the new-comment box, kept after an error.
    pub comment_body: String,
    /// The phone number typed in the support form, kept after an error.
    pub support_phone: String,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    page(&state, &ctx, id, Feedback::default()).await
}

/// The proposal page, with the errors of a form submitted from it (422).
pub async fn page(state: &AppState, ctx: &Ctx, id: i64, feedback: Feedback) -> AppResult<Response> {
    let (state, ctx) = (state.clone(), ctx.clone());
    let (proposal, cs) = visible_proposal(&state, &ctx, id).await?;
    let stored = proposals::answers(&state.db, id).await?;
    let staff = ctx.can(Action::DecideProposals);
    let answers: Vec<AnswerView> = cs
        .questions
        .iter()
        .filter(|q| !q.private || staff)
        .filter_map(|q| {
            let (_, v) = stored.iter().find(|(qid, _)| *qid == q.id)?;
            let values = match Answer::from_storage(q.kind, v) {
                Answer::Choices(c) => c,
                Answer::Ranking(c) => c.iter().enumerate().map(|(i, t)| format!("{}. {t}", i + 1)).collect(),
                Answer::Grades(g) => g
                    .iter()
                    .map(|(t, g)| format!("{t} : {}", state.i18n.t(ctx.lang, g.message_id(), None)))
                    .collect(),
                Answer::YesNo(b) => vec![if b { "yes".into() } else { "no".into() }],
                other => vec![other.to_storage()],
            };
            Some(AnswerView {
                label: q.label.clone(),
                kind: q.kind.as_str(),
                values,
            })
        })
        .collect();
    let attachments = proposals::attachments(&state.db, id).await?;
    let threads = threads(comments::of_proposal(&state.db, id).await?);
    let following = match &ctx.user {
        Some(u) => comments::is_following(&state.db, u.id, id).await?,
        None => false,
    };
    let followers = comments::follower_count(&state.db, id).await?;
    let answer = analyses::answer(&state.db, id)
        .await?
        .filter(|a| a.published_at.is_some());
    let petition = petition_view(&state, &ctx, &proposal, &cs).await?;
    let identity_providers = if petition
        .as_ref()
        .is_some_and(|p| p.missing.contains(&"vote-missing-identity"))
    {
        crate::web::accounts::sso::identity_providers(&state).await?
    } else {
        vec![]
    };
    let merged_into = match proposal.merged_into_id {
        Some(pid) => proposals::by_id(&state.db, pid).await?,
        None => None,
    };
    let follow_up = crate::web::follow_up::of_proposal(&state, id).await?;
    let reasons: Vec<&str> = ReportReason::ALL.iter().map(|r| r.as_str()).collect();
    let is_author = ctx.user.as_ref().is_some_and(|u| u.id == proposal.author_id);
    let may_change = author_may_change(&ctx, &proposal, &cs);
    let reference = proposal.reference();
    let step_open = cs.state() == participe_domain::step::StepState::Open;
    let failed = !feedback.errors.is_empty();
    let html = render::page(
        &state,
        &ctx,
        "proposals/show.html",
        view! {
            proposal,
            reference,
            project => cs.project,
            step => cs.step,
            answers,
            attachments,
            threads,
            following,
            followers,
            answer,
            petition,
            identity_providers,
            merged_into,
            follow_up,
            reasons,
            is_author,
            may_change,
            step_open,
            can_moderate => ctx.can(Action::Moderate),
            can_analyse => ctx.can(Action::AnalyseProposals),
            errors => errors_value(&state.i18n, ctx.lang, &feedback.errors),
            comment_body => feedback.comment_body,
            support_phone => feedback.support_phone,
        },
    )
    .await?;
    Ok(crate::web::form::form_response(html, failed))
}
