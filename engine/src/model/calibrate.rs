//! Calibrating an economy to its region: the base year on a steady growth path at the trend
//! rate, reproducing the region's data (models/README.md §7).

use super::economy::{benefits_path, Calibration, Economy, FiscalRule, LabourMarket, WageAnchor};
use super::error::ModelError;
use super::jobs::Rationing;
use super::paths;
use super::people::{self, Ages, Composition, People, Projection};
use super::population::{self, WealthShares};
use super::taxben::{Benefits, Circumstances, Schedule};
use crate::catalog::{param as p, RegionFigures, BASE_YEAR};
use crate::scenario::Scenario;

/// Highest capacity use relative to normal: output can run 10 % above normal use of capital
/// (US capacity utilisation peaks near 89 % against a long-run mean near 80 %; Federal
/// Reserve G.17; models/README.md §3b).
pub const CAPACITY_MAX: f64 = 1.1;

fn ranks(n: usize) -> impl Iterator<Item = f64> {
    (0..n).map(move |i| (i as f64 + 0.5) / n as f64)
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// The share of efficiency hours idle when the head count `rate` of the people offering
/// work (groups offering `hours`) is unemployed under the rationing by skill rank (jobs.rs),
/// and each group's idle share. Fewer efficiency hours than people are idle: the least skilled
/// lose work most.
fn idle_at(rate: f64, skill: &[f64], hours: &[f64]) -> (f64, Vec<f64>) {
    let n = skill.len();
    let mut headcount = Rationing::default();
    headcount.prepare(hours);
    let offered: f64 = hours.iter().sum();
    let layoffs = headcount.layoffs(rate * offered);
    let idle: Vec<f64> = (0..n)
        .map(|i| layoffs.share(i, headcount.risk_of(i)))
        .collect();
    let labour: f64 = skill.iter().zip(hours).map(|(z, h)| z * h).sum();
    let efficiency = if labour > 0.0 {
        (0..n).map(|i| skill[i] * hours[i] * idle[i]).sum::<f64>() / labour
    } else {
        rate
    };
    (efficiency, idle)
}

/// The share of each working-age group who offer work, when `not_working` of them do not on
/// average and non-participation falls with skill rank r as (1 + b)(1 − r)^b (b = 0: the
/// same everywhere; larger b: concentrated at the bottom), capped at everyone.
fn participation_by_rank(elderly: &[bool], not_working: f64, b: f64) -> Vec<f64> {
    let n = elderly.len();
    // The profile once (a `pow` per group), not once per bisection step.
    let profile: Vec<f64> = (0..n)
        .map(|g| (1.0 + b) * crate::math::pow(1.0 - (g as f64 + 0.5) / n as f64, b))
        .collect();
    let working: Vec<f64> = (0..n)
        .filter(|&g| !elderly[g])
        .map(|g| profile[g])
        .collect();
    let mean_at = |scale: f64| -> f64 {
        working.iter().map(|p| (scale * p).min(1.0)).sum::<f64>() / working.len().max(1) as f64
    };
    let target = not_working.clamp(0.0, 0.95);
    let scale = solve_increasing(mean_at, target, target.max(1e-9));
    profile.iter().map(|p| 1.0 - (scale * p).min(1.0)).collect()
}

/// Gives the wealth `levels` (ascending, one per group) to the groups, and returns each
/// group's wealth and wealth rank: by a rank that mixes
/// skill rank (weight `correlation`) with an evenly spread sequence independent of it, so
/// that wealth and earnings are correlated as in the data rather than perfectly. The levels
/// are only reordered, so the wealth shares per adult stay exact.
fn wealth_by_rank(levels: &[f64], draws: &[f64], correlation: f64) -> (Vec<f64>, Vec<f64>) {
    let n = levels.len();
    let mut order: Vec<(f64, usize)> = (0..n)
        .map(|g| {
            let rank = (g as f64 + 0.5) / n as f64;
            (correlation * rank + (1.0 - correlation) * draws[g], g)
        })
        .collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut wealth, mut rank) = (vec![0.0; n], vec![0.0; n]);
    for (k, (level, (_, g))) in levels.iter().zip(order).enumerate() {
        wealth[g] = *level;
        rank[g] = (k as f64 + 0.5) / n as f64;
    }
    (wealth, rank)
}

