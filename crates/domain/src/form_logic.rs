//! Logic jumps between the questions of a form: after a question, go to a
//! later one (or to the end) when its answer meets conditions ("choice is /
//! is not X", all or any of them), else follow an "always jump to". The
//! server walks the same path to know which questions were asked: skipped
//! questions are not required and their answers are dropped.

use serde::{Deserialize, Serialize};

use crate::FieldErrors;
use crate::form::{Question, QuestionKind};

/// Where a jump leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Question(i64),
    End,
}

/// "The answer is (or is not) this choice".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub is: bool,
    pub choice: String,
}

/// A conditional jump: when all (or any) of its conditions hold, go to `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jump {
    pub all: bool,
    pub conditions: Vec<Condition>,
    pub to: Target,
}

/// A question's jumps, tried in order, then its "always jump to".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logic {
    #[serde(default)]
    pub jumps: Vec<Jump>,
    #[serde(default)]
    pub always: Option<Target>,
}

impl Condition {
    fn holds(&self, chosen: &[String]) -> bool {
        chosen.contains(&self.choice) == self.is
    }
}

impl Jump {
    /// Whether the jump applies to an answer (the chosen titles; empty when
    /// the question was not answered).
    pub fn holds(&self, chosen: &[String]) -> bool {
        if self.conditions.is_empty() {
            return false;
        }
        if self.all {
            self.conditions.iter().all(|c| c.holds(chosen))
        } else {
            self.conditions.iter().any(|c| c.holds(chosen))
        }
    }
}

impl Logic {
    pub fn is_empty(&self) -> bool {
        self.jumps.is_empty() && self.always.is_none()
    }

    /// Where to go after an answer, if not simply to the next question.
    pub fn next(&self, chosen: &[String]) -> Option<Target> {
        self.jumps
            .iter()
            .find(|j| j.holds(chosen))
            .map(|j| j.to)
            .or(self.always)
    }

    /// The question ids this logic leads to.
    pub fn targets(&self) -> impl Iterator<Item = i64> + '_ {
        self.jumps
            .iter()
            .map(|j| j.to)
            .chain(self.always)
            .filter_map(|t| match t {
                Target::Question(id) => Some(id),
                Target::End => None,
            })
    }
}

/// The values a condition can test on a question: its choice titles, or
/// "yes"/"no".
pub fn testable_values(q: &Question) -> Vec<String> {
    match q.kind {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => q.choice_titles(),
        QuestionKind::YesNo => vec!["yes".into(), "no".into()],
        _ => vec![],
    }
}

/// The questions asked, by index, when each question's answer is given by
/// `chosen` (called once for each question on the path, in order). Jumps only
/// go forward: a jump to an earlier question or to an unknown one is ignored.
pub fn walk(questions: &[Question], mut chosen: impl FnMut(&Question) -> Vec<String>) -> Vec<usize> {
    let mut path = Vec::new();
    let mut i = 0;
    while i < questions.len() {
        path.push(i);
        let q = &questions[i];
        let answer = chosen(q);
        let next = q.logic.next(&answer);
        i = match next {
            None => i + 1,
            Some(Target::End) => break,
            Some(Target::Question(id)) => match questions.iter().position(|x| x.id == id) {
                Some(j) if j > i => j,
                _ => i + 1,
            },
        };
    }
    path
}

/// A jump as a manager submits it: up to a few (is/is not, choice) rows,
/// "all" or "any", and a target (a question id or "end").
#[derive(Debug, Clone, Default)]
pub struct RawJump<'a> {
    pub combine: &'a str,
    pub conditions: Vec<(&'a str, &'a str)>,
    pub target: &'a str,
}

/// Parses a jump out of `question` (at index `at` of `questions`). Rows
/// without a choice are ignored; at least one is needed.
pub fn parse_jump(questions: &[Question], at: usize, raw: &RawJump) -> Result<Jump, FieldErrors> {
    let mut errors = FieldErrors::new();
    let Some(q) = questions.get(at) else {
        errors.add("target", "error-answer-invalid");
        return Err(errors);
    };
    let values = testable_values(q);
    let mut conditions = Vec::new();
    for (op, choice) in &raw.conditions {
        let choice = choice.trim();
        if choice.is_empty() {
            continue;
        }
        let is = match op.trim() {
            "is" | "" => true,
            "is_not" => false,
            _ => {
                errors.add("conditions", "error-answer-invalid");
                continue;
            }
        };
        if !values.iter().any(|v| v == choice) {
            errors.add("conditions", "error-answer-invalid");
            continue;
        }
        conditions.push(Condition {
            is,
            choice: choice.to_string(),
        });
    }
    if conditions.is_empty() && !errors.has("conditions") {
        errors.add("conditions", "error-jump-condition-needed");
    }
    let to = parse_target(questions, at, raw.target);
    let to = errors.check("target", to);
    let all = match raw.combine.trim() {
        "all" | "" => true,
        "any" => false,
        _ => {
            errors.add("combine", "error-answer-invalid");
            true
        }
    };
    errors.into_result(|| Jump {
        all,
        conditions,
        to: to.unwrap_or(Target::End),
    })
}

