//! Performance marks around the work an input causes (the model run, each chart's drawing),
//! so the in-browser measurement can split slider-to-redraw time (tests/e2e/specs/
//! measure.spec.js reads the `mapsim:*` measures). Costs a few microseconds.

/// Runs `work` between two performance marks and records their distance as `name`.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
    out
}

/// The page's clock, in ms (0 where there is none).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
