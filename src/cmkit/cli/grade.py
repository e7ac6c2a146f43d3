"""``cmkit grade``: autograde the submissions in grading/submitted on every core, with a
progress bar. New or changed submissions only: running twice changes nothing, and an
interrupted run picks up where it stopped."""

import sys
import warnings

from tqdm import tqdm

from cmkit.course import course
from cmkit.grading import engine
from cmkit.grading.results import GRADED


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "grade", help="autograde submitted work (parallel, resumable)", description=__doc__
    )
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    parser.add_argument("--student", action="append", help="only this learner (repeatable)")
    parser.add_argument("--workers", type=int, help="parallel workers (default: one per core)")
    parser.add_argument("--force", action="store_true", help="grade again even if up to date")
    parser.add_argument(
        "--in-kernel",
        action="store_true",
        help="run test cells in the learner's kernel, as plain nbgrader does (learner code can "
        "then tamper with the tests; by default they are judged outside the kernel)",
    )
    parser.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run learners' code WITHOUT the bubblewrap sandbox, with your rights (only where "
        "no sandbox can start; grading then warns loudly)",
    )
    parser.set_defaults(run=run)


UNSANDBOXED = """
WARNING: grading WITHOUT a sandbox (--no-sandbox). Learners' code runs with your rights: it
can read the gradebook, the solutions and your files, use the network, and leave processes
behind. Use this only for work you trust, or where no sandbox can start.
"""


def grade_all(
    kit,
    assignments,
    workers=None,
    students=None,
    force=False,
    quiet=False,
    in_kernel=False,
    sandboxed=True,
):
    """Grade each assignment; the runs, for callers that report on them (demo)."""
    runs = []
    for assignment in assignments or kit.assignments():
        bar = tqdm(desc=f"grading {assignment}", unit="notebook", disable=quiet, leave=True)
        with warnings.catch_warnings():
            # nbgrader's gradebook emits SQLAlchemy session warnings that concern it, not users
            warnings.simplefilter("ignore")
            run = engine.grade(
                kit.root,
                assignment,
                workers=workers,
                students=students,
                force=force,
                in_kernel=in_kernel,
                sandboxed=sandboxed,
                on_plan=lambda total, bar=bar: bar.reset(total=total),
                on_done=lambda result, bar=bar: bar.update(1),
            )
        bar.close()
        runs.append(run)
    return runs


def summary(run) -> list[str]:
    lines = [
        f"{run.assignment}: {len(run.graded)} graded, {len(run.skipped)} already up to date"
        f" ({run.seconds:.1f} s)"
    ]
    for result in run.graded:
        if result.status != GRADED:
            lines.append(f"  {result.student}: {result.status}: {result.problem}")
    return lines


def run(args) -> int:
    kit = course()
    if args.no_sandbox:
        print(UNSANDBOXED, file=sys.stderr)
    runs = grade_all(
        kit,
        args.assignments,
        args.workers,
        args.student,
        args.force,
        in_kernel=args.in_kernel,
        sandboxed=not args.no_sandbox,
    )
    for graded in runs:
        print("\n".join(summary(graded)))
    return 0
