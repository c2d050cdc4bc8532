//! Pure domain rules of Participe. Nothing here does I/O: the storage and web
//! layers call these functions and types, and tests exercise them directly.

pub mod account;
pub mod analysis;
pub mod archive;
pub mod colour;
pub mod consultation;
pub mod debate;
pub mod diff;
pub mod email;
pub mod errors;
pub mod event;
pub mod follow_up;
pub mod fonts;
pub mod form;
pub mod form_answers;
pub mod form_logic;
pub mod french_ids;
pub mod home_section;
pub mod jury;
pub mod majority;
pub mod menu;
pub mod moderation;
pub mod open_data;
pub mod pb;
pub mod permission;
pub mod petition;
pub mod project;
pub mod proposal;
pub mod questionnaire;
pub mod redirection;
pub mod role;
pub mod shuffle;
pub mod site_page;
pub mod slug;
pub mod step;
pub mod survey_results;
pub mod synthesis;
pub mod tally;
pub mod templates;
pub mod text;
pub mod text_import;
pub mod theme;
pub mod vote;
pub mod vote_config;

pub use errors::{FieldError, FieldErrors};
pub use role::Role;
