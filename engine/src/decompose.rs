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
    let mut stacker = Stacker::new(scenario, order);
    while !stacker.advance()? {}
    Ok(stacker.finish())
}

/// A stacked reform run one model run at a time, so that the app can yield to the browser
/// between runs and keep every task within a frame ([`decompose`] runs it to the end).
#[derive(Debug)]
pub struct Stacker {
    scenario: Scenario,
    order: Vec<usize>,
    /// Each component's step scenario, where it changes anything.
    stacked: Vec<Option<Scenario>>,
    /// The first step that changes anything: its run gives the baseline too.
    first: Option<usize>,
    cache: Option<BaselineCache>,
    steps: Vec<Array2<f64>>,
}

impl Stacker {
    /// The steps of `scenario`'s reform in `order`, none run yet.
    pub fn new(scenario: &Scenario, order: &[usize]) -> Self {
        let base = scenario.baseline();
        let mut step = scenario.clone();
        // Start from the baseline's policies, the scenario's world (and its own baseline).
        for (i, spec) in PARAMS.iter().enumerate() {
            if spec.role == Role::Policy {
                step.set(i, base.get(i));
            }
        }
        let mut stacked: Vec<Option<Scenario>> = Vec::with_capacity(order.len());
        for &k in order {
            let mut changed = false;
            // Every id names a parameter (a catalog test checks it).
            for (i, _) in COMPONENTS[k]
                .policies
                .iter()
                .filter_map(|id| catalog::param(id))
            {
                if step.get(i) != scenario.get(i) {
                    step.set(i, scenario.get(i));
                    changed = true;
                }
            }
            stacked.push(changed.then(|| step.clone()));
        }
        let first = stacked.iter().position(Option::is_some);
        Self {
            scenario: scenario.clone(),
            order: order.to_vec(),
            stacked,
            first,
            cache: None,
            steps: Vec::with_capacity(order.len() + 1),
        }
    }

    /// Runs what comes next (at most one model run) and says whether every step is done.
    pub fn advance(&mut self) -> Result<bool, DecomposeError> {
        let done = self.order.len() + 1;
        if self.steps.len() >= done {
            return Ok(true);
        }
        let cache = &mut self.cache;
        let mut run_step = |s: &Scenario, component: &'static str| {
            run_cached(s, cache).map_err(|error| DecomposeError::Step { component, error })
        };
        if self.steps.is_empty() {
            // The baseline: from the first changing step's run, or, if nothing changes, from a
            // run of the scenario itself (which is its baseline).
            match self
                .first
                .and_then(|k| self.stacked[k].as_ref().map(|step| (k, step)))
            {
                Some((k, step)) => {
                    let out = run_step(step, COMPONENTS[self.order[k]].id)?;
                    self.steps.push(out.baseline.series.clone());
                    // Steps before the first changing one are the baseline itself.
                    for _ in 0..k {
                        self.steps.push(self.steps[0].clone());
                    }
                    self.steps.push(out.scenario.series);
                }
                None => {
                    let out = run_step(&self.scenario, "baseline")?;
                    self.steps.push(out.baseline.series.clone());
                }
            }
        } else {
            let k = self.steps.len() - 1;
            let series = match (&self.stacked[k], self.steps.last()) {
                (Some(s), _) => run_step(s, COMPONENTS[self.order[k]].id)?.scenario.series,
                (None, Some(last)) => last.clone(),
                (None, None) => return Ok(false),
            };
            self.steps.push(series);
        }
        // Steps that change nothing need no run: fill them now.
        while self.steps.len() < done && self.stacked[self.steps.len() - 1].is_none() {
            let Some(same) = self.steps.last().cloned() else {
                break;
            };
            self.steps.push(same);
        }
        Ok(self.steps.len() >= done)
    }

    /// The steps run so far, and how many there are in all (the baseline and each component).
    pub fn progress(&self) -> (usize, usize) {
        (self.steps.len(), self.order.len() + 1)
    }

    /// The stacked reform, once [`Stacker::advance`] said it is done.
    pub fn finish(self) -> Decomposition {
        Decomposition {
            order: self.order,
            steps: self.steps,
        }
    }
}
