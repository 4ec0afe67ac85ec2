//! The Monte Carlo Web Worker: the engine only, no UI code.
//!
//! Messages in: `[job, link, seed, Int32Array task codes]`. Messages out: `"ready"` once,
//! then per batch `[job, Int32Array task codes, Uint8Array ran, Float64Array series, years]`
//! (the positions are declared once, in `uncertainty::job::message`).
//! The worker keeps no state between batches: the app sends the next batch of the newest
//! job only when one comes back, so a newer request replaces an older one (latest wins)
//! without the worker having to be interrupted.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Float64Array, Int32Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        use mapsim::uncertainty::job::message::{answer, request};
        let message = Array::from(&event.data());
        let job = message.get(request::JOB);
        let link = message.get(request::LINK).as_string().unwrap_or_default();
        let seed = message.get(request::SEED).as_f64().unwrap_or(1.0) as u64;
        let codes = Int32Array::from(message.get(request::CODES)).to_vec();
        let result = mapsim::uncertainty::batch::run_batch(&link, seed, &codes);
        let ran: Vec<u8> = result.ran.iter().map(|&r| u8::from(r)).collect();
        let out = Array::new();
        out.set(answer::JOB, job);
        out.set(answer::CODES, Int32Array::from(&codes[..]).into());
        out.set(answer::RAN, Uint8Array::from(&ran[..]).into());
        out.set(
            answer::VALUES,
            Float64Array::from(&result.values[..]).into(),
        );
        out.set(answer::YEARS, JsValue::from_f64(result.years as f64));
        // A failed post means the page is gone; there is no one left to tell.
        let _ = reply.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(mapsim::uncertainty::job::message::READY));
}

/// The worker exists only in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the Monte Carlo worker runs in a browser; use `mapsim run --runs N` natively");
}
