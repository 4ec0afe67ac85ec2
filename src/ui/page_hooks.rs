//! Hooks of the app's page: the address bar that follows the state (Back and Forward restore
//! it), and the window's size, which the charts follow.

use super::state::{Action, AppState};
use super::timing;
use super::url;
use crate::link::Link;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// The least time between two in-place updates of the address bar. Replacing the address
/// costs Chrome about 0.9 ms each time (measured: BENCHMARKS.md), which every input of a drag
/// paid: now the first input after a pause writes it at once, and while the slider keeps
/// moving the latest link is written at most this often (and once more when it rests).
const ADDRESS_EVERY_MS: f64 = 250.0;

/// The address bar shows the state's link: replaced in place as sliders move (at most every
/// [`ADDRESS_EVERY_MS`]), a new history entry at once for each deliberate change (region,
/// preset, reset…); Back and Forward load it.
#[hook]
pub fn use_address_bar(state: &UseReducerHandle<AppState>, link: &Link) {
    let pushed = use_mut_ref(|| 0u32);
    // When the address was last replaced in place, and the pending replacement: replacing it
    // (or dropping it) cancels it, so only the latest state is written.
    let written = use_mut_ref(|| f64::NEG_INFINITY);
    let pending = use_mut_ref(|| None::<Timeout>);
    // The address depends on the link alone; whether it is a new history entry, on the
    // state's count of deliberate changes.
    use_effect_with(
        (link.clone(), state.milestones),
        move |(link, milestones)| {
            let push = *pushed.borrow() != *milestones;
            *pushed.borrow_mut() = *milestones;
            let link = link.clone();
            pending.borrow_mut().take();
            let wait = *written.borrow() + ADDRESS_EVERY_MS - timing::now();
            if push || wait <= 0.0 {
                if !push {
                    *written.borrow_mut() = timing::now();
                }
                url::show(&link, push);
            } else {
                let written = written.clone();
                let write = Timeout::new(wait.ceil() as u32, move || {
                    *written.borrow_mut() = timing::now();
                    url::show(&link, false);
                });
                *pending.borrow_mut() = Some(write);
            }
        },
    );
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            let (link, notices) = url::current();
            dispatch.dispatch(Action::Load(link, notices));
        });
        move || drop(listener)
    });
}

/// A count of the window's resizes, which charts take as a property so that they redraw at
/// their container's new size.
#[hook]
pub fn use_window_resizes() -> u32 {
    let count = use_state(|| 0u32);
    {
        let count = count.clone();
        use_effect_with((), move |_| {
            let resizes = std::cell::Cell::new(0u32);
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                resizes.set(resizes.get().wrapping_add(1));
                count.set(resizes.get());
            });
            move || drop(listener)
        });
    }
    *count
}
