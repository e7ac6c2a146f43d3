#!/usr/bin/env python3
"""Set up the kit's environment on first use, then run one of its jobs.

    python3 scripts/kit.py demo     the main job: release, grade a simulated cohort, report
    python3 scripts/kit.py test     the whole test suite (extra arguments go to pytest)
    python3 scripts/kit.py lab      JupyterLab on the course, nbgrader's extensions enabled
    python3 scripts/kit.py setup    only create .venv and install

The first run creates .venv/ beside this folder and installs the pinned packages; later runs
reinstall only when pyproject.toml or requirements.lock changed. demo and test also need
bubblewrap, the sandbox grading runs learners' code in: installed from Debian's packages when
running as root, else the message says how. Standard library only, so it runs before anything
is installed (and on Windows as `py scripts\\kit.py ...`).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

MINIMUM = (3, 11)
ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".cmkit-installed"
JOBS = ("demo", "test", "lab", "setup")


def fail(message: str) -> None:
    print(f"kit: {message}", file=sys.stderr)
    raise SystemExit(1)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def check_python() -> None:
    if sys.version_info < MINIMUM:
        have = ".".join(map(str, sys.version_info[:3]))
        need = ".".join(map(str, MINIMUM))
        fail(
            f"Python {have} is too old; the kit needs Python {need} or newer. Install it "
            f"(python.org, your package manager, or conda: see README) and run this again "
            f"with that python."
        )
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError:
        fail(
            "this Python has no 'venv' module (or no 'ensurepip'); on Debian or Ubuntu run "
            f"'apt-get install python3-venv' (or python{sys.version_info[0]}."
            f"{sys.version_info[1]}-venv), then run this again."
        )


def wanted_stamp() -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "requirements.lock"):
        digest.update((ROOT / name).read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_environment() -> Path:
    check_python()
    python = venv_python()
    if not python.exists():
        import venv

        print(f"kit: creating {VENV.relative_to(ROOT)}/ ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except Exception as error:  # any failure here leaves no usable environment
            fail(f"could not create {VENV}: {error}; delete that folder and run this again.")
    stamp = wanted_stamp()
    if STAMP.exists() and STAMP.read_text() == stamp:
        return python
    print("kit: installing the pinned packages (about a minute the first time) ...", flush=True)
    install = [
        str(python),
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--quiet",
        "-c",
        str(ROOT / "requirements.lock"),
        "-e",
        f"{ROOT}[test]",
    ]
    if subprocess.call(install, cwd=ROOT) != 0:
        fail("installing the packages failed (see pip's message above); fix that and run again.")
    STAMP.write_text(stamp)
    return python


def ensure_sandbox() -> None:
    """Grading runs learners' code in bubblewrap; install Debian's package when we may."""
    import shutil

    if shutil.which("bwrap"):
        return
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        print("kit: installing bubblewrap, the sandbox grading runs learners' code in ...")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (
            ["apt-get", "update", "-qq"],
            ["apt-get", "install", "-y", "-qq", "bubblewrap"],
        ):
            if subprocess.call(command, env=env, stdout=subprocess.DEVNULL) != 0:
                break
        if shutil.which("bwrap"):
            return
    fail(
        "grading runs learners' code in a bubblewrap sandbox, and 'bwrap' is not installed; "
        "install it (Debian/Ubuntu: 'apt-get install bubblewrap') and run this again."
    )


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in JOBS:
        print(__doc__.strip())
        return 2
    job, rest = argv[0], argv[1:]
    python = ensure_environment()
    env = dict(os.environ)
    # nbgrader shells out to alembic, which lives next to the environment's python
    env["PATH"] = str(python.parent) + os.pathsep + env.get("PATH", "")
    if job == "setup":
        print(f"kit: ready; the environment is {VENV}")
        return 0
    if job in ("demo", "test") and sys.platform.startswith("linux"):
        ensure_sandbox()
    if job == "test":
        # both cores: each assignment's proof runs on one worker (xdist groups)
        parallel = [] if any(a.startswith("-n") for a in rest) else ["-n", "auto"]
        command = [str(python), "-m", "pytest", *parallel, "--dist", "loadgroup", *rest]
        return subprocess.call(command, cwd=ROOT, env=env)
    return subprocess.call([str(python), "-m", "cmkit", job, *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
