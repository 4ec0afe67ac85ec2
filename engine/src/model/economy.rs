//! The calibrated economy of one run: every household constant and every exogenous path,
//! computed once from a [`Scenario`] and its region before the
//! years are solved ([`super::calibrate`] builds it; [`super::paths`] gives its paths).
//!
//! Units: per adult, per year, in the region's currency at base-year market prices. Year 0
//! is the calibration year ([`crate::catalog::BASE_YEAR`]); policies act from year 1 on, so
//! year 0 reproduces the region's data in every scenario.

use super::paths;
use super::people::People;
use super::taxben::{Benefits, Schedule};
use crate::catalog::{CATEGORY_COUNT, MARKET_KM, MARKET_RECYCLING};
use crate::scenario::Scenario;

/// Highest income tax rate the balanced rule may set: beyond it a scenario is infeasible.
pub const MAX_TAX_RATE: f64 = 0.95;
/// Highest public debt, as a multiple of GDP, the debt rule can finance: ten times GDP, four
/// times the highest ratio any country carries today (Japan, about 2.5).
pub const MAX_DEBT_GDP: f64 = 10.0;

/// How the government closes its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiscalRule {
    /// Structural balance: the income tax rate is set each year so that, at normal capacity
    /// use and the equilibrium unemployment rate, the deficit keeps debt growing only with
    /// potential output. Cyclical swings of revenue and unemployment benefits go into the
    /// deficit, not into the tax rate.
    Balanced,
    /// Tax rates are fixed; deficits add to debt.
    Debt,
}

/// What real wages tend to (models/README.md §3a).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WageAnchor {
    /// The task-model wage at which firms' expected output employs the labour force at the
    /// equilibrium unemployment rate: automation then lowers wages, and costs jobs only while
    /// wages adjust.
    Clearing,
    /// The bargaining view: wages grow with total factor productivity whatever automation
    /// does, moderated only by the wage curve.
    Tfp,
}

/// What the Basic Income follows from year to year (`bi_index`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BiIndex {
    /// A fixed amount.
    #[default]
    None,
    /// Last year's consumer price level.
    Prices,
    /// Last year's average real wage.
    Wages,
    /// Output per adult on trend (potential), as other benefits.
    Gdp,
}

/// The commons sector's technology in one year (from the phase in force).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommonsTech {
    /// Peer-produced share of the consumption basket, `p_t = Σ_k b_k s_k`.
    pub share: f64,
    /// Peer-produced share of each category of the basket, `s_k,t` (`CATEGORIES` order):
    /// take-up times what the phase in force can make of it.
    pub categories: [f64; CATEGORY_COUNT],
    /// Take-up: the share of what the phase in force can make that is peer-produced.
    pub take_up: f64,
    /// Unit cost relative to the market price, `κ_t`.
    pub unit_cost: f64,
    /// Materials bought from the market per unit of revenue, `μ`.
    pub materials: f64,
    /// Share of commons value added paid for work.
    pub labour_share: f64,
    /// Commons capital per unit of revenue.
    pub capital_output: f64,
    /// Recycled share of the commons' materials.
    pub recycling: f64,
    /// Freight distance of commons goods, km.
    pub transport_km: f64,
    /// Hours of work per unit of commons value added, relative to the market's hours per
    /// unit of output in the same year.
    pub hours: f64,
    /// Energy per unit of goods at market value, relative to the market's.
    pub energy: f64,
    /// Commons capital owned equally by all adults (true) or like market equity (false).
    pub equal_ownership: bool,
    /// Its work is for the household's own use (personal fabricators), not employment.
    pub own_use: bool,
    /// Phase number in force (−1 = market only).
    pub phase: f64,
}

impl CommonsTech {
    /// No commons sector (market only).
    pub fn none() -> Self {
        Self {
            share: 0.0,
            categories: [0.0; CATEGORY_COUNT],
            take_up: 0.0,
            unit_cost: 1.0,
            materials: 0.0,
            labour_share: 0.0,
            capital_output: 0.0,
            recycling: MARKET_RECYCLING,
            transport_km: MARKET_KM,
            hours: 0.0,
            energy: 1.0,
            equal_ownership: true,
            own_use: false,
            phase: -1.0,
        }
    }
}

impl Default for CommonsTech {
    fn default() -> Self {
        Self::none()
    }
}

