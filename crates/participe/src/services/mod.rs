//! Operations shared by several front doors (web forms, the CLI, the demo
//! loader): they combine domain rules, storage and email.

pub mod account_life;
pub mod accounts;
pub mod archive;
pub mod ballot_writer;
pub mod collect_steps;
pub mod counters_cache;
pub mod decisions;
pub mod events;
pub mod groups;
pub mod jobs;
pub mod kept;
pub mod live;
pub mod menus;
pub mod notify;
pub mod notify_opinions;
pub mod org_cache;
pub mod page_cache;
pub mod person_limits;
pub mod petitions;
pub mod project_steps;
pub mod proposal_lists;
pub mod questionnaire_results;
pub mod redirections;
pub mod saml;
pub mod sso;
pub mod synthesis;
pub mod translations;
pub mod vote_count;
pub mod vote_steps;
pub mod voter_checks;
