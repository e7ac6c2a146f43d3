"""What the cohort achieved, for instructors: the grades as a CSV file for an LMS, and the
cohort report, one self-contained HTML page with its PNG charts beside it.

**Grades CSV** (``export_grades``). Read from nbgrader's gradebook, which holds what graders
entered in the formgrader (manual grades of free-text answers override the autograder's scores
there). One row per student of the gradebook, sorted by student id; one column per assignment in
course order, holding the total score of that submission (empty when the student submitted
nothing, counted as 0 in the total); then ``total``, ``max_score`` (of every assignment in the
gradebook), ``percentage`` and ``needs_manual_grading`` ("yes" while a grader still has answers
to grade, with the assignments in ``manual_grading_in``). Scores have at most two decimals.

**Cohort report** (``build_report``). It reads the results files of ``grading/results/`` (the
shared format of ``cmkit.grading.results``: per-cell outcomes and messages, problems of broken
or missing submissions, lateness) and the gradebook (total scores including manual grades, and
what still needs manual grading). Sections:

1. the cohort in numbers;
2. the score distribution of each assignment (a histogram);
3. the pass rate of each question (a bar chart per assignment): a graded learner passes a
   question when every autograded test of it passed;
4. the most common failure messages of each question, grouped by their first line;
5. who needs manual grading (student × assignment);
6. late submissions;
7. submissions with a problem (broken, missing, or graded after a change the learner made to
   its test cells) with their problem line, and unreadable inputs.

An empty cohort gives a page that says so. A missing or unreadable file is a line in the report,
never a crash.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cmkit import nbgrader_settings
from cmkit.course import MODULES, Course
from cmkit.errors import KitError
from cmkit.grading import results

REPORT_FILE = "cohort-report.html"
GRADES_FILE = "grades.csv"
CHART_PREFIXES = ("scores-", "pass-rate-")
TOP_MESSAGES = 5
IDENTITY_COLUMNS = ("student_id", "last_name", "first_name", "email", "lms_user_id")
TOTAL_COLUMNS = ("total", "max_score", "percentage", "needs_manual_grading", "manual_grading_in")


# --- the gradebook ------------------------------------------------------------------------


@dataclass(frozen=True)
class SubmissionGrade:
    assignment: str
    student: str
    score: float
    max_score: float
    needs_manual_grade: bool
    late_seconds: float
    timestamp: str | None  # ISO 8601 (UTC), when nbgrader knows it


@dataclass
class StudentInfo:
    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    lms_user_id: str = ""


@dataclass
class GradebookSnapshot:
    """What the gradebook holds, as plain values (no database session outlives the read)."""

    assignments: dict[str, float] = field(default_factory=dict)  # name -> max score
    students: dict[str, StudentInfo] = field(default_factory=dict)
    submissions: dict[tuple[str, str], SubmissionGrade] = field(default_factory=dict)

    def ordered_assignments(self) -> list[str]:
        return order_assignments(self.assignments)

    def ordered_students(self) -> list[str]:
        return sorted(self.students, key=lambda s: (s.lower(), s))


def order_assignments(names) -> list[str]:
    """Assignment ids in course order; ids the course does not know come last, by name."""
    known = [m.id for m in MODULES]
    return sorted(set(names), key=lambda n: (known.index(n) if n in known else len(known), n))


def default_url(course: Course) -> str:
    """The gradebook the course's nbgrader_config.py names (SQLite unless overridden)."""
    from cmkit.grading.engine import db_url

    return db_url(course.root)


def gradebook_exists(db_url: str) -> bool:
    """False for a SQLite gradebook whose file is missing (opening it would create it)."""
    if db_url.startswith("sqlite:///"):
        return Path(db_url[len("sqlite:///") :]).is_file()
    return True


