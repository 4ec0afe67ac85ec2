//! Scenarios: validated parameter values for one run of the model.
