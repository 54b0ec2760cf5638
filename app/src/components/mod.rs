//! Shared pieces of UI.

pub mod charts;
pub mod form;
pub mod layout;