/// The labour market's constants (models/README.md §3a).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabourMarket {
    /// Real wage per efficiency hour in the base year, `w_0`.
    pub wage0: f64,
    /// Hours and efficiency hours offered per adult in the base year (the bases of the hours
    /// and employment indices, and the first year's labour supply).
    pub hours0: f64,
    pub labour0: f64,
    /// What wages tend to.
    pub anchor: WageAnchor,
    /// Share of the gap between the wage and its anchor closed in a year, `φ`.
    pub flexibility: f64,
    /// Equilibrium unemployment rate `u*` (a head count): the base year's rate, at which the
    /// clearing anchor employs the labour force.
    pub equilibrium: f64,
    /// Share of efficiency hours idle at the equilibrium rate, `e*` (fewer than the head
    /// count: the least skilled lose work most).
    pub equilibrium_idle: f64,
    /// Frictional floor of unemployment `u_f` (a head count): demand cannot push it lower.
    pub floor: f64,
    /// Unemployment benefits per unit of lost pay, over all the unemployed.
    pub benefit_rate: f64,
    /// Elasticity of hours offered to the net wage relative to its trend.
    pub elasticity: f64,
    /// Income effect of the Basic Income on hours, `η`.
    pub hours_eta: f64,
    /// Whether output is limited by capacity and the labour force (false only in the SIM
    /// special case, which has no supply side).
    pub supply_limits: bool,
}

/// Everything that does not depend on the within-year solution, for years 0..=T.
#[derive(Debug, Clone, PartialEq)]
pub struct Economy {
    /// Calendar year of year 0.
    pub base_year: i32,
    /// Number of years, T + 1.
    pub years: usize,

    // Households (ascending skill; equal weights).
    /// Skill `z_i`, mean 1.
    pub skill: Vec<f64>,
    /// Marginal propensity to consume out of liquid income, `c_y,i`.
    pub mpc: Vec<f64>,
    /// Propensity to consume out of financial wealth, `c_a,i` (calibrated so that every
    /// household's wealth grows at the same rate in the base year).
    pub wealth_mpc: Vec<f64>,
    /// Share of the other cash benefits each group receives, mean 1 (rising or falling with
    /// skill rank by the region's benefit incidence).
    pub transfer_weight: Vec<f64>,
    /// Who lives with whom (households, children, people 65+).
    pub people: People,
    /// The thresholds on each household's age key below which single and couple households
    /// are 65 or over, by year (the population ages).
    pub elderly_thresholds: Vec<(f64, f64)>,
    /// Children per household with children, by year.
    pub children_per_household: Vec<f64>,
    /// Share of each group's working-age adults who offer work (lower at low skill ranks:
    /// non-participation concentrates at the bottom, as employment rates by education do),
    /// and the share of people 65+ who do.
    pub participation: Vec<f64>,
    pub participation_65: f64,
    /// Initial financial wealth (shares, bonds, foreign assets) `f_i,0`.
    pub wealth0: Vec<f64>,

    // Labour market.
    /// Wage setting, unemployment, benefits and labour supply.
    pub labour: LabourMarket,

    // Market sector.
    /// Share of tasks done by capital, `α_t` (1 − labour's task share).
    pub alpha: Vec<f64>,
    /// Normal capital-output ratio `v`: capital needed per unit of output at normal use.
    /// Constant at the base year's ratio: letting it rise with the share of automated tasks
    /// was tried and produced an investment boom of a third of GDP (models/README.md).
    pub capital_output: f64,
    /// Highest capacity use, relative to normal (output can exceed normal capacity by this
    /// factor if the labour is there).
    pub capacity_max: f64,
    /// Depreciation rate `δ`.
    pub depreciation: f64,
    /// Flexible-accelerator speed `γ`.
    pub accelerator: f64,
    /// Trend growth firms expect (TFP growth).
    pub trend_growth: f64,
    /// The trend index (1 + g)^t: what wages and exports grow with on a steady path.
    pub trend: Vec<f64>,
    /// Market capital at the end of year −1.
    pub market_capital0: f64,
    /// Market output of year −1 (the accelerator looks one year back).
    pub market_output_prev0: f64,

    // Foreign sector.
    /// Imports per unit of private spending on market goods (consumption, investment, the
    /// commons' materials). Zero for the closed World.
    pub import_propensity: f64,
    /// Exports per adult, by year: world demand at trend.
    pub exports: Vec<f64>,
    /// Whether the economy trades (demand beyond capacity is imported) or is closed
    /// (demand beyond capacity is rationed by prices).
    pub open: bool,

