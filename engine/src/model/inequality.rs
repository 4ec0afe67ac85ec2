//! Inequality measures of groups that stand for people: Gini, median, top shares, poverty
//! headcounts, deciles, Palma ratio and Lorenz curves.
//!
//! Every measure needs the values in order. Households change rank slowly from one year to
//! the next, so a [`Ranking`] keeps last year's order and repairs it by insertion sort,
//! which costs about one pass over nearly sorted data instead of a full sort.

/// The order of the groups by value (poorest first), kept from one year to the next.
#[derive(Debug, Clone)]
pub struct Ranking {
    order: Vec<u32>,
    /// The values in `order`, each with its group: sorting these contiguous pairs instead of
    /// indices into the values saves a dependent load per comparison, and leaves the sorted
    /// values ready for the measures.
    pairs: Vec<(f64, u32)>,
}

/// `a` comes before `b`: smaller value, ties broken by group index.
fn before(a: (f64, u32), b: (f64, u32)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}

/// Places an insertion sort walks back one by one before it turns to binary search.
const LINEAR_STEPS: usize = 8;

/// Insertion sort of `pairs` by [`before`]; gives up (returns false, leaving `pairs`
/// permuted) once more than `budget` moves (places shifted) were made.
///
/// Most households keep their rank or move a place or two, but the few that move far move
/// a hundred places: each item walks back a few places, then finds its place by binary
/// search in the sorted prefix and the prefix shifts by one block copy. Same places, same
/// order and same count of moves as the one-by-one walk.
fn insertion_sort(pairs: &mut [(f64, u32)], budget: usize) -> bool {
    let mut moves = 0;
    for i in 1..pairs.len() {
        let item = pairs[i];
        if !before(item, pairs[i - 1]) {
            continue; // already in place: the common case
        }
        let mut j = i - 1;
        let floor = j.saturating_sub(LINEAR_STEPS);
        while j > floor && before(item, pairs[j - 1]) {
            j -= 1;
        }
        if j == floor && j > 0 && before(item, pairs[j - 1]) {
            j = pairs[..j].partition_point(|&e| !before(item, e));
        }
        pairs.copy_within(j..i, j + 1);
        pairs[j] = item;
        moves += i - j;
        if moves > budget {
            return false;
        }
    }
    true
}

impl Ranking {
    /// The identity order of `n` groups (groups are created poorest first).
    pub fn new(n: usize) -> Self {
        Self {
            order: (0..n as u32).collect(),
            pairs: Vec::with_capacity(n),
        }
    }

    /// Re-sorts the order by `values` (ties broken by group index, so the order is
    /// deterministic). Starts from the previous order; falls back to a full sort when the
    /// data turn out to be far from sorted, so the cost stays O(n log n) at worst.
    pub fn update(&mut self, values: &[f64]) {
        self.sort(values);
        for (slot, &(_, i)) in self.order.iter_mut().zip(&self.pairs) {
            *slot = i;
        }
    }

    /// Sorts `pairs` by `values`, starting from the previous order (which is left as it
    /// was: [`Ranking::update`] and [`summarize_into`] write it back).
    fn sort(&mut self, values: &[f64]) {
        if self.order.len() != values.len() {
            *self = Self::new(values.len());
        }
        self.pairs.clear();
        self.pairs
            .extend(self.order.iter().map(|&i| (values[i as usize], i)));
        let budget = 16 * values.len() + 64;
        if !insertion_sort(&mut self.pairs, budget) {
            // Both orders are strict and total on the groups, so either sort gives the one
            // order `before` defines (NaN-free values).
            self.pairs
                .sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        }
    }

    /// Group indices, poorest first.
    pub fn order(&self) -> &[u32] {
        &self.order
    }
}

