//! The bands switch and the Monte Carlo's progress, above the charts.

use super::pool::Progress;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BandsStatusProps {
    pub show: bool,
    /// Progress of the current scenario's Monte Carlo (`None`: not started or stale).
    pub progress: Option<Rc<Progress>>,
    pub draws: usize,
    pub on_show: Callback<bool>,
}

#[function_component(BandsStatus)]
pub fn bands_status(props: &BandsStatusProps) -> Html {
    let onchange = {
        let cb = props.on_show.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.checked());
        })
    };
    let (done, total) = props
        .progress
        .as_ref()
        .map_or((0, props.draws), |p| (p.done, p.total.max(1)));
    let error = props.progress.as_ref().and_then(|p| p.error.clone());
    let complete = props.progress.as_ref().is_some_and(|p| p.complete());
    let fingerprint = props
        .progress
        .as_ref()
        .filter(|p| p.complete())
        .and_then(|p| p.bands.as_ref())
        .map(|b| format!("{:016x}", b.fingerprint()));
    let failed = props
        .progress
        .as_ref()
        .and_then(|p| p.bands.as_ref())
        .map_or(0, |b| b.failed);
    let text = if !props.show {
        "Bands hidden.".to_string()
    } else if let Some(e) = &error {
        e.clone()
    } else if complete {
        let mut t = format!("Bands from {total} model runs with uncertain parameters drawn.");
        if failed > 0 {
            t.push_str(&format!(
                " {failed} could not run (infeasible financing) and are left out."
            ));
        }
        t
    } else {
        format!("Computing bands: {done} of {total} runs…")
    };
    html! {
        <div class="bands-status" id="bands-status" data-state={
            if !props.show { "off" } else if error.is_some() { "error" } else if complete { "done" } else { "running" }
        } data-fingerprint={fingerprint}>
            <label>
                <input type="checkbox" id="show-bands" checked={props.show} {onchange} />
                { " Uncertainty bands" }
            </label>
            if props.show && !complete && error.is_none() {
                <progress max={total.to_string()} value={done.to_string()}
                    aria-label="Monte Carlo progress"></progress>
            }
            <span class="bands-text" aria-live="polite">{ text }</span>
        </div>
    }
}
