//! The transactions-flow matrix and the balance sheet of a year, in Godley & Lavoie's layout.
//!
//! Household entries are sums over the household groups; sector entries come from the
//! aggregate flows. Each row and each column must sum to zero: a leak anywhere (a household
//! paid a wage no firm paid, a saving with no matching asset) shows as a non-zero row or
//! column, named by [`Accounts::largest_imbalance`].

use super::year::{Flows, HouseholdFlows, State};
use ndarray::Array2;

/// The sectors (columns), in order.
pub const SECTORS: [&str; 6] = [
    "Households",
    "Market firms (current)",
    "Market firms (capital)",
    "Commons (current)",
    "Commons (capital)",
    "Government",
];

/// The flows (rows of the transactions-flow matrix), in order, with what each is.
pub const FLOWS: [(&str, &str); 22] = [
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
        "Income tax",
        "Tax on wages, profits, interest and commons surplus.",
    ),
    ("Wealth tax", "Tax on financial wealth."),
    ("Basic Income", "Paid by the government to every adult."),
    ("Other cash benefits", "Existing benefits still paid."),
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
];

/// The stocks (rows of the balance sheet), in order.
pub const STOCKS: [&str; 6] = [
    "Market capital",
    "Commons capital",
    "Market shares",
    "Commons shares",
    "Government bonds",
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
/// nine independent sums overlap instead of waiting on one another.
struct Means {
    spending: f64,
    wages: f64,
    taxable: f64,
    taxes: f64,
    transfers: f64,
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
        let (acquired, disposable) = (&hh.commons_acquired[..n], &hh.disposable[..n]);
        let (financial, commons) = (&after.financial[..n], &after.commons[..n]);
        let mut m = Self {
            spending: -0.0,
            wages: -0.0,
            taxable: -0.0,
            taxes: -0.0,
            transfers: -0.0,
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
    /// Builds the books of a year from its flows, what households did, and the stocks before
    /// (`before`) and after (`after`) it.
    pub fn new(f: &Flows, hh: &HouseholdFlows, debt_before: f64, after: &State) -> Self {
        let (h, mc, mk, cc, ck, g) = (0, 1, 2, 3, 4, 5);
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
        let wages = means.wages;
        row(7, &[(h, wages), (mc, -f.market_wages)]);
        // Household taxable income = wages + commons pay + profits + interest + surplus; the
        // commons pay is equal per household, so the capital-income part is the rest.
        let taxable = means.taxable;
        let capital_income = taxable - wages - f.commons_wages;
        let capital_total = f.market_profit + f.interest + f.commons_profit;
        let share = |part: f64| {
            if capital_total != 0.0 {
                capital_income * part / capital_total
            } else {
                0.0
            }
        };
        row(8, &[(h, f.commons_wages), (cc, -f.commons_wages)]);
        row(
            9,
            &[(mc, -f.market_depreciation), (mk, f.market_depreciation)],
        );
        row(
            10,
            &[(cc, -f.commons_depreciation), (ck, f.commons_depreciation)],
        );
        row(11, &[(mc, -f.automation_tax), (g, f.automation_tax)]);
        row(12, &[(h, share(f.market_profit)), (mc, -f.market_profit)]);
        row(13, &[(h, share(f.commons_profit)), (cc, -f.commons_profit)]);
        row(14, &[(h, share(f.interest)), (g, -f.interest)]);
        // Taxes paid by households, split by instrument using the aggregate rates.
        let taxes = means.taxes - (spending - net_spending);
        let wealth_tax = f.wealth_tax;
        row(15, &[(h, -(taxes - wealth_tax)), (g, f.income_tax)]);
        row(16, &[(h, -wealth_tax), (g, f.wealth_tax)]);
        let benefits = means.transfers;
        row(17, &[(h, f.basic_income), (g, -f.basic_income)]);
        row(18, &[(h, benefits), (g, -f.transfers)]);
        // Financial wealth households acquired, from their own saving ...
        let saved = means.saved;
        let acquired = means.acquired;
        // ... split between new shares and new bonds as the issuers supplied them.
        let bonds = after.debt - debt_before;
        row(19, &[(h, -(saved - bonds)), (mk, f.market_capital_change)]);
        row(20, &[(h, -acquired), (ck, f.commons_capital_change)]);
        row(21, &[(h, -bonds), (g, f.deficit)]);

        let mut s = Array2::<f64>::zeros((STOCKS.len(), SECTORS.len()));
        let (financial, commons) = (means.financial, means.commons);
        s[[0, mk]] = after.market_capital;
        s[[1, ck]] = after.commons_capital;
        s[[2, h]] = financial - after.debt;
        s[[2, mk]] = -after.market_capital;
        s[[3, h]] = commons;
        s[[3, ck]] = -after.commons_capital;
        s[[4, h]] = after.debt;
        s[[4, g]] = -after.debt;
        for c in 0..SECTORS.len() {
            let worth: f64 = (0..5).map(|r| s[[r, c]]).sum();
            s[[5, c]] = -worth;
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
        for (r, name) in STOCKS.iter().enumerate().take(5).skip(2) {
            consider(
                format!("balance-sheet row '{name}'"),
                self.stocks.row(r).sum(),
            );
        }
        worst
    }
}
