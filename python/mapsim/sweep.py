"""Sweeps of many scenarios on Dask, an existing distributed engine (mapsim has no scheduler
of its own).

Scenarios are cut into chunks (one Dask task each), so that a million scenarios make a few
thousand tasks, not a million. Without a client the chunks run on Dask's threaded scheduler
in this process: the engine releases the interpreter's lock, so the threads run in parallel.
With a ``dask.distributed`` client they run wherever its cluster is: a laptop's
``LocalCluster``, or Kubernetes, Slurm or a cloud service through their standard deployers
(dask-kubernetes, dask-jobqueue, dask-cloudprovider, Coiled). Each worker needs ``mapsim``
installed (``pip install`` from the repository).
"""

from __future__ import annotations

import itertools
import math
from typing import Iterable, List, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _header, _mapsim, link_of

# Keys of a scenario record that are not parameters.
_SPECIAL = ("region", "link", "baseline_link")


def _records(scenarios: Union[Mapping[str, Sequence], pd.DataFrame, Iterable[Mapping]]) -> List[dict]:
    """Scenario records from a grid (every combination of the lists' values), a DataFrame
    (one scenario a row) or an iterable of dicts."""
    if isinstance(scenarios, pd.DataFrame):
        return scenarios.to_dict("records")
    if isinstance(scenarios, Mapping):
        keys = list(scenarios)
        values = [v if isinstance(v, (list, tuple, np.ndarray, pd.Series)) else [v] for v in scenarios.values()]
        return [dict(zip(keys, combo)) for combo in itertools.product(*values)]
    return [dict(r) for r in scenarios]


def _query(record: Mapping) -> tuple:
    params = {k: v for k, v in record.items() if k not in _SPECIAL and not _missing(v)}
    return (
        link_of(record.get("link") or None, record.get("region") or None, **params),
        record.get("baseline_link") or None,
    )


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _run_chunk(queries: Sequence[tuple], columns: Optional[Sequence[str]], years: Optional[Sequence[int]],
               strict: bool) -> pd.DataFrame:
    """Runs a chunk of scenarios; one row per scenario and year with the chosen columns
    (an infeasible scenario gives one row with its error and no figures)."""
    frames = []
    for index, (query, baseline) in queries:
        try:
            region, rows, data, _, _ = _mapsim.run_table(query, baseline, strict)
            names = _header(region)[0]
        except ValueError as error:
            frames.append(pd.DataFrame({"scenario": [index], "error": [str(error)]}))
            continue
        table = np.frombuffer(data, dtype="<f8").reshape(rows, len(names))
        picked = [0] + [names.index(c) for c in columns] if columns else list(range(len(names)))
        keep = np.isin(table[:, 0], years) if years is not None else slice(None)
        part = pd.DataFrame(table[keep][:, picked], columns=[names[i] for i in picked])
        part.insert(0, "scenario", index)
        frames.append(part)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def sweep(
    scenarios,
    outputs: Optional[Sequence[str]] = None,
    years: Optional[Sequence[int]] = None,
    client=None,
    chunk_size: Optional[int] = None,
    strict: bool = True,
) -> pd.DataFrame:
    """Runs every scenario and returns one tidy DataFrame: the scenario's columns, ``year``
    and the chosen ``outputs`` (column names of :func:`mapsim.run`, e.g. ``"poverty"`` or
    ``"poverty_baseline"``; all of them by default), for the chosen ``years`` (all by
    default).

    ``scenarios``: a grid ``{"bi": [0, 500], "rule": ["balanced", "debt"], "region": [...]}``
    (every combination), a DataFrame (one scenario a row) or a list of dicts. Keys are
    parameter ids, ``region``, ``link`` and ``baseline_link``.

    ``client``: a ``dask.distributed.Client``; without one, Dask's threaded scheduler runs
    the chunks here. Every scenario is checked before anything runs, so a bad value raises
    ``ValueError`` at once (with ``strict=False`` it is clamped, with a warning). A scenario
    the model cannot solve gets its message in the ``error`` column.
    """
    import dask

    records = _records(scenarios)
    queries = [_query(r) for r in records]
    for query, baseline in queries:  # fail fast, in the caller's process
        _mapsim.check(query, strict)
        if baseline:
            _mapsim.check(baseline, strict)
    if outputs:
        known = set(_header("us")[0])
        unknown = [o for o in outputs if o not in known]
        if unknown:
            raise ValueError(f"unknown outputs: {', '.join(unknown)} (see mapsim.outputs())")
    year_list = None if years is None else [int(y) for y in years]
    workers = 1
    if client is not None:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = chunk_size or max(1, min(500, math.ceil(len(queries) / (4 * max(workers, 2)))))
    indexed = list(enumerate(queries))
    chunks = [indexed[i:i + size] for i in range(0, len(indexed), size)]
    columns = list(outputs) if outputs else None
    if client is None:
        tasks = [dask.delayed(_run_chunk)(c, columns, year_list, strict) for c in chunks]
        parts = dask.compute(*tasks, scheduler="threads")
    else:
        futures = client.map(_run_chunk, chunks, columns=columns, years=year_list, strict=strict, pure=False)
        parts = client.gather(futures)
    result = pd.concat([p for p in parts if len(p)], ignore_index=True) if parts else pd.DataFrame()
    if "error" not in result:
        result["error"] = ""
    result["error"] = result["error"].fillna("")
    scenario_columns = pd.DataFrame(records)
    scenario_columns.insert(0, "scenario", range(len(records)))
    out = scenario_columns.merge(result, on="scenario", how="right", sort=False)
    if "year" in out:
        out["year"] = out["year"].astype("Int64")
    return out.sort_values(["scenario", "year"] if "year" in out else ["scenario"], ignore_index=True)
