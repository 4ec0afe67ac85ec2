//! `models/checks.toml`, for every region: invariants over the scenario sets, and the
//! directions of change an economist expects.

use super::support::scenario;
use mapsim::catalog::checks::{DIRECTIONS, INVARIANTS};
use mapsim::catalog::{self, ParamKind, OUTPUTS, PARAMS, REGIONS};
use mapsim::model::{run, ModelError, Outcome};
use mapsim::scenario::Scenario;

/// The scenarios of a named set in `region`, each with a label.
fn scenario_set(name: &str, region: &'static catalog::RegionSpec) -> Vec<(String, Scenario)> {
    let at = |pick: fn(&catalog::Range) -> f64, only: Option<usize>| {
        let mut s = Scenario::for_region(region);
        for (i, p) in PARAMS.iter().enumerate() {
            if only.is_some_and(|k| k != i) {
                continue;
            }
            let mut v = pick(&p.range(region));
            if p.kind == ParamKind::YearOrOff && v == 0.0 {
                v = p.min;
            }
            s.set(i, v);
        }
        s
    };
    let min = |r: &catalog::Range| r.min;
    let max = |r: &catalog::Range| r.max;
    match name {
        "default" => vec![("default".into(), Scenario::for_region(region))],
        "all_min" => vec![("all at min".into(), at(min, None))],
        "all_max" => vec![("all at max".into(), at(max, None))],
        "each_min" => (0..PARAMS.len())
            .map(|i| (format!("{} at min", PARAMS[i].id), at(min, Some(i))))
            .collect(),
        _ => (0..PARAMS.len())
            .map(|i| (format!("{} at max", PARAMS[i].id), at(max, Some(i))))
            .collect(),
    }
}

fn check_outputs(outcome: &Outcome, predicate: &str, outputs: &[&str], label: &str) {
    for (i, spec) in OUTPUTS.iter().enumerate() {
        if !outputs.contains(&"*") && !outputs.contains(&spec.id) {
            continue;
        }
        for path in [&outcome.scenario, &outcome.baseline] {
            for (t, v) in path.get(i).iter().enumerate() {
                let ok = match predicate {
                    "finite" => v.is_finite(),
                    _ => *v >= spec.bounds[0] && *v <= spec.bounds[1],
                };
                assert!(
                    ok,
                    "{label}: {} = {v} in {} fails '{predicate}' (bounds {:?})",
                    spec.id, outcome.years[t], spec.bounds
                );
            }
        }
    }
}

#[test]
fn invariants_hold_for_every_scenario_set_and_region() {
    let mut runs = 0;
    let mut infeasible = Vec::new();
    for region in REGIONS.iter() {
        for inv in INVARIANTS {
            for set in inv.sets {
                for (label, s) in scenario_set(set, region) {
                    let label = format!("{} / {} / {label}", inv.id, region.id);
                    match run(&s) {
                        Ok(outcome) => check_outputs(&outcome, inv.predicate, inv.outputs, &label),
                        Err(ModelError::Infeasible { .. } | ModelError::Unsustainable { .. }) => {
                            infeasible.push(label)
                        }
                        Err(e) => panic!("{label}: {e}"),
                    }
                    runs += 1;
                }
            }
        }
    }
    // A typed infeasible (or unsustainable) outcome is a legitimate answer away from the
    // defaults: a large Basic Income paid by the income tax meets the Laffer curve once hours
    // respond to marginal rates (models/README.md, "Known limits"). The default scenario of
    // every region must be feasible.
    for label in &infeasible {
        assert!(
            !label.ends_with("/ default"),
            "the default is infeasible: {label}"
        );
    }
    assert!(runs > 400, "{runs} runs");
}

#[test]
fn directions_of_change_hold_in_every_region() {
    for region in REGIONS.iter() {
        for d in DIRECTIONS {
            if !d.regions.is_empty() && !d.regions.contains(&region.id) {
                continue;
            }
            let base = scenario(region, d.base);
            let mut settings: Vec<(&str, &str)> = d.base.to_vec();
            settings.extend_from_slice(d.change);
            let changed = scenario(region, &settings);
            let (i, _) = catalog::output(d.output).expect("output exists");
            let value = |s: &Scenario| {
                let outcome = run(s).unwrap_or_else(|e| panic!("{} / {}: {e}", d.id, region.id));
                let t = d.years_after_base.unwrap_or(outcome.years.len() - 1);
                outcome.scenario.get(i)[t]
            };
            let (before, after) = (value(&base), value(&changed));
            let moved = if d.lower {
                before - after
            } else {
                after - before
            };
            assert!(
                moved > d.margin,
                "{} in {}: {} went from {before} to {after}, expected {} by more than {} ({})",
                d.id,
                region.id,
                d.output,
                if d.lower { "lower" } else { "higher" },
                d.margin,
                d.why
            );
        }
    }
}
