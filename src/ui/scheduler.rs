//! When the model runs: at once for the first input of an animation frame, and for any later
//! input of the same frame once, at the next frame, on the latest scenario.
//!
//! Running at once saves the wait for the next frame (≈ 8 ms on average at 60 Hz) on a
//! single change; deferring the rest keeps a fast drag to at most one run per frame, and the
//! latest input always wins: a deferred scenario is replaced, never queued.

use super::charts::Run;
use crate::model::{run_cached, BaselineCache};
use crate::scenario::Scenario;
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What the hook shares between its callbacks.
struct Shared {
    /// A run happened in the current frame; cleared by the next animation frame.
    busy: bool,
    /// The latest scenario that arrived while busy.
    pending: Option<Scenario>,
    /// Keeps the next frame's callback alive (dropping it cancels it).
    frame: Option<AnimationFrame>,
    runs: u64,
    /// Whether any run has succeeded (the charts have something to keep).
    has_good: bool,
    /// The baseline does not move with the Basic Income or P2P share: reuse it.
    cache: Option<BaselineCache>,
    last_good: UseStateSetter<Option<Run>>,
    error: UseStateSetter<Option<String>>,
}

/// The latest good run of `scenario` and the error of the latest run, if it failed (the
/// charts keep the last good run meanwhile).
#[hook]
pub fn use_model_run(scenario: &Scenario) -> (Option<Run>, Option<String>) {
    let last_good = use_state(|| None::<Run>);
    let error = use_state(|| None::<String>);
    let shared = {
        let (last_good, error) = (last_good.setter(), error.setter());
        use_mut_ref(move || Shared {
            busy: false,
            pending: None,
            frame: None,
            runs: 0,
            has_good: false,
            cache: None,
            last_good,
            error,
        })
    };
    use_effect_with(scenario.clone(), move |scenario| {
        let busy = shared.borrow().busy;
        if busy {
            shared.borrow_mut().pending = Some(scenario.clone());
        } else {
            run_now(&shared, scenario);
        }
    });
    ((*last_good).clone(), (*error).clone())
}

fn run_now(shared: &Rc<RefCell<Shared>>, scenario: &Scenario) {
    let (id, result, fallback, last_good, error) = {
        let mut s = shared.borrow_mut();
        s.runs += 1;
        let result = super::timing::measured("mapsim:model", || run_cached(scenario, &mut s.cache));
        // A scenario that cannot run before any other has (a link to an infeasible Basic
        // Income): show its no-policy baseline rather than an empty page.
        let fallback = match &result {
            Err(_) if !s.has_good => run_cached(&scenario.baseline(), &mut s.cache).ok(),
            _ => None,
        };
        s.has_good |= result.is_ok() || fallback.is_some();
        s.busy = true;
        let next = Rc::clone(shared);
        s.frame = Some(request_animation_frame(move |_| release(&next)));
        (
            s.runs,
            result,
            fallback,
            s.last_good.clone(),
            s.error.clone(),
        )
    };
    let good = |outcome, of: Scenario| Run {
        id,
        outcome: Rc::new(Ok(outcome)),
        scenario: Rc::new(of),
        pinned: None,
        bands: None,
        bands_on: false,
        custom_baseline: false,
    };
    // State is set with the borrow released: setting may render at once.
    match result {
        Ok(outcome) => {
            error.set(None);
            last_good.set(Some(good(outcome, scenario.clone())));
        }
        Err(e) => {
            // The notice says what the charts show instead.
            let shown = if let Some(outcome) = fallback {
                last_good.set(Some(good(outcome, scenario.baseline())));
                "Until it can, the charts show the status-quo baseline."
            } else {
                "The charts show the last scenario that could be computed."
            };
            error.set(Some(format!("{e} {shown}")));
        }
    }
}

/// The next frame: free to run again, and the latest deferred scenario runs now.
fn release(shared: &Rc<RefCell<Shared>>) {
    let pending = {
        let mut s = shared.borrow_mut();
        s.busy = false;
        s.pending.take()
    };
    if let Some(scenario) = pending {
        run_now(shared, &scenario);
    }
}
