//! The Monte Carlo Web Worker: the engine only, no UI code.
//!
//! Messages in: a batch to run (`uncertainty::job::message::Request`). Messages out:
//! `"ready"` once, then per batch its `Answer`. Their layout and encoding are declared once,
//! in `uncertainty::job::message`, and carried as JavaScript arrays by the one `Message` of
//! `ui/uncertainty/wire.rs`, which the app's pool uses too.
//! The worker keeps no state between batches: the app sends the next batch of the newest
//! job only when one comes back, so a newer request replaces an older one (latest wins)
//! without the worker having to be interrupted.

/// The messages as JavaScript arrays, shared with the app's pool (this binary has no UI).
#[cfg(target_arch = "wasm32")]
#[path = "../ui/uncertainty/wire.rs"]
mod wire;

#[cfg(target_arch = "wasm32")]
fn main() {
    use mapsim::uncertainty::job::message::{Answer, Request, READY};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use wire::Message;

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let request = Request::read(&Message::received(&event.data()));
        let batch =
            mapsim::uncertainty::batch::run_batch(&request.link, request.seed, &request.codes);
        let mut out = Message::empty();
        Answer {
            job: request.job,
            codes: request.codes,
            batch,
        }
        .write(&mut out);
        // A failed post means the page is gone; there is no one left to tell.
        let _ = reply.post_message(&out.0);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The worker exists only in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the Monte Carlo worker runs in a browser; use `mapsim run --runs N` natively");
}
