"""mapsim from Python: the same engine as the app and the command line, as DataFrames.

>>> import mapsim
>>> df = mapsim.run(region="us", bi=1000)          # one row a year, scenario and _baseline
>>> df.attrs["units"]["poverty"], df.attrs["link"]
>>> mapsim.sweep({"bi": [0, 500, 1000], "rule": ["balanced", "debt"]}, outputs=["poverty"])

Bad input raises ``ValueError`` in the words the app would show (the app clamps and tells;
Python refuses and tells). With ``strict=False`` a value out of range is clamped and a
``UserWarning`` says so. The engine runs without the interpreter's lock, so threads help.
"""

from __future__ import annotations

import functools
import io
import warnings
from typing import Iterable, Mapping, Optional, Sequence
from urllib.parse import quote

import numpy as np
import pandas as pd

from . import _mapsim

__all__ = [
    "run",
    "params",
    "outputs",
    "bands",
    "books",
    "decompose",
    "winners",
    "household",
    "explain",
    "link_of",
    "sweep",
]

__version__ = "0.2.0"


def _value_text(value) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def link_of(link: Optional[str] = None, region: Optional[str] = None, **params) -> str:
    """The share link of a scenario: ``link`` (a mapsim link or its query string), then
    ``region`` and each parameter (later keys win, as in the app)."""
    overridden = set(params) | ({"region"} if region is not None else set())
    parts = []
    if link:
        query = link.split("?", 1)[1] if "?" in link else link
        # A key given here replaces the link's (a link repeating a key gets a notice).
        parts.extend(
            p for p in query.split("#", 1)[0].split("&") if p and p.split("=", 1)[0] not in overridden
        )
    else:
        parts.append(f"v={_mapsim.link_version()}")
    if region is not None:
        parts.append(f"region={quote(str(region), safe='')}")
    for key, value in params.items():
        parts.append(f"{quote(str(key), safe='.')}={quote(_value_text(value), safe='')}")
    return "?" + "&".join(parts)


def _warn(notes: Iterable[str]) -> None:
    for note in notes:
        warnings.warn(f"mapsim: {note}", UserWarning, stacklevel=3)


@functools.lru_cache(maxsize=None)
def _header(region: str):
    columns, units = _mapsim.series_header(region)
    return columns, dict(zip(columns, units))


def _frame(region, rows, data, link) -> pd.DataFrame:
    """The DataFrame of a run, from its table in one piece (no copy of the figures)."""
    columns, units = _header(region)
    table = np.frombuffer(data, dtype="<f8").reshape(rows, len(columns))
    df = pd.DataFrame(table[:, 1:], columns=columns[1:], copy=False)
    df.insert(0, "year", table[:, 0].astype("int64"))
    df.attrs["units"] = dict(units)
    df.attrs["link"] = link
    return df


def run(
    link: Optional[str] = None,
    *,
    region: Optional[str] = None,
    baseline_link: Optional[str] = None,
    strict: bool = True,
    **params,
) -> pd.DataFrame:
    """Runs a scenario and its baseline (the status quo, or ``baseline_link``'s policies).

    One row a year; the columns of ``mapsim run``'s CSV: ``year``, every output, then every
    output with ``_baseline``. ``df.attrs["units"]`` maps each column to its unit and
    ``df.attrs["link"]`` is the scenario's link, which reopens it in the app.
    """
    query = link_of(link, region, **params)
    region_id, rows, data, scenario_link, notes = _mapsim.run_table(query, baseline_link, strict)
    _warn(notes)
    return _frame(region_id, rows, data, scenario_link)


def _catalog(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values={"min": [""], "max": [""], "step": [""], "default": [""], "status_quo": [""]})


def params() -> pd.DataFrame:
    """Every parameter in every region: range, default, status-quo value, unit, group, role,
    whether the Monte Carlo draws it (and its distribution), source and help."""
    df = _catalog(_mapsim.parameters_csv())
    df["uncertain"] = df["uncertain"].astype(str).str.lower() == "true"
    return df


