//! Account forms: sign-up.

use crate::{FieldErrors, email, text};

/// A sign-up form as submitted.
#[derive(Debug, Clone, Default)]
pub struct RawSignup<'a> {
    pub display_name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub terms_accepted: bool,
}

/// A valid sign-up: the email normalised, the name trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Signup {
    pub display_name: String,
    pub email: String,
    pub password: String,
}

impl Signup {
    /// Checks every field and reports all problems at once.
    pub fn parse(raw: &RawSignup) -> Result<Signup, FieldErrors> {
        let mut errors = FieldErrors::new();
        let display_name = errors.check("display_name", text::display_name(raw.display_name));
        let email = errors.check("email", email::parse(raw.email));
        let password = errors.check("password", text::password(raw.password));
        if !raw.terms_accepted {
            errors.add("terms", "error-terms-required");
        }
        errors.into_result(|| Signup {
            display_name: display_name.unwrap_or_default(),
            email: email.unwrap_or_default(),
            password: password.unwrap_or_default(),
        })
    }
}

/// Sign-up domains as configured (`ville.fr, agglo.fr`): lowercased, no
/// `@`, empties dropped. Empty: every domain may sign up.
pub fn parse_domains(s: &str) -> Vec<String> {
    s.split([',', ' ', ';', '\n'])
        .map(|d| d.trim().trim_start_matches('@').to_lowercase())
        .filter(|d| !d.is_empty())
        .collect()
}

/// Whether a (normalised) email may sign up: its domain is one of
/// `domains` or a subdomain of one, or no domain is configured.
pub fn domain_allowed(email: &str, domains: &[String]) -> bool {
    if domains.is_empty() {
        return true;
    }
    let Some((_, domain)) = email.rsplit_once('@') else {
        return false;
    };
    domains
        .iter()
        .any(|d| domain == d || domain.strip_suffix(d.as_str()).is_some_and(|rest| rest.ends_with('.')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reports_every_problem() {
        let e = Signup::parse(&RawSignup {
            display_name: "",
            email: "nope",
            password: "short",
            terms_accepted: false,
        })
        .unwrap_err();
        for f in ["display_name", "email", "password", "terms"] {
            assert!(e.has(f), "{f}");
        }
        let ok = Signup::parse(&RawSignup {
            display_name: " Jeanne ",
            email: "J@Example.fr",
            password: "a long password",
            terms_accepted: true,
        })
        .unwrap();
        assert_eq!(
            (ok.display_name.as_str(), ok.email.as_str()),
            ("Jeanne", "j@example.fr")
        );
    }

    #[test]
    fn sign_up_domains_take_subdomains_but_not_lookalikes() {
        let domains = parse_domains(" @Ville.fr, agglo.fr;;");
        assert_eq!(domains, vec!["ville.fr", "agglo.fr"]);
        assert!(domain_allowed("a@ville.fr", &domains));
        assert!(domain_allowed("a@mairie.ville.fr", &domains));
        assert!(!domain_allowed("a@faussevilLe.fr", &domains));
        assert!(!domain_allowed("a@ville.fr.evil.org", &domains));
        assert!(domain_allowed("a@gmail.com", &[]));
    }

    proptest! {
        #[test]
        fn allowed_emails_end_with_an_allowed_domain(local in "[a-z]{1,8}", domain in "[a-z.]{1,20}", list in "[a-z., @]{0,40}") {
            let domains = parse_domains(&list);
            let email = format!("{local}@{domain}");
            if domain_allowed(&email, &domains) && !domains.is_empty() {
                let ends = |d: &String| email.ends_with(&format!("@{d}")) || email.ends_with(&format!(".{d}"));
                prop_assert!(domains.iter().any(ends));
            }
        }

        #[test]
        fn never_panics(n in "\\PC{0,100}", e in "\\PC{0,100}", p in "\\PC{0,300}", t: bool) {
            let _ = Signup::parse(&RawSignup { display_name: &n, email: &e, password: &p, terms_accepted: t });
        }
    }
}
