//! One parameter's control: label, current value with its unit, the default marked, a
//! help text with its source, and a reset button.

use crate::catalog::{self, units, ParamKind, Role, PARAMS};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParamProps {
    /// Index into `catalog::PARAMS`.
    pub index: usize,
    pub value: f64,
    pub region: &'static str,
    /// A second reading of the value (e.g. the Basic Income as % of median income).
    #[prop_or_default]
    pub note: Option<String>,
    /// The value in the status-quo baseline, when it differs from the current value.
    #[prop_or_default]
    pub baseline: Option<f64>,
    /// The baseline is the reader's own, not the status quo.
    #[prop_or_default]
    pub custom_baseline: bool,
    pub on_set: Callback<(usize, f64)>,
    pub on_reset: Callback<usize>,
}

/// The value as users read it: number and unit, "off", or the option's name.
pub fn shown_value(index: usize, value: f64, region: &catalog::RegionSpec) -> String {
    let spec = &PARAMS[index];
    match spec.kind {
        ParamKind::Number => units::with_unit(value, spec.unit, decimals_of(spec.step), region),
        // Options, "off" and years read as they do in links.
        ParamKind::Choice | ParamKind::YearOrOff => crate::scenario::value_text(spec, value),
    }
}

fn decimals_of(step: f64) -> u8 {
    let mut decimals = 0;
    let mut s = step.abs();
    while decimals < 4 && s > 0.0 && (s - s.round()).abs() > 1e-9 {
        s *= 10.0;
        decimals += 1;
    }
    decimals
}

#[function_component(ParamControl)]
pub fn param_control(props: &ParamProps) -> Html {
    let spec = &PARAMS[props.index];
    let Some(region) = catalog::region(props.region) else {
        return html! {};
    };
    let range = spec.range(region);
    let index = props.index;
    let id = spec.id;
    let text = shown_value(index, props.value, region);
    let default_text = shown_value(index, range.default, region);
    let changed = props.value != range.default;
    let (role_name, role_class, role_title) = role_tag(spec.role);

    let input = match spec.kind {
        ParamKind::Choice => {
            let on_set = props.on_set.clone();
            let onchange = Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                if let Ok(i) = select.value().parse::<f64>() {
                    on_set.emit((index, i));
                }
            });
            html! {
                <select {id} {onchange} aria-describedby={format!("{id}-help")}>
                    { for spec.options.iter().enumerate().map(|(i, option)| html! {
                        <option value={i.to_string()} selected={props.value as usize == i}>
                            { *option }
                        </option>
                    }) }
                </select>
            }
        }
        ParamKind::Number | ParamKind::YearOrOff => {
            let off = spec.kind == ParamKind::YearOrOff && props.value == 0.0;
            let on_set = props.on_set.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                if let Ok(v) = input.value().parse::<f64>() {
                    on_set.emit((index, v));
                }
            });
            let slider_min = if spec.kind == ParamKind::YearOrOff {
                range.min.max(1.0)
            } else {
                range.min
            };
            let slider_value = if off {
                range.default.max(slider_min)
            } else {
                props.value
            };
            let toggle = (spec.kind == ParamKind::YearOrOff).then(|| {
                let on_set = props.on_set.clone();
                let start = if range.default > 0.0 {
                    range.default
                } else {
                    slider_min
                };
                let onchange = Callback::from(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    on_set.emit((index, if input.checked() { start } else { 0.0 }));
                });
                html! {
                    <label class="toggle">
                        <input type="checkbox" checked={!off} {onchange} />
                        { "on" }
                    </label>
                }
            });
            html! {
                <>
                    { for toggle }
                    <input {id} type="range" disabled={off}
                        min={slider_min.to_string()} max={range.max.to_string()}
                        step={range.step.to_string()} value={slider_value.to_string()}
                        aria-valuetext={text.clone()}
                        aria-describedby={format!("{id}-help")}
                        {oninput} />
                </>
            }
        }
    };

    let on_reset = props.on_reset.clone();
    let reset = Callback::from(move |_: MouseEvent| on_reset.emit(index));
    html! {
        <div class={classes!("control", changed.then_some("changed"))}>
            <div class="control-head">
                <span class="control-name">
                    <label for={id}>{ spec.label }</label>
                    <span class={classes!("role", role_class)} title={role_title}>
                        { role_name }
                    </span>
                </span>
                <output for={id}>{ text }</output>
            </div>
            { input }
            if let Some(note) = &props.note {
                <p class="control-note">{ note }</p>
            }
            <div class="control-foot">
                <span class="default">{ format!("Default: {default_text}") }</span>
                if let Some(base) = props.baseline {
                    <span class="baseline">{ format!("{}: {}", if props.custom_baseline { "Your baseline" } else { "Status quo" }, shown_value(index, base, region)) }</span>
                }
                <button type="button" class="link" onclick={reset} disabled={!changed}
                    aria-label={format!("Reset {} to {default_text}", spec.label)}>
                    { "Reset" }
                </button>
                <details class="help" id={format!("{id}-help")}>
                    <summary aria-label={format!("About {}", spec.label)}>{ "About" }</summary>
                    <p>{ spec.help }</p>
                    <p class="source">{ format!("Source: {}", spec.source) }</p>
                </details>
            </div>
        </div>
    }
}

/// The tag shown next to a control for what it is: its word, class and explanation.
fn role_tag(role: Role) -> (&'static str, &'static str, &'static str) {
    match role {
        Role::Policy => (
            "policy",
            "role-policy",
            "Part of the reform: the status-quo line keeps today's value.",
        ),
        Role::Assumption => (
            "assumption",
            "role-assumption",
            "How the world works: the status-quo line shares it, so moving it moves both lines.",
        ),
        Role::Setting => (
            "setting",
            "role-setting",
            "How the model runs: both lines share it.",
        ),
    }
}
