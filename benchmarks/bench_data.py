"""Benchmark the course datasets: generation time and load time of every table.

Run from the repository root:

    python benchmarks/bench_data.py                # 3 runs of each measurement
    python benchmarks/bench_data.py --runs 5 --big-scale 100 --big-tables posts inbox

Prints the median (and min/max) wall time of: generating every table at the default scale
into a temporary folder; generating the named tables at a large scale (100x posts by
default); and loading each committed table with ``cmkit.data.load`` (cache cleared before each
run, so each load reads and parses the CSV). Timings are informative only: no test depends on
them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def measure(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def row(label: str, times: list[float], note: str = "") -> str:
    median = statistics.median(times)
    return f"{label:<38} {median:>9.3f} {min(times):>9.3f} {max(times):>9.3f}  {note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    parser.add_argument("--big-scale", type=float, default=100.0, help="large scale factor")
    parser.add_argument(
        "--big-tables", nargs="+", default=["posts"], help="tables generated at the large scale"
    )
    parser.add_argument("--skip-big", action="store_true", help="skip the large-scale run")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    from cmkit.data import clear_cache, generate_all, load, table_names

    print(f"{'measurement':<38} {'median s':>9} {'min s':>9} {'max s':>9}  note")
    print("-" * 80)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        times = measure(lambda: generate_all(out / "default"), args.runs)
        size = sum(p.stat().st_size for p in (out / "default").iterdir()) / 1e6
        print(row("generate all tables (scale 1)", times, f"{size:.1f} MB written"))
        if not args.skip_big:
            big = out / "big"
            times = measure(
                lambda: generate_all(big, scale=args.big_scale, tables=args.big_tables), args.runs
            )
            rows = sum(1 for _ in (big / f"{args.big_tables[0]}.csv").open("rb")) - 1
            label = f"generate {'+'.join(args.big_tables)} (scale {args.big_scale:g})"
            print(row(label, times, f"{rows:,} rows of {args.big_tables[0]}"))

    for name in table_names():

        def cold_load(name=name):
            clear_cache()
            return load(name)

        times = measure(cold_load, args.runs)
        shape = load(name).shape
        print(row(f"load {name}", times, f"{shape[0]:,} rows x {shape[1]} columns"))
    times = measure(lambda: load("posts"), args.runs)
    print(row("load posts (cached, returns a copy)", times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
