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
    let col_sum = |m: &ndarray::Array2<f64>, c: usize| m.column(c).sum();
    html! {
        <section class="books" aria-label={format!("The books of {year}")}>
            <h2>{ format!("The books of {year}") }</h2>
            <p class="axis-unit">
                { format!("Per adult, in {} a year at base-year prices. Sources of funds are positive, uses negative; every row and every column of the transactions-flow matrix sums to zero, which is what makes the model stock-flow consistent. Hover a flow to read what it is.", region.currency) }
            </p>
            <div class="table-wrap">
                <table id="tfm">
                    <caption>{ "Transactions-flow matrix" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Flow" }</th>
                            { for SECTORS.iter().map(|s| html! { <th scope="col">{ *s }</th> }) }
                            <th scope="col">{ "Σ row" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for FLOWS.iter().enumerate().map(|(r, (name, about))| html! {
                            <tr>
                                <th scope="row" title={*about}>{ *name }</th>
                                { for (0..SECTORS.len()).map(|c| html! { <td>{ cell(flows[[r, c]]) }</td> }) }
                                <td class="sum">{ cell(flows.row(r).sum()) }</td>
                            </tr>
                        }) }
                        <tr class="sum">
                            <th scope="row">{ "Σ column" }</th>
                            { for (0..SECTORS.len()).map(|c| html! { <td>{ cell(col_sum(flows, c)) }</td> }) }
                            <td>{ cell(flows.sum()) }</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table id="balance-sheet">
                    <caption>{ format!("Balance sheet, end of {year} (assets +, liabilities −)") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Stock" }</th>
                            { for SECTORS.iter().map(|s| html! { <th scope="col">{ *s }</th> }) }
                            <th scope="col">{ "Σ row" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for STOCKS.iter().enumerate().map(|(r, name)| html! {
                            <tr>
                                <th scope="row">{ *name }</th>
                                { for (0..SECTORS.len()).map(|c| html! { <td>{ cell(stocks[[r, c]]) }</td> }) }
                                <td class="sum">{ cell(stocks.row(r).sum()) }</td>
                            </tr>
                        }) }
                        <tr class="sum">
                            <th scope="row">{ "Σ column" }</th>
                            { for (0..SECTORS.len()).map(|c| html! { <td>{ cell(col_sum(stocks, c)) }</td> }) }
                            <td>{ cell(stocks.sum()) }</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p class="axis-unit">{ "Financial assets are someone's liability, so their rows sum to zero; real capital rows sum to the capital itself, which is the economy's net worth." }</p>
        </section>
    }
}
