//! Brand colours and their contrast with white text (WCAG 2.1).

/// Minimum contrast ratio for normal text at level AA.
pub const AA_NORMAL_TEXT: f64 = 4.5;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rrggbb` or `#rgb` (case-insensitive).
    pub fn parse(s: &str) -> Result<Rgb, &'static str> {
        let s = s.trim();
        let hex = s.strip_prefix('#').ok_or("error-colour-invalid")?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("error-colour-invalid");
        }
        let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).map_err(|_| "error-colour-invalid");
        match hex.len() {
            6 => Ok(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Ok(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => Err("error-colour-invalid"),
        }
    }

    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance as defined by WCAG 2.1.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    pub fn contrast_with(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// A darker shade for hover states (each channel times `factor`).
    pub fn darken(self, factor: f64) -> Rgb {
        let f = |c: u8| (f64::from(c) * factor).round().clamp(0.0, 255.0) as u8;
        Rgb(f(self.0), f(self.1), f(self.2))
    }
}

pub const WHITE: Rgb = Rgb(255, 255, 255);

/// A brand colour behind white text: valid and readable (AA).
pub fn parse_brand_colour(s: &str) -> Result<Rgb, &'static str> {
    let c = Rgb::parse(s)?;
    if c.contrast_with(WHITE) < AA_NORMAL_TEXT {
        return Err("error-colour-contrast");
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((Rgb(0, 0, 0).contrast_with(WHITE) - 21.0).abs() < 1e-9);
        // #767676 is the classic lightest grey that passes AA on white.
        assert!(Rgb::parse("#767676").unwrap().contrast_with(WHITE) >= 4.5);
        assert!(Rgb::parse("#777777").unwrap().contrast_with(WHITE) < 4.5);
    }

    #[test]
    fn brand_colours_must_be_readable() {
        assert_eq!(parse_brand_colour("#ffff00"), Err("error-colour-contrast"));
        assert_eq!(parse_brand_colour("#1d4ed8"), Ok(Rgb(0x1d, 0x4e, 0xd8)));
        assert_eq!(parse_brand_colour("#000"), Ok(Rgb(0, 0, 0)));
        assert_eq!(parse_brand_colour("blue"), Err("error-colour-invalid"));
        assert_eq!(parse_brand_colour("#12345"), Err("error-colour-invalid"));
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            let _ = parse_brand_colour(&s);
        }

        #[test]
        fn hex_round_trips(r: u8, g: u8, b: u8) {
            let c = Rgb(r, g, b);
            prop_assert_eq!(Rgb::parse(&c.to_hex()), Ok(c));
        }
    }
}
