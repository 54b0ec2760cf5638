//! The security suite of issue #6: one module per point, each showing the attack or misuse
//! it stops, over HTTP and the JSON API, on SQLite and PostgreSQL.
//!
//! 1. `cross_site`: state changes from other sites are refused, on every route.
//! 2. `cookies`: cookie attributes, and the `__Host-` prefix over real TLS.
//! 3. `sessions`: the session id rotates at sign-in; sign-out and account removal end it.
//! 4. `expiry`: idle and absolute session expiry, with the test clock.
//! 5. `passwords`: argon2id parameters, rate limits with Retry-After, one message for
//!    unknown user and wrong password.
//! 6. `authorization`: every route x six kinds of visitor, from one table.
//! 7. `scorecards`: the scorecard visibility rule in HTML, server functions and the API.
//! 8. `secrets`: no secret in any response body.
//! 9. `headers`: security headers and a nonce CSP on every page.
//! 10. `xss`: user-written text cannot inject script, in pages and exports.
//!
//! Plus `schemathesis`: the API fuzzed against its OpenAPI document.

mod authorization;
mod cookies;
mod cross_site;
mod expiry;
mod headers;
mod passwords;
mod schemathesis;
mod scorecards;
mod secrets;
mod sessions;
mod world;
mod xss;
