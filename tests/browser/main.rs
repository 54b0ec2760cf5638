//! Browser tests: the built app in headless Chromium, with JavaScript on and off.
//! Needs `cargo leptos build --release` first (./test does it) for the wasm and CSS.

mod accounts;
mod assessments;
mod chinese;
mod hiring;
mod lighthouse;
mod quality;
mod roadmap;
