"""The ``cmkit`` command: one command, one module per subcommand, thin over the library.

Each subcommand module has ``register(subparsers)``, which adds its parser and sets
``run=<function(args) -> int>``. ``main(argv)`` returns the exit code, so tests call it in-process.
"""

import argparse
import sys
import traceback

from cmkit.errors import KitError

from . import (
    bundle,
    collect,
    data,
    demo,
    export,
    feedback,
    grade,
    lab,
    lint,
    prove,
    release,
    report,
)

SUBCOMMANDS = [
    demo,
    release,
    prove,
    lint,
    collect,
    grade,
    feedback,
    report,
    export,
    bundle,
    data,
    lab,
]

EPILOG = """examples:
  cmkit demo                       release and autograde every assignment (the main job)
  cmkit release 01-strategy        rebuild exercises/01-strategy from solutions/
  cmkit prove 03-content-planning  solution = full marks, blank = 0, fixtures lose points?
  cmkit lint                       check notebooks against the house rules
  cmkit collect 00-getting-started  collect submissions from nbgrader's exchange
  cmkit collect --zip lms.zip 00-getting-started   ... or from a Moodle/Canvas zip
  cmkit grade 00-getting-started   autograde grading/submitted on every core (resumable)
  cmkit feedback                   learners' feedback without hidden tests
  cmkit report                     cohort report (HTML + charts) in grading/reports/
  cmkit export                     grades as CSV for an LMS: grading/reports/grades.csv
  cmkit bundle                     student bundle (folder + zip) in build/, scanned for leaks
  cmkit lab                        open JupyterLab on the course
  cmkit data generate              regenerate datasets/ from the default seed
  cmkit data card posts            show the data card of the posts table
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cmkit",
        description="Community Manager Course Kit: data, assignments and grading.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--verbose", action="store_true", help="show full tracebacks for errors")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, or a usage error argparse already explained
        return int(done.code or 0)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KitError as error:
        if args.verbose:
            traceback.print_exc()
        print(f"cmkit: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("cmkit: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
