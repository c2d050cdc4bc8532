//! Participe: a civic participation platform in one binary.
//!
//! Layers, from the inside out: `participe_domain` (pure rules, another
//! crate), `storage` (SQL on SQLite or PostgreSQL), `web` (HTTP handlers by
//! feature), and `cli` (the `participe` command). See ARCHITECTURE.md.

pub mod api;
pub mod app;
pub mod archive_cli;
pub mod cli;
pub mod config;
pub mod dates;
pub mod demo;
mod demo_consultation;
pub mod demo_covers;
mod demo_events;
pub mod demo_follow_up;
mod demo_news;
pub mod demo_petitions;
mod demo_proposals;
pub mod demo_questionnaire;
pub mod demo_site;
pub mod demo_translations;
pub mod demo_votation;
pub mod demo_votes;
pub mod files;
pub mod font_files;
pub mod i18n;
pub mod ics;
pub mod images;
pub mod mail;
pub mod memory;
pub mod pb_cli;
pub mod richtext;
pub mod security;
pub mod services;
pub mod storage;
pub mod web;
