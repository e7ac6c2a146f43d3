"""Autograde a whole cohort with nbgrader's own preprocessors, on every core, without losing
anything.

nbgrader's ``autograde`` runs one submission after another and writes the gradebook as it goes,
so it cannot run in parallel (jupyter/nbgrader#174). Here the same work is split in two:

- **workers** (one process per core) do what takes time: nbgrader's sanitize preprocessors
  (``ClearOutput``, ``DeduplicateIds``, ``OverwriteKernelspec``, ``OverwriteCells``,
  ``CheckCellMetadata``) then execution (``Execute``, ``IgnorePattern``, ``LimitOutput``), and
  write the autograded notebooks. They only *read* the gradebook, from a snapshot.
- **the parent** records each finished submission, one at a time, with nbgrader's
  ``SaveAutoGrades`` and ``AssignLatePenalties`` against the real gradebook (SQLite or
  PostgreSQL), then writes the submission's result file.

Each submission is fingerprinted (its notebooks, its timestamp, the assignment's source): a
submission whose result carries the same fingerprint is not graded again, so running twice
changes nothing, an interrupted run finishes the rest, and a resubmission regrades that learner
only. A notebook that cannot be read or executed is reported as broken with a one-line problem,
never silently scored.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    Execute,
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)
from traitlets.config import Config

from cmkit import nbgrader_settings, notebooks
from cmkit.errors import KitError
from cmkit.grading import results, sandbox, trusted, warm
from cmkit.grading.results import BROKEN, GRADED, MISSING, CellResult, SubmissionResult

# sockaddr_un holds 108 bytes on Linux, the terminating NUL included.
MAX_SOCKET_PATH = 100

# A whole notebook's limit; each cell also has nbgrader's own (Execute.timeout).
NOTEBOOK_TIMEOUT_SECONDS = 600

SANITIZE = (ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata)
EXECUTE = (Execute, IgnorePattern, LimitOutput)
SAVE = (SaveAutoGrades, AssignLatePenalties, CheckCellMetadata)


@dataclass(frozen=True)
class Job:
    """One learner's submission of one assignment."""

    assignment: str
    student: str
    folder: Path  # grading/submitted/<student>/<assignment>
    notebooks: tuple[str, ...]  # notebook names the assignment expects
    fingerprint: str
    timestamp: str | None


@dataclass
class Executed:
    """What a worker reports back for one job."""

    job: Job
    done: dict[str, Path] = field(default_factory=dict)  # notebook -> autograded file
    missing: list[str] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)  # notebook -> one-line problem
    notes: dict[str, str] = field(default_factory=dict)  # notebook -> what was changed, graded
    seconds: float = 0.0


@dataclass(frozen=True)
class Setup:
    """Everything a worker needs, picklable."""

    course_root: Path
    read_db_url: str  # a snapshot of the gradebook (SQLite) or the server itself
    config: Config
    warm: bool = True  # fork kernels from a warm zygote (cmkit.grading.warm)
    plans: dict[str, trusted.NotebookPlan] | None = None  # None: tests run in the kernel
    sandboxed: bool = True  # kernels run in bubblewrap (cmkit.grading.sandbox)
    notebook_timeout: float = NOTEBOOK_TIMEOUT_SECONDS


