//! People in households (models/README.md §2a): which household each adult group lives in,
//! with how many other adults and how many children, and who is 65 or over, year by year.
//!
//! The engine's unit stays the adult group (N groups of equal weight, in skill order), so
//! every per-adult figure and the wealth shares per adult stay exact. Households are built on
//! top: a couple is two groups of adjacent skill rank (assortative matching), children belong
//! to households with children, and people 65 and over live in childless households of one or
//! two adults. As the population ages, more childless households reach 65 (a deterministic,
//! evenly spread order), and the number of children per household follows the projected
//! share of children.

/// How far the households a group stands for spread around its income, each way (a
/// fraction of it): a group is thousands of households, whose incomes differ by more than
/// this within any cell of rank, household kind and age (models/README.md §7). Poverty
/// counts a group's households spread evenly over this range: counted as one point,
/// headcounts jumped as whole groups crossed a line.
pub const WITHIN_GROUP_SPREAD: f64 = 0.1;

/// A household's composition in the base year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One adult, no children.
    Single,
    /// Two adults, no children.
    Couple,
    /// Two adults with children.
    CoupleChildren,
    /// One adult with children.
    SingleParent,
}

impl Kind {
    /// Adults in the household.
    pub fn adults(self) -> usize {
        match self {
            Kind::Single | Kind::SingleParent => 1,
            Kind::Couple | Kind::CoupleChildren => 2,
        }
    }

    /// Whether children live in the household.
    pub fn with_children(self) -> bool {
        matches!(self, Kind::CoupleChildren | Kind::SingleParent)
    }
}

/// The shares that shape the population of a region (fractions).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Composition {
    /// Working-age adults by the kind of household they live in (they add up to 1).
    pub single: f64,
    pub couple: f64,
    pub couple_children: f64,
    pub single_parent: f64,
    /// Share of people 65 and over who live alone.
    pub elderly_alone: f64,
}

/// The age structure of one year: shares of the whole population.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ages {
    pub children: f64,
    pub elderly: f64,
}

impl Ages {
    /// Children per adult.
    pub fn children_per_adult(&self) -> f64 {
        let adults = (1.0 - self.children).max(1e-9);
        self.children / adults
    }

    /// Share of adults who are 65 or over.
    pub fn elderly_of_adults(&self) -> f64 {
        let adults = (1.0 - self.children).max(1e-9);
        (self.elderly / adults).clamp(0.0, 1.0)
    }
}

/// The projection anchors of a region: (calendar year, ages), in order.
pub type Projection = [(i32, Ages); 4];

/// The ages of calendar `year`: linear between the projection's anchors, the first anchor's
/// before it and the last one's after it (models/README.md §2a).
pub fn ages_in(projection: &Projection, year: i32) -> Ages {
    let first = projection[0];
    if year <= first.0 {
        return first.1;
    }
    for w in projection.windows(2) {
        let ((y0, a0), (y1, a1)) = (w[0], w[1]);
        if year <= y1 {
            let x = f64::from(year - y0) / f64::from(y1 - y0);
            return Ages {
                children: a0.children + x * (a1.children - a0.children),
                elderly: a0.elderly + x * (a1.elderly - a0.elderly),
            };
        }
    }
    projection[projection.len() - 1].1
}

/// Where every adult group lives.
#[derive(Debug, Clone, PartialEq)]
pub struct People {
    /// The household kind of each group (base year; constant).
    pub kind: Vec<Kind>,
    /// The first group of each group's household (itself, or its partner for the second adult
    /// of a couple).
    pub head: Vec<u32>,
    /// Adults in each group's household (1 or 2).
    pub adults: Vec<u8>,
    /// Where each childless household stands in the order in which households reach 65
    /// (in (0, 1); the same for both adults of a couple; 2 for households with children).
    pub age_key: Vec<f64>,
    /// Each household's needs relative to others of its size (housing costs, disability,
    /// care), between 0.7 and 1.3, mean 1: means-tested guarantees vary with them, which
    /// also keeps the households that live on assistance from all having one income.
    pub needs: Vec<f64>,
    /// Each adult's draw in (0, 1) for the part of its wealth rank that skill does not
    /// explain (calibrate.rs mixes it with the skill rank).
    pub wealth_key: Vec<f64>,
}

/// The `k`-th number (from 0) of the van der Corput sequence in `base`: numbers in (0, 1)
/// spread evenly however many are taken. Different bases give sequences independent of each
/// other (households' ages use base 2, their needs base 5, wealth ranks base 3).
pub fn van_der_corput(k: usize, base: usize) -> f64 {
    let (mut m, mut x, mut f) = (k + 1, 0.0, 1.0 / base as f64);
    while m > 0 {
        x += (m % base) as f64 * f;
        m /= base;
        f /= base as f64;
    }
    x
}

