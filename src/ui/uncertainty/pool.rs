//! Web Workers running Monte Carlo batches for the app, latest request wins.
//!
//! The workers keep no state: each message is one small batch of tasks of one scenario
//! (`uncertainty::batch`). A worker gets its next batch only when its last one comes back,
//! and always of the newest job, so a new request takes over within one batch without
//! interrupting anyone, and stale answers are simply dropped. Bands are recomputed as
//! batches arrive, at most every [`REFRESH_MS`], so the main thread does little.

use crate::uncertainty::batch::BatchResult;
use crate::uncertainty::{Bands, BandsBuilder, MonteCarlo, SwingRuns, Task};
use js_sys::{Array, Float64Array, Int32Array, Uint8Array};
use ndarray::Array2;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's boot script (copied next to the page by Trunk).
const SCRIPT: &str = "./mc-worker.js";
/// Tasks per message: small, so a newer request starts soon after an older one.
const BATCH: usize = 2;
/// Draws needed before the first bands are shown.
pub const FIRST_BANDS: usize = 12;
/// Least time between two recomputations of the bands while draws arrive.
const REFRESH_MS: f64 = 250.0;

/// What a job asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The scenario's query string (the workers decode it exactly).
    pub key: String,
    pub seed: u64,
    pub draws: usize,
    /// Also run the sensitivity swings (for the tornado view).
    pub swings: bool,
}

/// What the app is told as batches come back.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// The scenario key the results belong to.
    pub key: String,
    pub bands: Option<Rc<Bands>>,
    /// Draws back so far, and asked for.
    pub done: usize,
    pub total: usize,
    /// Every swing run, once all have come back.
    pub swings: Option<Rc<Vec<SwingRuns>>>,
    /// Why no worker can run, if none can.
    pub error: Option<String>,
}

/// Components compare their props on every render (every slider input): the bands and
/// swings are compared by identity, not value by value.
impl PartialEq for Progress {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
            && self.done == other.done
            && self.total == other.total
            && self.error == other.error
            && self.bands.as_ref().map(Rc::as_ptr) == other.bands.as_ref().map(Rc::as_ptr)
            && self.swings.as_ref().map(Rc::as_ptr) == other.swings.as_ref().map(Rc::as_ptr)
    }
}

impl Progress {
    /// All draws are in.
    pub fn complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

struct Job {
    id: u32,
    request: Request,
    queue: VecDeque<i32>,
    /// Draws back so far, in the order they arrived (bands do not depend on it).
    draws: BandsBuilder,
    swings: Vec<Option<Option<Array2<f64>>>>,
    params: Vec<usize>,
    refreshed_at: f64,
    progress: Progress,
}

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
        let (scenario, _) = crate::scenario::query::decode(&request.key);
        let mc = MonteCarlo::new(&scenario, request.seed);
        let params: Vec<usize> = mc.varied().iter().map(|(i, _)| *i).collect();
        let mut queue: VecDeque<i32> = VecDeque::new();
        if request.swings {
            queue.extend(mc.swing_tasks().map(Task::code));
        }
        queue.extend((0..request.draws as i32).map(|n| Task::Draw(n as u64).code()));
        {
            let mut inner = self.0.borrow_mut();
            inner.next_id += 1;
            let id = inner.next_id;
            inner.job = Some(Job {
                id,
                progress: Progress {
                    key: request.key.clone(),
                    total: request.draws,
                    ..Progress::default()
                },
                swings: vec![None; if request.swings { 2 * params.len() } else { 0 }],
                draws: BandsBuilder::default(),
                request,
                queue,
                params,
                refreshed_at: now(),
            });
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
    if !slot.ready || slot.busy || slot.failed || job.queue.is_empty() {
        return;
    }
    let take = BATCH.min(job.queue.len());
    let codes: Vec<i32> = job.queue.drain(..take).collect();
    let message = Array::of4(
        &JsValue::from(job.id),
        &JsValue::from_str(&job.request.key),
        &JsValue::from_f64(job.request.seed as f64),
        &Int32Array::from(&codes[..]),
    );
    if slot.worker.post_message(&message).is_ok() {
        slot.busy = true;
    } else {
        // Put the batch back for another worker.
        for code in codes.into_iter().rev() {
            job.queue.push_front(code);
        }
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
        let mut p = job.progress.clone();
        p.error = Some(
            "The uncertainty bands could not be computed: the Monte Carlo worker failed to \
             start in this browser. Everything else works."
                .into(),
        );
        (inner.notify.clone(), p)
    })
}

fn receive(weak: &Weak<RefCell<Inner>>, index: usize, data: JsValue) {
    let Some(inner) = weak.upgrade() else { return };
    if data.as_string().as_deref() == Some("ready") {
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
fn store(inner: &Rc<RefCell<Inner>>, message: &Array) -> Option<Update> {
    let mut guard = inner.borrow_mut();
    let notify = guard.notify.clone();
    let job = guard.job.as_mut()?;
    if message.get(0).as_f64() != Some(f64::from(job.id)) {
        return None; // an answer to an older request
    }
    let codes = Int32Array::from(message.get(1)).to_vec();
    // The worker's answer, read back into the engine's own batch type.
    let batch = BatchResult {
        ran: Uint8Array::from(message.get(2))
            .to_vec()
            .into_iter()
            .map(|r| r == 1)
            .collect(),
        values: Float64Array::from(message.get(3)).to_vec(),
        years: message.get(4).as_f64().unwrap_or(0.0) as usize,
    };
    let mut swings_changed = false;
    for (code, series) in codes.iter().zip(batch.series()) {
        match Task::from_code(*code) {
            Task::Draw(_) => job.draws.add(series.as_ref()),
            Task::Swing { slot, high } => {
                if let Some(cell) = job.swings.get_mut(2 * slot + usize::from(high)) {
                    *cell = Some(series);
                    swings_changed = true;
                }
            }
        }
    }
    let mut changed = false;
    if swings_changed && job.swings.iter().all(Option::is_some) {
        let runs = job
            .params
            .iter()
            .enumerate()
            .map(|(slot, &param)| SwingRuns {
                param,
                low: job.swings[2 * slot].clone().flatten(),
                high: job.swings[2 * slot + 1].clone().flatten(),
            })
            .collect();
        job.progress.swings = Some(Rc::new(runs));
        changed = true;
    }
    let done = job.draws.len();
    let complete = done == job.request.draws;
    // The first bands as soon as there are enough draws, then at most every REFRESH_MS.
    let due = done >= FIRST_BANDS
        && (job.progress.bands.is_none() || now() - job.refreshed_at >= REFRESH_MS);
    if complete || (due && done != job.progress.done) {
        let bands = job.draws.bands();
        job.progress.bands = bands.map(Rc::new);
        job.progress.done = done;
        job.refreshed_at = now();
        changed = true;
    }
    changed.then(|| (notify, job.progress.clone()))
}
