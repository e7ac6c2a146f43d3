"""Cohort grading benchmark: the kit's engine against plain ``nbgrader autograde``.

Builds a throwaway course with the chosen assignments, writes a simulated cohort (the same
submissions for every contender), then grades it with

- plain nbgrader: ``nbgrader autograde <assignment>`` for each assignment, serially (its only
  mode), in a fresh copy of the course;
- the kit as it grades by default: ``cmkit.grading.engine`` on every core, kernels forked from
  a warm zygote inside the bubblewrap sandbox, tests judged outside the kernel;
- the same without the sandbox (its cost), and with cold kernels started as nbgrader starts
  them (the warm kernels' gain).

Each contender runs ``--runs`` times on fresh copies; the report gives the median wall time,
notebooks per minute, the speed-up over plain nbgrader, and whether every learner's per-cell
scores are identical to plain nbgrader's. Also times the parts of a plain kernel's start-up.

    python benchmarks/bench_grading.py --learners 100 --runs 3
    python benchmarks/bench_grading.py --learners 100 --runs 3 --plain-runs 1
    python benchmarks/bench_grading.py --learners 20 --runs 1 --assignments 00-getting-started
    python benchmarks/bench_grading.py --contenders plain warm-sandboxed
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from cmkit import nbgrader_runner
from cmkit.course import Course, course
from cmkit.gradebook import cell_scores
from cmkit.grading import cohort, engine

CONTENDERS = {
    "plain": "plain nbgrader (serial)",
    "warm-sandboxed": "kit: warm kernels, sandboxed",
    "warm": "kit: warm kernels, no sandbox",
    "cold": "kit: cold kernels, no sandbox",
}


def build(root: Path, assignments: list[str], learners: int) -> int:
    nbgrader_runner.make_course(root, course().root, assignments)
    for assignment in assignments:
        nbgrader_runner.run(["generate_assignment", assignment, "--force"], root)
    cohort.build(Course(root), size=learners, seed=11, assignments=assignments)
    return learners * len(assignments)


def fresh_copy(template: Path, into: Path) -> Path:
    shutil.copytree(template, into)
    # the copy's config must point at the copy
    (into / "nbgrader_config.py").write_text(nbgrader_runner.CONFIG_TEMPLATE.format(root=str(into)))
    return into


def run_plain(root: Path, assignments: list[str]) -> float:
    started = time.monotonic()
    for assignment in assignments:
        # a broken submission makes nbgrader exit 1 after grading the others: that is a result
        nbgrader_runner.run(["autograde", assignment], root, check=False)
    return time.monotonic() - started


def run_kit(
    root: Path, assignments: list[str], use_warm: bool, sandboxed: bool, workers: int | None
) -> float:
    started = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine.grade_many(
            root, assignments, workers=workers, use_warm=use_warm, sandboxed=sandboxed
        )
    return time.monotonic() - started


def scores(root: Path, assignments: list[str]) -> dict:
    url = f"sqlite:///{root / 'grading' / 'gradebook.db'}"
    found = {}
    for assignment in assignments:
        for folder in sorted((root / "grading" / "submitted").glob(f"*/{assignment}")):
            student = folder.parent.name
            cells = cell_scores(url, assignment, student) or []
            found[(assignment, student)] = sorted((c.notebook, c.cell, c.score) for c in cells)
    return found


def startup_profile(repeats: int = 5) -> dict[str, float]:
    """Median seconds for the parts of a cold kernel's start-up, measured here."""
    python = sys.executable
    timings = {
        "python -c pass": [python, "-c", "pass"],
        "import pandas, matplotlib.pyplot": [
            python,
            "-c",
            "import pandas, matplotlib.pyplot",
        ],
        "import ipykernel.kernelapp": [python, "-c", "import ipykernel.kernelapp"],
        "import nbgrader.apps (nbgrader's own start)": [python, "-c", "import nbgrader.apps"],
    }
    results = {}
    for label, command in timings.items():
        samples = []
        for _ in range(repeats):
            started = time.monotonic()
            subprocess.run(command, check=True)
            samples.append(time.monotonic() - started)
        results[label] = statistics.median(samples)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--plain-runs",
        type=int,
        help="runs of plain nbgrader, the slowest contender (default: --runs)",
    )
    parser.add_argument("--assignments", nargs="*", help="default: every assignment")
    parser.add_argument("--workers", type=int, help="kit workers (default: one per core)")
    parser.add_argument(
        "--contenders",
        nargs="*",
        default=list(CONTENDERS),
        choices=list(CONTENDERS),
        help="what to run (default: all)",
    )
    args = parser.parse_args(argv)
    assignments = args.assignments or course().assignments()

    with tempfile.TemporaryDirectory(prefix="cmkit-bench-") as scratch:
        scratch = Path(scratch)
        notebooks = build(scratch / "template", assignments, args.learners)
        print(
            f"{notebooks} submissions ({args.learners} learners x {len(assignments)} "
            f"assignments), {args.runs} run(s) each"
            + (f", plain nbgrader {args.plain_runs}" if args.plain_runs else "")
            + "\n"
        )
        runners = {
            "plain": lambda root: run_plain(root, assignments),
            "warm-sandboxed": lambda root: run_kit(root, assignments, True, True, args.workers),
            "warm": lambda root: run_kit(root, assignments, True, False, args.workers),
            "cold": lambda root: run_kit(root, assignments, False, False, args.workers),
        }
        contenders = {CONTENDERS[k]: runners[k] for k in CONTENDERS if k in args.contenders}
        medians, final_scores = {}, {}
        for name, contender in contenders.items():
            samples = []
            runs = args.plain_runs if name == CONTENDERS["plain"] and args.plain_runs else args.runs
            for run in range(runs):
                root = fresh_copy(scratch / "template", scratch / f"{len(medians)}-{run}")
                samples.append(contender(root))
                final_scores[name] = scores(root, assignments)
                shutil.rmtree(root)
            medians[name] = statistics.median(samples)
            print(
                f"{name:<26} median {medians[name]:7.1f} s  "
                f"{notebooks / medians[name] * 60:7.1f} notebooks/min  "
                f"runs: {', '.join(f'{s:.1f}' for s in samples)}"
            )
        if CONTENDERS["plain"] in medians:
            base = medians[CONTENDERS["plain"]]
            reference = final_scores[CONTENDERS["plain"]]
            print()
            for name in contenders:
                same = final_scores[name] == reference
                print(
                    f"{name:<26} speed-up x{base / medians[name]:.2f}  "
                    f"scores identical to plain nbgrader: {'yes' if same else 'NO'}"
                )
    print("\nstart-up parts (median of 5, seconds):")
    for label, seconds in startup_profile().items():
        print(f"  {label:<45} {seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
