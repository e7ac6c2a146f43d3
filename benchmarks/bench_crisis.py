"""Benchmark the crisis simulator: what a learner and a grader wait for.

Run from the repository root:

    python benchmarks/bench_crisis.py            # 5 runs of each measurement
    python benchmarks/bench_crisis.py --runs 10

Prints the median (and min/max) wall time of: one 48-hour run with no decision; one
``run_playbook`` (a sound playbook, scored against the silent run); the after-action review
with its "without it" replays; building the war room widget and letting one hour pass with
its charts. Timings are informative only: no test depends on them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable


def measure(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    args = parser.parse_args(argv)

    from cmkit.crisis import WarRoom, escalate, hold, pause_posts, respond, run_playbook
    from cmkit.crisis.engine import Simulation

    def playbook(situation):
        if not situation.injects:
            return []
        if not situation.has_done("hold"):
            return [hold("tiktok", 120), escalate("quality"), escalate("management"), pause_posts()]
        if not situation.has_done("respond") and situation.minutes_since("hold") >= 60:
            return [respond("rebuild", "all")]
        return []

    def silent():
        sim = Simulation("foreign_object", 1)
        sim.advance(sim.steps)

    seeds = iter(range(10_000))  # a new seed each run: nothing is cached between runs
    result = run_playbook(playbook, "foreign_object", 1)

    def war_room_hour():
        room = WarRoom("match_day", 1)
        room.advance(4)

    rows = [
        ("48 h run, no decision", measure(silent, args.runs)),
        (
            "run_playbook (with silent yardstick)",
            measure(lambda: run_playbook(playbook, "foreign_object", next(seeds)), args.runs),
        ),
        ("review with 'without it' replays", measure(result.review, args.runs)),
        ("war room: build + 1 h with charts", measure(war_room_hour, args.runs)),
    ]
    print(f"{'measurement':<38} {'median s':>9} {'min s':>9} {'max s':>9}")
    for label, times in rows:
        print(f"{label:<38} {statistics.median(times):>9.3f} {min(times):>9.3f} {max(times):>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
