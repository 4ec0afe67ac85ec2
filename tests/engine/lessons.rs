//! Lessons: every step applies within the parameter ranges of its region and runs; a
//! malformed lesson file gets an error naming the file and the line.

use super::source;

use mapsim::catalog::{LESSONS, REGIONS};
use mapsim::model::run;
use mapsim::present;
use mapsim::scenario::Scenario;

const PARAMS_TOML: &str = include_str!("../../models/parameters.toml");
const AUTOMATION: &str = include_str!("../../models/lessons/automation.toml");

#[test]
fn every_lesson_step_fits_the_ranges_and_runs() {
    assert!(LESSONS.len() >= 4);
    for lesson in LESSONS {
        assert!(
            !lesson.goals.is_empty() && !lesson.sources.is_empty(),
            "{}",
            lesson.id
        );
        for (n, step) in lesson.steps.iter().enumerate() {
            let (scenario, notices) = Scenario::for_region(&REGIONS[0]).from_preset(&step.scenario);
            assert!(
                notices.is_empty(),
                "{} step {}: {notices:?}",
                lesson.id,
                n + 1
            );
            assert!(
                present::view(step.chart).is_some(),
                "{} step {}",
                lesson.id,
                n + 1
            );
            run(&scenario).unwrap_or_else(|e| panic!("{} step {}: {e}", lesson.id, n + 1));
        }
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle")
        + 1
}

#[test]
fn a_malformed_lesson_names_the_file_and_the_line() {
    let params = source::parameters("p", PARAMS_TOML).expect("parameters");
    let views: Vec<&str> = mapsim::present::views().collect();
    let file = "models/lessons/automation.toml";
    source::lesson(file, AUTOMATION, &params, &views).expect("the shipped lesson is valid");

    // A syntax error: a string without quotes.
    let bad = AUTOMATION.replacen("chart = \"work\"", "chart = work", 1);
    let e = source::lesson(file, &bad, &params, &views).expect_err("rejected");
    let line = line_of(&bad, "chart = work");
    assert!(e.starts_with(&format!("{file}: line {line}:")), "{e}");

    // A value outside the parameter's range, in step 3.
    let bad = AUTOMATION.replacen(
        "automation = \"1.0\", bi = \"0\"",
        "automation = \"99\", bi = \"0\"",
        1,
    );
    let e = source::lesson(file, &bad, &params, &views).expect_err("rejected");
    let line = line_of(&bad, "automation = \"99\"");
    assert!(
        e.starts_with(&format!("{file}: line {line}: step 3.automation")),
        "{e}"
    );

    // An unknown chart.
    let bad = AUTOMATION.replacen("chart = \"poverty\"", "chart = \"povrety\"", 1);
    let e = source::lesson(file, &bad, &params, &views).expect_err("rejected");
    assert!(e.contains("step 5.chart") && e.contains("povrety"), "{e}");
}
