//! Checking the answers to a form's questions on the server, along the path
//! the logic jumps take: a skipped question is not required and its answer
//! is dropped. Every problem is reported against the question's field `q-ID`.

use crate::form::{MAX_LONG, MAX_SHORT, Question, QuestionKind};
use crate::majority::Grade;
use crate::{FieldErrors, form_logic, french_ids, text};

/// The form value that selects "other" in a choice question.
pub const OTHER: &str = "__other__";

/// A valid answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Text(String),
    Number(i64),
    /// The chosen titles; an "other" answer is its free text.
    Choices(Vec<String>),
    /// Titles, best ranked first.
    Ranking(Vec<String>),
    /// A grade for every choice, in the choices' order.
    Grades(Vec<(String, Grade)>),
    YesNo(bool),
    /// The stored name of an uploaded file.
    File(String),
}

impl Answer {
    /// The text stored in the database.
    pub fn to_storage(&self) -> String {
        match self {
            Answer::Text(t) | Answer::File(t) => t.clone(),
            Answer::Number(n) => n.to_string(),
            Answer::Choices(c) | Answer::Ranking(c) => c.join("\n"),
            Answer::Grades(g) => g
                .iter()
                .map(|(c, g)| format!("{}\t{c}", g.as_str()))
                .collect::<Vec<_>>()
                .join("\n"),
            Answer::YesNo(b) => if *b { "yes" } else { "no" }.to_string(),
        }
    }

    /// Reads a stored answer back.
    pub fn from_storage(kind: QuestionKind, s: &str) -> Answer {
        let lines = || s.split('\n').filter(|c| !c.is_empty()).map(str::to_string).collect();
        match kind {
            QuestionKind::Number => s.parse().map(Answer::Number).unwrap_or_else(|_| Answer::Text(s.into())),
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice => Answer::Choices(lines()),
            QuestionKind::Ranking => Answer::Ranking(lines()),
            QuestionKind::MajorityJudgement => Answer::Grades(
                s.split('\n')
                    .filter_map(|l| {
                        let (g, c) = l.split_once('\t')?;
                        Some((c.to_string(), Grade::parse(g)?))
                    })
                    .collect(),
            ),
            QuestionKind::YesNo => Answer::YesNo(s == "yes"),
            QuestionKind::File => Answer::File(s.into()),
            _ => Answer::Text(s.into()),
        }
    }

    /// One line of plain text, for spreadsheets: choices joined by " | ",
    /// a ranking as "1. A | 2. B", grades as "A: very_good | B: reject".
    pub fn plain(&self) -> String {
        match self {
            Answer::Choices(c) => c.join(" | "),
            Answer::Ranking(c) => c
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{}. {t}", i + 1))
                .collect::<Vec<_>>()
                .join(" | "),
            Answer::Grades(g) => g
                .iter()
                .map(|(t, g)| format!("{t}: {}", g.as_str()))
                .collect::<Vec<_>>()
                .join(" | "),
            other => other.to_storage(),
        }
    }

    /// What logic conditions test: the chosen titles, or "yes"/"no".
    pub fn chosen(&self) -> Vec<String> {
        match self {
            Answer::Choices(c) => c.clone(),
            Answer::YesNo(b) => vec![if *b { "yes" } else { "no" }.to_string()],
            _ => vec![],
        }
    }
}

/// The form field name of a question's answer.
pub fn field_name(id: i64) -> String {
    format!("q-{id}")
}

/// The field of one choice's rank (ranking) or grade (majority judgement).
pub fn choice_field(id: i64, index: usize) -> String {
    format!("q-{id}-c{index}")
}

fn values<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn first<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    values(pairs, name).first().map(|s| s.trim()).unwrap_or_default()
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

fn count_in_bounds(q: &Question, n: usize) -> Result<(), &'static str> {
    let n = n as i64;
    if q.min.is_some_and(|m| n < m) {
        return Err("error-too-few-choices");
    }
    if q.max.is_some_and(|m| n > m) {
        return Err("error-too-many-choices");
    }
    Ok(())
}

