"""``cmkit export``: the grades as a CSV file for an LMS, read from nbgrader's gradebook (so
manual grades entered in the formgrader count): one row per student, one column per assignment,
then total, max score, percentage and whether manual grading is still pending."""

from pathlib import Path

from cmkit.course import course
from cmkit.grading.report import export_grades


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export", help="grades as CSV for an LMS, from the gradebook", description=__doc__
    )
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help="CSV file (default: grading/reports/grades.csv)"
    )
    parser.add_argument(
        "--db-url", help="gradebook URL if not the course's (e.g. postgresql://...)"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    done = export_grades(course(), args.out, args.db_url)
    print(f"grades of {done.students} student(s) in {done.assignments} assignment(s): {done.path}")
    if done.pending_manual:
        print(f"{done.pending_manual} student(s) still need manual grading (see the CSV's flag)")
    return 0
