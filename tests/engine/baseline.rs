//! The status-quo baseline (issue 18, part 1): every chart compares a scenario with today's
//! policies in the same world. The baseline holds every policy at its status quo and shares
//! every assumption, so no policy can move it, and a scenario at today's policies is its own
//! baseline.

use mapsim::catalog::{output as o, Role, PARAMS, REGIONS};
use mapsim::model::run;
use mapsim::scenario::Scenario;

/// The policies the issue names, which must be marked as such in `models/parameters.toml`.
const NAMED_POLICIES: &[&str] = &[
    "bi",
    "bi_child",
    "bi_pensioner",
    "tax_change",
    "automation_tax",
    "wealth_tax",
    "vat",
    "replace_share",
    "p2p",
    "phase0",
    "phase1",
    "phase2",
    "phase3",
];

#[test]
fn the_named_levers_are_policies_and_the_world_is_shared() {
    for id in NAMED_POLICIES {
        let (_, spec) = mapsim::catalog::param(id).expect(id);
        assert_eq!(spec.role, Role::Policy, "{id}");
    }
    for id in [
        "rule",
        "automation",
        "reinstatement",
        "tfp_growth",
        "diffusion",
    ] {
        let (_, spec) = mapsim::catalog::param(id).expect(id);
        assert_eq!(spec.role, Role::Assumption, "{id}");
    }
    for id in ["horizon", "households"] {
        let (_, spec) = mapsim::catalog::param(id).expect(id);
        assert_eq!(spec.role, Role::Setting, "{id}");
    }
}

/// A value of `index` away from its status quo in `region`, within the range.
fn moved(index: usize, scenario: &Scenario) -> f64 {
    let spec = &PARAMS[index];
    let region = scenario.region();
    let range = spec.range(region);
    let today = spec.status_quo(region).expect("a policy");
    if spec.kind == mapsim::catalog::ParamKind::YearOrOff && today == 0.0 {
        return range.min.max(2030.0);
    }
    let candidate = range.min + 0.15 * (range.max - range.min);
    let candidate = (candidate / range.step).round() * range.step;
    if (candidate - today).abs() > 1e-9 {
        candidate
    } else {
        range.max
    }
}

#[test]
fn no_policy_moves_the_baseline() {
    for region in [&REGIONS[0], &REGIONS[2]] {
        let mut start = Scenario::for_region(region);
        // Fewer groups keep the test quick; the property holds at any number.
        assert!(start.set_text("households", "200").is_none());
        assert!(start.set_text("horizon", "30").is_none());
        let reference = run(&start).expect("runs").baseline.series.clone();
        let mut all = start.clone();
        let policies: Vec<usize> = (0..PARAMS.len())
            .filter(|&i| PARAMS[i].role == Role::Policy)
            .collect();
        for &i in &policies {
            let mut one = start.clone();
            let value = moved(i, &one);
            assert!(one.set(i, value).is_none(), "{}", PARAMS[i].id);
            assert_ne!(
                one.get(i),
                start.baseline().get(i),
                "{} moved",
                PARAMS[i].id
            );
            let out = match run(&one) {
                Ok(out) => out,
                Err(e) => panic!("{} = {value}: {e}", PARAMS[i].id),
            };
            assert!(
                out.baseline.series == reference,
                "{} in {}: the baseline moved",
                PARAMS[i].id,
                region.id
            );
            all.set(i, value);
        }
        let out = run(&all).expect("all policies moved at once runs");
        assert!(
            out.baseline.series == reference,
            "all policies in {}",
            region.id
        );
    }
}

#[test]
fn a_scenario_at_todays_policies_is_its_own_baseline() {
    for region in REGIONS.iter() {
        let mut s = Scenario::for_region(region).baseline();
        assert!(s.set_text("households", "200").is_none());
        assert!(s.set_text("horizon", "25").is_none());
        // An assumption moved moves both runs alike.
        assert!(s.set_text("automation", "1.2").is_none());
        let out = run(&s).expect("runs");
        assert!(out.scenario.series == out.baseline.series, "{}", region.id);
    }
}

#[test]
fn your_own_baseline_holds_its_policies_and_shares_the_world() {
    let mut s = Scenario::for_region(&REGIONS[0]);
    assert!(s.set_text("households", "200").is_none());
    assert!(s.set_text("horizon", "25").is_none());
    assert!(s.set_text("bi", "600").is_none());
    assert!(s.set_text("automation_tax", "10").is_none());
    s.use_as_baseline();
    assert!(s.has_custom_baseline());
    let same = run(&s).expect("runs");
    assert!(same.scenario.series == same.baseline.series);
    // A policy moves the scenario only.
    let mut more = s.clone();
    assert!(more.set_text("bi", "900").is_none());
    let out = run(&more).expect("runs");
    assert!(out.baseline.series == same.baseline.series);
    assert!(out.scenario.series != same.scenario.series);
    // An assumption moves both.
    let mut world = s.clone();
    assert!(world.set_text("automation", "1.1").is_none());
    let out = run(&world).expect("runs");
    assert!(out.baseline.series != same.baseline.series);
    assert!(out.scenario.series == out.baseline.series);
    // Links carry it, and a baseline equal to today's is no custom baseline.
    let text = mapsim::scenario::query::encode(&more);
    assert!(
        text.contains("b.bi=600") && text.contains("b.automation_tax=10"),
        "{text}"
    );
    let (back, notices) = mapsim::scenario::query::decode(&text);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, more);
    let mut today = Scenario::for_region(&REGIONS[0]).baseline();
    today.use_as_baseline();
    assert!(!today.has_custom_baseline());
    // What the baseline cannot hold is told.
    let (s, notices) = mapsim::scenario::query::decode("?v=5&b.automation=2&b.nonsense=1&b.bi=-5");
    assert!(
        notices.iter().any(|n| n.key == "b.automation"),
        "{notices:?}"
    );
    assert!(notices.iter().any(|n| n.key == "b.nonsense"), "{notices:?}");
    assert!(
        notices
            .iter()
            .any(|n| n.key == "b.bi" && n.message.starts_with("Baseline:")),
        "{notices:?}"
    );
    assert!(
        !s.has_custom_baseline(),
        "b.bi=-5 is clamped to 0, today's value"
    );
}

/// Links made before the status-quo baseline keep their comparison: the taxes they set become
/// their own baseline, so the dashed line is exactly what it was (no Basic Income, no P2P,
/// the link's taxes).
#[test]
fn older_links_that_changed_a_tax_keep_their_comparison() {
    let (s, notices) = mapsim::scenario::query::decode(
        "?v=4&region=fi&bi=700&automation_tax=20&horizon=25&households=200",
    );
    assert!(
        notices.iter().any(|n| n.key == "automation_tax"),
        "{notices:?}"
    );
    assert!(s.has_custom_baseline());
    let out = run(&s).expect("runs");
    let mut old = s.clone();
    old.clear_baseline();
    assert!(old.set_text("bi", "0").is_none());
    assert!(old.set_text("p2p", "0").is_none());
    let mut old_comparison = run(&old).expect("runs").scenario.series;
    // A baseline costs nothing against itself; the old comparison, run as a scenario, has
    // the costs of its taxes against the status quo.
    for cost in [o::BI_NET_COST, o::BI_BUDGET_COST, o::BI_DYNAMIC_COST] {
        assert!(out.baseline.get(cost).iter().all(|c| *c == 0.0));
        old_comparison.row_mut(cost).fill(0.0);
    }
    assert!(out.baseline.series == old_comparison);
}
