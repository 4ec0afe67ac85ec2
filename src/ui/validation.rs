//! "How the model compares with published studies": the entries of `models/validation.toml`
//! evaluated in the browser and shown as a table with a Hit or Miss verdict each.
//!
//! Evaluating an entry runs the model once or twice, so the table fills in lazily: only while
//! the About tab is open, one entry per slice, and only once the user has left the controls
//! alone for a moment, so a slider input never waits behind it. The entries are fixed
//! scenarios: each is evaluated once per app session and kept.

use crate::catalog::VALIDATION;
use crate::present::validation::{self as rows, Figure, Outcome, Row};
use crate::validation::{evaluate, Evaluation, ValidationError};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// How long the controls must rest before the next entry is evaluated.
const QUIET_MS: f64 = 400.0;
/// How often the table checks whether it may evaluate the next entry.
const TICK_MS: u32 = 50;

/// The column headings; on a narrow screen each cell shows its own (the rows stack).
const COLUMNS: [&str; 7] = [
    "Published study",
    "What in the model stands for it",
    "Published",
    "Model",
    "Distance (model − published)",
    "Tolerance",
    "Verdict",
];
const ANALOGUE: &str = COLUMNS[1];
const PUBLISHED: &str = COLUMNS[2];
const MODEL: &str = COLUMNS[3];
const DISTANCE: &str = COLUMNS[4];
const TOLERANCE: &str = COLUMNS[5];
const VERDICT: &str = COLUMNS[6];

thread_local! {
    /// The entries evaluated so far this session, in the order of `VALIDATION`.
    static RESULTS: RefCell<Vec<Result<Evaluation, ValidationError>>> = const { RefCell::new(Vec::new()) };
}

fn evaluated() -> usize {
    RESULTS.with(|r| r.borrow().len())
}

/// Evaluates the next entry not yet known; returns how many are known.
fn evaluate_next() -> usize {
    let next = evaluated();
    if let Some(entry) = VALIDATION.get(next) {
        let result = super::timing::measured("mapsim:validation", || evaluate(entry));
        RESULTS.with(|r| r.borrow_mut().push(result));
    }
    evaluated()
}

/// The lazy evaluation while the table is shown: its timer and the time of the last input.
struct Job {
    timer: Option<Timeout>,
    last_input: Rc<Cell<f64>>,
    known: UseStateSetter<usize>,
}

fn schedule(job: &Rc<RefCell<Job>>) {
    let weak: Weak<RefCell<Job>> = Rc::downgrade(job);
    let timer = Timeout::new(TICK_MS, move || {
        if let Some(job) = weak.upgrade() {
            step(&job);
        }
    });
    job.borrow_mut().timer = Some(timer);
}

fn step(job: &Rc<RefCell<Job>>) {
    let quiet = js_sys::Date::now() - job.borrow().last_input.get() >= QUIET_MS;
    if quiet {
        let known = evaluate_next();
        let setter = job.borrow().known.clone();
        setter.set(known);
    }
    if evaluated() < VALIDATION.len() {
        schedule(job);
    }
}

