//! The transactions-flow matrix and the balance sheet of a year, in Godley & Lavoie's layout.
//!
//! Household entries are sums over the household groups; sector entries come from the
//! aggregate flows. Each row and each column must sum to zero: a leak anywhere (a household
//! paid a wage no firm paid, a saving with no matching asset) shows as a non-zero row or
//! column, named by [`Accounts::largest_imbalance`].

use super::flows::{Flows, HouseholdFlows, State};
use ndarray::Array2;

/// The sectors (columns), in order.
pub const SECTORS: [&str; 7] = [
    "Households",
    "Market firms (current)",
    "Market firms (capital)",
    "Commons (current)",
    "Commons (capital)",
    "Government",
    "Rest of the world",
];

/// The flows (rows of the transactions-flow matrix), in order, with what each is.
pub const FLOWS: [(&str, &str); 28] = [
    (
        "Consumption: market goods",
        "Households buy goods from market firms.",
    ),
    (
        "Consumption: peer-produced goods",
        "Households buy goods made by the commons (co-ops, outlets, fabricators).",
    ),
    (
        "Consumption tax",
        "VAT on household spending, paid to the government.",
    ),
    (
        "Government purchases",
        "Public services and investment bought from market firms.",
    ),
    (
        "Market investment",
        "Machines and buildings market firms buy from each other.",
    ),
    (
        "Commons investment",
        "Fabricators and workshops the commons buys from market firms.",
    ),
    (
        "Materials for the commons",
        "Feedstock and parts the commons buys from market firms.",
    ),
    ("Exports", "Market goods sold to the rest of the world."),
    (
        "Imports",
        "Foreign goods bought through market firms: the import content of spending, and demand beyond capacity.",
    ),
    ("Market wages", "Pay for work in market firms."),
    ("Commons pay", "Pay for work in the commons."),
    (
        "Market depreciation",
        "Wear of market capital, set aside to replace it.",
    ),
    (
        "Commons depreciation",
        "Wear of commons capital, set aside to replace it.",
    ),
    ("Automation tax", "Tax on market firms' capital income."),
    ("Market profits", "Profits paid to shareholders."),
    (
        "Commons surplus",
        "The commons' surplus, attributed to its owners.",
    ),
    (
        "Interest on public debt",
        "Interest the government pays on its bonds.",
    ),
    (
        "Interest on foreign assets",
        "Interest on households' net claims on the rest of the world (paid abroad when negative).",
    ),
    (
        "Income tax",
        "Tax on wages, profits, interest and commons surplus.",
    ),
    ("Wealth tax", "Tax on financial wealth."),
    (
        "Basic Income",
        "Paid by the government to every adult (and for children and people 65+ at their rates).",
    ),
    ("Pensions", "Public pensions paid to people 65+ (taxable income)."),
    (
        "Unemployment benefits",
        "Paid to people who lose work, at the region's effective replacement rate.",
    ),
    (
        "Other cash benefits",
        "Child benefit, means-tested assistance and other benefits still paid.",
    ),
    (
        "Δ market shares",
        "New shares households buy to fund net market investment.",
    ),
    (
        "Δ commons shares",
        "Commons shares households acquire (reinvested surplus and capital calls).",
    ),
    (
        "Δ government bonds",
        "Bonds households buy to fund the deficit.",
    ),
    (
        "Δ foreign assets",
        "Claims on the rest of the world households acquire: the current account.",
    ),
];

/// The stocks (rows of the balance sheet), in order.
pub const STOCKS: [&str; 7] = [
    "Market capital",
    "Commons capital",
    "Market shares",
    "Commons shares",
    "Government bonds",
    "Foreign assets",
    "Net worth",
];

/// The books of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Accounts {
    /// Transactions-flow matrix: rows [`FLOWS`], columns [`SECTORS`]; sources +, uses −.
    pub flows: Array2<f64>,
    /// Balance sheet at the end of the year: rows [`STOCKS`], columns [`SECTORS`] (the two
    /// firm columns of each sector merged into the capital column); assets +, liabilities −.
    /// The net worth row is the negative of each column's net worth, so columns sum to zero.
    pub stocks: Array2<f64>,
}

/// Where the books fail to balance, for test messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Imbalance {
    /// "row" or "column" and its name.
    pub place: String,
    /// The sum that should be zero.
    pub sum: f64,
}

