//! How tall an embedded view is, told to the page around it.
//!
//! An `<iframe>` cannot size itself: its parent page sets its height. A fixed height either
//! clips the chart's axis and the "Open in mapsim" link behind an inner scrollbar, or leaves
//! a gap, and a reader who opens a details panel changes the height anyway. So the embed
//! posts its content's height to its parent whenever it changes, as the message
//! `{ type: "mapsim:height", height, ready }` (`height` in CSS pixels; `ready` once the
//! scenario's view is drawn). A lesson page follows it with `static/embed-resize.js`, and the
//! Share menu uses the same message to write a snippet whose height fits the chosen view.

use gloo::events::EventListener;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MessageEvent, ResizeObserver, Window};
use yew::prelude::*;

/// The `type` of the message an embed posts to its parent.
pub const MESSAGE: &str = "mapsim:height";

/// The height of the content from the top of the page, in whole CSS pixels, rounded up so
/// that a frame of that height never clips its last pixel row.
fn content_height(element: &Element) -> f64 {
    let window = gloo::utils::window();
    let scrolled = window.scroll_y().unwrap_or(0.0);
    (element.get_bounding_client_rect().bottom() + scrolled).ceil()
}

fn post(window: &Window, height: f64, ready: bool) {
    let Ok(parent) = window.parent() else { return };
    let Some(parent) = parent else { return };
    // A page that is not in a frame is its own parent: nothing to tell.
    if parent == *window {
        return;
    }
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &MESSAGE.into());
    let _ = Reflect::set(&message, &"height".into(), &height.into());
    let _ = Reflect::set(&message, &"ready".into(), &ready.into());
    // The height says nothing private, so any page that embeds mapsim may read it.
    let _ = parent.post_message(&message, "*");
}

/// Posts the height of the element behind `node` to the parent page whenever it changes
/// (and once more when `ready` turns true), for as long as the component lives.
#[hook]
pub fn use_report_height(node: NodeRef, ready: bool) {
    let ready_now = use_mut_ref(|| ready);
    *ready_now.borrow_mut() = ready;
    // When the view becomes ready without changing size, the parent still needs to know.
    {
        let node = node.clone();
        use_effect_with(ready, move |ready| {
            if let Some(element) = node.cast::<Element>() {
                post(&gloo::utils::window(), content_height(&element), *ready);
            }
        });
    }
    use_effect_with((), move |_| {
        let mut observer = None;
        if let Some(element) = node.cast::<Element>() {
            let target = element.clone();
            let callback = Closure::<dyn FnMut()>::new(move || {
                post(
                    &gloo::utils::window(),
                    content_height(&target),
                    *ready_now.borrow(),
                );
            });
            if let Ok(o) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                o.observe(&element);
                observer = Some((o, callback));
            }
        }
        move || {
            if let Some((o, _callback)) = observer {
                o.disconnect();
            }
        }
    });
}

/// The height an embed reported, if `event` is a height message from `frame`'s window.
fn height_from(event: &MessageEvent, frame: &web_sys::HtmlIFrameElement) -> Option<(f64, bool)> {
    let source: JsValue = event.source()?.into();
    let window: JsValue = frame.content_window()?.into();
    if source != window {
        return None;
    }
    let data = event.data();
    let kind = Reflect::get(&data, &"type".into()).ok()?.as_string()?;
    if kind != MESSAGE {
        return None;
    }
    let height = Reflect::get(&data, &"height".into()).ok()?.as_f64()?;
    let ready = Reflect::get(&data, &"ready".into())
        .ok()
        .and_then(|r| r.as_bool())
        .unwrap_or(false);
    (height.is_finite() && height > 0.0).then_some((height, ready))
}

/// Listens for the heights that the embed in `frame` reports, and calls `on_height` with each
/// one (height in CSS pixels, and whether the view is drawn).
pub fn listen(
    frame: web_sys::HtmlIFrameElement,
    on_height: Callback<(f64, bool)>,
) -> EventListener {
    EventListener::new(&gloo::utils::window(), "message", move |event| {
        if let Some(event) = event.dyn_ref::<MessageEvent>() {
            if let Some(report) = height_from(event, &frame) {
                on_height.emit(report);
            }
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct EmbedFrameProps {
    /// Whether the scenario's view is drawn, with its uncertainty bands when they are shown
    /// (their legend can take another line): the height is final until the reader acts.
    pub ready: bool,
    pub children: Html,
}

/// The embed's outermost box, which tells the parent page its height.
#[function_component(EmbedFrame)]
pub fn embed_frame(props: &EmbedFrameProps) -> Html {
    let node = use_node_ref();
    use_report_height(node.clone(), props.ready);
    html! {
        <div class="app embedded" ref={node}>{ props.children.clone() }</div>
    }
}
