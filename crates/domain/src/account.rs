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

    proptest! {
        #[test]
        fn never_panics(n in "\\PC{0,100}", e in "\\PC{0,100}", p in "\\PC{0,300}", t: bool) {
            let _ = Signup::parse(&RawSignup { display_name: &n, email: &e, password: &p, terms_accepted: t });
        }
    }
}
