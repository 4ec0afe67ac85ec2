//! From a solved year to the outputs users see: incomes, poverty, taxes, wealth shares,
//! resources — each in the unit its `models/outputs.toml` entry declares.

use super::economy::Economy;
use super::flows::{Flows, HouseholdFlows, State};
use super::households::Household;
use super::inequality::{below_fraction, summarize_into, Ranking, Summary};
use super::outcome::{GroupFlows, HouseholdType, Snapshot, YearRules, LORENZ_POINTS};
use super::people::{equivalence_scale, Kind, WITHIN_GROUP_SPREAD};
use super::resources::{
    circularity, commons_material_share, energy_use, freight, material_by_category, Goods,
};
use crate::catalog::{
    output as o, CATEGORY_COUNT, ENERGY_EFFICIENCY, MARKET_KM, MARKET_RECYCLING,
    MATERIAL_EFFICIENCY, OUTPUT_COUNT,
};

/// The outputs of each category's peer-produced share, in the order of `CATEGORIES`.
pub const CATEGORY_OUTPUTS: [usize; CATEGORY_COUNT] = [
    o::P2P_FOOD,
    o::P2P_CLOTHING,
    o::P2P_DURABLES,
    o::P2P_ENERGY,
    o::P2P_HOUSING,
    o::P2P_SERVICES,
];

/// The outputs of each category's material use, in the order of `CATEGORIES`.
pub const MATERIAL_OUTPUTS: [usize; CATEGORY_COUNT] = [
    o::MATERIAL_FOOD,
    o::MATERIAL_CLOTHING,
    o::MATERIAL_DURABLES,
    o::MATERIAL_ENERGY,
    o::MATERIAL_HOUSING,
    o::MATERIAL_SERVICES,
];

/// Scratch buffers, rankings and the year's sorted distributions, carried from year to year
/// (rankings re-sort nearly sorted data in about linear time; buffers are reused, so a year
/// allocates nothing but its snapshot).
#[derive(Debug)]
pub struct Recorder {
    /// Each group's real equivalised household income (every person in a household has
    /// it), bottom-coded at zero, and the people it stands for.
    income: Vec<f64>,
    people: Vec<f64>,
    /// The same income not bottom-coded, and the kind of household (for winners and losers).
    living: Vec<f64>,
    household: Vec<HouseholdType>,
    adults: Vec<u8>,
    /// Where poverty and inequality are measured on consumption per person (Nigeria, the
    /// World): each group's real household spending per member; else empty.
    consumption: Vec<f64>,
    consumption_rank: Ranking,
    consumption_summary: Summary,
    wealth: Vec<f64>,
    income_rank: Ranking,
    wealth_rank: Ranking,
    income_summary: Summary,
    wealth_summary: Summary,
    /// The absolute poverty line of the run (per adult a year, base-year prices): the
    /// region's, or 60 % of the base year's median where the line is held at that.
    poverty_line: Option<f64>,
}

/// Sums over the households a year's outputs need, taken in one pass.
struct Totals {
    /// Σ people × real equivalised income (not bottom-coded), and Σ people.
    income: f64,
    people: f64,
    /// People whose household's real equivalised spending covers basic needs.
    needs_met: f64,
    /// Σ commons shares and Σ household wealth (financial and commons), per adult.
    commons_wealth: f64,
    wealth: f64,
}

impl Recorder {
    pub fn new(n: usize) -> Self {
        Self {
            income: vec![0.0; n],
            people: vec![0.0; n],
            living: vec![0.0; n],
            household: vec![HouseholdType::Single; n],
            adults: vec![1; n],
            consumption: Vec::new(),
            consumption_rank: Ranking::new(n),
            consumption_summary: Summary::default(),
            wealth: vec![0.0; n],
            income_rank: Ranking::new(n),
            wealth_rank: Ranking::new(n),
            income_summary: Summary::default(),
            wealth_summary: Summary::default(),
            poverty_line: None,
        }
    }

