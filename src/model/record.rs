//! From a solved year to the outputs users see: incomes, poverty, taxes, wealth shares,
//! resources — each in the unit its `models/outputs.toml` entry declares.

use super::economy::Economy;
use super::flows::{Flows, HouseholdFlows, State};
use super::inequality::{summarize_into, Ranking, Summary};
use super::outcome::{Snapshot, LORENZ_POINTS};
use crate::catalog::{output as o, MARKET_KM, MARKET_RECYCLING, OUTPUT_COUNT};

/// Scratch buffers, rankings and the year's sorted distributions, carried from year to year
/// (rankings re-sort nearly sorted data in about linear time; buffers are reused, so a year
/// allocates nothing but its snapshot).
#[derive(Debug)]
pub struct Recorder {
    income: Vec<f64>,
    wealth: Vec<f64>,
    income_rank: Ranking,
    wealth_rank: Ranking,
    income_summary: Summary,
    wealth_summary: Summary,
}

/// Sums over the households a year's outputs need, taken in one pass.
struct Totals {
    /// Σ real disposable income (not bottom-coded).
    income: f64,
    /// Households whose real spending covers basic needs.
    needs_met: usize,
}

impl Recorder {
    pub fn new(n: usize) -> Self {
        Self {
            income: vec![0.0; n],
            wealth: vec![0.0; n],
            income_rank: Ranking::new(n),
            wealth_rank: Ranking::new(n),
            income_summary: Summary::from_sorted(Vec::new()),
            wealth_summary: Summary::from_sorted(Vec::new()),
        }
    }

    /// Fills the income and wealth buffers and sums what the outputs need, in one pass over
    /// the households (each sum in household order, as separate passes would take it).
    fn gather(&mut self, e: &Economy, hh: &HouseholdFlows, after: &State, price: f64) -> Totals {
        let n = hh.spending.len();
        let disposable = &hh.disposable[..n];
        let spending = &hh.spending[..n];
        let financial = &after.financial[..n];
        let commons = &after.commons[..n];
        let income_out = &mut self.income[..n];
        let wealth_out = &mut self.wealth[..n];
        // Sums start at −0.0, as `Iterator::sum` does, so that they match it bit for bit.
        let mut totals = Totals {
            income: 0.0,
            needs_met: 0,
        };
        for i in 0..n {
            let real = disposable[i] / price;
            totals.income += real;
            // Distribution measures bottom-code incomes at zero (standard practice: the
            // Gini of a distribution with negative values is not bounded by 1).
            income_out[i] = real.max(0.0);
            wealth_out[i] = financial[i] + commons[i];
            totals.needs_met += usize::from(spending[i] / price >= e.basic_needs);
        }
        totals
    }

