//! The form engine's questions in pages: what the shared template macro
//! (`_questions.html`) needs to show each question type, the values a form
//! shows again, and uploaded files put in place of file answers. Used by the
//! proposal form and by questionnaires.

use std::collections::BTreeMap;

use participe_domain::form::{Answer, Question, QuestionKind, choice_field, field_name};
use participe_domain::majority::Grade;

use crate::app::AppState;
use crate::files::{check_image, check_pdf, new_name};
use crate::web::error::AppResult;
use crate::web::upload::MultipartForm;

/// A choice as the template shows it.
#[derive(serde::Serialize)]
pub struct ChoiceView {
    pub title: String,
    pub description: String,
    pub colour: String,
    /// The stored name of its image, or empty.
    pub image: String,
    /// The field of its rank or grade (`q-ID-cK`), by its configured index.
    pub field: String,
}

/// A question as the template shows it.
#[derive(serde::Serialize)]
pub struct QuestionView {
    pub id: i64,
    pub field: String,
    pub kind: &'static str,
    pub label: String,
    pub help: String,
    pub description: String,
    pub required: bool,
    pub private: bool,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub choices: Vec<ChoiceView>,
    pub allow_other: bool,
    pub display: &'static str,
    pub level: u8,
    /// The logic jumps as JSON, for the script that hides skipped questions.
    pub logic: String,
    /// Hidden by the logic, given the answers so far.
    pub skipped: bool,
}

/// The six grades of majority judgement, best first, with their message ids.
pub fn grades() -> Vec<(&'static str, &'static str)> {
    Grade::ALL.iter().map(|g| (g.as_str(), g.message_id())).collect()
}

