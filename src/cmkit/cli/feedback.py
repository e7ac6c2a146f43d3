"""``cmkit feedback``: HTML feedback per learner in grading/feedback/, showing each test's
name, points and message but never hidden test source (nbgrader's release_feedback sends it)."""

from cmkit.course import course
from cmkit.grading.feedback import write_all


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "feedback", help="write learners' feedback without hidden tests", description=__doc__
    )
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: all graded)")
    parser.set_defaults(run=run)


def run(args) -> int:
    kit = course()
    written = []
    for assignment in args.assignments or [None]:
        written += write_all(kit.root, assignment)
    print(f"wrote {len(written)} feedback file(s) under grading/feedback/")
    return 0
