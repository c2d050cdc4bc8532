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
