//! Today's tax-benefit system, simplified but real (models/README.md §5a): an income tax with
//! the region's schedule (personal income tax and employee contributions in three bands),
//! pensions, child benefit, means-tested assistance with its withdrawal rate, other cash
//! benefits, and the Basic Income with its adult, child and pensioner amounts.
//!
//! Everything here is a pure function of a household's circumstances and the year's policy,
//! so the same rules compute the model's households and "a household like mine".

/// The income tax schedule of a year: three bands with their marginal rates, thresholds in
/// currency (the region's thresholds in multiples of the average wage, times the year's
/// average wage, so that wage growth does not push people into higher bands).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Schedule {
    /// Upper ends of the first two bands, per adult a year.
    pub thresholds: [f64; 2],
    /// Marginal rates of the three bands.
    pub rates: [f64; 3],
}

impl Schedule {
    /// The band `income` falls in (0, 1 or 2).
    #[inline]
    pub fn band(&self, income: f64) -> usize {
        if income < self.thresholds[0] {
            0
        } else if income < self.thresholds[1] {
            1
        } else {
            2
        }
    }

    /// The schedule's line in `band`: tax = intercept + marginal × income there. Income below
    /// zero pays no tax (band 0 with the intercept 0 and income clamped by the caller).
    #[inline]
    pub fn line(&self, band: usize) -> (f64, f64) {
        let [t1, t2] = self.thresholds;
        let [r1, r2, r3] = self.rates;
        match band {
            0 => (0.0, r1),
            1 => (t1 * (r1 - r2), r2),
            _ => (t1 * (r1 - r2) + t2 * (r2 - r3), r3),
        }
    }

    /// The tax on `income` (none on income at or below zero), and the band.
    #[inline]
    pub fn tax(&self, income: f64) -> (f64, usize) {
        if income <= 0.0 {
            return (0.0, 0);
        }
        let band = self.band(income);
        let (k, m) = self.line(band);
        (k + m * income, band)
    }
}

/// The cash benefits and the Basic Income of a year (per person a year).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Benefits {
    /// Pension of a person 65+ of mean skill, before coverage (a flat part and a part related
    /// to past earnings).
    pub pension: f64,
    /// Share of people 65+ who receive a pension.
    pub pension_coverage: f64,
    /// Share of the pension that is flat (the rest follows past earnings, i.e. skill).
    pub pension_flat: f64,
    /// Child benefit per child (after any part the Basic Income replaced).
    pub child: f64,
    /// Means-tested assistance guaranteed to a household per unit of its equivalence scale
    /// (after any part the Basic Income replaced).
    pub assistance: f64,
    /// Share of each unit of household income the assistance withdraws.
    pub taper: f64,
    /// Other cash benefits (disability, survivors, housing in kind…), per adult of mean
    /// weight.
    pub other: f64,
    /// Basic Income per adult of working age, per child, and per person 65+.
    pub bi_adult: f64,
    pub bi_child: f64,
    pub bi_elderly: f64,
    /// The Basic Income's claw-back: the share of each unit of the household's assessed
    /// income above `bi_threshold` per adult that withdraws it (0: universal).
    pub bi_clawback: f64,
    pub bi_threshold: f64,
}

/// One household's circumstances, as the rules need them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circumstances {
    /// Adults (1 or 2), of whom `elderly` are 65+.
    pub adults: f64,
    pub elderly: f64,
    /// Children.
    pub children: f64,
    /// Market income of the household in the assessment period (the previous year), pensions
    /// included: what means tests read.
    pub assessed_income: f64,
    /// The household's needs relative to others of its size (housing costs, care), mean 1:
    /// the assistance guarantee scales with them.
    pub needs: f64,
}

/// What the benefits of one household come to, a year.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BenefitAmounts {
    pub child: f64,
    pub assistance: f64,
    pub basic_income: f64,
    /// Whether the household's assistance is being withdrawn (its income is on the taper):
    /// the taper then adds to its marginal rate.
    pub on_taper: bool,
}

impl Benefits {
    /// The pension of a person 65+ of skill `skill` (mean 1), on average over coverage.
    #[inline]
    pub fn pension_of(&self, skill: f64) -> f64 {
        self.pension_coverage
            * self.pension
            * (self.pension_flat + (1.0 - self.pension_flat) * skill)
    }

    /// Child benefit, means-tested assistance and Basic Income of a household.
    #[inline]
    pub fn of(&self, c: &Circumstances) -> BenefitAmounts {
        let scale = super::people::equivalence_scale(c.adults, c.children);
        let guarantee = self.assistance * scale * c.needs;
        let withdrawn = self.taper * c.assessed_income.max(0.0);
        let assistance = (guarantee - withdrawn).max(0.0);
        BenefitAmounts {
            child: self.child * c.children,
            assistance,
            basic_income: self.bi_adult * (c.adults - c.elderly)
                + self.bi_elderly * c.elderly
                + self.bi_child * c.children,
            on_taper: assistance > 0.0 && withdrawn > 0.0,
        }
    }

