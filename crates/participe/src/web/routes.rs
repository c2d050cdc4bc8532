//! Every route of the site, in one table. The `routes!` macro builds the
//! router and the `ROUTES` list from the same lines, so the authorisation
//! matrix test can check that no route is forgotten.

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};

use super::{
    accounts, admin, assets, consultations, data_kept, debates, events, fonts, home, icons, moderation, news,
    newsletter, page_cache, projects, proposals, questionnaires, site_pages, votes,
};
use crate::app::AppState;

macro_rules! routes {
    ($($method:ident $path:literal => $handler:path $([$flag:ident])?;)*) => {
        /// (method, path) of every route, in declaration order.
        pub const ROUTES: &[(&str, &str)] = &[$((stringify!($method), $path)),*];

        pub fn router(state: &AppState) -> Router<AppState> {
            Router::new()$(.route($path, flagged!($($flag)?; $method($handler), state)))*
        }
    };
}

/// `[cached]` after a public page's route: anonymous visitors may get it
/// from the rendered-page cache (`web/page_cache.rs`). `[compressed]` after a
/// style sheet's or script's: gzipped for the browsers that accept it (the
/// style sheet with its icons is about 85 kB, 15 kB gzipped).
macro_rules! flagged {
    (; $route:expr, $state:expr) => {
        $route
    };
    (cached; $route:expr, $state:expr) => {
        $route.route_layer(from_fn_with_state($state.clone(), page_cache::serve))
    };
    (compressed; $route:expr, $state:expr) => {
        $route.route_layer(tower_http::compression::CompressionLayer::new().gzip(true))
    };
}

