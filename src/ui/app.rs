//! The app: the state a link opens, the model's run of it (with the pinned scenario A and
//! the Monte Carlo bands folded in), and the page that shows them: an embed's, or the full
//! layout (`layout.rs`). The callbacks that change the state are made once, in `callbacks.rs`.
//!
//! Every input updates the state at once (controls show the new value); the model runs at
//! once for the first input of an animation frame and at most once a frame after that, on
//! the latest state (`scheduler`).

use super::callbacks::use_app_callbacks;
use super::charts::Run;
use super::embed::EmbedView;
use super::embed_height::EmbedFrame;
use super::layout::Layout;
use super::lesson_panel;
use super::notices::Notices;
use super::page_hooks::{use_address_bar, use_window_resizes};
use super::scheduler::use_model_run;
use super::state::AppState;
use super::uncertainty::use_monte_carlo;
use super::url;
use crate::catalog;
use crate::model::run;
use crate::present::Tab;
use std::rc::Rc;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let (link, notices) = url::current();
        AppState::from_link(link, notices)
    });
    // The model: at once on the first input of a frame, then once a frame, latest wins.
    let (last_good, error) = use_model_run(&state.scenario);

    // Scenario A, when pinned, runs once per pin (it does not change while B moves).
    let pinned = use_memo(state.compare.clone(), |a| {
        a.as_ref().and_then(|s| run(s).ok()).map(Rc::new)
    });
    // Monte Carlo bands in Web Workers, once the sliders rest (only ever for this scenario).
    let progress = use_monte_carlo(
        &state.scenario,
        state.show_bands,
        state.draws,
        state.tab == Tab::Uncertainty,
    );
    let bands = progress
        .as_ref()
        .and_then(|p| p.bands.clone())
        .filter(|_| state.show_bands);
    let shown_run: Option<Run> = last_good.map(|r| Run {
        pinned: (*pinned).clone(),
        bands,
        bands_on: state.show_bands,
        custom_baseline: state.scenario.has_custom_baseline(),
        ..r
    });
    // The link of the state, made once per render for the address bar and every menu that
    // shows it.
    let link = state.link();
    use_address_bar(&state, &link);
    let layout = use_window_resizes();
    let on = use_app_callbacks(state.dispatcher());

    if state.embed.on {
        return html! {
            <EmbedFrame ready={shown_run.as_ref().is_some_and(|r| !r.bands_on || r.bands.is_some())}>
                <Notices notices={state.notices.clone()} {error} on_dismiss={on.on_dismiss.clone()} />
                { for lesson_panel::following(state.lesson, true, &on) }
                <EmbedView {link} focus={state.lesson_chart()} run={shown_run}
                    year={catalog::BASE_YEAR + state.year as i32} {layout}
                    on_set={on.on_set.clone()} on_reset={on.on_reset.clone()}
                    household={state.household} on_edit_household={on.on_edit_household.clone()} />
            </EmbedFrame>
        };
    }
    html! {
        <Layout state={state.clone()} run={shown_run} {error} {progress} {layout} {on} {link} />
    }
}