    /// The claw-back of a household whose full Basic Income is `full`: the share of it the
    /// household keeps, and whether the claw-back is withdrawing it at the margin. Kept apart
    /// from [`Benefits::of`] so that a universal Basic Income (no claw-back, the default)
    /// costs nothing per household.
    #[inline]
    pub fn clawback(&self, c: &Circumstances, full: f64) -> (f64, bool) {
        if self.bi_clawback <= 0.0 || full <= 0.0 {
            return (1.0, false);
        }
        let above = (c.assessed_income - self.bi_threshold * c.adults).max(0.0);
        let kept = (full - self.bi_clawback * above).max(0.0);
        (kept / full, kept > 0.0 && above > 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uk() -> Schedule {
        Schedule {
            thresholds: [12570.0, 50270.0],
            rates: [0.0, 0.28, 0.42],
        }
    }

    #[test]
    fn the_schedule_is_continuous_and_progressive() {
        let s = uk();
        let (at_threshold, _) = s.tax(50270.0);
        assert!((at_threshold - (50270.0 - 12570.0) * 0.28).abs() < 1e-9);
        let (below, b) = s.tax(50269.999);
        assert_eq!(b, 1);
        assert!((below - at_threshold).abs() < 1e-3);
        let (t, band) = s.tax(80000.0);
        assert_eq!(band, 2);
        assert!((t - (37700.0 * 0.28 + 29730.0 * 0.42)).abs() < 1e-9);
        assert_eq!(s.tax(-5.0), (0.0, 0));
        // Average rates rise with income.
        let avg = |y: f64| s.tax(y).0 / y;
        assert!(avg(20000.0) < avg(48000.0) && avg(48000.0) < avg(80000.0));
    }

    #[test]
    fn assistance_is_withdrawn_at_the_taper() {
        let b = Benefits {
            assistance: 5000.0,
            taper: 0.55,
            child: 1000.0,
            bi_adult: 12000.0,
            bi_child: 6000.0,
            bi_elderly: 12000.0,
            ..Default::default()
        };
        let family = |income: f64| Circumstances {
            adults: 2.0,
            elderly: 0.0,
            children: 2.0,
            assessed_income: income,
            needs: 1.0,
        };
        let none = b.of(&family(0.0));
        assert!((none.assistance - 5000.0 * 2.1).abs() < 1e-9);
        assert!(!none.on_taper);
        let some = b.of(&family(10000.0));
        assert!((some.assistance - (10500.0 - 5500.0)).abs() < 1e-9);
        assert!(some.on_taper);
        assert_eq!(b.of(&family(1e6)).assistance, 0.0);
        assert!((none.child - 2000.0).abs() < 1e-12);
        assert!((none.basic_income - (24000.0 + 12000.0)).abs() < 1e-9);
    }

    /// The negative income tax is the Basic Income's twin (Friedman 1962; Tobin 1965): a
    /// guarantee G clawed back at rate τ, with income above the break-even G/τ taxed at τ,
    /// leaves every household the same disposable income as G paid to all and financed by a
    /// flat tax τ on every unit of income.
    #[test]
    fn a_clawed_back_basic_income_is_the_twin_of_one_financed_by_a_flat_tax() {
        let (guarantee, rate) = (12000.0, 0.5);
        let nit = Benefits {
            bi_adult: guarantee,
            bi_clawback: rate,
            bi_threshold: 0.0,
            ..Default::default()
        };
        let break_even = guarantee / rate;
        let above_break_even = Schedule {
            thresholds: [break_even, 1e12],
            rates: [0.0, rate, rate],
        };
        let single = |income: f64| Circumstances {
            adults: 1.0,
            elderly: 0.0,
            children: 0.0,
            assessed_income: income,
            needs: 1.0,
        };
        for step in 0..=200 {
            let income = 500.0 * f64::from(step);
            let full = nit.of(&single(income)).basic_income;
            let paid = full * nit.clawback(&single(income), full).0;
            let with_nit = income + paid - above_break_even.tax(income).0;
            let with_flat_tax = income + guarantee - rate * income;
            assert!(
                (with_nit - with_flat_tax).abs() < 1e-6,
                "{income}: {with_nit} vs {with_flat_tax}"
            );
        }
        // Below the threshold nothing is clawed back; a universal one is never clawed back.
        let with_threshold = Benefits {
            bi_threshold: 10000.0,
            ..nit
        };
        assert_eq!(with_threshold.clawback(&single(8000.0), guarantee).0, 1.0);
        let universal = Benefits {
            bi_clawback: 0.0,
            ..nit
        };
        assert_eq!(universal.clawback(&single(90000.0), guarantee).0, 1.0);
    }
}
