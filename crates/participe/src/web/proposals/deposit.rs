//! Depositing a proposal (as a draft or submitted) and editing it, with the
//! step's standard fields, custom questions and rules.

use std::collections::BTreeMap;

use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use participe_domain::FieldErrors;
use participe_domain::form::{Completeness, Question, parse_answers_as};
use participe_domain::proposal::{
    CollectRules, DepositRefusal, FieldMode, ProposalInput, RawProposal, check_deposit, parse_birth_date,
};
use participe_domain::text;

use super::{CollectStep, author_may_change, collect_step, visible_proposal};
use crate::app::AppState;
use crate::files::{check_image, check_pdf, new_name};
use crate::images;
use crate::storage::proposals::{self, Proposal};
use crate::storage::users;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, errors_value, redirect_with_flash};
use crate::web::projects::visible_project;
use crate::web::questions::{Values, answer_pairs, grades, views, with_files};
use crate::web::render;
use crate::web::upload::{MultipartForm, read_multipart, store_cover};

/// At most this many PDF attachments per proposal, each at most 10 MB.
pub const MAX_ATTACHMENTS: usize = 3;
pub const MAX_PDF_BYTES: usize = 10 * 1024 * 1024;

/// The values the form shows: from a submitted form, or from a proposal.
struct ProposalValues;

impl ProposalValues {
    async fn from_proposal(state: &AppState, p: &Proposal, questions: &[Question]) -> AppResult<Values> {
        let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
        let mut pairs = vec![
            ("title".to_string(), p.title.clone()),
            ("image_alt".to_string(), p.image_alt.clone()),
            ("summary".into(), p.summary.clone()),
            ("description".into(), p.description.clone()),
            ("cost".into(), opt(p.cost)),
            ("district".into(), opt(p.district_id)),
            ("theme".into(), opt(p.theme_id)),
            ("category".into(), opt(p.category_id)),
            ("address".into(), p.address.clone()),
            ("latitude".into(), p.latitude.map(|x| x.to_string()).unwrap_or_default()),
            (
                "longitude".into(),
                p.longitude.map(|x| x.to_string()).unwrap_or_default(),
            ),
        ];
        let stored = proposals::answers(&state.db, p.id).await?;
        pairs.extend(answer_pairs(questions, &stored));
        Ok(Values::from_pairs(&pairs))
    }
}

