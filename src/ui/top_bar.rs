//! The top bar: the app's name and the scenario menus (region, preset, reset, pin A, use as
//! baseline, lesson, share, saved scenarios, export).

use super::charts::Run;
use super::export_menu::ExportMenu;
use super::saved_panel::SavedPanel;
use super::share::Share;
use super::state::{Action, AppState};
use crate::catalog::{LESSONS, PRESETS, REGIONS};
use crate::link::Link;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub link: Link,
    pub run: Option<Run>,
    /// Index of the year shown (for the books export).
    pub year: usize,
    /// The view the embed snippet offers first.
    pub share_chart: &'static str,
    /// Scenario A is pinned.
    pub pinned: bool,
    /// The dashed line is the reader's own baseline.
    pub custom_baseline: bool,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The value a `<select>` was changed to; `reset` puts a menu (presets, lessons) back on its
/// prompt, since choosing is an action there, not a setting.
fn chosen(event: &Event, reset: bool) -> String {
    let select: HtmlSelectElement = event.target_unchecked_into();
    let value = select.value();
    if reset {
        select.set_value("");
    }
    value
}

#[function_component(TopBar)]
pub fn top_bar(props: &TopBarProps) -> Html {
    let send = |action: fn(&Event) -> Option<Action>| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(a) = action(&e) {
                dispatch.dispatch(a);
            }
        })
    };
    let on_region = send(|e| {
        let id = chosen(e, false);
        REGIONS
            .iter()
            .find(|r| r.id == id)
            .map(|r| Action::Region(r.id))
    });
    let on_preset = send(|e| {
        let id = chosen(e, true);
        PRESETS
            .iter()
            .find(|p| p.id == id)
            .map(|p| Action::Preset(p.id))
    });
    let on_lesson = send(|e| {
        let id = chosen(e, true);
        LESSONS
            .iter()
            .find(|l| l.id == id)
            .map(|l| Action::Lesson(l.id))
    });
    let click = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    let on_reset_all = click(Action::ResetAll);
    let on_pin = click(if props.pinned {
        Action::Unpin
    } else {
        Action::Pin
    });
    let on_baseline = click(if props.custom_baseline {
        Action::StatusQuoBaseline
    } else {
        Action::UseAsBaseline
    });
    let on_open = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |(link, notices)| dispatch.dispatch(Action::Open(link, notices)))
    };
    let on_notice = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |n| dispatch.dispatch(Action::Notice(n)))
    };
    let region_id = props.link.scenario.region().id;
    let custom_baseline = props.custom_baseline;
    let link = &props.link;
    let share_chart = props.share_chart;
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{ "mapsim" }</h1>
                <p class="tagline">
                    { "Mutually Assured Production: a Basic Income from the top and peer \
                       production from the bottom, through automation, phase by phase. \
                       Solid lines: your scenario. Dashed: the status quo, today's policies \
                       in the same world (no Basic Income, no support for peer production, \
                       today's taxes)." }
                </p>
            </div>
            <div class="scenario-bar">
                <label>
                    { "Region " }
                    <select id="region" onchange={on_region}>
                        { for REGIONS.iter().map(|r| html! {
                            <option value={r.id} selected={r.id == region_id}>{ r.name }</option>
                        }) }
                    </select>
                </label>
                <label>
                    { "Preset " }
                    <select id="preset" onchange={on_preset}>
                        <option value="" selected=true>{ "Choose a scenario…" }</option>
                        { for PRESETS.iter().map(|p| html! {
                            <option value={p.id} title={p.description}>{ p.name }</option>
                        }) }
                    </select>
                </label>
                <button type="button" onclick={on_reset_all}>{ "Reset all" }</button>
                <button type="button" id="pin" onclick={on_pin}
                    aria-pressed={props.pinned.to_string()}
                    title="Pin this scenario as A, then change the sliders: every chart shows A dotted beside the new scenario B">
                    { if props.pinned { "Stop comparing with A" } else { "Pin as A to compare" } }
                </button>
                <button type="button" id="baseline" onclick={on_baseline}
                    aria-pressed={custom_baseline.to_string()}
                    title={if custom_baseline {
                        "Compare with the status quo again: today's policies in the same world"
                    } else {
                        "Make this scenario's policies the dashed baseline: then change the policies, and every chart, headline and export compares with it. Assumptions stay shared by both lines."
                    }}>
                    { if custom_baseline { "Compare with the status quo" } else { "Use as baseline" } }
                </button>
                <label>
                    { "Lesson " }
                    <select id="lesson" onchange={on_lesson}>
                        <option value="" selected=true>{ "Choose a lesson…" }</option>
                        { for LESSONS.iter().map(|l| html! {
                            <option value={l.id}>{ l.title }</option>
                        }) }
                    </select>
                </label>
                <Share link={link.clone()} chart={share_chart} />
                <SavedPanel link={link.clone()} on_load={on_open} on_notice={on_notice.clone()} />
                <ExportMenu link={link.clone()} run={props.run.clone()} year={props.year} {on_notice} />
            </div>
        </header>
    }
}
