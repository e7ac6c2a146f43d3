"""Run real ``nbgrader`` commands on a course folder, and build throwaway course folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from cmkit.errors import KitError

CONFIG_TEMPLATE = '''"""nbgrader configuration of a course folder built by the kit."""

from cmkit import nbgrader_settings

nbgrader_settings.apply(get_config(), {root!r})  # noqa: F821
'''


def environment() -> dict[str, str]:
    """The environment for nbgrader: it shells out to ``alembic``, found next to Python."""
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env.pop("JPY_PARENT_PID", None)
    return env


def run(
    args: list[str], course_root: Path, timeout: float | None = None, check: bool = True
) -> str:
    """Run ``nbgrader ARGS`` in ``course_root``; its log, or ``KitError`` if it failed and
    ``check`` (nbgrader exits 1 when one submission of a batch failed, having graded the rest)."""
    command = [sys.executable, "-m", "nbgrader", *args]
    try:
        done = subprocess.run(
            command,
            cwd=course_root,
            env=environment(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise KitError(
            f"nbgrader {' '.join(args)}: still running after {timeout:.0f} s; "
            "look for a notebook that never finishes"
        ) from None
    log = done.stdout + done.stderr
    if done.returncode != 0 and check:
        tail = "\n".join(log.strip().splitlines()[-15:])
        raise KitError(
            f"nbgrader {' '.join(args)}: failed with exit code {done.returncode}; "
            f"its last lines were:\n{tail}"
        )
    return log


def make_course(root: Path, source: Path, assignments: list[str]) -> Path:
    """A fresh course folder at ``root`` holding copies of ``assignments`` from ``source``."""
    (root / "grading").mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(CONFIG_TEMPLATE.format(root=str(root)))
    for assignment in assignments:
        destination = root / "solutions" / assignment
        if destination.exists():
            shutil.rmtree(destination)
        shutil.copytree(
            source / "solutions" / assignment,
            destination,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        )
        fixtures = source / "grading" / "fixtures" / f"{assignment}.toml"
        if fixtures.is_file():
            (root / "grading" / "fixtures").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fixtures, root / "grading" / "fixtures" / fixtures.name)
    return root