    /// Fills the income and wealth buffers and sums what the outputs need, in one pass over
    /// the households: income is pooled within each household and divided by its
    /// equivalence scale (OECD-modified); each adult group carries its own adult and its
    /// share of the household's children. Wealth stays per adult.
    fn gather(&mut self, e: &Economy, hh: &HouseholdFlows, after: &State, price: f64) -> Totals {
        let n = hh.spending.len();
        let (disposable, spending) = (&hh.disposable[..n], &hh.spending[..n]);
        let (taxable, wages, pension) = (&hh.taxable[..n], &hh.wages[..n], &hh.pension[..n]);
        let income_tax = &hh.income_tax[..n];
        let children = &hh.children[..n];
        // Household surveys, on which poverty and inequality are measured, capture only part
        // of the capital income of the national accounts: count it at that share (after its
        // share of the income tax).
        let missed = 1.0 - e.capital_in_surveys;
        let commons_pay = &hh.commons_pay[..n];
        let survey = |a: usize| -> f64 {
            let capital = (taxable[a] - wages[a] - pension[a] - commons_pay[a]).max(0.0);
            let kept = if taxable[a] > 0.0 {
                1.0 - income_tax[a] / taxable[a]
            } else {
                1.0
            };
            disposable[a] - missed * capital * kept
        };
        let (financial, commons) = (&after.financial[..n], &after.commons[..n]);
        let per_person = e.poverty_per_person;
        self.consumption.resize(if per_person { n } else { 0 }, 0.0);
        let income_out = &mut self.income[..n];
        let people_out = &mut self.people[..n];
        let consumption_out = &mut self.consumption[..];
        let wealth_out = &mut self.wealth[..n];
        self.living.resize(n, 0.0);
        self.household.resize(n, HouseholdType::Single);
        self.adults.resize(n, 1);
        let (living_out, household_out) = (&mut self.living[..n], &mut self.household[..n]);
        let adults_out = &mut self.adults[..n];
        let (kinds, elderly) = (&e.people.kind[..n], &hh.elderly[..n]);
        let mut totals = Totals {
            income: 0.0,
            people: 0.0,
            needs_met: 0.0,
            commons_wealth: 0.0,
            wealth: 0.0,
        };
        // Each adult's income as surveys see it, then pooled by household below.
        for (a, slot) in income_out.iter_mut().enumerate() {
            *slot = survey(a);
        }
        let adults_of = &e.people.adults[..n];
        let mut g = 0;
        while g < n {
            // One household: its adults are `g`, and `g + 1` in a couple (people.rs).
            let adults = usize::from(adults_of[g]).clamp(1, n - g);
            let (income, spent, kids) = if adults == 2 {
                (
                    income_out[g] + income_out[g + 1],
                    spending[g] + spending[g + 1],
                    children[g] + children[g + 1],
                )
            } else {
                (income_out[g], spending[g], children[g])
            };
            let scale = equivalence_scale(adults as f64, kids);
            let real = income / scale / price;
            let covered = spent / scale / price >= e.basic_needs;
            let members_count = adults as f64 + kids;
            let household = if elderly[g] {
                HouseholdType::Pensioner
            } else {
                match kinds[g] {
                    Kind::Single => HouseholdType::Single,
                    Kind::Couple => HouseholdType::Couple,
                    Kind::CoupleChildren => HouseholdType::CoupleChildren,
                    Kind::SingleParent => HouseholdType::SingleParent,
                }
            };
            for a in g..g + adults {
                living_out[a] = real;
                household_out[a] = household;
                adults_out[a] = adults as u8;
                if per_person {
                    consumption_out[a] = (spent / members_count / price).max(0.0);
                }
                let people = 1.0 + children[a];
                // Distribution measures bottom-code incomes at zero (standard practice: the
                // Gini of a distribution with negative values is not bounded by 1).
                income_out[a] = real.max(0.0);
                people_out[a] = people;
                wealth_out[a] = financial[a] + commons[a];
                totals.commons_wealth += commons[a];
                totals.wealth += wealth_out[a];
                totals.income += people * real;
                totals.people += people;
                totals.needs_met += if covered { people } else { 0.0 };
            }
            g += adults;
        }
        totals
    }

