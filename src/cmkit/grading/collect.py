"""Bring learners' submissions into ``grading/submitted/<student>/<assignment>/``.

Two sources:

- **nbgrader's exchange** (JupyterHub): ``collect_exchange`` runs ``nbgrader collect --update``
  in the course folder, so a submission is replaced only by a newer one. It keeps nbgrader's
  ``timestamp.txt``, which the kit's "notebooks only" rule would otherwise drop (without it
  nbgrader cannot tell a late submission, and ``--update`` recopies every submission).
- **an LMS download zip**: ``collect_zip`` reads Moodle's "Download all submissions"
  (``Full Name_12345_assignsubmission_file_/notebook.ipynb``, or the same without the folder)
  and Canvas's "Download submissions" (``lastfirst_12345_67890_notebook.ipynb``, with
  ``lastfirst_LATE_12345_67890_...`` for a late one).

**Student ids from an LMS zip.** With a roster (``--roster``: a CSV with a ``student_id``
column and an ``lms_id`` and/or ``name`` column), a learner whose LMS id, or else whose
name, is in the roster gets that row's student id; a learner missing from the roster is
reported and skipped. Without a roster, the student id is the learner's name as the LMS wrote
it, sanitised into a login: accents removed, lower case, every run of other characters made one
``-`` (Moodle's "Ndèye Fatou Sène" → ``ndeye-fatou-sene``, Canvas's ``seneawa`` →
``seneawa``). The name is the default because it is the same for every assignment, whereas
Moodle's number is a per-assignment participant id. Canvas's number is the learner's user id, the
same across assignments: ``student_ids="lms-id"`` uses it instead. Two learners of one zip
with the same sanitised name are reported and skipped (add them to a roster).

For each learner: only ``.ipynb`` files are taken; a notebook the learner renamed
("00-getting-started (1).ipynb", "Copy of ...") gets the assignment's notebook name back; of two
notebooks for the same name the newest is kept (and that is reported); ``timestamp.txt`` is the
zip entry's time (its UTC time when the zip records one, else its local time), or now when the
zip has none. An existing submission is replaced only by a newer one (a resubmission); an
identical or older one leaves it unchanged. Every problem is one line in the report and never
stops the other learners.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import struct
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cmkit import nbgrader_runner
from cmkit.course import Course
from cmkit.errors import KitError

NEW = "new"
RESUBMITTED = "resubmitted"
UNCHANGED = "unchanged"

TIMESTAMP_FILE = "timestamp.txt"
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"  # nbgrader's own
MAX_NOTEBOOK_BYTES = 50_000_000

NAME_IDS = "name"
LMS_IDS = "lms-id"

MOODLE = re.compile(
    r"^(?:.*/)?(?P<name>[^/]+?)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z]+)_(?P<rest>.*)$"
)
CANVAS = re.compile(r"^(?P<name>[^_/]+)_(?:(?P<late>LATE)_)?(?P<id>\d+)_(?:\d+_)?(?P<file>.+)$")
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")

# What learners and platforms do to a notebook's name: "Copy of x", "x (1)", "x-Copy1",
# Canvas's "x-1" for a second upload.
RENAMES = (
    re.compile(r"^(copy of|copie de|kopie van|copia de)\s+"),
    re.compile(r"\s*\(\d+\)$"),
    re.compile(r"[-_ ]copy\d*$"),
    re.compile(r"-\d+$"),
)


@dataclass(frozen=True)
class Collected:
    student: str
    assignment: str
    outcome: str  # NEW, RESUBMITTED or UNCHANGED
    detail: str = ""  # where it came from, its time, what was renamed

    def line(self) -> str:
        return f"{self.outcome:<11} {self.student} / {self.assignment}" + (
            f"  ({self.detail})" if self.detail else ""
        )


@dataclass
class Report:
    collected: list[Collected] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    failed: bool = False  # the source itself could not be read: nothing was collected

    def count(self, outcome: str) -> int:
        return sum(1 for c in self.collected if c.outcome == outcome)

    def summary(self) -> str:
        return (
            f"{self.count(NEW)} new, {self.count(RESUBMITTED)} resubmitted, "
            f"{self.count(UNCHANGED)} unchanged, {len(self.problems)} problem(s)"
        )


@dataclass
class _Candidate:
    entry: str
    lms: str
    lms_id: str
    name: str
    filename: str
    time: datetime
    data: bytes
    late: bool = False


# --- names --------------------------------------------------------------------------------


def sanitise(name: str) -> str:
    """A learner's name as a login: ASCII, lower case, other characters as single dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _stem(filename: str) -> str:
    stem = filename[: -len(".ipynb")] if filename.lower().endswith(".ipynb") else filename
    stem = " ".join(stem.lower().split())
    changed = True
    while changed:
        changed = False
        for pattern in RENAMES:
            shorter = pattern.sub("", stem).strip()
            if shorter != stem and shorter:
                stem, changed = shorter, True
    return stem