/// Ranks typed per choice (`q-ID-cK` = "1", "2"…) to the ordered titles.
fn ranking(q: &Question, pairs: &[(String, String)]) -> Result<Option<Answer>, &'static str> {
    let mut ranked: Vec<(i64, &str)> = Vec::new();
    for (k, c) in q.choices.iter().enumerate() {
        let v = first(pairs, &choice_field(q.id, k));
        if !v.is_empty() {
            ranked.push((parse_number(v).map_err(|_| "error-ranking-invalid")?, &c.title));
        }
    }
    if ranked.is_empty() {
        return Ok(None);
    }
    ranked.sort_unstable();
    if ranked.iter().enumerate().any(|(i, (r, _))| *r != i as i64 + 1) {
        return Err("error-ranking-invalid");
    }
    count_in_bounds(q, ranked.len())?;
    Ok(Some(Answer::Ranking(
        ranked.into_iter().map(|(_, t)| t.to_string()).collect(),
    )))
}

/// A grade per choice (`q-ID-cK` = "very_good"…): all or none.
fn grades(q: &Question, pairs: &[(String, String)]) -> Result<Option<Answer>, &'static str> {
    let mut out = Vec::new();
    for (k, c) in q.choices.iter().enumerate() {
        let v = first(pairs, &choice_field(q.id, k));
        if v.is_empty() {
            continue;
        }
        out.push((c.title.clone(), Grade::parse(v).ok_or("error-answer-invalid")?));
    }
    match out.len() {
        0 => Ok(None),
        n if n == q.choices.len() => Ok(Some(Answer::Grades(out))),
        _ => Err("error-grade-every-choice"),
    }
}

fn picks(q: &Question, given: &[&str], other_text: &str) -> Result<Answer, &'static str> {
    if q.kind == QuestionKind::SingleChoice && given.len() > 1 {
        return Err("error-answer-invalid");
    }
    let mut chosen: Vec<String> = Vec::new();
    for v in given {
        if *v == OTHER && q.allow_other {
            if other_text.is_empty() {
                return Err("error-other-empty");
            }
            chosen.push(text::long_text(other_text, MAX_SHORT)?);
        } else if q.has_choice(v) {
            if !chosen.iter().any(|c| c == v) {
                chosen.push(v.to_string());
            }
        } else {
            return Err("error-answer-invalid");
        }
    }
    if q.kind == QuestionKind::MultipleChoice {
        count_in_bounds(q, chosen.len())?;
    }
    Ok(Answer::Choices(chosen))
}

fn one_value<'a>(given: &[&'a str]) -> Result<&'a str, &'static str> {
    match given {
        [v] => Ok(v),
        _ => Err("error-answer-invalid"),
    }
}

/// The answer to one question, if any. The web layer puts an uploaded
/// file's stored name under `q-ID` after checking it (and never lets a
/// client set that value itself).
fn answer_one(q: &Question, pairs: &[(String, String)]) -> Result<Option<Answer>, &'static str> {
    let answer = match q.kind {
        QuestionKind::Section => return Ok(None),
        QuestionKind::Ranking => ranking(q, pairs)?,
        QuestionKind::MajorityJudgement => grades(q, pairs)?,
        _ => {
            let name = field_name(q.id);
            let given: Vec<&str> = values(pairs, &name)
                .into_iter()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .collect();
            if given.is_empty() {
                None
            } else {
                Some(match q.kind {
                    QuestionKind::ShortText => Answer::Text(text::long_text(one_value(&given)?, MAX_SHORT)?),
                    QuestionKind::LongText | QuestionKind::RichText => {
                        Answer::Text(text::long_text(one_value(&given)?, MAX_LONG)?)
                    }
                    QuestionKind::Number => {
                        let n = parse_number(one_value(&given)?)?;
                        if q.min.is_some_and(|m| n < m) {
                            return Err("error-number-too-small");
                        }
                        if q.max.is_some_and(|m| n > m) {
                            return Err("error-number-too-large");
                        }
                        Answer::Number(n)
                    }
                    QuestionKind::YesNo => match one_value(&given)? {
                        "yes" => Answer::YesNo(true),
                        "no" => Answer::YesNo(false),
                        _ => return Err("error-answer-invalid"),
                    },
                    QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                        picks(q, &given, first(pairs, &format!("{name}-other")))?
                    }
                    QuestionKind::Siret => Answer::Text(french_ids::siret(one_value(&given)?)?),
                    QuestionKind::Rna => Answer::Text(french_ids::rna(one_value(&given)?)?),
                    QuestionKind::File => Answer::File(one_value(&given)?.to_string()),
                    QuestionKind::Section | QuestionKind::Ranking | QuestionKind::MajorityJudgement => {
                        return Ok(None);
                    }
                })
            }
        }
    };
    match answer {
        None if q.required => Err("error-required"),
        a => Ok(a),
    }
}

