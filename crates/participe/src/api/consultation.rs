//! GraphQL types of consultations on a text and of debates: sections,
//! opinions (articles, contributions, amendments with their diff),
//! arguments, sources, debates and the published synthesis. Only what the
//! web shows a visitor: nothing awaiting moderation or hidden by it, no
//! unpublished synthesis, and never who voted what.

use std::collections::BTreeMap;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use participe_domain::consultation::{OpinionSort, Side};
use participe_domain::diff;

use super::query::visible_step;
use super::{ApiCtx, Stored, Total, page};
use crate::storage::{arguments, consultations, debates, opinions, sources, syntheses};

/// How many arguments or sources a list returns at most.
const LIST_LIMIT: i64 = 100;

/// An opinion this caller may see: public, in a visible step.
pub(super) async fn visible_opinion(api: &ApiCtx, id: i64) -> Result<Option<opinions::Opinion>> {
    let Some(o) = opinions::by_id(&api.db, id).await.api()?.filter(|o| o.is_public()) else {
        return Ok(None);
    };
    let Some(section) = consultations::section(&api.db, o.section_id).await.api()? else {
        return Ok(None);
    };
    let Some(c) = consultations::by_id(&api.db, section.consultation_id).await.api()? else {
        return Ok(None);
    };
    Ok(visible_step(api, c.step_id).await?.map(|_| o))
}

/// A debate this caller may see: in a visible step.
pub(super) async fn visible_debate(api: &ApiCtx, id: i64) -> Result<Option<debates::Debate>> {
    let Some(d) = debates::by_id(&api.db, id).await.api()? else {
        return Ok(None);
    };
    Ok(visible_step(api, d.step_id).await?.map(|_| d))
}

/// The order of a list of contributions or amendments.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Default)]
pub enum OpinionOrder {
    /// The organisers' order (the default of a text's articles).
    #[default]
    Position,
    /// Shuffled by the `seed` argument (stable for one seed).
    Random,
    Newest,
    Oldest,
    /// Most "agree" votes first.
    Favourable,
    MostVotes,
    MostArguments,
}

impl From<OpinionOrder> for OpinionSort {
    fn from(o: OpinionOrder) -> Self {
        match o {
            OpinionOrder::Position => OpinionSort::Position,
            OpinionOrder::Random => OpinionSort::Random,
            OpinionOrder::Newest => OpinionSort::Newest,
            OpinionOrder::Oldest => OpinionSort::Oldest,
            OpinionOrder::Favourable => OpinionSort::Favourable,
            OpinionOrder::MostVotes => OpinionSort::MostVotes,
            OpinionOrder::MostArguments => OpinionSort::MostArguments,
        }
    }
}

/// The side of an argument or a debate vote.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum ArgumentSide {
    For,
    Against,
}

impl From<ArgumentSide> for Side {
    fn from(s: ArgumentSide) -> Self {
        match s {
            ArgumentSide::For => Side::For,
            ArgumentSide::Against => Side::Against,
        }
    }
}

/// The order of arguments.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Default)]
pub enum ArgumentOrder {
    #[default]
    MostUpvoted,
    Newest,
}

/// The public arguments of one side of an opinion or a debate.
async fn public_arguments(
    ctx: &Context<'_>,
    about: arguments::About,
    side: ArgumentSide,
    sort: ArgumentOrder,
) -> Result<Vec<Argument>> {
    let api = ctx.data::<ApiCtx>()?;
    let list = arguments::public(
        &api.db,
        about,
        side.into(),
        sort == ArgumentOrder::MostUpvoted,
        LIST_LIMIT,
    )
    .await
    .api()?;
    Ok(list.into_iter().map(Argument).collect())
}

/// A consultation on a text: a tree of sections.
pub struct Consultation(pub consultations::Consultation);

#[Object]
impl Consultation {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Whether contributions are published only once moderators approve them.
    async fn pre_moderation(&self) -> bool {
        self.0.pre_moderation
    }
    /// Every section, parents before their children (see `parentId`).
    async fn sections(&self, ctx: &Context<'_>) -> Result<Vec<Section>> {
        let api = ctx.data::<ApiCtx>()?;
        let list = consultations::sections(&api.db, self.0.id).await.api()?;
        Ok(list.into_iter().map(Section).collect())
    }
}

