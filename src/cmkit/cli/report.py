"""``cmkit report``: the cohort report, an HTML page with PNG charts beside it: score
distributions, pass rate per question, most common failure messages, who needs manual grading,
late submissions, submissions with a problem. Reads grading/results/ and the gradebook."""

from pathlib import Path

from cmkit.course import course
from cmkit.grading.report import build_report


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="cohort report (HTML + charts) from the graded results", description=__doc__
    )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help="folder for the report (default: grading/reports/)"
    )
    parser.add_argument(
        "--db-url", help="gradebook URL if not the course's (e.g. postgresql://...)"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    done = build_report(course(), args.out, args.db_url)
    if done.empty:
        print("the cohort is empty: no graded submission yet (the report says so)")
    print(f"cohort report: {done.page} ({len(done.charts)} chart(s) beside it)")
    return 0
