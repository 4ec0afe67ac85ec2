//! The tabs: the bar that switches between them, and which charts each one shows. The tabs,
//! their names and their charts are declared in `models/charts.toml`.

use crate::present::{self, Tab, CHARTS};
use yew::prelude::*;

/// The charts of `tab`, as shown under the fiscal rule (`present::shown`).
pub fn charts_of(tab: Tab, debt_rule: bool) -> Vec<present::ChartSpec> {
    CHARTS
        .iter()
        .filter(|c| c.tab == tab)
        .map(|c| present::shown(c, debt_rule))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct TabBarProps {
    pub current: Tab,
    pub on_select: Callback<Tab>,
}

/// The tab bar (an ARIA tablist).
#[function_component(TabBar)]
pub fn tab_bar(props: &TabBarProps) -> Html {
    let current = props.current;
    html! {
        <div class="tabs" role="tablist" aria-label="Chart sets">
            { for Tab::ALL.into_iter().map(|tab| {
                let onclick = props.on_select.reform(move |_: MouseEvent| tab);
                html! {
                    <button type="button" role="tab" aria-selected={(tab == current).to_string()}
                        class={classes!("tab", (tab == current).then_some("active"))} {onclick}>
                        { tab.label() }
                    </button>
                }
            }) }
        </div>
    }
}
