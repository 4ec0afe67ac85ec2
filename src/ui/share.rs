//! Share: the link to this exact scenario and view, copied with one click, and the
//! `<iframe>` snippet that embeds the current chart in a lesson page.

use super::url;
use crate::scenario::link::{Embed, Link};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub link: Link,
    /// The chart the embed snippet shows.
    pub chart: &'static str,
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let status = use_state(|| None::<&'static str>);
    let full = url::absolute(&props.link);
    let mut embedded = props.link.clone();
    embedded.embed = Embed {
        on: true,
        chart: Some(props.chart),
        controls: vec!["bi", "automation", "p2p"],
    };
    embedded.view.tab = None;
    let snippet = format!(
        "<iframe src=\"{}\" width=\"600\" height=\"400\" title=\"mapsim: Basic Income and peer production simulator\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups\"></iframe>",
        url::absolute(&embedded)
    );
    let onclick = {
        let status = status.clone();
        let full = full.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(Some(if url::copy(&full) {
                "Link copied."
            } else {
                "Copy the link below (this browser does not allow copying from here)."
            }));
        })
    };
    html! {
        <details class="share" id="share-menu">
            <summary>{ "Share" }</summary>
            <div class="share-body">
                <button type="button" {onclick}>{ "Copy link" }</button>
                <span class="share-status" role="status" aria-live="polite">
                    { status.unwrap_or_default() }
                </span>
                <label for="share-link">{ "Link to this scenario and view" }</label>
                <input id="share-link" type="text" readonly=true value={full} />
                <label for="share-embed">{ "Embed this chart in a lesson page" }</label>
                <textarea id="share-embed" readonly=true rows="4" value={snippet} />
            </div>
        </details>
    }
}