def read_gradebook(db_url: str) -> GradebookSnapshot:
    """Every assignment, student and submission score of the gradebook at ``db_url``."""
    if not gradebook_exists(db_url):
        raise KitError(
            f"gradebook {db_url}: no such database yet; autograde submissions first "
            "(`cmkit grade` or `nbgrader autograde`)"
        )
    from nbgrader.api import Gradebook  # heavy import, only when a gradebook is read

    snapshot = GradebookSnapshot()
    try:
        with Gradebook(db_url, course_id=nbgrader_settings.COURSE_ID) as gradebook:
            for assignment in gradebook.assignments:
                snapshot.assignments[assignment.name] = float(assignment.max_score or 0)
                for submission in gradebook.assignment_submissions(assignment.name):
                    key = (assignment.name, submission.student_id)
                    snapshot.submissions[key] = SubmissionGrade(
                        assignment=assignment.name,
                        student=submission.student_id,
                        score=float(submission.score or 0),
                        max_score=float(submission.max_score or 0),
                        needs_manual_grade=bool(submission.needs_manual_grade),
                        late_seconds=float(submission.total_seconds_late or 0),
                        timestamp=submission.timestamp.isoformat()
                        if submission.timestamp
                        else None,
                    )
            for student in gradebook.students:
                snapshot.students[student.id] = StudentInfo(
                    id=student.id,
                    first_name=student.first_name or "",
                    last_name=student.last_name or "",
                    email=student.email or "",
                    lms_user_id=student.lms_user_id or "",
                )
    except Exception as error:  # SQLAlchemy and nbgrader raise many types for a bad database
        raise KitError(
            f"gradebook {db_url}: not readable ({type(error).__name__}: {error}); check the "
            "file is an nbgrader gradebook and that no other program holds it locked"
        ) from None
    for _, student in snapshot.submissions:
        snapshot.students.setdefault(student, StudentInfo(student))
    return snapshot


# --- the grades CSV -----------------------------------------------------------------------


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def grade_rows(snapshot: GradebookSnapshot) -> tuple[list[str], list[list[str]]]:
    """The CSV's header and rows (strings), in a stable order."""
    assignments = snapshot.ordered_assignments()
    header = [*IDENTITY_COLUMNS, *assignments, *TOTAL_COLUMNS]
    possible = sum(snapshot.assignments[a] for a in assignments)
    rows = []
    for student_id in snapshot.ordered_students():
        info = snapshot.students[student_id]
        row = [info.id, info.last_name, info.first_name, info.email, info.lms_user_id]
        total = 0.0
        pending = []
        for assignment in assignments:
            grade = snapshot.submissions.get((assignment, student_id))
            if grade is None:
                row.append("")
                continue
            total += grade.score
            row.append(_number(grade.score))
            if grade.needs_manual_grade:
                pending.append(assignment)
        percentage = _number(100 * total / possible) if possible else ""
        row += [_number(total), _number(possible), percentage]
        row += ["yes" if pending else "no", ";".join(pending)]
        rows.append(row)
    return header, rows


@dataclass(frozen=True)
class GradesExport:
    path: Path
    students: int
    assignments: int
    pending_manual: int


def export_grades(
    course: Course, out: Path | None = None, db_url: str | None = None
) -> GradesExport:
    """Write the grades CSV (default ``grading/reports/grades.csv``) and say what it holds."""
    out = Path(out) if out else course.root / "grading" / "reports" / GRADES_FILE
    if out.is_dir():
        raise KitError(f"{out}: is a folder; give a file name for the CSV, e.g. grades.csv")
    snapshot = read_gradebook(db_url or default_url(course))
    header, rows = grade_rows(snapshot)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    _write_atomically(out, buffer.getvalue())
    pending = sum(1 for row in rows if row[-2] == "yes")
    return GradesExport(out, len(rows), len(snapshot.assignments), pending)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
    os.replace(temporary, path)


# --- the cohort -----------------------------------------------------------------------------