/// Views of `questions`; choices shuffled with `seed` where the question asks
/// for a random order (the same seed gives the same order, so a page shown
/// again keeps it). `asked` lists the questions on the path (None: all).
pub fn views(questions: &[Question], seed: u64, asked: Option<&[i64]>) -> Vec<QuestionView> {
    questions
        .iter()
        .map(|q| {
            let mut choices: Vec<ChoiceView> = q
                .choices
                .iter()
                .enumerate()
                .map(|(k, c)| ChoiceView {
                    title: c.title.clone(),
                    description: c.description.clone(),
                    colour: c.colour.clone(),
                    image: c.image.clone(),
                    field: choice_field(q.id, k),
                })
                .collect();
            if q.random_order {
                shuffle(&mut choices, seed ^ (q.id as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            }
            QuestionView {
                id: q.id,
                field: field_name(q.id),
                kind: q.kind.as_str(),
                label: q.label.clone(),
                help: q.help.clone(),
                description: q.description.clone(),
                required: q.required,
                private: q.private,
                min: q.min,
                max: q.max,
                choices,
                allow_other: q.allow_other,
                display: q.display.as_str(),
                level: q.level,
                logic: if q.logic.is_empty() {
                    String::new()
                } else {
                    serde_json::to_string(&q.logic).unwrap_or_default()
                },
                skipped: asked.is_some_and(|a| !a.contains(&q.id)),
            }
        })
        .collect()
}

/// A small repeatable shuffle (Fisher–Yates over a xorshift sequence).
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut x = seed | 1;
    for i in (1..items.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        items.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

/// What a form shows in its fields: every submitted value by name
/// (repeated names for multiple choices).
#[derive(serde::Serialize, Default)]
pub struct Values {
    pub fields: BTreeMap<String, String>,
    pub multi: BTreeMap<String, Vec<String>>,
}

impl Values {
    pub fn from_pairs(pairs: &[(String, String)]) -> Values {
        let mut v = Values::default();
        for (k, val) in pairs {
            v.fields.entry(k.clone()).or_insert_with(|| val.clone());
            v.multi.entry(k.clone()).or_default().push(val.clone());
        }
        v
    }
}

/// Stored answers (question id, stored text) as the form fields that would
/// give them: an "other" answer in its box, ranks and grades per choice.
pub fn answer_pairs(questions: &[Question], stored: &[(i64, String)]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (qid, value) in stored {
        let Some(q) = questions.iter().find(|q| q.id == *qid) else {
            continue;
        };
        let name = field_name(q.id);
        let index = |title: &str| q.choices.iter().position(|c| c.title == title);
        match Answer::from_storage(q.kind, value) {
            Answer::Choices(chosen) => {
                for c in chosen {
                    if q.has_choice(&c) {
                        pairs.push((name.clone(), c));
                    } else {
                        pairs.push((name.clone(), participe_domain::form::OTHER.into()));
                        pairs.push((format!("{name}-other"), c));
                    }
                }
            }
            Answer::Ranking(order) => {
                for (r, title) in order.iter().enumerate() {
                    if let Some(k) = index(title) {
                        pairs.push((choice_field(q.id, k), (r + 1).to_string()));
                    }
                }
            }
            Answer::Grades(grades) => {
                for (title, g) in grades {
                    if let Some(k) = index(&title) {
                        pairs.push((choice_field(q.id, k), g.as_str().to_string()));
                    }
                }
            }
            other => pairs.push((name, other.to_storage())),
        }
    }
    pairs
}

/// The text fields of a multipart form with the answers to file questions
/// put in place: values a client typed for those fields are dropped, and
/// each uploaded file (an image or a PDF, checked by content, within the
/// question's size limit) is stored and its name given as the answer. A
/// file that fails its check is reported against its question; a kept
/// answer (`keep`, e.g. a draft's earlier upload) stands when no new file
/// comes.
pub async fn with_files(
    state: &AppState,
    questions: &[Question],
    form: &MultipartForm,
    keep: &[(i64, String)],
) -> AppResult<(Vec<(String, String)>, participe_domain::FieldErrors)> {
    let mut errors = participe_domain::FieldErrors::new();
    let file_fields: Vec<(i64, String, usize)> = questions
        .iter()
        .filter(|q| q.kind == QuestionKind::File)
        .map(|q| {
            let mb = q.max.unwrap_or(participe_domain::form::DEFAULT_FILE_MB).clamp(1, 20) as usize;
            (q.id, field_name(q.id), mb * 1024 * 1024)
        })
        .collect();
    let mut pairs: Vec<(String, String)> = form
        .fields
        .iter()
        .filter(|(k, _)| !file_fields.iter().any(|(_, f, _)| f == k))
        .cloned()
        .collect();
    for (qid, field, max) in &file_fields {
        match form.files(field).next() {
            Some(file) => {
                let kind = check_image(&file.bytes, *max).or_else(|_| check_pdf(&file.bytes, *max));
                match kind {
                    Ok(kind) => {
                        let name = new_name(kind);
                        state.files.put(name.clone(), file.bytes.to_vec()).await?;
                        pairs.push((field.clone(), name));
                    }
                    Err(code) => errors.add(field.clone(), code),
                }
            }
            None => {
                if let Some((_, v)) = keep.iter().find(|(id, _)| id == qid) {
                    pairs.push((field.clone(), v.clone()));
                }
            }
        }
    }
    Ok((pairs, errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use participe_domain::form::{Choice, parse_answers};

    #[test]
    fn stored_answers_give_back_the_fields_that_make_them() {
        let mut rank = Question::new(QuestionKind::Ranking, "R");
        rank.id = 1;
        rank.choices = vec![Choice::new("A"), Choice::new("B"), Choice::new("C")];
        let mut grade = Question::new(QuestionKind::MajorityJudgement, "M");
        grade.id = 2;
        grade.choices = vec![Choice::new("X"), Choice::new("Y")];
        let mut pick = Question::new(QuestionKind::MultipleChoice, "P");
        pick.id = 3;
        pick.choices = vec![Choice::new("A"), Choice::new("B")];
        pick.allow_other = true;
        let qs = vec![rank, grade, pick];
        let stored = vec![
            (1, "C\nA".to_string()),
            (2, "good\tX\nreject\tY".to_string()),
            (3, "B\nTram".to_string()),
        ];
        let answers = parse_answers(&qs, &answer_pairs(&qs, &stored)).unwrap();
        let again: Vec<(i64, String)> = answers.iter().map(|(id, a)| (*id, a.to_storage())).collect();
        assert_eq!(again, stored);
    }

    #[test]
    fn shuffling_is_a_repeatable_permutation() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        shuffle(&mut a, 42);
        shuffle(&mut b, 42);
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
    }
}
