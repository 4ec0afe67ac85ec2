//! The headline strip: the main figures for a chosen year, each with its change from the
//! no-policy baseline, and the year scrubber.

use crate::catalog;
use crate::model::Outcome;
use crate::present;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub run: super::charts::Run,
    pub region: &'static str,
    pub year: usize,
    pub debt_rule: bool,
    pub on_year: Callback<usize>,
}

#[function_component(Headlines)]
pub fn headlines(props: &HeadlineProps) -> Html {
    // The sentences and the share better off depend on the run and the year alone: kept while
    // the Monte Carlo's bands arrive, which redraw the strip many times.
    let words = {
        let (run, year, region) = (props.run.clone(), props.year, props.region);
        use_memo((props.run.id, props.year, props.region), move |_| {
            let (Ok(outcome), Some(region)) = (run.outcome.as_ref(), catalog::region(region))
            else {
                return (String::new(), None);
            };
            let t = year.min(outcome.years.len().saturating_sub(1));
            let winners = present::winners::winners(outcome, t);
            let text =
                present::explain::explain_with(outcome, t, &run.scenario, region, winners.as_ref());
            (text, winners)
        })
    };
    let Some(region) = catalog::region(props.region) else {
        return html! {};
    };
    let Ok(outcome) = props.run.outcome.as_ref() else {
        return html! {};
    };
    let t = props.year.min(outcome.years.len().saturating_sub(1));
    let year = outcome.years.get(t).copied().unwrap_or_default();
    let (sentences, winners) = (*words).clone();
    let cards = present::headlines(
        outcome,
        t,
        region,
        props.debt_rule,
        props.run.custom_baseline,
    );
    html! {
        <section class="headlines" aria-label="Headline figures">
            <p class="explain-lead" id="explain">{ sentences.clone() }</p>
            <Announce text={sentences} />
            { scrubber(outcome, t, year, props.on_year.clone()) }
            if let Some(a) = props.run.pinned.as_deref() {
                { compare_table(outcome, a, t, year, region, props.debt_rule) }
            }
            // Focusable, so that keyboard readers can scroll it where it becomes a strip (phones).
            <ul class="cards" tabindex="0" aria-label="Headline figures for the year">
                { for cards.iter().map(|h| {
                    let tone = match h.good {
                        Some(true) => "good",
                        Some(false) => "bad",
                        None => "neutral",
                    };
                    html! {
                        <li class={classes!("headline", tone)}>
                            <span class="label">{ h.label }</span>
                            <span class="value">{ &h.value }</span>
                            <span class="change">{ &h.change }</span>
                            if props.run.bands_on {
                                <span class="interval">{
                                    props.run.bands.as_deref()
                                        .and_then(|b| present::interval90(h.id, b, t, region))
                                        .unwrap_or_else(|| "90 % of draws: computing…".into())
                                }</span>
                            }
                        </li>
                    }
                }) }
                if let Some(w) = winners {
                    { better_off(&w, props.run.bands_on) }
                }
            </ul>
        </section>
    }
}

/// Quiet time after the last change before screen readers hear the sentences, ms: a drag
/// is not read out step by step.
const ANNOUNCE_AFTER_MS: u32 = 1200;

#[derive(Properties, PartialEq)]
struct AnnounceProps {
    text: String,
}

/// A polite live region that takes the latest text once it has rested.
#[function_component(Announce)]
fn announce(props: &AnnounceProps) -> Html {
    let spoken = use_state(String::new);
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let spoken = spoken.clone();
        use_effect_with(props.text.clone(), move |text| {
            let text = text.clone();
            *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                ANNOUNCE_AFTER_MS,
                move || spoken.set(text),
            ));
        });
    }
    html! {
        <p class="visually-hidden" id="explain-live" aria-live="polite">{ (*spoken).clone() }</p>
    }
}

/// Who gains and who pays, as one card: the share of people better off in real terms.
fn better_off(w: &present::winners::Winners, bands_on: bool) -> Html {
    let (better, worse) = (w.all.better[0], w.all.worse[0]);
    let tone = if better > worse {
        "good"
    } else if worse > better {
        "bad"
    } else {
        "neutral"
    };
    let pct = |v: f64| format!("{} %", catalog::units::number(v, 0));
    html! {
        <li class={classes!("headline", tone)} id="headline-winners">
            <span class="label">{ "People better off" }</span>
            <span class="value">{ pct(better) }</span>
            <span class="change">{ format!("{} worse off (by more than 1 %, real terms)", pct(worse)) }</span>
            if bands_on {
                <span class="interval">{ "from the central run" }</span>
            }
        </li>
    }
}

fn scrubber(outcome: &Outcome, t: usize, year: i32, on_year: Callback<usize>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = input.value().parse::<usize>() {
            on_year.emit(v);
        }
    });
    html! {
        <div class="scrubber">
            <label for="year">{ "Figures for the year" }</label>
            <input id="year" type="range" min="0"
                max={outcome.years.len().saturating_sub(1).to_string()}
                step="1" value={t.to_string()} aria-valuetext={year.to_string()} {oninput} />
            <output for="year">{ year }</output>
        </div>
    }
}

/// Scenario A against the current scenario B for the chosen year, figure by figure.
fn compare_table(
    b: &Outcome,
    a: &Outcome,
    t: usize,
    year: i32,
    region: &catalog::RegionSpec,
    debt_rule: bool,
) -> Html {
    let ta = t.min(a.years.len().saturating_sub(1));
    let rows = present::HEADLINES.iter().map(|id| {
        if debt_rule && *id == "tax_rate" {
            "debt_gdp"
        } else {
            id
        }
    });
    html! {
        <table class="compare" id="compare-table">
            <caption>{ format!("Scenario B (now) against pinned scenario A, {year}") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Figure" }</th>
                    <th scope="col">{ "A (pinned)" }</th>
                    <th scope="col">{ "B (now)" }</th>
                    <th scope="col">{ "B − A" }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.filter_map(catalog::output).map(|(i, spec)| {
                    let va = a.scenario.get(i).get(ta).copied().unwrap_or(f64::NAN);
                    let vb = b.scenario.get(i).get(t).copied().unwrap_or(f64::NAN);
                    let fmt = |v: f64| catalog::units::with_unit(v, spec.unit, spec.decimals, region);
                    let diff_text = present::difference(spec, vb - va, region);
                    html! {
                        <tr>
                            <th scope="row">{ spec.label }</th>
                            <td>{ fmt(va) }</td>
                            <td>{ fmt(vb) }</td>
                            <td>{ diff_text }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
