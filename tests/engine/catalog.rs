//! The data in `models/` is validated at build time; the same validation, run here on bad
//! text, must name the file and the key.

use super::source;

use mapsim::catalog::{self, PARAMS, REGIONS};

const PARAMS_TOML: &str = include_str!("../../models/parameters.toml");
const OUTPUTS_TOML: &str = include_str!("../../models/outputs.toml");
const PHASES_TOML: &str = include_str!("../../models/phases.toml");
const CHARTS_TOML: &str = include_str!("../../models/charts.toml");

fn outputs() -> Vec<source::Output> {
    source::outputs("o", OUTPUTS_TOML).expect("outputs.toml")
}

fn charts_error(bad: &str) -> String {
    error_of(source::charts("models/charts.toml", bad, &outputs()))
}

fn error_of<T: std::fmt::Debug>(r: Result<T, String>) -> String {
    r.expect_err("bad data must be rejected")
}

#[test]
fn shipped_files_are_valid() {
    source::parameters("p", PARAMS_TOML).expect("parameters.toml");
    source::outputs("o", OUTPUTS_TOML).expect("outputs.toml");
    source::phases("ph", PHASES_TOML).expect("phases.toml");
    source::charts("c", CHARTS_TOML, &outputs()).expect("charts.toml");
}

#[test]
fn the_generated_chart_tables_match_charts_toml() {
    use mapsim::present::{self, Tab};
    let file = source::charts("c", CHARTS_TOML, &outputs()).expect("charts.toml");
    let ids: Vec<&str> = present::views().collect();
    assert_eq!(ids, file.view_ids());
    let tabs: Vec<&str> = Tab::ALL.iter().map(|t| t.id()).collect();
    let declared: Vec<&str> = file.tab.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tabs, declared);
    assert_eq!(present::HEADLINES, &file.headlines[..]);
    // Under the debt rule the taxation chart and headline show debt instead.
    assert_eq!(present::tax_chart(false).outputs, ["tax_rate"]);
    assert_eq!(present::tax_chart(true).outputs, ["debt_gdp"]);
    assert_eq!(present::tax_chart(true).id, "tax");
}

#[test]
fn a_bad_chart_declaration_names_the_chart_and_the_key() {
    let bad = CHARTS_TOML.replacen(
        "outputs = [\"median_income\"]",
        "outputs = [\"median_incom\"]",
        1,
    );
    let e = charts_error(&bad);
    assert!(
        e.contains("chart 'income'.outputs") && e.contains("median_incom"),
        "{e}"
    );
    // An output in another unit than its chart's.
    let bad = CHARTS_TOML.replacen(
        "outputs = [\"median_income\"]",
        "outputs = [\"median_income\", \"poverty_rate\"]",
        1,
    );
    let e = charts_error(&bad);
    assert!(
        e.contains("chart 'income'.outputs") && e.contains("poverty_rate"),
        "{e}"
    );
    let bad = CHARTS_TOML.replacen("tab = \"overview\"", "tab = \"overveiw\"", 1);
    assert!(charts_error(&bad).contains("tab"), "unknown tab");
    let bad = CHARTS_TOML.replacen("id = \"poverty\"", "id = \"income\"", 1);
    assert!(charts_error(&bad).contains("income: id appears twice"));
    let bad = CHARTS_TOML.replacen("replaces = \"tax_rate\"", "replaces = \"poverty_rate\"", 1);
    assert!(charts_error(&bad).contains("debt_rule.replaces"));
    let bad = CHARTS_TOML.replacen("\"bi_net_cost\", ", "\"bi_net_cost\", \"gpd\", ", 1);
    assert!(charts_error(&bad).contains("headlines"));
}

#[test]
fn a_parameter_group_is_declared_before_use() {
    let bad = PARAMS_TOML.replacen("id = \"technology\"", "id = \"tech\"", 1);
    let e = error_of(source::parameters("models/parameters.toml", &bad));
    assert!(e.contains("group") && e.contains("technology"), "{e}");
}

#[test]
fn a_missing_key_names_file_and_key() {
    let bad = PARAMS_TOML.replacen("unit = \"pct_tasks_year\"\n", "", 1);
    let e = error_of(source::parameters("models/parameters.toml", &bad));
    assert!(e.starts_with("models/parameters.toml"), "{e}");
    assert!(e.contains("unit"), "{e}");
}

