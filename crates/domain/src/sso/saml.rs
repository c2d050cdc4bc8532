//! What a SAML assertion says about a person, as the claims the rest of
//! single sign-on reads (`super::profile`): each attribute by its name (and
//! friendly name) with its first value, the email from the usual attribute
//! names or an email-shaped NameID, vouched for by the directory.

use std::collections::BTreeMap;

/// Attribute names that carry an email address, most common first.
const EMAIL_ATTRIBUTES: &[&str] = &[
    "email",
    "mail",
    "emailAddress",
    "urn:oid:0.9.2342.19200300.100.1.3",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
];

/// Attribute names that carry a display name, used when the configured one is missing.
const NAME_ATTRIBUTES: &[&str] = &[
    "displayName",
    "urn:oid:2.16.840.1.113730.3.1.241",
    "cn",
    "urn:oid:2.5.4.3",
];

/// One attribute of an assertion: its name, friendly name and values.
pub struct Attribute<'a> {
    pub name: &'a str,
    pub friendly_name: Option<&'a str>,
    pub values: Vec<&'a str>,
}

/// The claims of a person from their NameID and attributes.
pub fn claims(name_id: &str, attributes: &[Attribute]) -> BTreeMap<String, String> {
    let mut claims = BTreeMap::new();
    for a in attributes {
        let Some(first) = a.values.iter().map(|v| v.trim()).find(|v| !v.is_empty()) else {
            continue;
        };
        for key in std::iter::once(a.name).chain(a.friendly_name) {
            if !key.is_empty() {
                claims.entry(key.to_string()).or_insert_with(|| first.to_string());
            }
        }
    }
    let email = EMAIL_ATTRIBUTES
        .iter()
        .find_map(|k| claims.get(*k).cloned())
        .or_else(|| name_id.contains('@').then(|| name_id.trim().to_string()));
    if let Some(email) = email {
        claims.insert("email".into(), email);
        // A staff directory's word on its own people's addresses.
        claims.insert("email_verified".into(), "true".into());
    }
    if !claims.contains_key("name")
        && let Some(name) = NAME_ATTRIBUTES.iter().find_map(|k| claims.get(*k).cloned())
    {
        claims.insert("name".into(), name);
    }
    if let (Some(given), Some(family)) = (claims.get("givenName").cloned(), claims.get("sn").cloned()) {
        claims.insert("given_name".into(), given);
        claims.insert("family_name".into(), family);
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn attr<'a>(name: &'a str, values: &[&'a str]) -> Attribute<'a> {
        Attribute {
            name,
            friendly_name: None,
            values: values.to_vec(),
        }
    }

    #[test]
    fn attributes_become_claims_with_a_vouched_email() {
        let c = claims(
            "a1b2c3",
            &[
                attr("mail", &["agent@ville.fr"]),
                attr("displayName", &["Agnès Durand"]),
                attr("givenName", &["Agnès"]),
                attr("sn", &["Durand"]),
                attr("groups", &["urbanisme", "agents"]),
            ],
        );
        assert_eq!(c["email"], "agent@ville.fr");
        assert_eq!(c["email_verified"], "true");
        assert_eq!(c["name"], "Agnès Durand");
        assert_eq!(c["groups"], "urbanisme");
        assert_eq!(
            (c["given_name"].as_str(), c["family_name"].as_str()),
            ("Agnès", "Durand")
        );
        let p = crate::sso::profile(&c, "displayName");
        assert_eq!(p.verified_email.as_deref(), Some("agent@ville.fr"));
        assert_eq!(p.display_name, "Agnès Durand");
    }

    #[test]
    fn an_email_shaped_name_id_serves_when_no_attribute_gives_one() {
        let c = claims(" Agent@Ville.fr ", &[attr("cn", &[" ", "Agent"])]);
        assert_eq!(c["email"], "Agent@Ville.fr");
        assert_eq!(c["name"], "Agent");
        assert!(!claims("opaque-id", &[]).contains_key("email"));
    }

    proptest! {
        #[test]
        fn any_assertion_gives_claims_without_empty_values(
            name_id in ".{0,40}",
            attrs in proptest::collection::vec((".{0,20}", proptest::collection::vec(".{0,20}", 0..3)), 0..6),
        ) {
            let list: Vec<Attribute> = attrs
                .iter()
                .map(|(n, vs)| Attribute { name: n, friendly_name: None, values: vs.iter().map(String::as_str).collect() })
                .collect();
            let c = claims(&name_id, &list);
            prop_assert!(c.values().all(|v| !v.trim().is_empty()));
            prop_assert_eq!(c.contains_key("email"), c.contains_key("email_verified"));
        }
    }
}
