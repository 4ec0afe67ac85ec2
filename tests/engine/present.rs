//! The presentation layer: every chart draws known outputs in one unit, headline changes
//! carry units and the right sign, summaries name first and last years.

use mapsim::catalog::{self, REGIONS};
use mapsim::model::run;
use mapsim::present::{self, CHARTS};
use mapsim::scenario::Scenario;

#[test]
fn every_chart_draws_known_outputs_in_one_unit() {
    for chart in CHARTS {
        let unit = present::chart_unit(chart);
        for id in chart.outputs {
            let (_, o) = catalog::output(id).unwrap_or_else(|| panic!("{}: {id}", chart.id));
            let same = o.unit == unit
                || (chart.id == "p2p"
                    && matches!(o.unit, catalog::Unit::Index | catalog::Unit::Percent));
            assert!(same, "chart {} mixes units ({id})", chart.id);
        }
    }
}

#[test]
fn headlines_show_value_and_change_with_units() {
    let region = &REGIONS[0];
    let outcome = run(&Scenario::for_region(region)).expect("runs");
    let last = outcome.years.len() - 1;
    let cards = present::headlines(&outcome, last, region, false);
    assert_eq!(cards.len(), present::HEADLINES.len());
    let income = &cards[0];
    assert!(income.value.ends_with("USD a month"), "{}", income.value);
    assert!(
        income.change.contains("USD a month vs no policy"),
        "{}",
        income.change
    );
    let poverty = &cards[1];
    assert!(poverty.value.ends_with('%'), "{}", poverty.value);
    // Year 0: identical to the baseline.
    for card in present::headlines(&outcome, 0, region, false) {
        assert_eq!(card.change, "same as without policy", "{}", card.id);
        assert_eq!(card.good, None);
    }
}

#[test]
fn summaries_name_the_years_and_the_baseline() {
    let region = &REGIONS[2];
    let outcome = run(&Scenario::for_region(region)).expect("runs");
    let text = present::summary(&CHARTS[0], &outcome, region);
    assert!(
        text.contains("2025") && text.contains("2075") && text.contains("EUR a month"),
        "{text}"
    );
    assert!(text.contains("without policy"), "{text}");
}
