//! The form engine: custom questions (on proposal forms now, questionnaires
//! later) and the validation of their answers on the server.

use crate::{FieldErrors, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    ShortText,
    LongText,
    Number,
    SingleChoice,
    MultipleChoice,
    YesNo,
    /// A heading that groups the questions after it; it takes no answer.
    Section,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 7] = [
        QuestionKind::ShortText,
        QuestionKind::LongText,
        QuestionKind::Number,
        QuestionKind::SingleChoice,
        QuestionKind::MultipleChoice,
        QuestionKind::YesNo,
        QuestionKind::Section,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText => "long_text",
            QuestionKind::Number => "number",
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Section => "section",
        }
    }

    pub fn parse(s: &str) -> Result<QuestionKind, &'static str> {
        QuestionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or("error-question-kind-unknown")
    }

    pub fn has_choices(self) -> bool {
        matches!(self, QuestionKind::SingleChoice | QuestionKind::MultipleChoice)
    }
}

/// A question as configured. For numbers `min`/`max` bound the value; for
/// multiple choices they bound the number of choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: i64,
    pub kind: QuestionKind,
    pub label: String,
    pub help: String,
    pub required: bool,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub choices: Vec<String>,
    pub allow_other: bool,
}

/// The form value that selects "other" in a choice question.
pub const OTHER: &str = "__other__";
pub const MAX_SHORT: usize = 500;
pub const MAX_LONG: usize = 10_000;

/// A valid answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Text(String),
    Number(i64),
    /// The chosen labels; an "other" answer is its free text.
    Choices(Vec<String>),
    YesNo(bool),
}

impl Answer {
    /// The text stored in the database.
    pub fn to_storage(&self) -> String {
        match self {
            Answer::Text(t) => t.clone(),
            Answer::Number(n) => n.to_string(),
            Answer::Choices(c) => c.join("\n"),
            Answer::YesNo(b) => if *b { "yes" } else { "no" }.to_string(),
        }
    }

    /// Reads a stored answer back.
    pub fn from_storage(kind: QuestionKind, s: &str) -> Answer {
        match kind {
            QuestionKind::Number => s.parse().map(Answer::Number).unwrap_or_else(|_| Answer::Text(s.into())),
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                Answer::Choices(s.split('\n').filter(|c| !c.is_empty()).map(str::to_string).collect())
            }
            QuestionKind::YesNo => Answer::YesNo(s == "yes"),
            _ => Answer::Text(s.into()),
        }
    }
}

/// The form field name of a question's answer.
pub fn field_name(id: i64) -> String {
    format!("q-{id}")
}

fn values<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// An optional whole number that may not be negative (a limit, a cost, a
/// delay): empty means none.
pub fn parse_optional_count(s: &str) -> Result<Option<i64>, &'static str> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    match parse_number(s)? {
        n if n >= 0 => Ok(Some(n)),
        _ => Err("error-number-too-small"),
    }
}

/// Parses a number typed by a person ("1 500", "-3").
pub fn parse_number(s: &str) -> Result<i64, &'static str> {
    let cleaned: String = s.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    cleaned.parse::<i64>().map_err(|_| "error-number-invalid")
}

fn answer_one(q: &Question, pairs: &[(String, String)]) -> Result<Option<Answer>, &'static str> {
    let name = field_name(q.id);
    let given: Vec<&str> = values(pairs, &name)
        .into_iter()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    let other_text = values(pairs, &format!("{name}-other"))
        .first()
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    if given.is_empty() {
        return if q.required && q.kind != QuestionKind::Section {
            Err("error-required")
        } else {
            Ok(None)
        };
    }
    let answer = match q.kind {
        QuestionKind::Section => return Ok(None),
        QuestionKind::ShortText | QuestionKind::LongText => {
            let max = if q.kind == QuestionKind::ShortText {
                MAX_SHORT
            } else {
                MAX_LONG
            };
            if given.len() > 1 {
                return Err("error-answer-invalid");
            }
            Answer::Text(text::long_text(given[0], max)?)
        }
        QuestionKind::Number => {
            if given.len() > 1 {
                return Err("error-answer-invalid");
            }
            let n = parse_number(given[0])?;
            if q.min.is_some_and(|m| n < m) {
                return Err("error-number-too-small");
            }
            if q.max.is_some_and(|m| n > m) {
                return Err("error-number-too-large");
            }
            Answer::Number(n)
        }
        QuestionKind::YesNo => match given.as_slice() {
            ["yes"] => Answer::YesNo(true),
            ["no"] => Answer::YesNo(false),
            _ => return Err("error-answer-invalid"),
        },
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            if q.kind == QuestionKind::SingleChoice && given.len() > 1 {
                return Err("error-answer-invalid");
            }
            let mut chosen = Vec::new();
            for v in &given {
                if *v == OTHER && q.allow_other {
                    if other_text.is_empty() {
                        return Err("error-other-empty");
                    }
                    chosen.push(text::long_text(&other_text, MAX_SHORT)?);
                } else if q.choices.iter().any(|c| c == v) {
                    if !chosen.iter().any(|c| c == v) {
                        chosen.push(v.to_string());
                    }
                } else {
                    return Err("error-answer-invalid");
                }
            }
            if q.kind == QuestionKind::MultipleChoice {
                let n = chosen.len() as i64;
                if q.min.is_some_and(|m| n < m) {
                    return Err("error-too-few-choices");
                }
                if q.max.is_some_and(|m| n > m) {
                    return Err("error-too-many-choices");
                }
            }
            Answer::Choices(chosen)
        }
    };
    Ok(Some(answer))
}

