//! "What it means for a household" (Distribution tab): six typical households of the model's
//! population with their income statements, and "a household like yours", computed in the
//! page from what the reader enters (nothing leaves the page, and links never carry it).

use crate::catalog::{self, units, Unit};
use crate::present::households::{archetypes, mine_in, Mine, Statement};
use crate::scenario::link::SharedHousehold;
use crate::ui::charts::Run;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HouseholdsProps {
    pub run: Run,
    pub region: &'static str,
    /// Index of the chosen year.
    pub year: usize,
    /// The household a link carried (its reader chose to share it), which the form opens with.
    #[prop_or_default]
    pub shared: Option<SharedHousehold>,
    /// Puts the household in links (`Some`) or takes it out (`None`); absent in embeds.
    #[prop_or_default]
    pub on_share: Option<Callback<Option<SharedHousehold>>>,
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
    // The latest entry lives in a cell that every callback reads when it runs, so quick edits
    // in a row never start from a stale copy; a forced update redraws the statement.
    let entered = use_mut_ref(|| props.shared.unwrap_or_default());
    let redraw = use_force_update();
    let t = match props.run.outcome.as_ref() {
        Ok(o) => props.year.min(o.years.len().saturating_sub(1)),
        Err(_) => 0,
    };
    // The typical households depend on the run and the year alone (not on bands arriving).
    let typical = {
        let run = props.run.clone();
        use_memo((props.run.id, t), move |(_, t)| {
            match run.outcome.as_ref() {
                Ok(o) => archetypes(o, *t),
                Err(_) => Vec::new(),
            }
        })
    };
    let (Ok(outcome), Some(region)) = (props.run.outcome.as_ref(), catalog::region(props.region))
    else {
        return html! {};
    };
    let year = outcome.years.get(t).copied().unwrap_or_default();
    let baseline = crate::present::baseline_short(props.run.custom_baseline);
    let h = *entered.borrow();
    let mine = Mine {
        earnings: h.pay.map(|m| 12.0 * m),
        adults: h.adults,
        children: f64::from(h.children),
        pensioners: h.pensioners,
        wealth: h.wealth,
    }
    .sane();
    let statements = mine_in(outcome, t, &mine);
    let money = |v: f64| units::with_unit(v, Unit::CurrencyMonth, 0, region);
    let currency = region.currency;
    let sharing = props.shared.is_some();
    // Every change goes to the form, and to links while the reader shares the household.
    let update = |change: fn(&mut SharedHousehold, &Event)| {
        let (entered, on_share, redraw) = (entered.clone(), props.on_share.clone(), redraw.clone());
        Callback::from(move |e: Event| {
            let next = {
                let mut h = entered.borrow_mut();
                change(&mut h, &e);
                *h
            };
            redraw.force_update();
            if let (true, Some(share)) = (sharing, &on_share) {
                share.emit(Some(next));
            }
        })
    };
    let on_pay = update(|h, e| h.pay[0] = read(e, h.pay[0]).max(0.0));
    let on_pay2 = update(|h, e| h.pay[1] = read(e, h.pay[1]).max(0.0));
    let on_adults = update(|h, e| h.adults = if read(e, 1.0) >= 2.0 { 2 } else { 1 });
    let on_children = update(|h, e| h.children = read(e, 0.0).clamp(0.0, 10.0).round() as u8);
    let on_wealth = update(|h, e| h.wealth = read(e, 0.0).max(0.0));
    let on_pensioners = update(|h, e| {
        let input: HtmlInputElement = e.target_unchecked_into();
        h.pensioners = input.checked();
    });
    let on_sharing = props.on_share.clone().map(|share| {
        let entered = entered.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            share.emit(input.checked().then_some(*entered.borrow()));
        })
    });
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
                <p class="axis-unit">{ format!("Enter your household in today's money. The same tax and benefit rules as the model's households give its statement in the {baseline} and in your scenario, with each run's prices, tax rates and returns on wealth; pay grows with average pay to {year}. It is a static statement: your hours stay as entered. It is computed in this page: nothing you enter leaves it, and share links carry it only if you tick the box below.") }</p>
                <div class="mine-form">
                    <label>{ format!("Your pay a month ({currency}) ") }
                        <input id="mine-earnings-0" type="number" min="0" step="100" value={h.pay[0].to_string()} onchange={on_pay} />
                    </label>
                    <label>{ "Adults " }
                        <input id="mine-adults" type="number" min="1" max="2" step="1" value={h.adults.to_string()} onchange={on_adults} />
                    </label>
                    if h.adults == 2 {
                        <label>{ format!("Second adult's pay a month ({currency}) ") }
                            <input id="mine-earnings-1" type="number" min="0" step="100" value={h.pay[1].to_string()} onchange={on_pay2} />
                        </label>
                    }
                    <label>{ "Children " }
                        <input id="mine-children" type="number" min="0" max="10" step="1" value={h.children.to_string()} onchange={on_children} />
                    </label>
                    <label>{ format!("Savings and shares ({currency}) ") }
                        <input id="mine-wealth" type="number" min="0" step="1000" value={h.wealth.to_string()} onchange={on_wealth} />
                    </label>
                    <label>
                        <input id="mine-pensioners" type="checkbox" checked={h.pensioners} onchange={on_pensioners} />
                        { " 65 or over (with a pension)" }
                    </label>
                    if let Some(on_sharing) = on_sharing {
                        <label>
                            <input id="mine-share" type="checkbox" checked={sharing} onchange={on_sharing} />
                            { " Put my household in the share link" }
                        </label>
                    }
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
