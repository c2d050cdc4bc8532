//! The site's fonts: the 14 open-licensed families it offers when their
//! Debian package is installed on the server, the families an organisation
//! uploads, and the choice of one for headings and one for body text.

/// A family the site offers from a Debian font package: its files are read
/// from the server's font directory (`/usr/share/fonts`), so installing the
/// package is all it takes (`apt-get install fonts-lato`).
#[derive(Debug, PartialEq, Eq)]
pub struct Builtin {
    /// Stable key, used in settings and addresses.
    pub key: &'static str,
    /// The family name, as CSS and people call it.
    pub name: &'static str,
    /// The CSS generic family to fall back on.
    pub generic: &'static str,
    pub package: &'static str,
    pub licence: &'static str,
    /// Regular (400) and bold (700) files, relative to the font directory.
    pub regular: &'static str,
    pub bold: &'static str,
}

const fn font(
    key: &'static str,
    name: &'static str,
    generic: &'static str,
    package: &'static str,
    licence: &'static str,
    regular: &'static str,
    bold: &'static str,
) -> Builtin {
    Builtin {
        key,
        name,
        generic,
        package,
        licence,
        regular,
        bold,
    }
}

/// The families offered, all under free licences (as Debian's copyright files state).
pub const BUILTIN: [Builtin; 14] = [
    font(
        "dejavu-sans",
        "DejaVu Sans",
        "sans-serif",
        "fonts-dejavu-core",
        "Bitstream Vera (free)",
        "truetype/dejavu/DejaVuSans.ttf",
        "truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    font(
        "dejavu-serif",
        "DejaVu Serif",
        "serif",
        "fonts-dejavu-core",
        "Bitstream Vera (free)",
        "truetype/dejavu/DejaVuSerif.ttf",
        "truetype/dejavu/DejaVuSerif-Bold.ttf",
    ),
    font(
        "liberation-sans",
        "Liberation Sans",
        "sans-serif",
        "fonts-liberation2",
        "OFL-1.1",
        "truetype/liberation2/LiberationSans-Regular.ttf",
        "truetype/liberation2/LiberationSans-Bold.ttf",
    ),
    font(
        "liberation-serif",
        "Liberation Serif",
        "serif",
        "fonts-liberation2",
        "OFL-1.1",
        "truetype/liberation2/LiberationSerif-Regular.ttf",
        "truetype/liberation2/LiberationSerif-Bold.ttf",
    ),
    font(
        "open-sans",
        "Open Sans",
        "sans-serif",
        "fonts-open-sans",
        "Apache-2.0",
        "truetype/open-sans/OpenSans-Regular.ttf",
        "truetype/open-sans/OpenSans-Bold.ttf",
    ),
    font(
        "lato",
        "Lato",
        "sans-serif",
        "fonts-lato",
        "OFL-1.1",
        "truetype/lato/Lato-Regular.ttf",
        "truetype/lato/Lato-Bold.ttf",
    ),
    font(
        "roboto",
        "Roboto",
        "sans-serif",
        "fonts-roboto-unhinted",
        "Apache-2.0",
        "truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
        "truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
    ),
    font(
        "inter",
        "Inter",
        "sans-serif",
        "fonts-inter",
        "OFL-1.1",
        "opentype/inter/Inter-Regular.otf",
        "opentype/inter/Inter-Bold.otf",
    ),
    font(
        "carlito",
        "Carlito",
        "sans-serif",
        "fonts-crosextra-carlito",
        "OFL-1.1",
        "truetype/crosextra/Carlito-Regular.ttf",
        "truetype/crosextra/Carlito-Bold.ttf",
    ),
    font(
        "caladea",
        "Caladea",
        "serif",
        "fonts-crosextra-caladea",
        "Apache-2.0",
        "truetype/crosextra/Caladea-Regular.ttf",
        "truetype/crosextra/Caladea-Bold.ttf",
    ),
    font(
        "cantarell",
        "Cantarell",
        "sans-serif",
        "fonts-cantarell",
        "OFL-1.1",
        "opentype/cantarell/Cantarell-Regular.otf",
        "opentype/cantarell/Cantarell-Bold.otf",
    ),
    // Debian's EBGaramond12-Bold.otf only covers ASCII and Latin-1 signs
    // (no "é"): bold text uses the regular face, which has every letter.
    font(
        "eb-garamond",
        "EB Garamond",
        "serif",
        "fonts-ebgaramond",
        "OFL-1.1",
        "opentype/ebgaramond/EBGaramond12-Regular.otf",
        "opentype/ebgaramond/EBGaramond12-Regular.otf",
    ),
    font(
        "quicksand",
        "Quicksand",
        "sans-serif",
        "fonts-quicksand",
        "OFL-1.1",
        "truetype/quicksand/Quicksand-Regular.ttf",
        "truetype/quicksand/Quicksand-Bold.ttf",
    ),
    font(
        "opendyslexic",
        "OpenDyslexic",
        "sans-serif",
        "fonts-opendyslexic",
        "Bitstream Vera and CC-BY-3.0",
        "opentype/opendyslexic/OpenDyslexic-Regular.otf",
        "opentype/opendyslexic/OpenDyslexic-Bold.otf",
    ),
];