    // Commons sector.
    /// Commons technology by year at full take-up (the phase in force and what it can make);
    /// each year's take-up scales it (take_up.rs).
    pub commons: Vec<CommonsTech>,
    /// The most of what the phases can make that take-up can reach (`p2p`, a fraction).
    pub take_up_ceiling: f64,
    /// The Bass coefficient of imitation (`diffusion`, a year).
    pub imitation: f64,
    /// Wright's law: unit cost × (1 + cumulative output / `learning_scale`)^−exponent,
    /// exponent = −log2(1 − learning rate).
    pub learning_exponent: f64,
    pub learning_scale: f64,
    /// Share of full-time hours per adult not spent in market work in the base year.
    pub time_available0: f64,
    /// Household spending shares of the basket's categories in the base year (`b_k`).
    pub basket: [f64; CATEGORY_COUNT],
    /// Commons capital at the end of year −1.
    pub commons_capital0: f64,

    // Government.
    /// Fiscal rule.
    pub rule: FiscalRule,
    /// The benefit rules and amounts of each year (pensions, child benefit, assistance, other
    /// benefits, the Basic Income), after the Basic Income replaced part.
    pub benefits: Vec<Benefits>,
    /// What the Basic Income in `benefits` is multiplied by each year (set in the year, from
    /// last year's state: `year.rs`).
    pub bi_index: BiIndex,
    /// The benefits of the base year before any policy, per adult a year at the base year's
    /// potential (the status-quo baseline's path is rebuilt from them).
    pub benefits0: Benefits,
    /// The income tax schedule of the base year (thresholds at the base-year wage); later
    /// years' thresholds grow with the wage.
    pub schedule0: Schedule,
    /// The flat component of the income tax on top of the schedule, by year: under the
    /// debt rule the base year's plus `tax_change`; under the balanced rule the base year's
    /// (later years solve it).
    pub tax_shift: Vec<f64>,
    /// Each group's household income in the year before the base year (what the base
    /// year's means tests read).
    pub assessed0: Vec<f64>,
    /// Each group's band of the schedule in the base year and whether its household was on
    /// the assistance taper (for the substitution effect, and the sums of year 0).
    pub band0: Vec<u8>,
    pub taper0: Vec<bool>,
    /// Government purchases per adult a year, by year.
    pub purchases: Vec<f64>,
    /// Consumption tax rate on the pre-tax price, by year.
    pub vat: Vec<f64>,
    /// Wealth tax rate on financial wealth, by year.
    pub wealth_tax: Vec<f64>,
    /// Automation tax rate on market capital income, by year.
    pub automation_tax: Vec<f64>,
    /// Real interest rate the central bank aims at when inflation is on target.
    pub interest: f64,
    /// Government debt at the end of year −1.
    pub debt0: f64,
    /// Trend capacity relative to the base year (the TFP index): public purchases, benefits
    /// and, under the balanced rule, public debt grow with it.
    pub potential: Vec<f64>,
    /// Growth of potential output in each year.
    pub potential_growth: Vec<f64>,

    // Yardsticks.
    /// Absolute poverty line, per adult a year, at the level of the national accounts (the
    /// published line divided by the share of national-accounts income that surveys capture).
    pub poverty_line: f64,
    /// Whether poverty and inequality are measured on consumption per person (Nigeria's
    /// NLSS, the World Bank's PIP), not on equivalised disposable income.
    pub poverty_per_person: bool,
    /// Share of capital income household surveys capture (distribution measures count
    /// capital income at this share).
    pub capital_in_surveys: f64,
    /// Whether the absolute line is instead 60 % of the base year's median equivalised
    /// income, held fixed in real terms (UK, Finland).
    pub poverty_line_from_median: bool,
    /// Basic-needs basket, per adult a year.
    pub basic_needs: f64,
    /// Consumption tax rate of the base year (the price index is 100 then).
    pub base_vat: f64,
    /// Market output of the base year.
    pub base_market_output: f64,
    /// Material footprint of the base year, tonnes per adult a year.
    pub base_material: f64,
    /// Primary energy per person in the base year, GJ a year.
    pub base_energy: f64,
    /// Inland freight per person in the base year, tonne-km a year.
    pub base_freight: f64,
    /// The OECD's projection of world material use per person in 2060, t a year.
    pub material_outlook: f64,
    /// Each category's share of the material footprint (`CATEGORIES` order).
    pub category_material: [f64; CATEGORY_COUNT],
    /// Sustainable material budget, tonnes per adult a year.
    pub material_budget: f64,
    /// The region's published circularity rate (a reference line), a fraction.
    pub circularity_reference: f64,
}

