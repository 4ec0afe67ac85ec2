//! The browser app (feature `web`). For now a thin vertical slice that proves the pipeline
//! end to end: one labelled slider drives the real engine, and one plotters-canvas chart,
//! sharp on high-DPI screens, redraws from the outcome. The full app (issue 4) replaces the
//! component, not the plumbing: panic banner, chart backend sizing and mounting stay.

mod app;
pub mod backend;
pub mod chart;
pub mod panic;

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
