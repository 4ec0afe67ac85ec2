//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts, the slider
//! redraws the chart, the chart is sized for the screen, errors reach the page, and the engine
//! gives in wasm what it gives natively (Monte Carlo bands, validation verdicts).
#![cfg(target_arch = "wasm32")]

use mapsim::ui::{chart, panic, App};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Event, EventInit, HtmlCanvasElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// Gives charts a fixed CSS box (the page's stylesheet is not loaded in these tests).
fn size_charts() {
    let style = document().create_element("style").expect("style");
    style.set_text_content(Some(
        ".chart { width: 600px; height: 360px; display: block; }",
    ));
    document()
        .head()
        .expect("head")
        .append_child(&style)
        .expect("append");
}

/// Mounts the app in a fresh element with a fixed size, so the canvas has a CSS box.
async fn mount() -> web_sys::Element {
    let root = document().create_element("div").expect("div");
    root.set_attribute("id", "app").expect("id");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    size_charts();
    yew::Renderer::<App>::with_root(root.clone()).render();
    // The model runs on the next animation frame; charts appear after it.
    for _ in 0..100 {
        settle().await;
        if root.query_selector("canvas").ok().flatten().is_some() {
            break;
        }
    }
    settle().await;
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(100)).await;
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("context")
        .expect("2d")
        .dyn_into()
        .expect("2d context");
    let (w, h) = (canvas.width() as f64, canvas.height() as f64);
    context
        .get_image_data(0.0, 0.0, w, h)
        .expect("image data")
        .data()
        .0
}

#[wasm_bindgen_test]
async fn moving_the_slider_redraws_the_chart() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = root
        .query_selector("canvas")
        .expect("query")
        .expect("a canvas")
        .dyn_into()
        .expect("canvas");
    let before = pixels(&canvas);
    assert!(before.chunks(4).any(|p| p[0] < 100), "the chart is blank");

    let input: HtmlInputElement = root
        .query_selector("#bi")
        .expect("query")
        .expect("the slider")
        .dyn_into()
        .expect("input");
    input.set_value("1500");
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatch");
    let mut after = pixels(&canvas);
    for _ in 0..50 {
        settle().await;
        after = pixels(&canvas);
        if after != before {
            break;
        }
    }

    assert_eq!(before.len(), after.len());
    assert_ne!(before, after, "the chart did not change");
    let output = root
        .query_selector("output[for=bi]")
        .expect("q")
        .expect("output");
    let readout = output.text_content().unwrap_or_default();
    // Thousands are grouped with a thin space (catalog::units::number).
    assert_eq!(readout, "1\u{2009}500 USD a month");
    root.remove();
}

#[wasm_bindgen_test]
fn the_backing_store_follows_the_device_pixel_ratio() {
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("canvas");
    canvas.set_attribute("class", "chart").expect("class");
    document()
        .body()
        .expect("body")
        .append_child(&canvas)
        .expect("append");
    size_charts();
    let ratio = chart::fit_to_screen(&canvas);
    assert_eq!(canvas.width(), (600.0 * ratio).round() as u32);
    assert_eq!(canvas.height(), (360.0 * ratio).round() as u32);
    canvas.remove();
}

#[wasm_bindgen_test]
fn errors_show_on_the_page() {
    let banner = document().create_element("div").expect("div");
    banner.set_attribute("id", panic::BANNER_ID).expect("id");
    banner.set_attribute("hidden", "").expect("hidden");
    document()
        .body()
        .expect("body")
        .append_child(&banner)
        .expect("append");
    panic::show_error("test message");
    assert_eq!(banner.text_content().as_deref(), Some("test message"));
    assert!(!banner.has_attribute("hidden"));
    banner.remove();
}

/// The Monte Carlo engine gives, compiled to wasm, the very bands it gives natively (the
/// native test freezes the fingerprint in tests/bands_fingerprint.txt).
#[wasm_bindgen_test]
fn monte_carlo_bands_in_wasm_match_the_native_fingerprint() {
    let frozen = include_str!("../bands_fingerprint.txt");
    let line = frozen
        .lines()
        .find(|l| l.contains("horizon=25"))
        .expect("the short case");
    let (case, expected) = line.split_once(' ').expect("'case fingerprint'");
    let (link, draws) = case.rsplit_once("&draws=").expect("draws");
    let (s, _) = mapsim::scenario::query::decode(link);
    let bands = mapsim::uncertainty::MonteCarlo::new(&s, 1)
        .bands(draws.parse().expect("number"))
        .expect("runs");
    assert_eq!(format!("{:016x}", bands.fingerprint()), expected);
}

/// The published-studies table of the About tab evaluates every entry in the browser with the
/// verdict the native engine tests record (`models/validation.toml`).
#[wasm_bindgen_test]
fn validation_entries_in_wasm_keep_their_recorded_verdicts() {
    let results = mapsim::validation::evaluate_all();
    assert!(results.len() >= 5, "{} entries", results.len());
    for result in results {
        let e = result.unwrap_or_else(|err| panic!("cannot evaluate: {err}"));
        assert!(e.model.is_finite(), "{}: {}", e.entry.id, e.model);
        assert_eq!(
            e.hit, e.entry.hit,
            "{}: model {}, published {}, tolerance {}",
            e.entry.id, e.model, e.entry.published, e.entry.tolerance
        );
    }
}
