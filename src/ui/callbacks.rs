//! The app's callbacks, made in one place: each turns what a component reports (a slider
//! moved, a tab chosen, a notice dismissed…) into an `Action` on the state. The app makes
//! them once for its whole life ([`use_app_callbacks`]) and hands the bundle to both layouts,
//! so the page's components never see the reducer, only what they may ask of it.

use super::phase_timeline::ANCHOR as PHASES_ANCHOR;
use super::state::{Action, AppState, HouseholdEdit};
use crate::present::Tab;
use yew::prelude::*;

/// Every callback the page's components are given.
#[derive(Clone, PartialEq)]
pub struct AppCallbacks {
    /// A parameter set to a value.
    pub on_set: Callback<(usize, f64)>,
    /// A parameter put back to its baseline value.
    pub on_reset: Callback<usize>,
    /// The headline strip's year chosen (an index into the run's years).
    pub on_year: Callback<usize>,
    /// A chart's phase shading followed to the phases' timeline.
    pub on_phases: Callback<()>,
    pub on_tab: Callback<Tab>,
    /// A notice dismissed.
    pub on_dismiss: Callback<usize>,
    /// The lesson: a step chosen, the step's values restored, the lesson left.
    pub on_step: Callback<usize>,
    pub on_values: Callback<()>,
    pub on_leave: Callback<()>,
    /// The Monte Carlo bands switched on or off, and the number of draws.
    pub on_show_bands: Callback<bool>,
    pub on_draws: Callback<usize>,
    /// "A household like yours": edited, and carried in links or not.
    pub on_edit_household: Callback<HouseholdEdit>,
    pub on_share_household: Callback<bool>,
}

/// The app's callbacks, made once: Yew compares callbacks by identity, so callbacks made
/// anew on every render would make every component with one (each of the 40 controls) draw
/// again on every input, even when nothing it shows changed. The reducer's dispatcher never
/// changes, so neither need they.
#[hook]
pub fn use_app_callbacks(dispatch: UseReducerDispatcher<AppState>) -> AppCallbacks {
    (*use_memo((), move |_| AppCallbacks::new(&dispatch))).clone()
}

impl AppCallbacks {
    /// The callbacks that dispatch to `dispatch`.
    pub fn new(dispatch: &UseReducerDispatcher<AppState>) -> Self {
        Self {
            on_set: send(dispatch, |(i, v): (usize, f64)| Some(Action::Set(i, v))),
            on_reset: send(dispatch, |i: usize| Some(Action::Reset(i))),
            on_year: send(dispatch, |t: usize| Some(Action::Year(t))),
            on_phases: to_phases(dispatch),
            on_tab: send(dispatch, |tab: Tab| Some(Action::Tab(tab))),
            on_dismiss: send(dispatch, |i: usize| Some(Action::Dismiss(i))),
            on_step: send(dispatch, |n: usize| Some(Action::Step(n))),
            on_values: send(dispatch, |_: ()| Some(Action::LessonValues)),
            on_leave: send(dispatch, |_: ()| Some(Action::LeaveLesson)),
            on_show_bands: send(dispatch, |on: bool| Some(Action::ShowBands(on))),
            on_draws: send(dispatch, |n: usize| Some(Action::Draws(n))),
            on_edit_household: send(dispatch, |h| Some(Action::EditHousehold(h))),
            on_share_household: send(dispatch, |on| Some(Action::ShareHousehold(on))),
        }
    }
}

/// A callback that turns what it receives into an action (if any) and dispatches it.
fn send<T: 'static>(
    dispatch: &UseReducerDispatcher<AppState>,
    action: impl Fn(T) -> Option<Action> + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |input: T| {
        if let Some(a) = action(input) {
            dispatch.dispatch(a);
        }
    })
}

/// A chart's phase shading links to the timeline of the phases on the Resources tab:
/// switch there, then bring the timeline into view once it is drawn.
fn to_phases(dispatch: &UseReducerDispatcher<AppState>) -> Callback<()> {
    let dispatch = dispatch.clone();
    Callback::from(move |()| {
        dispatch.dispatch(Action::Tab(Tab::Resources));
        gloo::timers::callback::Timeout::new(0, || {
            if let Some(element) = gloo::utils::document().get_element_by_id(PHASES_ANCHOR) {
                element.scroll_into_view();
            }
        })
        .forget();
    })
}
