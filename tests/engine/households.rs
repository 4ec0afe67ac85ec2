//! What a reform means for a household (issue 19): the typical households' statements come
//! from the model's own groups, and "a household like mine" follows the same rules.

use crate::support::scenario;
use mapsim::catalog::REGIONS;
use mapsim::model::run;
use mapsim::present::households::{archetypes, mine_in, Mine};
use mapsim::scenario::Scenario;
use std::process::Command;

fn mine(earnings: [f64; 2], adults: u8, children: f64) -> Mine {
    Mine {
        earnings,
        adults,
        children,
        pensioners: false,
        wealth: 0.0,
    }
}

/// Six typical households, each statement adding up: disposable income is what comes in less
/// income and wealth tax, and the real figure is it over the price level.
#[test]
fn six_typical_households_with_statements_that_add_up() {
    for region in REGIONS.iter() {
        let outcome = run(&Scenario::for_region(region)).expect("runs");
        let found = archetypes(&outcome, 15);
        assert_eq!(
            found.len(),
            6,
            "{}: {:?}",
            region.id,
            found.iter().map(|a| a.id).collect::<Vec<_>>()
        );
        for a in &found {
            for s in [&a.baseline, &a.scenario] {
                let sum = s.pay + s.capital + s.pension + s.benefits + s.basic_income
                    - s.income_tax
                    - s.wealth_tax;
                assert!((sum - s.disposable).abs() < 1e-6 * s.disposable.abs().max(1.0));
                assert!(
                    (s.real_disposable * s.price_level - s.disposable).abs()
                        < 1e-6 * s.disposable.abs().max(1.0)
                );
            }
            // The baseline pays no Basic Income; the default scenario pays every household one.
            assert_eq!(a.baseline.basic_income, 0.0, "{} {}", region.id, a.id);
            assert!(a.scenario.basic_income > 0.0, "{} {}", region.id, a.id);
        }
    }
}

/// A universal Basic Income, not indexed, reaches a household like mine in full: the
/// adult amount for each adult and the child amount for each child, a month; and nothing
/// changes against the status quo for a scenario at today's policies.
#[test]
fn a_household_like_mine_receives_the_basic_income_it_is_owed() {
    let s = scenario(
        &REGIONS[0],
        &[("bi", "800"), ("bi_child", "50"), ("bi_index", "none")],
    );
    let outcome = run(&s).expect("runs");
    let (base, reform) = mine_in(&outcome, 10, &mine([30_000.0, 0.0], 2, 2.0)).expect("a year");
    assert_eq!(base.basic_income, 0.0);
    assert!(
        (reform.basic_income - (2.0 * 800.0 + 2.0 * 400.0)).abs() < 1e-9,
        "{}",
        reform.basic_income
    );
    // The tax that pays for it is higher on the same pay.
    assert!(reform.income_tax > base.income_tax);
    let same = run(&Scenario::for_region(&REGIONS[0]).baseline()).expect("runs");
    let (b, r) = mine_in(&same, 10, &mine([30_000.0, 12_000.0], 2, 1.0)).expect("a year");
    assert_eq!(b, r);
    // Nonsense in, sense out: no negative pay, one or two adults, no more than ten children.
    let odd = Mine {
        earnings: [-5.0, f64::NAN],
        adults: 7,
        children: 40.0,
        pensioners: false,
        wealth: -1.0,
    }
    .sane();
    assert_eq!(odd.earnings, [0.0, 0.0]);
    assert_eq!((odd.adults, odd.children, odd.wealth), (2, 10.0, 0.0));
}

#[test]
fn the_command_line_prints_statements_and_refuses_nonsense() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mapsim"))
            .args(args)
            .output()
            .expect("mapsim runs")
    };
    let out = run(&[
        "household",
        "--year",
        "2040",
        "--earnings",
        "30000,0",
        "--children",
        "2",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("mine,")).collect();
    assert_eq!(rows.len(), 11, "{text}");
    assert!(rows.last().expect("a row").contains("real_disposable"));
    let typical = run(&["household", "--year", "2040"]);
    let text = String::from_utf8(typical.stdout).expect("utf-8");
    assert!(text.contains("pensioner_couple,"), "{text}");
    let bad = run(&["household", "--year", "2040", "--earnings", "-5"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--earnings '-5' is not an amount"));
    let winners = run(&["winners", "--year", "2040", "--set", "region=fi"]);
    assert!(winners.status.success());
    assert!(
        String::from_utf8_lossy(&winners.stdout).contains("all,everyone,better_off_over_1_pct,")
    );
}
