//! What a year carries and produces: the stocks carried from one year to the next
//! ([`State`]), the aggregate flows of a solved year ([`Flows`]), what each household did
//! ([`HouseholdFlows`]), and the update of the stocks from the flows ([`advance`]).

use super::economy::Economy;
use super::labour::INFLATION_TARGET;

/// Share of the gap between last year's sales and the expectation closed each year.
pub const EXPECTATION_SPEED: f64 = 0.5;

/// The stocks and memories carried from one year to the next (end of the previous year).
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Financial wealth (market shares, government bonds, foreign assets) of each household.
    pub financial: Vec<f64>,
    /// Commons shares (co-op shares, personal fabricators) of each household.
    pub commons: Vec<f64>,
    /// Market capital.
    pub market_capital: f64,
    /// Commons capital.
    pub commons_capital: f64,
    /// Government debt (bonds held by households).
    pub debt: f64,
    /// Net foreign assets held by households.
    pub foreign_assets: f64,
    /// Market output of the previous year.
    pub market_output_prev: f64,
    /// Market sales firms expect this year: adaptive expectations of past demand (the orders
    /// they received, including those beyond what they could produce), grown at the trend
    /// rate (growth-consistent: on a steady path the expectation is always right).
    pub expected_output: f64,
    /// Consumption of the previous year: the solver's first guess.
    pub consumption_prev: f64,
    /// Real wage per efficiency hour of the previous year.
    pub wage: f64,
    /// Unemployment rate (a head count) of the previous year.
    pub unemployment: f64,
    /// Efficiency hours offered per adult in the previous year.
    pub labour_offered: f64,
    /// Efficiency hours per adult the commons employed in jobs in the previous year (own-use
    /// work with personal fabricators is not employment and leaves people in the labour
    /// market).
    pub commons_hours: f64,
    /// The flat component of the income tax in the previous year (what people know when
    /// they choose hours under the balanced rule).
    pub tax_shift: f64,
    /// Take-up of peer production last year (a share of what the phase can make), the
    /// cumulative commons output since it began (market value, per adult), last year's unit
    /// cost of commons goods, and the share of full-time hours per adult not spent in market
    /// work last year: what this year's take-up reads (take_up.rs).
    pub take_up: f64,
    pub commons_cumulative: f64,
    pub commons_unit_cost: f64,
    pub time_available: f64,
    /// Inflation pressure of the previous year (the central bank reacts to it).
    pub inflation: f64,
    /// The consumer price level of the previous year, base year = 1 (a Basic Income indexed
    /// to prices follows it).
    pub price_level: f64,
}

impl State {
    /// The stocks before year 0: the base year's steady path.
    pub fn initial(economy: &Economy) -> Self {
        let n = economy.skill.len();
        let gdp_guess = economy.base_market_output;
        Self {
            financial: economy.wealth0.clone(),
            commons: vec![0.0; n],
            market_capital: economy.market_capital0,
            commons_capital: economy.commons_capital0,
            debt: economy.debt0,
            foreign_assets: 0.0,
            market_output_prev: economy.market_output_prev0,
            expected_output: economy.market_output_prev0,
            consumption_prev: 0.6 * gdp_guess,
            wage: economy.labour.wage0,
            unemployment: economy.labour.equilibrium,
            labour_offered: economy.labour.labour0,
            commons_hours: 0.0,
            take_up: 0.0,
            commons_cumulative: 0.0,
            commons_unit_cost: 1.0,
            time_available: economy.time_available0,
            tax_shift: economy.tax_shift[0],
            inflation: INFLATION_TARGET,
            price_level: 1.0,
        }
    }
}

