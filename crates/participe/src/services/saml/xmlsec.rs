//! SAML through `samael` and libxmlsec1 (the `saml` feature).

use samael::metadata::{EntityDescriptor, HTTP_REDIRECT_BINDING};
use samael::service_provider::{ServiceProvider, ServiceProviderBuilder};
use samael::traits::ToXml;

use super::{Idp, Person, SamlError, acs_url, entity_id};
use crate::config::Config;
use crate::security::random_token;

/// An identity provider's metadata, read and checked: one IdP descriptor
/// with a single sign-on address (HTTP-Redirect) and at least one signing
/// certificate (answers must be signed; samael would accept unsigned ones
/// from metadata without certificates).
pub fn read_metadata(xml: &str) -> Result<Idp, &'static str> {
    checked(xml).map(|(_, idp)| idp)
}

/// The metadata parsed once, with what `read_metadata` checks of it.
fn checked(xml: &str) -> Result<(EntityDescriptor, Idp), &'static str> {
    if xml.len() > super::MAX_METADATA {
        return Err("error-saml-metadata-too-large");
    }
    let md: EntityDescriptor = xml.parse().map_err(|_| "error-saml-metadata-unreadable")?;
    let entity_id = md
        .entity_id
        .clone()
        .filter(|e| !e.trim().is_empty())
        .ok_or("error-saml-metadata-unreadable")?;
    let sp = provider_for(md.clone(), "", "");
    let sso_url = sp
        .sso_binding_location(HTTP_REDIRECT_BINDING)
        .ok_or("error-saml-metadata-no-sso")?;
    let certificates = sp
        .idp_signing_certs()
        .map_err(|_| "error-saml-metadata-certificate")?
        .map_or(0, |c| c.len());
    if certificates == 0 {
        return Err("error-saml-metadata-unsigned");
    }
    let idp = Idp {
        entity_id,
        sso_url,
        certificates,
    };
    Ok((md, idp))
}

fn provider_for(idp: EntityDescriptor, entity_id: &str, acs_url: &str) -> ServiceProvider {
    ServiceProvider {
        entity_id: Some(entity_id.to_string()),
        metadata_url: Some(entity_id.to_string()),
        acs_url: Some(acs_url.to_string()),
        slo_url: Some(acs_url.to_string()),
        idp_metadata: idp,
        allowed_signature_algorithms: Some(vec![
            samael::crypto::AllowedSignatureAlgorithm::RsaSha256,
            samael::crypto::AllowedSignatureAlgorithm::RsaSha384,
            samael::crypto::AllowedSignatureAlgorithm::RsaSha512,
            samael::crypto::AllowedSignatureAlgorithm::EcdsaSha256,
        ]),
        ..ServiceProvider::default()
    }
}

/// The service provider for `config`, trusting the identity provider
/// described by `idp_metadata` (checked again: it may predate a rule).
fn provider(config: &Config, idp_metadata: &str) -> Result<ServiceProvider, SamlError> {
    let (md, _) = checked(idp_metadata).map_err(SamlError::Metadata)?;
    Ok(provider_for(md, &entity_id(config), &acs_url(config)))
}

/// This service provider's metadata (no key: requests are not signed; it
/// wants signed assertions).
pub fn sp_metadata(config: &Config) -> Result<String, SamlError> {
    let sp = ServiceProviderBuilder::default()
        .entity_id(entity_id(config))
        .metadata_url(entity_id(config))
        .acs_url(acs_url(config))
        .slo_url(acs_url(config))
        .idp_metadata(EntityDescriptor::default())
        .build()
        .map_err(|e| SamlError::Request(e.to_string()))?;
    let md = sp.metadata().map_err(|e| SamlError::Request(e.to_string()))?;
    md.to_string().map_err(|e| SamlError::Request(e.to_string()))
}

/// An authentication request to the identity provider: (the address to send
/// the browser to, the request's id, to be checked in the answer).
pub fn authn_request(config: &Config, idp_metadata: &str, relay_state: &str) -> Result<(String, String), SamlError> {
    let sp = provider(config, idp_metadata)?;
    let sso_url = sp
        .sso_binding_location(HTTP_REDIRECT_BINDING)
        .ok_or(SamlError::Metadata("error-saml-metadata-no-sso"))?;
    let mut request = sp
        .make_authentication_request(&sso_url)
        .map_err(|e| SamlError::Request(e.to_string()))?;
    // 256 random bits rather than samael's 32.
    request.id = format!("id-{}", random_token());
    let url = request
        .redirect(relay_state)
        .map_err(|e| SamlError::Request(e.to_string()))?
        .ok_or_else(|| SamlError::Request("no destination".into()))?;
    Ok((url.to_string(), request.id))
}

/// Checks an answer (`SAMLResponse`, base64) to the request `request_id`:
/// signature, issuer, audience, recipient, times; then who it is about.
pub fn verify_response(
    config: &Config,
    idp_metadata: &str,
    saml_response: &str,
    request_id: &str,
) -> Result<Person, SamlError> {
    let sp = provider(config, idp_metadata)?;
    let assertion = sp
        .parse_base64_response(saml_response.trim(), Some(&[request_id]))
        .map_err(|e| SamlError::Response(e.to_string()))?;
    let subject = assertion
        .subject
        .as_ref()
        .and_then(|s| s.name_id.as_ref())
        .map(|n| n.value.trim().to_string())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| SamlError::Response("no NameID".into()))?;
    let statements = assertion.attribute_statements.unwrap_or_default();
    let attributes: Vec<participe_domain::sso::saml::Attribute> = statements
        .iter()
        .flat_map(|s| s.attributes.iter())
        .map(|a| participe_domain::sso::saml::Attribute {
            name: a.name.as_deref().unwrap_or(""),
            friendly_name: a.friendly_name.as_deref(),
            values: a.values.iter().filter_map(|v| v.value.as_deref()).collect(),
        })
        .collect();
    let claims = participe_domain::sso::saml::claims(&subject, &attributes);
    Ok(Person { subject, claims })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_as_metadata_is_read_or_refused_with_a_reason(xml in "(?s)(<md:EntityDescriptor .{0,200}|.{0,300})") {
            if let Err(e) = read_metadata(&xml) {
                prop_assert!(e.starts_with("error-saml-"));
            }
        }
    }

    #[test]
    fn metadata_without_a_certificate_is_refused() {
        let xml = r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.org/metadata">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.org/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>"#;
        assert_eq!(read_metadata(xml), Err("error-saml-metadata-unsigned"));
        let no_sso = xml.replace("HTTP-Redirect", "SOAP");
        assert_eq!(read_metadata(&no_sso), Err("error-saml-metadata-no-sso"));
        assert_eq!(read_metadata("<html>"), Err("error-saml-metadata-unreadable"));
    }

    #[test]
    fn the_service_provider_wants_signed_assertions_at_its_fixed_addresses() {
        let config = Config::local(std::env::temp_dir());
        let xml = sp_metadata(&config).unwrap();
        assert!(xml.contains(r#"WantAssertionsSigned="true""#), "{xml}");
        assert!(xml.contains(&format!(r#"entityID="{}/saml/metadata""#, config.public_url)));
        assert!(xml.contains(&format!(r#"Location="{}/saml/acs""#, config.public_url)));
    }
}
