//! The form engine's questions: one engine for proposal forms, questionnaires
//! and votations. This file holds the question types and their configuration
//! as a manager submits it; `form_answers` checks answers, `form_logic` the
//! jumps between questions.

use serde::{Deserialize, Serialize};

use crate::{FieldErrors, colour::Rgb, text};

pub use crate::form_answers::{
    Answer, Completeness, OTHER, asked, choice_field, field_name, parse_answers, parse_answers_as, parse_number,
    parse_optional_count,
};
pub use crate::form_logic::{Condition, Jump, Logic, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    ShortText,
    LongText,
    /// Markdown, shown sanitised.
    RichText,
    Number,
    SingleChoice,
    MultipleChoice,
    /// Order some or all of the choices.
    Ranking,
    /// Grade every choice on the six grades of majority judgement.
    MajorityJudgement,
    YesNo,
    /// An uploaded file (type checked by content by the web layer).
    File,
    /// A French establishment number (14 digits, Luhn key).
    Siret,
    /// A French association number (W + 9 characters).
    Rna,
    /// A heading that groups the questions after it; it takes no answer.
    Section,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 13] = [
        QuestionKind::ShortText,
        QuestionKind::LongText,
        QuestionKind::RichText,
        QuestionKind::Number,
        QuestionKind::SingleChoice,
        QuestionKind::MultipleChoice,
        QuestionKind::Ranking,
        QuestionKind::MajorityJudgement,
        QuestionKind::YesNo,
        QuestionKind::File,
        QuestionKind::Siret,
        QuestionKind::Rna,
        QuestionKind::Section,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText => "long_text",
            QuestionKind::RichText => "rich_text",
            QuestionKind::Number => "number",
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::Ranking => "ranking",
            QuestionKind::MajorityJudgement => "majority",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::File => "file",
            QuestionKind::Siret => "siret",
            QuestionKind::Rna => "rna",
            QuestionKind::Section => "section",
        }
    }

    pub fn parse(s: &str) -> Result<QuestionKind, &'static str> {
        QuestionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or("error-question-kind-unknown")
    }

    /// Kinds configured with a list of choices.
    pub fn has_choices(self) -> bool {
        matches!(
            self,
            QuestionKind::SingleChoice
                | QuestionKind::MultipleChoice
                | QuestionKind::Ranking
                | QuestionKind::MajorityJudgement
        )
    }

    /// Kinds where a person picks among the choices (and may add "other").
    pub fn picks_choices(self) -> bool {
        matches!(self, QuestionKind::SingleChoice | QuestionKind::MultipleChoice)
    }

    /// Kinds whose `min`/`max` mean something: a number's bounds, the number
    /// of choices picked or ranked, a file's size in megabytes (max only).
    pub fn has_bounds(self) -> bool {
        matches!(
            self,
            QuestionKind::Number | QuestionKind::MultipleChoice | QuestionKind::Ranking | QuestionKind::File
        )
    }

    /// Kinds that take an answer (every kind but headings).
    pub fn takes_answer(self) -> bool {
        self != QuestionKind::Section
    }
}

/// How a single choice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceDisplay {
    #[default]
    Radio,
    Select,
    Buttons,
}

impl ChoiceDisplay {
    pub const ALL: [ChoiceDisplay; 3] = [ChoiceDisplay::Radio, ChoiceDisplay::Select, ChoiceDisplay::Buttons];

    pub fn as_str(self) -> &'static str {
        match self {
            ChoiceDisplay::Radio => "radio",
            ChoiceDisplay::Select => "select",
            ChoiceDisplay::Buttons => "buttons",
        }
    }

    pub fn parse(s: &str) -> ChoiceDisplay {
        ChoiceDisplay::ALL
            .into_iter()
            .find(|d| d.as_str() == s.trim())
            .unwrap_or_default()
    }
}

/// One choice of a choice question: a title, an optional description and colour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub title: String,
    pub description: String,
    /// `#rrggbb`, or empty.
    pub colour: String,
    /// The stored name of an uploaded image illustrating it, or empty.
    pub image: String,
}

