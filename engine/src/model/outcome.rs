//! The outcome of a run: every output series for the scenario and its status-quo baseline,
//! the books of every year, and distribution snapshots for the Lorenz and decile charts.

use super::accounts::Accounts;
use super::economy::Calibration;
use crate::catalog::{output, OUTPUTS, OUTPUT_COUNT};
use ndarray::Array2;

/// Points of each stored Lorenz curve (cumulative shares at k/LORENZ_POINTS).
pub const LORENZ_POINTS: usize = 20;

/// Income and wealth distributions of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Mean real equivalised disposable income a month, by decile of people (poorest first).
    pub income_deciles: [f64; 10],
    /// Mean wealth per adult, by wealth decile (poorest first).
    pub wealth_deciles: [f64; 10],
    /// Lorenz curve of real equivalised disposable income over people: shares at 0, 1/20, …, 1.
    pub income_lorenz: Vec<f64>,
    /// Lorenz curve of wealth.
    pub wealth_lorenz: Vec<f64>,
    /// Taxes paid as % of taxable income plus benefits, by income decile.
    pub tax_by_decile: [f64; 10],
    /// Each adult group's real equivalised disposable household income, a year (not
    /// bottom-coded), the people it stands for (its adult and its share of the household's
    /// children), and the kind of household it lives in. Group i is the same people in the
    /// scenario and the baseline, so these say who gains and who pays.
    pub living: Vec<f64>,
    pub members: Vec<f64>,
    pub household: Vec<HouseholdType>,
    /// What each adult group received and paid in the year (money, a year; its income
    /// statement is [`Snapshot::statement`]), and its household's adults (1 or 2: the adults
    /// of a couple are adjacent groups, the first one first).
    pub flows: GroupFlows,
    pub adults: Vec<u8>,
    /// The year's rules and prices, for the statement of "a household like mine".
    pub rules: YearRules,
}

/// The solver's per-group flows of a year, copied whole (cheaper than building statements
/// for every group of every year; [`Snapshot::statement`] builds one when asked).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupFlows {
    pub wages: Vec<f64>,
    pub commons_pay: Vec<f64>,
    pub taxable: Vec<f64>,
    pub pension: Vec<f64>,
    pub transfers: Vec<f64>,
    pub basic_income: Vec<f64>,
    pub income_tax: Vec<f64>,
    /// All taxes: income, wealth and consumption tax.
    pub taxes: Vec<f64>,
    pub wealth_tax: Vec<f64>,
    /// Financial and commons wealth at the end of the year.
    pub wealth: Vec<f64>,
    pub hours: Vec<f64>,
    pub jobless: Vec<f64>,
}

impl Snapshot {
    /// Adult groups in the snapshot.
    pub fn groups(&self) -> usize {
        self.flows.taxable.len()
    }

    /// Group `i`'s income statement of the year (zeros past the last group).
    pub fn statement(&self, i: usize) -> GroupStatement {
        let f = &self.flows;
        let at = |v: &[f64]| v.get(i).copied().unwrap_or(0.0);
        let (wages, commons, taxable, pension) = (
            at(&f.wages),
            at(&f.commons_pay),
            at(&f.taxable),
            at(&f.pension),
        );
        let (income_tax, wealth_tax) = (at(&f.income_tax), at(&f.wealth_tax));
        GroupStatement {
            pay: wages + commons,
            capital: taxable - wages - commons - pension,
            pension,
            benefits: at(&f.transfers),
            basic_income: at(&f.basic_income),
            income_tax,
            wealth_tax,
            vat: at(&f.taxes) - income_tax - wealth_tax,
            wealth: at(&f.wealth),
            hours: at(&f.hours),
            jobless: at(&f.jobless),
        }
    }
}

/// One adult group's income statement of a year, in the year's money (a year).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GroupStatement {
    /// Pay from market work and from commons work.
    pub pay: f64,
    /// Profits, interest and the commons surplus it receives (negative when it pays in).
    pub capital: f64,
    pub pension: f64,
    /// Child benefit, assistance, other cash benefits and unemployment benefit.
    pub benefits: f64,
    pub basic_income: f64,
    pub income_tax: f64,
    pub wealth_tax: f64,
    /// Consumption tax in what it buys (already in the price level).
    pub vat: f64,
    /// Financial and commons wealth at the end of the year.
    pub wealth: f64,
    /// Hours offered (share of full time) and the share of them without work.
    pub hours: f64,
    pub jobless: f64,
}

