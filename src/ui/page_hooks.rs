//! Hooks of the app's page: the address bar that follows the state (Back and Forward restore
//! it), and the window's size, which the charts follow.

use super::state::{Action, AppState};
use super::url;
use gloo::events::EventListener;
use yew::prelude::*;

/// The address bar shows the state's link: replaced in place as sliders move, a new history
/// entry for each deliberate change (region, preset, reset…); Back and Forward load it.
#[hook]
pub fn use_address_bar(state: &UseReducerHandle<AppState>) {
    let pushed = use_mut_ref(|| 0u32);
    use_effect_with((**state).clone(), move |state| {
        let push = *pushed.borrow() != state.milestones;
        *pushed.borrow_mut() = state.milestones;
        url::show(&state.link(), push);
    });
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
