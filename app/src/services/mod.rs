//! Use cases: authorise, validate, call the domain, store. Pages, form handlers and the JSON
//! API all go through here, so the rules live in one place.

pub mod api_tokens;
pub mod assessments;
pub mod auth;
pub mod content;
pub mod cookies;
pub mod exports;
pub mod flash;
pub mod hiring;
pub mod organisations;
pub mod page_cache;
pub mod questionnaire;
pub mod results_cache;
pub mod roadmap;
pub mod roadmap_history;
pub mod tokens;
