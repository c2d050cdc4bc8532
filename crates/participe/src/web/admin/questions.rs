//! Back office: the form engine's question editor, shared by collect steps
//! (proposal forms) and questionnaires — add, edit, reorder, duplicate and
//! delete questions and their choices, and set logic jumps.

use axum::extract::{RawForm, State};
use axum::response::Response;
use minijinja::Value;
use participe_domain::FieldErrors;
use participe_domain::form::{Question, QuestionKind, RawQuestion, Target, choices_to_text};
use participe_domain::form_logic::{RawJump, parse_jump, parse_target, prune, testable_values};
use participe_domain::permission::Action;
use participe_domain::step::StepType;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::steps::{self, Step};
use crate::storage::{StoreError, collect, forms, questionnaires};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, MoveForm, PathParams, pairs, redirect_with_flash};

/// Which form of a page failed, so its errors show next to it.
#[derive(Default)]
pub struct Failed {
    pub errors: FieldErrors,
    /// Submitted values of the failed form, by field name.
    pub values: Vec<(String, String)>,
}

/// Every question type, for the type menu.
pub fn kinds() -> Vec<&'static str> {
    QuestionKind::ALL.iter().map(|k| k.as_str()).collect()
}

fn target_label(questions: &[Question], t: &Target) -> String {
    match t {
        Target::End => "end".into(),
        Target::Question(id) => questions
            .iter()
            .find(|q| q.id == *id)
            .map(|q| q.label.clone())
            .unwrap_or_default(),
    }
}

/// The questions as the editor shows them, with their jumps and the later
/// questions a jump may lead to.
pub fn admin_views(questions: &[Question]) -> Vec<Value> {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let jumps: Vec<Value> = q
                .logic
                .jumps
                .iter()
                .map(|j| {
                    let conditions: Vec<Value> = j
                        .conditions
                        .iter()
                        .map(|c| view! { is => c.is, choice => c.choice })
                        .collect();
                    view! { all => j.all, conditions, to => target_label(questions, &j.to), end => j.to == Target::End }
                })
                .collect();
            let later: Vec<(i64, String)> = questions[i + 1..].iter().map(|l| (l.id, l.label.clone())).collect();
            view! {
                id => q.id, kind => q.kind.as_str(), label => q.label, help => q.help, description => q.description,
                required => q.required, private => q.private, min => q.min, max => q.max,
                choices => choices_to_text(&q.choices), allow_other => q.allow_other, display => q.display.as_str(),
                random_order => q.random_order, level => q.level,
                jumps, always => q.logic.always.map(|t| target_label(questions, &t)),
                always_end => q.logic.always == Some(Target::End),
                testable => testable_values(q), later,
                has_choices => q.kind.has_choices(),
                choice_list => q.choices.iter().map(|c| view! { title => c.title, image => c.image }).collect::<Vec<_>>(),
            }
        })
        .collect()
}

/// The step whose form a question or a form is: a collect step or a questionnaire.
async fn owner_of_form(state: &AppState, form_id: i64) -> AppResult<Step> {
    let collect_step: Option<i64> = crate::on_db!(&state.db, |p| sqlx::query_scalar(
        "SELECT step_id FROM collect_settings WHERE form_id = $1"
    )
    .bind(form_id)
    .fetch_optional(p)
    .await)
    .map_err(StoreError::from)?;
    let step_id = match collect_step {
        Some(id) => id,
        None => questionnaires::step_of_form(&state.db, form_id)
            .await?
            .ok_or_else(AppError::not_found)?,
    };
    steps::by_id(&state.db, step_id).await?.ok_or_else(AppError::not_found)
}

async fn owner_of_question(state: &AppState, qid: i64) -> AppResult<(Step, i64)> {
    let form_id = forms::form_of_question(&state.db, qid).await?;
    Ok((owner_of_form(state, form_id).await?, form_id))
}

fn is_questionnaire(step: &Step) -> bool {
    step.step_type == StepType::Questionnaire.as_str()
}

fn back(state: &AppState, step: &Step, anchor: &str) -> Response {
    let page = if is_questionnaire(step) {
        "questionnaire"
    } else {
        "collect"
    };
    state.questionnaire_results.forget(step.id);
    redirect_with_flash(
        state,
        &format!("/admin/steps/{}/{page}#{anchor}", step.id),
        "flash-saved",
    )
}

async fn owner_page(state: &AppState, ctx: &Ctx, step: &Step, failed: Failed) -> AppResult<Response> {
    if is_questionnaire(step) {
        super::questionnaires::page(state, ctx, step, failed).await
    } else {
        super::collect::page(state, ctx, step, failed).await
    }
}

