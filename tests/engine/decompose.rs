//! Stacked reforms (issue 18): each component's contribution is the difference of two real
//! runs, and in every order the last step is the whole reform, bit for bit.

use mapsim::catalog::{output as o, Role, PARAMS, REGIONS};
use mapsim::decompose::{decompose, order_of, COMPONENTS};
use mapsim::model::run;
use mapsim::scenario::Scenario;

#[test]
fn every_policy_belongs_to_exactly_one_component() {
    for spec in PARAMS.iter().filter(|p| p.role == Role::Policy) {
        let owners = COMPONENTS
            .iter()
            .filter(|c| c.policies.contains(&spec.id))
            .count();
        assert_eq!(owners, 1, "{}", spec.id);
    }
    for c in COMPONENTS {
        for id in c.policies {
            let (_, spec) = mapsim::catalog::param(id).expect(id);
            assert_eq!(spec.role, Role::Policy, "{id}");
        }
    }
}

/// Every permutation of the components.
fn orders(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![vec![]];
    }
    let mut all = Vec::new();
    for rest in orders(n - 1) {
        for at in 0..=rest.len() {
            let mut o = rest.clone();
            o.insert(at, n - 1);
            all.push(o);
        }
    }
    all
}

#[test]
fn in_every_order_the_last_step_is_the_whole_reform_and_the_first_the_baseline() {
    let mut s = Scenario::for_region(&REGIONS[0]);
    for (k, v) in [
        ("households", "200"),
        ("horizon", "30"),
        ("automation_tax", "20"),
        ("replace_share", "80"),
        ("p2p", "60"),
    ] {
        assert!(s.set_text(k, v).is_none(), "{k}");
    }
    let whole = run(&s).expect("runs");
    let all = orders(COMPONENTS.len());
    assert_eq!(all.len(), 24);
    for order in all {
        let stacked = decompose(&s, &order).expect("every order runs");
        assert!(stacked.steps[0] == whole.baseline.series, "{order:?}");
        assert!(
            *stacked.steps.last().expect("steps") == whole.scenario.series,
            "{order:?}"
        );
        // Contributions add up to the whole change.
        for output in [
            o::POVERTY_RATE,
            o::TAX_RATE,
            o::MEDIAN_INCOME,
            o::WEALTH_TOP10,
        ] {
            let (base, reform) = stacked.ends(output, 25);
            let sum: f64 = (0..order.len())
                .map(|k| stacked.contribution(k, output, 25))
                .sum();
            assert!((base + sum - reform).abs() <= 1e-9 * reform.abs().max(1.0));
        }
    }
}

#[test]
fn a_contribution_is_the_difference_of_two_model_runs() {
    let mut s = Scenario::for_region(&REGIONS[2]);
    for (k, v) in [
        ("households", "200"),
        ("horizon", "25"),
        ("wealth_tax", "1"),
    ] {
        assert!(s.set_text(k, v).is_none(), "{k}");
    }
    let order = order_of(&["financing", "bi", "replaced", "p2p"]).expect("an order");
    let stacked = decompose(&s, &order).expect("runs");
    // Financing alone: the baseline with the wealth tax.
    let mut financing = s.baseline();
    assert!(financing.set_text("wealth_tax", "1").is_none());
    let alone = run(&financing).expect("runs").scenario.series;
    assert!(stacked.steps[1] == alone);
    let t = 20;
    let expected = alone[[o::TAX_RATE, t]] - stacked.steps[0][[o::TAX_RATE, t]];
    assert_eq!(stacked.contribution(0, o::TAX_RATE, t), expected);
    assert!(
        expected < 0.0,
        "a wealth tax lowers the income tax the rule needs"
    );
    // A bad order is told.
    assert!(order_of(&["bi", "bi", "p2p", "replaced"]).is_err());
    assert!(order_of(&["bi", "p2p"]).is_err());
    assert!(order_of(&["bi", "financing", "replaced", "moon"]).is_err());
}

/// The app runs a stacked reform one model run at a time (so that no task outlasts a frame by
/// much): step by step it gives the same runs, bit for bit, in as many steps as there are
/// components that change anything, and no step more.
#[test]
fn run_one_step_at_a_time_a_stacked_reform_is_the_same() {
    let mut s = Scenario::for_region(&REGIONS[0]);
    for (k, v) in [
        ("horizon", "25"),
        ("automation_tax", "20"),
        ("replace_share", "0"),
    ] {
        assert!(s.set_text(k, v).is_none(), "{k}");
    }
    // Basic Income, financing and P2P support change; nothing is replaced.
    let order = order_of(&["replaced", "bi", "financing", "p2p"]).expect("an order");
    let whole = decompose(&s, &order).expect("runs");
    let mut stacker = mapsim::decompose::Stacker::new(&s, &order);
    let mut advances = 0;
    while !stacker.advance().expect("runs") {
        advances += 1;
        let (done, all) = stacker.progress();
        assert!(done < all, "{done} of {all}");
    }
    assert_eq!(
        advances + 1,
        3,
        "one advance per component that changes anything"
    );
    assert!(
        stacker.advance().expect("done"),
        "a finished stack stays finished"
    );
    let stepped = stacker.finish();
    assert_eq!(stepped.order, whole.order);
    assert!(stepped.steps == whole.steps);
}
