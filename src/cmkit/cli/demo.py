"""``cmkit demo``: the main job end to end. Builds the student versions, then autogrades each
assignment's solution, blank release and wrong-answer fixtures with real nbgrader and prints the
scores."""

from cmkit.course import course
from cmkit.releasing import release

from . import prove


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="release and autograde every assignment", description=__doc__
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    kit = course()
    for assignment in release(kit):
        print(f"released {assignment} -> exercises/{assignment}/")
    args.assignments = []
    return prove.run(args)
