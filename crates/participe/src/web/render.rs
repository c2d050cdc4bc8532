//! HTML rendering: the MiniJinja environment (templates embedded in the
//! binary, autoescaping on), its `t()` translation function and filters, and
//! `page()`, which adds what every page needs to a handler's context.

use std::sync::Arc;

use axum::response::Html;
use chrono::{DateTime, Utc};
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Environment, ErrorKind as TplErrorKind, State, UndefinedBehavior, context};
use participe_domain::permission::Action;

use super::context::Ctx;
use super::error::AppResult;
use crate::app::AppState;
use crate::i18n::{I18n, Lang};

macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        /// Every template, by name, embedded at build time.
        pub const TEMPLATES: &[(&str, &str)] = &[$(($name, include_str!(concat!("../../templates/", $name)))),*];
    };
}

templates!(
    "base.html",
    "macros.html",
    "error.html",
    "home.html",
    "_project_card.html",
    "_identity_providers.html",
    "project.html",
    "step.html",
    "terms.html",
    "data_kept.html",
    "message.html",
    "accounts/signup.html",
    "accounts/invitation.html",
    "accounts/login.html",
    "accounts/sso_failed.html",
    "accounts/sso_leaving.html",
    "accounts/forgot.html",
    "accounts/reset.html",
    "accounts/account.html",
    "accounts/delete.html",
    "admin/base.html",
    "admin/index.html",
    "admin/design.html",
    "admin/projects.html",
    "admin/_project_fields.html",
    "admin/project_form.html",
    "admin/project.html",
    "admin/step_form.html",
    "admin/taxonomy.html",
    "admin/translations.html",
    "admin/settings.html",
    "admin/emails.html",
    "admin/email.html",
    "admin/users.html",
    "admin/collect.html",
    "admin/_questions.html",
    "admin/questionnaire.html",
    "_questions.html",
    "questionnaires/reply.html",
    "questionnaires/thanks.html",
    "questionnaires/results.html",
    "questionnaires/receipts.html",
    "questionnaires/paper.html",
    "admin/proposal.html",
    "admin/step_proposals.html",
    "admin/analysis_queue.html",
    "admin/reasons.html",
    "admin/moderation.html",
    "admin/realisation.html",
    "follow_up/winners.html",
    "proposals/form.html",
    "proposals/show.html",
    "proposals/contact.html",
    "proposals/_list.html",
    "moderation.html",
    "open_data.html",
    "admin/anonymise.html",
    "unsubscribe.html",
    "admin/vote.html",
    "admin/id_codes.html",
    "admin/tokens.html",
    "admin/sso.html",
    "admin/groups.html",
    "admin/action_log.html",
    "admin/group.html",
    "admin/sso_edit.html",
    "admin/sso_fields.html",
    "admin/redirections.html",
    "admin/site_pages.html",
    "admin/site_page.html",
    "admin/menus.html",
    "admin/fonts.html",
    "home/intro.html",
    "home/projects.html",
    "home/highlights.html",
    "home/themes.html",
    "home/map.html",
    "home/proposals.html",
    "home/figures.html",
    "home/text.html",
    "home/newsletter.html",
    "newsletter.html",
    "admin/home_page.html",
    "admin/home_section.html",
    "admin/newsletter.html",
    "events/_card.html",
    "events/list.html",
    "events/show.html",
    "admin/events.html",
    "admin/event_form.html",
    "home/events.html",
    "home/news.html",
    "news/_card.html",
    "news/list.html",
    "news/show.html",
    "admin/posts.html",
    "admin/post_form.html",
    "site_page.html",
    "admin/missing_paths.html",
    "votes/_choices.html",
    "votes/_rule.html",
    "votes/ballot.html",
    "votes/receipt.html",
    "votes/paper.html",
    "votes/results.html",
    "votes/live.html",
    "admin/export.html",
    "consultations/_tree.html",
    "consultations/_parts.html",
    "consultations/section.html",
    "consultations/opinion.html",
    "consultations/write.html",
    "admin/consultations.html",
    "admin/consultation.html",
    "admin/consultation_section.html",
    "debates/_list.html",
    "debates/show.html",
    "debates/anonymous.html",
    "debates/embed.html",
    "debates/_bar.html",
    "debates/_anonymous_form.html",
    "admin/debates.html",
    "admin/debate.html",
    "consultations/synthesis.html",
    "admin/synthesis.html",
    "admin/opinion.html",
    "admin/source_categories.html",
    "admin/_step_exports.html",
);

fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or(Lang::Fr)
}

fn fluent_args(kwargs: &Kwargs) -> Result<FluentArgs<'static>, minijinja::Error> {
    let mut args = FluentArgs::new();
    for key in kwargs.args() {
        let v: Value = kwargs.get(key)?;
        let fv: FluentValue<'static> = match v.kind() {
            ValueKind::Number => match i64::try_from(v.clone()) {
                Ok(n) => FluentValue::from(n),
                Err(_) => FluentValue::from(f64::try_from(v).unwrap_or_default()),
            },
            _ => FluentValue::from(v.to_string()),
        };
        args.set(key.to_string(), fv);
    }
    Ok(args)
}

/// A template's source without the indentation and blank lines that make
/// it readable: they would otherwise go out with every page (a tenth of the
/// home page's bytes). Every line break stays, so the whitespace between
/// words and inline elements is unchanged; lines inside a `<pre>` or a
/// `<textarea>`, where whitespace shows, are kept as written.
fn without_indentation(src: &str) -> String {
    const VERBATIM: [(&str, &str); 2] = [("<pre", "</pre>"), ("<textarea", "</textarea>")];
    let mut out = String::with_capacity(src.len());
    // The closing tag awaited while inside a verbatim element.
    let mut until: Option<&str> = None;
    for line in src.lines() {
        let line = match until {
            Some(_) => line,
            None => line.trim_start(),
        };
        if until.is_some() || !line.is_empty() {
            out.push_str(line);
            out.push('\n');
        }
        if let Some(close) = until
            && line.contains(close)
        {
            until = None;
        }
        if until.is_none() {
            until = VERBATIM
                .iter()
                .filter_map(|(open, close)| line.rfind(open).map(|at| (at, *close)))
                .max_by_key(|(at, _)| *at)
                .filter(|(at, close)| !line[*at..].contains(close))
                .map(|(_, close)| close);
        }
    }
    out
}

