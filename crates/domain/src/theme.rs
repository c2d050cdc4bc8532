//! The site's palette, derived from the organisation's two brand colours so
//! that every pair of text and background the design system uses meets
//! WCAG AA (4.5:1): white text on the brand colours (checked when they are
//! set), dark text on their light tints, and links in a shade of the
//! primary colour darkened until it reads on every light surface.

use crate::colour::{AA_NORMAL_TEXT, Rgb, WHITE};

/// Body text.
pub const TEXT: Rgb = Rgb(0x1f, 0x23, 0x28);
/// Muted text (hints, meta lines).
pub const MUTED: Rgb = Rgb(0x54, 0x5d, 0x68);
/// The light surfaces: page, soft panels, sunken footer.
pub const SURFACES: [Rgb; 3] = [WHITE, Rgb(0xf6, 0xf8, 0xfa), Rgb(0xee, 0xf1, 0xf4)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Backgrounds behind white text: buttons, header, hero.
    pub primary: Rgb,
    pub primary_dark: Rgb,
    pub secondary: Rgb,
    /// Light tints behind dark text (selected cards, highlighted steps).
    pub primary_soft: Rgb,
    pub secondary_soft: Rgb,
    /// Borders of tinted panels (decorative, no contrast requirement).
    pub primary_line: Rgb,
    /// Links and primary-coloured text on any light surface or tint.
    pub primary_text: Rgb,
    /// Secondary-coloured text on any light surface or tint.
    pub secondary_text: Rgb,
}

/// `a` mixed into `b`: `share` of `a`, the rest of `b`.
pub fn mix(a: Rgb, b: Rgb, share: f64) -> Rgb {
    let m = |x: u8, y: u8| {
        (f64::from(x) * share + f64::from(y) * (1.0 - share))
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// `c`, darkened step by step until it reaches `ratio` against every one of
/// `backgrounds` (black does, against any light background).
pub fn darken_until(c: Rgb, backgrounds: &[Rgb], ratio: f64) -> Rgb {
    let mut out = c;
    for _ in 0..100 {
        if backgrounds.iter().all(|b| out.contrast_with(*b) >= ratio) {
            return out;
        }
        out = out.darken(0.95);
    }
    Rgb(0, 0, 0)
}

/// The brand colours a new site starts with.
pub const DEFAULT_PRIMARY: Rgb = Rgb(0x1d, 0x4e, 0xd8);
pub const DEFAULT_SECONDARY: Rgb = Rgb(0x7c, 0x2d, 0x12);

/// The palette of the stored brand colours (`#rrggbb`), the defaults
/// standing in for one that does not read.
pub fn brand_palette(primary: &str, secondary: &str) -> Palette {
    palette(
        Rgb::parse(primary).unwrap_or(DEFAULT_PRIMARY),
        Rgb::parse(secondary).unwrap_or(DEFAULT_SECONDARY),
    )
}

/// The palette of two brand colours (each already readable behind white text).
pub fn palette(primary: Rgb, secondary: Rgb) -> Palette {
    let primary_soft = mix(primary, WHITE, 0.09);
    let secondary_soft = mix(secondary, WHITE, 0.10);
    let light: Vec<Rgb> = SURFACES.iter().copied().chain([primary_soft, secondary_soft]).collect();
    Palette {
        primary,
        primary_dark: darken_until(primary.darken(0.8), &light, AA_NORMAL_TEXT),
        secondary,
        primary_soft,
        secondary_soft,
        primary_line: mix(primary, WHITE, 0.35),
        primary_text: darken_until(primary, &light, AA_NORMAL_TEXT),
        secondary_text: darken_until(secondary, &light, AA_NORMAL_TEXT),
    }
}

impl Palette {
    /// Every (name, foreground, background) pair of text the design system
    /// draws with this palette, for the design page and the tests.
    pub fn text_pairs(&self) -> Vec<(String, Rgb, Rgb)> {
        let mut pairs: Vec<(String, Rgb, Rgb)> = [
            ("white on primary", WHITE, self.primary),
            ("white on primary-dark", WHITE, self.primary_dark),
            ("white on secondary", WHITE, self.secondary),
            ("text on primary-soft", TEXT, self.primary_soft),
            ("text on secondary-soft", TEXT, self.secondary_soft),
            ("muted on primary-soft", MUTED, self.primary_soft),
            ("primary-dark on primary-soft", self.primary_dark, self.primary_soft),
            ("primary-text on primary-soft", self.primary_text, self.primary_soft),
            (
                "secondary-text on secondary-soft",
                self.secondary_text,
                self.secondary_soft,
            ),
        ]
        .into_iter()
        .map(|(n, f, b)| (n.to_string(), f, b))
        .collect();
        for (surface, bg) in ["page", "soft", "sunken"].into_iter().zip(SURFACES) {
            for (what, fg) in [
                ("primary-text", self.primary_text),
                ("secondary-text", self.secondary_text),
                ("text", TEXT),
                ("muted", MUTED),
            ] {
                pairs.push((format!("{what} on {surface}"), fg, bg));
            }
        }
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour::{WHITE, parse_brand_colour};
    use proptest::prelude::*;

    #[test]
    fn the_default_palette_is_readable() {
        let p = palette(Rgb(0x1d, 0x4e, 0xd8), Rgb(0x9a, 0x34, 0x12));
        for (name, fg, bg) in p.text_pairs() {
            assert!(
                fg.contrast_with(bg) >= AA_NORMAL_TEXT,
                "{name}: {}",
                fg.contrast_with(bg)
            );
        }
        // A brand colour that already reads everywhere is kept as the link colour.
        assert_eq!(p.primary_text, Rgb(0x1d, 0x4e, 0xd8));
    }

    /// Any colour, darkened just enough to be accepted as a brand colour:
    /// many sit right at the 4.5:1 limit, the hardest case for the tints.
    fn brand() -> impl Strategy<Value = Rgb> {
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| darken_until(Rgb(r, g, b), &[WHITE], AA_NORMAL_TEXT))
    }

    proptest! {
        /// Whatever brand colours an administrator may set, every text pair
        /// of the design system meets AA.
        #[test]
        fn every_accepted_brand_gives_a_readable_palette(a in brand(), b in brand()) {
            let (pa, pb) = (a, b);
            prop_assert!(parse_brand_colour(&pa.to_hex()).is_ok() && parse_brand_colour(&pb.to_hex()).is_ok());
            let p = palette(pa, pb);
            for (name, fg, bg) in p.text_pairs() {
                prop_assert!(fg.contrast_with(bg) >= AA_NORMAL_TEXT, "{} {}", name, fg.contrast_with(bg));
            }
        }
    }
}

/// Colours an organisation may set beyond its two brand colours, each pair
/// of text and background checked for WCAG AA. Unset (None): derived from
/// the brand colours as above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overrides {
    /// (background, text) of the header.
    pub header: Option<(Rgb, Rgb)>,
    /// (background, text) of the footer.
    pub footer: Option<(Rgb, Rgb)>,
    /// (background, text) of the main buttons.
    pub button: Option<(Rgb, Rgb)>,
    /// Links, on every light surface.
    pub link: Option<Rgb>,
}

/// The detailed colours as typed (`#rrggbb`, empty for automatic).
#[derive(Debug, Default)]
pub struct RawOverrides<'a> {
    pub header_bg: &'a str,
    pub header_fg: &'a str,
    pub footer_bg: &'a str,
    pub footer_fg: &'a str,
    pub button_bg: &'a str,
    pub button_fg: &'a str,
    pub link: &'a str,
}

