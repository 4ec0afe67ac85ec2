//! The baseline is the scenario at today's policies; same input, same bits.

use super::support::scenario;
use mapsim::catalog::{OUTPUTS, REGIONS};
use mapsim::model::run;

#[test]
fn no_policy_scenario_equals_the_baseline_exactly() {
    for region in REGIONS.iter() {
        let s = scenario(region, &[("bi", "0"), ("p2p", "0")]);
        let outcome = run(&s).expect("runs");
        for (i, out) in OUTPUTS.iter().enumerate() {
            let (a, b) = (outcome.scenario.get(i), outcome.baseline.get(i));
            assert_eq!(
                a, b,
                "{}: output {} differs from the baseline",
                region.id, out.id
            );
        }
    }
}

#[test]
fn the_same_scenario_twice_is_bit_identical() {
    for region in REGIONS.iter() {
        let s = scenario(region, &[]);
        let (a, b) = (run(&s).expect("runs"), run(&s).expect("runs"));
        assert_eq!(a, b, "{}", region.id);
    }
}

#[test]
fn year_zero_is_the_same_in_scenario_and_baseline() {
    let s = scenario(&REGIONS[0], &[("bi", "2000"), ("p2p", "80"), ("vat", "20")]);
    let outcome = run(&s).expect("runs");
    for (i, spec) in OUTPUTS.iter().enumerate() {
        assert_eq!(
            outcome.scenario.get(i)[0],
            outcome.baseline.get(i)[0],
            "{}",
            spec.id
        );
    }
}

#[test]
fn solver_stays_within_its_pass_budget() {
    for region in REGIONS.iter() {
        let outcome = run(&scenario(region, &[])).expect("runs");
        let worst = outcome.scenario.passes.iter().max().copied().unwrap_or(0);
        assert!(
            worst <= mapsim::model::year::MAX_PASSES,
            "{}: {worst} passes",
            region.id
        );
    }
}

#[test]
fn the_baseline_cache_gives_bit_identical_outcomes() {
    use mapsim::model::{run_cached, BaselineCache};
    let region = &REGIONS[1];
    let mut cache: Option<BaselineCache> = None;
    let a = scenario(region, &[("bi", "300")]);
    assert_eq!(
        run_cached(&a, &mut cache).expect("runs"),
        run(&a).expect("runs")
    );
    assert!(cache.is_some());
    // Only the policy levers move: the cached baseline is reused.
    let b = scenario(region, &[("bi", "450"), ("p2p", "60")]);
    assert_eq!(
        run_cached(&b, &mut cache).expect("runs"),
        run(&b).expect("runs")
    );
    // Anything else moves: the cache is refilled.
    let c = scenario(region, &[("bi", "450"), ("automation", "1.2")]);
    assert_eq!(
        run_cached(&c, &mut cache).expect("runs"),
        run(&c).expect("runs")
    );
    let d = scenario(
        region,
        &[("bi", "200"), ("automation", "1.2"), ("rule", "debt")],
    );
    assert_eq!(
        run_cached(&d, &mut cache).expect("runs"),
        run(&d).expect("runs")
    );
}

#[test]
fn run_series_gives_the_series_of_run_bit_for_bit() {
    use mapsim::model::run_series;
    let cases: [&[(&str, &str)]; 4] = [
        &[],
        &[("bi", "@half_poverty"), ("p2p", "60")],
        &[("bi", "1200"), ("automation", "1.4"), ("rule", "debt")],
        &[
            ("bi", "300"),
            ("vat", "25"),
            ("wealth_tax", "1"),
            ("phase0", "off"),
        ],
    ];
    for region in REGIONS.iter() {
        for settings in cases {
            let s = scenario(region, settings);
            let outcome = run(&s).expect("runs");
            let (main, base) = run_series(&s).expect("runs");
            assert_eq!(main, outcome.scenario.series, "{} {settings:?}", region.id);
            assert_eq!(base, outcome.baseline.series, "{} {settings:?}", region.id);
        }
    }
}
