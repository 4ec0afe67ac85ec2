//! One Monte Carlo job of the app, as a tested state machine with no browser in it: the queue
//! of tasks (sensitivity swings first, then draws), the batches handed to workers, the
//! results filed as they come back, and when the bands are worth recomputing. The app's
//! worker pool (`ui/uncertainty/pool.rs`) only moves messages; those messages are declared
//! here too ([`message`]: their layout, how each end writes and reads them), for the pool
//! and the worker alike.

use super::batch::BatchResult;
use super::{Bands, BandsBuilder, MonteCarlo, SwingRuns, Task};
use crate::scenario::query;
use ndarray::Array2;
use std::collections::VecDeque;
use std::rc::Rc;

/// Tasks per message: small, so a newer request starts soon after an older one.
pub const BATCH: usize = 2;
/// Draws needed before the first bands are shown.
pub const FIRST_BANDS: usize = 12;
/// Least time between two recomputations of the bands while draws arrive, in ms.
pub const REFRESH_MS: f64 = 250.0;

pub mod message;

/// What a job asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct JobRequest {
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

/// One job: its tasks, and what has come back.
pub struct Job {
    id: u32,
    request: JobRequest,
    queue: VecDeque<i32>,
    draws: BandsBuilder,
    swings: Vec<Option<Option<Array2<f64>>>>,
    params: Vec<usize>,
    refreshed_at: f64,
    progress: Progress,
}

impl Job {
    /// A job numbered `id` (answers carry it, so stale ones are told apart), started at
    /// `now_ms`.
    pub fn new(id: u32, request: JobRequest, now_ms: f64) -> Self {
        let (scenario, _) = query::decode(&request.key);
        let mc = MonteCarlo::new(&scenario, request.seed);
        let params: Vec<usize> = mc.varied().iter().map(|(i, _)| *i).collect();
        let mut queue: VecDeque<i32> = VecDeque::new();
        if request.swings {
            queue.extend(mc.swing_tasks().map(Task::code));
        }
        queue.extend(
            (0..request.draws.min(i32::MAX as usize) as i32).map(|n| Task::Draw(n as u64).code()),
        );
        Self {
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
            refreshed_at: now_ms,
        }
    }

    pub fn id(&self) -> u32 {
        self.id
    }

    pub fn request(&self) -> &JobRequest {
        &self.request
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The next batch of task codes for a free worker (at most [`BATCH`]), if any are left.
    pub fn next_batch(&mut self) -> Option<Vec<i32>> {
        let take = BATCH.min(self.queue.len());
        (take > 0).then(|| self.queue.drain(..take).collect())
    }

    /// The next batch as the message a free worker is sent, if any tasks are left.
    pub fn next_request(&mut self) -> Option<message::Request> {
        let codes = self.next_batch()?;
        Some(message::Request {
            job: self.id,
            link: self.request.key.clone(),
            seed: self.request.seed,
            codes,
        })
    }

    /// Files a worker's answer as [`Job::file`] does, unless it answers another job (an
    /// older request, whose results no longer matter).
    pub fn answered(&mut self, answer: &message::Answer, now_ms: f64) -> Option<Progress> {
        if answer.job != self.id {
            return None;
        }
        self.file(&answer.codes, &answer.batch, now_ms)
    }

    /// Puts a batch back at the front (its worker could not take it).
    pub fn put_back(&mut self, codes: Vec<i32>) {
        for code in codes.into_iter().rev() {
            self.queue.push_front(code);
        }
    }

    /// The progress with the reason no worker can run.
    pub fn failed(&self, reason: &str) -> Progress {
        Progress {
            error: Some(reason.to_string()),
            ..self.progress.clone()
        }
    }

    /// Files a batch's results; returns news for the app, if any: the first bands as soon as
    /// [`FIRST_BANDS`] draws are in, then at most every [`REFRESH_MS`], and always once
    /// complete; the swings once all are in.
    pub fn file(&mut self, codes: &[i32], batch: &BatchResult, now_ms: f64) -> Option<Progress> {
        let mut swings_changed = false;
        for (code, series) in codes.iter().zip(batch.series()) {
            match Task::from_code(*code) {
                Task::Draw(_) => self.draws.add(series.as_ref()),
                Task::Swing { slot, high } => {
                    if let Some(cell) = self.swings.get_mut(2 * slot + usize::from(high)) {
                        *cell = Some(series);
                        swings_changed = true;
                    }
                }
            }
        }
        let mut changed = false;
        if swings_changed && self.swings.iter().all(Option::is_some) {
            let runs = self
                .params
                .iter()
                .enumerate()
                .map(|(slot, &param)| SwingRuns {
                    param,
                    low: self.swings[2 * slot].clone().flatten(),
                    high: self.swings[2 * slot + 1].clone().flatten(),
                })
                .collect();
            self.progress.swings = Some(Rc::new(runs));
            changed = true;
        }
        let done = self.draws.len();
        let complete = done == self.request.draws;
        let due = done >= FIRST_BANDS
            && (self.progress.bands.is_none() || now_ms - self.refreshed_at >= REFRESH_MS);
        if complete || (due && done != self.progress.done) {
            self.progress.bands = self.draws.bands().map(Rc::new);
            self.progress.done = done;
            self.refreshed_at = now_ms;
            changed = true;
        }
        changed.then(|| self.progress.clone())
    }
}
