//! Who gains and who pays (issue 19): each person's equivalised disposable income in the
//! scenario against the same person's in the baseline, in a chosen year. The model's adult
//! groups are the same people in both runs, so people are ranked once, by their baseline
//! income, and each decile holds the same people on both sides.

use crate::model::{HouseholdType, Outcome, Snapshot};

/// Changes smaller than this share of income are "about the same" (1 %), and the larger
/// threshold the second cut (5 %).
pub const THRESHOLDS: [f64; 2] = [0.01, 0.05];

/// The people groups shares are broken down by: an id (CSV, CLI) and a label (the app).
pub const PERSON_GROUPS: [(&str, &str); 3] = [
    ("children", "Children"),
    ("working_age", "Working-age adults"),
    ("over_65", "People 65+"),
];

/// What happened to the people of one decile of the baseline's income distribution.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DecileChange {
    /// Mean change per person a month, in money (before prices) and in real terms (base-year
    /// prices: peer production and VAT included).
    pub money: f64,
    pub real: f64,
    /// The decile's total change as % of its total baseline income, money and real.
    pub money_pct: f64,
    pub real_pct: f64,
    /// Mean baseline income per person a month, in money, and the decile's people (the
    /// sum of the groups' members: about a tenth of everyone).
    pub baseline: f64,
    pub people: f64,
}

/// Shares of people (%) better off and worse off by more than each of [`THRESHOLDS`], in real
/// terms.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Shares {
    pub better: [f64; 2],
    pub worse: [f64; 2],
}

/// Winners and losers of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Winners {
    /// Calendar year.
    pub year: i32,
    /// By decile of people ranked by baseline income (poorest first).
    pub deciles: [DecileChange; 10],
    /// Everyone, by [`PERSON_GROUPS`], and by [`HouseholdType::ALL`].
    pub all: Shares,
    pub by_person: [Shares; 3],
    pub by_household: [Shares; 5],
}

/// Sums that become [`Shares`]: people better or worse off beyond each threshold.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    people: f64,
    better: [f64; 2],
    worse: [f64; 2],
}

impl Tally {
    fn add(&mut self, weight: f64, change: f64) {
        self.people += weight;
        for (k, at) in THRESHOLDS.iter().enumerate() {
            if change > *at {
                self.better[k] += weight;
            } else if change < -*at {
                self.worse[k] += weight;
            }
        }
    }

    fn shares(&self) -> Shares {
        let pct = |x: f64| {
            if self.people > 0.0 {
                100.0 * x / self.people
            } else {
                0.0
            }
        };
        Shares {
            better: self.better.map(pct),
            worse: self.worse.map(pct),
        }
    }
}

/// The relative change from `before` to `after`, for someone whose income before was
/// `before` (0 for no income either side; a person with no income before who gains counts as
/// gaining by the whole amount, relative to one unit, so a gain is never hidden).
fn relative(before: f64, after: f64) -> f64 {
    if before > 0.0 {
        after / before - 1.0
    } else if after > before {
        f64::INFINITY
    } else if after < before {
        f64::NEG_INFINITY
    } else {
        0.0
    }
}

/// Winners and losers in the year at column `t`, or `None` when the year has no household
/// detail (a run without snapshots).
pub fn winners(outcome: &Outcome, t: usize) -> Option<Winners> {
    let scenario = outcome.scenario.snapshots.get(t)?;
    let baseline = outcome.baseline.snapshots.get(t)?;
    let n = baseline.living.len();
    if n == 0 || scenario.living.len() != n {
        return None;
    }
    let price =
        |side: &crate::model::Path| side.get(crate::catalog::output::PRICE_LEVEL)[t] / 100.0;
    let (price_s, price_b) = (price(&outcome.scenario), price(&outcome.baseline));
    Some(Winners {
        year: outcome.years.get(t).copied().unwrap_or_default(),
        deciles: deciles(scenario, baseline, (price_s, price_b)),
        ..tallies(scenario, baseline)
    })
}

/// The shares, everyone and by group, from each group's real income on both sides.
fn tallies(scenario: &Snapshot, baseline: &Snapshot) -> Winners {
    let (mut all, mut by_person, mut by_household) = (
        Tally::default(),
        [Tally::default(); 3],
        [Tally::default(); 5],
    );
    for (i, (&before, &after)) in baseline.living.iter().zip(&scenario.living).enumerate() {
        let change = relative(before, after);
        let members = baseline.members[i];
        let household = baseline.household[i];
        all.add(members, change);
        // The group's adult, and its share of its household's children.
        let adult = if household == HouseholdType::Pensioner {
            2
        } else {
            1
        };
        by_person[adult].add(1.0, change);
        by_person[0].add((members - 1.0).max(0.0), change);
        let k = HouseholdType::ALL
            .iter()
            .position(|h| *h == household)
            .unwrap_or(0);
        by_household[k].add(members, change);
    }
    Winners {
        year: 0,
        deciles: [DecileChange::default(); 10],
        all: all.shares(),
        by_person: by_person.map(|t| t.shares()),
        by_household: by_household.map(|t| t.shares()),
    }
}

/// Each decile of people, ranked by baseline real income: a group belongs to the decile its
/// people's midpoint falls in (groups are small, about 1/600 of people each).
fn deciles(
    scenario: &Snapshot,
    baseline: &Snapshot,
    (price_s, price_b): (f64, f64),
) -> [DecileChange; 10] {
    let n = baseline.living.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| baseline.living[a].total_cmp(&baseline.living[b]));
    let people: f64 = baseline.members.iter().sum();
    // Per decile: people, baseline and scenario income (money and real), weighted.
    let mut sums = [[0.0_f64; 5]; 10];
    let mut below = 0.0;
    for i in order {
        let w = baseline.members[i];
        let mid = if people > 0.0 {
            (below + w / 2.0) / people
        } else {
            0.0
        };
        below += w;
        let d = ((mid * 10.0) as usize).min(9);
        let (b, s) = (baseline.living[i], scenario.living[i]);
        let s_ = &mut sums[d];
        s_[0] += w;
        s_[1] += w * b * price_b;
        s_[2] += w * s * price_s;
        s_[3] += w * b;
        s_[4] += w * s;
    }
    sums.map(|[w, b_money, s_money, b_real, s_real]| {
        let per_month = |x: f64| if w > 0.0 { x / w / 12.0 } else { 0.0 };
        let pct = |after: f64, before: f64| {
            if before > 0.0 {
                100.0 * (after - before) / before
            } else {
                0.0
            }
        };
        DecileChange {
            money: per_month(s_money - b_money),
            real: per_month(s_real - b_real),
            money_pct: pct(s_money, b_money),
            real_pct: pct(s_real, b_real),
            baseline: per_month(b_money),
            people: w,
        }
    })
}