def outputs() -> pd.DataFrame:
    """Every output in every region: label, unit (in the region's currency), the first chart
    that draws it (an id of models/charts.toml, empty if none), which
    direction is better for people ("higher", "lower" or empty), description."""
    return pd.read_csv(io.StringIO(_mapsim.outputs_csv()), keep_default_na=False)


def _command(args: Sequence[str], strict: bool) -> str:
    text, notes = _mapsim.command(list(args), strict)
    _warn(notes)
    return text


def _scenario_args(link, region, baseline_link, params) -> list:
    args = ["--link", link_of(link, region, **params)]
    if baseline_link:
        args += ["--baseline-link", baseline_link]
    return args


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), comment="#")


def bands(
    link: Optional[str] = None,
    *,
    runs: int = 1000,
    seed: int = 1,
    region: Optional[str] = None,
    baseline_link: Optional[str] = None,
    strict: bool = True,
    **params,
) -> pd.DataFrame:
    """Monte Carlo bands over the uncertain parameters: one row per output and year, the
    central run and the 5/25/50/75/95 % bands; the same seed gives the same bands as the
    app and ``mapsim run --runs N --seed S``, bit for bit."""
    args = ["run", "--runs", str(int(runs)), "--seed", str(int(seed))]
    return _csv(_command(args + _scenario_args(link, region, baseline_link, params), strict))


def books(year: int, link: Optional[str] = None, *, region=None, strict=True, **params):
    """The books of a year: ``(flows, balance_sheet)``, the transactions-flow matrix and the
    balance sheet, each with a ``sum`` column that is zero when the books balance."""
    text = _command(["books", "--year", str(int(year))] + _scenario_args(link, region, None, params), strict)
    blocks = [b for b in text.strip().split("\n\n") if b.strip()]
    tables = [pd.read_csv(io.StringIO(b)) for b in blocks]
    if len(tables) != 2:
        raise RuntimeError(f"mapsim books: expected two tables, got {len(tables)}")
    return tables[0], tables[1]


def decompose(year: int, link: Optional[str] = None, *, order: Optional[Sequence[str]] = None,
              region=None, strict=True, **params) -> pd.DataFrame:
    """What each part of the reform adds to the headline figures in ``year``, added to the
    baseline in ``order`` (default: bi, financing, replaced, p2p)."""
    args = ["decompose", "--year", str(int(year))]
    if order:
        args += ["--order", ",".join(order)]
    return _csv(_command(args + _scenario_args(link, region, None, params), strict))


def winners(year: int, link: Optional[str] = None, *, region=None, baseline_link=None,
            strict=True, **params) -> pd.DataFrame:
    """Who gains and who pays in ``year``: the change by decile and the shares of people
    better and worse off, by person group and household type (long format)."""
    args = ["winners", "--year", str(int(year))]
    return _csv(_command(args + _scenario_args(link, region, baseline_link, params), strict))


def household(year: int, link: Optional[str] = None, *, earnings: Optional[Sequence[float]] = None,
              children: int = 0, wealth: float = 0.0, pensioners: bool = False,
              region=None, baseline_link=None, strict=True, **params) -> pd.DataFrame:
    """Income statements in the baseline and the scenario: the six typical households of
    the model's population, or, with ``earnings`` (a year, today's money, one amount per
    adult), a household like yours (a static statement: hours stay as entered)."""
    args = ["household", "--year", str(int(year))]
    if earnings is not None:
        amounts = [earnings] if isinstance(earnings, (int, float)) else list(earnings)
        args += ["--earnings", ",".join(str(float(a)) for a in amounts)]
        args += ["--children", str(int(children)), "--wealth", str(float(wealth))]
        if pensioners:
            args.append("--pensioners")
    return _csv(_command(args + _scenario_args(link, region, baseline_link, params), strict))


def explain(year: int, link: Optional[str] = None, *, region=None, baseline_link=None,
            strict=True, **params) -> str:
    """The sentences that open the app's headline strip for ``year``."""
    args = ["explain", "--year", str(int(year))]
    return _command(args + _scenario_args(link, region, baseline_link, params), strict).strip()


from .sweep import sweep  # noqa: E402  (uses run's helpers above)
