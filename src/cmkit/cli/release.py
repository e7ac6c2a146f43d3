"""``cmkit release``: build the student versions in exercises/ from solutions/."""

from cmkit.course import course
from cmkit.releasing import release


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "release",
        help="build exercises/ from solutions/ (nbgrader generate_assignment)",
        description="Build the student version of each assignment into exercises/.",
    )
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    parser.set_defaults(run=run)


def run(args) -> int:
    for assignment in release(course(), args.assignments):
        print(f"released {assignment} -> exercises/{assignment}/")
    return 0