/// A section of a consultation's text, with its participation options.
pub struct Section(pub consultations::Section);

#[Object]
impl Section {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    /// The section it sits in; null at the top level.
    async fn parent_id(&self) -> Option<ID> {
        self.0.parent_id.map(ID::from)
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn subtitle(&self) -> &str {
        &self.0.subtitle
    }
    /// Markdown.
    async fn help(&self) -> &str {
        &self.0.help
    }
    /// `#rrggbb`, or empty.
    async fn colour(&self) -> &str {
        &self.0.colour
    }
    async fn position(&self) -> i64 {
        self.0.position
    }
    async fn contributions_open(&self) -> bool {
        self.0.contributions_open
    }
    async fn amendments_allowed(&self) -> bool {
        self.0.amendments_allowed
    }
    async fn sources_allowed(&self) -> bool {
        self.0.sources_allowed
    }
    async fn arguments_allowed(&self) -> bool {
        self.0.arguments_allowed
    }
    /// none, agree or agree_mixed_disagree.
    async fn vote_widget(&self) -> &str {
        &self.0.vote_widget
    }
    /// The votes an opinion aims for, shown as a progress bar.
    async fn votes_threshold(&self) -> Option<i64> {
        self.0.votes_threshold
    }
    /// The order the section's page uses by default.
    async fn default_sort(&self) -> &str {
        &self.0.default_sort
    }
    /// Public articles and contributions (amendments not included).
    async fn opinion_count(&self) -> i64 {
        self.0.opinion_count
    }
    /// Votes on them.
    async fn vote_count(&self) -> i64 {
        self.0.vote_count
    }
    /// The section's public articles and contributions; 100 at most per page.
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 100) as usize * child_complexity + 1")]
    async fn opinions(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        first: Option<i32>,
        #[graphql(default)] sort: OpinionOrder,
        #[graphql(default = 1)] seed: i32,
    ) -> Result<Connection<usize, Opinion, Total, EmptyFields>> {
        let api = ctx.data::<ApiCtx>()?;
        let (db, id) = (api.db.clone(), self.0.id);
        page(after, first, self.0.opinion_count, |offset, limit| async move {
            let rows = opinions::page(&db, id, None, sort.into(), i64::from(seed), limit, offset)
                .await
                .api()?;
            Ok(rows.into_iter().map(Opinion).collect())
        })
        .await
    }
}

/// Agree / mixed / disagree counts.
#[derive(SimpleObject)]
pub struct OpinionVotes {
    pub agree: i64,
    pub mixed: i64,
    pub disagree: i64,
}

/// A run of words of an amendment's diff against the text it amends.
#[derive(SimpleObject)]
pub struct DiffSegment {
    /// same, deleted or inserted.
    pub tag: String,
    pub text: String,
}

/// An article of the organisers, a participant's contribution, or an
/// amendment of either.
pub struct Opinion(pub opinions::Opinion);