def course_config(course_root: Path) -> Config:
    """The course's nbgrader configuration, as ``nbgrader`` itself would read it (so an
    instructor's overrides in nbgrader_config.py, such as a PostgreSQL ``db_url``, apply)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    nbgrader_settings.apply(config, course_root)
    if (course_root / "nbgrader_config.py").is_file():
        config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(course_root)).load_config())
    return config


def db_url(course_root: Path, config: Config | None = None) -> str:
    config = config or course_config(course_root)
    return config.CourseDirectory.db_url


def _hash_files(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def expected_notebooks(gradebook_url: str, assignment: str) -> tuple[str, ...]:
    with Gradebook(gradebook_url) as gradebook:
        try:
            found = gradebook.find_assignment(assignment)
        except MissingEntry:
            raise KitError(
                f"assignment {assignment!r}: not in the gradebook; run `cmkit release "
                f"{assignment}` first"
            ) from None
        return tuple(sorted(notebook.name for notebook in found.notebooks))


def plan(course_root: Path, assignment: str, gradebook_url: str) -> list[Job]:
    """A job for every learner who has a folder for ``assignment`` in grading/submitted."""
    submitted = course_root / "grading" / "submitted"
    source = _hash_files((course_root / "solutions" / assignment).glob("*.ipynb"))
    names = expected_notebooks(gradebook_url, assignment)
    jobs = []
    for folder in sorted(submitted.glob(f"*/{assignment}")):
        if not folder.is_dir():
            continue
        stamp = folder / "timestamp.txt"
        timestamp = stamp.read_text().strip() if stamp.is_file() else None
        files = [folder / f"{name}.ipynb" for name in names] + [stamp]
        fingerprint = hashlib.sha256((source + _hash_files(files)).encode()).hexdigest()
        jobs.append(Job(assignment, folder.parent.name, folder, names, fingerprint, timestamp))
    return jobs


def is_up_to_date(course_root: Path, job: Job) -> bool:
    previous = results.read(course_root, job.assignment, job.student)
    return previous is not None and previous.fingerprint == job.fingerprint


# --- worker side --------------------------------------------------------------------------


def _resources(setup: Setup, job: Job, notebook: str, path: Path) -> dict:
    return {
        "unique_key": notebook,
        "output_files_dir": f"{notebook}_files",
        "metadata": {"path": str(path)},
        "nbgrader": {
            "student": job.student,
            "assignment": job.assignment,
            "notebook": notebook,
            "db_url": setup.read_db_url,
        },
    }


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:300]}" if text else type(error).__name__


def execute_job(setup: Setup, job: Job) -> Executed:
    """Sanitize and execute one submission's notebooks; write them to grading/autograded."""
    started = time.monotonic()
    outcome = Executed(job)
    destination = setup.course_root / "grading" / "autograded" / job.student / job.assignment
    partial = setup.course_root / "grading" / ".partial"
    partial.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{job.student}-{job.assignment}-", dir=partial))
    try:
        for name in job.notebooks:
            source = job.folder / f"{name}.ipynb"
            if not source.is_file():
                outcome.missing.append(name)
                continue
            try:
                nb = nbformat.read(str(source), as_version=4)
            except Exception as error:  # any unreadable file is the learner's to fix
                outcome.broken[name] = (
                    f"{name}.ipynb is not a readable notebook ({_one_line(error)})"
                )
                continue
            # the kernel's folder, short-named under the worker's scratch folder (inside the
            # sandbox when there is one): its files are not kept
            run_dir = Path(tempfile.mkdtemp(prefix="n", dir=_run_root(work)))
            resources = _resources(setup, job, name, run_dir)
            plan = (setup.plans or {}).get(name)
            judging = None
            try:
                unknown = _forget_unknown_cells(nb, _known_cells(setup.read_db_url, job, name))
                if unknown:
                    outcome.notes[name] = (
                        f"{name}.ipynb had cells with ids the assignment does not have "
                        f"({', '.join(unknown)}): graded as ordinary cells, its own tests put back"
                    )
                for step in SANITIZE:
                    nb, resources = _make(step, setup)(nb, resources)
                judging = trusted.prepare(nb, plan, run_dir) if plan else None
                with _time_limit(setup.notebook_timeout):
                    for step in EXECUTE:
                        nb, resources = _make(step, setup, run_dir)(nb, resources)
                if judging:
                    trusted.judge(nb, plan, judging, run_dir)
            except Exception as error:  # a dead kernel, a corrupt cell: report, do not score
                outcome.broken[name] = f"{name}.ipynb could not be graded ({_one_line(error)})"
                continue
            finally:
                if judging:
                    judging.close()
                if setup.warm:  # whatever the notebook left running
                    warm.start_zygote(_SCRATCH if setup.sandboxed else None).cleanup()
                shutil.rmtree(run_dir, ignore_errors=True)
            nbformat.write(nb, str(work / f"{name}.ipynb"))
            outcome.done[name] = destination / f"{name}.ipynb"
        # replace the learner's autograded folder in one step, so no half-written one remains
        if destination.exists():
            shutil.rmtree(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(work, destination)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    outcome.seconds = time.monotonic() - started
    return outcome


_KNOWN: dict[tuple[str, str, str], frozenset[str]] = {}
NBGRADER_FLAGS = ("grade", "solution", "locked", "task")  # what makes a cell nbgrader's


def _known_cells(db_url: str, job: Job, notebook: str) -> frozenset[str]:
    """The ids of the notebook's nbgrader cells in the gradebook (read once per worker)."""
    key = (db_url, job.assignment, notebook)
    if key not in _KNOWN:
        with Gradebook(db_url) as gradebook:
            source = gradebook.find_notebook(notebook, job.assignment)
            _KNOWN[key] = frozenset(cell.name for cell in source.source_cells)
    return _KNOWN[key]


def _forget_unknown_cells(nb, known: frozenset[str]) -> list[str]:
    """Make ordinary cells of those whose grade id the gradebook does not know; their ids.

    nbgrader's OverwriteCells drops an unknown id but leaves the cell marked as a test, then
    fails on it (KeyError 'grade_id') and the notebook is lost. A learner who renames a test
    cell gets the real one back instead, added by OverwriteCells like a deleted test."""
    unknown = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader")
        if not isinstance(meta, dict) or meta.get("grade_id") in known:
            continue
        if meta.get("grade_id") is not None or any(meta.get(flag) for flag in NBGRADER_FLAGS):
            unknown.append(str(meta.get("grade_id"))[:60])
            del cell.metadata["nbgrader"]
    return unknown


def _make(step, setup: Setup, run_dir: Path | None = None):
    if step is Execute and setup.warm:
        # the same execution, with kernels forked from the worker's warm zygote; grading
        # discards the kernel afterwards, so it is stopped at once rather than politely.
        # Kernel and grader talk over Unix sockets in the run folder (no network in a sandbox).
        config = Config(setup.config)
        config.KernelManager.transport = "ipc"
        socket_base = str(run_dir / "k")
        # Unix socket paths longer than the system's limit are cut short without an error,
        # and two kernels could then share a socket: refuse rather than mix learners' kernels
        if len(socket_base) + 2 > MAX_SOCKET_PATH:
            raise KitError(
                f"grading: kernel socket path {socket_base} is too long; set TMPDIR to a "
                "shorter folder"
            )
        config.KernelManager.ip = socket_base
        config.KernelManager.connection_file = str(run_dir / ".kernel.json")
        return Execute(
            config=config,
            kernel_manager_class=warm.WarmKernelManager,
            shutdown_kernel="immediate",
        )
    return step(config=setup.config)


class NotebookTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float):
    """Stop a notebook that runs longer than ``seconds`` in all (cells have their own limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise NotebookTimeout(f"it ran longer than the {seconds:.0f} s allowed for a notebook")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_SCRATCH: Path | None = None  # this worker's sandbox folder, where kernels' run folders live


def _run_root(work: Path) -> Path:
    return _SCRATCH if _SCRATCH is not None and _SCRATCH.is_dir() else work


def _start_worker(
    use_warm: bool, scratch_root: str, sandboxed: bool, grader: int | None = None
) -> None:
    """Per worker: its own folder for kernels' run folders (inside the run's scratch folder,
    which the parent removes at the end; the sandbox when there is one) and its zygote.

    A pool worker dies with its ``grader`` (Ctrl-C, a killed process): left running, it would
    write autograded folders that the resumed run writes too, and keep its sandbox."""
    global _SCRATCH
    if grader is not None:
        warm.die_with(grader)
    _SCRATCH = Path(tempfile.mkdtemp(prefix="w", dir=scratch_root))
    _SCRATCH.chmod(0o711)  # a kernel's own user passes through to its run folder, sees no other
    if use_warm:
        warm.start_zygote(_SCRATCH if sandboxed else None)  # before any event loop exists
        if grader is not None:
            from multiprocessing import util

            # a pool worker stops its zygote as it exits, once its kernels' processes are gone
            util.Finalize(None, warm.stop_zygote, exitpriority=10)


# --- parent side --------------------------------------------------------------------------


def _timestamp(value: str | None):
    if not value:
        return None
    from nbgrader.utils import parse_utc

    try:
        return parse_utc(value)
    except Exception:
        return None


def record(course_root: Path, gradebook_url: str, config: Config, executed: Executed):
    """Write one executed submission into the gradebook and its result file."""
    job = executed.job
    with Gradebook(gradebook_url) as gradebook:
        gradebook.update_or_create_student(job.student)
        submission = gradebook.update_or_create_submission(
            job.assignment, job.student, timestamp=_timestamp(job.timestamp)
        )
        late = float(submission.total_seconds_late or 0)
    for name, path in executed.done.items():
        nb = nbformat.read(str(path), as_version=4)
        resources = {
            "nbgrader": {
                "student": job.student,
                "assignment": job.assignment,
                "notebook": name,
                "db_url": gradebook_url,
            }
        }
        for step in SAVE:
            nb, resources = step(config=config)(nb, resources)
    with Gradebook(gradebook_url) as gradebook:
        for name in [*executed.missing, *executed.broken]:
            submission_nb = gradebook.find_submission_notebook(name, job.assignment, job.student)
            for grade in submission_nb.grades:
                grade.auto_score = 0
                # nbgrader zeroes a missing notebook; a broken one also needs a human look
                grade.needs_manual_grade = name in executed.broken
            gradebook.db.commit()
    result = summarise(course_root, gradebook_url, executed, late)
    results.write(course_root, result)
    return result


def _messages(path: Path) -> dict[str, str]:
    """The failure message of each failed test cell of an autograded notebook."""
    messages = {}
    if not path.is_file():
        return messages
    for cell in nbformat.read(str(path), as_version=4).cells:
        cell_id = notebooks.grade_id(cell)
        if cell.cell_type != "code" or not cell_id:
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                messages[cell_id] = f"{output.ename}: {output.evalue}".strip()
                break
            if output.output_type == "stream" and output.name == "stderr":
                messages.setdefault(cell_id, "wrote to stderr: " + output.text.strip()[:300])
    return messages


def summarise(
    course_root: Path, gradebook_url: str, executed: Executed, late: float
) -> SubmissionResult:
    job = executed.job
    problems = [f"{name}: {problem}" for name, problem in executed.broken.items()]
    problems += [f"{name}: {note}" for name, note in executed.notes.items()]
    problems += [
        f"no {name}.ipynb in the submission; found "
        + (", ".join(sorted(p.name for p in job.folder.glob("*.ipynb"))) or "no notebook")
        for name in executed.missing
    ]
    if executed.broken:
        status = BROKEN
    elif executed.missing and not executed.done:
        status = MISSING
    else:
        status = GRADED
    result = SubmissionResult(
        assignment=job.assignment,
        student=job.student,
        status=status,
        submitted_at=job.timestamp,
        late_seconds=late,
        problem="; ".join(problems),
        fingerprint=job.fingerprint,
    )
    with Gradebook(gradebook_url) as gradebook:
        submission = gradebook.find_submission(job.assignment, job.student)
        result.score = float(submission.score or 0)
        result.max_score = float(submission.max_score or 0)
        result.needs_manual_grade = bool(submission.needs_manual_grade)
        for notebook in submission.notebooks:
            messages = _messages(executed.done.get(notebook.name, Path("/nonexistent")))
            for grade in notebook.grades:
                manual = grade.auto_score is None or notebook.name in executed.broken
                passed = None if manual else float(grade.score or 0) >= float(grade.max_score)
                result.cells.append(
                    CellResult(
                        notebook=notebook.name,
                        cell=grade.name,
                        kind="manual" if grade.auto_score is None else "autograded",
                        score=float(grade.score or 0),
                        max_score=float(grade.max_score or 0),
                        passed=passed,
                        message="" if passed else messages.get(grade.name, ""),
                    )
                )
    result.cells.sort(key=lambda cell: (cell.notebook, cell.cell))
    return result


def _snapshot(gradebook_url: str, folder: Path) -> str:
    """A read-only copy of a SQLite gradebook for the workers (a server is read directly)."""
    prefix = "sqlite:///"
    if not gradebook_url.startswith(prefix):
        return gradebook_url
    source = Path(gradebook_url[len(prefix) :])
    copy = folder / "gradebook-snapshot.db"
    shutil.copyfile(source, copy)
    return prefix + str(copy)


def plan_assignment(course_root: Path, assignment: str, jobs) -> dict[str, trusted.NotebookPlan]:
    """The trusted plan of each notebook of the assignment, from the instructor's source."""
    if not jobs:
        return {}
    plans = {}
    for name in jobs[0].notebooks:
        source = course_root / "solutions" / assignment / f"{name}.ipynb"
        if source.is_file():
            plans[name] = trusted.plan_notebook(notebooks.read(source))
    return plans


