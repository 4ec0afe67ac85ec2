//! The books of the chosen year in the Godley–Lavoie layout: the transactions-flow matrix
//! (rows are flows, columns sectors; sources +, uses −; every row and column sums to zero)
//! and the balance sheet. Hovering a flow's name explains it.

use super::charts::Run;
use crate::catalog::{self, units};
use crate::model::accounts::{FLOWS, SECTORS, STOCKS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BooksProps {
    pub run: Run,
    pub region: &'static str,
    pub year: usize,
}

fn cell(v: f64) -> String {
    // Sums are zero up to rounding: show them as 0, not −0.
    if v.abs() < 0.5 {
        "0".into()
    } else {
        units::number(v, 0)
    }
}

#[function_component(Books)]
pub fn books(props: &BooksProps) -> Html {
    let Ok(outcome) = props.run.outcome.as_ref() else {
        return html! {};
    };
    let Some(region) = catalog::region(props.region) else {
        return html! {};
    };
    let t = props.year.min(outcome.years.len().saturating_sub(1));
    let Some(accounts) = outcome.scenario.accounts.get(t) else {
        return html! {};
    };
    let year = outcome.years[t];
    let flows = &accounts.flows;
    let stocks = &accounts.stocks;
    // Stocks need no explanation on hover.
    let stock_rows: Vec<(&str, &str)> = STOCKS.iter().map(|name| (*name, "")).collect();
    html! {
        <section class="books" aria-label={format!("The books of {year}")}>
            <h2>{ format!("The books of {year}") }</h2>
            <p class="axis-unit">
                { format!("Per adult, in {} a year at base-year prices. Sources of funds are positive, uses negative; every row and every column of the transactions-flow matrix sums to zero, which is what makes the model stock-flow consistent. Hover a flow to read what it is.", region.currency) }
            </p>
            { sum_table("tfm", "Transactions-flow matrix".into(), "Flow", &FLOWS, flows) }
            { sum_table("balance-sheet",
                format!("Balance sheet, end of {year} (assets +, liabilities −)"),
                "Stock", &stock_rows, stocks) }
            <p class="axis-unit">{ "Financial assets are someone's liability, so their rows sum to zero; real capital rows sum to the capital itself, which is the economy's net worth." }</p>
        </section>
    }
}

/// One matrix of the books with its row sums and column sums: rows are `(name, what it is)`
/// (the explanation shows on hover), columns the sectors.
fn sum_table(
    id: &'static str,
    caption: String,
    first: &'static str,
    rows: &[(&str, &str)],
    m: &ndarray::Array2<f64>,
) -> Html {
    html! {
        <div class="table-wrap">
            <table {id}>
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ first }</th>
                        { for SECTORS.iter().map(|s| html! { <th scope="col">{ *s }</th> }) }
                        <th scope="col">{ "Σ row" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(r, (name, about))| html! {
                        <tr>
                            <th scope="row" title={(!about.is_empty()).then_some(about.to_string())}>{ *name }</th>
                            { for (0..SECTORS.len()).map(|c| html! { <td>{ cell(m[[r, c]]) }</td> }) }
                            <td class="sum">{ cell(m.row(r).sum()) }</td>
                        </tr>
                    }) }
                    <tr class="sum">
                        <th scope="row">{ "Σ column" }</th>
                        { for (0..SECTORS.len()).map(|c| html! { <td>{ cell(m.column(c).sum()) }</td> }) }
                        <td>{ cell(m.sum()) }</td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