#[Object]
impl Opinion {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    /// article, contribution or amendment.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    async fn section_id(&self) -> ID {
        self.0.section_id.into()
    }
    /// For amendments: the opinion amended.
    async fn amends_id(&self) -> Option<ID> {
        self.0.amends_id.map(ID::from)
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Markdown.
    async fn body(&self) -> &str {
        &self.0.body
    }
    /// The explanatory appendix ("exposé des motifs"), or an amendment's
    /// justification; Markdown.
    async fn appendix(&self) -> &str {
        &self.0.appendix
    }
    async fn pinned(&self) -> bool {
        self.0.pinned
    }
    /// The participant's public name (null for the organisers' articles and
    /// deleted accounts).
    async fn author_name(&self) -> Option<&str> {
        if self.0.kind == "article" {
            return None;
        }
        self.0.author_name.as_deref()
    }
    /// The organisers' official answer (Markdown), when there is one.
    async fn official_answer(&self) -> Option<&str> {
        (!self.0.answer.is_empty()).then_some(self.0.answer.as_str())
    }
    async fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.0.answered_at
    }
    async fn votes(&self) -> OpinionVotes {
        OpinionVotes {
            agree: self.0.agree_count,
            mixed: self.0.mixed_count,
            disagree: self.0.disagree_count,
        }
    }
    async fn arguments_for_count(&self) -> i64 {
        self.0.for_count
    }
    async fn arguments_against_count(&self) -> i64 {
        self.0.against_count
    }
    async fn source_count(&self) -> i64 {
        self.0.source_count
    }
    async fn amendment_count(&self) -> i64 {
        self.0.amendment_count
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn url(&self) -> String {
        format!("/opinions/{}", self.0.id)
    }
    /// For amendments: the word-level changes against the amended text.
    async fn diff(&self, ctx: &Context<'_>) -> Result<Option<Vec<DiffSegment>>> {
        let Some(parent) = self.0.amends_id else {
            return Ok(None);
        };
        let api = ctx.data::<ApiCtx>()?;
        let Some(p) = opinions::by_id(&api.db, parent).await.api()? else {
            return Ok(None);
        };
        Ok(Some(
            diff::words(&p.body, &self.0.body)
                .into_iter()
                .map(|s| DiffSegment {
                    tag: match s.tag {
                        diff::Tag::Same => "same",
                        diff::Tag::Deleted => "deleted",
                        diff::Tag::Inserted => "inserted",
                    }
                    .into(),
                    text: s.text,
                })
                .collect(),
        ))
    }
    /// Public amendments of this opinion; 100 at most per page.
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 100) as usize * child_complexity + 1")]
    async fn amendments(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        first: Option<i32>,
        #[graphql(default)] sort: OpinionOrder,
    ) -> Result<Connection<usize, Opinion, Total, EmptyFields>> {
        let api = ctx.data::<ApiCtx>()?;
        let (db, o) = (api.db.clone(), &self.0);
        let total = opinions::count_public_amendments(&db, o.id).await.api()?;
        let (section, id) = (o.section_id, o.id);
        page(after, first, total, |offset, limit| async move {
            let rows = opinions::page(&db, section, Some(id), sort.into(), 1, limit, offset)
                .await
                .api()?;
            Ok(rows.into_iter().map(Opinion).collect())
        })
        .await
    }
    /// Public arguments of one side (100 at most).
    async fn arguments(
        &self,
        ctx: &Context<'_>,
        side: ArgumentSide,
        #[graphql(default)] sort: ArgumentOrder,
    ) -> Result<Vec<Argument>> {
        public_arguments(ctx, arguments::About::Opinion(self.0.id), side, sort).await
    }
    /// Public sources, most up-voted first.
    async fn sources(&self, ctx: &Context<'_>) -> Result<Vec<Source>> {
        let api = ctx.data::<ApiCtx>()?;
        let list = sources::public(&api.db, self.0.id).await.api()?;
        Ok(list.into_iter().map(Source).collect())
    }
}

/// An argument for or against an opinion or a debate.
pub struct Argument(pub arguments::Argument);