/// Whether unanswered required questions are an error (a reply) or not (a
/// draft saved to finish later).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    Draft,
}

/// Validates the answers to `questions` found in a submitted form's
/// key/value pairs, along the path the logic takes.
pub fn parse_answers(questions: &[Question], pairs: &[(String, String)]) -> Result<Vec<(i64, Answer)>, FieldErrors> {
    parse_answers_as(questions, pairs, Completeness::Complete)
}

/// As `parse_answers`, for a complete reply or a draft.
pub fn parse_answers_as(
    questions: &[Question],
    pairs: &[(String, String)],
    completeness: Completeness,
) -> Result<Vec<(i64, Answer)>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut answers: Vec<(i64, Answer)> = Vec::new();
    form_logic::walk(questions, |q| {
        let result = match answer_one(q, pairs) {
            Err("error-required") if completeness == Completeness::Draft => Ok(None),
            r => r,
        };
        match errors.check(field_name(q.id), result) {
            Some(Some(a)) => {
                let chosen = a.chosen();
                answers.push((q.id, a));
                chosen
            }
            _ => vec![],
        }
    });
    errors.into_result(|| answers)
}

/// The ids of the questions asked, given the answers stored so far (to show
/// a form again with the skipped questions hidden).
pub fn asked(questions: &[Question], answers: &[(i64, Answer)]) -> Vec<i64> {
    form_logic::walk(questions, |q| {
        answers
            .iter()
            .find(|(id, _)| *id == q.id)
            .map(|(_, a)| a.chosen())
            .unwrap_or_default()
    })
    .into_iter()
    .map(|i| questions[i].id)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{Choice, Logic, Target};
    use crate::form_logic::{Condition, Jump};
    use proptest::prelude::*;

    fn q(id: i64, kind: QuestionKind, required: bool) -> Question {
        let mut q = Question::new(kind, "Q");
        q.id = id;
        q.required = required;
        if kind.has_choices() {
            q.choices = ["Vélo", "Bus", "Marche"].iter().map(|c| Choice::new(c)).collect();
        }
        q.allow_other = kind.picks_choices();
        q
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
    fn rankings_need_consecutive_ranks() {
        let mut r = q(7, QuestionKind::Ranking, true);
        r.max = Some(2);
        let qs = vec![r];
        let ok = parse_answers(&qs, &pairs(&[("q-7-c2", "1"), ("q-7-c0", "2"), ("q-7-c1", "")])).unwrap();
        assert_eq!(ok[0].1, Answer::Ranking(vec!["Marche".into(), "Vélo".into()]));
        for bad in [
            vec![("q-7-c0", "1"), ("q-7-c1", "1")],
            vec![("q-7-c0", "1"), ("q-7-c1", "3")],
            vec![("q-7-c0", "1"), ("q-7-c1", "2"), ("q-7-c2", "3")],
            vec![("q-7-c0", "un")],
            vec![],
        ] {
            assert!(parse_answers(&qs, &pairs(&bad)).unwrap_err().has("q-7"), "{bad:?}");
        }
    }

    #[test]
    fn majority_judgement_grades_every_choice() {
        let qs = vec![q(8, QuestionKind::MajorityJudgement, false)];
        let ok = parse_answers(
            &qs,
            &pairs(&[("q-8-c0", "very_good"), ("q-8-c1", "reject"), ("q-8-c2", "passable")]),
        )
        .unwrap();
        let Answer::Grades(g) = &ok[0].1 else { panic!() };
        assert_eq!(g[1], ("Bus".to_string(), Grade::Reject));
        assert_eq!(
            Answer::from_storage(QuestionKind::MajorityJudgement, &ok[0].1.to_storage()),
            ok[0].1
        );
        assert!(
            parse_answers(&qs, &pairs(&[("q-8-c0", "good")]))
                .unwrap_err()
                .has("q-8")
        );
        assert!(
            parse_answers(
                &qs,
                &pairs(&[("q-8-c0", "superb"), ("q-8-c1", "good"), ("q-8-c2", "good")])
            )
            .is_err()
        );
        assert!(parse_answers(&qs, &pairs(&[])).unwrap().is_empty());
    }

    #[test]
    fn french_ids_are_checked() {
        let qs = vec![q(9, QuestionKind::Siret, true), q(10, QuestionKind::Rna, false)];
        let ok = parse_answers(&qs, &pairs(&[("q-9", "732 829 320 00074"), ("q-10", "w751234567")])).unwrap();
        assert_eq!(ok[0].1, Answer::Text("73282932000074".into()));
        assert_eq!(ok[1].1, Answer::Text("W751234567".into()));
        let e = parse_answers(&qs, &pairs(&[("q-9", "73282932000075"), ("q-10", "12345")])).unwrap_err();
        assert!(e.has("q-9") && e.has("q-10"));
    }

    #[test]
    fn skipped_questions_are_not_required_and_dropped() {
        let mut first = q(1, QuestionKind::YesNo, true);
        first.logic = Logic {
            jumps: vec![Jump {
                all: true,
                conditions: vec![Condition {
                    is: true,
                    choice: "no".into(),
                }],
                to: Target::Question(3),
            }],
            always: None,
        };
        let qs = vec![
            first,
            q(2, QuestionKind::ShortText, true),
            q(3, QuestionKind::ShortText, true),
        ];
        let ok = parse_answers(&qs, &pairs(&[("q-1", "no"), ("q-2", "ignored"), ("q-3", "fin")])).unwrap();
        assert_eq!(ok.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(asked(&qs, &ok), vec![1, 3]);
        let e = parse_answers(&qs, &pairs(&[("q-1", "yes"), ("q-3", "fin")])).unwrap_err();
        assert!(e.has("q-2"));
        // A draft may leave required questions empty, not give wrong answers.
        assert!(parse_answers_as(&qs, &pairs(&[("q-1", "yes")]), Completeness::Draft).is_ok());
        assert!(parse_answers_as(&qs, &pairs(&[("q-1", "peut-être")]), Completeness::Draft).is_err());
    }

    #[test]
    fn answers_round_trip_through_storage() {
        for (kind, a) in [
            (QuestionKind::Number, Answer::Number(-7)),
            (
                QuestionKind::MultipleChoice,
                Answer::Choices(vec!["a".into(), "b".into()]),
            ),
            (QuestionKind::Ranking, Answer::Ranking(vec!["b".into(), "a".into()])),
            (QuestionKind::YesNo, Answer::YesNo(true)),
            (QuestionKind::LongText, Answer::Text("x\ny".into())),
            (QuestionKind::File, Answer::File("ab12.pdf".into())),
        ] {
            assert_eq!(Answer::from_storage(kind, &a.to_storage()), a);
        }
    }

    proptest! {
        #[test]
        fn answers_never_panic(v in proptest::collection::vec(("q-([1-9]|1[0-3])(-other|-c[0-3])?", "\\PC{0,40}"), 0..16)) {
            let qs: Vec<Question> = QuestionKind::ALL.iter().enumerate().map(|(i, k)| q(i as i64 + 1, *k, i % 2 == 0)).collect();
            let _ = parse_answers(&qs, &v);
            let _ = parse_answers_as(&qs, &v, Completeness::Draft);
        }
    }
}
