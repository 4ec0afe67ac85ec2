//! The address bar follows the scenario: `replaceState` while sliders move (no flood of
//! history entries), `pushState` for deliberate changes (region, preset, reset) so Back
//! works, and Back/Forward restore the scenario they point to.

use crate::link::{self, Link};
use crate::scenario::Notice;

/// The link the page was opened with (or moved to by Back/Forward).
pub fn current() -> (Link, Vec<Notice>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    link::decode(&search)
}

/// The page's address for `link` (same path, new query).
pub fn address(link: &Link) -> String {
    format!("?{}", link::encode(link))
}

/// The full URL of `link` on this page (for sharing).
pub fn absolute(link: &Link) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return address(link);
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{}", address(link))
}

/// The full URL of a file served beside the app (`embed-resize.js`, say).
pub fn beside(file: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return file.to_string();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    format!("{origin}{folder}{file}")
}

/// Shows `link` in the address bar: a new history entry when `push`, else in place.
pub fn show(link: &Link, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = address(link);
    if window.location().search().ok().as_deref() == Some(url.as_str()) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Copies `text` to the clipboard where the browser allows it (the Clipboard API needs a
/// secure context); returns whether the copy was started.
pub fn copy(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok();
    let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match write {
        Some(f) => {
            if let Ok(promise) = f.call1(&clipboard, &text.into()) {
                // Swallow a rejection (permission denied): the link stays visible to copy.
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    // One tiny handler per click, kept alive for the promise (forget).
                    let ignore =
                        wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
                            |_: wasm_bindgen::JsValue| {},
                        );
                    let _ = promise.catch(&ignore);
                    ignore.forget();
                }
                true
            } else {
                false
            }
        }
        None => false,
    }
}
