//! Pure domain logic: no I/O, no Leptos. Shared by the server and (where needed) the browser.

pub mod account;