impl People {
    /// Builds the households of `n` adult groups in skill order: household kinds are spread
    /// evenly over the ranks (each kind gets its own quantile groups), a couple takes two
    /// adjacent ranks. `base` gives the age structure of the base year, which sets how many
    /// of the childless households are 65 or over.
    pub fn build(n: usize, c: &Composition, base: &Ages) -> Self {
        let elderly = base.elderly_of_adults();
        // Shares of adults in each kind: working-age adults by kind, plus the elderly, who
        // live in childless households (alone, or in couples).
        let working = 1.0 - elderly;
        let targets = [
            (Kind::Single, working * c.single + elderly * c.elderly_alone),
            (
                Kind::Couple,
                working * c.couple + elderly * (1.0 - c.elderly_alone),
            ),
            (Kind::CoupleChildren, working * c.couple_children),
            (Kind::SingleParent, working * c.single_parent),
        ];
        let total: f64 = targets
            .iter()
            .map(|(_, s)| s.max(0.0))
            .sum::<f64>()
            .max(1e-12);
        let mut kind = Vec::with_capacity(n);
        let mut head = Vec::with_capacity(n);
        let mut adults = Vec::with_capacity(n);
        let mut assigned = [0.0f64; 4];
        let mut i = 0;
        while i < n {
            // The kind furthest behind its share of the adults placed so far.
            let placed = i as f64 + 1.0;
            let (k, _) = targets
                .iter()
                .enumerate()
                .map(|(k, (kind, share))| {
                    let room = if kind.adults() == 2 && i + 1 >= n {
                        f64::NEG_INFINITY
                    } else {
                        share.max(0.0) / total * placed - assigned[k]
                    };
                    (k, room)
                })
                .fold(
                    (0, f64::NEG_INFINITY),
                    |best, x| if x.1 > best.1 { x } else { best },
                );
            let this = targets[k].0;
            let size = this.adults().min(n - i);
            for _ in 0..size {
                kind.push(this);
                head.push(i as u32);
                adults.push(size as u8);
            }
            assigned[k] += size as f64;
            i += size;
        }
        // Each household's draws (the age at which childless ones reach 65, its needs) and
        // each adult's wealth draw come from low-discrepancy sequences counted *within its
        // kind* (bases 2, 5 and 3): each kind's groups run up the skill ranks in order, so
        // within a kind (rank, age, needs, wealth draw) is a Hammersley point set, evenly
        // spread in every projection. Counted over all groups instead, the draws of a small
        // subpopulation (pensioners, single parents) were a scatter whose luck changed with
        // the number of groups: pensioner poverty moved by 4 pp between 500 and 1,000 groups.
        let mut households_of = [0usize; 4];
        let mut adults_of = [0usize; 4];
        let mut age_key = vec![2.0; n];
        let mut needs = vec![1.0; n];
        let mut wealth_key = vec![0.5; n];
        for g in 0..n {
            let slot = kind[g] as usize;
            wealth_key[g] = van_der_corput(adults_of[slot], 3);
            adults_of[slot] += 1;
            let h = head[g] as usize;
            if h != g {
                age_key[g] = age_key[h];
                needs[g] = needs[h];
                continue;
            }
            let k = households_of[slot];
            households_of[slot] += 1;
            if !kind[g].with_children() {
                age_key[g] = van_der_corput(k, 2);
            }
            needs[g] = 0.7 + 0.6 * van_der_corput(k, 5);
        }
        Self {
            kind,
            head,
            adults,
            age_key,
            needs,
            wealth_key,
        }
    }

