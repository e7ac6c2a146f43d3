"""nbgrader configuration of the course: run plain `nbgrader` commands from this folder.

The settings live in the kit's package (cmkit.nbgrader_settings) so that the tests and the
grading tools build throwaway courses with exactly the same rules.
"""

from pathlib import Path

from cmkit import nbgrader_settings

c = get_config()  # noqa: F821  (provided by nbgrader when it reads this file)
nbgrader_settings.apply(c, Path(__file__).resolve().parent)
