//! `mapsim._mapsim`: the Python bindings, kept thin. The Python API (`python/mapsim/`) builds
//! DataFrames from what these functions return; every number comes from the same engine and
//! the same verbs as the `mapsim` command line (`mapsim::cli`), so the package has no copy
//! of the model. The interpreter's lock is released while the engine runs, so Python threads
//! (and Dask's threaded scheduler) run scenarios in parallel.

use mapsim::{cli, export, model, scenario::query};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// The link schema version this build writes (`v=` in links).
#[pyfunction]
fn link_version() -> u32 {
    query::VERSION
}

/// Checks a share link and returns its scenario's own link and the notes worth a warning;
/// raises `ValueError` with the notice's words for a bad link when `strict`.
#[pyfunction]
#[pyo3(signature = (link, strict = true))]
fn check(link: &str, strict: bool) -> PyResult<(String, Vec<String>)> {
    let (scenario, notes) = cli::scenario_of_link(link, strict).map_err(PyValueError::new_err)?;
    Ok((format!("?{}", query::encode(&scenario)), notes))
}

/// What `run_table` returns: the region's id (its columns and units come from
/// `series_header`, once per region), the number of rows (years), the table as
/// little-endian f64 bytes (row-major), the scenario's link and the notes.
type Table<'py> = (
    &'static str,
    usize,
    Bound<'py, PyBytes>,
    String,
    Vec<String>,
);

/// The columns of the series table and their units in a region (the same for every run
/// there, so Python asks once).
#[pyfunction]
fn series_header(region: &str) -> PyResult<(Vec<String>, Vec<String>)> {
    let spec = mapsim::catalog::region(region)
        .ok_or_else(|| PyValueError::new_err(format!("no region '{region}'")))?;
    Ok((export::series_columns(), export::series_units(spec)))
}

/// Runs a scenario (and its baseline) and returns the series table of the CLI's CSV as one
/// block of numbers, so Python builds the DataFrame from a single 2-D array.
#[pyfunction]
#[pyo3(signature = (link, baseline_link = None, strict = true))]
fn run_table<'py>(
    py: Python<'py>,
    link: &str,
    baseline_link: Option<&str>,
    strict: bool,
) -> PyResult<Table<'py>> {
    let (mut scenario, mut notes) =
        cli::scenario_of_link(link, strict).map_err(PyValueError::new_err)?;
    if let Some(base) = baseline_link {
        let base_notes = cli::use_baseline_link(&mut scenario, base, strict)
            .map_err(|e| PyValueError::new_err(format!("baseline_link: {e}")))?;
        notes.extend(base_notes);
    }
    let outcome = py
        .detach(|| model::run(&scenario))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let table = export::series_table(&outcome);
    let bytes: Vec<u8> = table.iter().flat_map(|v| v.to_le_bytes()).collect();
    Ok((
        scenario.region().id,
        outcome.years.len(),
        PyBytes::new(py, &bytes),
        format!("?{}", query::encode(&scenario)),
        notes,
    ))
}

/// Runs one of the command line's verbs (`["winners", "--year", "2050", "--link", …]`) and
/// returns the text it prints with the notes; raises `ValueError` with its message.
#[pyfunction]
#[pyo3(signature = (args, strict = true))]
fn command(py: Python<'_>, args: Vec<String>, strict: bool) -> PyResult<(String, Vec<String>)> {
    let request = cli::parse_with(&args, strict).map_err(PyValueError::new_err)?;
    let text = py
        .detach(|| cli::execute(&request))
        .map_err(PyValueError::new_err)?;
    Ok((text, request.notes))
}

/// Benchmark hook: the engine's own run of `link`, `repeats` times in Rust, each run's wall
/// time in seconds (what `mapsim.run`'s overhead is measured against, in `bench.py`).
#[pyfunction]
fn engine_seconds(py: Python<'_>, link: &str, repeats: usize) -> PyResult<Vec<f64>> {
    let (scenario, _) = cli::scenario_of_link(link, true).map_err(PyValueError::new_err)?;
    Ok(py.detach(|| {
        (0..repeats)
            .map(|_| {
                let start = std::time::Instant::now();
                let _ = std::hint::black_box(model::run(std::hint::black_box(&scenario)));
                start.elapsed().as_secs_f64()
            })
            .collect()
    }))
}

/// Every parameter in every region, as CSV text.
#[pyfunction]
fn parameters_csv() -> String {
    export::parameters_csv()
}

/// Every output in every region, as CSV text.
#[pyfunction]
fn outputs_csv() -> String {
    export::outputs_csv()
}

#[pymodule]
fn _mapsim(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(link_version, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(run_table, m)?)?;
    m.add_function(wrap_pyfunction!(series_header, m)?)?;
    m.add_function(wrap_pyfunction!(command, m)?)?;
    m.add_function(wrap_pyfunction!(engine_seconds, m)?)?;
    m.add_function(wrap_pyfunction!(parameters_csv, m)?)?;
    m.add_function(wrap_pyfunction!(outputs_csv, m)?)?;
    Ok(())
}