/// Means over the households of what the books need, taken in one pass: each sum runs in
/// household order from −0.0, exactly as `Iterator::sum` would in a pass of its own, but the
/// ten independent sums overlap instead of waiting on one another.
struct Means {
    spending: f64,
    wages: f64,
    taxable: f64,
    taxes: f64,
    transfers: f64,
    unemployment_benefits: f64,
    pensions: f64,
    acquired: f64,
    saved: f64,
    financial: f64,
    commons: f64,
}

impl Means {
    fn of(hh: &HouseholdFlows, after: &State) -> Self {
        let n = hh.spending.len();
        let (spending, wages, taxable) = (&hh.spending[..n], &hh.wages[..n], &hh.taxable[..n]);
        let (taxes, transfers) = (&hh.taxes[..n], &hh.transfers[..n]);
        let benefits = &hh.unemployment_benefits[..n];
        let pensions = &hh.pension[..n];
        let (acquired, disposable) = (&hh.commons_acquired[..n], &hh.disposable[..n]);
        let (financial, commons) = (&after.financial[..n], &after.commons[..n]);
        let mut m = Self {
            spending: -0.0,
            wages: -0.0,
            taxable: -0.0,
            taxes: -0.0,
            transfers: -0.0,
            unemployment_benefits: -0.0,
            pensions: -0.0,
            acquired: -0.0,
            saved: -0.0,
            financial: -0.0,
            commons: -0.0,
        };
        for i in 0..n {
            m.spending += spending[i];
            m.wages += wages[i];
            m.taxable += taxable[i];
            m.taxes += taxes[i];
            m.transfers += transfers[i];
            m.unemployment_benefits += benefits[i];
            m.pensions += pensions[i];
            m.acquired += acquired[i];
            m.saved += disposable[i] - acquired[i] - spending[i];
            m.financial += financial[i];
            m.commons += commons[i];
        }
        let count = n.max(1) as f64;
        for sum in [
            &mut m.spending,
            &mut m.wages,
            &mut m.taxable,
            &mut m.taxes,
            &mut m.transfers,
            &mut m.unemployment_benefits,
            &mut m.pensions,
            &mut m.acquired,
            &mut m.saved,
            &mut m.financial,
            &mut m.commons,
        ] {
            *sum /= count;
        }
        m
    }
}