/// A target typed as a question id or "end": it must come after question `at`.
pub fn parse_target(questions: &[Question], at: usize, raw: &str) -> Result<Target, &'static str> {
    let raw = raw.trim();
    if raw == "end" {
        return Ok(Target::End);
    }
    let id: i64 = raw.parse().map_err(|_| "error-jump-target")?;
    match questions.iter().position(|x| x.id == id) {
        Some(j) if j > at => Ok(Target::Question(id)),
        _ => Err("error-jump-target"),
    }
}

/// Drops the jumps that no longer make sense after questions changed (a
/// target deleted or moved before its source, a choice renamed).
pub fn prune(questions: &[Question], at: usize, logic: &Logic) -> Logic {
    let Some(q) = questions.get(at) else {
        return Logic::default();
    };
    let values = testable_values(q);
    let ok_target = |t: &Target| match t {
        Target::End => true,
        Target::Question(id) => questions.iter().position(|x| x.id == *id).is_some_and(|j| j > at),
    };
    Logic {
        jumps: logic
            .jumps
            .iter()
            .filter(|j| ok_target(&j.to) && j.conditions.iter().all(|c| values.contains(&c.choice)))
            .cloned()
            .collect(),
        always: logic.always.filter(ok_target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Choice;
    use proptest::prelude::*;

    fn question(id: i64, choices: &[&str]) -> Question {
        let mut q = Question::new(QuestionKind::SingleChoice, "Q");
        q.id = id;
        q.choices = choices.iter().map(|c| Choice::new(c)).collect();
        q
    }

    fn jump(all: bool, conds: &[(bool, &str)], to: Target) -> Jump {
        Jump {
            all,
            conditions: conds
                .iter()
                .map(|(is, c)| Condition {
                    is: *is,
                    choice: c.to_string(),
                })
                .collect(),
            to,
        }
    }

    #[test]
    fn conditions_combine_with_all_or_any() {
        let j = jump(true, &[(true, "A"), (false, "B")], Target::End);
        assert!(j.holds(&["A".into()]));
        assert!(!j.holds(&["A".into(), "B".into()]));
        let j = jump(false, &[(true, "A"), (true, "B")], Target::End);
        assert!(j.holds(&["B".into()]));
        assert!(!j.holds(&[]));
        // "is not" holds on an unanswered question.
        assert!(jump(true, &[(false, "A")], Target::End).holds(&[]));
    }

    #[test]
    fn walk_follows_jumps_forward_only() {
        let mut qs: Vec<Question> = (1..=5).map(|i| question(i, &["Oui", "Non"])).collect();
        qs[0]
            .logic
            .jumps
            .push(jump(true, &[(true, "Non")], Target::Question(4)));
        qs[3].logic.always = Some(Target::End);
        // A backward jump is ignored.
        qs[1].logic.always = Some(Target::Question(1));
        let answers = |no: bool| {
            move |q: &Question| {
                if q.id == 1 && no {
                    vec!["Non".to_string()]
                } else {
                    vec![]
                }
            }
        };
        assert_eq!(walk(&qs, answers(true)), vec![0, 3]);
        assert_eq!(walk(&qs, answers(false)), vec![0, 1, 2, 3]);
    }

    #[test]
    fn jumps_are_checked_and_pruned() {
        let qs: Vec<Question> = (1..=3).map(|i| question(i, &["Oui", "Non"])).collect();
        let ok = parse_jump(
            &qs,
            1,
            &RawJump {
                combine: "any",
                conditions: vec![("is_not", "Oui"), ("is", "")],
                target: "3",
            },
        )
        .unwrap();
        assert_eq!(ok, jump(false, &[(false, "Oui")], Target::Question(3)));
        let e = parse_jump(
            &qs,
            1,
            &RawJump {
                combine: "all",
                conditions: vec![("is", "Peut-être")],
                target: "1",
            },
        )
        .unwrap_err();
        assert!(e.has("conditions") && e.has("target"));
        let logic = Logic {
            jumps: vec![ok.clone(), jump(true, &[(true, "Gone")], Target::End)],
            always: Some(Target::Question(9)),
        };
        assert_eq!(
            prune(&qs, 1, &logic),
            Logic {
                jumps: vec![ok],
                always: None
            }
        );
    }

    #[test]
    fn logic_round_trips_as_json() {
        let logic = Logic {
            jumps: vec![jump(true, &[(true, "A")], Target::Question(7))],
            always: Some(Target::End),
        };
        let s = serde_json::to_string(&logic).unwrap();
        assert_eq!(serde_json::from_str::<Logic>(&s).unwrap(), logic);
        assert_eq!(serde_json::from_str::<Logic>("{}").unwrap(), Logic::default());
    }

    proptest! {
        #[test]
        fn walk_ends_and_visits_in_order(targets in proptest::collection::vec((0i64..12, any::<bool>()), 0..10)) {
            let mut qs: Vec<Question> = (1..=10).map(|i| question(i, &["A", "B"])).collect();
            for (i, (t, a)) in targets.iter().enumerate() {
                let to = if *t == 0 { Target::End } else { Target::Question(*t) };
                qs[i].logic.jumps.push(jump(*a, &[(true, "A")], to));
            }
            let path = walk(&qs, |q| if q.id % 2 == 0 { vec!["A".into()] } else { vec![] });
            prop_assert!(path.windows(2).all(|w| w[0] < w[1]));
            prop_assert_eq!(path.first(), Some(&0));
        }
    }
}