/// The aggregate flows of one year (per adult, a year).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Flows {
    /// Household consumption spending net of consumption tax, `C`.
    pub consumption: f64,
    /// The commons technology of the year, after take-up and learning.
    pub commons: super::economy::CommonsTech,
    /// Consumer price of the basket before tax (market = 1): `1 − p(1 − κ)`.
    pub basket_price: f64,
    /// Consumer price level with consumption tax, base year = 1.
    pub price_level: f64,
    /// Spending on market goods.
    pub market_consumption: f64,
    /// Spending on peer-produced goods (commons revenue).
    pub commons_revenue: f64,
    /// Materials the commons buys from the market.
    pub commons_materials: f64,
    /// Commons capital bought from the market.
    pub commons_investment: f64,
    /// Market investment.
    pub market_investment: f64,
    /// Government purchases.
    pub purchases: f64,
    /// Exports.
    pub exports: f64,
    /// Imports (the import content of private spending, and demand beyond capacity in an
    /// open economy).
    pub imports: f64,
    /// Market output (domestic production: sales less imports).
    pub market_output: f64,
    /// Potential market output: at normal use of capital, and no more than the hours offered
    /// produce at the equilibrium unemployment rate (what the structural rule reads).
    pub normal_output: f64,
    /// Market output at normal use of capital (capital ÷ the normal capital-output ratio).
    pub capital_normal: f64,
    /// Highest market output capital and the labour force allow this year.
    pub output_ceiling: f64,
    /// Demand for market output beyond the ceiling (imported, or rationed in a closed
    /// economy).
    pub excess_demand: f64,
    /// Market wages.
    pub market_wages: f64,
    /// Commons pay for work.
    pub commons_wages: f64,
    /// Market depreciation.
    pub market_depreciation: f64,
    /// Commons depreciation.
    pub commons_depreciation: f64,
    /// Automation tax paid.
    pub automation_tax: f64,
    /// Market profit paid to shareholders (after depreciation and automation tax).
    pub market_profit: f64,
    /// Commons surplus attributed to its owners.
    pub commons_profit: f64,
    /// Interest on government debt.
    pub interest: f64,
    /// Interest on net foreign assets (negative when the region owes).
    pub foreign_interest: f64,
    /// Real interest rate of the year.
    pub interest_rate: f64,
    /// Average income tax rate: income tax over taxable income.
    pub income_tax_rate: f64,
    /// The flat component of the income tax on top of the schedule (solved under the
    /// balanced rule).
    pub tax_shift: f64,
    /// Income tax rate the budget needed (balanced rule), before the ceiling.
    pub income_tax_needed: f64,
    /// Income tax revenue.
    pub income_tax: f64,
    /// Taxable income (the income tax's base), what the flat component falls on.
    pub taxable: f64,
    /// Mean financial wealth at the start of the year (the wealth tax's base).
    pub wealth_base: f64,
    /// Wealth tax revenue.
    pub wealth_tax: f64,
    /// Consumption tax revenue.
    pub vat: f64,
    /// Basic Income paid.
    pub basic_income: f64,
    /// Pensions paid.
    pub pensions: f64,
    /// Child benefit paid.
    pub family: f64,
    /// Means-tested assistance paid.
    pub assistance: f64,
    /// Cash benefits other than pensions and unemployment benefits: child benefit, assistance
    /// and other benefits.
    pub transfers: f64,
    /// Unemployment benefits paid.
    pub unemployment_benefits: f64,
    /// Government deficit.
    pub deficit: f64,
    /// Current account: exports − imports + interest on foreign assets.
    pub current_account: f64,
    /// Change of commons capital (net commons investment).
    pub commons_capital_change: f64,
    /// Change of market capital (net market investment, = new equity).
    pub market_capital_change: f64,
    /// Real wage per efficiency hour.
    pub wage: f64,
    /// Market output per efficiency hour employed (the technique the wage calls for).
    pub output_per_hour: f64,
    /// Efficiency hours offered, mean over households.
    pub labour_supply: f64,
    /// Efficiency hours per adult of commons work (its pay at the market wage).
    pub commons_hours: f64,
    /// Of them, the hours of commons jobs (regional centres, outlets): employment. The rest
    /// is own-use work with personal fabricators, which is not (ILO, 19th ICLS 2013).
    pub commons_jobs: f64,
    /// Hours offered relative to full time, mean over households.
    pub hours: f64,
    /// Share of household spending rationed by prices (closed economy at its ceiling; 0
    /// otherwise).
    pub rationed: f64,
    /// Unemployment rate: the share of people offering work who find none (a head count
    /// weighted by the hours offered), after the commons' employment.
    pub unemployment: f64,
    /// Inflation pressure (a fraction a year).
    pub inflation: f64,
    /// Passes over the households the solver made.
    pub passes: usize,
}

