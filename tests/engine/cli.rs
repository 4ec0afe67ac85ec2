//! The `mapsim` command line: the same numbers as the library, clear errors, non-zero exits.

use mapsim::catalog::{output as o, REGIONS};
use mapsim::model::run;
use mapsim::scenario::Scenario;
use std::process::Command;

fn mapsim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mapsim"))
        .args(args)
        .output()
        .expect("mapsim runs")
}

#[test]
fn run_prints_every_output_and_its_baseline_per_year() {
    let out = mapsim(&["run", "--set", "bi=1200"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(header[0], "year");
    assert!(header.contains(&"median_income") && header.contains(&"median_income_baseline"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let mut s = Scenario::for_region(&REGIONS[0]);
    assert!(s.set_text("bi", "1200").is_none());
    let outcome = run(&s).expect("runs");
    assert_eq!(rows.len(), outcome.years.len());
    let col = header
        .iter()
        .position(|h| *h == "median_income")
        .expect("column");
    let printed: f64 = rows[10][col].parse().expect("number");
    // The CLI prints the library's value (full precision round trip).
    assert_eq!(printed, outcome.scenario.get(o::MEDIAN_INCOME)[10]);
}

#[test]
fn books_flow_rows_sum_to_zero() {
    let out = mapsim(&["books", "--year", "2040"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let header: Vec<&str> = text.lines().next().expect("header").split(',').collect();
    assert_eq!(header.last(), Some(&"sum"));
    let mut rows = 0;
    // The transactions-flow matrix comes first, up to a blank line; every row sums to zero.
    // (In the balance sheet that follows, real capital rows sum to the capital itself.)
    for line in text.lines().skip(1).take_while(|l| !l.is_empty()) {
        let sum: Option<f64> = line.rsplit(',').next().and_then(|v| v.parse().ok());
        if let Some(sum) = sum {
            // Tolerance: 1e-6 of the row's currency units (GDP per adult ≈ 1e5).
            assert!(sum.abs() < 1e-6 * 1e5, "{line}");
            rows += 1;
        }
    }
    assert!(rows >= 20, "{rows} rows");
}

#[test]
fn bad_input_gets_a_message_and_a_non_zero_exit() {
    for args in [
        vec!["run", "--set", "bogus=1"],
        vec!["run", "--set", "bi=abc"],
        vec!["books"],
        vec!["frobnicate"],
    ] {
        let out = mapsim(&args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("mapsim: ") || err.contains("usage"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn the_command_line_reads_share_links_like_the_app() {
    let url = "https://example.org/mapsim/?v=4&region=fi&bi=800&p2p=40&tab=distribution&year=2040";
    let out = mapsim(&["run", "--link", url, "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let header: Vec<&str> = text.lines().next().expect("header").split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "bi_gross_cost")
        .expect("column");
    let row: Vec<&str> = text.lines().nth(6).expect("row").split(',').collect();
    let (link, notices) = mapsim::link::decode(url);
    assert!(notices.is_empty());
    let outcome = run(&link.scenario).expect("runs");
    let printed: f64 = row[col].parse().expect("number");
    assert_eq!(printed, outcome.scenario.get(o::BI_GROSS_COST)[5]);
}

#[test]
fn runs_print_ordered_bands_equal_to_the_library_s() {
    let args = [
        "run",
        "--runs",
        "8",
        "--seed",
        "4",
        "--set",
        "households=400",
        "--set",
        "horizon=20",
    ];
    let out = mapsim(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with("# mapsim Monte Carlo: 8 draws"));
    assert!(text.contains("# drawn: tfp_growth ~ triangular"));
    let mut rows = text.lines().filter(|l| !l.starts_with('#'));
    assert_eq!(
        rows.next(),
        Some("output,unit,year,central,p5,p25,p50,p75,p95")
    );
    let rows: Vec<Vec<&str>> = rows.map(|l| l.split(',').collect()).collect();
    // A 20-year horizon runs 21 years (2025 to 2045 inclusive).
    assert_eq!(rows.len(), mapsim::catalog::OUTPUT_COUNT * 21);
    for row in &rows {
        let bands: Vec<f64> = row[4..]
            .iter()
            .map(|v| v.parse().expect("number"))
            .collect();
        assert!(bands.windows(2).all(|w| w[0] <= w[1]), "{row:?}");
    }
    let mut s = Scenario::for_region(&REGIONS[0]);
    s.set_text("households", "400");
    s.set_text("horizon", "20");
    let bands = mapsim::uncertainty::MonteCarlo::new(&s, 4)
        .bands(8)
        .expect("runs");
    let gdp_2035 = rows
        .iter()
        .find(|r| r[0] == "gdp" && r[2] == "2035")
        .expect("row");
    let p50: f64 = gdp_2035[6].parse().expect("number");
    assert_eq!(p50, bands.get(2, o::GDP)[10]);
    let refused = mapsim(&["run", "--runs", "0"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--runs 0 is not between"));
}

#[test]
fn validate_prints_every_published_comparison_with_its_verdict() {
    let out = mapsim(&["validate"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), mapsim::catalog::VALIDATION.len());
    for (row, entry) in rows.iter().zip(mapsim::catalog::VALIDATION.iter()) {
        assert!(row.starts_with(entry.id), "{row}");
        assert!(row.ends_with(",hit") || row.ends_with(",miss"), "{row}");
    }
}

/// A link made before a setting changed meaning runs, with the change said on stderr (as the
/// app opens it with a notice); a link with a bad value still stops with a message.
#[test]
fn an_older_link_runs_with_a_note_of_each_changed_meaning() {
    let out = mapsim(&["run", "--link", "?v=1&region=us&p2p=40&automation=1.5"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("mapsim: note:") && err.contains("public support for peer production"),
        "{err}"
    );
    assert!(err.contains("'Automation rate'"), "{err}");
    let out = mapsim(&["run", "--link", "?v=4&region=us&bi=abc"]);
    assert!(!out.status.success());
}

#[test]
fn a_baseline_link_sets_the_baseline_s_policies_and_keeps_the_scenario_s_world() {
    let out = mapsim(&[
        "run",
        "--set",
        "automation=1.2",
        "--baseline-link",
        "?v=5&bi=500&automation=0.3",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["baseline_policies"]["kind"], "custom");
    assert_eq!(json["baseline_policies"]["bi"], "500");
    // The library with the same baseline: the scenario's automation (an assumption) in both.
    let mut s = Scenario::for_region(&REGIONS[0]);
    assert!(s.set_text("automation", "1.2").is_none());
    let mut base = Scenario::for_region(&REGIONS[0]);
    assert!(base.set_text("bi", "500").is_none());
    assert!(s.use_baseline_of(&base).is_empty());
    let outcome = run(&s).expect("runs");
    let printed = json["baseline"]["median_income"][20]
        .as_f64()
        .expect("number");
    assert_eq!(printed, outcome.baseline.get(o::MEDIAN_INCOME)[20]);
    let out = mapsim(&["run", "--baseline-link", "?bi=lots"]);
    assert!(!out.status.success());
}

#[test]
fn decompose_prints_each_component_s_contribution_adding_up_to_the_reform() {
    let out = mapsim(&[
        "decompose",
        "--year",
        "2050",
        "--set",
        "automation_tax=20",
        "--order",
        "financing,bi,replaced,p2p",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header = lines.next().expect("header");
    assert!(
        header.starts_with("output,unit,baseline,\"+ Financing\",\"+ Basic Income\""),
        "{header}"
    );
    let mut rows = 0;
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        let numbers: Vec<f64> = cells[2..]
            .iter()
            .map(|c| c.parse().expect("number"))
            .collect();
        let (reform, parts) = numbers.split_last().expect("cells");
        let sum: f64 = parts.iter().sum();
        assert!(
            (sum - reform).abs() < 1e-9 * reform.abs().max(1.0),
            "{line}"
        );
        rows += 1;
    }
    assert!(rows >= 5);
    let out = mapsim(&["decompose", "--year", "2050", "--order", "bi,p2p"]);
    assert!(!out.status.success());
}

#[test]
fn every_verb_answers_help_with_the_usage() {
    for args in [
        &["--help"][..],
        &["winners", "--help"],
        &["household", "-h"],
        &["run", "--help"],
    ] {
        let out = mapsim(args);
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            text.starts_with("usage:") && text.contains("mapsim winners"),
            "{args:?}"
        );
    }
}