    /// The households among the first `n` groups, in order: each the range of its adults'
    /// groups (a couple is two adjacent groups; every range is non-empty).
    pub fn households(&self, n: usize) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let n = n.min(self.adults.len());
        let mut g = 0;
        std::iter::from_fn(move || {
            if g >= n {
                return None;
            }
            let adults = usize::from(self.adults[g]).clamp(1, n - g);
            let members = g..g + adults;
            g += adults;
            Some(members)
        })
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.kind.len()
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.kind.is_empty()
    }

    /// The thresholds on `age_key` below which single and couple households are 65 or over,
    /// so that `ages.elderly_of_adults()` of the adults are, `elderly_alone` of them alone.
    pub fn elderly_thresholds(&self, ages: &Ages, elderly_alone: f64) -> (f64, f64) {
        let n = self.len() as f64;
        let singles = self.kind.iter().filter(|k| **k == Kind::Single).count() as f64;
        let couples = self.kind.iter().filter(|k| **k == Kind::Couple).count() as f64;
        let elderly = ages.elderly_of_adults() * n;
        let alone = elderly * elderly_alone;
        let share = |want: f64, have: f64| {
            if have > 0.0 {
                (want / have).clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        (share(alone, singles), share(elderly - alone, couples))
    }

    /// Whether group `g` is 65 or over, given the year's thresholds.
    #[inline]
    pub fn is_elderly(&self, g: usize, thresholds: (f64, f64)) -> bool {
        match self.kind[g] {
            Kind::Single => self.age_key[g] < thresholds.0,
            Kind::Couple => self.age_key[g] < thresholds.1,
            _ => false,
        }
    }

    /// Children per household with children, so that there are `children_per_adult`
    /// children for every adult.
    pub fn children_per_household(&self, children_per_adult: f64) -> f64 {
        let n = self.len() as f64;
        let households_with_children = (0..self.len())
            .filter(|&g| self.head[g] as usize == g && self.kind[g].with_children())
            .count() as f64;
        if households_with_children > 0.0 {
            children_per_adult * n / households_with_children
        } else {
            0.0
        }
    }
}

/// The OECD-modified equivalence scale: 1 for the first adult, 0.5 for each other adult,
/// 0.3 for each child (Hagenaars, de Vos & Zaidi 1994; the OECD and Eurostat use it). Every
/// child counts 0.3 here, though children of 14–17 count 0.5 in the scale: at most 0.04 of a
/// household's scale for a typical family.
#[inline]
pub fn equivalence_scale(adults: f64, children: f64) -> f64 {
    1.0 + 0.5 * (adults - 1.0).max(0.0) + 0.3 * children.max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> (Composition, Ages) {
        (
            Composition {
                single: 0.26,
                couple: 0.28,
                couple_children: 0.34,
                single_parent: 0.12,
                elderly_alone: 0.28,
            },
            Ages {
                children: 0.215,
                elderly: 0.18,
            },
        )
    }

    #[test]
    fn kinds_take_their_share_of_adults_and_couples_are_adjacent() {
        let (c, a) = us();
        let p = People::build(1000, &c, &a);
        let count = |k: Kind| p.kind.iter().filter(|x| **x == k).count() as f64 / 1000.0;
        let elderly = a.elderly_of_adults();
        assert!((count(Kind::CoupleChildren) - (1.0 - elderly) * 0.34).abs() < 0.005);
        assert!((count(Kind::SingleParent) - (1.0 - elderly) * 0.12).abs() < 0.005);
        for g in 0..1000 {
            let h = p.head[g] as usize;
            assert!(h == g || h + 1 == g, "group {g} head {h}");
            assert_eq!(p.adults[g] as usize, p.kind[g].adults());
        }
        // Every kind reaches the top and the bottom of the skill ranks.
        for k in [
            Kind::Single,
            Kind::Couple,
            Kind::CoupleChildren,
            Kind::SingleParent,
        ] {
            assert!(
                p.kind[..100].contains(&k) && p.kind[900..].contains(&k),
                "{k:?}"
            );
        }
    }

    #[test]
    fn the_elderly_share_and_living_alone_come_out_as_asked() {
        let (c, a) = us();
        let p = People::build(1000, &c, &a);
        let t = p.elderly_thresholds(&a, c.elderly_alone);
        let elderly: Vec<usize> = (0..1000).filter(|&g| p.is_elderly(g, t)).collect();
        let share = elderly.len() as f64 / 1000.0;
        assert!((share - a.elderly_of_adults()).abs() < 0.01, "{share}");
        let alone = elderly.iter().filter(|&&g| p.adults[g] == 1).count() as f64;
        assert!((alone / elderly.len() as f64 - 0.28).abs() < 0.03);
        // Both adults of a couple are 65 or over together.
        for &g in &elderly {
            let h = p.head[g] as usize;
            assert!(p.is_elderly(h, t));
        }
        // Ageing only adds: every household 65+ now is still 65+ when the share is higher.
        let older = Ages {
            children: 0.18,
            elderly: 0.30,
        };
        let t2 = p.elderly_thresholds(&older, c.elderly_alone);
        assert!(elderly.iter().all(|&g| p.is_elderly(g, t2)));
    }

    #[test]
    fn ages_interpolate_between_anchors_and_hold_after_the_last() {
        let at = |c, e| Ages {
            children: c,
            elderly: e,
        };
        let proj: Projection = [
            (2025, at(0.2, 0.2)),
            (2050, at(0.2, 0.3)),
            (2075, at(0.2, 0.3)),
            (2100, at(0.1, 0.4)),
        ];
        assert_eq!(ages_in(&proj, 2020), at(0.2, 0.2));
        assert!((ages_in(&proj, 2030).elderly - 0.22).abs() < 1e-12);
        assert_eq!(ages_in(&proj, 2150), at(0.1, 0.4));
    }

    #[test]
    fn the_oecd_modified_scale() {
        assert_eq!(equivalence_scale(1.0, 0.0), 1.0);
        assert!((equivalence_scale(2.0, 2.0) - 2.1).abs() < 1e-12);
    }
}