    /// The outputs of year `t` (except `bi_net_cost`, which needs the baseline). Keeps the
    /// year's sorted distributions for [`Recorder::snapshot`].
    pub fn outputs(
        &mut self,
        e: &Economy,
        t: usize,
        f: &Flows,
        hh: &HouseholdFlows,
        after: &State,
    ) -> [f64; OUTPUT_COUNT] {
        let n = hh.spending.len();
        self.income.resize(n, 0.0);
        self.wealth.resize(n, 0.0);
        let ct = &e.commons[t];
        let mut out = [0.0; OUTPUT_COUNT];
        let gdp = f.market_output + f.commons_revenue - f.commons_materials;
        let pct_gdp = |x: f64| if gdp > 0.0 { 100.0 * x / gdp } else { 0.0 };

        // Prices: the index is 100 in the base year.
        let price = (1.0 + e.vat[t]) * f.basket_price / (1.0 + e.base_vat);
        let totals = self.gather(e, hh, after, price);
        summarize_into(
            &self.income,
            &mut self.income_rank,
            &mut self.income_summary,
        );
        summarize_into(
            &self.wealth,
            &mut self.wealth_rank,
            &mut self.wealth_summary,
        );
        let (income, wealth) = (&self.income_summary, &self.wealth_summary);
        let needs = totals.needs_met as f64 / n as f64;

        out[o::GDP] = gdp;
        out[o::MEDIAN_INCOME] = income.median / 12.0;
        out[o::MEAN_INCOME] = totals.income / n as f64 / 12.0;
        out[o::POVERTY_RATE] = 100.0 * income.share_below(0.6 * income.median);
        out[o::POVERTY_ABS] = 100.0 * income.share_below(e.poverty_line);
        out[o::NEEDS_MET] = 100.0 * needs;
        // Unemployment counts people, as the data does (the solver's head count).
        out[o::UNEMPLOYMENT] = 100.0 * f.unemployment;
        let employed0 = 1.0 - e.labour.equilibrium;
        out[o::EMPLOYMENT] = if employed0 > 0.0 {
            100.0 * f.hours * (1.0 - f.unemployment) / employed0
        } else {
            100.0
        };
        out[o::HOURS] = 100.0 * f.hours;
        out[o::TAX_RATE] = 100.0 * f.income_tax_rate;
        out[o::DEFICIT_GDP] = pct_gdp(f.deficit);
        out[o::DEBT_GDP] = pct_gdp(after.debt);
        out[o::BI_GROSS_COST] = pct_gdp(f.basic_income);
        out[o::REVENUE_INCOME] = pct_gdp(f.income_tax);
        out[o::REVENUE_VAT] = pct_gdp(f.vat);
        out[o::REVENUE_WEALTH] = pct_gdp(f.wealth_tax);
        out[o::REVENUE_AUTOMATION] = pct_gdp(f.automation_tax);
        out[o::SPENDING_BI] = pct_gdp(f.basic_income);
        out[o::SPENDING_TRANSFERS] = pct_gdp(f.transfers);
        out[o::SPENDING_GOODS] = pct_gdp(f.purchases);
        out[o::SPENDING_INTEREST] = pct_gdp(f.interest);
        out[o::WEALTH_TOP10] = 100.0 * wealth.top_share(0.10);
        out[o::WEALTH_TOP1] = 100.0 * wealth.top_share(0.01);
        out[o::WEALTH_GINI] = wealth.gini;
        out[o::INCOME_GINI] = income.gini;
        out[o::PALMA] = income.palma();
        out[o::LABOUR_SHARE] = pct_gdp(f.market_wages + f.commons_wages);
        let capital = after.market_capital + after.commons_capital;
        out[o::COMMONS_SHARE] = if capital > 0.0 {
            100.0 * after.commons_capital / capital
        } else {
            0.0
        };
        out[o::P2P_SHARE] = 100.0 * ct.share;
        out[o::PRICE_LEVEL] = 100.0 * price;

        // Resources: goods in market-price units; the commons' goods at market value.
        let base = e.base_market_output.max(1e-300);
        let market_goods = (f.market_output - f.commons_materials).max(0.0);
        let commons_goods = if ct.unit_cost > 0.0 {
            f.commons_revenue / ct.unit_cost
        } else {
            0.0
        };
        let virgin = (1.0 - ct.recycling) / (1.0 - MARKET_RECYCLING);
        out[o::MATERIAL_USE] = e.base_material * (market_goods + commons_goods * virgin) / base;
        out[o::MATERIAL_BUDGET] = e.material_budget;
        out[o::FREIGHT] = 100.0 * (market_goods * MARKET_KM + commons_goods * ct.transport_km)
            / (base * MARKET_KM);
        out[o::EXCESS_DEMAND] = pct_gdp(f.excess_demand);
        out[o::INFLATION] = 100.0 * f.inflation;
        out[o::CAPACITY_USE] = if f.normal_output > 0.0 {
            100.0 * f.market_output / f.normal_output
        } else {
            100.0
        };
        out[o::CURRENT_ACCOUNT] = pct_gdp(f.current_account);
        out[o::FOREIGN_ASSETS] = pct_gdp(after.foreign_assets);
        out[o::SPENDING_UNEMPLOYMENT] = pct_gdp(f.unemployment_benefits);
        out[o::REAL_WAGE] = if e.labour.wage0 > 0.0 {
            100.0 * f.wage / e.labour.wage0 / price
        } else {
            100.0
        };
        out[o::PHASE] = ct.phase;
        out
    }

    /// The distribution snapshot of the year last passed to [`Recorder::outputs`].
    pub fn snapshot(&self, f: &Flows, hh: &HouseholdFlows) -> Snapshot {
        let n = hh.spending.len();
        // Effective tax rate by income decile: taxes over gross income (taxable + benefits).
        let order = self.income_rank.order();
        let mut tax_by_decile = [0.0; 10];
        for (d, slot) in tax_by_decile.iter_mut().enumerate() {
            let (lo, hi) = (d * n / 10, (d + 1) * n / 10);
            let (mut tax, mut gross) = (0.0, 0.0);
            for &i in &order[lo..hi] {
                let i = i as usize;
                tax += hh.taxes[i];
                gross += hh.taxable[i] + hh.transfers[i] + f.basic_income;
            }
            *slot = if gross > 0.0 {
                100.0 * tax / gross
            } else {
                0.0
            };
        }
        let (income, wealth) = (&self.income_summary, &self.wealth_summary);
        let mut income_deciles = income.deciles;
        income_deciles.iter_mut().for_each(|d| *d /= 12.0);
        Snapshot {
            income_deciles,
            wealth_deciles: wealth.deciles,
            income_lorenz: income.lorenz(LORENZ_POINTS),
            wealth_lorenz: wealth.lorenz(LORENZ_POINTS),
            tax_by_decile,
        }
    }
}

/// Widerquist's net cost of the Basic Income, % of GDP: summed over households that gain,
/// the Basic Income they receive plus the change in their benefits minus the change in the
/// taxes they pay, compared with the same household in the no-policy baseline. Each side is
/// every household's (benefits, taxes).
pub fn net_cost(
    basic_income: f64,
    scenario: (&[f64], &[f64]),
    baseline: (&[f64], &[f64]),
    gdp: f64,
) -> f64 {
    if basic_income <= 0.0 || gdp <= 0.0 {
        return 0.0;
    }
    let ((s_transfers, s_taxes), (b_transfers, b_taxes)) = (scenario, baseline);
    let n = s_taxes.len();
    let gain: f64 = (0..n)
        .map(|i| {
            let benefits = s_transfers[i] - b_transfers[i];
            let taxes = s_taxes[i] - b_taxes[i];
            (basic_income + benefits - taxes).max(0.0)
        })
        .sum();
    100.0 * gain / n as f64 / gdp
}