#[test]
fn a_default_outside_the_range_names_the_parameter() {
    let bad = PARAMS_TOML.replacen("default = 0.70", "default = 7.5", 1);
    let e = error_of(source::parameters("models/parameters.toml", &bad));
    assert!(e.contains("param 'automation'.default"), "{e}");
}

#[test]
fn an_unknown_unit_or_group_is_rejected() {
    let bad = OUTPUTS_TOML.replacen("unit = \"percent\"", "unit = \"percnt\"", 1);
    let e = error_of(source::outputs("models/outputs.toml", &bad));
    assert!(e.contains("unit") && e.contains("percnt"), "{e}");
    let bad = PARAMS_TOML.replacen("group = \"main\"", "group = \"mian\"", 1);
    let e = error_of(source::parameters("models/parameters.toml", &bad));
    assert!(e.contains("group"), "{e}");
}

#[test]
fn a_bad_region_figure_names_it() {
    let text = include_str!("../../models/regions/fi.toml");
    let bad = text.replacen("[figures.wealth_top1]", "[figures.wealth_topone]", 1);
    let e = error_of(source::region("models/regions/fi.toml", &bad));
    assert!(
        e.contains("models/regions/fi.toml") && e.contains("wealth_top"),
        "{e}"
    );
}

#[test]
fn household_shares_that_do_not_add_up_are_rejected() {
    let text = include_str!("../../models/regions/fi.toml");
    let start = text.find("[figures.adults_single]").expect("the figure");
    let value = start + text[start..].find("value = ").expect("its value");
    let end = value + text[value..].find('\n').expect("line");
    let bad = format!("{}value = 0.9{}", &text[..value], &text[end..]);
    let e = error_of(source::region("models/regions/fi.toml", &bad));
    assert!(e.contains("adults_single") && e.contains("sum to"), "{e}");
}

#[test]
fn a_phase_value_outside_its_range_is_rejected() {
    let bad = PHASES_TOML.replacen("value = 0.80, low = 0.70", "value = 0.60, low = 0.70", 1);
    let e = error_of(source::phases("models/phases.toml", &bad));
    assert!(e.contains("phase 1.unit_cost"), "{e}");
}

#[test]
fn every_parameter_has_a_source_and_link_keys_are_stable() {
    for p in PARAMS.iter() {
        assert!(!p.source.is_empty() && !p.help.is_empty(), "{}", p.id);
    }
    for id in [
        "bi",
        "automation",
        "p2p",
        "phase0",
        "phase1",
        "phase2",
        "phase3",
        "rule",
    ] {
        assert!(catalog::param(id).is_some(), "link key {id} missing");
    }
    let regions: Vec<&str> = REGIONS.iter().map(|r| r.id).collect();
    assert_eq!(regions, ["us", "uk", "fi", "ng", "world"]);
    for id in [
        "gdp",
        "median_income",
        "poverty_rate",
        "poverty_abs",
        "needs_met",
        "unemployment",
        "tax_rate",
        "debt_gdp",
        "bi_gross_cost",
        "bi_net_cost",
        "wealth_top10",
        "wealth_top1",
        "wealth_gini",
        "income_gini",
        "labour_share",
        "price_level",
        "commons_share",
        "material_use",
        "phase",
    ] {
        assert!(catalog::output(id).is_some(), "output {id} missing");
    }
}

#[test]
fn a_phase_without_a_ceiling_for_a_category_is_rejected() {
    let bad = PHASES_TOML.replacen("ceiling.housing ", "ceiling.houses ", 1);
    let e = error_of(source::phases("models/phases.toml", &bad));
    assert!(e.contains("phase 0.ceiling.housing"), "{e}");
    let bad = PHASES_TOML.replacen("id = \"energy\"", "id = \"power\"", 1);
    let e = error_of(source::phases("models/phases.toml", &bad));
    assert!(e.contains("category"), "{e}");
}

#[test]
fn a_basket_that_does_not_add_up_is_rejected() {
    let text = include_str!("../../models/regions/us.toml");
    let start = text.find("[figures.basket_services]").expect("the figure");
    let value = start + text[start..].find("value = ").expect("its value");
    let end = value + text[value..].find('\n').expect("line");
    let bad = format!("{}value = 0.6{}", &text[..value], &text[end..]);
    let e = error_of(source::region("models/regions/us.toml", &bad));
    assert!(e.contains("basket") && e.contains("sum to"), "{e}");
}
