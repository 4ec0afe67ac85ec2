//! What a reform means for a household (issue 19): six typical households picked from the
//! model's own population, each with its income statement in the baseline and the scenario,
//! and "a household like mine", whose statement the same tax-benefit rules compute from what a
//! reader enters (a static statement: hours stay as entered).

use crate::model::taxben::Circumstances;
use crate::model::{GroupStatement, HouseholdType, Outcome, Snapshot, YearRules};

/// A household's income statement for a year, a month: what comes in, the taxes it pays,
/// and what it lives on in money and in base-year prices.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Statement {
    /// Pay from market and commons work.
    pub pay: f64,
    /// Profits, interest and the commons surplus (income from what it owns).
    pub capital: f64,
    pub pension: f64,
    /// Child benefit, assistance, other cash benefits and unemployment benefit.
    pub benefits: f64,
    pub basic_income: f64,
    pub income_tax: f64,
    pub wealth_tax: f64,
    /// Disposable income: the above less income and wealth tax.
    pub disposable: f64,
    /// Consumption tax in what it buys (in the price level, so not subtracted again).
    pub vat: f64,
    /// Consumer price level (base year = 1) and disposable income in base-year prices.
    pub price_level: f64,
    pub real_disposable: f64,
}

impl Statement {
    /// The statement of the groups of one household (a year each), a month.
    fn of_groups(groups: &[GroupStatement], price_level: f64) -> Self {
        let sum = |f: fn(&GroupStatement) -> f64| groups.iter().map(f).sum::<f64>() / 12.0;
        let disposable = groups.iter().map(GroupStatement::disposable).sum::<f64>() / 12.0;
        Self {
            pay: sum(|g| g.pay),
            capital: sum(|g| g.capital),
            pension: sum(|g| g.pension),
            benefits: sum(|g| g.benefits),
            basic_income: sum(|g| g.basic_income),
            income_tax: sum(|g| g.income_tax),
            wealth_tax: sum(|g| g.wealth_tax),
            disposable,
            vat: sum(|g| g.vat),
            price_level,
            real_disposable: real(disposable, price_level),
        }
    }

    /// The statement's lines: an id, a label, and the value (taxes negative).
    pub fn lines(&self) -> [(&'static str, &'static str, f64); 11] {
        [
            ("pay", "Pay from work", self.pay),
            ("capital", "Income from what it owns", self.capital),
            ("pension", "Pensions", self.pension),
            ("benefits", "Benefits", self.benefits),
            ("basic_income", "Basic Income", self.basic_income),
            ("income_tax", "Income tax", 0.0 - self.income_tax),
            ("wealth_tax", "Wealth tax", 0.0 - self.wealth_tax),
            ("disposable", "Disposable income", self.disposable),
            ("vat", "of which VAT in what it buys", 0.0 - self.vat),
            (
                "price_effect",
                "Price of living",
                self.real_disposable - self.disposable,
            ),
            (
                "real_disposable",
                "Real disposable income",
                self.real_disposable,
            ),
        ]
    }
}

fn real(money: f64, price_level: f64) -> f64 {
    if price_level > 0.0 {
        money / price_level
    } else {
        money
    }
}

/// A typical household of the model's population, in the baseline and the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Archetype {
    pub id: &'static str,
    pub name: &'static str,
    pub baseline: Statement,
    pub scenario: Statement,
}

/// One household of a year's snapshot: where its groups start, how many adults, its type.
#[derive(Debug, Clone, Copy)]
struct Home {
    first: usize,
    adults: usize,
    kind: HouseholdType,
    pay: f64,
    pension: f64,
    wealth: f64,
    /// The household's smallest and largest pay of an adult.
    pay_range: (f64, f64),
    /// Hours worked (offered less jobless) of its first adult, share of full time.
    worked: f64,
    jobless: f64,
}

fn homes(s: &Snapshot) -> Vec<Home> {
    let n = s.groups().min(s.adults.len()).min(s.household.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let adults = usize::from(s.adults[i]).clamp(1, n - i);
        let groups: Vec<GroupStatement> = (i..i + adults).map(|g| s.statement(g)).collect();
        let pays: Vec<f64> = groups.iter().map(|g| g.pay).collect();
        out.push(Home {
            first: i,
            adults,
            kind: s.household[i],
            pay: pays.iter().sum(),
            pension: groups.iter().map(|g| g.pension).sum(),
            wealth: groups.iter().map(|g| g.wealth).sum(),
            pay_range: (
                pays.iter().copied().fold(f64::INFINITY, f64::min),
                pays.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            ),
            worked: groups[0].hours * (1.0 - groups[0].jobless),
            jobless: groups[0].jobless,
        });
        i += adults;
    }
    out
}