routes! {
    get "/" => home::index [cached];
    get "/healthz" => assets::healthz;
    get "/static/app.css" => assets::app_css [compressed];
    get "/fonts/builtin/{name}" => fonts::builtin_file;
    get "/fonts/uploaded/{name}" => fonts::uploaded_file;
    get "/fonts/preview.css" => fonts::preview_css [compressed];
    get "/theme.css" => assets::theme_css [compressed];
    get "/uploads/{name}" => assets::upload;
    get "/lang/{code}" => home::switch_lang;
    get "/terms" => home::terms [cached];
    get "/personal-data" => data_kept::page [cached];
    get "/events" => events::upcoming;
    get "/events/past" => events::past;
    get "/events.ics" => events::feed;
    get "/events/{id}" => events::show;
    get "/events/{id}/calendar.ics" => events::ics;
    post "/events/{id}/register" => events::register;
    post "/events/{id}/unregister" => events::unregister;
    get "/news" => news::list;
    get "/news/{id}" => news::show;
    post "/news/{id}/comments" => news::comment;
    post "/news-comments/{id}/hide" => news::hide_comment;
    get "/newsletter" => newsletter::form;
    post "/newsletter" => newsletter::sign_up;
    get "/newsletter/confirm/{token}" => newsletter::confirm;
    get "/newsletter/leave/{token}" => newsletter::leave_form;
    post "/newsletter/leave/{token}" => newsletter::leave;
    get "/projects/{slug}" => projects::show [cached];
    get "/projects/{slug}/steps/{id}" => projects::step [cached];
    get "/static/pow.js" => assets::pow_js [compressed];
    get "/static/site.js" => assets::site_js [compressed];
    get "/static/icons.svg" => icons::sprite [compressed];
    get "/static/icons.LICENSE" => icons::license;
    get "/moderation" => moderation::log;

    get "/projects/{slug}/steps/{id}/proposals/new" => proposals::deposit::new_form;
    post "/projects/{slug}/steps/{id}/proposals/new" => proposals::deposit::create;
    get "/proposals/{id}" => proposals::show::show [cached];
    get "/proposals/{id}/edit" => proposals::deposit::edit_form;
    post "/proposals/{id}/edit" => proposals::deposit::update;
    post "/proposals/{id}/withdraw" => proposals::deposit::withdraw;
    post "/proposals/{id}/comments" => proposals::comments::create;
    post "/proposals/{id}/follow" => proposals::comments::follow;
    post "/proposals/{id}/support" => proposals::support::support;
    post "/proposals/{id}/report" => proposals::comments::report_proposal;
    get "/proposals/{id}/contact" => proposals::contact::form;
    post "/proposals/{id}/contact" => proposals::contact::send;
    post "/comments/{id}" => proposals::comments::edit;
    post "/comments/{id}/delete" => proposals::comments::delete;
    post "/comments/{id}/report" => proposals::comments::report_comment;

    get "/signup" => accounts::signup::form [cached];
    post "/signup" => accounts::signup::submit;
    get "/invitations/{token}" => accounts::invitation::show;
    post "/invitations/{token}" => accounts::invitation::accept;
    get "/confirm/{token}" => accounts::confirm::confirm;
    get "/login" => accounts::login::form [cached];
    post "/login" => accounts::login::submit;
    post "/logout" => accounts::login::logout;
    get "/login/sso/{slug}" => accounts::sso::start;
    get "/login/sso/{slug}/callback" => accounts::sso::callback;
    post "/account/sso/{slug}" => accounts::sso::link;
    get "/saml/metadata" => accounts::saml::metadata;
    post "/saml/acs" => accounts::saml::acs;
    get "/password/forgot" => accounts::password::forgot_form;
    post "/password/forgot" => accounts::password::forgot_submit;
    get "/password/reset/{token}" => accounts::password::reset_form;
    post "/password/reset/{token}" => accounts::password::reset_submit;
    get "/account" => accounts::profile::show;
    post "/account" => accounts::profile::update;
    post "/account/password" => accounts::profile::change_password;
    post "/account/sessions/revoke" => accounts::profile::revoke_sessions;
    post "/account/confirmation" => accounts::confirm::resend;
    get "/account/delete" => accounts::delete::form;
    post "/account/delete" => accounts::delete::submit;
    post "/account/notifications" => accounts::notifications::update;
    get "/unsubscribe/{token}" => accounts::notifications::unsubscribe_form;
    post "/unsubscribe/{token}" => accounts::notifications::unsubscribe;

    get "/admin" => admin::dashboard::show;
    get "/admin/design" => admin::design::show;
    get "/admin/projects" => admin::projects::list;
    get "/admin/projects/new" => admin::projects::new_form;
    post "/admin/projects/new" => admin::projects::create;
    get "/admin/projects/{id}" => admin::projects::edit_form;
    post "/admin/projects/{id}" => admin::projects::update;
    post "/admin/projects/{id}/cover" => admin::projects::upload_cover;
    post "/admin/projects/{id}/delete" => admin::projects::delete;
    get "/admin/projects/{id}/steps/new" => admin::steps::new_form;
    post "/admin/projects/{id}/steps/new" => admin::steps::create;
    get "/admin/steps/{id}" => admin::steps::edit_form;
    post "/admin/steps/{id}" => admin::steps::update;
    post "/admin/steps/{id}/move" => admin::steps::move_step;
    post "/admin/steps/{id}/delete" => admin::steps::delete;
    get "/admin/districts" => admin::taxonomy::districts;
    post "/admin/districts" => admin::taxonomy::add_district;
    post "/admin/districts/{id}" => admin::taxonomy::rename_district;
    post "/admin/districts/{id}/delete" => admin::taxonomy::delete_district;
    get "/admin/translations/{kind}/{id}" => admin::translations::show;
    post "/admin/translations/{kind}/{id}" => admin::translations::save;
    get "/admin/themes" => admin::taxonomy::themes;
    post "/admin/themes" => admin::taxonomy::add_theme;
    post "/admin/themes/{id}" => admin::taxonomy::rename_theme;
    post "/admin/themes/{id}/delete" => admin::taxonomy::delete_theme;
    get "/admin/settings" => admin::settings::form;
    post "/admin/settings" => admin::settings::update;
    post "/admin/settings/logo" => admin::settings::upload_logo;
    post "/admin/settings/access" => admin::settings::update_access;
    get "/admin/fonts" => admin::fonts::show;
    post "/admin/fonts" => admin::fonts::choose;
    post "/admin/fonts/upload" => admin::fonts::upload;
    post "/admin/fonts/{id}/delete" => admin::fonts::delete;
    post "/admin/settings/colours" => admin::settings::update_colours;
    post "/admin/settings/images/{which}" => admin::settings::upload_image;
    post "/admin/settings/images/{which}/delete" => admin::settings::remove_image;
    get "/pages/{slug}" => site_pages::show;
    post "/pages/{slug}/contact" => site_pages::contact;
    get "/admin/pages" => admin::site_pages::list;
    get "/admin/pages/new" => admin::site_pages::new_form;
    post "/admin/pages/new" => admin::site_pages::create;
    get "/admin/pages/{id}" => admin::site_pages::edit_form;
    post "/admin/pages/{id}" => admin::site_pages::update;
    post "/admin/pages/{id}/cover" => admin::site_pages::upload_cover;
    post "/admin/pages/{id}/delete" => admin::site_pages::delete;
    get "/admin/home" => admin::home_page::show;
    post "/admin/home/sections" => admin::home_page::add;
    get "/admin/home/sections/{id}" => admin::home_page::edit;
    post "/admin/home/sections/{id}" => admin::home_page::update;
    post "/admin/home/sections/{id}/move" => admin::home_page::shift;
    post "/admin/home/sections/{id}/toggle" => admin::home_page::toggle;
    post "/admin/home/sections/{id}/delete" => admin::home_page::delete;
    post "/admin/home/sections/{id}/items" => admin::home_page::add_item;
    post "/admin/home-items/{id}/move" => admin::home_page::shift_item;
    post "/admin/home-items/{id}/delete" => admin::home_page::delete_item;
    get "/admin/events" => admin::events::list;
    get "/admin/events/new" => admin::events::new_form;
    post "/admin/events/new" => admin::events::create;
    get "/admin/events/{id}" => admin::events::edit;
    post "/admin/events/{id}" => admin::events::update;
    post "/admin/events/{id}/cancel" => admin::events::cancel;
    post "/admin/events/{id}/delete" => admin::events::delete;
    get "/admin/events/{id}/registrants.csv" => admin::events::registrants_csv;
    get "/admin/posts" => admin::posts::list;
    get "/admin/posts/new" => admin::posts::new_form;
    post "/admin/posts/new" => admin::posts::create;
    get "/admin/posts/{id}" => admin::posts::edit;
    post "/admin/posts/{id}" => admin::posts::update;
    post "/admin/posts/{id}/cover" => admin::posts::upload_cover;
    post "/admin/posts/{id}/delete" => admin::posts::delete;
    get "/admin/newsletter" => admin::newsletter::show;
    get "/admin/newsletter.csv" => admin::newsletter::csv;
    get "/admin/menus" => admin::menus::show;
    post "/admin/menus/{menu}" => admin::menus::add;
    post "/admin/menu-items/{id}/move" => admin::menus::shift;
    post "/admin/menu-items/{id}/delete" => admin::menus::delete;
    get "/admin/sso" => admin::sso::list;
    post "/admin/sso" => admin::sso::create;
    get "/admin/sso/{id}" => admin::sso::edit;
    post "/admin/sso/{id}" => admin::sso::update;
    post "/admin/sso/{id}/delete" => admin::sso::delete;
    post "/admin/sso/{id}/logo" => admin::sso_logo::upload;
    post "/admin/sso/{id}/logo/delete" => admin::sso_logo::delete;
    get "/admin/log" => admin::action_log::show;
    get "/admin/log.csv" => admin::action_log::csv;
    get "/admin/groups" => admin::groups::list;
    post "/admin/groups" => admin::groups::create;
    get "/admin/groups/{id}" => admin::groups::show;
    post "/admin/groups/{id}" => admin::groups::update;
    post "/admin/groups/{id}/delete" => admin::groups::delete;
    post "/admin/groups/{id}/members" => admin::groups::add_member;
    post "/admin/groups/{id}/members/{user}/remove" => admin::groups::remove_member;
    post "/admin/groups/{id}/import" => admin::groups::import;
    post "/admin/groups/{id}/invitations" => admin::groups::invite;
    post "/admin/groups/{id}/invitations/{invitation}/revoke" => admin::groups::revoke;
    get "/admin/redirections" => admin::redirections::list;
    post "/admin/redirections" => admin::redirections::create;
    post "/admin/redirections/import" => admin::redirections::import;
    post "/admin/redirections/hosts" => admin::redirections::hosts;
    post "/admin/redirections/{id}/delete" => admin::redirections::delete;
    get "/admin/redirections/missing" => admin::redirections::missing;
    post "/admin/redirections/missing/forget" => admin::redirections::forget;
    get "/admin/emails" => admin::emails::list;
    get "/admin/emails/{id}" => admin::emails::show;
    get "/admin/users" => admin::users::list;
    post "/admin/users/{id}/role" => admin::users::set_role;

    get "/admin/steps/{id}/collect" => admin::collect::show;
    post "/admin/steps/{id}/collect" => admin::collect::save_settings;
    post "/admin/steps/{id}/petition" => admin::collect::save_petition;
    post "/admin/steps/{id}/petition/off" => admin::collect::petition_off;
    post "/admin/steps/{id}/questions" => admin::questions::add_question;
    post "/admin/questions/{id}" => admin::questions::update_question;
    post "/admin/questions/{id}/move" => admin::questions::move_question;
    post "/admin/questions/{id}/delete" => admin::questions::delete_question;
    post "/admin/questions/{id}/duplicate" => admin::questions::duplicate_question;
    post "/admin/questions/{id}/choice-image" => admin::questions::choice_image;
    post "/admin/questions/{id}/jumps" => admin::questions::add_jump;
    post "/admin/questions/{id}/jumps/delete" => admin::questions::delete_jump;
    post "/admin/questions/{id}/always" => admin::questions::set_always;
    get "/admin/steps/{id}/questionnaire" => admin::questionnaires::show;
    post "/admin/steps/{id}/questionnaire" => admin::questionnaires::save_settings;
    post "/admin/steps/{id}/questionnaire/publish" => admin::questionnaires::publish;
    post "/admin/steps/{id}/questionnaire/mediators" => admin::questionnaires::add_mediator;
    post "/admin/steps/{id}/questionnaire/mediators/{user}/delete" => admin::questionnaires::remove_mediator;
    get "/admin/steps/{id}/replies.csv" => admin::questionnaire_export::csv;
    get "/admin/steps/{id}/replies.json" => admin::questionnaire_export::json;
    get "/questionnaires/{id}" => questionnaires::reply::show;
    post "/questionnaires/{id}" => questionnaires::reply::submit;
    post "/questionnaires/{id}/requirements" => questionnaires::reply::requirements;
    get "/questionnaires/{id}/results" => questionnaires::results::show [cached];
    get "/questionnaires/{id}/receipts" => questionnaires::receipts::show;
    get "/questionnaires/{id}/receipts.csv" => questionnaires::receipts::csv;
    get "/questionnaires/{id}/paper" => questionnaires::paper::show;
    post "/questionnaires/{id}/paper" => questionnaires::paper::enter;
    post "/admin/steps/{id}/categories" => admin::collect::add_category;
    post "/admin/steps/{id}/categories/{category}/delete" => admin::collect::delete_category;
    post "/admin/steps/{id}/statuses" => admin::collect::add_status;
    post "/admin/statuses/{id}/delete" => admin::collect::delete_status;
    get "/admin/steps/{id}/proposals" => admin::step_proposals::list;
    post "/admin/steps/{id}/assign" => admin::step_proposals::bulk_assign;
    post "/admin/steps/{id}/bulk-status" => admin::step_proposals::bulk_status;
    get "/admin/steps/{id}/export.csv" => admin::export::csv;
    get "/admin/analysis" => admin::analysis::my_queue;
    get "/admin/proposals/{id}" => admin::analysis::show;
    post "/admin/proposals/{id}/assign" => admin::analysis::assign;
    post "/admin/proposals/{id}/analysis" => admin::analysis::analyse;
    post "/admin/proposals/{id}/decision" => admin::analysis::decide;
    post "/admin/proposals/{id}/status" => admin::analysis::set_status;
    post "/admin/proposals/{id}/answer" => admin::analysis::answer;
    get "/admin/reasons" => admin::analysis::reasons;
    post "/admin/reasons" => admin::analysis::add_reason;
    post "/admin/reasons/{id}/delete" => admin::analysis::delete_reason;
    get "/admin/moderation" => admin::moderation::queue;
    post "/admin/moderation/{kind}/{id}/hide" => admin::moderation::hide;
    post "/admin/moderation/{kind}/{id}/restore" => admin::moderation::restore;
    post "/admin/reports/{id}/dismiss" => admin::moderation::dismiss;
    post "/admin/moderation/{kind}/{id}/approve" => admin::moderation::approve;
    get "/admin/steps/{id}/consultations" => admin::consultations::list;
    post "/admin/steps/{id}/consultations" => admin::consultations::create;
    get "/admin/consultations/{id}" => admin::consultations::show;
    post "/admin/consultations/{id}" => admin::consultations::update;
    post "/admin/consultations/{id}/import" => admin::consultations::import;
    post "/admin/consultations/{id}/sections" => admin::consultations::add_section;
    get "/admin/sections/{id}" => admin::consultations::section_form;
    post "/admin/sections/{id}" => admin::consultations::update_section;
    post "/admin/sections/{id}/delete" => admin::consultations::delete_section;
    post "/admin/sections/{id}/move" => admin::consultations::move_section;
    post "/admin/sections/{id}/articles" => admin::consultations::add_article;
    get "/admin/steps/{id}/contributions.csv" => admin::consultation_export::items;
    get "/admin/steps/{id}/participants.csv" => admin::consultation_export::participants;
    get "/admin/opinions/{id}" => admin::opinions::show;
    post "/admin/opinions/{id}" => admin::opinions::update;
    post "/admin/opinions/{id}/delete" => admin::opinions::delete;
    get "/admin/source-categories" => admin::opinions::categories;
    post "/admin/source-categories" => admin::opinions::add_category;
    post "/admin/source-categories/{id}/delete" => admin::opinions::delete_category;

    // Consultations on a text: sections, opinions, arguments, sources, amendments.
    get "/sections/{id}" => consultations::pages::section [cached];
    get "/sections/{id}/contribute" => consultations::actions::contribute_form;
    post "/sections/{id}/contribute" => consultations::actions::contribute;
    get "/opinions/{id}" => consultations::pages::opinion [cached];
    post "/opinions/{id}/vote" => consultations::actions::vote;
    post "/opinions/{id}/arguments" => consultations::actions::argue;
    post "/opinions/{id}/sources" => consultations::actions::add_source;
    get "/opinions/{id}/amend" => consultations::actions::amend_form;
    post "/opinions/{id}/amend" => consultations::actions::amend;
    post "/opinions/{id}/follow" => consultations::actions::follow;
    post "/opinions/{id}/report" => consultations::actions::report_opinion;
    post "/arguments/{id}/vote" => consultations::actions::upvote_argument;
    post "/arguments/{id}/report" => consultations::actions::report_argument;
    post "/sources/{id}/vote" => consultations::actions::upvote_source;
    post "/sources/{id}/report" => consultations::actions::report_source;
    get "/projects/{slug}/steps/{id}/synthesis" => consultations::synthesis::show [cached];
    get "/admin/steps/{id}/synthesis" => admin::synthesis::show;
    post "/admin/steps/{id}/synthesis/generate" => admin::synthesis::generate;
    post "/admin/steps/{id}/synthesis/publish" => admin::synthesis::publish;
    post "/admin/steps/{id}/synthesis/place" => admin::synthesis::place;
    post "/admin/synthesis-groups/{id}" => admin::synthesis::edit_group;
    post "/admin/synthesis-groups/{id}/merge" => admin::synthesis::merge;
    post "/admin/synthesis-groups/{id}/move" => admin::synthesis::move_group;

    // Debates, and their widget for other sites.
    get "/debates/{id}" => debates::show [cached];
    post "/debates/{id}/vote" => debates::vote;
    post "/debates/{id}/arguments" => debates::argue;
    get "/debates/{id}/anonymous" => debates::anonymous_form;
    post "/debates/{id}/anonymous" => debates::anonymous;
    get "/debates/confirm/{token}" => debates::confirm;
    get "/embed/debates/{id}" => debates::embed;
    post "/embed/debates/{id}" => debates::embed_post;
    get "/admin/steps/{id}/debates" => admin::debates::list;
    post "/admin/steps/{id}/debates" => admin::debates::create;
    get "/admin/debates/{id}" => admin::debates::show;
    post "/admin/debates/{id}" => admin::debates::update;
    post "/admin/debates/{id}/articles" => admin::debates::add_article;
    post "/admin/press-articles/{id}/delete" => admin::debates::delete_article;

    // The public GraphQL API.
    get "/graphql" => crate::api::get;
    post "/graphql" => crate::api::post;
    get "/graphql/schema.graphql" => crate::api::schema_file;
    get "/admin/api-tokens" => admin::tokens::list;
    post "/admin/api-tokens" => admin::tokens::create;
    post "/admin/api-tokens/{id}/revoke" => admin::tokens::revoke;

    // Votes: ballots, paper ballots, results, live counter, configuration.
    get "/votes/{id}" => votes::ballot::show;
    post "/votes/{id}" => votes::ballot::cast;
    post "/votes/{id}/requirements" => votes::ballot::requirements;
    get "/votes/{id}/receipt" => votes::ballot::receipt;
    get "/votes/{id}/paper" => votes::paper::show;
    post "/votes/{id}/paper" => votes::paper::enter;
    post "/votes/{id}/paper/{ballot}/delete" => votes::paper::delete;
    post "/votes/{id}/tallies" => votes::paper::tallies;
    get "/votes/{id}/results" => votes::results::show [cached];
    get "/votes/{id}/export.pb" => votes::results::export_pb;
    get "/projects/{slug}/live" => votes::live::page;
    get "/projects/{slug}/live/events" => votes::live::events;
    get "/projects/{slug}/counters" => votes::live::project_counters;
    get "/projects/{slug}/steps/{id}/counters" => votes::live::step_counters;
    get "/static/live.js" => assets::live_js [compressed];
    get "/static/ballot.js" => assets::ballot_js [compressed];
    get "/static/questionnaire.js" => assets::questionnaire_js [compressed];
    get "/static/jobs.js" => assets::jobs_js [compressed];
    get "/admin/steps/{id}/vote" => admin::vote::show;
    post "/admin/steps/{id}/vote" => admin::vote::save;
    get "/admin/steps/{id}/codes" => admin::id_codes::show;
    post "/admin/steps/{id}/codes" => admin::id_codes::import;
    post "/admin/steps/{id}/codes/delete-unused" => admin::id_codes::delete_unused;
    post "/admin/steps/{id}/vote/candidates" => admin::vote::candidates;
    post "/admin/steps/{id}/vote/envelopes" => admin::vote::envelopes;
    post "/admin/steps/{id}/vote/mediators" => admin::vote::add_mediator;
    post "/admin/steps/{id}/vote/mediators/{user}/delete" => admin::vote::remove_mediator;
    post "/admin/steps/{id}/vote/publish" => admin::vote::publish;
    post "/admin/steps/{id}/vote/jury" => admin::vote::draw_jury;

    // Realisation follow-up of winning proposals.
    get "/projects/{slug}/winners" => super::follow_up::winners [cached];
    get "/admin/proposals/{id}/realisation" => admin::follow_up::show;
    post "/admin/proposals/{id}/realisation" => admin::follow_up::save;
    post "/admin/proposals/{id}/milestones" => admin::follow_up::add_milestone;
    post "/admin/milestones/{id}" => admin::follow_up::update_milestone;
    post "/admin/milestones/{id}/delete" => admin::follow_up::delete_milestone;
    post "/admin/proposals/{id}/news" => admin::follow_up::add_news;
    post "/admin/news/{id}/delete" => admin::follow_up::delete_news;

    // Open data and personal data.
    get "/open-data" => super::open_data::page [cached];
    get "/open-data/steps/{id}/{file}" => super::open_data::download;
    get "/account/data" => super::personal_data::download;
    get "/admin/users/{id}/anonymise" => admin::users::anonymise_form;
    post "/admin/users/{id}/anonymise" => admin::users::anonymise;

    // Reversibility: whole-platform export and background jobs.
    get "/admin/export" => admin::platform_export::page;
    post "/admin/export" => admin::platform_export::start;
    get "/admin/jobs/{id}/download" => admin::platform_export::download;
}
