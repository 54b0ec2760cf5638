//! Use cases: authorise, validate, call the domain, store. Pages, form handlers and (later)
//! the JSON API all go through here, so the rules live in one place.

pub mod auth;
pub mod flash;
pub mod organisations;
pub mod tokens;
