"""Tests of the Python package: the same numbers as the command line's verbs, bad input
refused in the app's words, Monte Carlo bands bit-identical for a seed, and a Dask sweep on
a LocalCluster of two worker processes equal to single runs, bit for bit."""

import io
import threading
import warnings

import numpy as np
import pandas as pd
import pytest

import mapsim
from mapsim import _mapsim


def cli_csv(args):
    """What `mapsim <args>` prints, read as a table."""
    text, _ = _mapsim.command(args, True)
    return pd.read_csv(io.StringIO(text), comment="#")


def test_run_has_the_columns_and_numbers_of_the_cli_csv():
    df = mapsim.run(region="us", bi=1000)
    cli = cli_csv(["run", "--link", "?v=5&region=us&bi=1000"])
    assert list(df.columns) == list(cli.columns)
    assert df.shape == cli.shape
    assert df["year"].tolist() == cli["year"].tolist()
    # Every figure, bit for bit (the CSV writes the shortest text that reads back exactly).
    a = df.drop(columns="year").to_numpy()
    b = cli.drop(columns="year").to_numpy(dtype=float)
    assert np.array_equal(a, b, equal_nan=True)
    assert df["year"].iloc[0] == 2025 and len(df) == 51


def test_units_and_link_travel_with_the_frame():
    df = mapsim.run(region="fi", bi=700, p2p=40)
    assert df.attrs["units"]["bi_gross_cost"] == "% of GDP"
    assert "EUR" in df.attrs["units"]["median_income"]
    link = df.attrs["link"]
    assert "region=fi" in link and "bi=700" in link and "p2p=40" in link
    again = mapsim.run(link)
    assert df.equals(again)


def test_a_link_with_view_keys_and_keyword_overrides():
    df = mapsim.run("https://example.org/mapsim/?v=5&region=uk&bi=300&tab=distribution&year=2040", bi=400)
    assert "bi=400" in df.attrs["link"] and "region=uk" in df.attrs["link"]


def test_bad_input_raises_value_error_in_the_notices_words():
    with pytest.raises(ValueError, match="Basic Income 'lots' is not a number"):
        mapsim.run(region="us", bi="lots")
    with pytest.raises(ValueError, match="(?i)range|between|above|below|max"):
        mapsim.run(region="us", bi=10**9)
    with pytest.raises(ValueError):
        mapsim.run(region="atlantis")
    with pytest.raises(ValueError):
        mapsim.run(no_such_parameter=3)


def test_lenient_mode_clamps_and_warns():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = mapsim.run(region="us", bi=-100, strict=False)
    assert any("Basic Income" in str(w.message) for w in caught)
    assert "bi=0" in df.attrs["link"]  # clamped to the bottom of its range
    assert len(df) == 51 and np.isfinite(df["bi_gross_cost"]).all()


def test_params_and_outputs_describe_every_region():
    p = mapsim.params()
    assert set(p["region"]) == {"us", "uk", "fi", "ng", "world"}
    bi = p[(p["id"] == "bi") & (p["region"] == "us")].iloc[0]
    assert bi["default"] == 1000 and "USD" in bi["unit"] and bi["source"]
    assert p["uncertain"].any() and not p["uncertain"].all()
    o = mapsim.outputs()
    assert {"id", "label", "unit", "description"} <= set(o.columns)
    assert len(o[o["region"] == "us"]) == len(mapsim.run().columns[1:]) // 2


def test_bands_are_bit_identical_to_the_cli_for_a_seed():
    a = mapsim.bands(region="fi", runs=40, seed=7)
    b = cli_csv(["run", "--runs", "40", "--seed", "7", "--link", "?v=5&region=fi"])
    assert a.equals(b)
    c = mapsim.bands(region="fi", runs=40, seed=8)
    assert not a.equals(c)
    assert list(a.columns) == ["output", "unit", "year", "central", "p5", "p25", "p50", "p75", "p95"]


def test_books_balance():
    flows, stocks = mapsim.books(2040, region="us", bi=800)
    assert abs(flows["sum"].fillna(0)).max() < 1e-6
    assert len(stocks) > 3


def test_the_cli_verbs_are_mirrored():
    d = mapsim.decompose(2050, region="us", automation_tax=20)
    assert len(d) > 0
    w = mapsim.winners(2050, region="us")
    assert {"breakdown", "group", "measure", "value", "unit"} <= set(w.columns)
    everyone = w[(w["group"] == "everyone") & (w["measure"] == "better_off_over_1_pct")]
    assert 0 <= everyone["value"].iloc[0] <= 100
    h = mapsim.household(2040, region="uk", earnings=[30000], children=2)
    assert len(h) > 0
    assert mapsim.explain(2050, region="us").startswith("By 2050")
    base = mapsim.run(region="us", bi=1000, baseline_link="?v=5&region=us&bi=500")
    status_quo = mapsim.run(region="us", bi=1000)
    assert not np.array_equal(base["bi_gross_cost_baseline"], status_quo["bi_gross_cost_baseline"])


def test_threads_run_scenarios_side_by_side():
    results = {}

    def work(bi):
        results[bi] = mapsim.run(region="us", bi=bi)["bi_gross_cost"].to_numpy()

    threads = [threading.Thread(target=work, args=(bi,)) for bi in (400, 800)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert np.array_equal(results[400], mapsim.run(region="us", bi=400)["bi_gross_cost"].to_numpy())


def test_a_local_sweep_equals_single_runs():
    grid = {"region": ["us", "fi"], "bi": [0, 600], "rule": ["balanced", "debt"]}
    out = mapsim.sweep(grid, outputs=["poverty_rate", "bi_gross_cost"], years=[2030, 2050], chunk_size=3)
    assert len(out) == 8 * 2
    assert set(out.columns) >= {"scenario", "region", "bi", "rule", "year", "poverty_rate", "bi_gross_cost", "error"}
    for _, row in out.iterrows():
        single = mapsim.run(region=row["region"], bi=row["bi"], rule=row["rule"])
        at = single[single["year"] == row["year"]].iloc[0]
        assert row["poverty_rate"] == at["poverty_rate"] and row["bi_gross_cost"] == at["bi_gross_cost"]


def test_a_sweep_refuses_a_bad_scenario_before_it_runs():
    with pytest.raises(ValueError):
        mapsim.sweep({"bi": [100, "oops"]})
    with pytest.raises(ValueError, match="unknown outputs"):
        mapsim.sweep({"bi": [100]}, outputs=["nonsense"])


def test_a_dask_sweep_on_two_worker_processes_equals_single_runs():
    distributed = pytest.importorskip("distributed")
    grid = pd.DataFrame(
        [{"region": r, "bi": bi, "rule": rule} for r in ("us", "uk") for bi in (0, 250, 500) for rule in ("balanced", "debt")]
    )
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        out = mapsim.sweep(grid, outputs=["poverty_rate", "tax_rate", "poverty_rate_baseline"], years=[2025, 2040, 2075],
                           client=client, chunk_size=4)
    assert len(out) == len(grid) * 3
    assert (out["error"] == "").all()
    assert out["scenario"].nunique() == len(grid)
    for i, scenario in grid.iterrows():
        single = mapsim.run(region=scenario["region"], bi=scenario["bi"], rule=scenario["rule"])
        got = out[out["scenario"] == i].set_index("year")
        for year in (2025, 2040, 2075):
            want = single[single["year"] == year].iloc[0]
            for col in ("poverty_rate", "tax_rate", "poverty_rate_baseline"):
                assert got.loc[year, col] == want[col], (i, year, col)
