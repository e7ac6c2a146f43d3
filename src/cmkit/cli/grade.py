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
    """Grade the assignments in one run; the runs, one per assignment, for callers that
    report on them (demo)."""
    bar = tqdm(desc="grading", unit="notebook", disable=quiet, leave=True)

    def done(result):
        bar.set_postfix_str(f"{result.assignment} {result.student}", refresh=False)
        bar.update(1)

    with warnings.catch_warnings():
        # nbgrader's gradebook emits SQLAlchemy session warnings that concern it, not users
        warnings.simplefilter("ignore")
        try:
            return engine.grade_many(
                kit.root,
                assignments or kit.assignments(),
                workers=workers,
                students=students,
                force=force,
                in_kernel=in_kernel,
                sandboxed=sandboxed,
                on_plan=lambda total: bar.reset(total=total),
                on_done=done,
            )
        finally:
            bar.close()


def summary(run) -> list[str]:
    lines = [f"{run.assignment}: {len(run.graded)} graded, {len(run.skipped)} already up to date"]
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
    if runs:
        total = sum(len(graded.graded) for graded in runs)
        print(f"{total} submission(s) graded in {runs[0].seconds:.1f} s")
    return 0