/// Whether `s` has the shape of a stored upload's name (`<64 hex>.<png|jpg|gif|webp>`):
/// a choice may only point at an image uploaded to this site.
pub fn is_image_name(s: &str) -> bool {
    match s.split_once('.') {
        Some((stem, ext)) => {
            stem.len() == 64
                && stem.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
                && matches!(ext, "png" | "jpg" | "gif" | "webp")
        }
        None => false,
    }
}

impl Choice {
    pub fn new(title: &str) -> Choice {
        Choice {
            title: title.to_string(),
            description: String::new(),
            colour: String::new(),
            image: String::new(),
        }
    }

    /// Parses one line of the choices box: `Title | description | #colour
    /// | image` (the last three optional; the image is the stored name an
    /// upload gave, written by the editor's image form).
    pub fn parse_line(line: &str) -> Result<Choice, &'static str> {
        let mut parts = line.split(" | ").map(str::trim);
        let title = parts.next().unwrap_or_default();
        let description = parts.next().unwrap_or_default();
        let colour = parts.next().unwrap_or_default();
        let image = parts.next().unwrap_or_default();
        if !image.is_empty() && !is_image_name(image) {
            return Err("error-choice-image");
        }
        if title.is_empty() || title.chars().count() > MAX_CHOICE || title == OTHER || parts.next().is_some() {
            return Err("error-choice-invalid");
        }
        if description.chars().count() > MAX_CHOICE_DESCRIPTION {
            return Err("error-choice-invalid");
        }
        let colour = if colour.is_empty() {
            String::new()
        } else {
            Rgb::parse(colour).map_err(|_| "error-choice-colour")?.to_hex()
        };
        Ok(Choice {
            title: title.to_string(),
            description: description.to_string(),
            colour,
            image: image.to_string(),
        })
    }

    /// The line this choice is written as (the inverse of `parse_line`).
    pub fn to_line(&self) -> String {
        match (
            self.description.is_empty(),
            self.colour.is_empty(),
            self.image.is_empty(),
        ) {
            (true, true, true) => self.title.clone(),
            (false, true, true) => format!("{} | {}", self.title, self.description),
            (_, _, true) => format!("{} | {} | {}", self.title, self.description, self.colour),
            _ => format!(
                "{} | {} | {} | {}",
                self.title, self.description, self.colour, self.image
            ),
        }
    }
}

/// Choices as stored: one line each.
pub fn choices_to_text(choices: &[Choice]) -> String {
    choices.iter().map(Choice::to_line).collect::<Vec<_>>().join("\n")
}

/// Stored choices back (lines that no longer parse keep their whole text as title).
pub fn choices_from_text(s: &str) -> Vec<Choice> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Choice::parse_line(l).unwrap_or_else(|_| Choice::new(l.trim())))
        .collect()
}

/// A question as configured. `min`/`max` bound a number, the number of
/// choices picked (multiple choice) or ranked (ranking), or a file's size in
/// megabytes (max only).
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: i64,
    pub kind: QuestionKind,
    pub label: String,
    /// A short help under the label.
    pub help: String,
    /// A longer text before the field.
    pub description: String,
    pub required: bool,
    /// Answers shown to staff only (never in public results or open data).
    pub private: bool,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub choices: Vec<Choice>,
    pub allow_other: bool,
    pub display: ChoiceDisplay,
    /// Shuffle the choices for each respondent.
    pub random_order: bool,
    /// Heading level of a section: 1 (main) to 3.
    pub level: u8,
    pub logic: Logic,
}

impl Question {
    /// A question of `kind` with `label` and every option at its default.
    pub fn new(kind: QuestionKind, label: &str) -> Question {
        Question {
            id: 0,
            kind,
            label: label.to_string(),
            help: String::new(),
            description: String::new(),
            required: false,
            private: false,
            min: None,
            max: None,
            choices: vec![],
            allow_other: false,
            display: ChoiceDisplay::Radio,
            random_order: false,
            level: 1,
            logic: Logic::default(),
        }
    }

    /// Whether `title` is one of the configured choices.
    pub fn has_choice(&self, title: &str) -> bool {
        self.choices.iter().any(|c| c.title == title)
    }

    /// The titles of the choices, in their configured order.
    pub fn choice_titles(&self) -> Vec<String> {
        self.choices.iter().map(|c| c.title.clone()).collect()
    }
}

