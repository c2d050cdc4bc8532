//! Back office: the consultations of a step, their tree of sections, the
//! import of a whole text, sections' options and articles.

use axum::extract::State;
use axum::response::Response;
use participe_domain::consultation::{OpinionInput, OpinionSort, RawSection, SectionInput, VoteWidget};
use participe_domain::permission::Action;
use participe_domain::step::StepType;
use participe_domain::{FieldErrors, text, text_import};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::consultations::{self, Consultation, Section};
use crate::storage::steps::{self, Step};
use crate::storage::{StoreError, opinions};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, MoveForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::render;

/// A consultation step, for managers.
async fn consultation_step(state: &AppState, ctx: &Ctx, step_id: i64) -> AppResult<Step> {
    ctx.require(Action::ManageProjects)?;
    let step = steps::by_id(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if step.step_type != StepType::Consultation.as_str() {
        return Err(AppError::not_found());
    }
    Ok(step)
}

async fn consultation(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Consultation, Step)> {
    ctx.require(Action::ManageProjects)?;
    let c = consultations::by_id(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let step = consultation_step(state, ctx, c.step_id).await?;
    Ok((c, step))
}

async fn section_of(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Section, Consultation, Step)> {
    ctx.require(Action::ManageProjects)?;
    let s = consultations::section(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let (c, step) = consultation(state, ctx, s.consultation_id).await?;
    Ok((s, c, step))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TitleForm {
    title: String,
    pre_moderation: Option<String>,
}

async fn list_page(state: &AppState, ctx: &Ctx, step: Step, errors: &FieldErrors, title: &str) -> AppResult<Response> {
    let list = consultations::of_step(&state.db, step.id).await?;
    let html = render::page(
        state,
        ctx,
        "admin/consultations.html",
        view! { step, list, title, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let step = consultation_step(&state, &ctx, id).await?;
    list_page(&state, &ctx, step, &FieldErrors::new(), "").await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<TitleForm>,
) -> AppResult<Response> {
    let step = consultation_step(&state, &ctx, id).await?;
    match text::title(&f.title) {
        Ok(title) => {
            let cid = consultations::create(&state.db, step.id, &title).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/consultations/{cid}"),
                "flash-saved",
            ))
        }
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add("title", code);
            list_page(&state, &ctx, step, &e, &f.title).await
        }
    }
}

/// What the consultation page's forms left behind.
#[derive(Default)]
struct Typed {
    title: Option<String>,
    text: String,
    section_title: String,
}

async fn consultation_page(
    state: &AppState,
    ctx: &Ctx,
    c: Consultation,
    step: Step,
    errors: &FieldErrors,
    typed: Typed,
) -> AppResult<Response> {
    let sections = consultations::sections(&state.db, c.id).await?;
    let depths = consultations::depths(&sections);
    let tree: Vec<_> = sections
        .into_iter()
        .zip(depths)
        .map(|(section, depth)| crate::web::consultations::pages::TreeItem { section, depth })
        .collect();
    let title = typed.title.unwrap_or_else(|| c.title.clone());
    let html = render::page(
        state,
        ctx,
        "admin/consultation.html",
        view! {
            consultation => c, step, tree, title, text => typed.text, section_title => typed.section_title,
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    let (c, step) = consultation(&state, &ctx, id).await?;
    consultation_page(&state, &ctx, c, step, &FieldErrors::new(), Typed::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<TitleForm>,
) -> AppResult<Response> {
    let (c, step) = consultation(&state, &ctx, id).await?;
    match text::title(&f.title) {
        Ok(title) => {
            consultations::update(&state.db, id, &title, f.pre_moderation.is_some()).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/consultations/{id}"),
                "flash-saved",
            ))
        }
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add("title", code);
            let typed = Typed {
                title: Some(f.title),
                ..Typed::default()
            };
            consultation_page(&state, &ctx, c, step, &e, typed).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ImportForm {
    text: String,
}

pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ImportForm>,
) -> AppResult<Response> {
    let (c, step) = consultation(&state, &ctx, id).await?;
    let me = ctx.user()?.id;
    let first = state.i18n.t(ctx.lang, "import-first-section", None);
    match text_import::import(&f.text, &first) {
        Ok(tree) => {
            consultations::import(&state.db, id, me, &tree).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/consultations/{id}"),
                "flash-imported",
            ))
        }
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add("text", code);
            let typed = Typed {
                text: f.text,
                ..Typed::default()
            };
            consultation_page(&state, &ctx, c, step, &e, typed).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewSectionForm {
    section_title: String,
    parent: String,
}

pub async fn add_section(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<NewSectionForm>,
) -> AppResult<Response> {
    let (c, step) = consultation(&state, &ctx, id).await?;
    let parent = match f.parent.trim() {
        "" => None,
        p => {
            let pid: i64 = p.parse().map_err(|_| AppError::bad_request("parent"))?;
            let parent = consultations::section(&state.db, pid).await?;
            // Only a section of this consultation can be a parent.
            Some(
                parent
                    .filter(|s| s.consultation_id == id)
                    .ok_or_else(AppError::not_found)?
                    .id,
            )
        }
    };
    match text::title(&f.section_title) {
        Ok(title) => {
            let sid = consultations::add_section(&state.db, id, parent, &SectionInput::titled(title)).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/sections/{sid}"),
                "flash-saved",
            ))
        }
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add("section_title", code);
            let typed = Typed {
                section_title: f.section_title,
                ..Typed::default()
            };
            consultation_page(&state, &ctx, c, step, &e, typed).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SectionForm {
    title: String,
    subtitle: String,
    help: String,
    colour: String,
    contributions_open: Option<String>,
    amendments_allowed: Option<String>,
    sources_allowed: Option<String>,
    arguments_allowed: Option<String>,
    vote_widget: String,
    votes_threshold: String,
    default_sort: String,
}

impl SectionForm {
    fn of(s: &Section) -> SectionForm {
        let on = |b: bool| b.then(|| "on".to_string());
        SectionForm {
            title: s.title.clone(),
            subtitle: s.subtitle.clone(),
            help: s.help.clone(),
            colour: s.colour.clone(),
            contributions_open: on(s.contributions_open),
            amendments_allowed: on(s.amendments_allowed),
            sources_allowed: on(s.sources_allowed),
            arguments_allowed: on(s.arguments_allowed),
            vote_widget: s.vote_widget.clone(),
            votes_threshold: s.votes_threshold.map(|t| t.to_string()).unwrap_or_default(),
            default_sort: s.default_sort.clone(),
        }
    }
}

#[derive(Default)]
struct ArticleTyped {
    title: String,
    body: String,
}

async fn section_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    f: &SectionForm,
    article: ArticleTyped,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (section, consultation, step) = section_of(state, ctx, id).await?;
    let articles = opinions::page(&state.db, id, None, OpinionSort::Position, 0, 500, 0).await?;
    let widgets: Vec<&str> = VoteWidget::ALL.iter().map(|w| w.as_str()).collect();
    let sorts: Vec<&str> = OpinionSort::ALL.iter().map(|s| s.as_str()).collect();
    let v = view! {
        title => f.title, subtitle => f.subtitle, help => f.help, colour => f.colour,
        contributions_open => f.contributions_open.is_some(), amendments_allowed => f.amendments_allowed.is_some(),
        sources_allowed => f.sources_allowed.is_some(), arguments_allowed => f.arguments_allowed.is_some(),
        vote_widget => f.vote_widget, votes_threshold => f.votes_threshold, default_sort => f.default_sort,
    };
    let html = render::page(
        state,
        ctx,
        "admin/consultation_section.html",
        view! {
            section, consultation, step, articles, widgets, sorts, v,
            article_title => article.title, article_body => article.body,
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn section_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    let (s, _, _) = section_of(&state, &ctx, id).await?;
    section_page(
        &state,
        &ctx,
        id,
        &SectionForm::of(&s),
        ArticleTyped::default(),
        &FieldErrors::new(),
    )
    .await
}

pub async fn update_section(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<SectionForm>,
) -> AppResult<Response> {
    section_of(&state, &ctx, id).await?;
    let raw = RawSection {
        title: &f.title,
        subtitle: &f.subtitle,
        help: &f.help,
        colour: &f.colour,
        contributions_open: f.contributions_open.is_some(),
        amendments_allowed: f.amendments_allowed.is_some(),
        sources_allowed: f.sources_allowed.is_some(),
        arguments_allowed: f.arguments_allowed.is_some(),
        vote_widget: &f.vote_widget,
        votes_threshold: &f.votes_threshold,
        default_sort: &f.default_sort,
    };
    match SectionInput::parse(&raw) {
        Ok(input) => {
            consultations::update_section(&state.db, id, &input).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/sections/{id}"),
                "flash-saved",
            ))
        }
        Err(e) => section_page(&state, &ctx, id, &f, ArticleTyped::default(), &e).await,
    }
}

pub async fn delete_section(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    let (_, c, _) = section_of(&state, &ctx, id).await?;
    consultations::delete_section(&state.db, id).await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/consultations/{}", c.id),
        "flash-deleted",
    ))
}

pub async fn move_section(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<MoveForm>,
) -> AppResult<Response> {
    let (_, c, _) = section_of(&state, &ctx, id).await?;
    match consultations::move_section(&state.db, id, f.up()?).await {
        Ok(()) | Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        &state,
        &format!("/admin/consultations/{}", c.id),
        "flash-saved",
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ArticleForm {
    article_title: String,
    article_body: String,
}

pub async fn add_article(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<ArticleForm>,
) -> AppResult<Response> {
    let (s, _, _) = section_of(&state, &ctx, id).await?;
    let me = ctx.user()?.id;
    match OpinionInput::parse(&f.article_title, &f.article_body, "") {
        Ok(input) => {
            opinions::create(
                &state.db,
                &opinions::NewOpinion {
                    section_id: id,
                    amends_id: None,
                    kind: "article",
                    author_id: me,
                    title: &input.title,
                    body: &input.body,
                    appendix: "",
                    published: true,
                },
            )
            .await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/admin/sections/{id}"),
                "flash-saved",
            ))
        }
        Err(e) => {
            let mut named = FieldErrors::new();
            for err in e.0 {
                named.add(format!("article_{}", err.field), err.code);
            }
            let typed = ArticleTyped {
                title: f.article_title,
                body: f.article_body,
            };
            section_page(&state, &ctx, id, &SectionForm::of(&s), typed, &named).await
        }
    }
}
