//! Single sign-on providers (OpenID Connect): their settings form, the
//! FranceConnect preset, and what a provider's claims say about a person.
//! No I/O: the web layer talks to the provider, this module decides.

use std::collections::BTreeMap;

use crate::{FieldErrors, Role, text};

/// Longest issuer address, client id or claim name accepted.
pub const MAX_FIELD: usize = 500;
/// Longest slug (the provider's part of its addresses).
pub const MAX_SLUG: usize = 40;

/// What kind of provider: any OpenID Connect provider, or FranceConnect
/// (the State's identity federation) in one of its two environments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Oidc,
    FranceConnectIntegration,
    FranceConnectProduction,
    /// A SAML 2.0 identity provider (staff directories), known by its metadata.
    Saml,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Oidc,
        Kind::FranceConnectIntegration,
        Kind::FranceConnectProduction,
        Kind::Saml,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Oidc => "oidc",
            Kind::FranceConnectIntegration => "franceconnect_integration",
            Kind::FranceConnectProduction => "franceconnect",
            Kind::Saml => "saml",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn is_franceconnect(self) -> bool {
        matches!(self, Kind::FranceConnectIntegration | Kind::FranceConnectProduction)
    }

    /// The issuer a preset always uses (FranceConnect v2's published ones).
    pub fn preset_issuer(self) -> Option<&'static str> {
        match self {
            Kind::Oidc | Kind::Saml => None,
            Kind::FranceConnectIntegration => Some("https://fcp-low.sbx.dev-franceconnect.fr/api/v2"),
            Kind::FranceConnectProduction => Some("https://oidc.franceconnect.gouv.fr/api/v2"),
        }
    }

    /// The scopes a preset asks for (the claims FranceConnect offers for a profile).
    pub fn preset_scopes(self) -> Option<&'static str> {
        match self {
            Kind::Oidc => None,
            // SAML has no scopes: the provider sends the attributes it releases.
            Kind::Saml => Some(""),
            _ => Some("openid given_name family_name birthdate email"),
        }
    }

    /// `acr_values` a preset sends with the authorisation request.
    pub fn preset_acr_values(self) -> Option<&'static str> {
        match self {
            Kind::Oidc | Kind::Saml => None,
            _ => Some("eidas1"),
        }
    }
}

/// A provider's form as submitted.
#[derive(Debug, Default, Clone)]
pub struct RawProvider<'a> {
    pub kind: &'a str,
    pub slug: &'a str,
    pub label: &'a str,
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub scopes: &'a str,
    /// The claim holding the name shown on the site (empty: "name").
    pub name_claim: &'a str,
    /// "on" when only staff may use it.
    pub staff_only: &'a str,
    /// A role given to its users (empty: none).
    pub grant_role: &'a str,
    pub enabled: &'a str,
    /// "on" when the provider vouches for who people are (a verified
    /// identity for the vote requirements, with its birth date).
    pub verifies_identity: &'a str,
    /// `acr_values` to send (empty: none).
    pub acr_values: &'a str,
    /// A group everyone logging in through it joins (its id; empty: none).
    pub grant_group: &'a str,
}

/// A valid provider's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderInput {
    pub kind: Kind,
    pub slug: String,
    pub label: String,
    pub issuer: String,
    pub client_id: String,
    /// Space-separated, always with `openid`.
    pub scopes: String,
    pub name_claim: String,
    pub staff_only: bool,
    pub grant_role: Option<Role>,
    pub enabled: bool,
    pub verifies_identity: bool,
    pub acr_values: Option<String>,
    pub grant_group: Option<i64>,
}

/// A provider's slug: lowercase letters, digits and dashes.
pub fn slug(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    let ok = s.len() <= MAX_SLUG
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-');
    if ok { Ok(s.to_string()) } else { Err("error-sso-slug") }
}