    /// Shares of the children and of the people 65+ whose household's living standard (the
    /// values poverty is measured on) is below `line`, in one pass.
    fn poverty_by_age(&self, hh: &HouseholdFlows, line: f64) -> (f64, f64) {
        let values = if self.consumption.is_empty() {
            &self.income
        } else {
            &self.consumption
        };
        let n = hh.spending.len();
        let (children, elderly) = (&hh.children[..n], &hh.elderly[..n]);
        let (mut kids, mut kids_below, mut old, mut old_below) = (0.0, 0.0, 0.0, 0.0);
        for (a, value) in values[..n].iter().enumerate() {
            let below = below_fraction(*value, line, WITHIN_GROUP_SPREAD);
            kids += children[a];
            kids_below += below * children[a];
            if elderly[a] {
                old += 1.0;
                old_below += below;
            }
        }
        let share = |below: f64, all: f64| if all > 0.0 { below / all } else { 0.0 };
        (share(kids_below, kids), share(old_below, old))
    }

    /// The outputs of year `t` (except the net, budget and dynamic costs of the Basic Income,
    /// which need the baseline: `costs.rs`). Keeps the
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
        self.people.resize(n, 0.0);
        self.wealth.resize(n, 0.0);
        let ct = &f.commons;
        let mut out = [0.0; OUTPUT_COUNT];
        let gdp = f.market_output + f.commons_revenue - f.commons_materials;
        let pct_gdp = |x: f64| if gdp > 0.0 { 100.0 * x / gdp } else { 0.0 };

        // Prices: the index is 100 in the base year.
        let price = f.price_level;
        let totals = self.gather(e, hh, after, price);
        summarize_into(
            &self.income,
            Some(&self.people),
            &mut self.income_rank,
            &mut self.income_summary,
        );
        summarize_into(
            &self.wealth,
            None,
            &mut self.wealth_rank,
            &mut self.wealth_summary,
        );
        if !self.consumption.is_empty() {
            summarize_into(
                &self.consumption,
                Some(&self.people),
                &mut self.consumption_rank,
                &mut self.consumption_summary,
            );
        }
        let (income, wealth) = (&self.income_summary, &self.wealth_summary);
        // What poverty and inequality are measured on: equivalised disposable income, or
        // consumption per person where the region's statistics use it.
        let living = if self.consumption.is_empty() {
            &self.income_summary
        } else {
            &self.consumption_summary
        };
        let people = totals.people.max(1e-300);
        let relative_line = 0.6 * living.median;

