//! The browser app (feature `web`): controls generated from the catalog, charts drawn with
//! plotters on canvases, headline figures and notices, over the engine. The engine never
//! imports this module.

mod about;
mod app;
pub mod backend;
mod books;
mod callbacks;
pub mod chart;
mod charts;
mod controls;
mod distribution;
mod embed;
mod embed_height;
mod export_menu;
mod headlines;
mod households;
mod layout;
mod lesson_panel;
mod notices;
mod page_hooks;
pub mod panic;
mod phase_timeline;
mod png;
mod reform;
pub(crate) mod saved;
mod saved_panel;
mod scheduler;
mod share;
mod state;
mod tab_panel;
mod tabs;
mod timing;
mod top_bar;
mod uncertainty;
mod url;
mod validation;

pub use app::App;

/// Installs the panic hook and mounts the app in the page's `#app` element (or `<body>`).
pub fn start() {
    panic::install();
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(element) => {
            yew::Renderer::<App>::with_root(element).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// A `<select>` whose option values are indices: sets `state` to the one chosen.
pub(crate) fn select_index(state: &yew::UseStateHandle<usize>) -> yew::Callback<yew::Event> {
    use yew::TargetCast;
    let state = state.clone();
    yew::Callback::from(move |e: yew::Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(i) = select.value().parse::<usize>() {
            state.set(i);
        }
    })
}