/// The form of a collect or questionnaire step (created on first use).
async fn form_of_step(state: &AppState, step_id: i64) -> AppResult<(Step, i64)> {
    let step = steps::by_id(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let form_id = if is_questionnaire(&step) {
        questionnaires::get_or_create(&state.db, step.id).await?.form_id
    } else if step.step_type == StepType::Collect.as_str() {
        collect::get_or_create(&state.db, step.id).await?.settings.form_id
    } else {
        return Err(AppError::not_found());
    };
    Ok((step, form_id))
}

/// A question form. Its fields are named `q-new-…` (new question) or
/// `q-ID-…` (existing one), so that several can stand on one page with
/// distinct ids for their labels and error messages.
#[derive(Default, Clone)]
pub struct QuestionForm {
    values: Vec<(String, String)>,
}

impl QuestionForm {
    fn from_raw(raw: &[u8], prefix: &str) -> QuestionForm {
        QuestionForm {
            values: pairs(raw)
                .into_iter()
                .filter_map(|(k, v)| k.strip_prefix(prefix).map(|n| (n.to_string(), v)))
                .collect(),
        }
    }

    fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    fn parse(&self) -> Result<Question, FieldErrors> {
        Question::parse(&RawQuestion {
            kind: self.get("kind"),
            label: self.get("label"),
            help: self.get("help"),
            description: self.get("description"),
            required: !self.get("required").is_empty(),
            private: !self.get("private").is_empty(),
            min: self.get("min"),
            max: self.get("max"),
            choices: self.get("choices"),
            allow_other: !self.get("allow_other").is_empty(),
            display: self.get("display"),
            random_order: !self.get("random_order").is_empty(),
            level: self.get("level"),
        })
    }

    fn prefixed_values(&self, prefix: &str) -> Vec<(String, String)> {
        self.values
            .iter()
            .map(|(k, v)| (format!("{prefix}{k}"), v.clone()))
            .collect()
    }
}

/// Errors of the question form, named `q-new-FIELD` or `q-ID-FIELD`.
fn prefixed(errors: FieldErrors, prefix: &str) -> FieldErrors {
    let mut out = FieldErrors::new();
    for e in errors.0 {
        out.add(format!("{prefix}{}", e.field), e.code);
    }
    out
}

pub async fn add_question(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = form_of_step(&state, id).await?;
    let f = QuestionForm::from_raw(&raw, "q-new-");
    match f.parse() {
        Ok(q) => {
            let qid = forms::add_question(&state.db, form_id, &q).await?;
            Ok(back(&state, &step, &format!("question-{qid}")))
        }
        Err(e) => {
            let failed = Failed {
                errors: prefixed(e, "q-new-"),
                values: f.prefixed_values("q-new-"),
            };
            owner_page(&state, &ctx, &step, failed).await
        }
    }
}

pub async fn update_question(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = owner_of_question(&state, qid).await?;
    let prefix = format!("q-{qid}-");
    let f = QuestionForm::from_raw(&raw, &prefix);
    match f.parse() {
        Ok(q) => {
            forms::update_question(&state.db, qid, &q).await?;
            prune_form(&state, form_id).await?;
            Ok(back(&state, &step, &format!("question-{qid}")))
        }
        Err(e) => {
            let failed = Failed {
                errors: prefixed(e, &prefix),
                values: f.prefixed_values(&prefix),
            };
            owner_page(&state, &ctx, &step, failed).await
        }
    }
}

/// Drops the jumps that questions' changes made meaningless.
async fn prune_form(state: &AppState, form_id: i64) -> AppResult<()> {
    let questions = forms::questions(&state.db, form_id).await?;
    for (i, q) in questions.iter().enumerate() {
        let pruned = prune(&questions, i, &q.logic);
        if pruned != q.logic {
            forms::set_logic(&state.db, q.id, &pruned).await?;
        }
    }
    Ok(())
}

pub async fn move_question(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
    HtmlForm(f): HtmlForm<MoveForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = owner_of_question(&state, qid).await?;
    let up = f.up()?;
    forms::move_question(&state.db, qid, up).await?;
    prune_form(&state, form_id).await?;
    Ok(back(&state, &step, &format!("question-{qid}")))
}

pub async fn delete_question(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = owner_of_question(&state, qid).await?;
    forms::delete_question(&state.db, qid).await?;
    prune_form(&state, form_id).await?;
    Ok(back(&state, &step, "questions"))
}

/// A copy of a question (without its jumps) at the end of the form.
pub async fn duplicate_question(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = owner_of_question(&state, qid).await?;
    let questions = forms::questions(&state.db, form_id).await?;
    let mut copy = questions
        .into_iter()
        .find(|q| q.id == qid)
        .ok_or_else(AppError::not_found)?;
    copy.logic = Default::default();
    copy.label = state.i18n.t1(ctx.lang, "question-copy-of", "label", copy.label.clone());
    copy.label = copy.label.chars().take(participe_domain::form::MAX_SHORT).collect();
    let new_id = forms::add_question(&state.db, form_id, &copy).await?;
    Ok(back(&state, &step, &format!("question-{new_id}")))
}

/// Adds a jump after a question: up to three conditions, all or any, a target.
pub async fn add_jump(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = owner_of_question(&state, qid).await?;
    let questions = forms::questions(&state.db, form_id).await?;
    let at = questions
        .iter()
        .position(|q| q.id == qid)
        .ok_or_else(AppError::not_found)?;
    let p = pairs(&raw);
    let get = |k: &str| p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str()).unwrap_or("");
    let conditions: Vec<(&str, &str)> = (1..=3)
        .map(|i| (get(&format!("op{i}")), get(&format!("choice{i}"))))
        .collect();
    let raw_jump = RawJump {
        combine: get("combine"),
        conditions,
        target: get("target"),
    };
    match parse_jump(&questions, at, &raw_jump) {
        Ok(jump) => {
            let mut logic = questions[at].logic.clone();
            logic.jumps.push(jump);
            forms::set_logic(&state.db, qid, &logic).await?;
            Ok(back(&state, &step, &format!("question-{qid}")))
        }
        Err(e) => {
            let prefix = format!("jump-{qid}-");
            let failed = Failed {
                errors: prefixed(e, &prefix),
                values: p.iter().map(|(k, v)| (format!("{prefix}{k}"), v.clone())).collect(),
            };
            owner_page(&state, &ctx, &step, failed).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LogicForm {
    /// The jump to delete (its position), for delete_jump.
    index: usize,
    /// "always jump to": a question id, "end", or empty for none.
    target: String,
}

pub async fn delete_jump(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
    HtmlForm(f): HtmlForm<LogicForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = owner_of_question(&state, qid).await?;
    let questions = forms::questions(&state.db, form_id).await?;
    let q = questions.iter().find(|q| q.id == qid).ok_or_else(AppError::not_found)?;
    let mut logic = q.logic.clone();
    if f.index < logic.jumps.len() {
        logic.jumps.remove(f.index);
        forms::set_logic(&state.db, qid, &logic).await?;
    }
    Ok(back(&state, &step, &format!("question-{qid}")))
}

pub async fn set_always(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
    HtmlForm(f): HtmlForm<LogicForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = owner_of_question(&state, qid).await?;
    let questions = forms::questions(&state.db, form_id).await?;
    let at = questions
        .iter()
        .position(|q| q.id == qid)
        .ok_or_else(AppError::not_found)?;
    let always = match f.target.trim() {
        "" => None,
        t => match parse_target(&questions, at, t) {
            Ok(t) => Some(t),
            Err(code) => {
                let mut errors = FieldErrors::new();
                errors.add(format!("always-{qid}-target"), code);
                return owner_page(&state, &ctx, &step, Failed { errors, values: vec![] }).await;
            }
        },
    };
    let mut logic = questions[at].logic.clone();
    logic.always = always;
    forms::set_logic(&state.db, qid, &logic).await?;
    Ok(back(&state, &step, &format!("question-{qid}")))
}

/// Sets or removes the image illustrating one choice (a multipart form:
/// `choice`, its position from 0; the `image` file, checked by content; or
/// `remove`).
pub async fn choice_image(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
    multipart: axum::extract::Multipart,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let (step, form_id) = owner_of_question(&state, qid).await?;
    let form = crate::web::upload::read_multipart(multipart).await?;
    let mut q = forms::questions(&state.db, form_id)
        .await?
        .into_iter()
        .find(|q| q.id == qid)
        .ok_or_else(AppError::not_found)?;
    let field = format!("q-{qid}-image");
    let mut errors = FieldErrors::new();
    match form
        .get("choice")
        .parse::<usize>()
        .ok()
        .filter(|i| *i < q.choices.len())
    {
        None => errors.add(field, "error-choice-unknown"),
        Some(i) if !form.get("remove").is_empty() => q.choices[i].image.clear(),
        Some(i) => match crate::web::upload::store_cover(&state, form.files("image").next()).await? {
            Ok(name) => q.choices[i].image = name,
            Err(code) => errors.add(field, code),
        },
    }
    if !errors.is_empty() {
        return owner_page(&state, &ctx, &step, Failed { errors, values: vec![] }).await;
    }
    forms::update_question(&state.db, qid, &q).await?;
    Ok(back(&state, &step, &format!("question-{qid}")))
}