#[Object]
impl Argument {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    /// for or against.
    async fn side(&self) -> &str {
        &self.0.side
    }
    /// Plain text.
    async fn body(&self) -> &str {
        &self.0.body
    }
    /// The author's public name; null when written without an account.
    async fn author_name(&self) -> Option<&str> {
        self.0.author_name.as_deref()
    }
    async fn upvotes(&self) -> i64 {
        self.0.vote_count
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// A source suggested on an opinion.
pub struct Source(pub sources::Source);

#[Object]
impl Source {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// An http or https link.
    async fn url(&self) -> &str {
        &self.0.url
    }
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn category(&self) -> Option<&str> {
        self.0.category.as_deref()
    }
    async fn author_name(&self) -> Option<&str> {
        self.0.author_name.as_deref()
    }
    async fn upvotes(&self) -> i64 {
        self.0.vote_count
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// A debate: one question, for and against.
pub struct Debate(pub debates::Debate);

/// A press article of a debate's press review.
#[derive(SimpleObject)]
pub struct PressArticle {
    pub title: String,
    pub url: String,
    pub published_on: Option<NaiveDate>,
    /// Address of its image, when there is one.
    pub image_url: Option<String>,
    /// The image's text alternative.
    pub image_alt: String,
}

#[Object]
impl Debate {
    async fn id(&self) -> ID {
        self.0.id.into()
    }
    async fn question(&self) -> &str {
        &self.0.question
    }
    /// face_to_face (two opening texts) or free (one text).
    async fn mode(&self) -> &str {
        &self.0.mode
    }
    /// Markdown.
    async fn text_for(&self) -> &str {
        &self.0.text_for
    }
    /// Markdown.
    async fn text_against(&self) -> &str {
        &self.0.text_against
    }
    /// Markdown.
    async fn body(&self) -> &str {
        &self.0.body
    }
    /// Whether people may vote and argue without an account (confirmed by email).
    async fn open_without_account(&self) -> bool {
        self.0.anonymous_allowed
    }
    async fn for_count(&self) -> i64 {
        self.0.for_count
    }
    async fn against_count(&self) -> i64 {
        self.0.against_count
    }
    async fn url(&self) -> String {
        format!("/debates/{}", self.0.id)
    }
    /// Public arguments of one side (100 at most).
    async fn arguments(
        &self,
        ctx: &Context<'_>,
        side: ArgumentSide,
        #[graphql(default)] sort: ArgumentOrder,
    ) -> Result<Vec<Argument>> {
        public_arguments(ctx, arguments::About::Debate(self.0.id), side, sort).await
    }
    async fn press_articles(&self, ctx: &Context<'_>) -> Result<Vec<PressArticle>> {
        let api = ctx.data::<ApiCtx>()?;
        let list = debates::articles(&api.db, self.0.id).await.api()?;
        Ok(list
            .into_iter()
            .map(|a| PressArticle {
                title: a.title,
                url: a.url,
                published_on: a.published_on,
                image_url: a.image_path.map(|p| format!("/uploads/{p}")),
                image_alt: a.image_alt,
            })
            .collect())
    }
}

/// One item a synthesis group holds.
#[derive(SimpleObject)]
pub struct SynthesisItem {
    /// opinion or argument.
    pub kind: String,
    pub id: ID,
    /// The opinion to read it on (an argument's opinion).
    pub opinion_id: ID,
    pub votes: i64,
    pub url: String,
}

/// A group of the synthesis, with every item it holds.
#[derive(SimpleObject)]
pub struct SynthesisGroup {
    pub id: ID,
    pub parent_id: Option<ID>,
    pub title: String,
    /// Markdown.
    pub summary: String,
    pub item_count: i64,
    /// Votes on its items.
    pub votes: i64,
    pub items: Vec<SynthesisItem>,
}

/// The published synthesis of a consultation step.
#[derive(SimpleObject)]
pub struct Synthesis {
    pub published_at: DateTime<Utc>,
    /// Every group, parents before their children.
    pub groups: Vec<SynthesisGroup>,
}

/// The step's synthesis, once published.
pub(super) async fn published_synthesis(api: &ApiCtx, step_id: i64) -> Result<Option<Synthesis>> {
    let Some(published_at) = syntheses::get(&api.db, step_id)
        .await
        .api()?
        .and_then(|s| s.published_at)
    else {
        return Ok(None);
    };
    let mut by_group: BTreeMap<i64, Vec<SynthesisItem>> = BTreeMap::new();
    for i in syntheses::items(&api.db, step_id).await.api()? {
        let Some(g) = i.group_id else { continue };
        let url = if i.kind == "opinion" {
            format!("/opinions/{}", i.item_id)
        } else {
            format!("/opinions/{}#argument-{}", i.opinion_id, i.item_id)
        };
        by_group.entry(g).or_default().push(SynthesisItem {
            kind: i.kind,
            id: i.item_id.into(),
            opinion_id: i.opinion_id.into(),
            votes: i.votes,
            url,
        });
    }
    let groups = syntheses::groups(&api.db, step_id)
        .await
        .api()?
        .into_iter()
        .map(|g| {
            let items = by_group.remove(&g.id).unwrap_or_default();
            SynthesisGroup {
                id: g.id.into(),
                parent_id: g.parent_id.map(ID::from),
                title: g.title,
                summary: g.summary,
                item_count: items.len() as i64,
                votes: items.iter().map(|i| i.votes).sum(),
                items,
            }
        })
        .collect();
    Ok(Some(Synthesis { published_at, groups }))
}