impl GroupStatement {
    /// Disposable income: what comes in less income and wealth tax (VAT is in prices).
    pub fn disposable(&self) -> f64 {
        self.pay + self.capital + self.pension + self.benefits + self.basic_income
            - self.income_tax
            - self.wealth_tax
    }
}

/// The rules, prices and returns of a year, as "a household like mine" needs them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct YearRules {
    /// Benefits and the Basic Income (as indexed), the income tax schedule and its flat
    /// component, consumption and wealth tax rates.
    pub benefits: super::taxben::Benefits,
    pub schedule: super::taxben::Schedule,
    pub shift: f64,
    pub vat: f64,
    pub wealth_tax: f64,
    /// Consumer price level (base year = 1), average pay growth since the base year (the
    /// real wage per efficiency hour relative to the base year's, times prices), and the
    /// return on a unit of financial wealth (profits and interest over wealth).
    pub price_level: f64,
    pub pay_growth: f64,
    pub return_on_wealth: f64,
}

/// The kind of household an adult group lives in, as winners and losers are broken down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HouseholdType {
    /// One adult of working age, no children.
    Single,
    /// Two adults of working age, no children.
    Couple,
    /// Two adults with children.
    CoupleChildren,
    /// One adult with children.
    SingleParent,
    /// Adults 65 and over.
    Pensioner,
}

impl HouseholdType {
    /// Every kind, in display order.
    pub const ALL: [HouseholdType; 5] = [
        HouseholdType::Single,
        HouseholdType::Couple,
        HouseholdType::CoupleChildren,
        HouseholdType::SingleParent,
        HouseholdType::Pensioner,
    ];

    /// A short id (CSV, CLI) and a label (the app).
    pub fn id(self) -> &'static str {
        match self {
            HouseholdType::Single => "single",
            HouseholdType::Couple => "couple",
            HouseholdType::CoupleChildren => "couple_children",
            HouseholdType::SingleParent => "single_parent",
            HouseholdType::Pensioner => "pensioner",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HouseholdType::Single => "Single adults",
            HouseholdType::Couple => "Couples without children",
            HouseholdType::CoupleChildren => "Couples with children",
            HouseholdType::SingleParent => "Single parents",
            HouseholdType::Pensioner => "Pensioners (65+)",
        }
    }
}

/// One simulated path (the scenario, or its baseline).
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// Output series: rows are outputs (catalog order), columns years.
    pub series: Array2<f64>,
    /// The books of every year.
    pub accounts: Vec<Accounts>,
    /// Distributions of every year.
    pub snapshots: Vec<Snapshot>,
    /// Solver passes over the households, by year.
    pub passes: Vec<usize>,
}

impl Path {
    pub(crate) fn new(years: usize) -> Self {
        Self {
            series: Array2::zeros((OUTPUT_COUNT, years)),
            accounts: Vec::with_capacity(years),
            snapshots: Vec::with_capacity(years),
            passes: Vec::with_capacity(years),
        }
    }

    /// The series of output `index` (see [`mod@crate::catalog::output`]), one value a year.
    pub fn get(&self, index: usize) -> &[f64] {
        let row = self.series.row(index);
        // Rows of a standard-layout array are contiguous.
        row.to_slice().unwrap_or(&[])
    }

    /// The series of the output `id`, if it exists.
    pub fn series(&self, id: &str) -> Option<&[f64]> {
        output(id).map(|(i, _)| self.get(i))
    }
}

/// Everything a run produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Calendar years, one per column of the series.
    pub years: Vec<i32>,
    /// The scenario.
    pub scenario: Path,
    /// The status-quo baseline: every policy at today's value, the same world. Shared with
    /// the baseline cache, so that a run that reuses the baseline copies none of it.
    pub baseline: std::sync::Arc<Path>,
    /// What the calibration derived.
    pub calibration: Calibration,
}

impl Outcome {
    /// The value of output `index` in the year at column `t`, scenario and baseline.
    pub fn at(&self, index: usize, t: usize) -> (f64, f64) {
        (
            self.scenario.series[[index, t]],
            self.baseline.series[[index, t]],
        )
    }

    /// Output ids in catalog order (CSV headers).
    pub fn output_ids() -> impl Iterator<Item = &'static str> {
        OUTPUTS.iter().map(|o| o.id)
    }
}
