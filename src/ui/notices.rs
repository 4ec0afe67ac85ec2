//! Notices: what was wrong with an input or a scenario, in plain words, dismissible.

use crate::scenario::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notices: Vec<Notice>,
    /// A model error for the current scenario, saying what the charts show instead.
    pub error: Option<String>,
    pub on_dismiss: Callback<usize>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticeProps) -> Html {
    html! {
        <div class="notices" aria-live="polite">
            if let Some(error) = &props.error {
                <p class="notice error" role="alert">
                    { error.clone() }
                </p>
            }
            { for props.notices.iter().enumerate().map(|(i, n)| {
                let on_dismiss = props.on_dismiss.clone();
                let onclick = Callback::from(move |_: MouseEvent| on_dismiss.emit(i));
                html! {
                    <p class="notice">
                        { &n.message }
                        <button type="button" class="link" {onclick}
                            aria-label="Dismiss this notice">{ "Dismiss" }</button>
                    </p>
                }
            }) }
        </div>
    }
}
