//! "What it means for a household" (Distribution tab): six typical households of the model's
//! population with their income statements, and "a household like yours", computed in the
//! page from what the reader enters (nothing leaves the page, and links never carry it).

use crate::catalog::{self, units, Unit};
use crate::present::households::{archetypes, mine_in, Mine, Statement};
use crate::ui::charts::Run;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HouseholdsProps {
    pub run: Run,
    pub region: &'static str,
    /// Index of the chosen year.
    pub year: usize,
}

/// One statement beside the other: each line in the baseline, the scenario, and the change.
fn statement_table(
    id: String,
    caption: String,
    base: &Statement,
    reform: &Statement,
    baseline: &str,
    region: &catalog::RegionSpec,
) -> Html {
    // The unit is in the header: the cells keep to the numbers, so the table fits a phone.
    let money = |v: f64| {
        let text = units::number(v.abs(), 0);
        if v < 0.0 && text != "0" {
            format!("−{text}")
        } else {
            text
        }
    };
    let change = |v: f64| {
        let text = money(v.abs());
        if v.abs() < 0.5 {
            "—".to_string()
        } else if v < 0.0 {
            format!("−{text}")
        } else {
            format!("+{text}")
        }
    };
    html! {
        <table class="statement" {id}>
            <caption>{ caption }</caption>
            <thead><tr>
                <th scope="col">{ units::unit_label(Unit::CurrencyMonth, region) }</th>
                <th scope="col">{ format!("In the {baseline}") }</th>
                <th scope="col">{ "In your scenario" }</th>
                <th scope="col">{ "Change" }</th>
            </tr></thead>
            <tbody>
                { for base.lines().iter().zip(reform.lines().iter()).map(|((line, label, b), (_, _, s))| {
                    let total = matches!(*line, "disposable" | "real_disposable");
                    html! {
                        <tr class={classes!(total.then_some("total"))}>
                            <th scope="row">{ *label }</th>
                            <td>{ money(*b) }</td>
                            <td>{ money(*s) }</td>
                            <td>{ change(s - b) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// A number input's value, or `fallback` when it is empty or not a number.
fn read(e: &Event, fallback: f64) -> f64 {
    let input: HtmlInputElement = e.target_unchecked_into();
    input
        .value()
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .unwrap_or(fallback)
}

#[function_component(HouseholdsCard)]
pub fn households_card(props: &HouseholdsProps) -> Html {
    // What the reader entered, a month in today's money (the statement's unit).
    let earnings = use_state(|| [2500.0_f64, 0.0]);
    let adults = use_state(|| 1_u8);
    let children = use_state(|| 0.0_f64);
    let wealth = use_state(|| 10_000.0_f64);
    let pensioners = use_state(|| false);
    let (Ok(outcome), Some(region)) = (props.run.outcome.as_ref(), catalog::region(props.region))
    else {
        return html! {};
    };
    let t = props.year.min(outcome.years.len().saturating_sub(1));
    let year = outcome.years.get(t).copied().unwrap_or_default();
    let baseline = crate::present::baseline_short(props.run.custom_baseline);
    let typical = archetypes(outcome, t);
    let mine = Mine {
        earnings: earnings.map(|m| 12.0 * m),
        adults: *adults,
        children: *children,
        pensioners: *pensioners,
        wealth: *wealth,
    }
    .sane();
    let statements = mine_in(outcome, t, &mine);
    let money = |v: f64| units::with_unit(v, Unit::CurrencyMonth, 0, region);
    let currency = region.currency;
    let on_earning = |k: usize| {
        let earnings = earnings.clone();
        Callback::from(move |e: Event| {
            let mut next = *earnings;
            next[k] = read(&e, next[k]).max(0.0);
            earnings.set(next);
        })
    };
    let on_adults = {
        let adults = adults.clone();
        Callback::from(move |e: Event| adults.set(if read(&e, 1.0) >= 2.0 { 2 } else { 1 }))
    };
    let on_children = {
        let children = children.clone();
        Callback::from(move |e: Event| children.set(read(&e, 0.0).clamp(0.0, 10.0).round()))
    };
    let on_wealth = {
        let wealth = wealth.clone();
        Callback::from(move |e: Event| wealth.set(read(&e, 0.0).max(0.0)))
    };
    let on_pensioners = {
        let pensioners = pensioners.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            pensioners.set(input.checked());
        })
    };
    html! {
        <>
            <section class="card households" id="households" aria-labelledby="households-title">
                <span class="family">{ "Distribution" }</span>
                <h3 id="households-title">{ format!("What it means for a household, {year}") }</h3>
                <p class="axis-unit">{ format!("Six typical households of the model's own population, picked in the {baseline} and followed into your scenario: what comes in, the taxes they pay, and what they live on, a month. \"Real\" is in today's prices, so it takes in what peer production and VAT do to the price of living.") }</p>
                <table class="shares" id="households-summary">
                    <thead><tr>
                        <th scope="col">{ "Household" }</th>
                        <th scope="col">{ format!("Real disposable income, {baseline}") }</th>
                        <th scope="col">{ "In your scenario" }</th>
                        <th scope="col">{ "Change" }</th>
                    </tr></thead>
                    <tbody>
                        { for typical.iter().map(|a| {
                            let d = a.scenario.real_disposable - a.baseline.real_disposable;
                            let pct = if a.baseline.real_disposable > 0.0 { 100.0 * d / a.baseline.real_disposable } else { 0.0 };
                            html! {
                                <tr>
                                    <th scope="row">{ a.name }</th>
                                    <td>{ money(a.baseline.real_disposable) }</td>
                                    <td>{ money(a.scenario.real_disposable) }</td>
                                    <td class={if d >= 0.0 { "good" } else { "bad" }}>
                                        { format!("{}{} ({}{} %)", if d < 0.0 { "−" } else { "+" }, money(d.abs()),
                                            if pct < 0.0 { "−" } else { "+" }, units::number(pct.abs(), 1)) }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                { for typical.iter().map(|a| html! {
                    <details class="data">
                        <summary>{ format!("{}: the whole statement", a.name) }</summary>
                        { statement_table(format!("statement-{}", a.id), format!("{}, {year}", a.name), &a.baseline, &a.scenario, baseline, region) }
                    </details>
                }) }
            </section>
            <section class="card households" id="mine" aria-labelledby="mine-title">
                <span class="family">{ "Distribution" }</span>
                <h3 id="mine-title">{ format!("A household like yours, {year}") }</h3>
                <p class="axis-unit">{ format!("Enter your household in today's money. The same tax and benefit rules as the model's households give its statement in the {baseline} and in your scenario, with each run's prices, tax rates and returns on wealth; pay grows with average pay to {year}. It is a static statement: your hours stay as entered. It is computed in this page: nothing you enter leaves it, and share links never carry it.") }</p>
                <div class="mine-form">
                    <label>{ format!("Your pay a month ({currency}) ") }
                        <input id="mine-earnings-0" type="number" min="0" step="100" value={earnings[0].to_string()} onchange={on_earning(0)} />
                    </label>
                    <label>{ "Adults " }
                        <input id="mine-adults" type="number" min="1" max="2" step="1" value={adults.to_string()} onchange={on_adults} />
                    </label>
                    if *adults == 2 {
                        <label>{ format!("Second adult's pay a month ({currency}) ") }
                            <input id="mine-earnings-1" type="number" min="0" step="100" value={earnings[1].to_string()} onchange={on_earning(1)} />
                        </label>
                    }
                    <label>{ "Children " }
                        <input id="mine-children" type="number" min="0" max="10" step="1" value={children.to_string()} onchange={on_children} />
                    </label>
                    <label>{ format!("Savings and shares ({currency}) ") }
                        <input id="mine-wealth" type="number" min="0" step="1000" value={wealth.to_string()} onchange={on_wealth} />
                    </label>
                    <label>
                        <input id="mine-pensioners" type="checkbox" checked={*pensioners} onchange={on_pensioners} />
                        { " 65 or over (with a pension)" }
                    </label>
                </div>
                if let Some((base, reform)) = statements {
                    <p class="lead" id="mine-summary" aria-live="polite">{
                        format!("Real disposable income: {} in the {baseline}, {} in your scenario.",
                            money(base.real_disposable), money(reform.real_disposable))
                    }</p>
                    { statement_table("statement-mine".into(), format!("A household like yours, {year}"), &base, &reform, baseline, region) }
                }
            </section>
        </>
    }
}
