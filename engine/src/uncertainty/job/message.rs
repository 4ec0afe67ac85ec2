//! The messages between the app and a Monte Carlo worker, declared once for both ends: which
//! slot of the message holds what, and how each side writes and reads it. The browser
//! carries a message as a JavaScript array; the engine has no web crate, so it sees the
//! array through [`Wire`], which the app's one JavaScript implementation provides
//! (`ui/uncertainty/wire.rs`, for the pool and the worker alike) and tests fill with plain
//! Rust values.

use crate::uncertainty::batch::BatchResult;

/// App → worker: `[job, link, seed, Int32Array task codes]`.
pub mod request {
    pub const JOB: u32 = 0;
    pub const LINK: u32 = 1;
    pub const SEED: u32 = 2;
    pub const CODES: u32 = 3;
}

/// Worker → app, per batch: `[job, Int32Array codes, Uint8Array ran, Float64Array series,
/// years]`; once at the start, the string [`READY`].
pub mod answer {
    pub const JOB: u32 = 0;
    pub const CODES: u32 = 1;
    pub const RAN: u32 = 2;
    pub const VALUES: u32 = 3;
    pub const YEARS: u32 = 4;
}

/// What a worker says once it has loaded.
pub const READY: &str = "ready";

/// The numbered slots of one message. A slot read as a number or a text that holds none
/// gives `None`; the lists are read as what the other end wrote there.
pub trait Wire {
    fn put_number(&mut self, at: u32, value: f64);
    fn put_text(&mut self, at: u32, value: &str);
    fn put_ints(&mut self, at: u32, value: &[i32]);
    fn put_bytes(&mut self, at: u32, value: &[u8]);
    fn put_floats(&mut self, at: u32, value: &[f64]);
    fn number(&self, at: u32) -> Option<f64>;
    fn text(&self, at: u32) -> Option<String>;
    fn ints(&self, at: u32) -> Vec<i32>;
    fn bytes(&self, at: u32) -> Vec<u8>;
    fn floats(&self, at: u32) -> Vec<f64>;
}

/// One batch to run: the tasks `codes` of job `job`, whose scenario is the query `link`.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub job: u32,
    pub link: String,
    pub seed: u64,
    pub codes: Vec<i32>,
}

impl Request {
    /// Puts the request in the slots of [`request`].
    pub fn write(&self, to: &mut impl Wire) {
        to.put_number(request::JOB, f64::from(self.job));
        to.put_text(request::LINK, &self.link);
        to.put_number(request::SEED, self.seed as f64);
        to.put_ints(request::CODES, &self.codes);
    }

    /// The request in `from`; a slot missing is read as empty (a link of the default
    /// scenario, seed 1, no task), so a malformed message costs one empty batch.
    pub fn read(from: &impl Wire) -> Self {
        Self {
            job: from.number(request::JOB).unwrap_or(0.0) as u32,
            link: from.text(request::LINK).unwrap_or_default(),
            seed: from.number(request::SEED).unwrap_or(1.0) as u64,
            codes: from.ints(request::CODES),
        }
    }
}

/// One batch's results, for job `job` (the app drops those of a job it has replaced).
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub job: u32,
    pub codes: Vec<i32>,
    pub batch: BatchResult,
}

impl Answer {
    /// Puts the answer in the slots of [`answer`] (`ran` as bytes, 1 for a run).
    pub fn write(&self, to: &mut impl Wire) {
        let ran: Vec<u8> = self.batch.ran.iter().map(|&r| u8::from(r)).collect();
        to.put_number(answer::JOB, f64::from(self.job));
        to.put_ints(answer::CODES, &self.codes);
        to.put_bytes(answer::RAN, &ran);
        to.put_floats(answer::VALUES, &self.batch.values);
        to.put_number(answer::YEARS, self.batch.years as f64);
    }

    /// The answer in `from`, if it names a job: one that names none answers nobody.
    pub fn read(from: &impl Wire) -> Option<Self> {
        let number = from.number(answer::JOB)?;
        let job = number as u32;
        (f64::from(job) == number).then(|| Self {
            job,
            codes: from.ints(answer::CODES),
            batch: BatchResult {
                ran: from
                    .bytes(answer::RAN)
                    .into_iter()
                    .map(|r| r == 1)
                    .collect(),
                values: from.floats(answer::VALUES),
                years: from.number(answer::YEARS).unwrap_or(0.0) as usize,
            },
        })
    }
}
