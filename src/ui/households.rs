//! "What it means for a household" (Distribution tab): six typical households of the model's
//! population with their income statements, and "a household like yours", computed in the
//! page from what the reader enters (nothing leaves the page, and links never carry it).

use crate::catalog::{self, units, Unit};
use crate::present::households::{archetypes, mine_in, Mine, Statement};
use crate::present::households::{ADULTS, MAX_AMOUNT, MAX_CHILDREN};
use crate::ui::charts::Run;
use crate::ui::state::{HouseholdEdit, HouseholdEntry};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HouseholdsProps {
    pub run: Run,
    pub region: &'static str,
    /// Index of the chosen year.
    pub year: usize,
    /// "A household like yours" as the reader entered it (kept in the app's state).
    pub entry: HouseholdEntry,
    /// Every valid edit of the form.
    pub on_edit: Callback<HouseholdEdit>,
    /// Puts the household in links or takes it out; absent in embeds.
    #[prop_or_default]
    pub on_share: Option<Callback<bool>>,
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

/// The form's fields, in the order the validation messages are kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Pay,
    Pay2,
    Adults,
    Children,
    Wealth,
}

impl Field {
    /// The field's place in the form's arrays.
    fn slot(self) -> usize {
        self as usize
    }

    fn id(self) -> &'static str {
        match self {
            Field::Pay => "mine-earnings-0",
            Field::Pay2 => "mine-earnings-1",
            Field::Adults => "mine-adults",
            Field::Children => "mine-children",
            Field::Wealth => "mine-wealth",
        }
    }

    /// What the reader typed as an edit of the household, or why it cannot be used (the
    /// household keeps its last valid value, so nothing entered before is lost).
    fn parse(self, text: &str) -> Result<HouseholdEdit, String> {
        let text = text.trim();
        let amount = |what: &str| -> Result<f64, String> {
            let x = text
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| {
                    format!("Enter {what} as a number, for example 2500 (0 if none).")
                })?;
            if x < 0.0 {
                return Err(format!("{} cannot be below 0.", capitalised(what)));
            }
            if x > MAX_AMOUNT {
                return Err(format!(
                    "{} above {} is beyond what the model's households hold.",
                    capitalised(what),
                    units::number(MAX_AMOUNT, 0)
                ));
            }
            Ok(x)
        };
        let whole = |low: u8, high: u8, what: &str| -> Result<u8, String> {
            text.parse::<u8>()
                .ok()
                .filter(|n| (low..=high).contains(n))
                .ok_or_else(|| format!("Enter {what}: a whole number from {low} to {high}."))
        };
        Ok(match self {
            Field::Pay => HouseholdEdit::Pay(0, amount("your pay a month")?),
            Field::Pay2 => HouseholdEdit::Pay(1, amount("the second adult's pay a month")?),
            Field::Adults => HouseholdEdit::Adults(whole(
                *ADULTS.start(),
                *ADULTS.end(),
                "the number of adults",
            )?),
            Field::Children => {
                HouseholdEdit::Children(whole(0, MAX_CHILDREN, "the number of children")?)
            }
            Field::Wealth => HouseholdEdit::Wealth(amount("savings and shares").map_err(|e| {
                if text.starts_with('-') {
                    "Savings and shares cannot be below 0 (the statement leaves debts out).".into()
                } else {
                    e
                }
            })?),
        })
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What the reader is typing in each field and what the form could not use, kept apart from
/// the household itself: a redraw while the reader types (a model run, bands arriving) then
/// shows the text being typed, never the last valid value in its place, and a rejected value
/// stays in view beside its message.
#[derive(Default, Clone, PartialEq)]
struct Form {
    drafts: [Option<String>; 5],
    errors: [Option<String>; 5],
}

enum FormAction {
    /// The reader typed in a field.
    Typed(usize, String),
    /// The field's value went to the household: it shows the household's value again.
    Committed(usize),
    /// The field's value cannot be used, for this reason.
    Rejected(usize, String),
}

impl Reducible for Form {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Typed(slot, text) => next.drafts[slot] = Some(text),
            FormAction::Committed(slot) => {
                next.drafts[slot] = None;
                next.errors[slot] = None;
            }
            FormAction::Rejected(slot, message) => next.errors[slot] = Some(message),
        }
        Rc::new(next)
    }
}

/// One labelled number field with its validation message, tied to it for screen readers.
fn number_field(
    field: Field,
    label: String,
    value: String,
    (min, max, step): (&'static str, Option<&'static str>, &'static str),
    error: Option<&String>,
    (oninput, onchange): (Callback<InputEvent>, Callback<Event>),
) -> Html {
    let message_id = format!("{}-error", field.id());
    html! {
        <label>{ label }
            <input id={field.id()} type="number" {min} max={max} {step} {value} {oninput} {onchange}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| message_id.clone())} />
            if let Some(error) = error {
                <span class="field-error" id={message_id} role="alert">{ error.clone() }</span>
            }
        </label>
    }
}

#[function_component(HouseholdsCard)]
pub fn households_card(props: &HouseholdsProps) -> Html {
    let form = use_reducer(Form::default);
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
    let h = props.entry.entered;
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
    // Typing is kept as a draft; a change sends a valid value to the app's state, and a bad
    // one gets a message.
    let field = |field: Field| {
        let (typed, changed, on_edit) =
            (form.dispatcher(), form.dispatcher(), props.on_edit.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            typed.dispatch(FormAction::Typed(field.slot(), input.value()));
        });
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match field.parse(&input.value()) {
                Ok(edit) => {
                    on_edit.emit(edit);
                    changed.dispatch(FormAction::Committed(field.slot()));
                }
                Err(message) => changed.dispatch(FormAction::Rejected(field.slot(), message)),
            }
        });
        (oninput, onchange)
    };
    let error = |f: Field| form.errors[f.slot()].as_ref();
    let shown = |f: Field, value: String| form.drafts[f.slot()].clone().unwrap_or(value);
    let on_pensioners = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(HouseholdEdit::Pensioners(input.checked()));
        })
    };
    let sharing = props.entry.shared;
    let on_sharing = props.on_share.clone().map(|share| {
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            share.emit(input.checked());
        })
    });
    html! {
        <>
            <section class="card households" id="households" aria-labelledby="households-title">
                <span class="family">{ "Distribution" }</span>
                <h3 id="households-title">{ format!("{}, {year}", crate::present::view_title("households")) }</h3>
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
                    { number_field(Field::Pay, format!("Your pay a month ({currency}) "), shown(Field::Pay, h.pay[0].to_string()),
                        ("0", None, "100"), error(Field::Pay), field(Field::Pay)) }
                    { number_field(Field::Adults, "Adults ".into(), shown(Field::Adults, h.adults.to_string()),
                        ("1", Some("2"), "1"), error(Field::Adults), field(Field::Adults)) }
                    if h.adults == 2 {
                        { number_field(Field::Pay2, format!("Second adult's pay a month ({currency}) "), shown(Field::Pay2, h.pay[1].to_string()),
                            ("0", None, "100"), error(Field::Pay2), field(Field::Pay2)) }
                    }
                    { number_field(Field::Children, "Children ".into(), shown(Field::Children, h.children.to_string()),
                        ("0", Some("10"), "1"), error(Field::Children), field(Field::Children)) }
                    { number_field(Field::Wealth, format!("Savings and shares ({currency}) "), shown(Field::Wealth, h.wealth.to_string()),
                        ("0", None, "1000"), error(Field::Wealth), field(Field::Wealth)) }
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
