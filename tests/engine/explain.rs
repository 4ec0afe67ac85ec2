//! The sentences that open the headline strip (issue 19) never state what the numbers do not
//! show: over a sweep of scenarios, every claim of every sentence (what changed, its
//! direction and size, how it is paid for, who gains, and the income sources) is read back
//! from the text and recomputed here from the model's series and households, with code of this
//! test's own.

use crate::support::scenario;
use mapsim::catalog::{self, output as o, param, REGIONS};
use mapsim::model::{run, Outcome, Snapshot};
use mapsim::present::explain::explain;

/// A number as the app writes it: thin spaces between thousands.
fn number(text: &str) -> f64 {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("'{text}' is not a number"))
}

/// The figures a lead can be about, with the change worth a sentence (points, or % of the
/// baseline) — as the examples read them, written here again.
const FIGURES: [(&str, f64, bool); 4] = [
    ("poverty_rate", 1.0, false),
    ("median_income", 2.0, true),
    ("wealth_top10", 1.0, false),
    ("unemployment", 0.5, false),
];

fn size(outcome: &Outcome, t: usize, id: &str, notable: f64, relative: bool) -> f64 {
    let (i, _) = catalog::output(id).expect("an output");
    let (s, b) = outcome.at(i, t);
    let change = if relative {
        100.0 * (s - b) / b.abs()
    } else {
        s - b
    };
    (change / notable).abs()
}

/// People better and worse off by more than 1 % in real terms, % of everyone.
fn shares(s: &Snapshot, b: &Snapshot) -> (f64, f64) {
    let (mut people, mut better, mut worse) = (0.0, 0.0, 0.0);
    for i in 0..b.living.len() {
        let (before, after, w) = (b.living[i], s.living[i], b.members[i]);
        people += w;
        let up = if before > 0.0 {
            after > 1.01 * before
        } else {
            after > before
        };
        let down = if before > 0.0 {
            after < 0.99 * before
        } else {
            after < before
        };
        if up {
            better += w;
        } else if down {
            worse += w;
        }
    }
    (100.0 * better / people, 100.0 * worse / people)
}

/// Each tenth's gain in real income (people ranked by baseline income; a group counts in the
/// tenth of its people's midpoint), negative tenths as no gain.
fn gains_by_tenth(s: &Snapshot, b: &Snapshot) -> [f64; 10] {
    let mut order: Vec<usize> = (0..b.living.len()).collect();
    order.sort_by(|&x, &y| b.living[x].total_cmp(&b.living[y]));
    let people: f64 = b.members.iter().sum();
    let mut tenths = [0.0; 10];
    let mut below = 0.0;
    for i in order {
        let mid = (below + b.members[i] / 2.0) / people;
        below += b.members[i];
        tenths[((mid * 10.0) as usize).min(9)] += b.members[i] * (s.living[i] - b.living[i]);
    }
    tenths.map(|g| g.max(0.0))
}

