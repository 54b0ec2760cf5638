//! Pure domain logic: no I/O, no Leptos. Shared by the server and (where needed) the browser.

pub mod account;
pub mod agreement;
pub mod debrief;
pub mod initiative;
pub mod model;
pub mod planner;
pub mod reason;
pub mod results;
pub mod roadmap;
pub mod rubric;
pub mod stats;
