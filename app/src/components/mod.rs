//! Shared pieces of UI.

pub mod form;
pub mod layout;