@dataclass
class Cohort:
    """Everything the report shows, read from the results files and the gradebook."""

    results: list[results.SubmissionResult] = field(default_factory=list)
    gradebook: GradebookSnapshot | None = None
    notes: list[str] = field(default_factory=list)  # inputs that could not be read
    ungraded: list[tuple[str, str]] = field(default_factory=list)  # (assignment, student)

    def _by_key(self) -> dict[tuple[str, str], results.SubmissionResult]:
        return {(r.assignment, r.student): r for r in self.results}

    def _submissions(self) -> dict[tuple[str, str], SubmissionGrade]:
        return self.gradebook.submissions if self.gradebook else {}

    @property
    def empty(self) -> bool:
        return not self.results and not self._submissions()

    def assignments(self) -> list[str]:
        names = {r.assignment for r in self.results} | {a for a, _ in self._submissions()}
        return order_assignments(names)

    def students(self) -> list[str]:
        names = {r.student for r in self.results} | {s for _, s in self._submissions()}
        return sorted(names, key=lambda s: (s.lower(), s))

    def scores(self, assignment: str) -> tuple[list[float], float]:
        """Total scores of the assignment's graded submissions (the gradebook's, which include
        manual grades, else the results file's), and the assignment's maximum."""
        by_key = self._by_key()
        submissions = self._submissions()
        scores = []
        maxima = []
        if self.gradebook and assignment in self.gradebook.assignments:
            maxima.append(self.gradebook.assignments[assignment])
        for student in self.students():
            result = by_key.get((assignment, student))
            if result is not None and result.status != results.GRADED:
                continue
            grade = submissions.get((assignment, student))
            if grade is not None:
                scores.append(grade.score)
            elif result is not None:
                scores.append(result.score)
                maxima.append(result.max_score)
        return scores, max(maxima, default=0.0)

    def graded_results(self, assignment: str) -> list[results.SubmissionResult]:
        return [
            r for r in self.results if r.assignment == assignment and r.status == results.GRADED
        ]

    def pass_rates(self, assignment: str) -> dict[str, tuple[int, int]]:
        """question -> (learners passing it, learners graded on it)."""
        counts: dict[str, list[int]] = {}
        for result in self.graded_results(assignment):
            outcome: dict[str, bool] = {}
            for cell in result.cells:
                if cell.kind != "autograded" or cell.passed is None:
                    continue
                question = question_of(cell.cell)
                outcome[question] = outcome.get(question, True) and bool(cell.passed)
            for question, passed in outcome.items():
                tally = counts.setdefault(question, [0, 0])
                tally[0] += int(passed)
                tally[1] += 1
        return {q: (counts[q][0], counts[q][1]) for q in sorted(counts, key=_question_order)}

    def failures(self, assignment: str) -> dict[str, list[tuple[str, int]]]:
        """question -> [(first line of a failure message, how many failed with it)], most
        common first."""
        counters: dict[str, Counter] = {}
        for result in self.graded_results(assignment):
            for cell in result.cells:
                if cell.kind != "autograded" or cell.passed is not False:
                    continue
                question = question_of(cell.cell)
                lines = (cell.message or "").strip().splitlines()
                first = lines[0].strip() if lines else "(no message)"
                counters.setdefault(question, Counter())[first] += 1
        return {
            question: sorted(counter.items(), key=lambda item: (-item[1], item[0]))
            for question, counter in sorted(counters.items(), key=lambda i: _question_order(i[0]))
        }

    def needs_manual_grading(self) -> list[tuple[str, str]]:
        """(assignment, student) still to grade by hand: the gradebook says (graders clear it
        in the formgrader); a results file counts only where the gradebook has no entry."""
        submissions = self._submissions()
        pending = {key for key, grade in submissions.items() if grade.needs_manual_grade}
        pending |= {
            (r.assignment, r.student)
            for r in self.results
            if r.needs_manual_grade and (r.assignment, r.student) not in submissions
        }
        return self._ordered(pending)

    def late(self) -> list[tuple[str, str, float]]:
        """(assignment, student, seconds late), from the results files, else the gradebook."""
        late: dict[tuple[str, str], float] = {}
        for key, grade in self._submissions().items():
            if grade.late_seconds > 0:
                late[key] = grade.late_seconds
        for result in self.results:
            key = (result.assignment, result.student)
            if result.late_seconds > 0:
                late[key] = result.late_seconds
            else:
                late.pop(key, None)
        return [(a, s, late[(a, s)]) for a, s in self._ordered(set(late))]

    def problems(self) -> list[results.SubmissionResult]:
        """Broken and missing submissions, and graded ones whose grading noted a problem
        (test cells the learner had renamed, graded as ordinary cells)."""
        bad = [r for r in self.results if r.status != results.GRADED or r.problem]
        keys = self._ordered({(r.assignment, r.student) for r in bad})
        by_key = {(r.assignment, r.student): r for r in bad}
        return [by_key[key] for key in keys]

    def _ordered(self, keys: set[tuple[str, str]]) -> list[tuple[str, str]]:
        order = {name: index for index, name in enumerate(order_assignments(k[0] for k in keys))}
        return sorted(keys, key=lambda k: (order[k[0]], k[1].lower(), k[1]))