/// Validates the answers to `questions` found in a submitted form's
/// key/value pairs. Every problem is reported against `q-ID`.
pub fn parse_answers(questions: &[Question], pairs: &[(String, String)]) -> Result<Vec<(i64, Answer)>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut answers = Vec::new();
    for q in questions {
        if let Some(Some(a)) = errors.check(field_name(q.id), answer_one(q, pairs)) {
            answers.push((q.id, a));
        }
    }
    errors.into_result(|| answers)
}

/// A question form as submitted by a project manager.
#[derive(Debug, Clone, Default)]
pub struct RawQuestion<'a> {
    pub kind: &'a str,
    pub label: &'a str,
    pub help: &'a str,
    pub required: bool,
    pub min: &'a str,
    pub max: &'a str,
    /// One choice per line.
    pub choices: &'a str,
    pub allow_other: bool,
}

impl Question {
    /// Parses a question's configuration (its id is set by storage).
    pub fn parse(raw: &RawQuestion) -> Result<Question, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = errors.check("kind", QuestionKind::parse(raw.kind));
        let label = errors.check(
            "label",
            text::long_text(raw.label, MAX_SHORT)
                .and_then(|l| if l.is_empty() { Err("error-required") } else { Ok(l) }),
        );
        let help = errors.check("help", text::long_text(raw.help, 1000));
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
        let mut choices: Vec<String> = Vec::new();
        for line in raw.choices.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if line.chars().count() > MAX_SHORT || line == OTHER {
                errors.add("choices", "error-choice-invalid");
            } else if !choices.iter().any(|c| c == line) {
                choices.push(line.to_string());
            }
        }
        if kind.is_some_and(QuestionKind::has_choices) && choices.len() < 2 && !errors.has("choices") {
            errors.add("choices", "error-choices-needed");
        }
        let kind = kind.unwrap_or(QuestionKind::ShortText);
        errors.into_result(|| Question {
            id: 0,
            kind,
            label: label.unwrap_or_default(),
            help: help.unwrap_or_default(),
            required: raw.required && kind != QuestionKind::Section,
            min: if matches!(kind, QuestionKind::Number | QuestionKind::MultipleChoice) {
                min
            } else {
                None
            },
            max: if matches!(kind, QuestionKind::Number | QuestionKind::MultipleChoice) {
                max
            } else {
                None
            },
            choices: if kind.has_choices() { choices } else { vec![] },
            allow_other: raw.allow_other && kind.has_choices(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(id: i64, kind: QuestionKind, required: bool) -> Question {
        Question {
            id,
            kind,
            label: "Q".into(),
            help: String::new(),
            required,
            min: None,
            max: None,
            choices: vec!["Vélo".into(), "Bus".into(), "Marche".into()],
            allow_other: true,
        }
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn validates_each_kind() {
        let mut num = q(1, QuestionKind::Number, true);
        num.min = Some(0);
        num.max = Some(100);
        let mut multi = q(2, QuestionKind::MultipleChoice, false);
        multi.max = Some(2);
        let qs = vec![
            num,
            multi,
            q(3, QuestionKind::YesNo, true),
            q(4, QuestionKind::Section, true),
            q(5, QuestionKind::SingleChoice, true),
        ];
        let ok = parse_answers(
            &qs,
            &pairs(&[
                ("q-1", " 42 "),
                ("q-2", "Bus"),
                ("q-2", OTHER),
                ("q-2-other", "Tram"),
                ("q-3", "no"),
                ("q-5", "Vélo"),
            ]),
        )
        .unwrap();
        assert_eq!(ok[0], (1, Answer::Number(42)));
        assert_eq!(ok[1], (2, Answer::Choices(vec!["Bus".into(), "Tram".into()])));
        assert_eq!(ok[2], (3, Answer::YesNo(false)));

        let e = parse_answers(
            &qs,
            &pairs(&[
                ("q-1", "101"),
                ("q-2", "Bus"),
                ("q-2", "Vélo"),
                ("q-2", "Marche"),
                ("q-3", "maybe"),
                ("q-5", "Avion"),
            ]),
        )
        .unwrap_err();
        for f in ["q-1", "q-2", "q-3", "q-5"] {
            assert!(e.has(f), "{f}");
        }
        let e = parse_answers(&qs, &pairs(&[])).unwrap_err();
        assert!(e.has("q-1") && e.has("q-3") && !e.has("q-2") && !e.has("q-4"));
    }

    #[test]
    fn answers_round_trip_through_storage() {
        for (kind, a) in [
            (QuestionKind::Number, Answer::Number(-7)),
            (
                QuestionKind::MultipleChoice,
                Answer::Choices(vec!["a".into(), "b".into()]),
            ),
            (QuestionKind::YesNo, Answer::YesNo(true)),
            (QuestionKind::LongText, Answer::Text("x\ny".into())),
        ] {
            assert_eq!(Answer::from_storage(kind, &a.to_storage()), a);
        }
    }

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
        assert_eq!(ok.choices, vec!["A", "B", "C"]);
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

    proptest! {
        #[test]
        fn answers_never_panic(v in proptest::collection::vec(("q-[1-6](-other)?", "\\PC{0,40}"), 0..10)) {
            let qs: Vec<Question> = QuestionKind::ALL.iter().enumerate().map(|(i, k)| q(i as i64, *k, i % 2 == 0)).collect();
            let _ = parse_answers(&qs, &v);
        }

        #[test]
        fn question_config_never_panics(k in "\\PC{0,20}", l in "\\PC{0,50}", a in "\\PC{0,8}", b in "\\PC{0,8}", c in "\\PC{0,80}") {
            let _ = Question::parse(&RawQuestion { kind: &k, label: &l, help: "", required: true, min: &a, max: &b, choices: &c, allow_other: true });
        }
    }
}
