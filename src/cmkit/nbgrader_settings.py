"""The kit's nbgrader settings, shared by the course's ``nbgrader_config.py`` and by the
throwaway courses the tests and the grading tools build.

Folders map onto the kit's layout (source = ``solutions/``, release = ``exercises/``, the
working folders and the gradebook under ``grading/``), with safer defaults than nbgrader's.
"""

from __future__ import annotations

from pathlib import Path

COURSE_ID = "community-manager"

# Answer cells of the kit hold a `...` placeholder above the solution region (checks report it
# as "not attempted"), so the stub nbgrader leaves in place of the solution is only a pointer.
CODE_STUB = "# Replace the ... above with your answer, then run this cell."
TEXT_STUB = "*Write your answer here.*"

# What nbgrader may copy out of a submission: notebooks, and the timestamp.txt nbgrader
# itself writes on submit (without it lateness is lost). Everything else is ignored, so a
# `numpy.py` beside a notebook cannot shadow numpy while grading.
KEPT_NAMES = (".ipynb", "timestamp.txt")


def _globs_for_names_not_ending_with(suffixes: tuple[str, ...]) -> list[str]:
    """Globs that together match every name ending with none of ``suffixes`` (whose last
    characters differ): CourseDirectory.ignore takes globs, and globs cannot say "not".
    Names that are the tail of a suffix ("stamp.txt") slip through: none is a module."""
    globs = ["*[!" + "".join(sorted(s[-1] for s in suffixes)) + "]"]
    for suffix in suffixes:
        for k in range(2, len(suffix) + 1):
            globs.append(f"*[!{suffix[-k]}]{suffix[-k + 1 :]}")
    return globs


NOT_A_NOTEBOOK = _globs_for_names_not_ending_with(KEPT_NAMES)

# Warnings are written to stderr, and nbgrader fails any test cell with stderr output: a pandas
# FutureWarning would zero a correct answer. Only warning lines are dropped, not errors.
WARNING_PATTERN = r"(?m)^.*(Warning|warn\().*$"

CELL_TIMEOUT_SECONDS = 60
# nbgrader fails a whole notebook (nothing graded) when a cell's last outputs arrive more than
# nbclient's 4 s after its reply, which happens on a loaded machine: wait longer instead.
IOPUB_TIMEOUT_SECONDS = 30


def apply(c, root: Path | str) -> None:
    """Fill the nbgrader config object ``c`` for the course rooted at ``root``."""
    root = Path(root).resolve()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.source_directory = "solutions"
    c.CourseDirectory.release_directory = "exercises"
    c.CourseDirectory.submitted_directory = "grading/submitted"
    c.CourseDirectory.autograded_directory = "grading/autograded"
    c.CourseDirectory.feedback_directory = "grading/feedback"
    c.CourseDirectory.solution_directory = "grading/solution"
    c.CourseDirectory.source_with_tests_directory = "grading/source_with_tests"
    c.CourseDirectory.db_url = gradebook_url(root)
    c.CourseDirectory.ignore = [".ipynb_checkpoints", "__pycache__", *NOT_A_NOTEBOOK]

    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB

    # A deleted grade cell comes back on autograde instead of silently keeping an old score.
    c.OverwriteCells.add_missing_cells = True
    c.IgnorePattern.enabled = True
    c.IgnorePattern.pattern = WARNING_PATTERN
    c.Execute.timeout = CELL_TIMEOUT_SECONDS
    c.Execute.interrupt_on_timeout = True
    c.Execute.iopub_timeout = IOPUB_TIMEOUT_SECONDS
    c.Execute.kernel_name = "python3"
    c.LimitOutput.max_lines = 1000
    c.LimitOutput.max_traceback = 100


def gradebook_url(root: Path | str) -> str:
    """The gradebook's ``db_url`` for the course rooted at ``root``: the one ``apply`` sets."""
    return f"sqlite:///{Path(root).resolve() / 'grading' / 'gradebook.db'}"