/// A distribution in sorted form, with the measures users see. Each group stands for a
/// number of people (its weight): one for an equal-weight distribution such as wealth per
/// adult; for incomes, a group's adult and its share of the household's children (each
/// person has the household's equivalised income). Measures are person-weighted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Gini coefficient (0 = equal, 1 = one person has everything).
    pub gini: f64,
    /// The value of the middle person.
    pub median: f64,
    /// Mean over people.
    pub mean: f64,
    /// Mean value of each tenth of the people, poorest first.
    pub deciles: [f64; 10],
    sorted: Vec<f64>,
    /// Running totals of the weights and of weight × value (`n + 1` entries).
    weight: Vec<f64>,
    value: Vec<f64>,
}

/// Sorts `values` through `ranking` and summarises them, each group of weight one.
pub fn summarize(values: &[f64], ranking: &mut Ranking) -> Summary {
    let mut summary = Summary::default();
    summarize_into(values, None, ranking, &mut summary);
    summary
}

/// Sorts `values` through `ranking` and summarises them with `weights` (people per group;
/// one each when `None`), reusing the buffers of `summary` (no allocation once they are
/// large enough: the recorder summarises its distributions every year).
pub fn summarize_into(
    values: &[f64],
    weights: Option<&[f64]>,
    ranking: &mut Ranking,
    summary: &mut Summary,
) {
    ranking.sort(values);
    let n = values.len();
    let (order, pairs) = (&mut ranking.order[..n], &ranking.pairs[..n]);
    summary.fill(n, |k| {
        let (x, i) = pairs[k];
        order[k] = i;
        (x, weights.map_or(1.0, |w| w[i as usize].max(0.0)))
    });
}

impl Summary {
    /// Summarises values already sorted ascending, each of weight one.
    pub fn from_sorted(sorted: Vec<f64>) -> Self {
        let mut summary = Self::default();
        summary.fill(sorted.len(), |k| (sorted[k], 1.0));
        summary
    }

    /// Fills the sorted values and running totals from `at(k)` = (k-th smallest value, its
    /// weight), then every measure.
    fn fill(&mut self, n: usize, mut at: impl FnMut(usize) -> (f64, f64)) {
        self.sorted.resize(n, 0.0);
        self.weight.resize(n + 1, 0.0);
        self.value.resize(n + 1, 0.0);
        let (sorted, cw, cv) = (
            &mut self.sorted[..n],
            &mut self.weight[..=n],
            &mut self.value[..=n],
        );
        cw[0] = 0.0;
        cv[0] = 0.0;
        // Gini: 1 − Σ p_k (L_{k−1} + L_k), with p_k the group's share of people and L the
        // Lorenz curve at the group's edges; the sum is taken unnormalised as the running
        // totals fill, and normalised once.
        let mut area = 0.0;
        let (mut w_run, mut v_run) = (0.0, 0.0);
        for k in 0..n {
            let (x, w) = at(k);
            sorted[k] = x;
            let v_next = v_run + w * x;
            area += w * (v_run + v_next);
            w_run += w;
            v_run = v_next;
            cw[k + 1] = w_run;
            cv[k + 1] = v_run;
        }
        self.finish(area);
    }

    fn finish(&mut self, area: f64) {
        let n = self.sorted.len();
        let (w_total, v_total) = (self.weight[n], self.value[n]);
        self.mean = if w_total > 0.0 {
            v_total / w_total
        } else {
            0.0
        };
        self.gini = if w_total > 0.0 && v_total > 0.0 {
            1.0 - area / (w_total * v_total)
        } else {
            0.0
        };
        self.median = self.quantile(0.5);
        let mut deciles = [0.0; 10];
        for (d, slot) in deciles.iter_mut().enumerate() {
            let (lo, hi) = (d as f64 / 10.0, (d + 1) as f64 / 10.0);
            let people = (hi - lo) * w_total;
            if people > 0.0 {
                *slot = (self.value_below(hi) - self.value_below(lo)) / people;
            }
        }
        self.deciles = deciles;
    }

