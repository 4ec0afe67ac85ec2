//! `models/validation.toml`: every entry can be evaluated, and its recorded verdict (hit or
//! miss) still holds. A change that flips a verdict fails here and must be argued in the
//! commit that changes the file.

use mapsim::validation::evaluate_all;

#[test]
fn every_validation_entry_evaluates_and_keeps_its_verdict() {
    let mut report = String::new();
    let mut flipped = Vec::new();
    for result in evaluate_all() {
        let e = result.unwrap_or_else(|err| panic!("cannot evaluate: {err}"));
        assert!(e.model.is_finite(), "{}: {}", e.entry.id, e.model);
        report.push_str(&format!(
            "{}: model {:.3}, published {:.3}, distance {:+.3} (tolerance {}), {}\n",
            e.entry.id,
            e.model,
            e.entry.published,
            e.distance,
            e.entry.tolerance,
            if e.hit { "hit" } else { "miss" }
        ));
        if e.hit != e.entry.hit {
            flipped.push(e.entry.id);
        }
    }
    assert!(
        flipped.is_empty(),
        "verdicts flipped for {flipped:?}:\n{report}"
    );
    assert!(report.lines().count() >= 5, "{report}");
}
