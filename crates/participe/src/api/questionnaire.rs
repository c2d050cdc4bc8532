//! Questionnaires and votations in the API: the questions of a
//! questionnaire step and, once they are visible to everyone, its results
//! (computed as on the results page: counts per choice, Borda points and
//! average ranks, majority grades and their Balinski–Laraki order, number
//! statistics). Private questions are left out.

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use participe_domain::questionnaire::{Kind, results_visible};

use super::{ApiCtx, Stored};
use crate::services::questionnaire_results::{Body, QuestionResult};
use crate::storage::{forms, questionnaires};

pub struct Questionnaire(pub questionnaires::Questionnaire);

#[Object]
impl Questionnaire {
    /// survey, or vote (a votation: secret ballot, one per person, receipts).
    async fn kind(&self) -> &str {
        self.0.settings.kind.as_str()
    }
    async fn intro(&self) -> &str {
        &self.0.settings.intro
    }
    /// Results shown to everyone (a votation's once published).
    async fn results_public(&self) -> bool {
        self.0.settings.results_public
    }
    /// When a votation's results (and receipts) were published.
    async fn results_published_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.0.results_published_at
    }
    /// The questions, in order (private ones left out).
    async fn questions(&self, ctx: &Context<'_>) -> Result<Vec<FormQuestion>> {
        let api = ctx.data::<ApiCtx>()?;
        Ok(forms::questions(&api.db, self.0.form_id)
            .await
            .api()?
            .into_iter()
            .filter(|q| !q.private)
            .map(|q| FormQuestion {
                id: q.id.into(),
                kind: q.kind.as_str().into(),
                label: q.label,
                help: q.help,
                required: q.required,
                choices: q.choices.into_iter().map(|c| c.title).collect(),
            })
            .collect())
    }
    /// The results, when everyone may see them; null otherwise.
    async fn results(&self, ctx: &Context<'_>) -> Result<Option<QuestionnaireResults>> {
        let api = ctx.data::<ApiCtx>()?;
        let published = self.0.results_published_at.is_some();
        if !results_visible(&self.0.settings, published, false) {
            return Ok(None);
        }
        let questions = forms::questions(&api.db, self.0.form_id).await.api()?;
        let r = api
            .state
            .questionnaire_results
            .get(&api.db, self.0.step_id, &questions, &Default::default())
            .await
            .api()?;
        Ok(Some(QuestionnaireResults {
            replies: r.replies,
            votation: self.0.settings.kind == Kind::Vote,
            questions: r
                .questions
                .iter()
                .filter(|q| !q.private)
                .map(question_results)
                .collect(),
        }))
    }
}

#[derive(SimpleObject)]
pub struct FormQuestion {
    pub id: ID,
    /// short_text, long_text, rich_text, number, single_choice, multiple_choice, ranking,
    /// majority, yes_no, file, section, siret, rna.
    pub kind: String,
    pub label: String,
    pub help: String,
    pub required: bool,
    pub choices: Vec<String>,
}

#[derive(SimpleObject)]
pub struct QuestionnaireResults {
    /// Replies (or ballots) counted.
    pub replies: i64,
    pub votation: bool,
    pub questions: Vec<QuestionResults>,
}

#[derive(SimpleObject)]
pub struct ChoiceCount {
    pub choice: String,
    pub count: u64,
}

#[derive(SimpleObject)]
pub struct RankingResult {
    pub choice: String,
    pub borda_points: u64,
    pub average_rank: Option<f64>,
}

#[derive(SimpleObject)]
pub struct GradeCount {
    /// very_good, good, fairly_good, passable, insufficient, reject.
    pub grade: String,
    pub count: u64,
}

#[derive(SimpleObject)]
pub struct JudgementResult {
    pub choice: String,
    /// 1 for the first, by majority grade then Balinski–Laraki's tie-break.
    pub rank: i64,
    pub majority_grade: Option<String>,
    pub grades: Vec<GradeCount>,
}

#[derive(SimpleObject)]
pub struct NumberSummary {
    pub count: u64,
    pub min: i64,
    pub median: f64,
    pub mean: f64,
    pub max: i64,
}

/// One question's results; the fields that do not apply to its kind are
/// empty or null.
#[derive(SimpleObject)]
pub struct QuestionResults {
    pub question_id: ID,
    pub label: String,
    pub kind: String,
    /// Replies that answered it.
    pub answered: u64,
    pub choices: Vec<ChoiceCount>,
    pub ranking: Vec<RankingResult>,
    pub judgement: Vec<JudgementResult>,
    pub numbers: Option<NumberSummary>,
}

fn question_results(q: &QuestionResult) -> QuestionResults {
    let mut out = QuestionResults {
        question_id: q.id.into(),
        label: q.label.clone(),
        kind: q.kind.into(),
        answered: q.answered,
        choices: vec![],
        ranking: vec![],
        judgement: vec![],
        numbers: None,
    };
    match &q.body {
        Body::Choices { rows, others } => {
            out.choices = rows
                .iter()
                .map(|r| ChoiceCount {
                    choice: r.title.clone(),
                    count: r.count,
                })
                .chain(others.iter().map(|(t, n)| ChoiceCount {
                    choice: t.clone(),
                    count: *n,
                }))
                .collect();
        }
        Body::Ranking { rows } => {
            out.ranking = rows
                .iter()
                .map(|r| RankingResult {
                    choice: r.title.clone(),
                    borda_points: r.borda,
                    average_rank: r.average_rank,
                })
                .collect();
        }
        Body::Judgement { rows } => {
            out.judgement = rows
                .iter()
                .map(|r| JudgementResult {
                    choice: r.title.clone(),
                    rank: r.rank as i64,
                    majority_grade: r.majority_grade.map(str::to_string),
                    grades: r
                        .distribution
                        .iter()
                        .map(|g| GradeCount {
                            grade: g.grade.into(),
                            count: g.count,
                        })
                        .collect(),
                })
                .collect();
        }
        Body::Numbers { stats } => {
            out.numbers = stats.as_ref().map(|s| NumberSummary {
                count: s.count,
                min: s.min,
                median: s.median,
                mean: s.mean,
                max: s.max,
            });
        }
        Body::Texts { .. } | Body::Files => {}
    }
    out
}