    /// Σ weight × value of the poorest fraction `p` of people (groups split at the edge).
    fn value_below(&self, p: f64) -> f64 {
        let n = self.sorted.len();
        let w_total = self.weight[n];
        if n == 0 || w_total <= 0.0 {
            return 0.0;
        }
        let at = p.clamp(0.0, 1.0) * w_total;
        let k = self
            .weight
            .partition_point(|w| *w <= at)
            .saturating_sub(1)
            .min(n - 1);
        self.value[k] + (at - self.weight[k]) * self.sorted[k]
    }

    /// The value below which the fraction `p` of people fall: each group stands at the middle
    /// of its people, linear between groups.
    pub fn quantile(&self, p: f64) -> f64 {
        let n = self.sorted.len();
        if n == 0 {
            return 0.0;
        }
        let w_total = self.weight[n];
        let at = p.clamp(0.0, 1.0) * w_total;
        let centre = |k: usize| 0.5 * (self.weight[k] + self.weight[k + 1]);
        // The first group whose centre is at or past `at` (centres rise with k).
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if centre(mid) >= at {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let k = lo;
        if k == 0 {
            return self.sorted[0];
        }
        if k == n {
            return self.sorted[n - 1];
        }
        let (c0, c1) = (centre(k - 1), centre(k));
        let x = if c1 > c0 { (at - c0) / (c1 - c0) } else { 1.0 };
        self.sorted[k - 1] + x * (self.sorted[k] - self.sorted[k - 1])
    }

    /// Share of people below `threshold` (the same interpolation as [`Self::quantile`], so
    /// the headcount moves smoothly with the threshold).
    pub fn share_below(&self, threshold: f64) -> f64 {
        let n = self.sorted.len();
        if n == 0 || !threshold.is_finite() {
            return 0.0;
        }
        let w_total = self.weight[n];
        if w_total <= 0.0 {
            return 0.0;
        }
        let k = self.sorted.partition_point(|x| *x < threshold);
        let centre = |k: usize| 0.5 * (self.weight[k] + self.weight[k + 1]);
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
        (centre(k - 1) + within * (centre(k) - centre(k - 1))) / w_total
    }

    /// Share of people below `line` when each group stands for households whose values
    /// spread evenly over ±`spread` (a fraction) of the group's value: the headcount moves
    /// smoothly as groups cross the line, and does not hang on where a few groups happen to
    /// sit (models/README.md §7, "Within-group spread").
    pub fn share_below_spread(&self, line: f64, spread: f64) -> f64 {
        let n = self.sorted.len();
        if n == 0 || !line.is_finite() {
            return 0.0;
        }
        let w_total = self.weight[n];
        if w_total <= 0.0 {
            return 0.0;
        }
        let spread = spread.clamp(0.0, 0.99);
        // Groups wholly below the line, then those it cuts through.
        let first = self.sorted.partition_point(|x| x * (1.0 + spread) <= line);
        let last = self.sorted.partition_point(|x| x * (1.0 - spread) < line);
        let mut below = self.weight[first];
        for k in first..last.max(first) {
            let w = self.weight[k + 1] - self.weight[k];
            below += w * below_fraction(self.sorted[k], line, spread);
        }
        below / w_total
    }

    /// Share of the total held by the poorest fraction `p` of people.
    pub fn lorenz_at(&self, p: f64) -> f64 {
        let n = self.sorted.len();
        let total = self.value.get(n).copied().unwrap_or(0.0);
        if n == 0 || total == 0.0 {
            return p.clamp(0.0, 1.0);
        }
        self.value_below(p) / total
    }

    /// Share of the total held by the richest fraction `p` of people.
    pub fn top_share(&self, p: f64) -> f64 {
        1.0 - self.lorenz_at(1.0 - p)
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

/// The fraction of a group of value `value` below `line` when its households spread evenly
/// over ±`spread` of its value (all of it when the value is not positive).
pub fn below_fraction(value: f64, line: f64, spread: f64) -> f64 {
    if value <= 0.0 {
        return if line > value { 1.0 } else { 0.0 };
    }
    if spread <= 0.0 {
        return if value < line { 1.0 } else { 0.0 };
    }
    ((line - value * (1.0 - spread)) / (2.0 * spread * value)).clamp(0.0, 1.0)
}
