"""``cmkit bundle``: build the student bundle (a folder and a .zip) with what learners need to
run the course, scan it for solutions, hidden tests, rubric text and file paths, and say where
it is. Nothing is written if the scan finds a problem."""

from pathlib import Path

from cmkit.course import course
from cmkit.grading.bundle import build


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "bundle",
        help="build the student bundle (folder + zip), scanned for leaks",
        description=__doc__,
    )
    parser.add_argument(
        "--out", type=Path, help="folder to write the bundle into (default: build/)"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    kit = course()
    bundle = build(kit, args.out or kit.root / "build")
    print(f"student bundle: {bundle.folder}/ ({bundle.files} files)")
    print(f"zip:            {bundle.zip}")
    print("scan: no solution, hidden test, rubric text or file path found")
    return 0
