"""``cmkit demo``: the main job end to end. Releases every assignment, simulates a cohort of
learners (correct work, known mistakes, blanks, broken notebooks, late submissions), autogrades
it on every core in the sandbox, writes feedback, grades for the LMS and the cohort report, and
prints where they are."""

from cmkit.course import course
from cmkit.grading.demo import prepare
from cmkit.grading.feedback import write_all
from cmkit.grading.report import build_report, export_grades

from . import grade


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="release, grade and report a simulated cohort", description=__doc__
    )
    parser.add_argument("--learners", type=int, default=30, help="cohort size (default 30)")
    parser.add_argument("--workers", type=int, help="parallel workers (default: one per core)")
    parser.set_defaults(run=run)


def run(args) -> int:
    kit = course()
    learners, _ = prepare(kit, size=args.learners)
    print(f"released {len(kit.assignments())} assignment(s); cohort of {len(learners)} learners")
    runs = grade.grade_all(kit, None, workers=args.workers)
    for graded in runs:
        print("\n".join(grade.summary(graded)))
        scores = [r.score for r in graded.graded if r.max_score]
        if scores:
            print(f"  mean score {sum(scores) / len(scores):.1f} / {graded.graded[0].max_score:g}")
    feedback = write_all(kit.root)
    print(f"feedback: {len(feedback)} file(s) in {kit.root / 'grading' / 'feedback'}")
    grades = export_grades(kit)
    print(f"grades for the LMS: {grades.path}")
    report = build_report(kit)
    print(f"cohort report: {report.page}")
    return 0