/// An issuer address: `https://`, or `http://` on this machine only (tests
/// and local providers). No query, fragment or spaces; no trailing slash kept.
pub fn issuer(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    let rest = if let Some(rest) = s.strip_prefix("https://") {
        rest
    } else if let Some(rest) = s.strip_prefix("http://") {
        let host = rest.split(['/', ':']).next().unwrap_or("");
        let host = if rest.starts_with("[::1]") { "[::1]" } else { host };
        if !matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
            return Err("error-sso-issuer-https");
        }
        rest
    } else {
        return Err("error-sso-issuer");
    };
    let host = rest.split('/').next().unwrap_or("");
    let bad = s.len() > MAX_FIELD
        || host.is_empty()
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '"' | '<' | '>'));
    if bad {
        return Err("error-sso-issuer");
    }
    Ok(s.to_string())
}

/// Scopes as typed (spaces or commas), deduplicated, `openid` first.
pub fn scopes(s: &str) -> Result<String, &'static str> {
    let mut out: Vec<&str> = vec!["openid"];
    for scope in s.split([' ', ',', '\n', '\r', '\t']).filter(|w| !w.is_empty()) {
        let ok = scope.len() <= 100 && scope.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\');
        if !ok {
            return Err("error-sso-scopes");
        }
        if !out.contains(&scope) {
            out.push(scope);
        }
    }
    if out.len() > 20 {
        return Err("error-sso-scopes");
    }
    Ok(out.join(" "))
}

/// A claim's name (a JSON key: letters, digits, `_`, `-`, `:`, `.`).
pub fn claim_name(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Ok("name".to_string());
    }
    let ok = s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':' | b'.'));
    if ok { Ok(s.to_string()) } else { Err("error-sso-claim") }
}

/// `acr_values` as typed: space-separated words, or nothing.
pub fn acr_values(s: &str) -> Result<Option<String>, &'static str> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let ok = words.len() <= 10
        && words
            .iter()
            .all(|w| w.len() <= 100 && w.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\'));
    if !ok {
        return Err("error-sso-acr");
    }
    Ok((!words.is_empty()).then(|| words.join(" ")))
}

fn client_id(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    if s.len() > MAX_FIELD || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("error-sso-client-id");
    }
    Ok(s.to_string())
}

/// Checks a provider's form. A FranceConnect preset takes its issuer and
/// scopes from the preset, whatever was typed.
pub fn parse(raw: &RawProvider) -> Result<ProviderInput, FieldErrors> {
    let mut errors = FieldErrors::new();
    let kind = Kind::parse(raw.kind.trim());
    if kind.is_none() {
        errors.add("kind", "error-choice-invalid");
    }
    let kind = kind.unwrap_or(Kind::Oidc);
    let slug = errors.check("slug", slug(raw.slug));
    let label = errors.check("label", text::title(raw.label));
    let issuer = match kind.preset_issuer() {
        Some(preset) => Some(preset.to_string()),
        // A SAML provider's metadata address, or none when it is pasted.
        None if kind == Kind::Saml && raw.issuer.trim().is_empty() => Some(String::new()),
        None => errors.check("issuer", issuer(raw.issuer)),
    };
    // A SAML service provider is known by its own metadata address.
    let client_id = if kind == Kind::Saml {
        Some(String::new())
    } else {
        errors.check("client_id", client_id(raw.client_id))
    };
    let scopes = match kind.preset_scopes() {
        Some(preset) => Some(preset.to_string()),
        None => errors.check("scopes", scopes(raw.scopes)),
    };
    let name_claim = errors.check("name_claim", claim_name(raw.name_claim));
    let staff_only = raw.staff_only == "on";
    let grant_role = match raw.grant_role.trim() {
        "" => None,
        r => errors.check("grant_role", Role::parse(r)),
    };
    if staff_only && !grant_role.is_some_and(Role::is_staff) {
        errors.add("grant_role", "error-sso-staff-role");
    }
    if kind.is_franceconnect() && staff_only {
        errors.add("staff_only", "error-sso-franceconnect-staff");
    }
    let acr = match kind.preset_acr_values() {
        Some(preset) => Some(Some(preset.to_string())),
        None => errors.check("acr_values", acr_values(raw.acr_values)),
    };
    let grant_group = match raw.grant_group.trim() {
        "" => None,
        g => errors.check("grant_group", g.parse::<i64>().map_err(|_| "error-choice-invalid")),
    };
    errors.into_result(|| ProviderInput {
        kind,
        slug: slug.unwrap_or_default(),
        label: label.unwrap_or_default(),
        issuer: issuer.unwrap_or_default(),
        client_id: client_id.unwrap_or_default(),
        scopes: scopes.unwrap_or_default(),
        name_claim: name_claim.unwrap_or_default(),
        staff_only,
        grant_role,
        enabled: raw.enabled == "on",
        // FranceConnect certifies identities; another provider when its
        // administrator says so.
        verifies_identity: kind.is_franceconnect() || raw.verifies_identity == "on",
        acr_values: acr.flatten(),
        grant_group,
    })
}

