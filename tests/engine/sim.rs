//! Godley & Lavoie's model SIM as a special case of the MAP engine (model.md §6).

use mapsim::catalog::output as o;
use mapsim::model::{simulate, Economy};

/// Tolerance on income against the reference path (values are O(100)).
const TOL: f64 = 1e-9;

fn reference() -> Vec<(usize, f64, f64)> {
    // models/reference/sim.csv: period,G,Y,T,YD,C,H
    let text = include_str!("../../models/reference/sim.csv");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let col = |name: &str| header.iter().position(|h| h.trim() == name).expect(name);
    let (period, y, h) = (col("period"), col("Y"), col("H"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                f[period].trim().parse().expect("period"),
                f[y].trim().parse().expect("Y"),
                f[h].trim().parse().expect("H"),
            )
        })
        .collect()
}

#[test]
fn sim_reproduces_the_reference_path() {
    let rows = reference();
    assert!(rows.len() >= 50, "reference has {} rows", rows.len());
    let path = simulate(&Economy::sim(rows.len(), 20.0, 0.2, 0.6, 0.4)).expect("SIM solves");
    let income = path.get(o::GDP);
    for (k, (period, y, _)) in rows.iter().enumerate() {
        assert_eq!(*period, k + 1);
        assert!(
            (income[k] - y).abs() <= TOL * y.abs().max(1.0),
            "period {period}: engine Y = {} but reference Y = {y}",
            income[k]
        );
    }
}

#[test]
fn sim_money_stock_matches_reference() {
    let rows = reference();
    let path = simulate(&Economy::sim(rows.len(), 20.0, 0.2, 0.6, 0.4)).expect("SIM solves");
    // Money = government debt held by the household: the balance sheet's bond row.
    for (k, (period, _, h)) in rows.iter().enumerate() {
        let money = path.accounts[k].stocks[[4, 0]];
        assert!(
            (money - h).abs() <= TOL * h.abs().max(1.0),
            "period {period}: engine H = {money} but reference H = {h}"
        );
    }
}

#[test]
fn sim_first_periods_and_steady_state() {
    let path = simulate(&Economy::sim(400, 20.0, 0.2, 0.6, 0.4)).expect("SIM solves");
    let y = path.get(o::GDP);
    assert_eq!(y[0], 0.0);
    assert!(
        (y[1] - 20.0 / (1.0 - 0.6 * 0.8)).abs() < 1e-12,
        "Y2 = {}",
        y[1]
    );
    assert!((y[2] - 47.928_994_082_840_24).abs() < 1e-9, "Y3 = {}", y[2]);
    // The gap to the steady state Y* = G/θ = 100 shrinks by 11/13 a period.
    for t in 2..40 {
        let ratio = (100.0 - y[t + 1]) / (100.0 - y[t]);
        assert!(
            (ratio - 11.0 / 13.0).abs() < 1e-9,
            "period {t}: ratio {ratio}"
        );
    }
    assert!((y[399] - 100.0).abs() < 1e-9, "Y* = {}", y[399]);
    // The solver's relative tolerance (1e-12 a period) accumulates in the money stock over
    // 400 periods: allow 1e-9 relative.
    let money = path.accounts[399].stocks[[4, 0]];
    assert!((money - 80.0).abs() < 80.0 * 1e-9, "H* = {money}");
}

#[test]
fn sim_entry_point_is_the_engine() {
    let demo = mapsim::model::sim::income_path(20.0, 60);
    let rows = reference();
    for (k, (_, y, _)) in rows.iter().enumerate().take(60) {
        assert!((demo[k] - y).abs() <= TOL * y.max(1.0));
    }
}
