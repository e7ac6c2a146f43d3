"""Where one warm worker's time goes, step by step, while it grades a small cohort.

Grades a simulated cohort with one worker (so steps do not overlap) and wraps the steps of
``cmkit.grading.engine`` (nbgrader's preprocessors, the kernel's fork and handshake, each
cell, the trusted judging, the parent's recording) with wall-clock timers. The first
notebook also waits for the worker's zygote to finish preloading; the median shows the
steady state.

    python benchmarks/profile_grading_steps.py
    python benchmarks/profile_grading_steps.py --learners 20 --assignments 01-strategy
    python benchmarks/profile_grading_steps.py --no-sandbox
"""

from __future__ import annotations

import argparse
import functools
import inspect
import statistics
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbclient.client import NotebookClient

from cmkit import nbgrader_runner
from cmkit.course import Course, course
from cmkit.grading import cohort, engine, trusted, warm

SPENT: dict[str, list[float]] = defaultdict(list)


def timed(owner, attribute: str, label: str) -> None:
    """Replace ``owner.attribute`` by a version that adds its wall time to ``SPENT[label]``."""
    original = getattr(owner, attribute)
    if inspect.iscoroutinefunction(original):

        @functools.wraps(original)
        async def wrapper(*args, **kwargs):
            started = time.monotonic()
            try:
                return await original(*args, **kwargs)
            finally:
                SPENT[label].append(time.monotonic() - started)

    else:

        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            started = time.monotonic()
            try:
                return original(*args, **kwargs)
            finally:
                SPENT[label].append(time.monotonic() - started)

    setattr(owner, attribute, wrapper)


def instrument() -> None:
    for step in engine.SANITIZE:
        timed(step, "preprocess", f"nbgrader: {step.__name__}")
    timed(trusted, "prepare", "trusted: replace test cells by exports")
    timed(warm.Zygote, "fork_kernel", "kernel: fork from the zygote")
    timed(warm.WarmKernelClient, "wait_for_ready", "kernel: start-up and handshake")
    timed(NotebookClient, "execute_cell", "kernel: one cell (incl. markdown)")
    timed(AsyncKernelManager, "shutdown_kernel", "kernel: stop")
    timed(engine.Execute, "preprocess", "Execute, in all")
    timed(trusted, "judge", "trusted: judge (checks and replays)")
    timed(warm.Zygote, "cleanup", "zygote: clean up after the notebook")
    timed(engine, "execute_job", "worker: one submission, in all")
    timed(engine, "record", "parent: record (SaveAutoGrades, late penalty, result)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=12)
    parser.add_argument("--assignments", nargs="*", default=["00-getting-started"])
    parser.add_argument("--no-sandbox", action="store_true")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory(prefix="cmkit-profile-") as scratch:
        root = Path(scratch) / "course"
        nbgrader_runner.make_course(root, course().root, args.assignments)
        for assignment in args.assignments:
            nbgrader_runner.run(["generate_assignment", assignment, "--force"], root)
        cohort.build(Course(root), size=args.learners, seed=3, assignments=args.assignments)
        instrument()
        started = time.monotonic()
        runs = engine.grade_many(root, args.assignments, workers=1, sandboxed=not args.no_sandbox)
        elapsed = time.monotonic() - started
    graded = sum(len(run.graded) for run in runs)
    print(f"{graded} submissions in {elapsed:.1f} s with one worker\n")
    print(f"{'step':<58} {'calls':>5} {'median s':>9} {'total s':>8}")
    for label, samples in SPENT.items():
        print(
            f"{label:<58} {len(samples):>5} {statistics.median(samples):>9.3f} {sum(samples):>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
