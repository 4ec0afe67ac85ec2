//! The four costs of a Basic Income (issue 18, models/README.md §9): each checked against a
//! computation of its own from what the model's households and series hold, not from the
//! code that computes it.

use crate::support::scenario;
use mapsim::catalog::{output as o, REGIONS};
use mapsim::model::flows::{advance, State};
use mapsim::model::year::Solver;
use mapsim::model::{run, Economy};
use mapsim::scenario::Scenario;

/// The years the checks read: the first year of the reform and one a generation later.
const YEARS: [usize; 2] = [1, 25];

/// One year of the baseline's households: each group's taxable income and whether it is 65+.
type GroupsOfYear = (Vec<f64>, Vec<bool>);

/// The baseline's households, stepped year by year to `last`.
fn baseline_households(s: &Scenario, last: usize) -> (Economy, Vec<GroupsOfYear>) {
    let (economy, _) = Economy::calibrate(s).expect("calibrates");
    let base = economy.without_policy(&s.baseline());
    let mut state = State::initial(&base);
    let mut solver = Solver::default();
    let mut years = Vec::new();
    for t in 0..=last {
        let flows = solver.solve(&base, t, &state).expect("solves");
        advance(&mut state, &base, &flows, &solver.households);
        let h = &solver.households;
        years.push((h.taxable.clone(), h.elderly.clone()));
    }
    (base, years)
}

/// Widerquist's net cost is the static transfer to those who gain: with the Basic Income
/// unindexed, nothing replaced, and financed by a flat income tax rise under the debt rule,
/// each household gains its Basic Income less the rise times the taxable income it had in the
/// baseline, and the net cost is Σ max(0, that) over households.
#[test]
fn the_net_cost_is_the_sum_of_what_households_that_gain_receive_before_behaviour() {
    let (bi, child, pensioner, rise) = (800.0, 0.5, 1.0, 0.10);
    let s = scenario(
        &REGIONS[0],
        &[
            ("rule", "debt"),
            ("bi", "800"),
            ("bi_child", "50"),
            ("bi_pensioner", "100"),
            ("bi_index", "none"),
            ("replace_share", "0"),
            ("tax_change", "10"),
            ("p2p", "0"),
        ],
    );
    let outcome = run(&s).expect("runs");
    let (economy, years) = baseline_households(&s, YEARS[1]);
    let people = &economy.people;
    let n = economy.skill.len();
    for t in YEARS {
        let (taxable, elderly) = &years[t];
        let mut total = 0.0;
        for head in (0..n).filter(|&g| people.head[g] as usize == g) {
            let adults = usize::from(people.adults[head]).clamp(1, n - head);
            let children = if people.kind[head].with_children() {
                economy.children_per_household[t]
            } else {
                0.0
            };
            let per_adult = if elderly[head] { bi * pensioner } else { bi };
            let basic_income = 12.0 * (per_adult * adults as f64 + bi * child * children);
            let extra_tax: f64 = (head..head + adults).map(|g| rise * taxable[g]).sum();
            total += (basic_income - extra_tax).max(0.0);
        }
        let gdp = outcome.scenario.get(o::GDP)[t];
        let expected = 100.0 * total / n as f64 / gdp;
        let net = outcome.scenario.get(o::BI_NET_COST)[t];
        assert!(
            (net - expected).abs() <= 1e-9 * expected,
            "year {t}: {net} vs {expected} % of GDP"
        );
        // Some households pay in more than they receive: the net cost is below the gross.
        let gross = outcome.scenario.get(o::BI_GROSS_COST)[t];
        assert!(net > 0.1 * gross && net < 0.9 * gross, "{net} of {gross}");
    }
}

/// A Basic Income paid for by debt, with nothing replaced, is a gain to every household: its
/// net cost is its gross cost.
#[test]
fn an_unfinanced_basic_income_costs_its_gross_net() {
    let s = scenario(
        &REGIONS[0],
        &[("rule", "debt"), ("bi", "600"), ("replace_share", "0")],
    );
    let outcome = run(&s).expect("runs");
    for t in YEARS {
        let (net, gross) = (
            outcome.scenario.get(o::BI_NET_COST)[t],
            outcome.scenario.get(o::BI_GROSS_COST)[t],
        );
        assert!((net - gross).abs() <= 1e-9 * gross, "{net} vs {gross}");
    }
}

