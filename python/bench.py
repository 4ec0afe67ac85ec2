"""Benchmarks of the Python package (figures for BENCHMARKS.md; nothing passes or fails):
mapsim.run's overhead over the engine's own in-process run, sweep throughput on Dask with
one and two worker processes, and memory per worker.

    .venv/bin/python python/bench.py
"""

import statistics
import time

import mapsim
from mapsim import _mapsim


def median_ms(values):
    return 1000 * statistics.median(values)


def overhead(repeats=200):
    """The engine's own run and mapsim.run, alternated so that both see the same machine."""
    link = mapsim.link_of(region="us")
    mapsim.run(region="us")  # warm
    engine, python = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        _mapsim.engine_seconds(link, 1)
        engine.append(time.perf_counter() - start)
        start = time.perf_counter()
        mapsim.run(region="us")
        python.append(time.perf_counter() - start)
    e, p = median_ms(engine), median_ms(python)
    print(f"run (US default, scenario + baseline): engine {e:.3f} ms, mapsim.run {p:.3f} ms, "
          f"overhead {100 * (p - e) / e:.1f} % (medians of {repeats}, alternated)")


def sweep_throughput(n_scenarios=240):
    from dask.distributed import Client, LocalCluster

    grid = [{"region": r, "bi": bi, "rule": rule}
            for r in ("us", "fi") for bi in range(0, 600, 10)
            for rule in ("balanced", "debt")][:n_scenarios]
    rates = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            mapsim.sweep(grid[:8], outputs=["poverty_rate"], years=[2050], client=client)  # warm
            start = time.perf_counter()
            mapsim.sweep(grid, outputs=["poverty_rate"], years=[2050], client=client)
            seconds = time.perf_counter() - start
            memory = client.run(lambda: __import__("psutil").Process().memory_info().rss)
        rates[workers] = len(grid) / seconds
        mib = ", ".join(f"{m / 2**20:.0f} MiB" for m in memory.values())
        print(f"sweep of {len(grid)} scenarios on {workers} worker process(es): {seconds:.2f} s, "
              f"{rates[workers]:.0f} scenarios/s; memory per worker after it: {mib}")
    print(f"scaling 1 → 2 workers: {rates[2] / rates[1]:.2f}×")
    start = time.perf_counter()
    mapsim.sweep(grid, outputs=["poverty_rate"], years=[2050])
    seconds = time.perf_counter() - start
    print(f"the same sweep without a client (Dask threads in this process): {len(grid) / seconds:.0f} scenarios/s")


if __name__ == "__main__":
    overhead()
    sweep_throughput()
