//! Participe's integration tests, in one test binary (one link instead of
//! one per file, and every test shares the same pool of threads): HTTP
//! requests to the real router over real databases (SQLite and
//! PostgreSQL), the command line, and real identity providers started with
//! node. Each module is one area; run one with
//! `cargo test -p participe --test suite votes::`.

#[macro_use]
mod common;

mod account_life;
mod accounts;
mod action_log;
mod analysis;
mod api;
mod archive;
mod assets;
mod authorisation_matrix;
mod ballot_writer;
mod cli;
mod cluster;
mod community;
mod consultations;
mod debates;
mod email;
mod events;
mod follow_up;
mod fonts;
mod groups;
mod home_page;
mod list_plans;
mod news;
mod open_data;
mod page_cache;
mod petitions;
mod projects;
mod proposals;
mod questionnaires;
mod redirections;
mod robustness;
mod saml;
mod security;
mod site_pages;
mod sso;
mod storage;
mod templates;
mod translations;
mod votes;