/// With no response of hours to the Basic Income, the budget cost is what is paid out less the
/// consumption tax on what households spend of it, at the baseline's rate and their own
/// propensities to consume.
#[test]
fn without_a_response_of_hours_the_budget_cost_is_the_payout_less_the_tax_on_its_spending() {
    let s = scenario(
        &REGIONS[0],
        &[
            ("bi", "700"),
            ("bi_index", "none"),
            ("replace_share", "0"),
            ("hours_response", "0"),
            ("automation_tax", "10"),
        ],
    );
    let outcome = run(&s).expect("runs");
    let (economy, _) = baseline_households(&s, YEARS[1]);
    let people = &economy.people;
    let n = economy.skill.len();
    let bi = 12.0 * 700.0;
    for t in YEARS {
        let vat = economy.vat[t];
        let kept_in_tax = vat / (1.0 + vat);
        let mut total = 0.0;
        for g in 0..n {
            let head = people.head[g] as usize;
            let adults = usize::from(people.adults[head]).clamp(1, n - head) as f64;
            let children = if people.kind[head].with_children() {
                economy.children_per_household[t]
            } else {
                0.0
            };
            // The group's own amount (people 65+ receive the adult amount by default) and its
            // share of its household's children's.
            let paid = bi + 0.5 * bi * children / adults;
            total += paid * (1.0 - kept_in_tax * economy.mpc[g]);
        }
        let gdp = outcome.scenario.get(o::GDP)[t];
        let expected = 100.0 * total / n as f64 / gdp;
        let budget = outcome.scenario.get(o::BI_BUDGET_COST)[t];
        assert!(
            (budget - expected).abs() <= 1e-9 * expected,
            "year {t}: {budget} vs {expected} % of GDP"
        );
    }
    // People who work fewer hours pay less tax: the stronger the response, the dearer.
    let budget_at = |response: &str| {
        let s = scenario(&REGIONS[0], &[("bi", "700"), ("hours_response", response)]);
        run(&s).expect("runs").scenario.get(o::BI_BUDGET_COST)[1]
    };
    assert!(budget_at("6") > budget_at("3") && budget_at("3") > budget_at("0"));
}

/// The dynamic cost is the fall of the primary balance with every feedback: under the debt
/// rule, with no tax changed, the scenario's primary deficit less the baseline's, both in
/// money, over the scenario's GDP (from the published series alone).
#[test]
fn the_dynamic_cost_is_the_change_in_the_primary_deficit_when_no_tax_changes() {
    let s = scenario(&REGIONS[0], &[("rule", "debt"), ("bi", "500")]);
    let outcome = run(&s).expect("runs");
    let primary = |side: &mapsim::model::Path, t: usize| {
        let gdp = side.get(o::GDP)[t];
        (side.get(o::DEFICIT_GDP)[t] - side.get(o::SPENDING_INTEREST)[t]) * gdp / 100.0
    };
    for t in [1, 10, 40] {
        let gdp = outcome.scenario.get(o::GDP)[t];
        let expected =
            100.0 * (primary(&outcome.scenario, t) - primary(&outcome.baseline, t)) / gdp;
        let dynamic = outcome.scenario.get(o::BI_DYNAMIC_COST)[t];
        assert!(
            (dynamic - expected).abs() < 1e-9 * expected.abs().max(1.0),
            "year {t}: {dynamic} vs {expected}"
        );
    }
}

/// Today's policies cost nothing, in every year and all four ways.
#[test]
fn the_status_quo_costs_nothing() {
    for region in REGIONS.iter() {
        let s = Scenario::for_region(region).baseline();
        let outcome = run(&s).expect("runs");
        for id in [
            o::BI_GROSS_COST,
            o::BI_NET_COST,
            o::BI_BUDGET_COST,
            o::BI_DYNAMIC_COST,
        ] {
            assert!(
                outcome.scenario.get(id).iter().all(|c| *c == 0.0),
                "{}: {id}",
                region.id
            );
        }
    }
}
