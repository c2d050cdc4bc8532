//! Translation catalogues (Fluent). French is the default language, English
//! the second; every string of the interface comes from `locales/*.ftl`.

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::langid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }
}

pub const FR_FTL: &str = include_str!("../locales/fr.ftl");
pub const EN_FTL: &str = include_str!("../locales/en.ftl");

pub struct I18n {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

/// Writes whole numbers of five digits or more in groups of three, as each
/// language does ("1 200 000" with a narrow no-break space in French,
/// "1,200,000" in English); smaller numbers and years stay as they are.
pub fn group_digits(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    if digits.len() < 5 {
        return n.to_string();
    }
    let sep = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn format_number(v: &FluentValue, lang: Lang) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 => {
            Some(group_digits(n.value as i64, lang))
        }
        _ => None,
    }
}

fn bundle(lang: unic_langid::LanguageIdentifier, src: &str) -> FluentBundle<FluentResource> {
    let res =
        FluentResource::try_new(src.to_string()).unwrap_or_else(|(_, e)| panic!("invalid catalogue {lang}: {e:?}"));
    let french = lang.language.as_str() == "fr";
    let mut b = FluentBundle::new_concurrent(vec![lang]);
    // No Unicode isolation marks: the output is HTML, escaped by the templates.
    b.set_use_isolating(false);
    if french {
        b.set_formatter(Some(|v, _| format_number(v, Lang::Fr)));
    } else {
        b.set_formatter(Some(|v, _| format_number(v, Lang::En)));
    }
    b.add_resource(res).expect("duplicate message ids in a catalogue");
    b
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

impl I18n {
    pub fn new() -> Self {
        I18n {
            fr: bundle(langid!("fr"), FR_FTL),
            en: bundle(langid!("en"), EN_FTL),
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// The message `id` in `lang`, with arguments. A missing message shows
    /// its id, so that a gap is visible rather than silent.
    pub fn t(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        let b = self.bundle(lang);
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(id, lang = lang.code(), "missing translation");
            return id.to_string();
        };
        let mut errors = vec![];
        let out: Cow<str> = b.format_pattern(pattern, args, &mut errors);
        out.into_owned()
    }

    /// Shortcut for a message with one argument.
    pub fn t1(&self, lang: Lang, id: &str, name: &str, value: impl Into<FluentValue<'static>>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), value.into());
        self.t(lang, id, Some(&args))
    }
}

/// Message ids defined in a catalogue source.
pub fn message_ids(src: &str) -> Vec<String> {
    src.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_numbers_are_grouped_per_language() {
        assert_eq!(group_digits(1_200_000, Lang::Fr), "1\u{202f}200\u{202f}000");
        assert_eq!(group_digits(-45_000, Lang::En), "-45,000");
        assert_eq!(group_digits(2026, Lang::Fr), "2026");
        let i = I18n::new();
        assert_eq!(i.t1(Lang::En, "amount-euros", "amount", 400_000), "€400,000");
        assert_eq!(i.t1(Lang::Fr, "amount-euros", "amount", 999), "999 €");
    }

    #[test]
    fn catalogues_have_the_same_messages() {
        let mut fr = message_ids(FR_FTL);
        let mut en = message_ids(EN_FTL);
        fr.sort();
        en.sort();
        let only_fr: Vec<_> = fr.iter().filter(|id| !en.contains(id)).collect();
        let only_en: Vec<_> = en.iter().filter(|id| !fr.contains(id)).collect();
        assert!(
            only_fr.is_empty() && only_en.is_empty(),
            "only in fr: {only_fr:?}; only in en: {only_en:?}"
        );
    }

    #[test]
    fn every_message_a_template_names_exists() {
        let i = I18n::new();
        let mut missing = vec![];
        for (name, src) in crate::web::render::TEMPLATES {
            for quote in ['"', '\''] {
                let pattern = format!("t({quote}");
                for (at, _) in src.match_indices(&pattern) {
                    // Only the function `t`, not `input(`, `select(`…
                    if src[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                    {
                        continue;
                    }
                    let id: String = src[at + pattern.len()..].chars().take_while(|c| *c != quote).collect();
                    // Dynamic ids ("step-type-" ~ kind) end with a dash; skip them.
                    if !id.ends_with('-') && !Lang::ALL.iter().all(|l| i.has(*l, &id)) {
                        missing.push(format!("{name}: {id}"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "messages missing from a catalogue: {missing:?}");
    }

    #[test]
    fn every_domain_error_code_is_translated() {
        let i = I18n::new();
        for code in [
            "error-required",
            "error-email-invalid",
            "error-title-too-long",
            "error-name-too-long",
            "error-text-too-long",
            "error-text-control",
            "error-password-too-short",
            "error-password-too-long",
            "error-slug-invalid",
            "error-colour-invalid",
            "error-colour-contrast",
            "error-date-invalid",
            "error-day-invalid",
            "error-progress-range",
            "error-delivered-progress",
            "error-alt-needed",
            "error-end-before-start",
            "error-step-type-unknown",
            "error-visibility-unknown",
            "error-role-unknown",
            "error-group-email-repeated",
            "error-group-emails-empty",
            "error-group-emails-too-many",
            "error-invitation-days",
            "error-phone-invalid",
        ] {
            for l in Lang::ALL {
                assert!(i.has(l, code), "{code} missing in {}", l.code());
            }
        }
    }
}
