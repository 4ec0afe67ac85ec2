//! The presentation layer: every chart draws known outputs in one unit, headline changes
//! carry units and the right sign, summaries name first and last years.

use mapsim::catalog::{self, REGIONS};
use mapsim::model::run;
use mapsim::present::{self, CHARTS};
use mapsim::scenario::Scenario;

#[test]
fn every_chart_draws_known_outputs_in_one_unit() {
    for chart in CHARTS {
        let unit = chart.unit;
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
    let cards = present::headlines(&outcome, last, region, false, false);
    assert_eq!(cards.len(), present::HEADLINES.len());
    let income = &cards[0];
    assert!(income.value.ends_with("USD a month"), "{}", income.value);
    assert!(
        income.change.contains("USD a month vs status quo"),
        "{}",
        income.change
    );
    let poverty = &cards[1];
    assert!(poverty.value.ends_with('%'), "{}", poverty.value);
    // Year 0: identical to the baseline.
    for card in present::headlines(&outcome, 0, region, false, false) {
        assert_eq!(card.change, "same as status quo", "{}", card.id);
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
    assert!(text.contains("baseline: "), "{text}");
}

/// The timeline of the phases: each phase in force with its years, what it can and cannot
/// make, its owners and unit cost; a phase scheduled after a higher one is skipped.
#[test]
fn the_phase_timeline_follows_the_start_years() {
    use mapsim::present::phases::timeline;
    let s = mapsim::scenario::Scenario::for_region(&mapsim::catalog::REGIONS[0]);
    let rows = timeline(&s);
    let numbers: Vec<u8> = rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, vec![1, 2, 3], "{rows:?}");
    assert_eq!(rows[0].from, 2030);
    assert_eq!(rows[0].to + 1, rows[1].from);
    assert_eq!(rows[2].to, 2075);
    assert!(
        rows[2].makes.starts_with("clothing and other goods 85 %"),
        "{}",
        rows[2].makes
    );
    assert_eq!(rows[2].cannot, "services");
    assert_eq!(rows[2].owners, "every adult, in equal shares");
    assert!((rows[2].unit_cost - 35.0).abs() < 1e-9);
    // Phase 2 after Phase 3: skipped; the ownership channel switched off.
    let mut s = s;
    for (k, v) in [
        ("phase2", "2070"),
        ("phase3", "2040"),
        ("commons_ownership", "equity"),
    ] {
        assert!(s.set_text(k, v).is_none());
    }
    let rows = timeline(&s);
    let numbers: Vec<u8> = rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, vec![1, 3]);
    assert_eq!(rows[1].owners, "like market shares, by wealth");
}

#[test]
fn the_better_direction_of_each_output_is_declared_with_it() {
    use mapsim::present::higher_is_better;
    assert_eq!(higher_is_better("median_income"), Some(true));
    assert_eq!(higher_is_better("labour_share"), Some(true));
    assert_eq!(higher_is_better("poverty_rate"), Some(false));
    assert_eq!(higher_is_better("wealth_top10"), Some(false));
    // A matter of judgement: neither colour.
    for id in ["inflation", "tax_rate", "capacity_use", "revenue_vat"] {
        assert_eq!(higher_is_better(id), None, "{id}");
    }
    assert_eq!(higher_is_better("no_such_output"), None);
    let declared = mapsim::catalog::OUTPUTS
        .iter()
        .filter(|o| o.better.is_some())
        .count();
    assert_eq!(declared, 23);
}
