//! The sentences that open the headline strip (issue 19): what changed most among the
//! headline figures, by how much, how it is paid for, who gains, and why: an income-source
//! account of the change per person, which adds up to the change in real disposable income.
//! Written from the templates of `models/strings/en.toml`; a test recomputes every claim from
//! the model's series and households, independently of this code.

use crate::catalog::{self, fill, param, string, units, RegionSpec, Unit};
use crate::model::{Outcome, Snapshot};
use crate::present::winners::{winners, Winners};
use crate::scenario::Scenario;

/// The headline figures a lead sentence can be about, and the change in each that is worth
/// a sentence: points for rates, % of the baseline for money. The tax rate is not among them:
/// the second sentence says how the reform is paid for.
pub const NOTABLE: [(&str, f64, bool); 4] = [
    ("poverty_rate", 1.0, false),
    ("median_income", 2.0, true),
    ("wealth_top10", 1.0, false),
    ("unemployment", 0.5, false),
];

/// The sources of the income-source account, in the order of [`sources`].
pub const SOURCES: [&str; 6] = [
    "basic_income",
    "taxes",
    "pay",
    "benefits",
    "ownership",
    "prices",
];

/// The change in a headline figure, against its notable size.
pub fn score(id: &str, scenario: f64, baseline: f64) -> f64 {
    let Some(&(_, notable, relative)) = NOTABLE.iter().find(|(k, _, _)| *k == id) else {
        return 0.0;
    };
    let change = if relative {
        if baseline.abs() > 0.0 {
            100.0 * (scenario - baseline) / baseline.abs()
        } else {
            0.0
        }
    } else {
        scenario - baseline
    };
    (change / notable).abs()
}

/// The income-source account of year `t`: per person a month on average, in the baseline's
/// prices, what each source adds to real disposable income (taxes paid count negative), with
/// the price of living last; the six add up to the change in mean real disposable income
/// (national-accounts incomes).
pub fn sources(s: &Snapshot, b: &Snapshot) -> [f64; 6] {
    let n = s.groups().min(b.groups());
    let (ps, pb) = (s.rules.price_level, b.rules.price_level);
    if n == 0 || ps <= 0.0 || pb <= 0.0 {
        return [0.0; 6];
    }
    let mut sums = [0.0; 6];
    for g in 0..n {
        let (x, y) = (s.statement(g), b.statement(g));
        let parts = [
            x.basic_income - y.basic_income,
            (y.income_tax + y.wealth_tax) - (x.income_tax + x.wealth_tax),
            x.pay - y.pay,
            (x.benefits + x.pension) - (y.benefits + y.pension),
            x.capital - y.capital,
        ];
        for (sum, part) in sums.iter_mut().zip(parts) {
            *sum += part / pb;
        }
        sums[5] += x.disposable() * (1.0 / ps - 1.0 / pb);
    }
    let people: f64 = b.members[..n].iter().sum();
    if people > 0.0 {
        sums.map(|x| x / people / 12.0)
    } else {
        [0.0; 6]
    }
}

/// The sentences for the year at column `t` of `outcome`, the run of `scenario`.
pub fn explain(outcome: &Outcome, t: usize, scenario: &Scenario, region: &RegionSpec) -> String {
    explain_with(outcome, t, scenario, region, winners(outcome, t).as_ref())
}

/// [`explain`] with the year's winners and losers already computed (the headline strip shows
/// them too, so they are computed once).
pub fn explain_with(
    outcome: &Outcome,
    t: usize,
    scenario: &Scenario,
    region: &RegionSpec,
    winners: Option<&Winners>,
) -> String {
    let Some(&year) = outcome.years.get(t) else {
        return String::new();
    };
    let year = year.to_string();
    let mut text = lead(outcome, t, scenario, region, &year);
    text.push(' ');
    text.push_str(&paid(outcome, t, scenario));
    if let Some(w) = winners {
        let pct = |v: f64| format!("{} %", units::number(v, 0));
        let (better, worse) = (pct(w.all.better[0]), pct(w.all.worse[0]));
        // Where most of the gains go: the fewest tenths from one end holding half of them.
        let gains: Vec<f64> = w
            .deciles
            .iter()
            .map(|d| (d.people * d.real).max(0.0))
            .collect();
        let total: f64 = gains.iter().sum();
        let reach = |order: &mut dyn Iterator<Item = &f64>| {
            let mut sum = 0.0;
            for (k, g) in order.enumerate() {
                sum += g;
                if sum >= 0.5 * total {
                    return k + 1;
                }
            }
            10
        };
        let (bottom, top) = (reach(&mut gains.iter()), reach(&mut gains.iter().rev()));
        // Where nobody gains by more than 1 %, there are no gains to place.
        let anyone = units::number(w.all.better[0], 0) != "0";
        let (key, deciles) = if !anyone || total <= 0.0 {
            ("who_no_gains", 0)
        } else if bottom <= 4 {
            ("who_gains", bottom)
        } else if top <= 4 {
            ("who_gains_top", top)
        } else {
            ("who_no_gains", 0)
        };
        text.push_str(&fill(
            string(key),
            &[
                ("better", &better),
                ("worse", &worse),
                ("deciles", &deciles.to_string()),
            ],
        ));
    } else {
        text.push('.');
    }
    if let (Some(s), Some(b)) = (
        outcome.scenario.snapshots.get(t),
        outcome.baseline.snapshots.get(t),
    ) {
        let why = why(&sources(s, b), region);
        if !why.is_empty() {
            text.push(' ');
            text.push_str(&why);
        }
    }
    text
}