/// The income-source account per person a month: Basic Income, taxes (what they leave),
/// pay, benefits and pensions, ownership income, prices.
fn account(s: &Snapshot, b: &Snapshot) -> [(&'static str, f64); 6] {
    let (ps, pb) = (s.rules.price_level, b.rules.price_level);
    let (sf, bf) = (&s.flows, &b.flows);
    let mut sum = [0.0; 6];
    for g in 0..bf.taxable.len() {
        let d = |x: &[f64], y: &[f64]| x[g] - y[g];
        let pay_s = sf.wages[g] + sf.commons_pay[g];
        let pay_b = bf.wages[g] + bf.commons_pay[g];
        let own_s = sf.taxable[g] - pay_s - sf.pension[g];
        let own_b = bf.taxable[g] - pay_b - bf.pension[g];
        let tax_s = sf.income_tax[g] + sf.wealth_tax[g];
        let tax_b = bf.income_tax[g] + bf.wealth_tax[g];
        sum[0] += d(&sf.basic_income, &bf.basic_income) / pb;
        sum[1] += (tax_b - tax_s) / pb;
        sum[2] += (pay_s - pay_b) / pb;
        sum[3] += (d(&sf.transfers, &bf.transfers) + d(&sf.pension, &bf.pension)) / pb;
        sum[4] += (own_s - own_b) / pb;
        let disposable = sf.taxable[g] + sf.transfers[g] + sf.basic_income[g] - tax_s;
        sum[5] += disposable * (1.0 / ps - 1.0 / pb);
    }
    let people: f64 = b.members.iter().sum::<f64>() * 12.0;
    let names = [
        "basic_income",
        "taxes",
        "pay",
        "benefits",
        "ownership",
        "prices",
    ];
    std::array::from_fn(|k| (names[k], sum[k] / people))
}

fn check(outcome: &Outcome, t: usize, bi: f64, debt_rule: bool, text: &str, label: &str) {
    let year = outcome.years[t];
    let sentences: Vec<&str> = text.split(". ").collect();
    assert!(sentences.len() >= 2, "{label}: {text}");
    let (lead, paid) = (sentences[0], sentences[1]);

    // The lead: the year, the figure that changed most, its direction and both levels.
    assert!(lead.starts_with(&format!("By {year}, ")), "{label}: {lead}");
    let sizes: Vec<(f64, &str)> = FIGURES
        .iter()
        .map(|(id, n, r)| (size(outcome, t, id, *n, *r), *id))
        .collect();
    let largest = sizes
        .iter()
        .fold((0.0, ""), |m, x| if x.0 > m.0 { *x } else { m });
    let (id, whats) = FIGURES
        .iter()
        .map(|(id, _, _)| (*id, catalog::string(&format!("what_{id}"))))
        .find(|(_, what)| lead.contains(&format!(" {what} ")))
        .unwrap_or_else(|| panic!("{label}: no figure named in '{lead}'"));
    let _ = whats;
    if lead.contains("moves no headline figure by much") {
        assert!(largest.0 < 1.0, "{label}: {largest:?} is notable: {lead}");
    } else {
        assert_eq!(id, largest.1, "{label}: {lead} ({sizes:?})");
        assert!(largest.0 >= 1.0, "{label}: {lead}");
    }
    let (i, spec) = catalog::output(id).expect("an output");
    let (s, b) = outcome.at(i, t);
    let at = lead.rfind(" from ").expect("from");
    let (from, to) = lead[at + 6..].split_once(" to ").expect("to");
    let half = 0.5 * 10f64.powi(-i32::from(spec.decimals)) + 1e-9;
    assert!((number(from) - b).abs() <= half, "{label}: {from} vs {b}");
    assert!((number(to) - s).abs() <= half, "{label}: {to} vs {s}");
    if lead.contains(" raises ") {
        assert!(s >= b, "{label}: {lead}");
    }
    if lead.contains(" lowers ") {
        assert!(s < b, "{label}: {lead}");
    }
    if let Some(rest) = lead.split_once("a Basic Income of ").map(|(_, r)| r) {
        let amount = number(rest.split(" a month").next().expect("an amount"));
        assert!((amount - bi).abs() <= 0.5, "{label}: {amount} vs {bi}");
    }

    // How it is paid for.
    let tax = {
        let (s, b) = outcome.at(o::TAX_RATE, t);
        s - b
    };
    let debt = {
        let (s, b) = outcome.at(o::DEBT_GDP, t);
        s - b
    };
    let points = |marker: &str| {
        let before = paid.split(marker).next().expect("points");
        number(before.rsplit(' ').next().expect("a number"))
    };
    if paid.contains(" points higher") && paid.contains("income tax") {
        assert!(
            (points(" points higher") - tax).abs() <= 0.05 + 1e-9 && tax >= 0.5,
            "{label}: {paid} ({tax})"
        );
    } else if paid.contains(" points lower") {
        assert!(
            (points(" points lower") + tax).abs() <= 0.05 + 1e-9 && tax <= -0.5,
            "{label}: {paid} ({tax})"
        );
    } else if paid.contains("borrowing") {
        assert!(debt_rule && tax.abs() < 0.5, "{label}: {paid}");
        assert!(
            (points(" points of GDP") - debt).abs() <= 0.5 + 1e-9 && debt >= 1.0,
            "{label}: {paid} ({debt})"
        );
    } else {
        assert!(paid.contains("stays within a point"), "{label}: {paid}");
        assert!(tax.abs() < 0.5, "{label}: {paid} ({tax})");
    }

    // Who gains.
    let (sn, bn) = (
        &outcome.scenario.snapshots[t],
        &outcome.baseline.snapshots[t],
    );
    let (better, worse) = shares(sn, bn);
    let said = paid.split("; ").nth(1).expect("who gains");
    let better_said = number(said.split(" % of people").next().expect("better"));
    let worse_said = number(
        said.split(" and ")
            .nth(1)
            .and_then(|x| x.split(" %").next())
            .expect("worse"),
    );
    assert!(
        (better_said - better).abs() <= 0.5 + 1e-9,
        "{label}: {said} ({better})"
    );
    assert!(
        (worse_said - worse).abs() <= 0.5 + 1e-9,
        "{label}: {said} ({worse})"
    );
    let tenths = gains_by_tenth(sn, bn);
    let total: f64 = tenths.iter().sum();
    let reach = |order: Vec<f64>| {
        let mut sum = 0.0;
        order
            .iter()
            .position(|g| {
                sum += g;
                sum >= 0.5 * total
            })
            .map_or(10, |k| k + 1)
    };
    for (side, order) in [
        ("poorest", tenths.to_vec()),
        ("richest", tenths.iter().rev().copied().collect()),
    ] {
        if let Some(rest) = said.split_once(&format!("going to the {side} ")) {
            let k = number(rest.1.split(' ').next().expect("tenths")) as usize;
            assert_eq!(k, reach(order), "{label}: {said} ({tenths:?})");
            assert!(k <= 4 && better_said >= 1.0, "{label}: {said}");
        }
    }

    // Why: the three largest sources, each its size and direction.
    let sources = account(sn, bn);
    let mut largest: Vec<(&str, f64)> = sources.to_vec();
    largest.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    if let Some(why) = sentences.get(2) {
        let items = why
            .split(": ")
            .nth(1)
            .expect("sources")
            .trim_end_matches('.');
        for (k, item) in items.split(", ").enumerate() {
            let (name, value) = largest[k];
            let amount = number(
                item.split(' ')
                    .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
                    .collect::<Vec<_>>()
                    .join("")
                    .as_str(),
            );
            assert!(
                (amount - value.abs()).abs() <= 0.5 + 1e-6,
                "{label}: {item} vs {name} {value}"
            );
            let word = catalog::string(name);
            if name == "prices" {
                assert_eq!(
                    item.starts_with("lower prices"),
                    value >= 0.0,
                    "{label}: {item}"
                );
            } else {
                assert!(
                    item.starts_with(word),
                    "{label}: '{item}' is not {name} ({largest:?})"
                );
                // For taxes, "more" is more tax paid: less to live on.
                let gain = if name == "taxes" {
                    value <= 0.0
                } else {
                    value >= 0.0
                };
                assert_eq!(item.ends_with("more"), gain, "{label}: {item} ({value})");
            }
        }
        // The account adds up to the change in mean real disposable income.
        let total: f64 = sources.iter().map(|(_, v)| v).sum();
        let mean = |snap: &Snapshot| {
            let f = &snap.flows;
            let people: f64 = bn.members.iter().sum::<f64>() * 12.0;
            (0..f.taxable.len())
                .map(|g| {
                    f.taxable[g] + f.transfers[g] + f.basic_income[g]
                        - f.income_tax[g]
                        - f.wealth_tax[g]
                })
                .sum::<f64>()
                / snap.rules.price_level
                / people
        };
        let change = mean(sn) - mean(bn);
        assert!(
            (total - change).abs() <= 1e-6 * change.abs().max(1.0),
            "{label}: {total} vs {change}"
        );
    }
}

#[test]
fn every_sentence_says_only_what_the_numbers_show() {
    let mut checked = 0;
    for region in REGIONS.iter() {
        for bi in ["0", "@half_poverty", "@poverty"] {
            for rule in ["balanced", "debt"] {
                for p2p in ["0", "60"] {
                    let s = scenario(
                        region,
                        &[("bi", bi), ("rule", rule), ("p2p", p2p), ("horizon", "40")],
                    );
                    let Ok(outcome) = run(&s) else {
                        continue;
                    };
                    for t in [3, 30] {
                        let text = explain(&outcome, t, &s, region);
                        let label = format!("{} bi={bi} {rule} p2p={p2p} t={t}", region.id);
                        check(&outcome, t, s.get(param::BI), rule == "debt", &text, &label);
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked >= 100, "only {checked} sentences checked");
}

/// Every template the sentences use is in models/strings/en.toml.
#[test]
fn every_template_exists() {
    for key in [
        "lead_basic_income",
        "lead_reform",
        "lead_small",
        "raises",
        "lowers",
        "paid_by_tax",
        "paid_with_lower_tax",
        "paid_by_debt",
        "paid_as_before",
        "who_gains",
        "who_gains_top",
        "who_no_gains",
        "why",
        "source_gain",
        "source_loss",
        "basic_income",
        "taxes",
        "pay",
        "benefits",
        "ownership",
        "prices",
        "prices_gain",
        "prices_loss",
        "what_poverty_rate",
        "what_median_income",
        "what_wealth_top10",
        "what_unemployment",
    ] {
        assert!(!catalog::string(key).is_empty(), "{key}");
    }
}
