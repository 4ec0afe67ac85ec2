//! The Basic Income's design (issue 18): what it is indexed to.

use mapsim::catalog::{output as o, REGIONS};
use mapsim::model::run;
use mapsim::scenario::Scenario;

fn us(settings: &[(&str, &str)]) -> mapsim::model::Outcome {
    let mut s = Scenario::for_region(&REGIONS[0]);
    for (k, v) in settings {
        assert!(s.set_text(k, v).is_none(), "{k}");
    }
    run(&s).expect("runs")
}

/// A fixed Basic Income shrinks against incomes as the economy grows; indexed to output per
/// adult it keeps its weight; indexed to prices it keeps what it buys, which is a fixed amount
/// when prices do not move (no peer production, consumption tax unchanged).
#[test]
fn indexation_decides_whether_the_basic_income_keeps_up() {
    let cost = |index: &str| {
        let out = us(&[("bi_index", index), ("p2p", "0")]);
        let c = out.scenario.get(o::BI_GROSS_COST);
        (c[1], c[50])
    };
    let (none_start, none_end) = cost("none");
    let (gdp_start, gdp_end) = cost("gdp");
    let (wages_start, wages_end) = cost("wages");
    assert!(
        none_end < 0.85 * none_start,
        "fixed: {none_start} → {none_end} % of GDP"
    );
    assert!(
        (gdp_end / gdp_start - 1.0).abs() < 0.15,
        "gdp: {gdp_start} → {gdp_end}"
    );
    assert!(wages_end > none_end, "wages: {wages_start} → {wages_end}");
    let fixed = us(&[("bi_index", "none"), ("p2p", "0")]);
    let prices = us(&[("bi_index", "prices"), ("p2p", "0")]);
    assert!(fixed.scenario.series == prices.scenario.series);
    // With peer production making goods cheaper, a price-indexed Basic Income falls in money
    // and keeps what it buys.
    let fixed = us(&[("bi_index", "none")]);
    let prices = us(&[("bi_index", "prices")]);
    let (f, p) = (
        fixed.scenario.get(o::BI_GROSS_COST)[50],
        prices.scenario.get(o::BI_GROSS_COST)[50],
    );
    assert!(p < f, "prices {p} vs fixed {f}");
}