/// Everything the calibration derived, for documentation and the books view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// GDP per adult in the base year.
    pub gdp: f64,
    /// Income tax rate that balances the base year's budget at the observed tax take.
    pub income_tax: f64,
    /// Government purchases per adult (the residual of the base-year budget).
    pub purchases: f64,
    /// Mean propensity to consume out of financial wealth, wealth-weighted.
    pub wealth_mpc: f64,
    /// Growth rate of every household's wealth in the base year.
    pub wealth_growth: f64,
}

impl Economy {
    /// The share of group `g`'s adults who offer work.
    pub fn participation_of(&self, g: usize, elderly: bool) -> f64 {
        if elderly {
            self.participation_65
        } else {
            self.participation[g]
        }
    }

    /// Godley & Lavoie's model SIM as a special case of the MAP economy: one household,
    /// all income is wages (α = 0), no capital, no commons, no Basic Income, money (here:
    /// government debt) at zero interest, G = `g` from the second period, θ = `theta`,
    /// propensities `alpha1` (income) and `alpha2` (wealth), zero initial stocks, no supply
    /// side and no foreign sector.
    pub fn sim(periods: usize, g: f64, theta: f64, alpha1: f64, alpha2: f64) -> Self {
        let zeros = vec![0.0; periods];
        Economy {
            base_year: 1,
            years: periods,
            skill: vec![1.0],
            mpc: vec![alpha1],
            wealth_mpc: vec![alpha2],
            transfer_weight: vec![1.0],
            people: People {
                kind: vec![super::people::Kind::Single],
                head: vec![0],
                adults: vec![1],
                age_key: vec![2.0],
                needs: vec![1.0],
                wealth_key: vec![0.5],
            },
            elderly_thresholds: vec![(0.0, 0.0); periods],
            children_per_household: zeros.clone(),
            participation: vec![1.0],
            participation_65: 0.0,
            wealth0: vec![0.0],
            labour: LabourMarket {
                wage0: 1.0,
                hours0: 1.0,
                labour0: 1.0,
                anchor: WageAnchor::Tfp,
                flexibility: 0.0,
                equilibrium: 0.0,
                equilibrium_idle: 0.0,
                floor: 0.0,
                benefit_rate: 0.0,
                elasticity: 0.0,
                hours_eta: 0.0,
                supply_limits: false,
            },
            alpha: zeros.clone(),
            capital_output: 0.0,
            capacity_max: f64::INFINITY,
            depreciation: 0.0,
            accelerator: 0.0,
            trend_growth: 0.0,
            trend: vec![1.0; periods],
            market_capital0: 0.0,
            market_output_prev0: 0.0,
            import_propensity: 0.0,
            exports: zeros.clone(),
            open: false,
            commons: vec![CommonsTech::none(); periods],
            take_up_ceiling: 0.0,
            imitation: 0.0,
            learning_exponent: 0.0,
            learning_scale: 0.0,
            time_available0: 0.0,
            basket: [0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            commons_capital0: 0.0,
            rule: FiscalRule::Debt,
            benefits: vec![Benefits::default(); periods],
            bi_index: BiIndex::None,
            benefits0: Benefits::default(),
            schedule0: Schedule::default(),
            tax_shift: vec![theta; periods],
            assessed0: vec![0.0],
            band0: vec![2],
            taper0: vec![false],
            purchases: (0..periods).map(|t| if t == 0 { 0.0 } else { g }).collect(),
            vat: zeros.clone(),
            wealth_tax: zeros.clone(),
            automation_tax: zeros,
            interest: 0.0,
            debt0: 0.0,
            potential_growth: vec![0.0; periods],
            potential: vec![1.0; periods],
            poverty_line: 0.0,
            capital_in_surveys: 1.0,
            poverty_per_person: false,
            poverty_line_from_median: false,
            basic_needs: 0.0,
            base_vat: 0.0,
            base_market_output: 1.0,
            base_material: 0.0,
            base_energy: 0.0,
            base_freight: 0.0,
            material_outlook: 0.0,
            category_material: [0.0; CATEGORY_COUNT],
            material_budget: 0.0,
            circularity_reference: 0.0,
        }
    }

    /// The same world under another scenario's policies (its status-quo baseline): the paths
    /// that follow the policies are rebuilt, everything calibrated is kept. A scenario at
    /// today's policies equals its baseline bit for bit.
    pub fn without_policy(&self, scenario_baseline: &Scenario) -> Self {
        let mut base = self.clone();
        base.apply_policies(scenario_baseline);
        base
    }

    /// Sets the paths that follow the policies of `scenario`, from year 1 on: the Basic
    /// Income and the benefits it replaces, the income tax change, the consumption, wealth and
    /// automation taxes, and support for peer production with its phases. One place for the
    /// scenario (`calibrate`) and for its baseline, so the two cannot drift apart.
    pub fn apply_policies(&mut self, scenario: &Scenario) {
        use crate::catalog::param as p;
        let v = |i: usize| scenario.get(i);
        let years = self.years;
        let from_year1 = |value: f64, base: f64| -> Vec<f64> {
            (0..years)
                .map(|t| if t == 0 { base } else { value })
                .collect()
        };
        let bi_year = v(p::BI) * 12.0;
        // A Basic Income at the poverty line (as published) replaces `replace_share` % of child
        // benefit and means-tested assistance; a smaller one proportionally less.
        let poverty_line = scenario.region().figures.poverty_line.value;
        let replaced = if poverty_line > 0.0 {
            (v(p::REPLACE_SHARE) / 100.0 * bi_year / poverty_line).min(1.0)
        } else {
            0.0
        };
        self.benefits = benefits_path(
            &self.benefits0,
            &self.potential,
            (bi_year, v(p::BI_CHILD) / 100.0, v(p::BI_PENSIONER) / 100.0),
            replaced,
        );
        // The claw-back (a negative income tax when above 0), from year 1 as the amounts.
        let clawback = (v(p::BI_CLAWBACK) / 100.0).clamp(0.0, 1.0);
        if clawback > 0.0 {
            for b in self.benefits.iter_mut().skip(1) {
                b.bi_clawback = clawback;
                b.bi_threshold = v(p::BI_THRESHOLD) * 12.0;
            }
        }
        let shift0 = self.tax_shift.first().copied().unwrap_or(0.0);
        self.tax_shift = from_year1(shift0 + v(p::TAX_CHANGE) / 100.0, shift0);
        self.vat = from_year1(v(p::VAT) / 100.0, self.base_vat);
        self.wealth_tax = from_year1(v(p::WEALTH_TAX) / 100.0, 0.0);
        self.automation_tax = from_year1(v(p::AUTOMATION_TAX) / 100.0, 0.0);
        self.bi_index = match v(p::BI_INDEX) as usize {
            1 => BiIndex::Prices,
            2 => BiIndex::Wages,
            3 => BiIndex::Gdp,
            _ => BiIndex::None,
        };
        self.commons = paths::commons(scenario, years, &self.basket);
        self.take_up_ceiling = (v(p::P2P) / 100.0).clamp(0.0, 1.0);
    }
}

/// The benefits of every year: the base year's amounts grown with potential output (a
/// neutral stance), with the Basic Income `(adult a year, child share, elderly share)` and the
/// share `replaced` of child benefit and means-tested assistance it replaces, from year 1.
pub fn benefits_path(
    base: &Benefits,
    potential: &[f64],
    (bi, child_share, elderly_share): (f64, f64, f64),
    replaced: f64,
) -> Vec<Benefits> {
    potential
        .iter()
        .enumerate()
        .map(|(t, a)| {
            let (keep, bi) = if t == 0 {
                (1.0, 0.0)
            } else {
                (1.0 - replaced, bi)
            };
            Benefits {
                pension: base.pension * a,
                pension_coverage: base.pension_coverage,
                pension_flat: base.pension_flat,
                child: base.child * a * keep,
                assistance: base.assistance * a * keep,
                taper: base.taper,
                other: base.other * a,
                bi_adult: bi,
                bi_child: bi * child_share,
                bi_elderly: bi * elderly_share,
                bi_clawback: 0.0,
                bi_threshold: 0.0,
            }
        })
        .collect()
}
