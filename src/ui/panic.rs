//! A panic shows on the page, not only in the console: a reader who sees a frozen chart
//! must be told that something broke and what to do.

use wasm_bindgen::JsCast;

/// Id of the banner element in `index.html` that shows load failures and panics.
pub const BANNER_ID: &str = "error-banner";

/// Routes every panic to [`show_error`] (and to the console for developers).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show_error(&format!(
            "mapsim stopped because of an internal error. Reload the page to start again. \
             Details: {message}"
        ));
    }));
}

/// Makes the error banner visible with `text`. Uses the DOM directly: after a panic the
/// Yew app can no longer be trusted to render.
pub fn show_error(text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    if let Some(banner) = document.get_element_by_id(BANNER_ID) {
        banner.set_text_content(Some(text));
        if let Ok(element) = banner.dyn_into::<web_sys::HtmlElement>() {
            element.set_hidden(false);
        }
    }
}
