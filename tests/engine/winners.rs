//! Who gains and who pays (issue 19): winners and losers by decile and group, checked against
//! the series the recorder computes on its own.

use crate::support::scenario;
use mapsim::catalog::{output as o, REGIONS};
use mapsim::model::run;
use mapsim::present::winners::winners;
use mapsim::scenario::Scenario;

/// Today's policies against themselves: nobody gains or loses anything.
#[test]
fn under_the_status_quo_nobody_gains_or_pays() {
    let s = Scenario::for_region(&REGIONS[1]).baseline();
    let outcome = run(&s).expect("runs");
    let w = winners(&outcome, 20).expect("household detail");
    assert!(w.deciles.iter().all(|d| d.money == 0.0 && d.real == 0.0));
    assert_eq!(w.all.better, [0.0, 0.0]);
    assert_eq!(w.all.worse, [0.0, 0.0]);
}

/// The deciles hold everyone once: their people-weighted real changes add up to the change of
/// mean real income the series report, and each holds about a tenth of the people.
#[test]
fn the_deciles_add_up_to_the_change_in_mean_income() {
    for region in REGIONS.iter() {
        let s = Scenario::for_region(region);
        let outcome = run(&s).expect("runs");
        for t in [1, 15, 40] {
            let w = winners(&outcome, t).expect("household detail");
            let people: f64 = w.deciles.iter().map(|d| d.people).sum();
            let change: f64 = w.deciles.iter().map(|d| d.people * d.real).sum::<f64>() / people;
            let (mean_s, mean_b) = outcome.at(o::MEAN_INCOME, t);
            let expected = mean_s - mean_b;
            assert!(
                (change - expected).abs() <= 1e-9 * mean_b.abs(),
                "{} {t}: {change} vs {expected}",
                region.id
            );
            for d in &w.deciles {
                assert!(
                    (d.people / people - 0.1).abs() < 0.01,
                    "{}: a decile of {} of {people}",
                    region.id,
                    d.people
                );
            }
            // Shares are shares, and the breakdowns average to everyone's.
            for s in std::iter::once(&w.all)
                .chain(&w.by_person)
                .chain(&w.by_household)
            {
                for k in 0..2 {
                    assert!((0.0..=100.0 + 1e-9).contains(&(s.better[k] + s.worse[k])));
                }
                assert!(s.better[1] <= s.better[0] && s.worse[1] <= s.worse[0]);
            }
        }
    }
}

/// Paid for by borrowing and replacing nothing, a Basic Income leaves nobody worse off in its
/// first year, and the poorest gain the most as a share of their income.
#[test]
fn an_unfinanced_basic_income_has_no_losers_and_helps_the_poorest_most() {
    let s = scenario(
        &REGIONS[0],
        &[
            ("rule", "debt"),
            ("bi", "500"),
            ("replace_share", "0"),
            ("p2p", "0"),
        ],
    );
    let outcome = run(&s).expect("runs");
    let w = winners(&outcome, 1).expect("household detail");
    assert_eq!(w.all.worse, [0.0, 0.0], "{:?}", w.all);
    assert!(w.all.better[0] > 90.0, "{:?}", w.all);
    let pct: Vec<f64> = w.deciles.iter().map(|d| d.money_pct).collect();
    assert!(pct.windows(2).all(|p| p[0] >= p[1]), "{pct:?}");
}
