//! SAML 2.0 log-in for staff directories, as a service provider: its own
//! metadata at a fixed address, the identity provider's metadata read (its
//! single sign-on address and signing certificates, required), the
//! SP-initiated request (HTTP-Redirect) and the signed answer checked
//! (HTTP-POST: signature against the metadata's certificates, issuer,
//! audience, recipient, validity times and the request it answers).
//!
//! The checks are `samael`'s, on libxmlsec1: built with the `saml` Cargo
//! feature (`xmlsec.rs`); without it every call says SAML is unavailable
//! (`unavailable.rs`) and the back office refuses SAML providers.

use std::collections::BTreeMap;

use crate::config::Config;

#[cfg(feature = "saml")]
mod xmlsec;
#[cfg(feature = "saml")]
pub use xmlsec::{authn_request, read_metadata, sp_metadata, verify_response};

#[cfg(not(feature = "saml"))]
mod unavailable;
#[cfg(not(feature = "saml"))]
pub use unavailable::{authn_request, read_metadata, sp_metadata, verify_response};

/// Whether this build checks SAML answers.
pub const AVAILABLE: bool = cfg!(feature = "saml");

/// Largest metadata document read (bytes).
pub const MAX_METADATA: usize = 1 << 20;

/// An identity provider as its metadata describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Idp {
    pub entity_id: String,
    /// Where log-in requests go (HTTP-Redirect binding).
    pub sso_url: String,
    /// Signing certificates found.
    pub certificates: usize,
}

/// A person as a signed answer describes them.
#[derive(Debug, Clone)]
pub struct Person {
    /// The NameID: who they are for this provider.
    pub subject: String,
    pub claims: BTreeMap<String, String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SamlError {
    #[error("this server was built without SAML (the `saml` feature)")]
    Unavailable,
    #[error("metadata: {0}")]
    Metadata(&'static str),
    #[error("request: {0}")]
    Request(String),
    #[error("answer refused: {0}")]
    Response(String),
}

/// This service provider's entity id: the address of its metadata.
pub fn entity_id(config: &Config) -> String {
    format!("{}/saml/metadata", config.public_url)
}

/// Where identity providers send their answers (HTTP-POST).
pub fn acs_url(config: &Config) -> String {
    format!("{}/saml/acs", config.public_url)
}

/// Downloads an identity provider's metadata (10 seconds, 1 MiB at most).
pub async fn fetch_metadata(url: &str) -> Result<String, &'static str> {
    let client = openidconnect::reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .redirect(openidconnect::reqwest::redirect::Policy::limited(3))
        .build()
        .map_err(|_| "error-saml-metadata-fetch")?;
    let res = client.get(url).send().await.map_err(|_| "error-saml-metadata-fetch")?;
    if !res.status().is_success() {
        return Err("error-saml-metadata-fetch");
    }
    let bytes = res.bytes().await.map_err(|_| "error-saml-metadata-fetch")?;
    if bytes.len() > MAX_METADATA {
        return Err("error-saml-metadata-too-large");
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| "error-saml-metadata-unreadable")
}
