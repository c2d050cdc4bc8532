//! Back office: configuring a collect step — rules, standard fields, custom
//! questions, categories and proposal statuses.

use axum::extract::{RawForm, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::colour::Rgb;
use participe_domain::form::{Question, RawQuestion, parse_optional_count};
use participe_domain::permission::Action;
use participe_domain::proposal::{FieldMode, StandardField, parse_prefix};
use participe_domain::step::StepType;
use participe_domain::text;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::collect::{self, SettingsUpdate};
use crate::storage::steps::{self, Step};
use crate::storage::{StoreError, forms, projects};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, pairs, redirect_with_flash, value as get};
use crate::web::render;

/// A collect step, or 404.
async fn collect_step(state: &AppState, id: i64) -> AppResult<Step> {
    steps::by_id(&state.db, id)
        .await?
        .filter(|s| s.step_type == StepType::Collect.as_str())
        .ok_or_else(AppError::not_found)
}

/// Which form of the page failed, so its errors show next to it.
#[derive(Default)]
struct Failed {
    errors: FieldErrors,
    /// Submitted values of the failed form, by field name.
    values: Vec<(String, String)>,
}

async fn page(state: &AppState, ctx: &Ctx, step: &Step, failed: Failed) -> AppResult<Response> {
    let project = projects::by_id(&state.db, step.project_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let c = collect::get_or_create(&state.db, step.id).await?;
    let questions: Vec<_> = forms::questions(&state.db, c.settings.form_id)
        .await?
        .into_iter()
        .map(|q| {
            view! { id => q.id, kind => q.kind.as_str(), label => q.label, help => q.help, required => q.required,
            min => q.min, max => q.max, choices => q.choices.join("\n"), allow_other => q.allow_other }
        })
        .collect();
    let categories = collect::categories(&state.db, step.id).await?;
    let statuses = collect::statuses(&state.db, step.id).await?;
    let kinds: Vec<&str> = participe_domain::form::QuestionKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    let values: std::collections::BTreeMap<String, String> = failed.values.into_iter().collect();
    let is_failed = !failed.errors.is_empty();
    let html = render::page(
        state,
        ctx,
        "admin/collect.html",
        view! {
            project,
            step,
            settings => c.settings,
            fields => c.fields,
            questions,
            categories,
            statuses,
            kinds,
            values,
            errors => errors_value(&state.i18n, ctx.lang, &failed.errors),
        },
    )
    .await?;
    Ok(crate::web::form::form_response(html, is_failed))
}

fn back(state: &AppState, step_id: i64, anchor: &str) -> Response {
    redirect_with_flash(
        state,
        &format!("/admin/steps/{step_id}/collect#{anchor}"),
        "flash-saved",
    )
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    page(&state, &ctx, &step, Failed::default()).await
}

/// Saves the rules and the mode and help of each standard field.
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    let p = pairs(&raw);
    let mut errors = FieldErrors::new();
    let prefix = errors.check("reference_prefix", parse_prefix(get(&p, "reference_prefix")));
    let max_cost = errors
        .check("max_cost", parse_optional_count(get(&p, "max_cost")))
        .flatten();
    let min_age = errors
        .check("min_age", parse_optional_count(get(&p, "min_age")))
        .flatten();
    if min_age.is_some_and(|a| a > 120) {
        errors.add("min_age", "error-number-too-large");
    }
    let max_per_person = errors
        .check("max_per_person", parse_optional_count(get(&p, "max_per_person")))
        .flatten()
        .unwrap_or(0);
    let mut fields = Vec::new();
    for f in StandardField::ALL {
        let name = format!("mode-{}", f.as_str());
        let mode = errors.check(name, FieldMode::parse(get(&p, &format!("mode-{}", f.as_str()))));
        let help = errors.check(
            format!("help-{}", f.as_str()),
            text::long_text(get(&p, &format!("help-{}", f.as_str())), 500),
        );
        if let (Some(m), Some(h)) = (mode, help) {
            fields.push((f, m, h));
        }
    }
    let Some(prefix) = prefix.filter(|_| errors.is_empty()) else {
        return page(&state, &ctx, &step, Failed { errors, values: p }).await;
    };
    let update = SettingsUpdate {
        reference_prefix: &prefix,
        max_cost,
        min_age,
        max_per_person,
        fields: &fields,
    };
    collect::save(&state.db, id, &update).await?;
    Ok(back(&state, id, "settings"))
}

/// A question form. Its fields are named `q-new-…` (new question) or
/// `q-ID-…` (existing one), so that several can stand on one page with
/// distinct ids for their labels and error messages.
#[derive(Default, Clone)]
pub struct QuestionForm {
    kind: String,
    label: String,
    help: String,
    required: Option<String>,
    min: String,
    max: String,
    choices: String,
    allow_other: Option<String>,
}

impl QuestionForm {
    fn from_raw(raw: &[u8], prefix: &str) -> QuestionForm {
        let mut f = QuestionForm::default();
        for (k, v) in pairs(raw) {
            let Some(name) = k.strip_prefix(prefix) else { continue };
            match name {
                "kind" => f.kind = v,
                "label" => f.label = v,
                "help" => f.help = v,
                "required" => f.required = Some(v),
                "min" => f.min = v,
                "max" => f.max = v,
                "choices" => f.choices = v,
                "allow_other" => f.allow_other = Some(v),
                _ => {}
            }
        }
        f
    }