/// The lead: the headline figure that changed most against its notable size.
fn lead(
    outcome: &Outcome,
    t: usize,
    scenario: &Scenario,
    region: &RegionSpec,
    year: &str,
) -> String {
    let mut best: Option<(f64, usize, &str)> = None;
    for (id, _, _) in NOTABLE {
        let Some((i, _)) = catalog::output(id) else {
            continue;
        };
        let (s, b) = outcome.at(i, t);
        let sc = score(id, s, b);
        if best.is_none_or(|(top, _, _)| sc > top) {
            best = Some((sc, i, id));
        }
    }
    let Some((sc, i, id)) = best else {
        return String::new();
    };
    let spec = &catalog::OUTPUTS[i];
    let (s, b) = outcome.at(i, t);
    let value = |v: f64| units::with_unit(v, spec.unit, spec.decimals, region);
    let what = string(&format!("what_{id}"));
    let verb = string(if s >= b { "raises" } else { "lowers" });
    let (from, to) = (value(b), value(s));
    let bi_new = scenario.get(param::BI);
    let bi_old = scenario.baseline().get(param::BI);
    let key = if sc < 1.0 {
        "lead_small"
    } else if bi_new > 0.0 && bi_new != bi_old {
        "lead_basic_income"
    } else {
        "lead_reform"
    };
    let amount = units::with_unit(bi_new, Unit::CurrencyMonth, 0, region);
    fill(
        string(key),
        &[
            ("year", year),
            ("amount", &amount),
            ("verb", verb),
            ("what", what),
            ("from", &from),
            ("to", &to),
        ],
    )
}

/// How it is paid for: a higher income tax, borrowing, or neither.
fn paid(outcome: &Outcome, t: usize, scenario: &Scenario) -> String {
    let points = |id: &str| {
        catalog::output(id).map_or(0.0, |(i, _)| {
            let (s, b) = outcome.at(i, t);
            s - b
        })
    };
    let tax = points("tax_rate");
    let debt = points("debt_gdp");
    let debt_rule = scenario.get(param::RULE) != 0.0;
    let text = |key: &str, v: f64, decimals: u8| {
        fill(
            string(key),
            &[("points", &units::number(v.abs(), decimals))],
        )
    };
    if tax >= 0.5 {
        text("paid_by_tax", tax, 1)
    } else if tax <= -0.5 {
        text("paid_with_lower_tax", tax, 1)
    } else if debt_rule && debt >= 1.0 {
        text("paid_by_debt", debt, 0)
    } else {
        string("paid_as_before").to_string()
    }
}

/// Why: the three sources that moved incomes most, per person a month.
fn why(account: &[f64; 6], region: &RegionSpec) -> String {
    let mut order: Vec<usize> = (0..SOURCES.len()).collect();
    order.sort_by(|&a, &b| account[b].abs().total_cmp(&account[a].abs()));
    let money = |v: f64| format!("{} {}", units::number(v.abs(), 0), region.currency);
    let items: Vec<String> = order
        .into_iter()
        .take(3)
        .filter(|&k| account[k].abs() >= 1.0)
        .map(|k| {
            let v = account[k];
            if SOURCES[k] == "prices" {
                let key = if v >= 0.0 {
                    "prices_gain"
                } else {
                    "prices_loss"
                };
                return fill(string(key), &[("amount", &money(v))]);
            }
            // Taxes paid are counted as what they take: more tax is a loss of income.
            let (key, source) = if SOURCES[k] == "taxes" {
                (
                    if v <= 0.0 {
                        "source_gain"
                    } else {
                        "source_loss"
                    },
                    string("taxes"),
                )
            } else {
                (
                    if v >= 0.0 {
                        "source_gain"
                    } else {
                        "source_loss"
                    },
                    string(SOURCES[k]),
                )
            };
            fill(string(key), &[("source", source), ("amount", &money(v))])
        })
        .collect();
    if items.is_empty() {
        return String::new();
    }
    fill(string("why"), &[("sources", &items.join(", "))])
}
