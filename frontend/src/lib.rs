//! The browser half of RevAlign. Pages are rendered on the server; this crate only wakes up
//! the `#[island]` components inside them. Keeping it a separate, tiny `cdylib` means the
//! server build never links a shared library it does not use.
#![forbid(unsafe_code)]

/// Called by the script cargo-leptos generates once the wasm module has loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Referencing the app crate makes sure its islands (exported with wasm-bindgen) are linked.
    app::islands::register();
    leptos::mount::hydrate_islands();
}