/// Builds the template environment.
pub fn environment(i18n: Arc<I18n>, tz: chrono_tz::Tz) -> Environment<'static> {
    let mut env = Environment::new();
    // Printing or iterating an undefined value is an error; testing it (`x or y`) is not.
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_loader(|name| {
        Ok(TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, src)| without_indentation(src)))
    });
    let t_i18n = i18n.clone();
    env.add_function(
        "t",
        move |state: &State, id: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let args = fluent_args(&kwargs)?;
            Ok(t_i18n.t(
                lang_of(state),
                id,
                if args.iter().next().is_some() {
                    Some(&args)
                } else {
                    None
                },
            ))
        },
    );
    // A step's dates as a phrase ("du 3 septembre au 18 octobre 2026"),
    // times shown only when the step does not run in whole days.
    let dates_i18n = i18n.clone();
    env.add_function(
        "date_range",
        move |state: &State, start: Value, end: Value| -> Result<String, minijinja::Error> {
            let lang = lang_of(state);
            Ok(
                crate::dates::range(&dates_i18n, lang, tz, parse_dt(&start)?, parse_dt(&end)?)
                    .unwrap_or_else(|| dates_i18n.t(lang, "step-dates-continuous", None)),
            )
        },
    );
    // An icon (web/icons.rs), beside the text that says what it means. An
    // unknown name is an error. Each icon's markup is built once; a page
    // uses a few dozen.
    let icons: std::collections::HashMap<&'static str, Value> = super::icons::names()
        .iter()
        .filter_map(|name| Some((*name, Value::from_safe_string(super::icons::markup(name)?))))
        .collect();
    env.add_function("icon", move |name: &str| -> Result<Value, minijinja::Error> {
        icons.get(name).cloned().ok_or_else(|| {
            minijinja::Error::new(
                TplErrorKind::InvalidOperation,
                format!("no icon {name} in static/icons.svg"),
            )
        })
    });
    // An uploaded image shown as a cover: its 400 and 1200 pixel variants in
    // `srcset`, width and height set (no layout shift), loaded lazily unless
    // `lazy=false` (the main image of a page). `alt` is empty for a
    // decorative image (a card whose title says it all).
    env.add_function(
        "cover",
        |path: &str, kwargs: Kwargs| -> Result<Value, minijinja::Error> {
            let alt: Option<&str> = kwargs.get("alt")?;
            let sizes: Option<&str> = kwargs.get("sizes")?;
            let lazy: Option<bool> = kwargs.get("lazy")?;
            let class: Option<&str> = kwargs.get("class")?;
            kwargs.assert_all_used()?;
            Ok(Value::from_safe_string(cover_img(
                path,
                alt.unwrap_or(""),
                sizes.unwrap_or("(min-width: 40rem) 400px, 100vw"),
                lazy.unwrap_or(true),
                class.unwrap_or(""),
            )))
        },
    );
    // The numbers a pager shows (see `pagination::shown_numbers`).
    env.add_function("page_numbers", |page: i64, pages: i64| {
        super::pagination::shown_numbers(page, pages)
    });
    env.add_filter("richtext", |s: &str| {
        Value::from_safe_string(crate::richtext::to_safe_html_kept(s).to_string())
    });
    // A moment ("3 décembre 2026 à 4 h 09") and a calendar day stored as
    // `YYYY-MM-DD` ("1er septembre 2026"), written out for the reader.
    let moment_i18n = i18n.clone();
    env.add_filter(
        "datetime",
        move |state: &State, v: Value| -> Result<String, minijinja::Error> {
            Ok(parse_dt(&v)?
                .map(|dt| crate::dates::moment(&moment_i18n, lang_of(state), tz, dt))
                .unwrap_or_default())
        },
    );
    let day_i18n = i18n.clone();
    env.add_filter(
        "day",
        move |state: &State, v: Value| -> Result<String, minijinja::Error> {
            let Some(s) = v.as_str() else {
                return Ok(String::new());
            };
            let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|e| minijinja::Error::new(TplErrorKind::InvalidOperation, format!("bad day {s}: {e}")))?;
            Ok(crate::dates::day(&day_i18n, lang_of(state), d))
        },
    );
    env.add_filter("datetime_local", move |v: Value| -> Result<String, minijinja::Error> {
        Ok(parse_dt(&v)?
            .map(|dt| dt.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default())
    });
    env
}

fn parse_dt(v: &Value) -> Result<Option<DateTime<Utc>>, minijinja::Error> {
    if v.is_none() || v.is_undefined() {
        return Ok(None);
    }
    let s = v
        .as_str()
        .ok_or_else(|| minijinja::Error::new(TplErrorKind::InvalidOperation, "not a date"))?;
    DateTime::parse_from_rfc3339(s)
        .map(|d| Some(d.with_timezone(&Utc)))
        .map_err(|e| minijinja::Error::new(TplErrorKind::InvalidOperation, format!("bad date {s}: {e}")))
}

