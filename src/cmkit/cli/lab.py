"""``cmkit lab``: open JupyterLab on the course, with nbgrader's extensions (Validate,
Assignment List, Formgrader) served from the course folder."""

import os
import subprocess
import sys
from pathlib import Path

from cmkit import nbgrader_runner
from cmkit.course import course


def register(subparsers) -> None:
    parser = subparsers.add_parser("lab", help="open JupyterLab on the course", description=__doc__)
    parser.add_argument("--port", type=int, default=8888, help="port on localhost (default 8888)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.set_defaults(run=run)


def command(root: Path, port: int, browser: bool) -> list[str]:
    return [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--LabApp.default_url=/lab/tree/course",
        *([] if browser else ["--no-browser"]),
        # JupyterLab refuses to start as root (containers, course servers) unless told
        *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
    ]


def run(args) -> int:
    root = course().root
    # nbgrader's extensions read nbgrader_config.py from the folder the server starts in
    return subprocess.call(
        command(root, args.port, not args.no_browser), cwd=root, env=nbgrader_runner.environment()
    )
