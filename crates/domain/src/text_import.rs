//! Importing a whole text (a bill, a plan, a charter) pasted as Markdown or
//! plain text into a consultation's sections and articles.
//!
//! - Headings become sections, nested by level: Markdown `#` … `######` and
//!   underlined (`===`, `---`) headings, and in plain text the lines that
//!   French legal texts use: "Partie …", "Livre …", "Titre …", "Chapitre …",
//!   "Section …" (in that order of depth).
//! - A heading or a line starting with "Article" (or "Art.") opens an
//!   article; the paragraphs that follow, up to the next heading, are its text.
//! - Any other paragraph becomes an article on its own, titled by its first words.
//! - Text before the first heading goes into a first section named by the caller.

use crate::text::MAX_TITLE;

/// Limits that keep one paste from flooding the database.
pub const MAX_CHARS: usize = 1_000_000;
pub const MAX_SECTIONS: usize = 1_000;
pub const MAX_ARTICLES: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedArticle {
    pub title: String,
    pub body: String,
}

/// A section; `parent` is the index of an earlier section in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSection {
    pub title: String,
    pub parent: Option<usize>,
    pub articles: Vec<ImportedArticle>,
}

enum Line<'a> {
    Blank,
    /// Level, title, and whether the next line underlines it.
    Heading(usize, &'a str, bool),
    Article(&'a str),
    Text(&'a str),
}

const LEGAL_LEVELS: [(&str, usize); 5] = [
    ("partie", 1),
    ("livre", 1),
    ("titre", 2),
    ("chapitre", 3),
    ("section", 4),
];

/// The level of a plain-text heading such as "Chapitre II – Les mobilités".
fn legal_heading(line: &str) -> Option<usize> {
    let lower = line.to_lowercase();
    let (word, rest) = lower.split_once(' ')?;
    let level = LEGAL_LEVELS.iter().find(|(w, _)| *w == word)?.1;
    let number = rest.split([' ', ':', '.', '–', '-']).next().unwrap_or("");
    let numbered = number.chars().next().is_some_and(|c| c.is_ascii_digit())
        || (!number.is_empty() && number.chars().all(|c| "ivxlcdm".contains(c)))
        || ["premier", "première", "ier", "ière", "unique", "préliminaire"].contains(&number);
    (numbered && line.chars().count() <= MAX_TITLE && !line.ends_with('.')).then_some(level)
}

fn is_article(line: &str) -> bool {
    let lower = line.to_lowercase();
    (lower.starts_with("article ") || lower.starts_with("art. ")) && line.chars().count() <= MAX_TITLE
}

fn classify<'a>(line: &'a str, next: Option<&str>) -> Line<'a> {
    let t = line.trim();
    if t.is_empty() {
        return Line::Blank;
    }
    let hashes = t.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        let title = t[hashes..].trim().trim_end_matches('#').trim();
        if is_article(title) {
            return Line::Article(title);
        }
        return Line::Heading(hashes, title, false);
    }
    if let Some(n) = next.map(str::trim)
        && n.len() >= 3
    {
        if n.chars().all(|c| c == '=') {
            return Line::Heading(1, t, true);
        }
        if n.chars().all(|c| c == '-') {
            return Line::Heading(2, t, true);
        }
    }
    if is_article(t) {
        return Line::Article(t.trim_matches(|c| c == '*' || c == '_').trim());
    }
    if let Some(level) = legal_heading(t) {
        return Line::Heading(level, t, false);
    }
    Line::Text(line.trim_end())
}

/// A title from the first words of a paragraph: at most 10 words and 80 characters.
fn title_from(body: &str) -> String {
    let plain: String = body.chars().filter(|c| !matches!(c, '*' | '_' | '`' | '>')).collect();
    let mut title = String::new();
    for (i, word) in plain.split_whitespace().enumerate() {
        if i == 10 || title.chars().count() + word.chars().count() > 80 {
            title.push('…');
            break;
        }
        if i > 0 {
            title.push(' ');
        }
        title.push_str(word);
    }
    title
}

fn clip(s: &str) -> String {
    s.chars().take(MAX_TITLE).collect()
}

