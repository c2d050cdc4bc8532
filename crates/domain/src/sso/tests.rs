use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

fn raw<'a>() -> RawProvider<'a> {
    RawProvider {
        kind: "oidc",
        slug: "mairie",
        label: "Compte agent de la mairie",
        issuer: "https://login.example.org/realms/ville",
        client_id: "participe",
        scopes: "email, profile email",
        name_claim: "",
        staff_only: "",
        grant_role: "",
        enabled: "on",
        verifies_identity: "",
        acr_values: "",
        grant_group: "",
    }
}

fn claims(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn a_generic_provider_is_read_with_openid_first_and_no_duplicate_scope() {
    let p = parse(&raw()).unwrap();
    assert_eq!(p.kind, Kind::Oidc);
    assert_eq!(p.scopes, "openid email profile");
    assert_eq!(p.name_claim, "name");
    assert!(p.enabled && !p.staff_only && p.grant_role.is_none());
}

#[test]
fn issuers_must_be_https_except_on_this_machine() {
    assert_eq!(issuer("http://example.org"), Err("error-sso-issuer-https"));
    assert_eq!(issuer("http://127.0.0.1.example.org"), Err("error-sso-issuer-https"));
    assert!(issuer("http://127.0.0.1:4000").is_ok());
    assert!(issuer("http://localhost:4000/realm").is_ok());
    assert!(issuer("http://[::1]:4000").is_ok());
    assert_eq!(issuer("ftp://x"), Err("error-sso-issuer"));
    assert_eq!(issuer("https://"), Err("error-sso-issuer"));
    assert_eq!(issuer("https://a.org/?x=1"), Err("error-sso-issuer"));
    assert_eq!(issuer("https://a b.org"), Err("error-sso-issuer"));
}

#[test]
fn staff_only_needs_a_staff_role_and_franceconnect_is_for_residents() {
    let mut r = raw();
    r.staff_only = "on";
    assert!(parse(&r).unwrap_err().has("grant_role"));
    r.grant_role = "participant";
    assert!(parse(&r).unwrap_err().has("grant_role"));
    r.grant_role = "moderator";
    assert_eq!(parse(&r).unwrap().grant_role, Some(Role::Moderator));
    r.kind = "franceconnect";
    assert!(parse(&r).unwrap_err().has("staff_only"));
}

#[test]
fn franceconnect_presets_fix_issuer_scopes_and_acr() {
    let mut r = raw();
    r.kind = "franceconnect_integration";
    r.issuer = "not an address";
    r.scopes = "???";
    let p = parse(&r).unwrap();
    assert_eq!(p.issuer, "https://fcp-low.sbx.dev-franceconnect.fr/api/v2");
    assert!(p.scopes.contains("birthdate") && p.scopes.starts_with("openid "));
    assert_eq!(p.acr_values.as_deref(), Some("eidas1"));
    assert!(p.verifies_identity);
    let generic = parse(&raw()).unwrap();
    assert_eq!(generic.acr_values, None);
    assert!(!generic.verifies_identity);
    let like = parse(&RawProvider {
        verifies_identity: "on",
        acr_values: " eidas1  eidas2 ",
        ..raw()
    })
    .unwrap();
    assert!(like.verifies_identity);
    assert_eq!(like.acr_values.as_deref(), Some("eidas1 eidas2"));
    assert!(
        parse(&RawProvider {
            acr_values: "a\"b",
            ..raw()
        })
        .unwrap_err()
        .has("acr_values")
    );
}

#[test]
fn a_saml_provider_needs_no_client_id_nor_scopes() {
    let p = parse(&RawProvider {
        kind: "saml",
        issuer: "",
        client_id: "",
        scopes: "",
        name_claim: "displayName",
        ..raw()
    })
    .unwrap();
    assert_eq!((p.kind, p.issuer.as_str(), p.client_id.as_str()), (Kind::Saml, "", ""));
    assert_eq!(p.name_claim, "displayName");
    assert!(!p.kind.is_franceconnect());
    let bad = parse(&RawProvider {
        kind: "saml",
        issuer: "ftp://idp",
        ..raw()
    })
    .unwrap_err();
    assert!(bad.has("issuer"));
}

#[test]
fn a_granted_group_is_kept_by_id() {
    let p = parse(&RawProvider {
        grant_group: " 7 ",
        ..raw()
    })
    .unwrap();
    assert_eq!(p.grant_group, Some(7));
    assert_eq!(parse(&raw()).unwrap().grant_group, None);
}

#[test]
fn bad_fields_are_each_named() {
    let r = RawProvider {
        kind: "saml?",
        slug: "Mairie!",
        issuer: "",
        client_id: "a b",
        scopes: "x\"y",
        name_claim: "a b",
        grant_role: "king",
        grant_group: "les agents",
        ..raw()
    };
    let e = parse(&r).unwrap_err();
    for f in [
        "kind",
        "slug",
        "issuer",
        "client_id",
        "scopes",
        "name_claim",
        "grant_role",
        "grant_group",
    ] {
        assert!(e.has(f), "{f}: {e:?}");
    }
}

#[test]
fn secrets_are_read_from_a_variable_named_after_the_slug() {
    assert_eq!(secret_variable("ville-de-x"), "PARTICIPE_SSO_SECRET_VILLE_DE_X");
}

#[test]
fn profile_trusts_only_verified_emails_and_names_people() {
    let p = profile(
        &claims(&[
            ("email", "Alice@Example.org"),
            ("email_verified", "true"),
            ("given_name", "Alice"),
            ("family_name", "Martin"),
            ("birthdate", "1990-05-17"),
        ]),
        "name",
    );
    assert_eq!(p.verified_email.as_deref(), Some("alice@example.org"));
    assert_eq!(p.display_name, "Alice Martin");
    assert_eq!(p.birthdate, chrono::NaiveDate::from_ymd_opt(1990, 5, 17));

    let p = profile(
        &claims(&[("email", "bob@example.org"), ("email_verified", "false")]),
        "name",
    );
    assert_eq!(p.verified_email, None);
    assert_eq!(p.display_name, "?");

    let p = profile(
        &claims(&[("preferred_username", "bob"), ("name", "Robert")]),
        "preferred_username",
    );
    assert_eq!(p.display_name, "bob");
}

#[test]
fn a_first_login_never_takes_over_an_account() {
    assert_eq!(first_login(None, Some(4)), FirstLogin::EmailTaken);
    assert_eq!(first_login(Some(4), Some(4)), FirstLogin::Link(4));
    assert_eq!(first_login(Some(3), None), FirstLogin::Link(3));
    assert_eq!(first_login(None, None), FirstLogin::Create);
}

#[test]
fn granted_roles_raise_and_never_lower() {
    assert_eq!(
        role_after_login(Role::Participant, Some(Role::Moderator)),
        Role::Moderator
    );
    assert_eq!(
        role_after_login(Role::Administrator, Some(Role::Moderator)),
        Role::Administrator
    );
    assert_eq!(role_after_login(Role::Analyst, None), Role::Analyst);
}

proptest! {
    #[test]
    fn any_provider_form_gives_a_value_or_named_errors(
        kind in "(oidc|franceconnect|franceconnect_integration|saml|.{0,12})",
        slug in ".{0,50}", label in ".{0,90}", issuer in "(https?://)?.{0,60}",
        client in ".{0,40}", scopes in ".{0,80}", claim in ".{0,30}",
        staff in "(on|)", role in "(moderator|participant|administrator|.{0,8})",
    ) {
        let r = RawProvider {
            kind: &kind, slug: &slug, label: &label, issuer: &issuer, client_id: &client,
            scopes: &scopes, name_claim: &claim, staff_only: &staff, grant_role: &role, enabled: "on",
            verifies_identity: &staff, acr_values: &label, grant_group: &claim,
        };
        match parse(&r) {
            Ok(p) => {
                prop_assert!(p.kind == Kind::Saml || p.scopes.starts_with("openid"));
                prop_assert!(p.kind == Kind::Saml || p.issuer.starts_with("http"));
                prop_assert!(!p.slug.is_empty() && p.slug.len() <= MAX_SLUG);
                prop_assert!(!p.staff_only || p.grant_role.is_some_and(Role::is_staff));
            }
            Err(e) => prop_assert!(!e.is_empty()),
        }
    }

    #[test]
    fn any_claims_give_a_non_empty_bounded_name(
        pairs in proptest::collection::vec(("(email|email_verified|name|given_name|family_name|birthdate|.{0,6})", ".{0,120}"), 0..8),
        claim in "(name|given_name|.{0,6})",
    ) {
        let map: BTreeMap<String, String> = pairs.into_iter().collect();
        let p = profile(&map, &claim);
        prop_assert!(!p.display_name.trim().is_empty());
        prop_assert!(p.display_name.chars().count() <= crate::text::MAX_NAME);
        if let Some(e) = &p.verified_email {
            prop_assert_eq!(map.get("email_verified").map(String::as_str), Some("true"));
            prop_assert_eq!(e, &e.to_lowercase());
        }
    }
}