@dataclass
class CohortRun:
    assignment: str
    graded: list[SubmissionResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # up to date, not graded again
    seconds: float = 0.0  # the whole run's wall time (its assignments share one pool)


def grade(course_root: Path, assignment: str, **options) -> CohortRun:
    """Autograde every submission of ``assignment`` that is new or changed since it was graded
    (the options are ``grade_many``'s)."""
    return grade_many(course_root, [assignment], **options)[0]


def grade_many(
    course_root: Path,
    assignments: list[str],
    *,
    workers: int | None = None,
    students: list[str] | None = None,
    force: bool = False,
    use_warm: bool = True,
    in_kernel: bool = False,
    sandboxed: bool = True,
    on_done: Callable[[SubmissionResult], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> list[CohortRun]:
    """Autograde the new or changed submissions of several assignments, one run per assignment.

    One pool of workers serves every assignment: each worker starts its sandbox and warm
    zygote (seconds of imports and dataset loading) once for the whole run, and no core waits
    for an assignment's last submission before the next assignment starts.
    """
    started = time.monotonic()
    config = course_config(course_root)
    gradebook_url = db_url(course_root, config)
    every_job = {
        assignment: plan(course_root, assignment, gradebook_url) for assignment in assignments
    }
    if students:
        submitted = {job.student for jobs in every_job.values() for job in jobs}
        unknown = sorted(set(students) - submitted)
        if unknown:
            raise KitError(
                f"student(s) {', '.join(unknown)}: no submission of {', '.join(assignments)} in "
                "grading/submitted; collect their work first"
            )
        every_job = {
            assignment: [job for job in jobs if job.student in students]
            for assignment, jobs in every_job.items()
        }
    runs = {assignment: CohortRun(assignment) for assignment in assignments}
    todo = []
    for assignment, jobs in every_job.items():
        for job in jobs:
            if not force and is_up_to_date(course_root, job):
                runs[assignment].skipped.append(job.student)
            else:
                todo.append(job)
    if on_plan:
        on_plan(len(todo))
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    (course_root / "grading" / "autograded").mkdir(parents=True, exist_ok=True)
    if sandboxed and not use_warm:
        raise KitError("grading: the sandbox runs warm kernels; drop the cold-kernel option")
    with tempfile.TemporaryDirectory(prefix="cmkit-grade-") as scratch:
        if sandboxed and todo:
            sandbox.check_available(Path(scratch))
        snapshot = _snapshot(gradebook_url, Path(scratch))

        def setup_of(assignment: str) -> Setup:
            jobs = every_job[assignment]
            plans = None if in_kernel else plan_assignment(course_root, assignment, jobs)
            return Setup(course_root, snapshot, config, use_warm, plans, sandboxed)

        # each assignment's tests are planned (seconds of instructor code) just before its
        # submissions are handed out, while the workers start and grade the one before
        assignments_todo = list(dict.fromkeys(job.assignment for job in todo))

        def keep(executed: Executed) -> None:
            result = record(course_root, gradebook_url, config, executed)
            runs[result.assignment].graded.append(result)
            if on_done:
                on_done(result)

        if workers == 1:
            _start_worker(use_warm, scratch, sandboxed)
            try:
                for assignment in assignments_todo:
                    setup = setup_of(assignment)
                    for job in todo:
                        if job.assignment == assignment:
                            keep(execute_job(setup, job))
            finally:
                warm.stop_zygote()  # this process lives on: its sandbox must not
        else:
            pool = ProcessPoolExecutor(
                max_workers=workers,
                initializer=_start_worker,
                initargs=(use_warm, scratch, sandboxed, os.getpid()),
            )
            with pool:
                pool.submit(int)  # starts the workers: their zygotes warm up during planning
                futures = []
                try:
                    for assignment in assignments_todo:
                        setup = setup_of(assignment)
                        futures += [
                            pool.submit(execute_job, setup, job)
                            for job in todo
                            if job.assignment == assignment
                        ]
                    for future in as_completed(futures):
                        keep(future.result())
                except BaseException:
                    for future in futures:
                        future.cancel()
                    raise
    elapsed = time.monotonic() - started
    for run in runs.values():
        run.graded.sort(key=lambda result: result.student)
        run.seconds = elapsed
    return list(runs.values())