/// Renders a full page: the handler's context plus the language, the
/// signed-in user, the organisation's branding, the CSRF token, the one-time
/// notice and what the navigation may show.
pub async fn page(state: &AppState, ctx: &Ctx, template: &str, extra: Value) -> AppResult<Html<String>> {
    let org = state.org.get(&state.db).await?;
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let menus = state.menus.get(&state.db, &tr).await?;
    let tpl = state.templates.get_template(template)?;
    let user = ctx
        .user
        .as_ref()
        .map(|u| crate::view! { id => u.id, name => u.display_name, email => u.email, role => u.role });
    let html = tpl.render(context! {
        lang => ctx.lang.code(),
        other_lang => if ctx.lang == Lang::Fr { "en" } else { "fr" },
        langs => Lang::ALL.map(Lang::code),
        path => ctx.path.clone(),
        public_url => state.config.public_url.trim_end_matches('/'),
        user,
        csrf => ctx.csrf.clone(),
        flash => ctx.flash.clone(),
        org => minijinja::value::Serde(&*org),
        menus => minijinja::value::Serde(&*menus),
        can_back_office => ctx.can(Action::ViewBackOffice),
        can_manage_projects => ctx.can(Action::ManageProjects),
        can_manage_branding => ctx.can(Action::ManageBranding),
        can_manage_site => ctx.can(Action::ManageSite),
        can_decide => ctx.can(Action::DecideProposals),
        can_analyse => ctx.can(Action::AnalyseProposals),
        can_moderate => ctx.can(Action::Moderate),
        can_export_platform => ctx.can(Action::ExportPlatform),
        ..extra
    })?;
    Ok(Html(html))
}

/// Like `minijinja::context!`, but every value goes through serde, so
/// handlers can pass their own structs (rows, forms) as they are.
#[macro_export]
macro_rules! view {
    (@v $key:ident) => { minijinja::value::Serde(&$key) };
    (@v $key:ident $value:expr) => { minijinja::value::Serde(&$value) };
    ($($key:ident $(=> $value:expr)?),* $(, ..$base:expr)? $(,)?) => {
        minijinja::context! { $($key => $crate::view!(@v $key $($value)?)),* $(, ..$base)? }
    };
}

/// The `<img>` of an uploaded image with its variants (see `cover` above).
fn cover_img(path: &str, alt: &str, sizes: &str, lazy: bool, class: &str) -> String {
    use crate::files::{WIDTHS, height, variant_name};
    use minijinja::HtmlEscape;
    use std::fmt::Write;
    let mut out = String::with_capacity(400);
    let widest = WIDTHS[WIDTHS.len() - 1];
    let variants: Vec<(u32, String)> = WIDTHS
        .iter()
        .filter_map(|&w| variant_name(path, w).map(|v| (w, v)))
        .collect();
    let src = variants.last().map_or(path, |(_, v)| v.as_str());
    if crate::files::valid_name(src) {
        // Hex digits and an extension: nothing to escape.
        let _ = write!(out, r#"<img src="/uploads/{src}""#);
    } else {
        let _ = write!(out, r#"<img src="/uploads/{}""#, HtmlEscape(src));
    }
    if !variants.is_empty() {
        let set: Vec<String> = variants.iter().map(|(w, v)| format!("/uploads/{v} {w}w")).collect();
        let _ = write!(
            out,
            r#" srcset="{}" sizes="{}" width="{widest}" height="{}""#,
            set.join(", "),
            HtmlEscape(sizes),
            height(widest)
        );
    }
    let _ = write!(out, r#" alt="{}""#, HtmlEscape(alt));
    if !class.is_empty() {
        let _ = write!(out, r#" class="{}""#, HtmlEscape(class));
    }
    out.push_str(if lazy {
        r#" loading="lazy" decoding="async">"#
    } else {
        ">"
    });
    out
}

#[cfg(test)]
mod tests {
    use super::without_indentation;

    #[test]
    fn indentation_and_blank_lines_go_line_breaks_stay() {
        let src = "<ul>\n    <li>{{ a }}</li>\n\n    \n  <li>b</li>\n</ul>";
        assert_eq!(without_indentation(src), "<ul>\n<li>{{ a }}</li>\n<li>b</li>\n</ul>\n");
    }

    #[test]
    fn whitespace_inside_pre_and_textarea_is_kept() {
        let src = "  <pre>one\n    two\n\n  three</pre>\n    <p>x</p>\n  <textarea>\n  a\n</textarea>\n  <pre>inline</pre>\n   <b>y</b>";
        assert_eq!(
            without_indentation(src),
            "<pre>one\n    two\n\n  three</pre>\n<p>x</p>\n<textarea>\n  a\n</textarea>\n<pre>inline</pre>\n<b>y</b>\n"
        );
    }
}
