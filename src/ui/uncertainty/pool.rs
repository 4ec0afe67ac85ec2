//! Web Workers running Monte Carlo batches for the app, latest request wins.
//!
//! The workers keep no state: each message is one small batch of tasks of one scenario
//! (`uncertainty::batch`). A worker gets its next batch only when its last one comes back,
//! and always of the newest job, so a new request takes over within one batch without
//! interrupting anyone, and stale answers are simply dropped. What a job is (its queue, the
//! results filed, when bands are due) is the engine's tested `uncertainty::job::Job`; this
//! file only moves messages between it and the workers.

use crate::uncertainty::batch::BatchResult;
use crate::uncertainty::job::{message, Job};
pub use crate::uncertainty::job::{JobRequest as Request, Progress};
use js_sys::{Array, Float64Array, Int32Array, Uint8Array};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's boot script (copied next to the page by Trunk).
const SCRIPT: &str = "./mc-worker.js";

struct Slot {
    worker: Worker,
    ready: bool,
    busy: bool,
    failed: bool,
}

struct Inner {
    slots: Vec<Slot>,
    job: Option<Job>,
    next_id: u32,
    notify: Rc<dyn Fn(Progress)>,
    /// Keeps the message handlers alive as long as the pool.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// A set of Monte Carlo workers.
#[derive(Clone)]
pub struct Pool(Rc<RefCell<Inner>>);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Workers to start: one per core, at most four (the model is memory-light, but more would
/// only contend for the cores), at least one.
fn worker_count() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).clamp(1, 4)
}

impl Pool {
    /// Starts the workers; `notify` hears every step of progress of the current job.
    pub fn new(notify: impl Fn(Progress) + 'static) -> Result<Self, String> {
        let pool = Pool(Rc::new(RefCell::new(Inner {
            slots: Vec::new(),
            job: None,
            next_id: 0,
            notify: Rc::new(notify),
            _handlers: Vec::new(),
        })));
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        for index in 0..worker_count() {
            let worker = Worker::new_with_options(SCRIPT, &options)
                .map_err(|e| format!("the Monte Carlo worker could not start: {e:?}"))?;
            let weak = Rc::downgrade(&pool.0);
            let handler = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                receive(&weak, index, e.unchecked_into::<MessageEvent>().data());
            });
            worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
            let weak = Rc::downgrade(&pool.0);
            // An ErrorEvent: only the fact of the failure matters here. Handled, it does not
            // reach the page's own error handler (which would say the whole app stopped).
            let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                e.unchecked_ref::<web_sys::Event>().prevent_default();
                fail(&weak, index);
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            let mut inner = pool.0.borrow_mut();
            inner._handlers.push(handler);
            inner._handlers.push(on_error);
            inner.slots.push(Slot {
                worker,
                ready: false,
                busy: false,
                failed: false,
            });
        }
        Ok(pool)
    }

    /// Replaces the current job (if any) with `request`.
    pub fn start(&self, request: Request) {
        {
            let mut inner = self.0.borrow_mut();
            inner.next_id += 1;
            let id = inner.next_id;
            inner.job = Some(Job::new(id, request, now()));
        }
        feed_all(&self.0);
        // With every worker failed, say so at once for the new scenario too.
        if let Some((notify, progress)) = failure(&self.0.borrow()) {
            notify(progress);
        }
    }

    /// Drops the current job: workers finish their batch and then wait.
    pub fn stop(&self) {
        self.0.borrow_mut().job = None;
    }
}

fn feed_all(inner: &Rc<RefCell<Inner>>) {
    let count = inner.borrow().slots.len();
    for index in 0..count {
        feed(inner, index);
    }
}

/// Sends worker `index` the next batch of the current job, if it is free and there is one.
fn feed(inner: &Rc<RefCell<Inner>>, index: usize) {
    let mut guard = inner.borrow_mut();
    let Inner { slots, job, .. } = &mut *guard;
    let (Some(slot), Some(job)) = (slots.get_mut(index), job.as_mut()) else {
        return;
    };
    if !slot.ready || slot.busy || slot.failed {
        return;
    }
    let Some(codes) = job.next_batch() else {
        return;
    };
    let message = Array::new();
    message.set(message::request::JOB, JsValue::from(job.id()));
    message.set(
        message::request::LINK,
        JsValue::from_str(&job.request().key),
    );
    message.set(
        message::request::SEED,
        JsValue::from_f64(job.request().seed as f64),
    );
    message.set(message::request::CODES, Int32Array::from(&codes[..]).into());
    if slot.worker.post_message(&message).is_ok() {
        slot.busy = true;
    } else {
        // Put the batch back for another worker.
        job.put_back(codes);
        slot.failed = true;
    }
}

fn fail(weak: &Weak<RefCell<Inner>>, index: usize) {
    let Some(inner) = weak.upgrade() else { return };
    if let Some(slot) = inner.borrow_mut().slots.get_mut(index) {
        slot.failed = true;
    }
    let news = failure(&inner.borrow());
    if let Some((notify, progress)) = news {
        notify(progress);
    }
    feed_all(&inner);
}

/// When every worker has failed: the current job's progress with the reason.
fn failure(inner: &Inner) -> Option<Update> {
    if inner.slots.is_empty() || !inner.slots.iter().all(|s| s.failed) {
        return None;
    }
    inner.job.as_ref().map(|job| {
        let p = job.failed(
            "The uncertainty bands could not be computed: the Monte Carlo worker failed to \
             start in this browser. Everything else works.",
        );
        (inner.notify.clone(), p)
    })
}

fn receive(weak: &Weak<RefCell<Inner>>, index: usize, data: JsValue) {
    let Some(inner) = weak.upgrade() else { return };
    if data.as_string().as_deref() == Some(message::READY) {
        if let Some(slot) = inner.borrow_mut().slots.get_mut(index) {
            slot.ready = true;
        }
        feed(&inner, index);
        return;
    }
    if let Some(slot) = inner.borrow_mut().slots.get_mut(index) {
        slot.busy = false;
    }
    // Filing results and reading bands: the Monte Carlo's only main-thread work, measured.
    let update = crate::ui::timing::measured("mapsim:bands", || store(&inner, &Array::from(&data)));
    feed(&inner, index);
    if let Some((notify, progress)) = update {
        notify(progress);
    }
}

type Update = (Rc<dyn Fn(Progress)>, Progress);

/// Files a batch's results under the current job; returns news for the app, if any.
fn store(inner: &Rc<RefCell<Inner>>, answer: &Array) -> Option<Update> {
    use message::answer::{CODES, JOB, RAN, VALUES, YEARS};
    let mut guard = inner.borrow_mut();
    let notify = guard.notify.clone();
    let job = guard.job.as_mut()?;
    if answer.get(JOB).as_f64() != Some(f64::from(job.id())) {
        return None; // an answer to an older request
    }
    let codes = Int32Array::from(answer.get(CODES)).to_vec();
    // The worker's answer, read back into the engine's own batch type.
    let batch = BatchResult {
        ran: Uint8Array::from(answer.get(RAN))
            .to_vec()
            .into_iter()
            .map(|r| r == 1)
            .collect(),
        values: Float64Array::from(answer.get(VALUES)).to_vec(),
        years: answer.get(YEARS).as_f64().unwrap_or(0.0) as usize,
    };
    job.file(&codes, &batch, now())
        .map(|progress| (notify, progress))
}