/// The age structure of a region's figures.
fn ages(children: f64, elderly: f64) -> Ages {
    Ages {
        children: children.clamp(0.0, 0.95),
        elderly: elderly.clamp(0.0, 0.95),
    }
}

/// The `x ≥ 0` at which the increasing function `f` reaches `target` (bisection on
/// [0, `scale`], doubled until it brackets; 0 when `target` ≤ f(0)).
fn solve_increasing(f: impl Fn(f64) -> f64, target: f64, scale: f64) -> f64 {
    // NaN targets land here too.
    if target.partial_cmp(&f(0.0)) != Some(std::cmp::Ordering::Greater) {
        return 0.0;
    }
    let (mut lo, mut hi) = (0.0, scale.abs().max(1e-9));
    for _ in 0..60 {
        if f(hi) >= target {
            break;
        }
        lo = hi;
        hi *= 2.0;
    }
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if f(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-12 * hi {
            break;
        }
    }
    0.5 * (lo + hi)
}

impl Economy {
    /// Calibrates the economy of `scenario` to its region.
    pub fn calibrate(scenario: &Scenario) -> Result<(Self, Calibration), ModelError> {
        Self::calibrate_with(scenario, &scenario.region().figures)
    }

    /// Calibrates the economy of `scenario` to the region figures `r` (the region's own, or
    /// trial values when fitting the calibration targets: `tests/engine/people.rs`).
    pub fn calibrate_with(
        scenario: &Scenario,
        r: &RegionFigures,
    ) -> Result<(Self, Calibration), ModelError> {
        let v = |i: usize| scenario.get(i);
        let n = v(p::HOUSEHOLDS) as usize;
        let years = v(p::HORIZON) as usize + 1;
        // The World is in 2021 PPP dollars (so the 3.00 USD a day line applies); the others in
        // their own currency at market prices (factor 1).
        let gdp = r.gdp_per_adult.value * r.ppp_factor.value.max(1e-9);
        if gdp.is_nan() || gdp <= 0.0 {
            return Err(ModelError::Calibration(
                "GDP per adult must be positive".into(),
            ));
        }

        // Households: skill from the earnings Gini, wealth from the bracket shares.
        let sigma = population::sigma_from_gini(r.skill_gini.value);
        let skill = population::lognormal_bin_means(n, sigma);
        let (mpc_low, mpc_high) = (v(p::MPC_LOW), v(p::MPC_HIGH));
        // Other cash benefits (disability, survivors, housing) by skill rank: 1 + κ (1 − 2r),
        // κ = `benefit_incidence` (0.5: falling with rank, as in the countries; negative: rising
        // with rank, as in the World, where benefits are paid mostly in rich countries).
        let incidence = r.benefit_incidence.value.clamp(-1.0, 1.0);
        let mut transfer_weight: Vec<f64> = ranks(n)
            .map(|rank| 1.0 + incidence * (1.0 - 2.0 * rank))
            .collect();
        let tw_mean = mean(&transfer_weight).max(1e-300);
        transfer_weight.iter_mut().for_each(|w| *w /= tw_mean);
        // People in households: who lives with whom, who is 65 or over, how many children,
        // year by year (people.rs).
        let projected = v(p::POPULATION) == 0.0;
        let projection: Projection = [
            (2025, ages(r.children_share.value, r.elderly_share.value)),
            (
                2050,
                ages(r.children_share_2050.value, r.elderly_share_2050.value),
            ),
            (
                2075,
                ages(r.children_share_2075.value, r.elderly_share_2075.value),
            ),
            (
                2100,
                ages(r.children_share_2100.value, r.elderly_share_2100.value),
            ),
        ];
        let composition = Composition {
            single: r.adults_single.value,
            couple: r.adults_couple.value,
            couple_children: r.adults_couple_children.value,
            single_parent: r.adults_single_parent.value,
            elderly_alone: r.pensioners_alone.value.clamp(0.0, 1.0),
        };
        let ages0 = projection[0].1;
        let people = People::build(n, &composition, &ages0);

        let shares = WealthShares {
            bottom50: r.wealth_bottom50.value,
            middle40: r.wealth_middle40.value,
            top10: r.wealth_top10.value,
            top1: r.wealth_top1.value,
        };
        let household_wealth = r.wealth_to_gdp.value * gdp;
        let levels = population::wealth_levels(n, &shares, household_wealth)
            .map_err(|e| ModelError::Calibration(format!("{e:?}")))?;
        let (wealth0, wealth_rank) = wealth_by_rank(
            &levels,
            &people.wealth_key,
            r.wealth_earnings_rank.value.clamp(0.0, 1.0),
        );
        // The propensity to consume out of income falls with wealth rank (Carroll, Slacalek,
        // Tokuoka & White 2017; Fisher et al. 2020): a high earner with little wealth spends
        // most of what comes in, which also keeps every household's wealth on its steady path.
        let mut mpc: Vec<f64> = wealth_rank
            .iter()
            .map(|rank| mpc_low - (mpc_low - mpc_high) * rank)
            .collect();

        // Balance sheet: households own the market capital and the public debt; net foreign
        // assets start at zero (the base year is placed on a steady path with balanced trade).
        let mut debt0 = r.debt_to_gdp.value * gdp;
        let market_capital0 = (household_wealth - debt0).max(0.1 * household_wealth);
        debt0 = household_wealth - market_capital0;

        // Market sector and automation.
        let alpha0 = (1.0 - r.labour_share.value).clamp(paths::ALPHA_MIN, paths::ALPHA_MAX);
        let depreciation = r.depreciation.value;
        let trend_growth = v(p::TFP_GROWTH) / 100.0;
        let capital_output = market_capital0 / gdp;
        let (alpha, potential) = paths::automation(alpha0, &paths::automation_of(scenario), years);
        let trend: Vec<f64> = (0..years)
            .map(|t| crate::math::pow(1.0 + trend_growth, t as f64))
            .collect();

        let year_ages: Vec<Ages> = (0..years)
            .map(|t| {
                if projected {
                    people::ages_in(&projection, BASE_YEAR + t as i32)
                } else {
                    ages0
                }
            })
            .collect();
        let elderly_thresholds: Vec<(f64, f64)> = year_ages
            .iter()
            .map(|a| people.elderly_thresholds(a, composition.elderly_alone))
            .collect();
        let children_per_household: Vec<f64> = year_ages
            .iter()
            .map(|a| people.children_per_household(a.children_per_adult()))
            .collect();
        let elderly0: Vec<bool> = (0..n)
            .map(|g| people.is_elderly(g, elderly_thresholds[0]))
            .collect();
        let children0: Vec<f64> = (0..n)
            .map(|g| {
                if people.kind[g].with_children() {
                    children_per_household[0] / f64::from(people.adults[g])
                } else {
                    0.0
                }
            })
            .collect();

        // Labour market. People 65+ work at their region's participation rate; working-age
        // adults at the rate that gives the data's employment-to-population ratio. The
        // data's unemployment rate counts people; joblessness is rationed by skill rank
        // (jobs.rs), so the efficiency hours lost are fewer than the people. The base year's
        // rate is the equilibrium rate (the base year is on a steady path); the wage per
        // efficiency hour pays labour its task share of GDP.
        let equilibrium = r.unemployment.value.clamp(0.0, 0.9);
        let floor = r.unemployment_floor.value.clamp(0.0, equilibrium);
        let elderly_share = elderly0.iter().filter(|e| **e).count() as f64 / n as f64;
        let participation_65 = r.participation_65.value.clamp(0.0, 1.0);
        let participation_working = if elderly_share < 1.0 {
            ((r.employment_rate.value / (1.0 - equilibrium) - elderly_share * participation_65)
                / (1.0 - elderly_share))
                .clamp(0.05, 1.0)
        } else {
            participation_65
        };
        let participation = participation_by_rank(
            &elderly0,
            1.0 - participation_working,
            r.nonwork_gradient.value.max(0.0),
        );
        let hours0: Vec<f64> = (0..n)
            .map(|g| {
                if elderly0[g] {
                    participation_65
                } else {
                    participation[g]
                }
            })
            .collect();
        let (equilibrium_idle, idle0) = idle_at(equilibrium, &skill, &hours0);
        let labour0: f64 = skill.iter().zip(&hours0).map(|(z, h)| z * h).sum::<f64>() / n as f64;
        let wage0 = (1.0 - alpha0) * gdp / (labour0 * (1.0 - equilibrium_idle));
        let benefit_rate = r.ub_replacement.value.max(0.0);
        let unemployment_benefits0 = benefit_rate * wage0 * equilibrium_idle * labour0;

        // Today's benefits (taxben.rs), each at its cost in the data. Pensions: half flat,
        // half related to past earnings (skill), at the region's coverage.
        let interest = v(p::INTEREST) / 100.0;
        // The rules of the base year, filled in as each amount is solved: first the pension
        // per unit of level (what people 65+ would receive at a level of 1).
        let mut benefits0 = Benefits {
            pension: 1.0,
            pension_coverage: r.pension_coverage.value.clamp(0.0, 1.0),
            pension_flat: r.pension_flat_share.value.clamp(0.0, 1.0),
            ..Benefits::default()
        };
        let elderly_weight: f64 = (0..n)
            .filter(|&g| elderly0[g])
            .map(|g| benefits0.pension_of(skill[g]))
            .sum::<f64>()
            / n as f64;
        let pensions0 = r.pensions_to_gdp.value.max(0.0) * gdp;
        benefits0.pension = if elderly_weight > 0.0 {
            pensions0 / elderly_weight
        } else {
            0.0
        };
        let children_total: f64 = children0.iter().sum::<f64>() / n as f64;
        let family0 = r.family_to_gdp.value.max(0.0) * gdp;
        benefits0.child = if children_total > 0.0 {
            family0 / children_total
        } else {
            0.0
        };
        let pension_of = |g: usize| {
            if elderly0[g] {
                benefits0.pension_of(skill[g])
            } else {
                0.0
            }
        };

        // Government: the base-year budget balances at the observed tax take; purchases are
        // the residual (compared with the data in models/README.md).
        let transfers_all0 = r.transfers_to_gdp.value * gdp;
        let assistance0 = r.assistance_to_gdp.value.max(0.0) * gdp;
        let other0 =
            (transfers_all0 - pensions0 - family0 - assistance0 - unemployment_benefits0).max(0.0);
        let benefits_total0 = pensions0 + family0 + assistance0 + unemployment_benefits0 + other0;
        // On a steady growth path capital and debt grow at the trend rate, so the deficit is
        // g·D (debt keeps its share of output).
        let deficit0 = trend_growth * debt0;
        let purchases0 = (r.tax_to_gdp.value * gdp + deficit0 - benefits_total0 - interest * debt0)
            .max(0.02 * gdp);
        let investment0 = (depreciation + trend_growth) * market_capital0;
        // Balanced trade in the base year: exports equal imports.
        let consumption0 = gdp - investment0 - purchases0;
        if consumption0 <= 0.1 * gdp {
            return Err(ModelError::Calibration(
                "investment and public purchases leave no room for consumption in the base year"
                    .into(),
            ));
        }
        let imports0 = r.imports_to_gdp.value.max(0.0) * gdp;
        let import_propensity = (imports0 / (consumption0 + investment0)).min(0.9);
        let open = import_propensity > 0.0;
        let exports0 = import_propensity * (consumption0 + investment0);
        let base_vat = r.consumption_tax.value;

        // Each group's taxable income in the base year: wages, capital income, pension.
        let wealth_mean = mean(&wealth0);
        let capital_income0 = alpha0 * gdp - depreciation * market_capital0 + interest * debt0;
        let taxable: Vec<f64> = (0..n)
            .map(|g| {
                let fin = if wealth_mean > 0.0 {
                    capital_income0 * wealth0[g] / wealth_mean
                } else {
                    0.0
                };
                wage0 * skill[g] * hours0[g] * (1.0 - idle0[g]) + fin + pension_of(g)
            })
            .collect();
        // What the means tests of the base year read: each household's income a year
        // earlier, on the steady path.
        let household_income = |g: usize| -> f64 {
            let h = people.head[g] as usize;
            (0..usize::from(people.adults[h]))
                .map(|a| taxable[h + a])
                .sum()
        };
        let assessed0: Vec<f64> = (0..n)
            .map(|g| household_income(g) / (1.0 + trend_growth))
            .collect();
        // Means-tested assistance: the guarantee that costs the data's share of GDP at the
        // region's taper (bisection: the cost rises with the guarantee).
        let taper = r.assistance_taper.value.clamp(0.0, 1.0);
        let circumstances = |g: usize| Circumstances {
            adults: f64::from(people.adults[g]),
            elderly: f64::from(people.adults[g]) * f64::from(u8::from(elderly0[g])),
            children: children0[g] * f64::from(people.adults[g]),
            assessed_income: assessed0[g],
            needs: people.needs[g],
        };
        // Each group's share of its household's guarantee per unit, and of what is withdrawn
        // (the rules of `Benefits::of`, taken apart once: the bisection below evaluates them
        // some forty times).
        let (per_unit, withdrawn): (Vec<f64>, Vec<f64>) = (0..n)
            .map(|g| {
                let c = circumstances(g);
                let unit = Benefits {
                    assistance: 1.0,
                    ..Benefits::default()
                };
                let share = 1.0 / c.adults.max(1.0);
                (
                    unit.of(&c).assistance * share,
                    taper * c.assessed_income.max(0.0) * share,
                )
            })
            .unzip();
        let assistance_cost = |guarantee: f64| -> f64 {
            per_unit
                .iter()
                .zip(&withdrawn)
                .map(|(u, w)| (guarantee * u - w).max(0.0))
                .sum::<f64>()
                / n as f64
        };
        let guarantee = solve_increasing(assistance_cost, assistance0, gdp);
        benefits0.assistance = guarantee;
        benefits0.taper = taper;
        // The weights have mean 1, so the amount per unit of weight is the mean.
        benefits0.other = other0;

        // The income tax: the region's schedule (thresholds in multiples of the base year's
        // wage for a full-time unit of mean skill) plus a flat component that raises the
        // observed tax take (it stands for every other tax on income and wealth).
        let schedule0 = Schedule {
            thresholds: [
                r.tax_threshold_1.value * wage0,
                r.tax_threshold_2.value * wage0,
            ],
            rates: [r.tax_rate_1.value, r.tax_rate_2.value, r.tax_rate_3.value],
        };
        let taxable0: f64 = taxable.iter().sum::<f64>() / n as f64;
        let schedule_tax0: f64 =
            taxable.iter().map(|x| schedule0.tax(*x).0).sum::<f64>() / n as f64;
        let revenue0 = benefits_total0 + purchases0 + interest * debt0 - deficit0;
        let shift0 = if taxable0 > 0.0 {
            ((revenue0 - base_vat * consumption0 - schedule_tax0) / taxable0)
                .clamp(-schedule0.rates[2], 0.9)
        } else {
            0.0
        };
        let income_tax0 = if taxable0 > 0.0 {
            (schedule_tax0 + shift0 * taxable0) / taxable0
        } else {
            0.0
        };

        // Base-year disposable income of each group, for the propensities to consume out of
        // wealth: close the base year at the observed GDP with every household's wealth
        // growing at the same rate (a stationary distribution).
        let mut band0 = Vec::with_capacity(n);
        let mut taper0 = Vec::with_capacity(n);
        let liquid: Vec<f64> = (0..n)
            .map(|g| {
                let (tax, band) = schedule0.tax(taxable[g]);
                let amounts = benefits0.of(&circumstances(g));
                let adults = f64::from(people.adults[g]);
                band0.push(band as u8);
                taper0.push(amounts.on_taper);
                let benefits = benefit_rate * wage0 * skill[g] * hours0[g] * idle0[g]
                    + (amounts.child + amounts.assistance) / adults
                    + benefits0.other * transfer_weight[g];
                taxable[g] - tax - shift0 * taxable[g] + benefits
            })
            .collect();
        let spending_target = (1.0 + base_vat) * consumption0 * n as f64;
        let (wealth_mpc, wealth_growth) =
            wealth_propensities(&mut mpc, &liquid, &wealth0, spending_target);

        let poverty_line = r.poverty_line.value;
        // Today's policies in every year; the scenario's are set at the end (`apply_policies`).
        let benefits = benefits_path(&benefits0, &potential, (0.0, 0.0, 0.0), 0.0);
        // Purchases grow with total factor productivity, the trend of the economy's capacity
        // (not with output per hour, which automation raises without bound as α → 1).
        let purchases = (0..years).map(|t| purchases0 * potential[t]).collect();
        let potential_growth: Vec<f64> = (0..years)
            .map(|t| {
                if t == 0 {
                    trend_growth
                } else {
                    potential[t] / potential[t - 1] - 1.0
                }
            })
            .collect();
        let exports = trend.iter().map(|x| exports0 * x).collect();

        let tax_shift = vec![shift0; years];
        let vat = vec![base_vat; years];
        let wealth_tax = vec![0.0; years];
        let automation_tax = vec![0.0; years];
        let rule = if v(p::RULE) == 0.0 {
            FiscalRule::Balanced
        } else {
            FiscalRule::Debt
        };

        // Income effect: hours fall by `hours_response` % for a worker of mean skill (z = 1) at a
        // Basic Income equal to the poverty line (base-year wage).
        let hours_eta = if poverty_line > 0.0 {
            v(p::HOURS_RESPONSE) / 100.0 * (poverty_line + wage0) / poverty_line
        } else {
            0.0
        };
        let labour = LabourMarket {
            wage0,
            hours0: hours0.iter().sum::<f64>() / n as f64,
            labour0,
            anchor: if v(p::WAGE_ANCHOR) == 0.0 {
                WageAnchor::Clearing
            } else {
                WageAnchor::Tfp
            },
            flexibility: v(p::WAGE_FLEXIBILITY) / 100.0,
            equilibrium,
            equilibrium_idle,
            floor,
            benefit_rate,
            elasticity: v(p::LABOUR_ELASTICITY),
            hours_eta,
            supply_limits: true,
        };

        let basket = paths::basket(r);
        let commons = vec![super::economy::CommonsTech::none(); years];
        let weighted_mpc = if wealth_mean > 0.0 {
            (0..n).map(|i| wealth_mpc[i] * wealth0[i]).sum::<f64>() / (wealth_mean * n as f64)
        } else {
            0.0
        };

        let mut economy = Economy {
            base_year: BASE_YEAR,
            years,
            skill,
            mpc,
            wealth_mpc,
            transfer_weight,
            people,
            elderly_thresholds,
            children_per_household,
            participation,
            participation_65,
            wealth0,
            labour,
            alpha,
            capital_output,
            capacity_max: CAPACITY_MAX,
            depreciation,
            accelerator: v(p::ACCELERATOR),
            trend_growth,
            trend,
            market_capital0,
            market_output_prev0: gdp,
            import_propensity,
            exports,
            open,
            commons,
            basket,
            take_up_ceiling: 0.0,
            imitation: v(p::DIFFUSION).max(0.0),
            learning_exponent: {
                let rate = v(p::LEARNING_RATE).clamp(0.0, 0.9);
                -crate::math::ln(1.0 - rate) / std::f64::consts::LN_2
            },
            // The table's unit costs hold once the commons has made one year of 5 % of the
            // basket (an assumption: the scale of today's maker and co-operative sectors).
            learning_scale: 0.05 * consumption0,
            time_available0: (1.0 - hours0.iter().sum::<f64>() / n as f64 * (1.0 - equilibrium))
                .max(0.0),
            commons_capital0: 0.0,
            rule,
            benefits,
            bi_index: super::economy::BiIndex::None,
            benefits0,
            schedule0,
            tax_shift,
            assessed0,
            band0,
            taper0,
            purchases,
            vat,
            wealth_tax,
            automation_tax,
            interest,
            debt0,
            potential_growth,
            potential,
            poverty_line: poverty_line / r.survey_to_accounts.value.clamp(0.05, 1.0),
            capital_in_surveys: r.capital_in_surveys.value.clamp(0.0, 1.0),
            poverty_per_person: r.target_concept.value > 0.5,
            poverty_line_from_median: r.poverty_line_from_median.value > 0.5,
            basic_needs: r.basic_needs.value,
            base_vat,
            base_market_output: gdp,
            base_material: r.material_footprint.value,
            base_energy: r.energy_per_person.value,
            base_freight: r.freight_per_person.value,
            material_outlook: r.material_outlook.value,
            category_material: std::array::from_fn(|k| {
                crate::catalog::CATEGORIES[k].material.value
            }),
            material_budget: r.material_budget.value,
            circularity_reference: r.circularity_rate.value.clamp(0.0, 1.0),
        };
        economy.apply_policies(scenario);
        let calibration = Calibration {
            gdp,
            income_tax: income_tax0,
            purchases: purchases0,
            wealth_mpc: weighted_mpc,
            wealth_growth,
        };
        Ok((economy, calibration))
    }
}