/// The statements of the groups in `range`.
fn statements(s: &Snapshot, range: std::ops::Range<usize>) -> Vec<GroupStatement> {
    range.map(|g| s.statement(g)).collect()
}

/// The household in the middle of `candidates` by `key`.
fn median_by(mut candidates: Vec<Home>, key: impl Fn(&Home) -> f64) -> Option<Home> {
    candidates.sort_by(|a, b| key(a).total_cmp(&key(b)));
    candidates.get(candidates.len() / 2).copied()
}

/// The six typical households of the year at column `t`, picked in the baseline (the same
/// people in the scenario), each with both statements. A kind the population lacks that year
/// (no single parent works part-time, say) is left out.
pub fn archetypes(outcome: &Outcome, t: usize) -> Vec<Archetype> {
    let (Some(s), Some(b)) = (
        outcome.scenario.snapshots.get(t),
        outcome.baseline.snapshots.get(t),
    ) else {
        return Vec::new();
    };
    if s.groups() != b.groups() {
        return Vec::new();
    }
    let all = homes(b);
    let of = |kind: HouseholdType| -> Vec<Home> {
        all.iter().copied().filter(|h| h.kind == kind).collect()
    };
    let working_age = |h: &Home| h.kind != HouseholdType::Pensioner;
    let picks: [(&'static str, &'static str, Option<Home>); 6] = [
        (
            "single_median_pay",
            "A single adult at median pay",
            median_by(
                of(HouseholdType::Single)
                    .into_iter()
                    .filter(|h| h.pay > 0.0)
                    .collect(),
                |h| h.pay,
            ),
        ),
        (
            "couple_one_earner",
            "A couple with children and one earner",
            median_by(
                of(HouseholdType::CoupleChildren)
                    .into_iter()
                    .filter(|h| h.pay_range.1 > 0.0 && h.pay_range.0 <= 0.05 * h.pay_range.1)
                    .collect(),
                |h| h.pay,
            )
            .or_else(|| {
                // No couple with one earner alone: the most unequal split of pay.
                let mut c = of(HouseholdType::CoupleChildren);
                c.sort_by(|a, b| {
                    let share = |h: &Home| h.pay_range.0 / h.pay_range.1.max(1e-9);
                    share(a).total_cmp(&share(b))
                });
                c.first().copied()
            }),
        ),
        (
            "single_parent_part_time",
            "A single parent working part-time",
            median_by(
                of(HouseholdType::SingleParent)
                    .into_iter()
                    .filter(|h| h.worked >= 0.2 && h.worked <= 0.75)
                    .collect(),
                |h| h.pay,
            ),
        ),
        (
            "pensioner_couple",
            "A pensioner couple",
            median_by(
                of(HouseholdType::Pensioner)
                    .into_iter()
                    .filter(|h| h.adults == 2)
                    .collect(),
                |h| h.pension,
            ),
        ),
        (
            "adult_without_job",
            "An adult without a job",
            median_by(
                all.iter()
                    .copied()
                    .filter(|h| working_age(h) && h.jobless >= 0.99)
                    .collect(),
                |h| h.wealth,
            )
            .or_else(|| {
                // Nobody wholly without work that year: the working-age adult who works least
                // (out of the labour force, or jobless most of the time).
                all.iter()
                    .copied()
                    .filter(working_age)
                    .min_by(|a, c| a.worked.total_cmp(&c.worked))
            }),
        ),
        ("top_wealth", "A household in the top 1 % of wealth", {
            let mut by_wealth = all.clone();
            by_wealth.sort_by(|a, c| {
                (a.wealth / a.adults as f64).total_cmp(&(c.wealth / c.adults as f64))
            });
            let at = (by_wealth.len() as f64 * 0.995) as usize;
            by_wealth
                .get(at.min(by_wealth.len().saturating_sub(1)))
                .copied()
        }),
    ];
    picks
        .into_iter()
        .filter_map(|(id, name, home)| {
            let h = home?;
            let range = h.first..h.first + h.adults;
            Some(Archetype {
                id,
                name,
                baseline: Statement::of_groups(&statements(b, range.clone()), b.rules.price_level),
                scenario: Statement::of_groups(&statements(s, range), s.rules.price_level),
            })
        })
        .collect()
}