/// The name of the environment variable holding a provider's client secret
/// (secrets live in the configuration, never in the database):
/// `PARTICIPE_SSO_SECRET_` and the slug in capitals, dashes as underscores.
pub fn secret_variable(slug: &str) -> String {
    format!("PARTICIPE_SSO_SECRET_{}", slug.to_ascii_uppercase().replace('-', "_"))
}

/// What the provider's claims say about a person, as the site uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Lowercased, only when the provider says it verified it.
    pub verified_email: Option<String>,
    pub display_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    /// `YYYY-MM-DD` as the provider gave it (FranceConnect: certified).
    pub birthdate: Option<chrono::NaiveDate>,
}

/// Reads the claims (ID token and user info merged, string values) into a
/// profile. The display name comes from `name_claim`, else the given and
/// family names, else the email's local part, else "?" (never empty).
pub fn profile(claims: &BTreeMap<String, String>, name_claim: &str) -> Profile {
    let get = |k: &str| {
        claims
            .get(k)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let verified = matches!(claims.get("email_verified").map(String::as_str), Some("true"));
    let verified_email = get("email")
        .filter(|_| verified)
        .and_then(|e| crate::email::parse(&e).ok());
    let given_name = get("given_name");
    let family_name = get("family_name");
    let joined = [given_name.as_deref(), family_name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let from_email = verified_email
        .as_deref()
        .and_then(|e| e.split('@').next())
        .map(str::to_string);
    let display_name = get(name_claim)
        .or((!joined.is_empty()).then_some(joined))
        .or(from_email)
        .and_then(|n| text::display_name(&n.chars().take(text::MAX_NAME).collect::<String>()).ok())
        .unwrap_or_else(|| "?".to_string());
    let birthdate = get("birthdate").and_then(|b| chrono::NaiveDate::parse_from_str(&b, "%Y-%m-%d").ok());
    Profile {
        verified_email,
        display_name,
        given_name,
        family_name,
        birthdate,
    }
}

/// What a first log-in through a provider does, given what the site knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstLogin {
    /// The person started from their profile to link this provider.
    Link(i64),
    /// An account already has the verified email: it is never taken over;
    /// the person must sign in as usual and link from the profile.
    EmailTaken,
    /// A new account.
    Create,
}

/// `linking`: the account that asked to link, if any; `email_owner`: the
/// account with the profile's verified email, if any.
pub fn first_login(linking: Option<i64>, email_owner: Option<i64>) -> FirstLogin {
    match (linking, email_owner) {
        (Some(me), _) => FirstLogin::Link(me),
        (None, Some(_)) => FirstLogin::EmailTaken,
        (None, None) => FirstLogin::Create,
    }
}

/// The role after a log-in through a provider that grants `grant`: raised
/// to it, never lowered.
pub fn role_after_login(current: Role, grant: Option<Role>) -> Role {
    // Roles are ordered from the most powerful.
    grant.map_or(current, |g| g.min(current))
}

pub mod saml;

#[cfg(test)]
mod tests;
