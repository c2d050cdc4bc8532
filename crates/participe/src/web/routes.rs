//! Every route of the site, in one table. The `routes!` macro builds the
//! router and the `ROUTES` list from the same lines, so the authorisation
//! matrix test can check that no route is forgotten.

use axum::Router;
use axum::routing::{get, post};

use super::{accounts, admin, assets, home, projects};
use crate::app::AppState;

macro_rules! routes {
    ($($method:ident $path:literal => $handler:path;)*) => {
        /// (method, path) of every route, in declaration order.
        pub const ROUTES: &[(&str, &str)] = &[$((stringify!($method), $path)),*];

        pub fn router() -> Router<AppState> {
            Router::new()$(.route($path, $method($handler)))*
        }
    };
}

routes! {
    get "/" => home::index;
    get "/healthz" => assets::healthz;
    get "/static/app.css" => assets::app_css;
    get "/theme.css" => assets::theme_css;
    get "/uploads/{name}" => assets::upload;
    get "/lang/{code}" => home::switch_lang;
    get "/terms" => home::terms;
    get "/projects/{slug}" => projects::show;
    get "/projects/{slug}/steps/{id}" => projects::step;

    get "/signup" => accounts::signup::form;
    post "/signup" => accounts::signup::submit;
    get "/confirm/{token}" => accounts::confirm::confirm;
    get "/login" => accounts::login::form;
    post "/login" => accounts::login::submit;
    post "/logout" => accounts::login::logout;
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

    get "/admin" => admin::index;
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
    get "/admin/themes" => admin::taxonomy::themes;
    post "/admin/themes" => admin::taxonomy::add_theme;
    post "/admin/themes/{id}" => admin::taxonomy::rename_theme;
    post "/admin/themes/{id}/delete" => admin::taxonomy::delete_theme;
    get "/admin/settings" => admin::settings::form;
    post "/admin/settings" => admin::settings::update;
    post "/admin/settings/logo" => admin::settings::upload_logo;
    get "/admin/emails" => admin::emails::list;
    get "/admin/emails/{id}" => admin::emails::show;
    get "/admin/users" => admin::users::list;
    post "/admin/users/{id}/role" => admin::users::set_role;
}
