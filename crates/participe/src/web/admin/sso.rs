//! Back office: single sign-on providers (administrators only). Their client
//! secrets are not typed here: each is read from its configuration variable,
//! and the page says whether it is set.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::permission::Action;
use participe_domain::sso::{self as rules, Kind, RawProvider};
use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::storage::StoreError;
use crate::storage::sso::{self as store, Provider};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;

const BASE: &str = "/admin/sso";

#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(default)]
pub struct ProviderForm {
    kind: String,
    slug: String,
    label: String,
    issuer: String,
    client_id: String,
    scopes: String,
    name_claim: String,
    staff_only: String,
    grant_role: String,
    enabled: String,
    verifies_identity: String,
    acr_values: String,
    grant_group: String,
}

impl ProviderForm {
    fn raw(&self) -> RawProvider<'_> {
        RawProvider {
            kind: &self.kind,
            slug: &self.slug,
            label: &self.label,
            issuer: &self.issuer,
            client_id: &self.client_id,
            scopes: &self.scopes,
            name_claim: &self.name_claim,
            staff_only: &self.staff_only,
            grant_role: &self.grant_role,
            enabled: &self.enabled,
            verifies_identity: &self.verifies_identity,
            acr_values: &self.acr_values,
            grant_group: &self.grant_group,
        }
    }

    fn of(p: &Provider) -> ProviderForm {
        let on = |b: bool| if b { "on" } else { "" }.to_string();
        ProviderForm {
            kind: p.kind.clone(),
            slug: p.slug.clone(),
            label: p.label.clone(),
            issuer: p.issuer.clone(),
            client_id: p.client_id.clone(),
            scopes: p.scopes.clone(),
            name_claim: p.name_claim.clone(),
            staff_only: on(p.staff_only),
            grant_role: p.grant_role.clone().unwrap_or_default(),
            enabled: on(p.enabled),
            verifies_identity: on(p.verifies_identity),
            acr_values: p.acr_values.clone().unwrap_or_default(),
            grant_group: p.grant_group_id.map(|g| g.to_string()).unwrap_or_default(),
        }
    }

    fn new_provider() -> ProviderForm {
        ProviderForm {
            kind: Kind::Oidc.as_str().into(),
            scopes: "openid email profile".into(),
            name_claim: "name".into(),
            enabled: "on".into(),
            ..Default::default()
        }
    }
}

/// A provider as the list shows it.
#[derive(Serialize)]
struct Row {
    #[serde(flatten)]
    provider: Provider,
    accounts: i64,
    secret_variable: String,
    secret_set: bool,
    callback: String,
}

/// The groups a provider may put its users in, for the form's list.
async fn group_options(state: &AppState, ctx: &Ctx) -> AppResult<Vec<(String, String)>> {
    let none = (String::new(), state.i18n.t(ctx.lang, "sso-grant-none", None));
    let groups = crate::storage::groups::list(&state.db).await?;
    Ok(std::iter::once(none)
        .chain(groups.into_iter().map(|g| (g.id.to_string(), g.name)))
        .collect())
}

/// The form checked, including that its group exists.
async fn checked(state: &AppState, f: &ProviderForm) -> AppResult<Result<rules::ProviderInput, FieldErrors>> {
    let input = match rules::parse(&f.raw()) {
        Ok(input) => input,
        Err(errors) => return Ok(Err(errors)),
    };
    if let Some(g) = input.grant_group
        && crate::storage::groups::by_id(&state.db, g).await?.is_none()
    {
        let mut errors = FieldErrors::new();
        errors.add("grant_group", "error-choice-invalid");
        return Ok(Err(errors));
    }
    Ok(Ok(input))
}

async fn list_page(state: &AppState, ctx: &Ctx, form: &ProviderForm, errors: &FieldErrors) -> AppResult<Response> {
    let counts = store::identity_counts(&state.db).await?;
    let rows: Vec<Row> = store::list(&state.db)
        .await?
        .into_iter()
        .map(|p| Row {
            accounts: counts.iter().find(|(id, _)| *id == p.id).map_or(0, |c| c.1),
            secret_variable: rules::secret_variable(&p.slug),
            secret_set: state.config.sso_secrets.contains_key(&p.slug),
            callback: crate::services::sso::callback_url(&state.config, &p.slug),
            provider: p,
        })
        .collect();
    let html = render::page(
        state,
        ctx,
        "admin/sso.html",
        view! {
            providers => rows, form, errors => errors_value(&state.i18n, ctx.lang, errors),
            public_url => state.config.public_url.clone(), group_options => group_options(state, ctx).await?,
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    form: &ProviderForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let html = render::page(
        state,
        ctx,
        "admin/sso_edit.html",
        view! {
            id, form, errors => errors_value(&state.i18n, ctx.lang, errors),
            secret_variable => rules::secret_variable(&form.slug),
            secret_set => state.config.sso_secrets.contains_key(&form.slug),
            callback => crate::services::sso::callback_url(&state.config, &form.slug),
            public_url => state.config.public_url.clone(),
            group_options => group_options(state, ctx).await?,
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    list_page(&state, &ctx, &ProviderForm::new_provider(), &FieldErrors::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<ProviderForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let input = match checked(&state, &f).await? {
        Ok(input) => input,
        Err(errors) => return list_page(&state, &ctx, &f, &errors).await,
    };
    match store::create(&state.db, &input).await {
        Ok(_) => Ok(redirect_with_flash(&state, BASE, "flash-sso-saved")),
        Err(StoreError::Conflict(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("slug", "error-sso-slug-taken");
            list_page(&state, &ctx, &f, &errors).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let p = store::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    edit_page(&state, &ctx, id, &ProviderForm::of(&p), &FieldErrors::new()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ProviderForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let before = store::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let input = match checked(&state, &f).await? {
        Ok(input) => input,
        Err(errors) => return edit_page(&state, &ctx, id, &f, &errors).await,
    };
    match store::update(&state.db, id, &input).await {
        Ok(true) => {
            state.sso.forget(&before.issuer);
            Ok(redirect_with_flash(&state, BASE, "flash-sso-saved"))
        }
        Ok(false) => Err(AppError::not_found()),
        Err(StoreError::Conflict(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("slug", "error-sso-slug-taken");
            edit_page(&state, &ctx, id, &f, &errors).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    if !store::delete(&state.db, id).await? {
        return Err(AppError::not_found());
    }
    Ok(redirect_with_flash(&state, BASE, "flash-sso-deleted"))
}
