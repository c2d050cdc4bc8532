//! The SAML identity provider of the SAML tests: e2e/idp/saml.mjs (the
//! `samlify` npm package), started by node like the OpenID Connect one, and
//! a browser on its side that logs in there and brings back the answer it
//! would post to Participe.

use std::process::Child;
use std::sync::OnceLock;

use super::idp::{PUBLIC_URL, npm_package, start_node};

pub struct SamlIdp {
    /// Its metadata address (also its entity id).
    pub metadata_url: String,
    _child: Child,
}

fn start(clock_offset_seconds: i64) -> Option<SamlIdp> {
    if !npm_package("samlify", "SAML tests need the SAML identity provider") {
        return None;
    }
    let config = serde_json::json!({
        "sp_entity_id": format!("{PUBLIC_URL}/saml/metadata"),
        "acs_url": format!("{PUBLIC_URL}/saml/acs"),
        "clock_offset_seconds": clock_offset_seconds,
    });
    let (child, line) = start_node("idp/saml.mjs", &config, "saml-idp");
    let metadata_url = line
        .strip_prefix("METADATA ")
        .unwrap_or_else(|| panic!("the SAML provider did not start: {line}"))
        .trim()
        .to_string();
    Some(SamlIdp {
        metadata_url,
        _child: child,
    })
}

/// The provider, started once for this test binary.
pub fn saml_idp() -> Option<&'static SamlIdp> {
    static IDP: OnceLock<Option<SamlIdp>> = OnceLock::new();
    IDP.get_or_init(|| start(0)).as_ref()
}

/// A second provider whose clock is an hour late: its answers have expired.
pub fn late_saml_idp() -> Option<&'static SamlIdp> {
    static IDP: OnceLock<Option<SamlIdp>> = OnceLock::new();
    IDP.get_or_init(|| start(-3600)).as_ref()
}

/// What the provider's page posts to Participe.
pub struct Answer {
    pub action: String,
    pub saml_response: String,
    pub relay_state: String,
}

/// Logs in at the provider as `login` (the request's address, `url`, with
/// the `login` parameter that skips its form) and reads the answer form.
pub async fn through_saml_idp(url: &str, login: &str) -> Answer {
    let res = reqwest::get(format!("{url}&login={login}")).await.unwrap();
    assert!(res.status().is_success(), "the SAML provider answered {}", res.status());
    let html = scraper::Html::parse_document(&res.text().await.unwrap());
    let pick = |css: &str, attr: &str| {
        html.select(&scraper::Selector::parse(css).unwrap())
            .next()
            .and_then(|e| e.value().attr(attr))
            .unwrap_or_default()
            .to_string()
    };
    Answer {
        action: pick("form#saml-post", "action"),
        saml_response: pick("form#saml-post input[name=SAMLResponse]", "value"),
        relay_state: pick("form#saml-post input[name=RelayState]", "value"),
    }
}
