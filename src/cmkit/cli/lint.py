"""``cmkit lint``: check the course's notebooks against the house rules (storage, names,
grading conventions, no leaks into exercises/). Exits 1 when any rule is broken."""

from cmkit.conventions import all_problems
from cmkit.course import course


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "lint", help="check notebooks against the house rules", description=__doc__
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    problems = all_problems(course())
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "every notebook follows the house rules")
    return 1 if problems else 0
