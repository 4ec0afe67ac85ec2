//! The lesson panel: a guided lesson's current step (text, question, progress), with
//! Back/Next, a way back to the step's values after exploring, and a way out.

use super::callbacks::AppCallbacks;
use crate::catalog;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub lesson: &'static str,
    pub step: usize,
    /// Compact layout inside an embed.
    #[prop_or_default]
    pub compact: bool,
    pub on_step: Callback<usize>,
    pub on_values: Callback<()>,
    pub on_leave: Callback<()>,
}

#[function_component(LessonPanel)]
pub fn lesson_panel(props: &LessonProps) -> Html {
    let Some(lesson) = catalog::lesson(props.lesson) else {
        return html! {};
    };
    let count = lesson.steps.len();
    let n = props.step.min(count.saturating_sub(1));
    let step = &lesson.steps[n];
    let go = |to: usize| {
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(to))
    };
    let on_values = {
        let cb = props.on_values.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_leave = {
        let cb = props.on_leave.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <section class={classes!("lesson", props.compact.then_some("compact"))}
            aria-label={format!("Lesson: {}", lesson.title)}>
            <div class="lesson-head">
                <span class="family">{ format!("Lesson · {} · {}", lesson.duration, lesson.audience) }</span>
                <h2>{ lesson.title }</h2>
                <label class="progress-label" for="lesson-progress">
                    { format!("Step {} of {count}", n + 1) }
                </label>
                <progress id="lesson-progress" max={count.to_string()} value={(n + 1).to_string()} />
            </div>
            <h3 class="step-title">{ step.scenario.name }</h3>
            <p class="step-text">{ step.scenario.description }</p>
            <p class="question"><strong>{ "Question: " }</strong>{ step.question }</p>
            <div class="lesson-nav">
                <button type="button" onclick={go(n.saturating_sub(1))} disabled={n == 0}>{ "← Back" }</button>
                <button type="button" class="primary" onclick={go(n + 1)} disabled={n + 1 >= count}>{ "Next →" }</button>
                <button type="button" class="link" onclick={on_values}>{ "Back to the lesson's values" }</button>
                if !props.compact {
                    <button type="button" class="link" onclick={on_leave}>{ "Leave the lesson" }</button>
                }
            </div>
            if !props.compact {
                <details class="lesson-about">
                    <summary>{ "Goals and sources" }</summary>
                    <ul>{ for lesson.goals.iter().map(|g| html! { <li>{ *g }</li> }) }</ul>
                    <ul class="sources">{ for lesson.sources.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
                </details>
            }
        </section>
    }
}

/// The panel of the lesson being followed (its id and step), if any, with the app's
/// callbacks: the embed shows it `compact`, the full page in full.
pub fn following(
    lesson: Option<(&'static str, usize)>,
    compact: bool,
    on: &AppCallbacks,
) -> Option<Html> {
    lesson.map(|(id, step)| {
        html! {
            <LessonPanel lesson={id} {step} {compact} on_step={on.on_step.clone()}
                on_values={on.on_values.clone()} on_leave={on.on_leave.clone()} />
        }
    })
}