    fn parse(&self) -> Result<Question, FieldErrors> {
        Question::parse(&RawQuestion {
            kind: &self.kind,
            label: &self.label,
            help: &self.help,
            required: self.required.is_some(),
            min: &self.min,
            max: &self.max,
            choices: &self.choices,
            allow_other: self.allow_other.is_some(),
        })
    }

    fn values(&self, prefix: &str) -> Vec<(String, String)> {
        [
            ("kind", &self.kind),
            ("label", &self.label),
            ("help", &self.help),
            ("min", &self.min),
            ("max", &self.max),
            ("choices", &self.choices),
        ]
        .into_iter()
        .map(|(k, v)| (format!("{prefix}{k}"), v.clone()))
        .chain(
            self.required
                .as_ref()
                .map(|_| (format!("{prefix}required"), "on".to_string())),
        )
        .chain(
            self.allow_other
                .as_ref()
                .map(|_| (format!("{prefix}allow_other"), "on".to_string())),
        )
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
    let f = QuestionForm::from_raw(&raw, "q-new-");
    let step = collect_step(&state, id).await?;
    match f.parse() {
        Ok(q) => {
            let c = collect::get_or_create(&state.db, id).await?;
            forms::add_question(&state.db, c.settings.form_id, &q).await?;
            Ok(back(&state, id, "questions"))
        }
        Err(e) => {
            page(
                &state,
                &ctx,
                &step,
                Failed {
                    errors: prefixed(e, "q-new-"),
                    values: f.values("q-new-"),
                },
            )
            .await
        }
    }
}

/// The collect step a question belongs to.
async fn step_of_question(state: &AppState, qid: i64) -> AppResult<Step> {
    let form_id = forms::form_of_question(&state.db, qid).await?;
    let step_id: i64 = crate::on_db!(&state.db, |p| sqlx::query_scalar(
        "SELECT step_id FROM collect_settings WHERE form_id = $1"
    )
    .bind(form_id)
    .fetch_optional(p)
    .await)
    .map_err(StoreError::from)?
    .ok_or_else(AppError::not_found)?;
    collect_step(state, step_id).await
}

pub async fn update_question(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let f = QuestionForm::from_raw(&raw, &format!("q-{qid}-"));
    let step = step_of_question(&state, qid).await?;
    match f.parse() {
        Ok(q) => {
            forms::update_question(&state.db, qid, &q).await?;
            Ok(back(&state, step.id, &format!("question-{qid}")))
        }
        Err(e) => {
            let prefix = format!("q-{qid}-");
            page(
                &state,
                &ctx,
                &step,
                Failed {
                    errors: prefixed(e, &prefix),
                    values: f.values(&prefix),
                },
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    direction: String,
}

pub async fn move_question(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
    HtmlForm(f): HtmlForm<MoveForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = step_of_question(&state, qid).await?;
    let up = match f.direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::bad_request("direction must be up or down")),
    };
    forms::move_question(&state.db, qid, up).await?;
    Ok(back(&state, step.id, "questions"))
}

pub async fn delete_question(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(qid): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = step_of_question(&state, qid).await?;
    forms::delete_question(&state.db, qid).await?;
    Ok(back(&state, step.id, "questions"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CategoryForm {
    #[serde(rename = "category-name")]
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    #[serde(rename = "status-name")]
    name: String,
    #[serde(rename = "status-colour")]
    colour: String,
}

pub async fn add_category(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<CategoryForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    let mut errors = FieldErrors::new();
    if let Some(name) = errors.check("category-name", text::title(&f.name)) {
        match collect::add_category(&state.db, id, &name).await {
            Ok(_) => return Ok(back(&state, id, "categories")),
            Err(StoreError::Conflict(_)) => errors.add("category-name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    page(
        &state,
        &ctx,
        &step,
        Failed {
            errors,
            values: vec![("category-name".into(), f.name)],
        },
    )
    .await
}

pub async fn delete_category(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((id, cid)): PathParams<(i64, i64)>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    collect_step(&state, id).await?;
    collect::delete_category(&state.db, id, cid).await?;
    Ok(back(&state, id, "categories"))
}

pub async fn add_status(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<StatusForm>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let step = collect_step(&state, id).await?;
    let mut errors = FieldErrors::new();
    let name = errors.check("status-name", text::title(&f.name));
    // Status badges carry white text: the same contrast rule as brand colours.
    let colour = errors.check("status-colour", participe_domain::colour::parse_brand_colour(&f.colour));
    if let (Some(name), Some(colour)) = (name, colour) {
        match collect::add_status(&state.db, id, &name, &Rgb::to_hex(colour)).await {
            Ok(_) => return Ok(back(&state, id, "statuses")),
            Err(StoreError::Conflict(_)) => errors.add("status-name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    let values = vec![("status-name".into(), f.name), ("status-colour".into(), f.colour)];
    page(&state, &ctx, &step, Failed { errors, values }).await
}

pub async fn delete_status(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(sid): PathParams<i64>,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let status = collect::status(&state.db, sid).await?.ok_or_else(AppError::not_found)?;
    collect::delete_status(&state.db, sid).await?;
    Ok(back(&state, status.step_id, "statuses"))
}