def notebook_name(filename: str, expected: list[str]) -> str | None:
    """The assignment's notebook a learner's file stands for: its own name, the name it had
    before the learner or the platform renamed it, or the only notebook of the assignment."""
    if filename in expected:
        return filename
    stem = _stem(filename)
    for name in expected:
        if _stem(name) == stem:
            return name
    return expected[0] if len(expected) == 1 else None


def expected_notebooks(course: Course, assignment: str) -> list[str]:
    """The notebook names of an assignment, from its release (else its source)."""
    for folder in (course.exercises / assignment, course.solutions / assignment):
        names = sorted(p.name for p in folder.glob("*.ipynb"))
        if names:
            return names
    known = ", ".join(course.assignments()) or "none"
    raise KitError(
        f"assignment {assignment!r}: no notebook in exercises/ or solutions/; known: {known}"
    )


# --- rosters ------------------------------------------------------------------------------


@dataclass
class Roster:
    by_lms_id: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)

    def student(self, lms_id: str, name: str) -> str | None:
        return self.by_lms_id.get(lms_id) or self.by_name.get(sanitise(name))


def read_roster(path: Path) -> Roster:
    """A CSV with a ``student_id`` column and an ``lms_id`` and/or ``name`` column."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as stream:
            rows = list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise KitError(f"roster {path}: not readable ({error}); give a UTF-8 CSV file") from None
    columns = set(rows[0]) if rows else set()
    if "student_id" not in columns or not columns & {"lms_id", "name"}:
        raise KitError(
            f"roster {path}: needs a student_id column and an lms_id or name column; "
            "add a header line such as 'lms_id,name,student_id'"
        )
    roster = Roster()
    for number, row in enumerate(rows, start=2):
        student = (row.get("student_id") or "").strip()
        if not STUDENT_ID.match(student):
            raise KitError(
                f"roster {path}, line {number}: student id {student!r} is not a valid login; "
                "use letters, digits, '.', '_', '-' or '@'"
            )
        if (row.get("lms_id") or "").strip():
            roster.by_lms_id[row["lms_id"].strip()] = student
        if (row.get("name") or "").strip():
            roster.by_name[sanitise(row["name"])] = student
    return roster


# --- LMS zips -----------------------------------------------------------------------------


def collect_zip(
    course: Course,
    assignment: str,
    archive: Path,
    roster: Roster | None = None,
    student_ids: str = NAME_IDS,
    now: datetime | None = None,
) -> Report:
    """Collect the notebooks of an LMS download zip into ``grading/submitted/``."""
    expected = expected_notebooks(course, assignment)
    now = now or datetime.now(UTC)
    report = Report()
    try:
        candidates = _read_zip(Path(archive), now, report)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile) as error:
        report.problems.append(
            f"{archive}: not a readable zip ({error}); download it again from the LMS"
        )
        report.failed = True
        return report
    by_student = _assign_students(candidates, roster, student_ids, report)
    submitted = course.root / "grading" / "submitted"
    for student in sorted(by_student):
        files = _choose_notebooks(student, assignment, by_student[student], expected, report)
        if files:
            report.collected.append(_store(submitted, student, assignment, files))
    return report


def _read_zip(archive: Path, now: datetime, report: Report) -> list[_Candidate]:
    candidates = []
    with zipfile.ZipFile(archive) as bundle:
        for info in bundle.infolist():
            name = info.filename
            if info.is_dir():
                continue
            if not name.lower().endswith(".ipynb") or "/__MACOSX/" in f"/{name}":
                report.problems.append(
                    f"{name}: not a notebook; skipped (only .ipynb files are collected)"
                )
                continue
            parsed = _parse_entry(name)
            if parsed is None:
                report.problems.append(
                    f"{name}: not named like a Moodle or Canvas submission; skipped (collect "
                    "the platform's 'download all submissions' zip as it is)"
                )
                continue
            if info.file_size > MAX_NOTEBOOK_BYTES:
                report.problems.append(
                    f"{name}: {info.file_size // 1_000_000} MB, too large for a notebook; "
                    "skipped (ask the learner to clear its outputs and submit again)"
                )
                continue
            try:
                data = bundle.read(info)
            except (zipfile.BadZipFile, RuntimeError, OSError, ValueError) as error:
                report.problems.append(f"{name}: unreadable in the zip ({error}); skipped")
                continue
            lms, lms_id, learner, filename, late = parsed
            candidates.append(
                _Candidate(name, lms, lms_id, learner, filename, _entry_time(info, now), data, late)
            )
    return candidates


def _parse_entry(name: str) -> tuple[str, str, str, str, bool] | None:
    """(lms, lms id, learner's name, file name, late flag) of a zip entry, or None."""
    moodle = MOODLE.match(name)
    if moodle:
        filename = moodle.group("rest").split("/")[-1]
        return "moodle", moodle.group("id"), moodle.group("name"), filename, False
    canvas = CANVAS.match(name.split("/")[-1])
    if canvas:
        name_part = canvas.group("name")
        return "canvas", canvas.group("id"), name_part, canvas.group("file"), bool(canvas["late"])
    return None


def _entry_time(info: zipfile.ZipInfo, now: datetime) -> datetime:
    """The entry's UTC time: from its extended-timestamp field if any, else its DOS time read
    as local time; ``now`` when the zip recorded no time."""
    extra = info.extra
    while len(extra) >= 4:
        header, size = struct.unpack("<HH", extra[:4])
        body = extra[4 : 4 + size]
        if header == 0x5455 and len(body) >= 5 and body[0] & 1:
            return datetime.fromtimestamp(struct.unpack("<i", body[1:5])[0], UTC)
        extra = extra[4 + size :]
    if info.date_time[:3] <= (1980, 1, 1):
        return now
    return datetime(*info.date_time).astimezone(UTC)


def _assign_students(
    candidates: list[_Candidate], roster: Roster | None, student_ids: str, report: Report
) -> dict[str, list[_Candidate]]:
    by_student: dict[str, list[_Candidate]] = {}
    learners: dict[str, set[tuple[str, str]]] = {}
    for candidate in candidates:
        who = f"{candidate.name} ({candidate.lms} id {candidate.lms_id})"
        if roster is not None:
            student = roster.student(candidate.lms_id, candidate.name)
            if student is None:
                report.problems.append(
                    f"{candidate.entry}: {who} is not in the roster; skipped (add a row for "
                    "them and collect again)"
                )
                continue
        elif student_ids == LMS_IDS:
            student = candidate.lms_id
        else:
            student = sanitise(candidate.name) or candidate.lms_id
        by_student.setdefault(student, []).append(candidate)
        learners.setdefault(student, set()).add((candidate.lms_id, candidate.name))
    if roster is None and student_ids != LMS_IDS:
        for student, people in sorted(learners.items()):
            if len({lms_id for lms_id, _ in people}) > 1:
                names = ", ".join(f"{n} (id {i})" for i, n in sorted(people))
                report.problems.append(
                    f"{student}: {len(people)} learners share this name ({names}); skipped, "
                    "give them distinct student ids with --roster"
                )
                del by_student[student]
    return by_student


def _choose_notebooks(
    student: str,
    assignment: str,
    candidates: list[_Candidate],
    expected: list[str],
    report: Report,
) -> dict[str, _Candidate]:
    """The notebook to keep under each of the assignment's names (the newest when several)."""
    chosen: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        target = notebook_name(candidate.filename, expected)
        if target is None:
            report.problems.append(
                f"{candidate.entry}: {student}'s {candidate.filename!r} is none of the "
                f"notebooks of {assignment} ({', '.join(expected)}); skipped"
            )
            continue
        chosen.setdefault(target, []).append(candidate)
    kept = {}
    for target, options in sorted(chosen.items()):
        options.sort(key=lambda c: (c.time, c.entry))
        newest = options[-1]
        if len(options) > 1:
            others = ", ".join(repr(c.entry) for c in options[:-1])
            report.problems.append(
                f"{student} / {assignment}: {len(options)} notebooks for {target}; kept the "
                f"newest {newest.entry!r} ({_show(newest.time)}), ignored {others}"
            )
        try:
            import nbformat  # only when a zip is collected

            nbformat.reads(newest.data.decode("utf-8"), as_version=4)
        except Exception as error:  # nbformat raises several unrelated types for a bad file
            report.problems.append(
                f"{newest.entry}: not a readable notebook ({type(error).__name__}); collected "
                "anyway, grading will report it as broken"
            )
        kept[target] = newest
    return kept


def _store(
    submitted: Path, student: str, assignment: str, files: dict[str, _Candidate]
) -> Collected:
    folder = submitted / student / assignment
    time = max(c.time for c in files.values())
    notes = [f"{c.lms} {c.entry!r}" for c in files.values()]
    notes += [f"renamed {c.filename!r} to {t!r}" for t, c in files.items() if c.filename != t]
    notes += ["marked late by Canvas"] if any(c.late for c in files.values()) else []
    notes.append(f"submitted {_show(time)}")
    detail = "; ".join(notes)
    if folder.is_dir() and any(folder.glob("*.ipynb")):
        previous = existing_timestamp(folder)
        same = all(
            (folder / t).is_file() and (folder / t).read_bytes() == c.data for t, c in files.items()
        )
        if same or (previous is not None and time <= previous):
            why = "the same notebooks" if same else f"kept the newer one of {_show(previous)}"
            return Collected(student, assignment, UNCHANGED, f"{detail}; {why}")
        outcome = RESUBMITTED
    else:
        outcome = NEW
    contents = {name: c.data for name, c in files.items()}
    _replace_folder(folder, contents, time)
    return Collected(student, assignment, outcome, detail)


def existing_timestamp(folder: Path) -> datetime | None:
    """When the submission in ``folder`` was made: its timestamp.txt, else its files' time."""
    from nbgrader.utils import parse_utc  # nbgrader's own reading of timestamp.txt

    stamp = folder / TIMESTAMP_FILE
    if stamp.is_file():
        try:
            return parse_utc(stamp.read_text(encoding="utf-8").strip()).replace(tzinfo=UTC)
        except (ValueError, OverflowError, AttributeError):
            pass
    times = [p.stat().st_mtime for p in folder.glob("*.ipynb")]
    return datetime.fromtimestamp(max(times), UTC) if times else None


def _replace_folder(folder: Path, contents: dict[str, bytes], time: datetime) -> None:
    """Write the submission in a sibling folder, then swap it in: never half a submission."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    for name, data in contents.items():
        (staged / name).write_bytes(data)
    (staged / TIMESTAMP_FILE).write_text(time.strftime(TIMESTAMP_FORMAT) + "\n", encoding="utf-8")
    if folder.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}-replaced-", dir=folder.parent))
        os.replace(folder, old)  # onto an empty folder: allowed, and atomic
        os.replace(staged, folder)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staged, folder)


def _show(time: datetime) -> str:
    return time.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# --- nbgrader's exchange --------------------------------------------------------------------

EXCHANGE_LOG = re.compile(
    r"(?P<what>Collecting submission|Updating submission|No newer submission to collect): "
    r"(?P<student>\S+) (?P<assignment>\S+)\s*$"
)
OUTCOMES = {
    "Collecting submission": NEW,
    "Updating submission": RESUBMITTED,
    "No newer submission to collect": UNCHANGED,
}


def exchange_arguments(assignment: str, exchange_root: Path | None = None) -> list[str]:
    """``nbgrader collect`` as the kit runs it: newer submissions replace older ones, and
    only notebooks and nbgrader's timestamp.txt are taken."""
    arguments = [
        "collect",
        assignment,
        "--update",
        "--CourseDirectory.ignore=.ipynb_checkpoints",
        "--CourseDirectory.ignore=__pycache__",
        "--CourseDirectory.include=*.ipynb",
        f"--CourseDirectory.include={TIMESTAMP_FILE}",
    ]
    if exchange_root is not None:
        arguments.append(f"--Exchange.root={Path(exchange_root).resolve()}")
    return arguments


def collect_exchange(course: Course, assignment: str, exchange_root: Path | None = None) -> Report:
    """Run ``nbgrader collect`` for ``assignment`` and say what it brought in."""
    expected = expected_notebooks(course, assignment)
    log = nbgrader_runner.run(exchange_arguments(assignment, exchange_root), course.root)
    report = Report()
    submitted = course.root / "grading" / "submitted"
    for line in log.splitlines():
        match = EXCHANGE_LOG.search(line)
        if not match or match["assignment"] != assignment:
            continue
        student, outcome = match["student"], OUTCOMES[match["what"]]
        folder = submitted / student / assignment
        notes = []
        if outcome != UNCHANGED:
            notes = _tidy_exchange_folder(folder, student, assignment, expected, report)
        time = existing_timestamp(folder) if folder.is_dir() else None
        if time is not None:
            notes.append(f"submitted {_show(time)}")
        report.collected.append(Collected(student, assignment, outcome, "; ".join(notes)))
    report.collected.sort(key=lambda c: c.student)
    return report


def _tidy_exchange_folder(
    folder: Path, student: str, assignment: str, expected: list[str], report: Report
) -> list[str]:
    """Give renamed notebooks their names back; report what is still missing."""
    notes = []
    found = sorted(p.name for p in folder.glob("*.ipynb"))
    for filename in found:
        if filename in expected:
            continue
        target = notebook_name(filename, expected)
        if target is None or (folder / target).exists():
            report.problems.append(
                f"{student} / {assignment}: {filename!r} is none of the assignment's notebooks "
                f"({', '.join(expected)}); left as it is"
            )
            continue
        os.replace(folder / filename, folder / target)
        notes.append(f"renamed {filename!r} to {target!r}")
    missing = [name for name in expected if not (folder / name).is_file()]
    if missing:
        report.problems.append(
            f"{student} / {assignment}: no {', '.join(missing)} in the submission; it will "
            "grade as missing"
        )
    if not (folder / TIMESTAMP_FILE).is_file():
        report.problems.append(
            f"{student} / {assignment}: no {TIMESTAMP_FILE}; lateness cannot be known"
        )
    return notes
