//! Back office: single sign-on providers (administrators only). Their client
//! secrets are not typed here: each is read from its configuration variable,
//! and the page says whether it is set.

use axum::extract::{Request, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::permission::Action;
use participe_domain::sso::{self as rules, Kind, RawProvider};
use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::services::saml;
use crate::storage::StoreError;
use crate::storage::sso::{self as store, Provider};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;
use crate::web::upload::read_any;

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
    /// A SAML provider's metadata, pasted (else read from `issuer`).
    saml_metadata: String,
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
            // Read again from its address when there is one.
            saml_metadata: if p.issuer.is_empty() {
                p.saml_metadata.clone().unwrap_or_default()
            } else {
                String::new()
            },
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

/// A provider as the form gives it: its settings and, for SAML, its metadata.
struct Checked {
    input: rules::ProviderInput,
    saml_metadata: Option<String>,
}

/// The form checked, including that its group exists and, for a SAML
/// provider, its metadata (pasted, or read from its address).
async fn checked(state: &AppState, f: &ProviderForm) -> AppResult<Result<Checked, FieldErrors>> {
    let one = |field: &str, message: &'static str| {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Ok(Err(errors))
    };
    let input = match rules::parse(&f.raw()) {
        Ok(input) => input,
        Err(errors) => return Ok(Err(errors)),
    };
    if let Some(g) = input.grant_group
        && crate::storage::groups::by_id(&state.db, g).await?.is_none()
    {
        return one("grant_group", "error-choice-invalid");
    }
    if input.kind != Kind::Saml {
        return Ok(Ok(Checked {
            input,
            saml_metadata: None,
        }));
    }
    if !saml::AVAILABLE {
        return one("kind", "error-saml-unavailable");
    }
    let xml = match (f.saml_metadata.trim(), input.issuer.as_str()) {
        ("", "") => return one("saml_metadata", "error-saml-metadata-required"),
        ("", url) => match saml::fetch_metadata(url).await {
            Ok(xml) => xml,
            Err(e) => return one("issuer", e),
        },
        (pasted, _) => pasted.to_string(),
    };
    if let Err(e) = saml::read_metadata(&xml) {
        return one("saml_metadata", e);
    }
    Ok(Ok(Checked {
        input,
        saml_metadata: Some(xml),
    }))
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
            saml_entity_id => saml::entity_id(&state.config), saml_acs => saml::acs_url(&state.config),
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

/// A provider's page as stored, with the errors of a form sent from it
/// (its logo's).
pub(super) async fn edit_page_of(
    state: &AppState,
    ctx: &Ctx,
    p: &Provider,
    errors: &FieldErrors,
) -> AppResult<Response> {
    edit_page(state, ctx, p, &ProviderForm::of(p), errors).await
}

/// A provider's page with `form` as typed (its logo as stored).
async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    p: &Provider,
    form: &ProviderForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (id, logo) = (p.id, &p.logo_path);
    let html = render::page(
        state,
        ctx,
        "admin/sso_edit.html",
        view! {
            id, form, logo, errors => errors_value(&state.i18n, ctx.lang, errors),
            secret_variable => rules::secret_variable(&form.slug),
            secret_set => state.config.sso_secrets.contains_key(&form.slug),
            callback => crate::services::sso::callback_url(&state.config, &form.slug),
            public_url => state.config.public_url.clone(),
            group_options => group_options(state, ctx).await?,
            saml_entity_id => saml::entity_id(&state.config), saml_acs => saml::acs_url(&state.config),
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    list_page(&state, &ctx, &ProviderForm::new_provider(), &FieldErrors::new()).await
}

/// The provider form as sent (multipart, with a metadata file, or
/// URL-encoded): a metadata file replaces the pasted text; one that is not
/// text is refused (the pasted text is then kept).
async fn read(state: &AppState, req: Request) -> AppResult<(ProviderForm, FieldErrors)> {
    let sent = read_any(req, state).await?;
    let mut form: ProviderForm = sent.parse()?;
    let mut errors = FieldErrors::new();
    if let Some(file) = sent.files("saml_metadata_file").next() {
        match String::from_utf8(file.bytes.to_vec()) {
            Ok(xml) => form.saml_metadata = xml,
            Err(_) => errors.add("saml_metadata_file", "error-sso-saml-metadata-file"),
        }
    }
    Ok((form, errors))
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, req: Request) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let (f, errors) = read(&state, req).await?;
    if !errors.is_empty() {
        return list_page(&state, &ctx, &f, &errors).await;
    }
    let c = match checked(&state, &f).await? {
        Ok(c) => c,
        Err(errors) => return list_page(&state, &ctx, &f, &errors).await,
    };
    match store::create(&state.db, &c.input).await {
        Ok(id) => {
            if let Some(xml) = &c.saml_metadata {
                store::set_saml_metadata(&state.db, id, xml).await?;
            }
            Ok(redirect_with_flash(&state, BASE, "flash-sso-saved"))
        }
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
    edit_page_of(&state, &ctx, &p, &FieldErrors::new()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    req: Request,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let before = store::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let (f, errors) = read(&state, req).await?;
    if !errors.is_empty() {
        return edit_page(&state, &ctx, &before, &f, &errors).await;
    }
    let c = match checked(&state, &f).await? {
        Ok(c) => c,
        Err(errors) => return edit_page(&state, &ctx, &before, &f, &errors).await,
    };
    match store::update(&state.db, id, &c.input).await {
        Ok(true) => {
            if let Some(xml) = &c.saml_metadata {
                store::set_saml_metadata(&state.db, id, xml).await?;
            }
            state.sso.forget(&before.issuer);
            Ok(redirect_with_flash(&state, BASE, "flash-sso-saved"))
        }
        Ok(false) => Err(AppError::not_found()),
        Err(StoreError::Conflict(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("slug", "error-sso-slug-taken");
            edit_page(&state, &ctx, &before, &f, &errors).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let logo = store::by_id(&state.db, id).await?.and_then(|p| p.logo_path);
    if !store::delete(&state.db, id).await? {
        return Err(AppError::not_found());
    }
    if let Some(logo) = logo {
        state.files.delete(logo).await?;
    }
    Ok(redirect_with_flash(&state, BASE, "flash-sso-deleted"))
}
