//! Inequality measures of equal-weight groups: Gini, median, top shares, poverty headcounts,
//! deciles, Palma ratio and Lorenz curves.
//!
//! Every measure needs the values in order. Households change rank slowly from one year to
//! the next, so a [`Ranking`] keeps last year's order and repairs it by insertion sort,
//! which costs about one pass over nearly sorted data instead of a full sort.

/// The order of the groups by value (poorest first), kept from one year to the next.
#[derive(Debug, Clone)]
pub struct Ranking {
    order: Vec<u32>,
}

impl Ranking {
    /// The identity order of `n` groups (groups are created poorest first).
    pub fn new(n: usize) -> Self {
        Self {
            order: (0..n as u32).collect(),
        }
    }

    /// Re-sorts the order by `values` (ties broken by group index, so the order is
    /// deterministic). Starts from the previous order; falls back to a full sort when the
    /// data turn out to be far from sorted, so the cost stays O(n log n) at worst.
    pub fn update(&mut self, values: &[f64]) {
        if self.order.len() != values.len() {
            *self = Self::new(values.len());
        }
        let less = |a: u32, b: u32| {
            let (x, y) = (values[a as usize], values[b as usize]);
            x < y || (x == y && a < b)
        };
        let budget = 16 * values.len() + 64;
        let mut moves = 0;
        for i in 1..self.order.len() {
            let item = self.order[i];
            let mut j = i;
            while j > 0 && less(item, self.order[j - 1]) {
                self.order[j] = self.order[j - 1];
                j -= 1;
                moves += 1;
            }
            self.order[j] = item;
            if moves > budget {
                self.order.sort_unstable_by(|&a, &b| {
                    values[a as usize]
                        .total_cmp(&values[b as usize])
                        .then(a.cmp(&b))
                });
                return;
            }
        }
    }

    /// Group indices, poorest first.
    pub fn order(&self) -> &[u32] {
        &self.order
    }
}

/// A distribution in sorted form, with the measures users see.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Gini coefficient (0 = equal, 1 = one group has everything).
    pub gini: f64,
    /// Median value (midway between the two middle groups when their number is even).
    pub median: f64,
    /// Mean value.
    pub mean: f64,
    /// Mean value of each tenth of the groups, poorest first.
    pub deciles: [f64; 10],
    sorted: Vec<f64>,
    /// Running totals: `cumulative[k]` is the sum of the `k` smallest values.
    cumulative: Vec<f64>,
}

/// Sorts `values` through `ranking` and summarises them.
pub fn summarize(values: &[f64], ranking: &mut Ranking) -> Summary {
    ranking.update(values);
    let sorted: Vec<f64> = ranking
        .order()
        .iter()
        .map(|&i| values[i as usize])
        .collect();
    Summary::from_sorted(sorted)
}

impl Summary {
    /// Summarises values already sorted ascending.
    pub fn from_sorted(sorted: Vec<f64>) -> Self {
        let n = sorted.len();
        let mut cumulative = Vec::with_capacity(n + 1);
        let mut running = 0.0;
        let mut weighted = 0.0;
        cumulative.push(0.0);
        for (i, x) in sorted.iter().enumerate() {
            running += x;
            weighted += (i as f64 + 1.0) * x;
            cumulative.push(running);
        }
        let nf = n as f64;
        let gini = if n > 0 && running > 0.0 {
            2.0 * weighted / (nf * running) - (nf + 1.0) / nf
        } else {
            0.0
        };
        let median = match n {
            0 => 0.0,
            _ if n % 2 == 1 => sorted[n / 2],
            _ => 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]),
        };
        let mut deciles = [0.0; 10];
        for (d, slot) in deciles.iter_mut().enumerate() {
            let (lo, hi) = (d * n / 10, (d + 1) * n / 10);
            if hi > lo {
                *slot = (cumulative[hi] - cumulative[lo]) / (hi - lo) as f64;
            }
        }
        Self {
            gini,
            median,
            mean: if n > 0 { running / nf } else { 0.0 },
            deciles,
            sorted,
            cumulative,
        }
    }

    fn total(&self) -> f64 {
        self.cumulative.last().copied().unwrap_or(0.0)
    }

    /// Share of the total held by the poorest fraction `p` of groups (the Lorenz curve,
    /// linear between groups).
    pub fn lorenz_at(&self, p: f64) -> f64 {
        let n = self.sorted.len();
        let total = self.total();
        if n == 0 || total == 0.0 {
            return p.clamp(0.0, 1.0);
        }
        let position = p.clamp(0.0, 1.0) * n as f64;
        let k = (position.floor() as usize).min(n - 1);
        let part = (position - k as f64) * self.sorted[k];
        (self.cumulative[k] + part) / total
    }

    /// Share of the total held by the richest fraction `p` of groups.
    pub fn top_share(&self, p: f64) -> f64 {
        1.0 - self.lorenz_at(1.0 - p)
    }

    /// Fraction of groups below `threshold`. Each group stands at the middle of its quantile
    /// bin and the distribution is linear between groups, so the headcount moves smoothly
    /// as the threshold moves instead of in steps of 1/n.
    pub fn share_below(&self, threshold: f64) -> f64 {
        let n = self.sorted.len();
        if n == 0 || !threshold.is_finite() {
            return 0.0;
        }
        let k = self.sorted.partition_point(|x| *x < threshold);
        if k == 0 {
            return 0.0;
        }
        if k == n {
            return 1.0;
        }
        let (a, b) = (self.sorted[k - 1], self.sorted[k]);
        let within = if b > a {
            (threshold - a) / (b - a)
        } else {
            0.0
        };
        (k as f64 - 0.5 + within) / n as f64
    }

    /// Palma ratio: the richest 10 %'s share over the poorest 40 %'s share.
    pub fn palma(&self) -> f64 {
        let bottom = self.lorenz_at(0.4);
        if bottom > 0.0 {
            self.top_share(0.1) / bottom
        } else {
            0.0
        }
    }

    /// The Lorenz curve at 0, 1/points, …, 1 (`points + 1` values).
    pub fn lorenz(&self, points: usize) -> Vec<f64> {
        let points = points.max(1);
        (0..=points)
            .map(|k| self.lorenz_at(k as f64 / points as f64))
            .collect()
    }

    /// The values, poorest first.
    pub fn sorted(&self) -> &[f64] {
        &self.sorted
    }
}