/// Propensities to consume out of wealth, `c_a,i`, such that households spend
/// `spending_target` in all (the base year's observed consumption) while every household's
/// wealth grows at one common rate `g*`: each saves exactly `g* a_i`, so the base-year wealth
/// distribution is stationary.
///
/// `g*` follows from the target: Σ saving = Σ L_i − target = g* Σ a_i (on the steady path it
/// is the trend rate, since saving funds net investment and the deficit). Each household's
/// spending out of wealth is then `c_a,i a_i = (1 − c_y,i) L_i − g* a_i`, kept within
/// `[0, a_i]`; where that bound binds, the household's propensity to consume out of income is
/// moved instead, as little as needed (a high earner with little wealth spends more of
/// what comes in; a low earner with much wealth less).
///
/// Why not one `c_a` for all, as model.md §1 has it: with a single propensity the richest
/// households, whose wealth is 10–20 times their income, consume their fortunes, and the top
/// 10 % wealth share falls by 20 points in 50 years with no policy at all — an artefact.
/// Returns the propensities and `g*`.
fn wealth_propensities(
    mpc: &mut [f64],
    liquid: &[f64],
    wealth: &[f64],
    spending_target: f64,
) -> (Vec<f64>, f64) {
    let n = mpc.len();
    let wealth_total: f64 = wealth.iter().map(|a| a.max(0.0)).sum();
    let liquid_total: f64 = liquid.iter().sum();
    let g = if wealth_total > 0.0 {
        ((liquid_total - spending_target) / wealth_total).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let propensities = (0..n)
        .map(|i| {
            let (l, a) = (liquid[i], wealth[i].max(0.0));
            let need = (l - g * a).clamp(0.0, (l + a).max(0.0));
            let from_wealth = ((1.0 - mpc[i]) * l - g * a).clamp(0.0, a);
            if l > 0.0 {
                let from_income = need - from_wealth;
                mpc[i] = (from_income / l).clamp(0.0, 1.0);
            }
            if a > 0.0 {
                // What the income part cannot carry comes from wealth (within [0, a]).
                ((need - mpc[i] * l.max(0.0)).clamp(0.0, a)) / a
            } else {
                0.0
            }
        })
        .collect();
    (propensities, g)
}
