//! Word-level differences between a text and its amendment: runs of
//! unchanged, deleted and inserted words (with the spaces between them), so
//! that pages mark them with `<del>` and `<ins>`.

use std::time::Duration;

use similar::{ChangeTag, TextDiff};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    Same,
    Deleted,
    Inserted,
}

/// A run of text with one tag.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    pub tag: Tag,
    pub text: String,
}

/// The word-level difference from `old` to `new`, adjacent runs of the
/// same tag merged. Very large texts give up on the finest alignment after a
/// second rather than hang, and stay correct (still a valid difference).
pub fn words(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::configure()
        .timeout(Duration::from_secs(1))
        .diff_words(old, new);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => Tag::Same,
            ChangeTag::Delete => Tag::Deleted,
            ChangeTag::Insert => Tag::Inserted,
        };
        match out.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(change.value()),
            _ => out.push(Segment {
                tag,
                text: change.value().to_string(),
            }),
        }
    }
    out
}

/// The text before the change: unchanged and deleted runs.
pub fn old_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| s.tag != Tag::Inserted)
        .map(|s| s.text.as_str())
        .collect()
}

/// The text after the change: unchanged and inserted runs.
pub fn new_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| s.tag != Tag::Deleted)
        .map(|s| s.text.as_str())
        .collect()
}

/// Words added and removed, for a one-line summary ("+12 −3 mots").
pub fn counts(segments: &[Segment]) -> (usize, usize) {
    let words = |t: Tag| {
        segments
            .iter()
            .filter(|s| s.tag == t)
            .map(|s| s.text.split_whitespace().count())
            .sum()
    };
    (words(Tag::Inserted), words(Tag::Deleted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn marks_changed_words_only() {
        let d = words(
            "La ville plantera 100 arbres par an.",
            "La ville plantera 500 arbres par an.",
        );
        assert_eq!(
            d,
            vec![
                Segment {
                    tag: Tag::Same,
                    text: "La ville plantera ".into()
                },
                Segment {
                    tag: Tag::Deleted,
                    text: "100".into()
                },
                Segment {
                    tag: Tag::Inserted,
                    text: "500".into()
                },
                Segment {
                    tag: Tag::Same,
                    text: " arbres par an.".into()
                },
            ]
        );
        assert_eq!(counts(&d), (1, 1));
    }

    #[test]
    fn empty_sides() {
        assert_eq!(words("", ""), vec![]);
        assert_eq!(
            words("", "Nouveau"),
            vec![Segment {
                tag: Tag::Inserted,
                text: "Nouveau".into()
            }]
        );
        assert_eq!(old_text(&words("Ancien texte", "")), "Ancien texte");
    }

    #[test]
    fn accents_and_lines() {
        let old = "L'école ouvre à 8 h.\n\nLa cantine est gratuite.";
        let new = "L'école ouvre à 8 h 30.\n\nLa cantine reste gratuite.";
        let d = words(old, new);
        assert_eq!(new_text(&d), new);
        assert_eq!(old_text(&d), old);
        assert!(d.iter().any(|s| s.tag == Tag::Inserted && s.text.contains("30")));
    }

    proptest! {
        #[test]
        fn diff_then_apply_gives_both_texts(old in "\\PC{0,200}", new in "\\PC{0,200}") {
            let d = words(&old, &new);
            prop_assert_eq!(new_text(&d), new);
            prop_assert_eq!(old_text(&d), old);
            // Runs are merged: no two neighbours share a tag.
            prop_assert!(d.windows(2).all(|w| w[0].tag != w[1].tag));
        }

        #[test]
        fn related_texts_round_trip(words_a in proptest::collection::vec("[a-zéèàç]{1,8}", 0..60),
                                    edits in proptest::collection::vec((0usize..60, "[a-z]{1,6}"), 0..10)) {
            let old = words_a.join(" ");
            let mut b = words_a.clone();
            for (i, w) in edits {
                if b.is_empty() { b.push(w) } else { let n = b.len(); b[i % n] = w; }
            }
            let new = b.join(" ");
            let d = words(&old, &new);
            prop_assert_eq!(new_text(&d), new);
            prop_assert_eq!(old_text(&d), old);
        }
    }
}
