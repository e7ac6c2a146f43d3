"""``cmkit collect``: bring submissions into grading/submitted/<student>/<assignment>/, from
nbgrader's exchange (``nbgrader collect --update``) or from an LMS download zip (Moodle or
Canvas: ``--zip FILE``). Says which submissions are new, resubmitted or unchanged, and every
problem in one line. Student ids from a zip: the roster's (``--roster``), else the learner's
name as a login ("Awa Diop" -> awa-diop), or the LMS's number with ``--student-id lms-id``."""

from pathlib import Path

from cmkit.course import course
from cmkit.errors import KitError
from cmkit.grading import collect


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "collect",
        help="collect submissions from nbgrader's exchange or an LMS zip",
        description=__doc__,
    )
    parser.add_argument("assignment", help="assignment id, e.g. 00-getting-started")
    parser.add_argument("--zip", type=Path, metavar="FILE", help="an LMS download zip")
    parser.add_argument(
        "--roster", type=Path, metavar="CSV", help="CSV: student_id and lms_id and/or name"
    )
    parser.add_argument(
        "--student-id",
        choices=[collect.NAME_IDS, collect.LMS_IDS],
        default=collect.NAME_IDS,
        help="without a roster, name student folders by the learner's name (default) or by "
        "the LMS's number (stable across assignments in Canvas only)",
    )
    parser.add_argument(
        "--exchange", type=Path, metavar="DIR", help="nbgrader exchange root (default: nbgrader's)"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    kit = course()
    if args.roster and not args.zip:
        raise KitError(
            "--roster: maps LMS learners to student ids, so it goes with --zip; nbgrader's "
            "exchange already names learners by their login"
        )
    if args.zip:
        roster = collect.read_roster(args.roster) if args.roster else None
        report = collect.collect_zip(kit, args.assignment, args.zip, roster, args.student_id)
    else:
        report = collect.collect_exchange(kit, args.assignment, args.exchange)
    for item in report.collected:
        print(item.line())
    for problem in report.problems:
        print(f"problem     {problem}")
    print(report.summary() + " -> grading/submitted/")
    return 1 if report.failed else 0
