//! The RevAlign server: configuration, the HTTP stack around the Leptos app, security
//! middleware, form endpoints, the JSON API and the command line. `main.rs` only parses arguments.
#![forbid(unsafe_code)]

pub mod assessment_forms;
pub mod backup;
pub mod config;
pub mod demo;
pub mod endpoints;
pub mod forms;
pub mod hiring_forms;
pub mod language;
pub mod limits;
pub mod page_cache;
pub mod rest;
pub mod roadmap_forms;
pub mod security;
pub mod session;
pub mod startup;

pub use config::Settings;
pub use startup::Application;