/// Builds the sections of `text`. `first_section` names the section that
/// receives what comes before the first heading.
pub fn import(text: &str, first_section: &str) -> Result<Vec<ImportedSection>, &'static str> {
    if text.trim().is_empty() {
        return Err("error-required");
    }
    if text.chars().count() > MAX_CHARS {
        return Err("error-text-too-long");
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut sections: Vec<ImportedSection> = Vec::new();
    // (level, index) of the open sections, outermost first.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    // The article being filled, if a heading opened one.
    let mut article: Option<ImportedArticle> = None;
    let mut paragraph: Vec<&str> = Vec::new();
    let mut articles = 0usize;

    fn current(sections: &mut Vec<ImportedSection>, stack: &mut Vec<(usize, usize)>, first: &str) -> usize {
        if let Some((_, i)) = stack.last() {
            return *i;
        }
        sections.push(ImportedSection {
            title: clip(first),
            parent: None,
            articles: Vec::new(),
        });
        // Any heading closes it: it is no one's parent.
        stack.push((usize::MAX, sections.len() - 1));
        sections.len() - 1
    }

    let flush_paragraph = |paragraph: &mut Vec<&str>,
                           article: &mut Option<ImportedArticle>,
                           sections: &mut Vec<ImportedSection>,
                           stack: &mut Vec<(usize, usize)>| {
        if paragraph.is_empty() {
            return;
        }
        let body = paragraph.join("\n");
        paragraph.clear();
        match article {
            Some(a) => {
                if !a.body.is_empty() {
                    a.body.push_str("\n\n");
                }
                a.body.push_str(&body);
            }
            None => {
                let i = current(sections, stack, first_section);
                sections[i].articles.push(ImportedArticle {
                    title: title_from(&body),
                    body,
                });
            }
        }
    };
    let close_article = |article: &mut Option<ImportedArticle>,
                         sections: &mut Vec<ImportedSection>,
                         stack: &mut Vec<(usize, usize)>| {
        if let Some(a) = article.take() {
            let i = current(sections, stack, first_section);
            sections[i].articles.push(a);
        }
    };

    let mut skip_underline = false;
    for (n, line) in lines.iter().enumerate() {
        if skip_underline {
            skip_underline = false;
            continue;
        }
        match classify(line, lines.get(n + 1).copied()) {
            Line::Blank => flush_paragraph(&mut paragraph, &mut article, &mut sections, &mut stack),
            Line::Text(t) => paragraph.push(t),
            Line::Heading(level, title, underlined) => {
                skip_underline = underlined;
                flush_paragraph(&mut paragraph, &mut article, &mut sections, &mut stack);
                close_article(&mut article, &mut sections, &mut stack);
                while stack.last().is_some_and(|(l, _)| *l >= level) {
                    stack.pop();
                }
                sections.push(ImportedSection {
                    title: clip(title),
                    parent: stack.last().map(|(_, i)| *i),
                    articles: Vec::new(),
                });
                stack.push((level, sections.len() - 1));
                if sections.len() > MAX_SECTIONS {
                    return Err("error-import-too-many");
                }
            }
            Line::Article(title) => {
                flush_paragraph(&mut paragraph, &mut article, &mut sections, &mut stack);
                close_article(&mut article, &mut sections, &mut stack);
                article = Some(ImportedArticle {
                    title: clip(title),
                    body: String::new(),
                });
                articles += 1;
            }
        }
        if articles > MAX_ARTICLES {
            return Err("error-import-too-many");
        }
    }
    flush_paragraph(&mut paragraph, &mut article, &mut sections, &mut stack);
    close_article(&mut article, &mut sections, &mut stack);
    if sections.iter().map(|s| s.articles.len()).sum::<usize>() > MAX_ARTICLES {
        return Err("error-import-too-many");
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shape(s: &[ImportedSection]) -> Vec<(String, Option<usize>, Vec<String>)> {
        s.iter()
            .map(|s| {
                (
                    s.title.clone(),
                    s.parent,
                    s.articles.iter().map(|a| a.title.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn markdown_headings_nest() {
        let text = "Préambule du plan.\n\n# Se déplacer\n\n## Le vélo\n\nCréer 50 km de pistes.\n\nDes arceaux partout.\n\n## La marche\n\n### Article 3\n\nÉlargir les trottoirs.\n\nAvec des bancs.\n\n# Se loger\n\nRénover 1 000 logements.";
        let s = import(text, "Introduction").unwrap();
        assert_eq!(
            shape(&s),
            vec![
                ("Introduction".into(), None, vec!["Préambule du plan.".into()]),
                ("Se déplacer".into(), None, vec![]),
                (
                    "Le vélo".into(),
                    Some(1),
                    vec!["Créer 50 km de pistes.".into(), "Des arceaux partout.".into()]
                ),
                ("La marche".into(), Some(1), vec!["Article 3".into()]),
                ("Se loger".into(), None, vec!["Rénover 1 000 logements.".into()]),
            ]
        );
        assert_eq!(s[3].articles[0].body, "Élargir les trottoirs.\n\nAvec des bancs.");
    }

    #[test]
    fn plain_text_bill() {
        let text = "TITRE IER – DISPOSITIONS GÉNÉRALES\n\nArticle 1er\nLa présente loi a pour objet…\n\nArticle 2\nIl est créé un conseil.\nIl se réunit deux fois par an.\n\nChapitre 1 : Le conseil\n\nArticle 3\nLe conseil compte 12 membres.";
        let s = import(text, "Introduction").unwrap();
        assert_eq!(
            shape(&s),
            vec![
                (
                    "TITRE IER – DISPOSITIONS GÉNÉRALES".into(),
                    None,
                    vec!["Article 1er".into(), "Article 2".into()]
                ),
                ("Chapitre 1 : Le conseil".into(), Some(0), vec!["Article 3".into()]),
            ]
        );
        assert_eq!(
            s[0].articles[1].body,
            "Il est créé un conseil.\nIl se réunit deux fois par an."
        );
    }

    #[test]
    fn underlined_headings_and_long_titles() {
        let text = "Le plan\n=======\n\nUne phrase très longue qui dépasse largement les dix mots permis pour un titre automatique.\n\nLes actions\n-----------\n\nAgir.";
        let s = import(text, "Introduction").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].parent, Some(0));
        assert!(s[0].articles[0].title.ends_with('…'));
        assert_eq!(s[1].articles[0].title, "Agir.");
        assert_eq!(import("   \n", "x"), Err("error-required"));
        // "Section" needs a number to be a heading: a sentence is text.
        let s = import("Section des sports du quartier est fermée.", "Intro").unwrap();
        assert_eq!(s[0].articles.len(), 1);
    }

    proptest! {
        #[test]
        fn never_panics_and_parents_come_first(text in "(\\PC{0,30}\n){0,30}") {
            if let Ok(s) = import(&text, "Intro") {
                for (i, sec) in s.iter().enumerate() {
                    prop_assert!(sec.parent.is_none_or(|p| p < i));
                    prop_assert!(sec.title.chars().count() <= MAX_TITLE);
                }
            }
        }
    }
}
