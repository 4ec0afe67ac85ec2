//! Web Workers running Monte Carlo batches for the app, latest request wins.
//!
//! The workers keep no state: each message is one small batch of tasks of one scenario
//! (`uncertainty::batch`). A worker gets its next batch only when its last one comes back,
//! and always of the newest job, so a new request takes over within one batch without
//! interrupting anyone, and stale answers are simply dropped. What a job is (its queue, the
//! results filed, when bands are due) is the engine's tested `uncertainty::job::Job`, with
//! its `message`s; the workers are started and posted to in `workers.rs`. This file only
//! dispatches: which batch goes to which worker, and what comes back to whom.

use super::wire::Message;
use super::workers::Workers;
use crate::ui::timing::{measured, now};
use crate::uncertainty::job::message::{self, Answer};
use crate::uncertainty::job::Job;
pub use crate::uncertainty::job::{JobRequest as Request, Progress};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsValue;

struct Inner {
    workers: Workers,
    job: Option<Job>,
    next_id: u32,
    notify: Rc<dyn Fn(Progress)>,
}

/// A set of Monte Carlo workers.
#[derive(Clone)]
pub struct Pool(Rc<RefCell<Inner>>);

impl Pool {
    /// Starts the workers; `notify` hears every step of progress of the current job.
    pub fn new(notify: impl Fn(Progress) + 'static) -> Result<Self, String> {
        let pool = Pool(Rc::new(RefCell::new(Inner {
            workers: Workers::default(),
            job: None,
            next_id: 0,
            notify: Rc::new(notify),
        })));
        let weak = Rc::downgrade(&pool.0);
        let heard = weak.clone();
        let on_message = Rc::new(move |index, data| receive(&heard, index, data));
        let on_error = Rc::new(move |index| fail(&weak, index));
        let workers = Workers::start(on_message, on_error)?;
        pool.0.borrow_mut().workers = workers;
        Ok(pool)
    }

    /// Replaces the current job (if any) with `request`.
    pub fn start(&self, request: Request) {
        {
            let mut inner = self.0.borrow_mut();
            inner.next_id += 1;
            inner.job = Some(Job::new(inner.next_id, request, now()));
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
    let count = inner.borrow().workers.slots.len();
    (0..count).for_each(|index| feed(inner, index));
}

/// Sends worker `index` the next batch of the current job, if it is free and there is one.
fn feed(inner: &Rc<RefCell<Inner>>, index: usize) {
    let mut guard = inner.borrow_mut();
    let Inner { workers, job, .. } = &mut *guard;
    let (Some(slot), Some(job)) = (workers.slots.get_mut(index), job.as_mut()) else {
        return;
    };
    let Some(request) = slot.free().then(|| job.next_request()).flatten() else {
        return;
    };
    if !slot.post(&request) {
        // Put the batch back for another worker.
        job.put_back(request.codes);
    }
}

fn fail(weak: &Weak<RefCell<Inner>>, index: usize) {
    let Some(inner) = weak.upgrade() else { return };
    if let Some(slot) = inner.borrow_mut().workers.slots.get_mut(index) {
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
    if !inner.workers.all_failed() {
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
    let ready = data.as_string().as_deref() == Some(message::READY);
    if let Some(slot) = inner.borrow_mut().workers.slots.get_mut(index) {
        if ready {
            slot.ready = true;
        } else {
            slot.busy = false;
        }
    }
    // Filing results and reading bands: the Monte Carlo's only main-thread work, measured.
    let update = (!ready)
        .then(|| measured("mapsim:bands", || store(&inner, &data)))
        .flatten();
    feed(&inner, index);
    if let Some((notify, progress)) = update {
        notify(progress);
    }
}

type Update = (Rc<dyn Fn(Progress)>, Progress);

/// Files a batch's results under the current job; returns news for the app, if any.
fn store(inner: &Rc<RefCell<Inner>>, data: &JsValue) -> Option<Update> {
    let answer = Answer::read(&Message::received(data))?;
    let mut guard = inner.borrow_mut();
    let notify = guard.notify.clone();
    let progress = guard.job.as_mut()?.answered(&answer, now())?;
    Some((notify, progress))
}
