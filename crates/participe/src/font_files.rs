//! Font files: checking an uploaded one by its content, the names they are
//! stored under, and how they are served.

/// Largest font file accepted, in bytes.
pub const MAX_FONT_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontFormat {
    Woff2,
    Woff,
    Ttf,
    Otf,
}

impl FontFormat {
    pub const ALL: [FontFormat; 4] = [FontFormat::Woff2, FontFormat::Woff, FontFormat::Ttf, FontFormat::Otf];

    pub fn extension(self) -> &'static str {
        match self {
            FontFormat::Woff2 => "woff2",
            FontFormat::Woff => "woff",
            FontFormat::Ttf => "ttf",
            FontFormat::Otf => "otf",
        }
    }

    pub fn from_extension(ext: &str) -> Option<FontFormat> {
        FontFormat::ALL.into_iter().find(|f| f.extension() == ext)
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FontFormat::Woff2 => "font/woff2",
            FontFormat::Woff => "font/woff",
            FontFormat::Ttf => "font/ttf",
            FontFormat::Otf => "font/otf",
        }
    }

    /// The `format()` hint of an `@font-face` source.
    pub fn css_format(self) -> &'static str {
        match self {
            FontFormat::Woff2 => "woff2",
            FontFormat::Woff => "woff",
            FontFormat::Ttf => "truetype",
            FontFormat::Otf => "opentype",
        }
    }
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    bytes
        .get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// Checks that `bytes` is a font by its content, within `max_bytes`:
/// TrueType and OpenType files are parsed (their required tables must
/// read), WOFF and WOFF2 files must have a consistent header (signature,
/// total length equal to the file's, tables, reserved field zero). Returns
/// a message id for the form on failure.
pub fn check_font(bytes: &[u8], max_bytes: usize) -> Result<FontFormat, &'static str> {
    if bytes.is_empty() {
        return Err("error-required");
    }
    if bytes.len() > max_bytes {
        return Err("error-font-too-large");
    }
    let wrapped = match bytes.get(..4) {
        Some(b"wOF2") => Some(FontFormat::Woff2),
        Some(b"wOFF") => Some(FontFormat::Woff),
        _ => None,
    };
    if let Some(format) = wrapped {
        let header = bytes.len() >= 48
            && be_u32(bytes, 8) == Some(bytes.len() as u32)
            && bytes.get(12..14).is_some_and(|n| n != [0, 0])
            && bytes.get(14..16) == Some(&[0, 0]);
        return if header {
            Ok(format)
        } else {
            Err("error-upload-not-font")
        };
    }
    match ttf_parser::Face::parse(bytes, 0) {
        Ok(_) if bytes.starts_with(b"OTTO") => Ok(FontFormat::Otf),
        Ok(_) => Ok(FontFormat::Ttf),
        Err(_) => Err("error-upload-not-font"),
    }
}

/// A new stored name for an uploaded font file.
pub fn new_name(format: FontFormat) -> String {
    format!("font-{}.{}", crate::security::random_token(), format.extension())
}

/// Whether `name` is a stored font's name (as `new_name` makes them).
pub fn is_stored_name(name: &str) -> bool {
    let Some((stem, ext)) = name.strip_prefix("font-").and_then(|n| n.split_once('.')) else {
        return false;
    };
    stem.len() == 64 && stem.bytes().all(|b| b.is_ascii_hexdigit()) && FontFormat::from_extension(ext).is_some()
}

/// Fonts never change at their address (a new upload gets a new name):
/// browsers keep them a year.
pub const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";

#[cfg(test)]
mod tests {
    use super::*;

    fn woff(signature: &[u8; 4], declared: u32, len: usize) -> Vec<u8> {
        let mut b = vec![0u8; len];
        b[..4].copy_from_slice(signature);
        b[8..12].copy_from_slice(&declared.to_be_bytes());
        b[12..14].copy_from_slice(&3u16.to_be_bytes());
        b
    }

    #[test]
    fn fonts_are_recognised_by_their_content() {
        assert_eq!(
            check_font(&woff(b"wOF2", 100, 100), MAX_FONT_BYTES),
            Ok(FontFormat::Woff2)
        );
        assert_eq!(check_font(&woff(b"wOFF", 64, 64), MAX_FONT_BYTES), Ok(FontFormat::Woff));
        // A truncated file says a length it does not have.
        assert_eq!(
            check_font(&woff(b"wOF2", 100, 80), MAX_FONT_BYTES),
            Err("error-upload-not-font")
        );
        // Named .ttf, but an image; or a TrueType header with nothing behind it.
        assert_eq!(
            check_font(b"\x89PNG\r\n\x1a\n0000", MAX_FONT_BYTES),
            Err("error-upload-not-font")
        );
        assert_eq!(
            check_font(&[0, 1, 0, 0, 0, 3, 0, 0], MAX_FONT_BYTES),
            Err("error-upload-not-font")
        );
        assert_eq!(check_font(&woff(b"wOF2", 100, 100), 99), Err("error-font-too-large"));
        assert_eq!(check_font(b"", 99), Err("error-required"));
    }

    #[test]
    fn stored_names_are_recognised() {
        let name = new_name(FontFormat::Woff2);
        assert!(is_stored_name(&name), "{name}");
        assert!(!is_stored_name("font-abc.woff2"));
        assert!(!is_stored_name(&name.replace("woff2", "png")));
        assert!(!is_stored_name("../etc/passwd"));
    }
}
