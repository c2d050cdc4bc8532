//! The back office. Every handler starts with `ctx.require(Action::…)`:
//! authorisation is checked on the server for every action.

pub mod analysis;
pub mod collect;
pub mod consultation_export;
pub mod consultations;
pub mod dashboard;
pub mod debates;
pub mod design;
pub mod emails;
pub mod events;
pub mod export;
pub mod follow_up;
pub mod fonts;
pub mod home_page;
pub mod menus;
pub mod moderation;
pub mod newsletter;
pub mod opinions;
pub mod platform_export;
pub mod posts;
pub mod projects;
pub mod questionnaire_export;
pub mod questionnaires;
pub mod questions;
pub mod redirections;
pub mod settings;
pub mod site_pages;
pub mod sso;
pub mod step_proposals;
pub mod steps;
pub mod synthesis;
pub mod taxonomy;
pub mod tokens;
pub mod translations;
pub mod users;
pub mod vote;