/// The deposit/edit form page.
async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    cs: &CollectStep,
    proposal: Option<&Proposal>,
    values: &Values,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let need_birth_date =
        cs.collect.rules.min_age.is_some() && users::preferences(&state.db, user.id).await?.birth_date.is_none();
    let modes: BTreeMap<&str, &str> = cs.collect.fields.iter().map(|f| (f.field, f.mode)).collect();
    let helps: BTreeMap<&str, &str> = cs.collect.fields.iter().map(|f| (f.field, f.help.as_str())).collect();
    let page = render::page(
        state,
        ctx,
        "proposals/form.html",
        view! {
            project => cs.project,
            step => cs.step,
            proposal,
            modes,
            helps,
            questions => views(&cs.questions, 0, None),
            grades => grades(),
            districts => cs.districts,
            themes => cs.themes,
            categories => cs.categories,
            max_cost => cs.collect.rules.max_cost,
            min_age => cs.collect.rules.min_age,
            need_birth_date,
            values,
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    Ok(crate::web::form::form_response(page, !errors.is_empty()))
}

/// The page explaining why depositing is not possible now.
async fn refused(state: &AppState, ctx: &Ctx, why: DepositRefusal) -> AppResult<Response> {
    let text = view! { title_id => "deposit-refused-title", text_id => why.message_id() };
    Ok((
        StatusCode::FORBIDDEN,
        render::page(state, ctx, "message.html", text).await?,
    )
        .into_response())
}

/// Whether the signed-in user may deposit (`submitting` one more proposal)
/// in this step now. A missing date of birth is asked for in the form.
async fn deposit_check(
    state: &AppState,
    ctx: &Ctx,
    cs: &CollectStep,
    birth: Option<chrono::NaiveDate>,
    submitting: bool,
) -> AppResult<Result<(), DepositRefusal>> {
    let user = ctx.user()?;
    let submitted = if submitting {
        proposals::count_submitted(&state.db, cs.step.id, user.id).await?
    } else {
        0
    };
    let today = chrono::Utc::now().with_timezone(&state.config.timezone).date_naive();
    Ok(check_deposit(
        cs.state(),
        &cs.collect.rules,
        user.is_confirmed(),
        birth,
        today,
        submitted.clamp(0, u32::MAX as i64) as u32,
    ))
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((slug, step_id)): PathParams<(String, i64)>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let project = visible_project(&state, &ctx, &slug).await?;
    let cs = collect_step(&state, &ctx, &project, step_id).await?;
    let birth = users::preferences(&state.db, user.id).await?.birth_date;
    match deposit_check(&state, &ctx, &cs, birth, true).await? {
        Ok(()) | Err(DepositRefusal::BirthDateNeeded) => {
            form_page(&state, &ctx, &cs, None, &Values::default(), &FieldErrors::new()).await
        }
        Err(why) => refused(&state, &ctx, why).await,
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((slug, step_id)): PathParams<(String, i64)>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.user()?;
    let project = visible_project(&state, &ctx, &slug).await?;
    let cs = collect_step(&state, &ctx, &project, step_id).await?;
    let form = read_multipart(multipart).await?;
    save(&state, &ctx, &cs, None, form).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    ctx.user()?;
    let (proposal, cs) = visible_proposal(&state, &ctx, id).await?;
    if !author_may_change(&ctx, &proposal, &cs) {
        return Err(AppError::forbidden());
    }
    let values = ProposalValues::from_proposal(&state, &proposal, &cs.questions).await?;
    form_page(&state, &ctx, &cs, Some(&proposal), &values, &FieldErrors::new()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.user()?;
    let (proposal, cs) = visible_proposal(&state, &ctx, id).await?;
    if !author_may_change(&ctx, &proposal, &cs) {
        return Err(AppError::forbidden());
    }
    let form = read_multipart(multipart).await?;
    save(&state, &ctx, &cs, Some(proposal), form).await
}

/// Rules for a draft: nothing is required but the title.
fn relaxed(rules: &CollectRules) -> CollectRules {
    let mut r = rules.clone();
    for (_, m) in r.fields.iter_mut() {
        if *m == FieldMode::Required {
            *m = FieldMode::Optional;
        }
    }
    r
}

/// Checks and stores a submitted form (new or edited proposal).
async fn save(
    state: &AppState,
    ctx: &Ctx,
    cs: &CollectStep,
    existing: Option<Proposal>,
    form: MultipartForm,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let submitting = form.get("action") != "draft";
    let newly_submitted = submitting && existing.as_ref().is_none_or(|p| p.state == "draft");
    let mut errors = FieldErrors::new();

    // Age rules need a date of birth: take it from the form when missing.
    let mut birth = users::preferences(&state.db, user.id).await?.birth_date;
    let today = chrono::Utc::now().with_timezone(&state.config.timezone).date_naive();
    let mut new_birth = None;
    if cs.collect.rules.min_age.is_some() && birth.is_none() {
        match parse_birth_date(form.get("birth_date"), today) {
            Ok(d) => {
                birth = Some(d);
                new_birth = Some(d);
            }
            Err(code) => errors.add("birth_date", code),
        }
    }
    if !errors.has("birth_date") {
        match deposit_check(state, ctx, cs, birth, newly_submitted).await? {
            Ok(()) => {}
            Err(DepositRefusal::BirthDateNeeded) => errors.add("birth_date", "error-required"),
            Err(why) => return refused(state, ctx, why).await,
        }
    }

    let image = form.files("image").next();
    let pdfs: Vec<_> = form.files("attachments").collect();
    let rules = if submitting {
        cs.collect.rules.clone()
    } else {
        relaxed(&cs.collect.rules)
    };
    let raw = RawProposal {
        title: form.get("title"),
        summary: form.get("summary"),
        description: form.get("description"),
        cost: form.get("cost"),
        district: form.get("district"),
        theme: form.get("theme"),
        category: form.get("category"),
        address: form.get("address"),
        latitude: form.get("latitude"),
        longitude: form.get("longitude"),
        has_image: image.is_some() || existing.as_ref().is_some_and(|p| p.image_path.is_some()),
        has_attachment: !pdfs.is_empty()
            || match &existing {
                Some(p) => !proposals::attachments(&state.db, p.id).await?.is_empty(),
                None => false,
            },
    };
    let input = match ProposalInput::parse(&raw, &rules) {
        Ok(i) => Some(i),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    if let Some(i) = &input {
        if i.district.is_some_and(|d| !cs.districts.iter().any(|t| t.id == d)) {
            errors.add("district", "error-choice-unknown");
        }
        if i.theme.is_some_and(|d| !cs.themes.iter().any(|t| t.id == d)) {
            errors.add("theme", "error-choice-unknown");
        }
        if i.category.is_some_and(|d| !cs.categories.iter().any(|t| t.id == d)) {
            errors.add("category", "error-choice-unknown");
        }
    }
    let completeness = if submitting {
        Completeness::Complete
    } else {
        Completeness::Draft
    };
    let keep = match &existing {
        Some(p) => proposals::answers(&state.db, p.id).await?,
        None => vec![],
    };
    let (fields, file_errors) = with_files(state, &cs.questions, &form, &keep).await?;
    errors.0.extend(file_errors.0);
    let answers = match parse_answers_as(&cs.questions, &fields, completeness) {
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
    let image_kind = match image {
        Some(f) => errors.check("image", check_image(&f.bytes, state.config.max_upload_bytes)),
        None => None,
    };
    // Without a new image, a blank description keeps the stored one.
    let typed_alt = match (form.get("image_alt").trim(), image, &existing) {
        ("", None, Some(p)) => p.image_alt.as_str(),
        (typed, _, _) => typed,
    };
    let image_alt = errors
        .check("image_alt", text::image_alt(typed_alt, raw.has_image))
        .unwrap_or_default();
    if pdfs.len() > MAX_ATTACHMENTS {
        errors.add("attachments", "error-too-many-files");
    }
    for f in &pdfs {
        if let Err(code) = check_pdf(&f.bytes, MAX_PDF_BYTES) {
            errors.add("attachments", code);
            break;
        }
    }
    let Some(input) = input.filter(|_| errors.is_empty()) else {
        return form_page(
            state,
            ctx,
            cs,
            existing.as_ref(),
            &Values::from_pairs(&form.fields),
            &errors,
        )
        .await;
    };

    // Valid: store everything.
    if let Some(d) = new_birth {
        users::set_birth_date(&state.db, user.id, d).await?;
    }
    let id = match &existing {
        Some(p) => {
            proposals::update(&state.db, p.id, &input).await?;
            p.id
        }
        None => proposals::create_draft(&state.db, cs.step.id, user.id, &input).await?,
    };
    let stored: Vec<(i64, String)> = answers.iter().map(|(q, a)| (*q, a.to_storage())).collect();
    proposals::save_answers(&state.db, id, &stored).await?;
    let old_image = existing.as_ref().and_then(|p| p.image_path.clone());
    // Already checked above, so storing cannot refuse it.
    if let (Some(f), Some(_)) = (image, image_kind)
        && let Ok(name) = store_cover(state, Some(f)).await?
    {
        proposals::set_image(&state.db, id, Some(&name), &image_alt).await?;
        if let Some(old) = old_image {
            images::delete_with_variants(&*state.files, old).await?;
        }
    } else if old_image.is_some() {
        proposals::set_image(&state.db, id, old_image.as_deref(), &image_alt).await?;
    }
    for f in pdfs {
        let name = new_name(crate::files::ImageKind::Pdf);
        state.files.put(name.clone(), f.bytes.to_vec()).await?;
        let filename: String = f.filename.chars().filter(|c| !c.is_control()).take(200).collect();
        proposals::add_attachment(&state.db, id, &name, &filename, f.bytes.len() as i64).await?;
    }
    let flash = if newly_submitted {
        proposals::submit(&state.db, id).await?;
        "flash-proposal-submitted"
    } else if submitting {
        "flash-saved"
    } else {
        "flash-draft-saved"
    };
    Ok(redirect_with_flash(state, &format!("/proposals/{id}"), flash))
}

/// The author withdraws their proposal.
pub async fn withdraw(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.user()?;
    let (proposal, cs) = visible_proposal(&state, &ctx, id).await?;
    if !author_may_change(&ctx, &proposal, &cs) {
        return Err(AppError::forbidden());
    }
    proposals::withdraw(&state.db, id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/proposals/{id}"),
        "flash-proposal-withdrawn",
    ))
}
