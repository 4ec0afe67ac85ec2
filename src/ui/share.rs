//! Share: the link to this exact scenario and view, copied with one click, and the
//! `<iframe>` snippet that embeds a chosen view in a lesson page, with a height measured to
//! fit it.

use super::embed_height;
use super::url;
use crate::link::{Embed, Link};
use crate::present;
use gloo::events::EventListener;
use web_sys::{HtmlDetailsElement, HtmlIFrameElement, HtmlSelectElement};
use yew::prelude::*;

/// The width the snippet gives its frame, in CSS pixels: the embed layout's two columns
/// (controls beside the chart) fit from here on.
const EMBED_WIDTH: u32 = 600;
/// The controls the snippet's embed shows: the three levers of the proposal.
const EMBED_CONTROLS: [&str; 3] = ["bi", "automation", "p2p"];

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub link: Link,
    /// The view the embed snippet shows until the reader picks another.
    pub chart: &'static str,
}

/// The link of the embed that shows `view` of `link`.
fn embed_link(link: &Link, view: &'static str) -> Link {
    let mut embedded = link.clone();
    embedded.embed = Embed {
        on: true,
        chart: Some(view),
        controls: EMBED_CONTROLS.to_vec(),
    };
    embedded.view.tab = None;
    embedded
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let status = use_state(|| None::<&'static str>);
    let open = use_state(|| false);
    let chosen = use_state(|| None::<&'static str>);
    let view = chosen.unwrap_or(props.chart);
    let full = url::absolute(&props.link);
    let src = url::absolute(&embed_link(&props.link, view));
    // The height the embed of `src` reported, once drawn: (src, height).
    let measured = use_state(|| None::<(String, f64)>);
    let height = measured
        .as_ref()
        .filter(|(s, _)| *s == src)
        .map(|(_, h)| *h);
    // The probe: the same embed in a hidden frame of the snippet's width, which reports its
    // height once drawn with its bands. The frame is taller than any view, so no scrollbar
    // narrows the content it measures.
    let probe = use_node_ref();
    let measuring = *open && height.is_none();
    {
        let (probe, measured, src) = (probe.clone(), measured.clone(), src.clone());
        use_effect_with((src, measuring), move |(src, measuring)| {
            let mut listener: Option<EventListener> = None;
            if let (true, Some(frame)) = (*measuring, probe.cast::<HtmlIFrameElement>()) {
                let src = src.clone();
                let on_height = Callback::from(move |(h, ready): (f64, bool)| {
                    if ready {
                        measured.set(Some((src.clone(), h)));
                    }
                });
                listener = Some(embed_height::listen(frame, on_height));
            }
            move || drop(listener)
        });
    }
    let snippet = format!(
        "<iframe src=\"{src}\" width=\"{EMBED_WIDTH}\" height=\"{}\" title=\"mapsim: {}\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups\"></iframe>\n<!-- Lets the frame follow its content's height (once per page): -->\n<script src=\"{}\"></script>",
        height.map_or(480.0, f64::ceil),
        present::view_title(view),
        url::beside("embed-resize.js"),
    );
    let height_note = match height {
        Some(h) => format!(
            "The frame is {} px tall: measured for this view at {EMBED_WIDTH} px wide.",
            h.ceil()
        ),
        None if *open => "Measuring the height this view needs…".to_string(),
        None => String::new(),
    };
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
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let on_view = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            chosen.set(present::view(&select.value()));
        })
    };
    let views = present::views();
    html! {
        <details class="share" id="share-menu" {ontoggle}>
            <summary>{ "Share" }</summary>
            <div class="share-body">
                <button type="button" {onclick}>{ "Copy link" }</button>
                <span class="share-status" role="status" aria-live="polite">
                    { status.unwrap_or_default() }
                </span>
                <label for="share-link">{ "Link to this scenario and view" }</label>
                <input id="share-link" type="text" readonly=true value={full} />
                <label for="share-view">{ "Embed in a lesson page" }</label>
                <select id="share-view" onchange={on_view}>
                    { for views.map(|id| html! {
                        <option value={id} selected={id == view}>{ present::view_title(id) }</option>
                    }) }
                </select>
                <textarea id="share-embed" readonly=true rows="5" value={snippet} />
                <p class="share-note" id="share-height" aria-live="polite">{ height_note }</p>
                <p class="share-note">{ "The embed tells its page its height as a message, { type: \"mapsim:height\", height } in CSS pixels, whenever it changes (a reader opens a panel, the page gets narrower). The script line above sets the frame's height from it; a page may listen for the message itself instead." }</p>
                if measuring {
                    <iframe class="embed-probe" ref={probe} src={src.clone()} width={EMBED_WIDTH.to_string()}
                        height="4000" tabindex="-1" aria-hidden="true" title="Measuring the embed" />
                }
            </div>
        </details>
    }
}
