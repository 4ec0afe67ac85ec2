//! Model v2, part 3: the channel through which peer production spreads ownership is explicit.
//! Commons shares owned equally (co-operatives, personal fabricators, surplus reinvested
//! under equal ownership) show up in household wealth; switched off (`commons_ownership` =
//! equity), the same commons is owned like market equity and the wealth shares
//! barely move.

use mapsim::catalog::{output as o, REGIONS};
use mapsim::model::run;
use mapsim::scenario::Scenario;

fn at(region: &'static mapsim::catalog::RegionSpec, ownership: &str) -> (f64, f64, f64) {
    let mut s = Scenario::for_region(region);
    for (k, v) in [
        ("p2p", "90"),
        ("phase1", "2028"),
        ("phase2", "2035"),
        ("phase3", "2045"),
        ("commons_ownership", ownership),
    ] {
        assert!(s.set_text(k, v).is_none(), "{k}={v}");
    }
    let out = run(&s).expect("runs");
    let series = &out.scenario.series;
    let end = series.ncols() - 1;
    (
        series[[o::WEALTH_TOP10, end]],
        series[[o::WEALTH_GINI, end]],
        series[[o::COMMONS_WEALTH_SHARE, end]],
    )
}

#[test]
fn equal_ownership_of_a_growing_commons_lowers_the_top_share_and_the_wealth_gini() {
    for region in REGIONS.iter() {
        let (top_equal, gini_equal, commons_equal) = at(region, "phases");
        let (top_market, gini_market, commons_market) = at(region, "equity");
        assert!(
            commons_equal > 0.1,
            "{}: commons share {commons_equal}",
            region.id
        );
        assert!(commons_market > 0.0, "{}", region.id);
        assert!(
            top_equal < top_market - 0.05,
            "{}: top 10 % {top_equal} with equal ownership, {top_market} without",
            region.id
        );
        assert!(
            gini_equal < gini_market - 0.0005,
            "{}: wealth Gini {gini_equal} with equal ownership, {gini_market} without",
            region.id
        );
    }
}
