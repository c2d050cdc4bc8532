//! A questionnaire's results, per question: counts and shares of choices,
//! rankings (average rank, Borda points), majority judgement (majority grade
//! and Balinski–Laraki order), number statistics, text answers with their
//! word frequencies. Computed from the distinct answers and their counts,
//! and kept until the replies change (checked on every request, so every
//! server shows fresh results).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use participe_domain::form::{Answer, Question, QuestionKind};
use participe_domain::majority::{self, Grade, Tally};
use participe_domain::survey_results::{NumberStats, word_frequencies};
use serde::Serialize;

use crate::storage::questionnaires::{self, Filter};
use crate::storage::{Db, StoreResult};

/// Texts listed under a text question; the word list covers them all.
pub const TEXTS_SHOWN: usize = 50;
const WORDS_SHOWN: usize = 20;
const MAX_ENTRIES: usize = 1_000;

#[derive(Debug, Clone, Serialize)]
pub struct ChoiceRow {
    pub title: String,
    pub colour: String,
    pub count: u64,
    /// Whole per cent of those who answered the question.
    pub percent: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RankRow {
    pub title: String,
    pub average_rank: Option<f64>,
    pub borda: u64,
    pub times_ranked: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct GradeShare {
    pub grade: &'static str,
    pub message_id: &'static str,
    pub count: u64,
    pub percent: f64,
    /// Where its segment starts in the stacked bar, in per cent.
    pub offset: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct JudgementRow {
    pub title: String,
    pub rank: usize,
    pub majority_grade: Option<&'static str>,
    pub distribution: Vec<GradeShare>,
}

/// One question's results, by kind.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    Choices {
        rows: Vec<ChoiceRow>,
        others: Vec<(String, u64)>,
    },
    Ranking {
        rows: Vec<RankRow>,
    },
    Judgement {
        rows: Vec<JudgementRow>,
    },
    Numbers {
        stats: Option<NumberStats>,
    },
    Texts {
        texts: Vec<String>,
        words: Vec<(String, u64)>,
    },
    Files,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionResult {
    pub id: i64,
    pub label: String,
    pub kind: &'static str,
    pub private: bool,
    /// Replies that answered it.
    pub answered: u64,
    pub body: Body,
}

#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub replies: i64,
    pub questions: Vec<QuestionResult>,
}

fn percent(n: u64, of: u64) -> u64 {
    (n * 100 + of / 2).checked_div(of).unwrap_or(0)
}

/// The results of `questions` from (question, stored answer, count) rows.
pub fn compute(questions: &[Question], rows: &[(i64, String, i64)], replies: i64) -> Results {
    let mut by_question: HashMap<i64, Vec<(Answer, u64)>> = HashMap::new();
    let kinds: HashMap<i64, QuestionKind> = questions.iter().map(|q| (q.id, q.kind)).collect();
    for (qid, value, n) in rows {
        if let Some(kind) = kinds.get(qid) {
            by_question
                .entry(*qid)
                .or_default()
                .push((Answer::from_storage(*kind, value), (*n).max(0) as u64));
        }
    }
    let questions = questions
        .iter()
        .filter(|q| q.kind.takes_answer())
        .map(|q| {
            let answers = by_question.remove(&q.id).unwrap_or_default();
            let answered: u64 = answers.iter().map(|(_, n)| n).sum();
            QuestionResult {
                id: q.id,
                label: q.label.clone(),
                kind: q.kind.as_str(),
                private: q.private,
                answered,
                body: body(q, &answers, answered),
            }
        })
        .collect();
    Results { replies, questions }
}

fn body(q: &Question, answers: &[(Answer, u64)], answered: u64) -> Body {
    match q.kind {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice | QuestionKind::YesNo => {
            let titles: Vec<(String, String)> = if q.kind == QuestionKind::YesNo {
                vec![("yes".into(), String::new()), ("no".into(), String::new())]
            } else {
                q.choices.iter().map(|c| (c.title.clone(), c.colour.clone())).collect()
            };
            let mut counts = vec![0u64; titles.len()];
            let mut others: HashMap<String, u64> = HashMap::new();
            for (a, n) in answers {
                for c in a.chosen() {
                    match titles.iter().position(|(t, _)| *t == c) {
                        Some(i) => counts[i] += n,
                        None => *others.entry(c).or_default() += n,
                    }
                }
            }
            let mut others: Vec<(String, u64)> = others.into_iter().collect();
            others.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            others.truncate(TEXTS_SHOWN);
            Body::Choices {
                rows: titles
                    .into_iter()
                    .zip(counts)
                    .map(|((title, colour), count)| ChoiceRow {
                        title,
                        colour,
                        count,
                        percent: percent(count, answered),
                    })
                    .collect(),
                others,
            }
        }
        QuestionKind::Ranking => {
            let n = q.choices.len() as u64;
            let mut rows: Vec<RankRow> = q
                .choices
                .iter()
                .map(|c| RankRow {
                    title: c.title.clone(),
                    average_rank: None,
                    borda: 0,
                    times_ranked: 0,
                })
                .collect();
            let mut rank_sums = vec![0u64; rows.len()];
            for (a, count) in answers {
                if let Answer::Ranking(order) = a {
                    for (r, title) in order.iter().enumerate() {
                        if let Some(i) = q.choices.iter().position(|c| c.title == *title) {
                            rows[i].times_ranked += count;
                            rows[i].borda += n.saturating_sub(r as u64 + 1) * count;
                            rank_sums[i] += (r as u64 + 1) * count;
                        }
                    }
                }
            }
            for (row, sum) in rows.iter_mut().zip(rank_sums) {
                if row.times_ranked > 0 {
                    row.average_rank = Some((sum as f64 / row.times_ranked as f64 * 100.0).round() / 100.0);
                }
            }
            rows.sort_by(|a, b| b.borda.cmp(&a.borda).then_with(|| a.title.cmp(&b.title)));
            Body::Ranking { rows }
        }
        QuestionKind::MajorityJudgement => {
            let mut tallies: Vec<Tally> = vec![[0; 6]; q.choices.len()];
            for (a, count) in answers {
                if let Answer::Grades(grades) = a {
                    for (title, g) in grades {
                        if let Some(i) = q.choices.iter().position(|c| c.title == *title) {
                            tallies[i][g.index()] += count;
                        }
                    }
                }
            }
            let rows = majority::rank(&tallies)
                .into_iter()
                .map(|r| {
                    let t = &tallies[r.option];
                    let total: u64 = t.iter().sum();
                    JudgementRow {
                        title: q.choices[r.option].title.clone(),
                        rank: r.rank,
                        majority_grade: r.majority_grade.map(Grade::message_id),
                        distribution: distribution(t, total),
                    }
                })
                .collect();
            Body::Judgement { rows }
        }
        QuestionKind::Number => {
            let mut values = Vec::new();
            for (a, count) in answers {
                if let Answer::Number(n) = a {
                    values.extend(std::iter::repeat_n(*n, *count as usize));
                }
            }
            Body::Numbers {
                stats: participe_domain::survey_results::number_stats(&values),
            }
        }
        QuestionKind::File => Body::Files,
        _ => {
            let mut texts: Vec<(&str, u64)> = answers
                .iter()
                .filter_map(|(a, n)| match a {
                    Answer::Text(t) => Some((t.as_str(), *n)),
                    _ => None,
                })
                .collect();
            let all: Vec<&str> = texts
                .iter()
                .flat_map(|(t, n)| std::iter::repeat_n(*t, *n as usize))
                .collect();
            let words = word_frequencies(&all, WORDS_SHOWN);
            texts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            Body::Texts {
                texts: texts
                    .into_iter()
                    .take(TEXTS_SHOWN)
                    .map(|(t, _)| t.to_string())
                    .collect(),
                words,
            }
        }
    }
}

/// A tally as shares of each grade, with each segment's start.
fn distribution(t: &Tally, total: u64) -> Vec<GradeShare> {
    let mut before = 0;
    Grade::ALL
        .iter()
        .map(|g| {
            let count = t[g.index()];
            let share = |n: u64| {
                if total == 0 {
                    0.0
                } else {
                    (n as f64 * 1000.0 / total as f64).round() / 10.0
                }
            };
            let s = GradeShare {
                grade: g.as_str(),
                message_id: g.message_id(),
                count,
                percent: share(count),
                offset: share(before),
            };
            before += count;
            s
        })
        .collect()
}

type Key = (i64, Filter);
/// The replies' version a result was computed for, and the result.
type Entry = ((i64, Option<i64>), Arc<Results>);

/// Results kept per questionnaire and filter with the replies' version.
#[derive(Default)]
pub struct ResultsCache {
    entries: Mutex<HashMap<Key, Entry>>,
}

impl ResultsCache {
    /// The results of a step's replies (all, or those the filter keeps).
    pub async fn get(&self, db: &Db, step_id: i64, questions: &[Question], f: &Filter) -> StoreResult<Arc<Results>> {
        let version = questionnaires::version(db, step_id).await?;
        let key = (step_id, f.clone());
        if let Some((v, r)) = self.lock().get(&key)
            && *v == version
            && r.questions.len() == questions.iter().filter(|q| q.kind.takes_answer()).count()
        {
            return Ok(r.clone());
        }
        let rows = questionnaires::answer_counts(db, step_id, f).await?;
        let replies = if *f == Filter::default() {
            version.0
        } else {
            questionnaires::filtered_count(db, step_id, f).await?
        };
        let results = Arc::new(compute(questions, &rows, replies));
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, (version, results.clone()));
        Ok(results)
    }

    /// Drops what is kept for a step (after its questions change).
    pub fn forget(&self, step_id: i64) {
        self.lock().retain(|(s, _), _| *s != step_id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Entry>> {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Drops a step's kept results on this server.
pub fn forget(state: &crate::app::AppState, step_id: i64) {
    state.questionnaire_results.forget(step_id);
}
