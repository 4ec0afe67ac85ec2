//! Stacked reforms (issue 18): a scenario's policies split into components — the Basic
//! Income, its financing, the benefits it replaces, support for peer production — added to
//! the baseline one at a time, in an order the reader chooses. Each step is a full model run
//! under the fiscal rule, so each component's contribution to a figure is the difference of
//! two real runs, and the last step is the whole reform, bit for bit.

use crate::catalog::{self, Role, PARAMS};
use crate::model::{run_cached, BaselineCache, ModelError};
use crate::scenario::Scenario;
use ndarray::Array2;

/// One component of a reform: the policies it sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Component {
    pub id: &'static str,
    pub name: &'static str,
    pub policies: &'static [&'static str],
}

/// The components, in their default order. Every policy of `models/parameters.toml` belongs
/// to exactly one (a test checks it).
pub const COMPONENTS: &[Component] = &[
    Component {
        id: "bi",
        name: "Basic Income",
        policies: &[
            "bi",
            "bi_child",
            "bi_pensioner",
            "bi_index",
            "bi_clawback",
            "bi_threshold",
        ],
    },
    Component {
        id: "financing",
        name: "Financing",
        policies: &["tax_change", "automation_tax", "wealth_tax", "vat"],
    },
    Component {
        id: "replaced",
        name: "Benefits replaced",
        policies: &["replace_share"],
    },
    Component {
        id: "p2p",
        name: "Support for P2P",
        policies: &[
            "p2p",
            "commons_ownership",
            "phase0",
            "phase1",
            "phase2",
            "phase3",
        ],
    },
];

/// The component with this id.
pub fn component(id: &str) -> Option<usize> {
    COMPONENTS.iter().position(|c| c.id == id)
}

/// The runs of a stacked reform: `steps[0]` is the baseline, `steps[k + 1]` the baseline
/// with the first k + 1 components of `order` added (rows: outputs, columns: years).
#[derive(Debug, Clone)]
pub struct Decomposition {
    pub order: Vec<usize>,
    pub steps: Vec<Array2<f64>>,
}

impl Decomposition {
    /// What component `order[k]` adds to `output` in year `t`.
    pub fn contribution(&self, k: usize, output: usize, t: usize) -> f64 {
        self.steps[k + 1][[output, t]] - self.steps[k][[output, t]]
    }

    /// The baseline's value and the whole reform's.
    pub fn ends(&self, output: usize, t: usize) -> (f64, f64) {
        let last = self.steps.len() - 1;
        (self.steps[0][[output, t]], self.steps[last][[output, t]])
    }
}

/// Why a stacked reform could not be run.
#[derive(Debug, Clone, PartialEq)]
pub enum DecomposeError {
    /// The order is not a permutation of the components.
    Order(String),
    /// A step could not be run (e.g. a Basic Income before its financing under a rule that
    /// cannot pay for it): which step, and why.
    Step {
        component: &'static str,
        error: ModelError,
    },
}

impl std::fmt::Display for DecomposeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Order(why) => write!(f, "{why}"),
            Self::Step { component, error } => write!(
                f,
                "adding '{component}' to what came before cannot be run: {error} Try another order."
            ),
        }
    }
}

/// The order from component ids, e.g. `["financing", "bi", "p2p", "replaced"]`.
pub fn order_of(ids: &[&str]) -> Result<Vec<usize>, DecomposeError> {
    let mut order = Vec::with_capacity(ids.len());
    for id in ids {
        let k = component(id).ok_or_else(|| {
            let known: Vec<&str> = COMPONENTS.iter().map(|c| c.id).collect();
            DecomposeError::Order(format!("'{id}' is not a component ({})", known.join(", ")))
        })?;
        if order.contains(&k) {
            return Err(DecomposeError::Order(format!("'{id}' appears twice")));
        }
        order.push(k);
    }
    if order.len() != COMPONENTS.len() {
        return Err(DecomposeError::Order(format!(
            "the order needs all {} components",
            COMPONENTS.len()
        )));
    }
    Ok(order)
}

/// The components in their default order.
pub fn default_order() -> Vec<usize> {
    (0..COMPONENTS.len()).collect()
}

/// Runs the stacked reform of `scenario` in `order`. The baseline is the one every step
/// shares: it runs once, with the first step that changes anything (its run gives both), and
/// a component that changes nothing reuses the step before.
pub fn decompose(scenario: &Scenario, order: &[usize]) -> Result<Decomposition, DecomposeError> {
    let base = scenario.baseline();
    let mut step = scenario.clone();
    // Start from the baseline's policies, the scenario's world (and its own baseline).
    for (i, spec) in PARAMS.iter().enumerate() {
        if spec.role == Role::Policy {
            step.set(i, base.get(i));
        }
    }
    // Each component's step scenario, where it changes anything.
    let mut stacked: Vec<Option<Scenario>> = Vec::with_capacity(order.len());
    for &k in order {
        let mut changed = false;
        for id in COMPONENTS[k].policies {
            let (i, _) = catalog::param(id).expect("components name parameters");
            if step.get(i) != scenario.get(i) {
                step.set(i, scenario.get(i));
                changed = true;
            }
        }
        stacked.push(changed.then(|| step.clone()));
    }
    let mut cache: Option<BaselineCache> = None;
    let mut run_step = |s: &Scenario, component: &'static str| {
        run_cached(s, &mut cache).map_err(|error| DecomposeError::Step { component, error })
    };
    let mut steps = Vec::with_capacity(order.len() + 1);
    // The baseline: from the first changing step's run, or, if nothing changes, from a run of
    // the scenario itself (which is its baseline).
    let first = stacked.iter().position(Option::is_some);
    let mut first_run = None;
    match first {
        Some(k) => {
            let out = run_step(
                stacked[k].as_ref().expect("a changing step"),
                COMPONENTS[order[k]].id,
            )?;
            steps.push(out.baseline.series);
            first_run = Some(out.scenario.series);
        }
        None => steps.push(run_step(scenario, "baseline")?.baseline.series),
    }
    for (k, s) in stacked.iter().enumerate() {
        let series = match (s, Some(k) == first) {
            (Some(_), true) => first_run.take().expect("the first step's run"),
            (Some(s), false) => run_step(s, COMPONENTS[order[k]].id)?.scenario.series,
            (None, _) => steps.last().expect("the baseline step").clone(),
        };
        steps.push(series);
    }
    Ok(Decomposition {
        order: order.to_vec(),
        steps,
    })
}