impl Overrides {
    /// Checks the detailed colours: both of a pair or neither, each pair
    /// readable (4.5:1), links readable on the light surfaces and tints of
    /// `palette`. The message says which pair fails.
    pub fn parse(raw: &RawOverrides, palette: &Palette) -> Result<Overrides, crate::FieldErrors> {
        let mut errors = crate::FieldErrors::new();
        let mut pair = |bg_field: &'static str, bg: &str, fg_field: &'static str, fg: &str, low: &'static str| {
            let (bg, fg) = (bg.trim(), fg.trim());
            if bg.is_empty() && fg.is_empty() {
                return None;
            }
            let bg = errors.check(bg_field, Rgb::parse(bg));
            let fg = errors.check(fg_field, Rgb::parse(fg));
            let (bg, fg) = (bg?, fg?);
            if fg.contrast_with(bg) < AA_NORMAL_TEXT {
                errors.add(fg_field, low);
                return None;
            }
            Some((bg, fg))
        };
        let header = pair(
            "header_bg",
            raw.header_bg,
            "header_fg",
            raw.header_fg,
            "error-contrast-header",
        );
        let footer = pair(
            "footer_bg",
            raw.footer_bg,
            "footer_fg",
            raw.footer_fg,
            "error-contrast-footer",
        );
        let button = pair(
            "button_bg",
            raw.button_bg,
            "button_fg",
            raw.button_fg,
            "error-contrast-button",
        );
        let link = match raw.link.trim() {
            "" => None,
            s => errors.check("link", Rgb::parse(s)).and_then(|c| {
                let light = [palette.primary_soft, palette.secondary_soft];
                let readable = SURFACES
                    .iter()
                    .chain(&light)
                    .all(|b| c.contrast_with(*b) >= AA_NORMAL_TEXT);
                if readable {
                    Some(c)
                } else {
                    errors.add("link", "error-contrast-link");
                    None
                }
            }),
        };
        errors.into_result(|| Overrides {
            header,
            footer,
            button,
            link,
        })
    }
}

#[cfg(test)]
mod override_tests {
    use super::*;

    fn base() -> Palette {
        palette(Rgb(0x1d, 0x4e, 0xd8), Rgb(0x9a, 0x34, 0x12))
    }

    #[test]
    fn readable_pairs_are_kept_and_the_unreadable_refused_with_their_reason() {
        let raw = RawOverrides {
            header_bg: "#ffffff",
            header_fg: "#1f2328",
            button_bg: "#14532d",
            button_fg: "#ffffff",
            link: "#0b5394",
            ..Default::default()
        };
        let o = Overrides::parse(&raw, &base()).unwrap();
        assert_eq!(o.header, Some((WHITE, TEXT)));
        assert_eq!(o.footer, None);
        assert_eq!(o.link, Some(Rgb(0x0b, 0x53, 0x94)));

        let raw = RawOverrides {
            header_bg: "#ffff00",
            header_fg: "#ffffff",
            footer_bg: "#eeeeee",
            button_bg: "vert",
            button_fg: "#ffffff",
            link: "#7fb2ff",
            ..Default::default()
        };
        let e = Overrides::parse(&raw, &base()).unwrap_err();
        let codes: Vec<(&str, &str)> = e.0.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            codes,
            [
                ("header_fg", "error-contrast-header"),
                ("footer_fg", "error-colour-invalid"),
                ("button_bg", "error-colour-invalid"),
                ("link", "error-contrast-link"),
            ]
        );
    }
}
