//! The Monte Carlo Web Workers themselves: starting them, hearing them, and what each is
//! doing. Kept apart from the pool's dispatch of batches (`pool.rs`), which decides what to
//! send whom; here is only how a worker is started, posted to and heard.

use super::wire::Message;
use crate::uncertainty::job::message::Request;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's boot script (copied next to the page by Trunk).
const SCRIPT: &str = "./mc-worker.js";

/// One worker and what it is doing.
pub struct Slot {
    worker: Worker,
    /// It has said it is loaded.
    pub ready: bool,
    /// It has a batch.
    pub busy: bool,
    /// It could not start, or could not take a message: it gets no more.
    pub failed: bool,
}

impl Slot {
    /// Whether a batch may be sent now.
    pub fn free(&self) -> bool {
        self.ready && !self.busy && !self.failed
    }

    /// Sends a batch; if the worker cannot take it, it is failed and `false` says the batch
    /// needs another worker.
    pub fn post(&mut self, request: &Request) -> bool {
        let mut message = Message::empty();
        request.write(&mut message);
        let sent = self.worker.post_message(&message.0).is_ok();
        if sent {
            self.busy = true;
        } else {
            self.failed = true;
        }
        sent
    }
}

/// The running workers.
#[derive(Default)]
pub struct Workers {
    pub slots: Vec<Slot>,
    /// Keeps the message handlers alive as long as the workers.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// Workers to start: one per core, at most four (the model is memory-light, but more would
/// only contend for the cores), at least one.
fn worker_count() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).clamp(1, 4)
}

impl Workers {
    /// Starts the workers: `on_message` hears what worker `index` posts, `on_error` that it
    /// failed.
    pub fn start(
        on_message: Rc<dyn Fn(usize, JsValue)>,
        on_error: Rc<dyn Fn(usize)>,
    ) -> Result<Self, String> {
        let mut workers = Workers::default();
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        for index in 0..worker_count() {
            let worker = Worker::new_with_options(SCRIPT, &options)
                .map_err(|e| format!("the Monte Carlo worker could not start: {e:?}"))?;
            let heard = on_message.clone();
            let handler = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                heard(index, e.unchecked_into::<MessageEvent>().data());
            });
            worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
            let failed = on_error.clone();
            // An ErrorEvent: only the fact of the failure matters here. Handled, it does not
            // reach the page's own error handler (which would say the whole app stopped).
            let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                e.unchecked_ref::<web_sys::Event>().prevent_default();
                failed(index);
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            workers._handlers.push(handler);
            workers._handlers.push(on_error);
            workers.slots.push(Slot {
                worker,
                ready: false,
                busy: false,
                failed: false,
            });
        }
        Ok(workers)
    }

    /// Every worker has failed (and there was at least one).
    pub fn all_failed(&self) -> bool {
        !self.slots.is_empty() && self.slots.iter().all(|s| s.failed)
    }
}
