//! The app: scenario bar, controls beside charts, headline strip, tabs.
//!
//! Every input updates the state at once (controls show the new value); the model runs at
//! once for the first input of an animation frame and at most once a frame after that, on
//! the latest state (`scheduler`).

use super::about::About;
use super::books::Books;
use super::charts::{ChartCard, DistributionCards, Run, WinnersCard};
use super::controls::{ControlPanel, PanelPart, MORE_SETTINGS};
use super::embed::EmbedView;
use super::embed_height::EmbedFrame;
use super::headlines::Headlines;
use super::lesson_panel::LessonPanel;
use super::notices::Notices;
use super::page_hooks::{use_address_bar, use_window_resizes};
use super::phase_timeline::{PhaseTimeline, ANCHOR as PHASES_ANCHOR};
use super::reform::ReformStack;
use super::scheduler::use_model_run;
use super::state::{Action, AppState};
use super::top_bar::TopBar;
use super::uncertainty::{use_monte_carlo, BandsStatus, UncertaintyView};
use super::url;
use crate::catalog::{self, output as o, param as p, units};
use crate::model::run;
use crate::present::{self, Tab, CHARTS};
use std::rc::Rc;
use yew::prelude::*;

const TABS: &[(Tab, &str)] = &[
    (Tab::Overview, "Overview"),
    (Tab::Distribution, "Distribution"),
    (Tab::Fiscal, "Fiscal detail"),
    (Tab::Resources, "Resources and work"),
    (Tab::Books, "The books"),
    (Tab::Uncertainty, "Uncertainty"),
    (Tab::About, "About the model"),
];

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
    use_address_bar(&state);
    let layout = use_window_resizes();

    let dispatch = state.dispatcher();
    let on_set = send(&dispatch, |(i, v): (usize, f64)| Some(Action::Set(i, v)));
    let on_reset = send(&dispatch, |i: usize| Some(Action::Reset(i)));
    let on_year = send(&dispatch, |t: usize| Some(Action::Year(t)));
    // A chart's phase shading links to the timeline of the phases on the Resources tab:
    // switch there, then bring the timeline into view once it is drawn.
    let on_phases = {
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
    };
    let on_dismiss = send(&dispatch, |i: usize| Some(Action::Dismiss(i)));
    let on_step = send(&dispatch, |n: usize| Some(Action::Step(n)));
    let on_values = send(&dispatch, |_: ()| Some(Action::LessonValues));
    let on_leave = send(&dispatch, |_: ()| Some(Action::LeaveLesson));
    let lesson_panel = |compact: bool| {
        state.lesson.map(|(id, step)| {
            html! {
                <LessonPanel lesson={id} {step} {compact} on_step={on_step.clone()}
                    on_values={on_values.clone()} on_leave={on_leave.clone()} />
            }
        })
    };
    let focus_chart = state
        .lesson
        .and_then(|(id, step)| catalog::lesson(id).and_then(|l| l.steps.get(step)))
        .map(|s| s.chart);
    let custom_baseline = state.scenario.has_custom_baseline();
    let on_show_bands = send(&dispatch, |on: bool| Some(Action::ShowBands(on)));
    let on_edit_household = send(&dispatch, |h| Some(Action::EditHousehold(h)));
    let on_share_household = Some(send(&dispatch, |on| Some(Action::ShareHousehold(on))));
    let on_draws = send(&dispatch, |n: usize| Some(Action::Draws(n)));

    // The link of the state, encoded once per render for every menu that shows it.
    let link = state.link();
    let region = state.scenario.region();
    let region_id = region.id;
    let values = state.scenario.values().to_vec();
    let baseline = state.scenario.baseline().values().to_vec();
    let debt_rule = state.scenario.get(p::RULE) != 0.0;
    let bi_note = shown_run.as_ref().and_then(|run| {
        let outcome = run.outcome.as_ref().as_ref().ok()?;
        let median = outcome.scenario.get(o::MEDIAN_INCOME).first().copied()?;
        (median > 0.0).then(|| {
            format!(
                "{} % of today's median income ({})",
                units::number(100.0 * state.scenario.get(p::BI) / median, 0),
                units::with_unit(median, catalog::Unit::CurrencyMonth, 0, region)
            )
        })
    });

    if state.embed.on {
        return html! {
            <EmbedFrame ready={shown_run.as_ref().is_some_and(|r| !r.bands_on || r.bands.is_some())}>
                <Notices notices={state.notices.clone()} error={error.clone()} {on_dismiss} />
                { for lesson_panel(true) }
                <EmbedView link={link.clone()} focus={focus_chart} run={shown_run.clone()}
                    year={catalog::BASE_YEAR + state.year as i32} layout={layout} {on_set} {on_reset}
                    household={state.household} on_edit_household={on_edit_household} />
            </EmbedFrame>
        };
    }
    let share_link = url::absolute(&link);
    let share_chart = charts_of(state.tab, debt_rule)
        .first()
        .map_or("income", |c| c.id);

    html! {
        <div class="app">
            <TopBar link={link.clone()} run={shown_run.clone()} year={state.year} {share_chart}
                pinned={state.compare.is_some()} {custom_baseline} dispatch={dispatch.clone()} />
            <div class="layout">
                <aside class="controls levers-box" aria-label="Main levers">
                    <ControlPanel values={values.clone()} baseline={baseline.clone()} {custom_baseline}
                        region={region_id} bi_note={bi_note.clone()} on_set={on_set.clone()}
                        on_reset={on_reset.clone()} part={PanelPart::Levers} />
                </aside>
                <main class="results">
                    <Notices notices={state.notices.clone()} error={error.clone()} {on_dismiss} />
                    { for lesson_panel(false) }
                    if let Some(run) = shown_run.clone() {
                        <Headlines run={run.clone()} region={region_id} year={state.year}
                            {debt_rule} {on_year} />
                        <BandsStatus show={state.show_bands} progress={progress.clone()}
                            draws={state.draws} on_show={on_show_bands} />
                        { tabs(state.tab, &dispatch) }
                        if state.tab == Tab::Uncertainty {
                            <UncertaintyView scenario={state.scenario.clone()} run={run.clone()}
                                progress={progress.clone()} region={region_id} year={state.year}
                                draws={state.draws} {on_draws} />
                        }
                        if state.tab == Tab::About {
                            <About />
                        }
                        if state.tab == Tab::Fiscal {
                            <ReformStack scenario={state.scenario.clone()} year={state.year} />
                        }
                        if state.tab == Tab::Books {
                            <Books run={run.clone()} region={region_id} year={state.year} />
                        }
                        <div class="grid" role="tabpanel">
                            if state.tab == Tab::Resources {
                                <PhaseTimeline scenario={state.scenario.clone()} />
                            }
                            if state.tab == Tab::Distribution {
                                <DistributionCards run={run.clone()} region={region_id}
                                    year={state.year} layout={layout} />
                                <WinnersCard run={run.clone()} region={region_id}
                                    year={state.year} layout={layout} />
                                <super::households::HouseholdsCard run={run.clone()}
                                    region={region_id} year={state.year}
                                    entry={state.household} on_edit={on_edit_household.clone()}
                                    on_share={on_share_household.clone()} />
                            }
                            { for charts_of(state.tab, debt_rule).into_iter().map(|spec| {
                                let year = catalog::BASE_YEAR + state.year as i32;
                                let focus = focus_chart == Some(spec.id);
                                html! {
                                    <ChartCard key={spec.id} {spec} run={run.clone()}
                                        region={region_id} {year} layout={layout} {focus}
                                        link={share_link.clone()} on_phases={on_phases.clone()} />
                                }
                            }) }
                        </div>
                    } else {
                        <p class="loading">{ "Computing the scenario…" }</p>
                    }
                </main>
                <aside class="controls more-box" id={MORE_SETTINGS} aria-label="More settings">
                    <ControlPanel {values} {baseline} {custom_baseline} region={region_id} {bi_note}
                        {on_set} {on_reset} part={PanelPart::Groups} />
                </aside>
            </div>
        </div>
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

fn charts_of(tab: Tab, debt_rule: bool) -> Vec<present::ChartSpec> {
    CHARTS
        .iter()
        .filter(|c| c.tab == tab)
        .map(|c| {
            if c.id == "tax" {
                present::tax_chart(debt_rule)
            } else {
                *c
            }
        })
        .collect()
}

fn tabs(current: Tab, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    html! {
        <div class="tabs" role="tablist" aria-label="Chart sets">
            { for TABS.iter().map(|(tab, name)| {
                let tab = *tab;
                let onclick = send(dispatch, move |_: MouseEvent| Some(Action::Tab(tab)));
                html! {
                    <button type="button" role="tab" aria-selected={(tab == current).to_string()}
                        class={classes!("tab", (tab == current).then_some("active"))} {onclick}>
                        { *name }
                    </button>
                }
            }) }
        </div>
    }
}