def question_of(cell: str) -> str:
    """The question a test cell belongs to (``q2_1`` of ``q2_1_values``), else the cell id."""
    from cmkit.conventions import question_of as question  # imports nbformat: only here

    return question(cell) or cell


def _question_order(question: str) -> tuple:
    """q2_1 before q10_1: numbers compare as numbers."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in re.split(r"(\d+)", question))


def gather(course: Course, db_url: str | None = None) -> Cohort:
    """Read the results files and the gradebook; what cannot be read becomes a note."""
    cohort = Cohort()
    base = course.root / "grading" / "results"
    folders = sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            try:
                cohort.results.append(
                    results.SubmissionResult.from_json(path.read_text(encoding="utf-8"))
                )
            except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
                cohort.notes.append(
                    f"grading/results/{folder.name}/{path.name}: unreadable "
                    f"({type(error).__name__}); grade that submission again"
                )
    url = db_url or default_url(course)
    if gradebook_exists(url):
        try:
            cohort.gradebook = read_gradebook(url)
        except KitError as error:
            cohort.notes.append(str(error))
    else:
        cohort.notes.append(f"no gradebook at {url} yet: scores come from the results files")
    submitted = course.root / "grading" / "submitted"
    known = {(r.assignment, r.student) for r in cohort.results} | set(cohort._submissions())
    if submitted.is_dir():
        for folder in sorted(submitted.glob("*/*")):
            key = (folder.name, folder.parent.name)
            if folder.is_dir() and key not in known:
                cohort.ungraded.append(key)
    return cohort


@dataclass(frozen=True)
class ReportFiles:
    page: Path
    charts: list[Path]
    empty: bool


def build_report(course: Course, out: Path | None = None, db_url: str | None = None) -> ReportFiles:
    """Write the report page and its charts into ``out`` (default ``grading/reports/``)."""
    out = Path(out) if out else course.root / "grading" / "reports"
    if out.exists() and not out.is_dir():
        raise KitError(f"{out}: is a file; give a folder for the report with --out")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        if old.name.startswith(CHART_PREFIXES):
            old.unlink()
    cohort = gather(course, db_url)
    charts: list[Path] = []
    page = render(cohort, out, charts)
    path = out / REPORT_FILE
    _write_atomically(path, page)
    return ReportFiles(path, charts, cohort.empty)


# --- the page -----------------------------------------------------------------------------

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .6rem 0 1.2rem; }
th, td { border: 1px solid #ddd; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.n { text-align: right; }
img { max-width: 100%; } .caption { color: #555; font-size: .9rem; margin-top: 0; }
.empty { color: #555; font-style: italic; } .note { color: #8a4b00; }
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name)


def _table(header: list[str], rows: list[list], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{_e(v)}</td>' if i in numeric else f"<td>{_e(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _empty(text: str) -> str:
    return f'<p class="empty">{_e(text)}</p>'


def _figure(name: str, alt: str, caption: str) -> str:
    return (
        f'<figure><img src="{_e(name)}" alt="{_e(alt)}">'
        f'<figcaption class="caption">{_e(caption)}</figcaption></figure>'
    )


def duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return f"{seconds:.0f} s"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def render(cohort: Cohort, out: Path, charts: list[Path]) -> str:
    """The HTML page; charts are drawn into ``out`` and appended to ``charts``."""
    from cmkit.grading import charts as drawing  # matplotlib only when a report is drawn

    assignments = cohort.assignments()
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        "<title>Cohort report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Cohort report</h1>",
        f'<p class="caption">Made {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from grading/results/ '
        "and the nbgrader gradebook.</p>",
    ]

    parts.append('<section id="summary"><h2>1. The cohort in numbers</h2>')
    if cohort.empty:
        parts.append(
            _empty(
                "The cohort is empty: no graded submission in grading/results/ and none in the "
                "gradebook. Collect submissions (cmkit collect) and grade them first."
            )
        )
    else:
        graded = sum(1 for r in cohort.results if r.status == results.GRADED)
        rows = [
            ["learners", len(cohort.students())],
            ["assignments", len(assignments)],
            ["graded submissions (results files)", graded],
            ["submissions with a problem", len(cohort.problems())],
            ["submissions still needing manual grading", len(cohort.needs_manual_grading())],
            ["late submissions", len(cohort.late())],
        ]
        parts.append(_table(["", "count"], rows, numeric={1}))
    for note in cohort.notes:
        parts.append(f'<p class="note">{_e(note)}</p>')
    parts.append("</section>")

    parts.append('<section id="scores"><h2>2. Score distribution per assignment</h2>')
    drawn = 0
    for assignment in assignments:
        scores, max_score = cohort.scores(assignment)
        if not scores:
            continue
        name = f"scores-{_slug(assignment)}.png"
        charts.append(drawing.score_histogram(out / name, assignment, scores, max_score))
        drawn += 1
        parts.append(f"<h3>{_e(assignment)}</h3>")
        parts.append(
            _figure(
                name,
                f"Histogram of total scores for {assignment}",
                f"{len(scores)} graded learner(s). Look at the left tail: learners far below "
                "the median need a word before the next module.",
            )
        )
    if not drawn:
        parts.append(_empty("No graded submission yet, so no scores to show."))
    parts.append("</section>")

    parts.append('<section id="pass-rates"><h2>3. Pass rate per question</h2>')
    drawn = 0
    for assignment in assignments:
        tallies = cohort.pass_rates(assignment)
        if not tallies:
            continue
        rates = {q: passed / total for q, (passed, total) in tallies.items()}
        name = f"pass-rate-{_slug(assignment)}.png"
        charts.append(drawing.pass_rate_chart(out / name, assignment, rates))
        drawn += 1
        parts.append(f"<h3>{_e(assignment)}</h3>")
        parts.append(
            _figure(
                name,
                f"Share of learners passing each question of {assignment}",
                "Questions most learners fail point at a lesson section to teach again.",
            )
        )
        rows = [
            [q, passed, total, f"{100 * passed / total:.0f}%"]
            for q, (passed, total) in tallies.items()
        ]
        parts.append(_table(["question", "passed", "graded", "pass rate"], rows, {1, 2, 3}))
    if not drawn:
        parts.append(_empty("No per-question outcomes in the results files yet."))
    parts.append("</section>")

    parts.append('<section id="failures"><h2>4. Most common failure messages per question</h2>')
    shown = False
    for assignment in assignments:
        failures = cohort.failures(assignment)
        if not failures:
            continue
        shown = True
        parts.append(f"<h3>{_e(assignment)}</h3>")
        rows = []
        for question, messages in failures.items():
            for message, count in messages[:TOP_MESSAGES]:
                rows.append([question, count, message])
            if len(messages) > TOP_MESSAGES:
                rest = sum(count for _, count in messages[TOP_MESSAGES:])
                rows.append([question, rest, f"({len(messages) - TOP_MESSAGES} other messages)"])
        parts.append(_table(["question", "learners", "message (first line)"], rows, {1}))
    if not shown:
        parts.append(_empty("No failed test in the results files."))
    parts.append("</section>")

    parts.append('<section id="manual"><h2>5. Needs manual grading</h2>')
    pending = cohort.needs_manual_grading()
    if pending:
        parts.append(
            '<p class="caption">Grade these in the formgrader (make lab, then Formgrader) '
            "against the rubrics in grading/rubrics/.</p>"
        )
        parts.append(_table(["student", "assignment"], [[s, a] for a, s in pending]))
    else:
        parts.append(_empty("Nothing waits for manual grading."))
    parts.append("</section>")

    parts.append('<section id="late"><h2>6. Late submissions</h2>')
    late = cohort.late()
    if late:
        rows = [[s, a, duration(seconds)] for a, s, seconds in late]
        parts.append(_table(["student", "assignment", "late by"], rows))
    else:
        parts.append(_empty("No late submission."))
    parts.append("</section>")

    parts.append('<section id="problems"><h2>7. Submissions with a problem</h2>')
    problems = cohort.problems()
    if problems:
        rows = [
            [r.student, r.assignment, r.status, r.problem or "(no problem line)"] for r in problems
        ]
        parts.append(_table(["student", "assignment", "status", "problem"], rows))
    else:
        parts.append(_empty("No submission with a problem."))
    if cohort.ungraded:
        parts.append(
            "<p>Collected in grading/submitted/ but not graded yet (run <code>cmkit grade</code>):"
            "</p>"
        )
        parts.append(_table(["student", "assignment"], [[s, a] for a, s in cohort.ungraded]))
    parts.append("</section></body></html>\n")
    return "\n".join(parts)
