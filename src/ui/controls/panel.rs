//! The control panel, in two parts: the three main levers always in view, and the other
//! groups of `models/parameters.toml`, each collapsible. The page places the parts apart
//! (on a phone the results come between them, so a reader reaches the charts without
//! scrolling past every setting).

use super::ParamControl;
use crate::catalog::{Group, PARAMS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub values: Vec<f64>,
    /// The status-quo baseline's values (the policies it holds at today's values are marked).
    pub baseline: Vec<f64>,
    /// The baseline is the reader's own, not the status quo.
    pub custom_baseline: bool,
    pub region: &'static str,
    /// The Basic Income as % of median income, when known.
    pub bi_note: Option<String>,
    pub on_set: Callback<(usize, f64)>,
    pub on_reset: Callback<usize>,
    /// Which part of the panel this is.
    pub part: PanelPart,
}

/// The two parts of the control panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelPart {
    /// The three main levers.
    Levers,
    /// The collapsible groups of the other settings.
    Groups,
}

#[function_component(ControlPanel)]
pub fn control_panel(props: &PanelProps) -> Html {
    let control = |index: usize| {
        let spec = &PARAMS[index];
        // Marked only where the status quo differs from the scenario (a policy moved).
        let baseline = props
            .baseline
            .get(index)
            .copied()
            .filter(|b| *b != props.values[index]);
        html! {
            <ParamControl key={spec.id} {index} value={props.values[index]} {baseline}
                custom_baseline={props.custom_baseline}
                region={props.region}
                note={(spec.id == "bi").then(|| props.bi_note.clone()).flatten()}
                on_set={props.on_set.clone()} on_reset={props.on_reset.clone()} />
        }
    };
    let in_group = |group: Group| {
        PARAMS
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.group == group && !p.advanced)
            .map(|(i, _)| i)
    };
    if props.part == PanelPart::Levers {
        return html! {
            <div class="panel">
                <div class="levers">
                    { for in_group(Group::Main).map(control) }
                </div>
                // On a phone the other settings come after the results: say where.
                <a class="more-link" href={format!("#{MORE_SETTINGS}")}>
                    { "More settings, below the charts ↓" }
                </a>
            </div>
        };
    }
    html! {
        <div class="panel">
            // Every group but the levers, in the order of `models/parameters.toml`.
            { for Group::ALL.into_iter().filter(|g| *g != Group::Main).map(|group| html! {
                <details class="group">
                    <summary>{ group.title() }</summary>
                    <p class="group-about">{ group.about() }</p>
                    { for in_group(group).map(control) }
                </details>
            }) }
        </div>
    }
}

/// The id of the box that holds the other settings (the levers' link points to it).
pub const MORE_SETTINGS: &str = "more-settings";