#[function_component(ValidationTable)]
pub fn validation_table() -> Html {
    let known = use_state(evaluated);
    {
        let setter = known.setter();
        use_effect_with((), move |_| {
            let last_input = Rc::new(Cell::new(js_sys::Date::now()));
            // Any input, click or key press anywhere postpones the next entry.
            let options = EventListenerOptions::run_in_capture_phase();
            let listeners: Vec<EventListener> = ["input", "pointerdown", "keydown"]
                .into_iter()
                .map(|kind| {
                    let last_input = Rc::clone(&last_input);
                    EventListener::new_with_options(
                        &gloo::utils::window(),
                        kind,
                        options,
                        move |_| last_input.set(js_sys::Date::now()),
                    )
                })
                .collect();
            let job = Rc::new(RefCell::new(Job {
                timer: None,
                last_input,
                known: setter,
            }));
            if evaluated() < VALIDATION.len() {
                schedule(&job);
            }
            move || {
                drop(listeners);
                drop(job);
            }
        });
    }
    let results = RESULTS.with(|r| r.borrow().clone());
    let done = results.len() >= VALIDATION.len();
    html! {
        <section class="validation" aria-labelledby="validation-title">
            <h2 id="validation-title">{ "How the model compares with published studies" }</h2>
            <p class="explain">
                { "These are published results the model was NOT calibrated to. Each row runs \
                   the model on a scenario that stands for the study's setting and compares its \
                   figure with the published one; the distance is the model's figure minus the \
                   published one. Within the tolerance it is a hit; a miss is shown as a miss, \
                   and the model is not re-tuned to turn it into a hit. The entries are listed, \
                   with their reasoning, in models/validation.toml." }
            </p>
            <p class="validation-status" aria-live="polite">
                { if done {
                    rows::tally(&results)
                } else {
                    format!(
                        "Running the model for each study: {} of {} done…",
                        results.len(),
                        VALIDATION.len()
                    )
                } }
            </p>
            <div class="table-wrap">
                <table class="validation-table">
                    <thead>
                        <tr>
                            { for COLUMNS.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for VALIDATION.iter().enumerate().map(|(i, entry)| {
                            view_row(&rows::row(entry, results.get(i)))
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn view_row(row: &Row) -> Html {
    let model_side = match &row.outcome {
        Outcome::Pending => html! {
            <>
                <td class="pending" colspan="2" data-label={MODEL}>{ "computing…" }</td>
                { number_cell(&row.tolerance, TOLERANCE) }
                <td class="verdict pending" data-label={VERDICT}>{ "not yet known" }</td>
            </>
        },
        Outcome::Evaluated {
            model,
            distance,
            hit,
            flipped,
        } => html! {
            <>
                { number_cell(model, MODEL) }
                { number_cell(distance, DISTANCE) }
                { number_cell(&row.tolerance, TOLERANCE) }
                <td class={classes!("verdict", if *hit { "hit" } else { "miss" })} data-label={VERDICT}>
                    <span class="mark" aria-hidden="true">{ if *hit { "✓ " } else { "✗ " } }</span>
                    <strong>{ rows::verdict(*hit) }</strong>
                    if *flipped {
                        <span class="flipped">
                            { format!("recorded as a {}", rows::verdict(!*hit).to_lowercase()) }
                        </span>
                    }
                </td>
            </>
        },
        Outcome::Failed(error) => html! {
            <>
                <td class="failed" colspan="2" data-label={MODEL}>
                    { format!("Could not be evaluated: {error}") }
                </td>
                { number_cell(&row.tolerance, TOLERANCE) }
                <td class="verdict failed" data-label={VERDICT}><strong>{ "Not evaluated" }</strong></td>
            </>
        },
    };
    html! {
        <tr id={format!("validation-{}", row.id)} data-verdict={verdict_attr(&row.outcome)}>
            <th scope="row">
                <span class="study">{ row.title }</span>
                <details class="source">
                    <summary>{ "Source" }</summary>
                    <p>{ row.source }</p>
                </details>
            </th>
            <td data-label={ANALOGUE}>
                { row.analogue }
                <details class="note">
                    <summary>{ "Notes" }</summary>
                    <p>{ row.note }</p>
                </details>
            </td>
            { number_cell(&row.published, PUBLISHED) }
            { model_side }
        </tr>
    }
}

/// A figure: the number on one line, its unit under it.
fn number_cell(figure: &Figure, label: &'static str) -> Html {
    html! {
        <td class="num" data-label={label}>
            <span class="number">{ figure.number.clone() }</span>
            { " " }
            <span class="unit">{ figure.unit }</span>
        </td>
    }
}

/// For tests and styles: "hit", "miss", "failed" or "pending".
fn verdict_attr(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Pending => "pending",
        Outcome::Evaluated { hit: true, .. } => "hit",
        Outcome::Evaluated { hit: false, .. } => "miss",
        Outcome::Failed(_) => "failed",
    }
}