pub const MAX_SHORT: usize = 500;
pub const MAX_LONG: usize = 10_000;
pub const MAX_CHOICE: usize = 200;
pub const MAX_CHOICE_DESCRIPTION: usize = 500;
/// The most choices a question may have.
pub const MAX_CHOICES: usize = 50;
/// The largest upload a file question may accept, in megabytes.
pub const MAX_FILE_MB: i64 = 20;
/// A file question's size limit when none is set, in megabytes.
pub const DEFAULT_FILE_MB: i64 = 5;

/// A question form as submitted by a project manager.
#[derive(Debug, Clone, Default)]
pub struct RawQuestion<'a> {
    pub kind: &'a str,
    pub label: &'a str,
    pub help: &'a str,
    pub description: &'a str,
    pub required: bool,
    pub private: bool,
    pub min: &'a str,
    pub max: &'a str,
    /// One choice per line: `Title | description | #colour`.
    pub choices: &'a str,
    pub allow_other: bool,
    pub display: &'a str,
    pub random_order: bool,
    pub level: &'a str,
}

impl Question {
    /// Parses a question's configuration (its id is set by storage, its
    /// logic by `form_logic`).
    pub fn parse(raw: &RawQuestion) -> Result<Question, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = errors.check("kind", QuestionKind::parse(raw.kind));
        let label = errors.check(
            "label",
            text::long_text(raw.label, MAX_SHORT)
                .and_then(|l| if l.is_empty() { Err("error-required") } else { Ok(l) }),
        );
        let help = errors.check("help", text::long_text(raw.help, 1000));
        let description = errors.check("description", text::long_text(raw.description, 5000));
        let bound = |s: &str| {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                parse_number(s).map(Some)
            }
        };
        let min = errors.check("min", bound(raw.min)).flatten();
        let max = errors.check("max", bound(raw.max)).flatten();
        if let (Some(a), Some(b)) = (min, max)
            && a > b
        {
            errors.add("max", "error-max-below-min");
        }
        let mut choices: Vec<Choice> = Vec::new();
        for line in raw.choices.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match Choice::parse_line(line) {
                Ok(c) if !choices.iter().any(|d| d.title == c.title) => choices.push(c),
                Ok(_) => {}
                Err(code) => {
                    if !errors.has("choices") {
                        errors.add("choices", code);
                    }
                }
            }
        }
        if choices.len() > MAX_CHOICES && !errors.has("choices") {
            errors.add("choices", "error-choices-too-many");
        }
        if kind.is_some_and(QuestionKind::has_choices) && choices.len() < 2 && !errors.has("choices") {
            errors.add("choices", "error-choices-needed");
        }
        let kind = kind.unwrap_or(QuestionKind::ShortText);
        let count_bounds = matches!(kind, QuestionKind::MultipleChoice | QuestionKind::Ranking);
        if count_bounds && (min.is_some_and(|m| m < 0) || max.is_some_and(|m| m < 1)) {
            errors.add("min", "error-number-too-small");
        }
        if count_bounds && min.is_some_and(|m| m as usize > choices.len()) && !errors.has("choices") {
            errors.add("min", "error-bound-above-choices");
        }
        if kind == QuestionKind::File && max.is_some_and(|m| !(1..=MAX_FILE_MB).contains(&m)) {
            errors.add("max", "error-file-limit");
        }
        let level = match raw.level.trim() {
            "" | "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => {
                errors.add("level", "error-answer-invalid");
                1
            }
        };
        errors.into_result(|| Question {
            id: 0,
            kind,
            label: label.unwrap_or_default(),
            help: help.unwrap_or_default(),
            description: description.unwrap_or_default(),
            required: raw.required && kind.takes_answer(),
            private: raw.private && kind.takes_answer(),
            min: if kind.has_bounds() && kind != QuestionKind::File {
                min
            } else {
                None
            },
            max: if kind.has_bounds() { max } else { None },
            choices: if kind.has_choices() { choices } else { vec![] },
            allow_other: raw.allow_other && kind.picks_choices(),
            display: if kind == QuestionKind::SingleChoice {
                ChoiceDisplay::parse(raw.display)
            } else {
                ChoiceDisplay::Radio
            },
            random_order: raw.random_order && kind.has_choices(),
            level: if kind == QuestionKind::Section { level } else { 1 },
            logic: Logic::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn question_configuration_is_checked() {
        let e = Question::parse(&RawQuestion {
            kind: "single_choice",
            label: "",
            choices: "Un",
            min: "5",
            max: "2",
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.has("label") && e.has("choices") && e.has("max"));
        let ok = Question::parse(&RawQuestion {
            kind: "multiple_choice",
            label: "Modes",
            choices: "A\nB\nA\n\nC",
            max: "2",
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.choice_titles(), vec!["A", "B", "C"]);
        assert_eq!(ok.max, Some(2));
        assert!(
            Question::parse(&RawQuestion {
                kind: "essay",
                label: "x",
                ..Default::default()
            })
            .unwrap_err()
            .has("kind")
        );
    }

    #[test]
    fn choices_carry_a_description_and_a_colour() {
        let q = Question::parse(&RawQuestion {
            kind: "majority",
            label: "Noms",
            choices: "Place Olympe de Gouges | La révolutionnaire | #A1B2C3\nPlace des Tilleuls",
            ..Default::default()
        })
        .unwrap();
        assert_eq!(q.choices[0].description, "La révolutionnaire");
        assert_eq!(q.choices[0].colour, "#a1b2c3");
        assert_eq!(choices_from_text(&choices_to_text(&q.choices)), q.choices);
        let e = Question::parse(&RawQuestion {
            kind: "single_choice",
            label: "x",
            choices: "A | d | rouge\nB",
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.has("choices"));
    }

    #[test]
    fn options_only_apply_where_they_mean_something() {
        let q = Question::parse(&RawQuestion {
            kind: "section",
            label: "Partie 2",
            required: true,
            private: true,
            level: "2",
            min: "1",
            ..Default::default()
        })
        .unwrap();
        assert!(!q.required && !q.private && q.level == 2 && q.min.is_none());
        let q = Question::parse(&RawQuestion {
            kind: "single_choice",
            label: "x",
            choices: "A\nB",
            display: "buttons",
            ..Default::default()
        })
        .unwrap();
        assert_eq!(q.display, ChoiceDisplay::Buttons);
        let e = Question::parse(&RawQuestion {
            kind: "file",
            label: "x",
            max: "500",
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.has("max"));
        let e = Question::parse(&RawQuestion {
            kind: "ranking",
            label: "x",
            choices: "A\nB",
            min: "3",
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.has("min"));
    }

    proptest! {
        #[test]
        fn question_config_never_panics(k in "\\PC{0,20}", l in "\\PC{0,50}", a in "\\PC{0,8}", b in "\\PC{0,8}", c in "\\PC{0,80}", lv in "\\PC{0,3}") {
            let _ = Question::parse(&RawQuestion { kind: &k, label: &l, required: true, min: &a, max: &b, choices: &c, allow_other: true, level: &lv, ..Default::default() });
            for kind in QuestionKind::ALL {
                let _ = Question::parse(&RawQuestion { kind: kind.as_str(), label: &l, min: &a, max: &b, choices: &c, ..Default::default() });
            }
        }

        #[test]
        fn choice_lines_round_trip(t in "[a-zA-Zé ]{1,20}", d in "[a-z ]{0,20}", image in proptest::bool::ANY) {
            let img = if image { format!(" | {}.png", "ab".repeat(32)) } else { String::new() };
            if let Ok(c) = Choice::parse_line(&format!("{t} | {d} | #123456{img}")) {
                prop_assert_eq!(c.image.is_empty(), !image);
                prop_assert_eq!(Choice::parse_line(&c.to_line()).unwrap(), c);
            }
            if let Ok(c) = Choice::parse_line(&format!("{t} | {d} |  | {}.webp", "0f".repeat(32))) {
                prop_assert_eq!(Choice::parse_line(&c.to_line()).unwrap(), c);
            }
        }

        #[test]
        fn choice_images_are_stored_names_only(s in ".{0,80}") {
            if Choice::parse_line(&format!("A | | | {s}")).is_ok() {
                prop_assert!(s.trim().is_empty() || is_image_name(s.trim()));
            }
        }
    }
}