/// The two weights a family is used in: regular text and bold.
pub const WEIGHTS: [u16; 2] = [400, 700];

pub fn builtin(key: &str) -> Option<&'static Builtin> {
    BUILTIN.iter().find(|f| f.key == key)
}

impl Builtin {
    /// The file of a weight (400 or 700), relative to the font directory.
    pub fn file(&self, weight: u16) -> Option<&'static str> {
        match weight {
            400 => Some(self.regular),
            700 => Some(self.bold),
            _ => None,
        }
    }
}

/// Which family headings or body text use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The system's interface font (the default).
    System,
    Builtin(&'static Builtin),
    /// A family uploaded by the organisation, by name.
    Uploaded(String),
}

impl Choice {
    /// A stored or submitted choice: "", "builtin:KEY" or "uploaded:NAME".
    pub fn parse(s: &str) -> Option<Choice> {
        match s.split_once(':') {
            None if s.is_empty() => Some(Choice::System),
            Some(("builtin", key)) => builtin(key).map(Choice::Builtin),
            Some(("uploaded", name)) => family_name(name).ok().map(Choice::Uploaded),
            _ => None,
        }
    }

    pub fn as_string(&self) -> String {
        match self {
            Choice::System => String::new(),
            Choice::Builtin(f) => format!("builtin:{}", f.key),
            Choice::Uploaded(name) => format!("uploaded:{name}"),
        }
    }
}

/// Longest name of an uploaded family.
pub const MAX_FAMILY: usize = 60;

/// The name of an uploaded family: letters, digits, spaces and dashes only
/// (so that it goes into CSS as it is), 1 to 60 characters.
pub fn family_name(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    let ok = s.chars().count() <= MAX_FAMILY
        && s.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        && !s.contains("  ");
    if ok { Ok(s.to_string()) } else { Err("error-font-name") }
}

/// A weight as submitted: 400 or 700.
pub fn weight(s: &str) -> Result<u16, &'static str> {
    match s.trim() {
        "400" => Ok(400),
        "700" => Ok(700),
        _ => Err("error-choice-unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fourteen_distinct_families_with_two_weights_each() {
        let mut keys: Vec<&str> = BUILTIN.iter().map(|f| f.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 14);
        for f in &BUILTIN {
            // EB Garamond's bold file lacks accented letters: its regular
            // face serves both weights.
            assert!(f.regular != f.bold || f.key == "eb-garamond", "{}", f.key);
            assert!(f.file(400).is_some() && f.file(700).is_some() && f.file(500).is_none());
            assert!(family_name(f.name).is_ok(), "{}", f.name);
        }
    }

    #[test]
    fn choices_round_trip_and_refuse_unknown_families() {
        for s in ["", "builtin:lato", "uploaded:Marianne"] {
            assert_eq!(Choice::parse(s).unwrap().as_string(), s);
        }
        assert_eq!(Choice::parse("builtin:comic-sans"), None);
        assert_eq!(Choice::parse("uploaded:x;}body{color:red"), None);
        assert_eq!(Choice::parse("lato"), None);
    }

    #[test]
    fn family_names_go_into_css_as_they_are() {
        assert_eq!(family_name(" Marianne ").unwrap(), "Marianne");
        assert!(family_name("Ville-Démo Sans 2").is_ok());
        for bad in ["", "a\"b", "a;b", "a}b", "a  b", &"x".repeat(61)] {
            assert!(family_name(bad).is_err(), "{bad}");
        }
        assert_eq!(weight("700"), Ok(700));
        assert!(weight("500").is_err());
    }
}
