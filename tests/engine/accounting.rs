//! Stock-flow consistency: every row and column of the transactions-flow matrix sums to
//! zero, balance sheets balance, and stocks move by their flows, every year, within 1e-9 of
//! GDP — for the default scenario of every region and for random scenarios.

use super::support::{random_scenario, Rng};
use mapsim::catalog::{output as o, REGIONS};
use mapsim::model::{run, ModelError, Outcome};
use mapsim::scenario::Scenario;

/// Relative tolerance (of GDP) on every accounting identity.
const TOL: f64 = 1e-9;

fn assert_books_balance(outcome: &Outcome, label: &str) {
    for path in [&outcome.scenario, &outcome.baseline] {
        for (t, accounts) in path.accounts.iter().enumerate() {
            let gdp = path.series[[o::GDP, t]].abs().max(1e-12);
            let worst = accounts.largest_imbalance();
            assert!(
                worst.sum.abs() <= TOL * gdp,
                "{label}, year {}: {} sums to {:e} (GDP {gdp:e})",
                outcome.years[t],
                worst.place,
                worst.sum
            );
            // Σ net worth = real capital (market + commons).
            let stocks = &accounts.stocks;
            let capital = stocks[[0, 2]] + stocks[[1, 4]];
            let worth: f64 = (0..stocks.ncols()).map(|c| -stocks[[6, c]]).sum();
            assert!(
                (worth - capital).abs() <= TOL * gdp,
                "{label}, year {}: net worth {worth} vs capital {capital}",
                outcome.years[t]
            );
            // Government net worth = −debt.
            assert!(
                (stocks[[6, 5]] - stocks[[4, 0]]).abs() <= TOL * gdp,
                "{label}: government net worth is not minus its debt"
            );
        }
        // Stocks move by their flows: ΔD = deficit, ΔK = I − δK (via the capital rows),
        // ΔNFA = current account.
        for t in 1..path.accounts.len() {
            let gdp = path.series[[o::GDP, t]].abs().max(1e-12);
            let (prev, now) = (&path.accounts[t - 1], &path.accounts[t]);
            let debt_change = now.stocks[[4, 0]] - prev.stocks[[4, 0]];
            let deficit = now.flows[[26, 5]];
            assert!(
                (debt_change - deficit).abs() <= TOL * gdp,
                "{label}, year {}: Δdebt {debt_change} vs deficit {deficit}",
                outcome.years[t]
            );
            let k_change = now.stocks[[0, 2]] - prev.stocks[[0, 2]];
            let net_investment = -now.flows[[4, 2]] - now.flows[[11, 2]];
            assert!(
                (k_change - net_investment).abs() <= TOL * gdp,
                "{label}, year {}: ΔK {k_change} vs I − δK {net_investment}",
                outcome.years[t]
            );
            let foreign_change = now.stocks[[5, 0]] - prev.stocks[[5, 0]];
            let current_account = now.flows[[27, 6]];
            assert!(
                (foreign_change - current_account).abs() <= TOL * gdp,
                "{label}, year {}: ΔNFA {foreign_change} vs current account {current_account}",
                outcome.years[t]
            );
            let held = |a: &mapsim::model::accounts::Accounts| -> f64 {
                (2..6).map(|r| a.stocks[[r, 0]]).sum()
            };
            let wealth_change = held(now) - held(prev);
            let saving = -(24..28).map(|r| now.flows[[r, 0]]).sum::<f64>();
            assert!(
                (wealth_change - saving).abs() <= TOL * gdp,
                "{label}, year {}: Σ Δa {wealth_change} vs household saving {saving}",
                outcome.years[t]
            );
        }
    }
}

#[test]
fn default_scenarios_are_stock_flow_consistent() {
    for region in REGIONS.iter() {
        let outcome = run(&Scenario::for_region(region)).expect("default runs");
        assert_books_balance(&outcome, region.id);
    }
}

#[test]
fn random_scenarios_are_stock_flow_consistent() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut solved = 0;
    for k in 0..60 {
        let s = random_scenario(&mut rng);
        match run(&s) {
            Ok(outcome) => {
                solved += 1;
                let link = mapsim::scenario::query::encode(&s);
                assert_books_balance(&outcome, &format!("random #{k} ({link})"));
            }
            Err(ModelError::Infeasible { .. } | ModelError::Unsustainable { .. }) => {}
            Err(e) => panic!("random #{k}: {e}"),
        }
    }
    assert!(
        solved >= 30,
        "only {solved} of 60 random scenarios were feasible"
    );
}

#[test]
fn wealth_never_goes_below_zero() {
    let mut rng = Rng(42);
    for _ in 0..30 {
        let s = random_scenario(&mut rng);
        if let Ok(outcome) = run(&s) {
            for a in &outcome.scenario.accounts {
                assert!(a.stocks[[2, 0]] + a.stocks[[4, 0]] + a.stocks[[5, 0]] >= -1e-9);
            }
        }
    }
}
