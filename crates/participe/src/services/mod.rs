//! Operations shared by several front doors (web forms, the CLI, the demo
//! loader): they combine domain rules, storage and email.

pub mod accounts;
pub mod notify;
pub mod vote_count;
