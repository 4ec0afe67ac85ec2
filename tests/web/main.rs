//! Browser tests (wasm-bindgen-test in headless Chromium).