/// What a reader tells about their household: yearly earnings of each adult in today's money
/// (the second ignored for one adult), adults, children, whether the adults are 65 or over
/// (and receive a pension), and the household's financial wealth in today's money.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mine {
    pub earnings: [f64; 2],
    pub adults: u8,
    pub children: f64,
    pub pensioners: bool,
    pub wealth: f64,
}

/// The households "a household like mine" can describe: the model's households have one or
/// two adults. The form, the link's `h.`-keys and the CLI all check against these.
pub const ADULTS: std::ops::RangeInclusive<u8> = 1..=2;
/// The most children it takes.
pub const MAX_CHILDREN: u8 = 10;
/// The largest amount the form and a link take (pay a month, savings).
pub const MAX_AMOUNT: f64 = 1e9;

impl Mine {
    /// The inputs made safe: no negative amounts, [`ADULTS`], at most [`MAX_CHILDREN`].
    pub fn sane(self) -> Self {
        let amount = |x: f64| if x.is_finite() { x.max(0.0) } else { 0.0 };
        Self {
            earnings: self.earnings.map(amount),
            adults: self.adults.clamp(*ADULTS.start(), *ADULTS.end()),
            children: amount(self.children).min(f64::from(MAX_CHILDREN)),
            pensioners: self.pensioners,
            wealth: amount(self.wealth),
        }
    }
}

/// The statement of `mine` under a year's `rules` (a month). Static: hours stay as entered;
/// earnings grow with average pay since the base year, so the household keeps its place among
/// earners; wealth earns the year's return. Pensioners receive the average pension of a
/// person of mean past earnings. Other cash benefits (disability, survivors), which follow
/// circumstances the reader does not enter, are left out.
pub fn statement_of(mine: &Mine, rules: &YearRules) -> Statement {
    let mine = mine.sane();
    let adults = usize::from(mine.adults);
    let b = &rules.benefits;
    let capital = rules.return_on_wealth * mine.wealth;
    let pension = if mine.pensioners {
        b.pension_of(1.0)
    } else {
        0.0
    };
    let (mut pay, mut income_tax, mut assessed) = (0.0, 0.0, 0.0);
    for earned in &mine.earnings[..adults] {
        let own_pay = earned * rules.pay_growth;
        let taxable = own_pay + capital / adults as f64 + pension;
        income_tax += rules.schedule.tax(taxable).0 + rules.shift * taxable;
        pay += own_pay;
        assessed += taxable;
    }
    let c = Circumstances {
        adults: adults as f64,
        elderly: if mine.pensioners { adults as f64 } else { 0.0 },
        children: mine.children,
        assessed_income: assessed,
        needs: 1.0,
    };
    let amounts = b.of(&c);
    let basic_income = amounts.basic_income * b.clawback(&c, amounts.basic_income).0;
    let benefits = amounts.child + amounts.assistance;
    let wealth_tax = rules.wealth_tax * mine.wealth;
    let disposable =
        pay + capital + pension * adults as f64 + benefits + basic_income - income_tax - wealth_tax;
    let month = |x: f64| x / 12.0;
    let vat_share = rules.vat / (1.0 + rules.vat);
    Statement {
        pay: month(pay),
        capital: month(capital),
        pension: month(pension * adults as f64),
        benefits: month(benefits),
        basic_income: month(basic_income),
        income_tax: month(income_tax),
        wealth_tax: month(wealth_tax),
        disposable: month(disposable),
        vat: month(vat_share * disposable.max(0.0)),
        price_level: rules.price_level,
        real_disposable: month(real(disposable, rules.price_level)),
    }
}

/// `mine`'s statements in the baseline and the scenario in the year at column `t`.
pub fn mine_in(outcome: &Outcome, t: usize, mine: &Mine) -> Option<(Statement, Statement)> {
    let b = outcome.baseline.snapshots.get(t)?;
    let s = outcome.scenario.snapshots.get(t)?;
    Some((statement_of(mine, &b.rules), statement_of(mine, &s.rules)))
}