impl Accounts {
    /// Builds the books of a year from its flows, what households did, the public debt and
    /// net foreign assets before it (`before`), and the stocks after it (`after`).
    pub fn new(f: &Flows, hh: &HouseholdFlows, before: (f64, f64), after: &State) -> Self {
        let (debt_before, foreign_before) = before;
        let (h, mc, mk, cc, ck, g, w) = (0, 1, 2, 3, 4, 5, 6);
        let mut m = Array2::<f64>::zeros((FLOWS.len(), SECTORS.len()));
        let means = Means::of(hh, after);
        let spending = means.spending;
        let vat_rate = if f.consumption > 0.0 {
            f.vat / f.consumption
        } else {
            0.0
        };
        let net_spending = spending / (1.0 + vat_rate);
        // Households' purchases split as the aggregate basket is.
        let market_part = if f.consumption > 0.0 {
            f.market_consumption / f.consumption
        } else {
            1.0
        };
        let mut row = |r: usize, entries: &[(usize, f64)]| {
            for &(c, v) in entries {
                m[[r, c]] += v;
            }
        };
        row(
            0,
            &[(h, -net_spending * market_part), (mc, f.market_consumption)],
        );
        row(
            1,
            &[
                (h, -net_spending * (1.0 - market_part)),
                (cc, f.commons_revenue),
            ],
        );
        row(2, &[(h, -(spending - net_spending)), (g, f.vat)]);
        row(3, &[(mc, f.purchases), (g, -f.purchases)]);
        row(4, &[(mc, f.market_investment), (mk, -f.market_investment)]);
        row(
            5,
            &[(mc, f.commons_investment), (ck, -f.commons_investment)],
        );
        row(6, &[(mc, f.commons_materials), (cc, -f.commons_materials)]);
        row(7, &[(mc, f.exports), (w, -f.exports)]);
        row(8, &[(mc, -f.imports), (w, f.imports)]);
        let wages = means.wages;
        row(9, &[(h, wages), (mc, -f.market_wages)]);
        // Household taxable income = wages + commons pay + profits + interest + surplus; the
        // commons pay is equal per household, so the capital-income part is the rest.
        let taxable = means.taxable;
        let capital_income = taxable - wages - f.commons_wages - means.pensions;
        let capital_total = f.market_profit + f.interest + f.foreign_interest + f.commons_profit;
        let share = |part: f64| {
            if capital_total != 0.0 {
                capital_income * part / capital_total
            } else {
                0.0
            }
        };
        row(10, &[(h, f.commons_wages), (cc, -f.commons_wages)]);
        row(
            11,
            &[(mc, -f.market_depreciation), (mk, f.market_depreciation)],
        );
        row(
            12,
            &[(cc, -f.commons_depreciation), (ck, f.commons_depreciation)],
        );
        row(13, &[(mc, -f.automation_tax), (g, f.automation_tax)]);
        row(14, &[(h, share(f.market_profit)), (mc, -f.market_profit)]);
        row(15, &[(h, share(f.commons_profit)), (cc, -f.commons_profit)]);
        row(16, &[(h, share(f.interest)), (g, -f.interest)]);
        row(
            17,
            &[(h, share(f.foreign_interest)), (w, -f.foreign_interest)],
        );
        // Taxes paid by households, split by instrument using the aggregate rates.
        let taxes = means.taxes - (spending - net_spending);
        let wealth_tax = f.wealth_tax;
        row(18, &[(h, -(taxes - wealth_tax)), (g, f.income_tax)]);
        row(19, &[(h, -wealth_tax), (g, f.wealth_tax)]);
        row(20, &[(h, f.basic_income), (g, -f.basic_income)]);
        row(21, &[(h, means.pensions), (g, -f.pensions)]);
        let unemployment_benefits = means.unemployment_benefits;
        row(
            22,
            &[(h, unemployment_benefits), (g, -f.unemployment_benefits)],
        );
        let benefits = means.transfers - unemployment_benefits;
        row(23, &[(h, benefits), (g, -f.transfers)]);
        // Financial wealth households acquired, from their own saving ...
        let saved = means.saved;
        let acquired = means.acquired;
        // ... split between new shares, new bonds and foreign assets as the issuers supplied
        // them.
        let bonds = after.debt - debt_before;
        let foreign = after.foreign_assets - foreign_before;
        row(
            24,
            &[
                (h, -(saved - bonds - foreign)),
                (mk, f.market_capital_change),
            ],
        );
        row(25, &[(h, -acquired), (ck, f.commons_capital_change)]);
        row(26, &[(h, -bonds), (g, f.deficit)]);
        row(27, &[(h, -foreign), (w, f.current_account)]);

        let mut s = Array2::<f64>::zeros((STOCKS.len(), SECTORS.len()));
        let (financial, commons) = (means.financial, means.commons);
        s[[0, mk]] = after.market_capital;
        s[[1, ck]] = after.commons_capital;
        s[[2, h]] = financial - after.debt - after.foreign_assets;
        s[[2, mk]] = -after.market_capital;
        s[[3, h]] = commons;
        s[[3, ck]] = -after.commons_capital;
        s[[4, h]] = after.debt;
        s[[4, g]] = -after.debt;
        s[[5, h]] = after.foreign_assets;
        s[[5, w]] = -after.foreign_assets;
        for c in 0..SECTORS.len() {
            let worth: f64 = (0..6).map(|r| s[[r, c]]).sum();
            s[[6, c]] = -worth;
        }
        Accounts {
            flows: m,
            stocks: s,
        }
    }

    /// The row or column furthest from zero (the net-worth row excepted: it sums to minus
    /// the real capital stock, as it should).
    pub fn largest_imbalance(&self) -> Imbalance {
        let mut worst = Imbalance {
            place: "none".into(),
            sum: 0.0,
        };
        let mut consider = |place: String, sum: f64| {
            if sum.is_nan() || sum.abs() > worst.sum.abs() {
                worst = Imbalance { place, sum };
            }
        };
        for (r, (name, _)) in FLOWS.iter().enumerate() {
            consider(format!("flow row '{name}'"), self.flows.row(r).sum());
        }
        for (c, name) in SECTORS.iter().enumerate() {
            consider(format!("flow column '{name}'"), self.flows.column(c).sum());
            consider(
                format!("balance-sheet column '{name}'"),
                self.stocks.column(c).sum(),
            );
        }
        for (r, name) in STOCKS.iter().enumerate().take(6).skip(2) {
            consider(
                format!("balance-sheet row '{name}'"),
                self.stocks.row(r).sum(),
            );
        }
        worst
    }
}
