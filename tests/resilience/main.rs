//! Overload and crash safety (issue #6): what happens when the server runs out of database
//! connections, of places for requests, of CPU, or is killed outright, and the SQLite
//! backup and restore commands.
//!
//! - `pool`: an exhausted connection pool answers 503 with `Retry-After` within its bound,
//!   on pages, forms, server functions and the API, and serves again once it frees.
//! - `in_flight`: past the in-flight limit a request waits at most the queue timeout, then
//!   hears 503 (JSON, or a page that sends a form's author back to the form).
//! - `overload`: at twice the measured saturation load every request is answered within
//!   1 s with success or 503, and the server recovers when the load drops.
//! - `crash`: 32 respondents save answers while the server is killed with SIGKILL and
//!   restarted; every acknowledged answer is there afterwards.
//! - `backup`: a backup taken under write load is consistent; restore puts it back, and both
//!   commands refuse what would lose data.
//!
//! The in-process tests run on SQLite and PostgreSQL; the process tests drive the release
//! binary (`target/release/revalign`, built by ./test) as a separate process.

/// The tests of this binary take turns: each loads the machine (the overload test measures
/// what two cores can serve, the crash test runs 32 clients), so running them side by side
/// would measure each other.
pub(crate) static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

mod backup;
mod crash;
mod in_flight;
mod overload;
mod pool;
mod survey;
