//! The organisation's own pages (legal notice, privacy, cookies, a contact
//! page, and any page it writes): what may be typed in their form.

use crate::{FieldErrors, email, slug, text};

/// Longest page body (Markdown), in characters.
pub const MAX_BODY: usize = 100_000;
/// Longest meta description (search engines show about 160 characters).
pub const MAX_META: usize = 300;
/// Most recipients of a contact page.
pub const MAX_RECIPIENTS: usize = 10;

/// What a page is for. The legal pages and the contact page exist on every
/// site (created with the database, unpublished) and cannot be deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Custom,
    Legal,
    Privacy,
    Cookies,
    Contact,
}

impl PageKind {
    pub const ALL: [PageKind; 5] = [
        PageKind::Custom,
        PageKind::Legal,
        PageKind::Privacy,
        PageKind::Cookies,
        PageKind::Contact,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::Custom => "custom",
            PageKind::Legal => "legal",
            PageKind::Privacy => "privacy",
            PageKind::Cookies => "cookies",
            PageKind::Contact => "contact",
        }
    }

    pub fn parse(s: &str) -> Option<PageKind> {
        PageKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether administrators may delete such a page.
    pub fn deletable(self) -> bool {
        self == PageKind::Custom
    }
}

/// A page's form as submitted.
#[derive(Debug, Default)]
pub struct RawPage<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub body: &'a str,
    pub meta_description: &'a str,
    pub published: bool,
    /// Contact pages: addresses, one per line or separated by commas.
    pub recipients: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageInput {
    pub title: String,
    pub slug: String,
    pub body: String,
    pub meta_description: String,
    pub published: bool,
    pub recipients: Vec<String>,
}

impl PageInput {
    /// Checks a page of `kind`; an empty slug is made from the title. A
    /// published contact page needs at least one recipient.
    pub fn parse(raw: &RawPage, kind: PageKind) -> Result<PageInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text::title(raw.title));
        let slug_source = if raw.slug.trim().is_empty() {
            slug::slugify(raw.title)
        } else {
            raw.slug.trim().to_string()
        };
        let slug = if title.is_some() || !raw.slug.trim().is_empty() {
            errors.check("slug", slug::parse(&slug_source))
        } else {
            None
        };
        let body = errors.check("body", text::long_text(raw.body, MAX_BODY));
        let meta = errors.check(
            "meta_description",
            text::long_text(raw.meta_description, MAX_META)
                .and_then(|m| if m.contains('\n') { Err("error-one-line") } else { Ok(m) }),
        );
        let mut recipients = Vec::new();
        if kind == PageKind::Contact {
            for part in raw.recipients.split([',', ';', '\n']).filter(|p| !p.trim().is_empty()) {
                match email::parse(part) {
                    Ok(address) if !recipients.contains(&address) => recipients.push(address),
                    Ok(_) => {}
                    Err(code) => {
                        errors.add("recipients", code);
                        break;
                    }
                }
            }
            if recipients.len() > MAX_RECIPIENTS {
                errors.add("recipients", "error-too-many-recipients");
            } else if recipients.is_empty() && raw.published && !errors.has("recipients") {
                errors.add("recipients", "error-recipients-needed");
            }
        }
        errors.into_result(|| PageInput {
            title: title.unwrap_or_default(),
            slug: slug.unwrap_or_default(),
            body: body.unwrap_or_default(),
            meta_description: meta.unwrap_or_default(),
            published: raw.published,
            recipients,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw<'a>(title: &'a str, slug: &'a str) -> RawPage<'a> {
        RawPage {
            title,
            slug,
            ..Default::default()
        }
    }

    #[test]
    fn a_page_gets_its_slug_from_its_title() {
        let p = PageInput::parse(&raw("Mentions légales", ""), PageKind::Custom).unwrap();
        assert_eq!(p.slug, "mentions-legales");
        let p = PageInput::parse(&raw("Mentions légales", "legal"), PageKind::Custom).unwrap();
        assert_eq!(p.slug, "legal");
        let e = PageInput::parse(&raw("", "Pas Bon"), PageKind::Custom).unwrap_err();
        assert!(e.has("title") && e.has("slug"));
        let e = PageInput::parse(&raw("", ""), PageKind::Custom).unwrap_err();
        assert!(e.has("title") && !e.has("slug"), "one message for the empty title");
    }

    #[test]
    fn meta_descriptions_are_one_short_line() {
        let mut r = raw("Page", "");
        r.meta_description = "une\nautre";
        assert!(
            PageInput::parse(&r, PageKind::Custom)
                .unwrap_err()
                .has("meta_description")
        );
        let long = "x".repeat(MAX_META + 1);
        r.meta_description = &long;
        assert!(
            PageInput::parse(&r, PageKind::Custom)
                .unwrap_err()
                .has("meta_description")
        );
    }

    #[test]
    fn a_published_contact_page_needs_valid_recipients() {
        let mut r = raw("Contact", "");
        r.published = true;
        assert_eq!(
            PageInput::parse(&r, PageKind::Contact).unwrap_err().0[0].code,
            "error-recipients-needed"
        );
        r.recipients = "mairie@ville.example, pas-une-adresse";
        assert!(PageInput::parse(&r, PageKind::Contact).unwrap_err().has("recipients"));
        r.recipients = "Mairie@Ville.example\nelus@ville.example;mairie@ville.example";
        assert_eq!(
            PageInput::parse(&r, PageKind::Contact).unwrap().recipients,
            ["mairie@ville.example", "elus@ville.example"]
        );
        // Other pages ignore the field.
        r.recipients = "pas-une-adresse";
        assert!(PageInput::parse(&r, PageKind::Legal).unwrap().recipients.is_empty());
        assert!(!PageKind::Legal.deletable() && PageKind::Custom.deletable());
    }
}