        out[o::GDP] = gdp;
        out[o::MEDIAN_INCOME] = income.median / 12.0;
        out[o::MEAN_INCOME] = totals.income / people / 12.0;
        out[o::POVERTY_RATE] =
            100.0 * living.share_below_spread(relative_line, WITHIN_GROUP_SPREAD);
        out[o::POVERTY_RATE_50] =
            100.0 * living.share_below_spread(0.5 * living.median, WITHIN_GROUP_SPREAD);
        let absolute_line = *self
            .poverty_line
            .get_or_insert(if e.poverty_line_from_median {
                relative_line
            } else {
                e.poverty_line
            });
        out[o::POVERTY_ABS] = 100.0 * living.share_below_spread(absolute_line, WITHIN_GROUP_SPREAD);
        let (children_poor, elderly_poor) = self.poverty_by_age(hh, relative_line);
        out[o::CHILD_POVERTY] = 100.0 * children_poor;
        out[o::PENSIONER_POVERTY] = 100.0 * elderly_poor;
        out[o::NEEDS_MET] = (100.0 * totals.needs_met / people).min(100.0);
        // Unemployment counts people, as the data does (the solver's head count).
        out[o::UNEMPLOYMENT] = 100.0 * f.unemployment;
        out[o::EMPLOYMENT_RATE] = 100.0 * f.hours * (1.0 - f.unemployment);
        let per_labour_force = |x: f64| {
            if f.hours > 0.0 {
                (100.0 * x / f.hours).clamp(0.0, 100.0)
            } else {
                0.0
            }
        };
        out[o::COMMONS_EMPLOYMENT] = per_labour_force(f.commons_jobs);
        out[o::OWN_USE_WORK] = per_labour_force(f.commons_hours - f.commons_jobs);
        let hours0 = e.labour.hours0;
        let employed0 = hours0 * (1.0 - e.labour.equilibrium);
        out[o::EMPLOYMENT] = if employed0 > 0.0 {
            100.0 * f.hours * (1.0 - f.unemployment) / employed0
        } else {
            100.0
        };
        out[o::HOURS] = if hours0 > 0.0 {
            100.0 * f.hours / hours0
        } else {
            100.0
        };
        out[o::TAX_RATE] = 100.0 * f.income_tax_rate.max(0.0);
        out[o::DEFICIT_GDP] = pct_gdp(f.deficit);
        out[o::DEBT_GDP] = pct_gdp(after.debt);
        out[o::BI_GROSS_COST] = pct_gdp(f.basic_income);
        out[o::REVENUE_INCOME] = pct_gdp(f.income_tax);
        out[o::REVENUE_VAT] = pct_gdp(f.vat);
        out[o::REVENUE_WEALTH] = pct_gdp(f.wealth_tax);
        out[o::REVENUE_AUTOMATION] = pct_gdp(f.automation_tax);
        out[o::SPENDING_BI] = pct_gdp(f.basic_income);
        // Other benefits: the transfers less the items drawn on their own.
        out[o::SPENDING_TRANSFERS] = pct_gdp((f.transfers - f.family - f.assistance).max(0.0));
        out[o::SPENDING_PENSIONS] = pct_gdp(f.pensions);
        out[o::SPENDING_FAMILY] = pct_gdp(f.family);
        out[o::SPENDING_ASSISTANCE] = pct_gdp(f.assistance);
        out[o::SPENDING_GOODS] = pct_gdp(f.purchases);
        out[o::SPENDING_INTEREST] = pct_gdp(f.interest);
        out[o::WEALTH_TOP10] = 100.0 * wealth.top_share(0.10);
        out[o::WEALTH_TOP1] = 100.0 * wealth.top_share(0.01);
        out[o::WEALTH_GINI] = wealth.gini;
        out[o::INCOME_GINI] = living.gini;
        out[o::PALMA] = income.palma();
        out[o::LABOUR_SHARE] = pct_gdp(f.market_wages + f.commons_wages);
        let capital = after.market_capital + after.commons_capital;
        out[o::COMMONS_WEALTH_SHARE] = if totals.wealth > 0.0 {
            (100.0 * totals.commons_wealth / totals.wealth).clamp(0.0, 100.0)
        } else {
            0.0
        };
        out[o::COMMONS_SHARE] = if capital > 0.0 {
            100.0 * after.commons_capital / capital
        } else {
            0.0
        };
        out[o::P2P_SHARE] = 100.0 * ct.share;
        out[o::P2P_TAKE_UP] = 100.0 * ct.take_up;
        for (id, share) in CATEGORY_OUTPUTS.into_iter().zip(ct.categories) {
            out[id] = 100.0 * share;
        }
        out[o::PRICE_LEVEL] = 100.0 * price;

