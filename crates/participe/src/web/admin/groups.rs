//! Back office: groups of users (administrators only). Members come by hand
//! (an account's email), by a CSV of emails, by invitation (an expiring link
//! sent by email) or through a single sign-on provider granting the group.

use axum::extract::{Multipart, Query, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::group::{self as rules, GroupInput, RawGroup, Source};
use participe_domain::permission::Action;
use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::services::groups as service;
use crate::storage::groups::{self as store, Group};
use crate::storage::{StoreError, users};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::pagination::{PageQuery, Pager};
use crate::web::render;
use crate::web::upload::read_multipart;

const BASE: &str = "/admin/groups";
/// Members shown per page.
const PER_PAGE: i64 = 50;
/// Most invitations sent by one submission.
const MAX_INVITATIONS: usize = 200;

#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(default)]
pub struct GroupForm {
    name: String,
    description: String,
}

impl GroupForm {
    fn parse(&self) -> Result<GroupInput, FieldErrors> {
        GroupInput::parse(&RawGroup {
            name: &self.name,
            description: &self.description,
        })
    }
}

#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(default)]
pub struct MemberForm {
    email: String,
}

#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(default)]
pub struct InviteForm {
    email: String,
    days: String,
}

fn name_taken() -> FieldErrors {
    let mut e = FieldErrors::new();
    e.add("name", "error-name-taken");
    e
}

async fn list_page(state: &AppState, ctx: &Ctx, form: &GroupForm, errors: &FieldErrors) -> AppResult<Response> {
    let groups = store::list(&state.db).await?;
    let html = render::page(
        state,
        ctx,
        "admin/groups.html",
        view! { groups, form, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    list_page(&state, &ctx, &GroupForm::default(), &FieldErrors::new()).await
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<GroupForm>) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let input = match f.parse() {
        Ok(input) => input,
        Err(errors) => return list_page(&state, &ctx, &f, &errors).await,
    };
    match store::create(&state.db, &input).await {
        Ok(id) => Ok(redirect_with_flash(
            &state,
            &format!("{BASE}/{id}"),
            "flash-group-saved",
        )),
        Err(StoreError::Conflict(_)) => list_page(&state, &ctx, &f, &name_taken()).await,
        Err(e) => Err(e.into()),
    }
}

/// What a group's page shows besides the group: the forms' values and
/// errors after a failed submission, and a CSV import's refused lines or
/// its emails without an account.
#[derive(Default)]
struct Forms {
    group: Option<GroupForm>,
    group_errors: FieldErrors,
    member: MemberForm,
    member_errors: FieldErrors,
    invite: InviteForm,
    invite_errors: FieldErrors,
    import_errors: Vec<(usize, String)>,
    missing: Vec<String>,
}

/// An invitation not used yet, and whether it has expired.
#[derive(Serialize)]
struct Pending {
    #[serde(flatten)]
    invitation: store::Invitation,
    expired: bool,
}

async fn group(state: &AppState, id: i64) -> AppResult<Group> {
    store::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)
}

async fn page(state: &AppState, ctx: &Ctx, g: &Group, q: &PageQuery, forms: Forms) -> AppResult<Response> {
    let pager = Pager::new(q, PER_PAGE, g.members);
    let members = store::members(&state.db, g.id, PER_PAGE, pager.offset()).await?;
    let now = chrono::Utc::now();
    let invitations: Vec<Pending> = store::pending(&state.db, g.id)
        .await?
        .into_iter()
        .map(|i| Pending {
            expired: i.expires_at <= now,
            invitation: i,
        })
        .collect();
    let failed = !(forms.group_errors.is_empty()
        && forms.member_errors.is_empty()
        && forms.invite_errors.is_empty()
        && forms.import_errors.is_empty());
    let form = forms.group.unwrap_or_else(|| GroupForm {
        name: g.name.clone(),
        description: g.description.clone(),
    });
    let import_errors: Vec<minijinja::Value> = forms
        .import_errors
        .into_iter()
        .map(|(line, message)| view! { line, message })
        .collect();
    let e = |errors: &FieldErrors| errors_value(&state.i18n, ctx.lang, errors);
    let html = render::page(
        state,
        ctx,
        "admin/group.html",
        view! {
            group => g, members, pager, invitations, form, errors => e(&forms.group_errors),
            member => forms.member, member_errors => e(&forms.member_errors),
            invite => forms.invite, invite_errors => e(&forms.invite_errors),
            import_errors, missing => forms.missing,
            default_days => rules::DEFAULT_INVITATION_DAYS, max_days => rules::MAX_INVITATION_DAYS,
        },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let g = group(&state, id).await?;
    page(&state, &ctx, &g, &q, Forms::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<GroupForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let g = group(&state, id).await?;
    let failed = |errors| Forms {
        group: Some(f.clone()),
        group_errors: errors,
        ..Forms::default()
    };
    let input = match f.parse() {
        Ok(input) => input,
        Err(errors) => return page(&state, &ctx, &g, &PageQuery::default(), failed(errors)).await,
    };
    match store::update(&state.db, id, &input).await {
        Ok(_) => Ok(redirect_with_flash(
            &state,
            &format!("{BASE}/{id}"),
            "flash-group-saved",
        )),
        Err(StoreError::Conflict(_)) => page(&state, &ctx, &g, &PageQuery::default(), failed(name_taken())).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    if !store::delete(&state.db, id).await? {
        return Err(AppError::not_found());
    }
    Ok(redirect_with_flash(&state, BASE, "flash-group-deleted"))
}

/// Adds the account with this email.
pub async fn add_member(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MemberForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let g = group(&state, id).await?;
    let user = match participe_domain::email::parse(&f.email) {
        Ok(email) => users::by_email(&state.db, &email)
            .await?
            .filter(|u| u.deleted_at.is_none()),
        Err(_) => None,
    };
    let Some(user) = user else {
        let mut errors = FieldErrors::new();
        errors.add("member-email", "error-group-no-account");
        let forms = Forms {
            member: f,
            member_errors: errors,
            ..Forms::default()
        };
        return page(&state, &ctx, &g, &PageQuery::default(), forms).await;
    };
    store::add_member(&state.db, g.id, user.id, Source::Manual).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("{BASE}/{id}"),
        "flash-group-member-added",
    ))
}

pub async fn remove_member(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((id, user_id)): PathParams<(i64, i64)>,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    if !store::remove_member(&state.db, id, user_id).await? {
        return Err(AppError::not_found());
    }
    Ok(redirect_with_flash(
        &state,
        &format!("{BASE}/{id}"),
        "flash-group-member-removed",
    ))
}

/// Adds the accounts of a CSV list of emails, checked all or nothing; the
/// page then lists the addresses that have no account (to invite them).
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let g = group(&state, id).await?;
    let form = read_multipart(multipart).await?;
    let import_errors = match form.csv_list(&state.i18n, ctx.lang, rules::parse_emails) {
        Err(errors) => errors,
        Ok(emails) => {
            let (added, missing) = store::add_by_emails(&state.db, g.id, &emails).await?;
            tracing::info!(group = g.id, added, missing = missing.len(), "group members imported");
            if missing.is_empty() {
                return Ok(redirect_with_flash(
                    &state,
                    &format!("{BASE}/{id}"),
                    "flash-group-imported",
                ));
            }
            let g = group(&state, id).await?;
            let forms = Forms {
                missing,
                ..Forms::default()
            };
            return page(&state, &ctx, &g, &PageQuery::default(), forms).await;
        }
    };
    let forms = Forms {
        import_errors,
        ..Forms::default()
    };
    page(&state, &ctx, &g, &PageQuery::default(), forms).await
}

/// Sends invitations to one address or several (one per line, or separated
/// by commas or semicolons).
pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<InviteForm>,
) -> AppResult<Response> {
    let admin = ctx.require(Action::ManageUsers)?;
    let g = group(&state, id).await?;
    let mut errors = FieldErrors::new();
    let emails: Vec<String> = f
        .email
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(participe_domain::email::parse)
        .collect::<Result<_, _>>()
        .map_err(|e| errors.add("invite-email", e))
        .unwrap_or_default();
    if emails.is_empty() && errors.is_empty() {
        errors.add("invite-email", "error-required");
    }
    if emails.len() > MAX_INVITATIONS {
        errors.add("invite-email", "error-group-invitations-too-many");
    }
    let days = errors.check("invite-days", rules::invitation_days(&f.days));
    let Some(days) = days.filter(|_| errors.is_empty()) else {
        let forms = Forms {
            invite: f,
            invite_errors: errors,
            ..Forms::default()
        };
        return page(&state, &ctx, &g, &PageQuery::default(), forms).await;
    };
    for email in &emails {
        service::invite(
            &state.db,
            &state.config,
            &state.i18n,
            ctx.lang,
            &g,
            email,
            days,
            admin.id,
        )
        .await?;
    }
    Ok(redirect_with_flash(
        &state,
        &format!("{BASE}/{id}"),
        "flash-group-invited",
    ))
}

pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((id, invitation)): PathParams<(i64, i64)>,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    if !store::revoke(&state.db, id, invitation).await? {
        return Err(AppError::not_found());
    }
    Ok(redirect_with_flash(
        &state,
        &format!("{BASE}/{id}"),
        "flash-group-invitation-revoked",
    ))
}
