"""Benchmark the notebooks of modules 01 (strategy) and 02 (audience): what a learner waits for.

Run from the repository root:

    python benchmarks/bench_notebooks_0102.py            # 3 runs of each notebook
    python benchmarks/bench_notebooks_0102.py --runs 5

Executes each lesson and each solution notebook top to bottom in a fresh ``python3`` kernel
(as *Restart Kernel and Run All Cells* does) and prints the median (and min/max) of: the wall
time including the kernel's start, and the time spent in the cells themselves. The target is
under 5 s for each notebook. Timings are informative only: no test depends on them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = (
    "course/01-strategy.ipynb",
    "solutions/01-strategy/01-strategy.ipynb",
    "course/02-audience.ipynb",
    "solutions/02-audience/02-audience.ipynb",
)


def _stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def run_once(path: Path) -> tuple[float, float]:
    """(wall seconds with kernel start, seconds inside the cells) of one top-to-bottom run."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as folder:
        client = NotebookClient(
            notebook,
            timeout=120,
            kernel_name="python3",
            record_timing=True,
            resources={"metadata": {"path": folder}},
        )
        start = time.perf_counter()
        client.execute()
        wall = time.perf_counter() - start
    cells = 0.0
    for cell in notebook.cells:
        timing = cell.metadata.get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            cells += (
                _stamp(timing["shell.execute_reply"]) - _stamp(timing["iopub.execute_input"])
            ).total_seconds()
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            raise SystemExit(f"{path}: a cell failed ({errors[0].get('ename')}); fix it first")
    return wall, cells


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per notebook (default 3)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    print(f"{'notebook':<42} {'wall s':>8} {'min':>7} {'max':>7} {'cells s':>8}")
    for name in NOTEBOOKS:
        runs = [run_once(ROOT / name) for _ in range(args.runs)]
        walls = [wall for wall, _ in runs]
        cells = statistics.median(cell for _, cell in runs)
        print(
            f"{name:<42} {statistics.median(walls):>8.2f} {min(walls):>7.2f} "
            f"{max(walls):>7.2f} {cells:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