/// What each household did in the year (per adult, a year). Reused between years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HouseholdFlows {
    /// Pay for commons work received: commons jobs go first to those out of market work.
    pub commons_pay: Vec<f64>,
    /// Market wages received.
    pub wages: Vec<f64>,
    /// Taxable income: wages, profits, interest, commons surplus.
    pub taxable: Vec<f64>,
    /// Disposable income: after income and wealth tax, with Basic Income and benefits.
    pub disposable: Vec<f64>,
    /// Consumption spending including consumption tax.
    pub spending: Vec<f64>,
    /// Commons shares acquired (reinvested surplus and capital calls).
    pub commons_acquired: Vec<f64>,
    /// All taxes paid: income, wealth and consumption tax.
    pub taxes: Vec<f64>,
    /// Income tax paid.
    pub income_tax: Vec<f64>,
    /// The band of the income tax schedule the group's taxable income fell in.
    pub band: Vec<u8>,
    /// Untaxed cash benefits received: child benefit, assistance, other benefits and
    /// unemployment benefits (not pensions, which are taxable income, nor the Basic Income).
    pub transfers: Vec<f64>,
    /// Pension received (part of taxable income).
    pub pension: Vec<f64>,
    /// Basic Income received.
    pub basic_income: Vec<f64>,
    /// Unemployment benefits received.
    pub unemployment_benefits: Vec<f64>,
    /// Efficiency hours offered.
    pub labour: Vec<f64>,
    /// Hours offered (share of full time).
    pub hours: Vec<f64>,
    /// Share of the offered hours the market did not employ.
    pub jobless: Vec<f64>,
    /// Whether the group is 65 or over.
    pub elderly: Vec<bool>,
    /// Children attributed to the group (its household's children ÷ its adults).
    pub children: Vec<f64>,
}

impl HouseholdFlows {
    /// Sizes every vector for `n` households.
    pub fn resize(&mut self, n: usize) {
        for v in [
            &mut self.wages,
            &mut self.commons_pay,
            &mut self.taxable,
            &mut self.disposable,
            &mut self.spending,
            &mut self.commons_acquired,
            &mut self.taxes,
            &mut self.income_tax,
            &mut self.transfers,
            &mut self.pension,
            &mut self.basic_income,
            &mut self.unemployment_benefits,
            &mut self.labour,
            &mut self.hours,
            &mut self.jobless,
            &mut self.children,
        ] {
            v.resize(n, 0.0);
        }
        self.band.resize(n, 0);
        self.elderly.resize(n, false);
    }
}

/// The stocks at the end of year t, from the stocks before it and the year's flows.
/// Redundant stocks are not accumulated twice: household financial wealth is updated from
/// household saving, and the identity `Σ f = K_m + D + NFA` is *tested*, not imposed.
pub fn advance(state: &mut State, economy: &Economy, flows: &Flows, households: &HouseholdFlows) {
    for i in 0..state.financial.len() {
        let liquid = households.disposable[i] - households.commons_acquired[i];
        state.financial[i] += liquid - households.spending[i];
        state.commons[i] += households.commons_acquired[i];
    }
    state.market_capital += flows.market_capital_change;
    state.commons_capital += flows.commons_capital_change;
    state.debt += flows.deficit;
    state.foreign_assets += flows.current_account;
    state.market_output_prev = flows.market_output;
    let orders = flows.market_output + flows.excess_demand;
    state.expected_output = (1.0 + economy.trend_growth)
        * (state.expected_output + EXPECTATION_SPEED * (orders - state.expected_output));
    state.consumption_prev = flows.consumption;
    state.wage = flows.wage;
    state.unemployment = flows.unemployment;
    state.labour_offered = flows.labour_supply;
    state.commons_hours = flows.commons_jobs;
    let ct = &flows.commons;
    state.take_up = ct.take_up;
    if ct.unit_cost > 0.0 {
        state.commons_cumulative += flows.commons_revenue / ct.unit_cost;
    }
    state.commons_unit_cost = ct.unit_cost;
    state.time_available = (1.0 - flows.hours * (1.0 - flows.unemployment)).max(0.0);
    state.tax_shift = flows.tax_shift;
    state.inflation = flows.inflation;
    state.price_level = flows.price_level;
}