        // Resources: goods in market-price units; the commons' goods at market value.
        let base = e.base_market_output.max(1e-300);
        let market_goods = (f.market_output - f.commons_materials).max(0.0);
        let commons_goods = if ct.unit_cost > 0.0 {
            f.commons_revenue / ct.unit_cost
        } else {
            0.0
        };
        let goods = Goods {
            market: market_goods,
            commons: commons_goods,
        };
        let recycled = (MARKET_RECYCLING, ct.recycling);
        // Energy and material per unit of goods fall year by year, whoever makes them.
        let decoupled = |rate: f64| crate::math::pow(1.0 - rate, t as f64);
        let (by_category, other) = material_by_category(
            e.base_material * decoupled(MATERIAL_EFFICIENCY),
            goods.scale(base),
            (&e.category_material, &ct.categories),
            recycled,
        );
        for (id, tonnes) in MATERIAL_OUTPUTS.into_iter().zip(by_category) {
            out[id] = tonnes;
        }
        out[o::MATERIAL_USE] = by_category.iter().sum::<f64>() + other;
        let commons_material = commons_material_share(&e.category_material, &ct.categories);
        out[o::CIRCULARITY] = 100.0 * circularity(commons_material, recycled);
        out[o::CIRCULARITY_REFERENCE] = 100.0 * e.circularity_reference;
        out[o::MATERIAL_BUDGET] = e.material_budget;
        out[o::MATERIAL_OUTLOOK] = e.material_outlook;
        let energy0 = e.base_energy * decoupled(ENERGY_EFFICIENCY);
        out[o::ENERGY_USE] = energy_use(energy0, goods, base, ct.energy);
        let freight = freight(goods, base, (MARKET_KM, ct.transport_km));
        out[o::FREIGHT] = 100.0 * freight;
        out[o::FREIGHT_TKM] = e.base_freight * freight;
        out[o::EXCESS_DEMAND] = pct_gdp(f.excess_demand);
        out[o::INFLATION] = 100.0 * f.inflation;
        out[o::CAPACITY_USE] = if f.capital_normal > 0.0 {
            100.0 * f.market_output / f.capital_normal
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

    /// The distribution snapshot of the year last passed to [`Recorder::outputs`], with each
    /// group's income statement (`groups`: what each brought to the year, for its wealth
    /// tax) and the year's `rules`.
    pub fn snapshot(
        &self,
        hh: &HouseholdFlows,
        groups: &[Household],
        rules: YearRules,
    ) -> Snapshot {
        let n = hh.spending.len();
        let flows = GroupFlows {
            wages: hh.wages[..n].to_vec(),
            commons_pay: hh.commons_pay[..n].to_vec(),
            taxable: hh.taxable[..n].to_vec(),
            pension: hh.pension[..n].to_vec(),
            transfers: hh.transfers[..n].to_vec(),
            basic_income: hh.basic_income[..n].to_vec(),
            income_tax: hh.income_tax[..n].to_vec(),
            taxes: hh.taxes[..n].to_vec(),
            wealth_tax: groups.iter().take(n).map(|g| g.wealth_tax).collect(),
            wealth: self.wealth[..n.min(self.wealth.len())].to_vec(),
            hours: hh.hours[..n].to_vec(),
            jobless: hh.jobless[..n].to_vec(),
        };
        // Effective tax rate by income decile: taxes over gross income (taxable + benefits).
        let order = self.income_rank.order();
        let mut tax_by_decile = [0.0; 10];
        for (d, slot) in tax_by_decile.iter_mut().enumerate() {
            let (lo, hi) = (d * n / 10, (d + 1) * n / 10);
            let (mut tax, mut gross) = (0.0, 0.0);
            for &i in &order[lo..hi] {
                let i = i as usize;
                tax += hh.taxes[i];
                gross += hh.taxable[i] + hh.transfers[i] + hh.basic_income[i];
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
            living: self.living[..n].to_vec(),
            members: self.people[..n].to_vec(),
            household: self.household[..n].to_vec(),
            flows,
            adults: self.adults[..n].to_vec(),
            rules,
        }
    }
}
