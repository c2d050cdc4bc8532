//! SAML without the `saml` feature: nothing is read or checked.

use super::{Idp, Person, SamlError};
use crate::config::Config;

pub fn read_metadata(_xml: &str) -> Result<Idp, &'static str> {
    Err("error-saml-unavailable")
}

pub fn sp_metadata(_config: &Config) -> Result<String, SamlError> {
    Err(SamlError::Unavailable)
}

pub fn authn_request(_config: &Config, _idp_metadata: &str, _relay_state: &str) -> Result<(String, String), SamlError> {
    Err(SamlError::Unavailable)
}

pub fn verify_response(
    _config: &Config,
    _idp_metadata: &str,
    _saml_response: &str,
    _request_id: &str,
) -> Result<Person, SamlError> {
    Err(SamlError::Unavailable)
}
