//! The app's Monte Carlo: a hook that asks the worker pool for the bands of the current
//! scenario once the sliders rest.

use super::pool::{Pool, Progress, Request};
use crate::scenario::{query, Scenario};
use crate::uncertainty::DEFAULT_SEED;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Quiet time after the last input before the Monte Carlo starts. While a slider is being
/// dragged or stepped with the keyboard the workers stay idle, so they never compete with the
/// main thread for the cores. Measured (BENCHMARKS.md): at 80 ms, key presses 120 ms apart
/// started and cancelled a Monte Carlo between every two presses, and the main thread spent
/// 38–42 ms per input against 23–24 ms with the bands off; at 250 ms a reader's pause, not
/// each press, starts it, and the bands cost nothing while the keys are pressed (25 ms).
pub const QUIET_MS: u32 = 250;

/// The Monte Carlo progress of `scenario` (`None` until its first batch, and while the
/// latest news still belongs to an earlier scenario). `on` false stops it; `swings` adds the
/// sensitivity runs for the tornado view.
#[hook]
pub fn use_monte_carlo(
    scenario: &Scenario,
    on: bool,
    draws: usize,
    swings: bool,
) -> Option<Rc<Progress>> {
    let progress = use_state(|| None::<Rc<Progress>>);
    let pool = use_mut_ref(|| None::<Result<Pool, String>>);
    let timer = use_mut_ref(|| None::<Timeout>);
    // The key of the scenario asked for last: news about any other is stale.
    let asked = use_mut_ref(String::new);
    {
        let progress = progress.clone();
        let asked = asked.clone();
        use_effect_with(
            (scenario.clone(), on, draws, swings),
            move |(scenario, on, draws, swings)| {
                if let Some(Ok(p)) = pool.borrow().as_ref() {
                    p.stop();
                }
                // Dropping a pending timeout cancels it: only the latest input starts a job.
                timer.borrow_mut().take();
                *asked.borrow_mut() = query::encode(scenario);
                if *on {
                    let request = Request {
                        key: asked.borrow().clone(),
                        seed: DEFAULT_SEED,
                        draws: *draws,
                        swings: *swings,
                    };
                    let handle = Timeout::new(QUIET_MS, move || start(&pool, &progress, request));
                    *timer.borrow_mut() = Some(handle);
                }
            },
        );
    }
    (*progress).clone().filter(|p| p.key == *asked.borrow())
}

/// Starts the workers on first use (after the first paint, so they never delay it).
fn start(
    pool: &Rc<std::cell::RefCell<Option<Result<Pool, String>>>>,
    progress: &UseStateHandle<Option<Rc<Progress>>>,
    request: Request,
) {
    let mut slot = pool.borrow_mut();
    if slot.is_none() {
        let setter = progress.setter();
        *slot = Some(Pool::new(move |p| setter.set(Some(Rc::new(p)))));
    }
    match slot.as_ref() {
        Some(Ok(p)) => p.start(request),
        Some(Err(e)) => progress.set(Some(Rc::new(Progress {
            key: request.key,
            error: Some(e.clone()),
            ..Progress::default()
        }))),
        None => {}
    }
}
