"""Browser end-to-end tests (issue #11): Playwright drives Debian's Chromium against a real
JupyterLab, started by the tests on loopback, on a throwaway course with a small graded cohort.

Needs the ``playwright`` package (in the ``test`` extra) and Chromium at ``/usr/bin/chromium``
(Debian's ``chromium``; ``CMKIT_E2E_CHROMIUM`` points elsewhere). ``playwright install`` is never
used. Without them the tests are skipped with the reason, except when ``CI`` is set: then they
fail, so that CI cannot pass without having run them.

Artefacts go to ``test-artifacts/e2e/<test name>/``: a screenshot of each key step, and on failure
a screenshot of the page, the browser console and the JupyterLab server log.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from cmkit import nbgrader_runner
from cmkit.cli import lab as lab_command
from cmkit.course import Course
from cmkit.grading import cohort, engine
from cmkit.grading.engine import CohortRun

from ..conftest import ROOT

CHROMIUM = Path(os.environ.get("CMKIT_E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
ASSIGNMENT = "00-getting-started"
COHORT_SIZE = 4
TIMEOUT_MS = 60_000  # one click, one page, one cell on a busy 2-core machine
SERVER_START_SECONDS = 120
VIEWPORT = {"width": 1400, "height": 900}
# Settings of the fresh JupyterLab profile: no "get notified about Jupyter news?" toast (it
# covers the lower right corner), no update check (it would reach the internet).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

_REPORTS = pytest.StashKey[dict]()


# --- what the tests need ------------------------------------------------------------------


def missing_requirements() -> list[str]:
    """What is missing to run the browser tests, as sentences."""
    problems = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append(
            "the `playwright` Python package is not installed "
            "(pip install -e '.[test]' installs the pinned version)"
        )
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        problems.append(
            f"no Chromium at {CHROMIUM} (apt-get install chromium; `playwright install` is not "
            "used; set CMKIT_E2E_CHROMIUM to use another Chromium)"
        )
    return problems


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _is_e2e(item) -> bool:
    return Path(__file__).parent in Path(str(item.path)).parents


def pytest_collection_modifyitems(config, items):
    problems = missing_requirements()
    if not problems or _in_ci():
        return  # in CI, pytest_pyfunc_call fails the tests instead
    reason = "browser tests skipped: " + "; ".join(problems)
    for item in items:
        if _is_e2e(item):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """In CI, a browser test without its browser fails (the fixtures left it nothing)."""
    problems = missing_requirements()
    if problems and _is_e2e(pyfuncitem):
        pytest.fail(
            "CI is set, so the browser tests must run, but "
            + "; ".join(problems)
            + ". .ci/run installs Debian's chromium; the test extra installs playwright.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def requirements() -> list[str]:
    """What is missing; the fixtures below then set nothing up (the test is skipped or fails)."""
    return missing_requirements()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


# --- the course the browser sees ----------------------------------------------------------


@dataclass(frozen=True)
class CourseUnderTest:
    root: Path
    graded: CohortRun  # the cohort's autograde run of ASSIGNMENT

    @property
    def db_url(self) -> str:
        return engine.db_url(self.root)


@pytest.fixture(scope="session")
def course_under_test(requirements, tmp_path_factory) -> CourseUnderTest | None:
    """A throwaway course: the kit's lessons, ASSIGNMENT released, and a small cohort
    submitted and autograded into the gradebook (as `cmkit demo` does, smaller)."""
    if requirements:
        return None
    root = tmp_path_factory.mktemp("e2e") / "course"
    nbgrader_runner.make_course(root, ROOT, [ASSIGNMENT])
    nbgrader_runner.run(["generate_assignment", ASSIGNMENT, "--force"], root)
    shutil.copytree(
        ROOT / "course",
        root / "course",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    cohort.build(Course(root), size=COHORT_SIZE, seed=7, assignments=[ASSIGNMENT])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        graded = engine.grade(root, ASSIGNMENT, workers=2)
    return CourseUnderTest(root, graded)


# --- JupyterLab ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Lab:
    """A JupyterLab server started by the tests."""

    process: subprocess.Popen
    port: int
    token: str
    root: Path
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, method: str, path: str, timeout: float = 30):
        request = urllib.request.Request(
            f"{self.url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
            data=b"" if method in ("POST", "PUT") else None,
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 30) -> str:
        text = self.log.read_text(errors="replace") if self.log.is_file() else ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with code {self.process.returncode} while starting; "
                    f"its log ends with:\n{self.log_tail()}"
                )
            try:
                self.api("GET", "/api/status", timeout=5)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.25)
        raise RuntimeError(
            f"JupyterLab did not answer on {self.url} within {SERVER_START_SECONDS} s; "
            f"its log ends with:\n{self.log_tail()}"
        )

    def shut_down_kernels(self) -> None:
        """End every notebook session, so that each test starts from a quiet server."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.api("POST", "/api/shutdown", timeout=10)  # also shuts its kernels down
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # the group this fixture started
                self.process.wait(timeout=10)


def _profile(home: Path) -> dict[str, Path]:
    """A fresh Jupyter profile for the server: settings, workspaces, config, runtime."""
    folders = {name: home / name for name in ("settings", "workspaces", "config", "data")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for name, values in LAB_SETTINGS.items():
        path = folders["settings"] / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return folders


def start_lab(root: Path, home: Path, attempts: int = 3) -> Lab:
    """JupyterLab on ``root`` as `cmkit lab` starts it, on a free loopback port, with a token."""
    folders = _profile(home)
    env = nbgrader_runner.environment()
    env.update(
        CMKIT_ROOT=str(root),
        JUPYTER_CONFIG_DIR=str(folders["config"]),  # not the user's ~/.jupyter
        JUPYTER_DATA_DIR=str(folders["data"]),  # nor their kernels; the venv's are found
        IPYTHONDIR=str(home / "ipython"),
    )
    for attempt in range(attempts):
        port, token = _free_port(), secrets.token_hex(16)
        command = [
            *lab_command.command(root, port, browser=False),
            "--ServerApp.open_browser=False",
            "--ServerApp.port_retries=0",
            "--ServerApp.allow_root=True",  # CI containers run as root
            f"--IdentityProvider.token={token}",
            f"--LabApp.user_settings_dir={folders['settings']}",
            f"--LabApp.workspaces_dir={folders['workspaces']}",
        ]
        log = home / f"jupyterlab-{attempt}.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                command,
                cwd=root,  # nbgrader's extensions read nbgrader_config.py from here
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        lab = Lab(process, port, token, root, log)
        try:
            lab.wait_until_ready()
            return lab
        except RuntimeError:
            lab.stop()
            port_taken = "already in use" in lab.log_tail(100)
            if not port_taken or attempt == attempts - 1:
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(log, ARTIFACTS / "jupyterlab-start.log")
                raise
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def lab(course_under_test, tmp_path_factory):
    if course_under_test is None:
        yield None
        return
    server = start_lab(course_under_test.root, tmp_path_factory.mktemp("lab-home"))
    yield server
    server.stop()


# --- the browser --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(requirements):
    if requirements:
        yield None
        return
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Tab:
    """One test's browser tab on the lab, and where its artefacts go."""

    def __init__(self, page, lab: Lab, artefacts: Path, workspace: str):
        self.page = page
        self.lab = lab
        self.artefacts = artefacts
        self.workspace = workspace
        self.console: list[str] = []
        self._shots = 0

    def open_lab(self, path: str = "") -> None:
        """JupyterLab in this test's own workspace (no tabs left by another test), at ``path``
        (a folder shows in the file browser, a notebook opens)."""
        tree = f"/tree/{path}" if path else ""
        self.page.goto(
            f"{self.lab.url}/lab/workspaces/{self.workspace}{tree}?token={self.lab.token}"
        )

    def shot(self, step: str) -> Path:
        """Keep a screenshot of a key step."""
        from .ui import settle

        settle(self.page)
        self._shots += 1
        path = self.artefacts / f"{self._shots:02d}-{step}.png"
        self.page.screenshot(path=path)
        return path


@pytest.fixture
def tab(request, browser, lab):
    if browser is None or lab is None:
        yield None
        return
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    artefacts = ARTIFACTS / name
    shutil.rmtree(artefacts, ignore_errors=True)
    artefacts.mkdir(parents=True)
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    # Nothing leaves the machine, so that a run behaves the same with or without internet:
    # the formgrader's page asks a CDN for MathJax, which, refused at once, cannot stall it.
    context.route(
        lambda url: url.startswith(("http:", "https:")) and not url.startswith(lab.url + "/"),
        lambda route: route.abort(),
    )
    page = context.new_page()
    current = Tab(page, lab, artefacts, workspace=name.replace("_", "-"))
    page.on("console", lambda m: current.console.append(f"[{m.type}] {m.text}"))
    page.on("pageerror", lambda error: current.console.append(f"[pageerror] {error}"))
    log_start = lab.log.stat().st_size
    try:
        yield current
    finally:
        reports = request.node.stash.get(_REPORTS, {})
        if any(report.failed for report in reports.values()):
            try:
                page.screenshot(path=artefacts / "failure.png", full_page=True)
            except Exception as error:  # a crashed page still leaves the log behind
                (artefacts / "failure-screenshot-error.txt").write_text(str(error))
            (artefacts / "console.log").write_text("\n".join(current.console))
            with lab.log.open("rb") as log:
                log.seek(log_start)
                (artefacts / "jupyterlab-during-test.log").write_bytes(log.read())
            shutil.copyfile(lab.log, artefacts / "jupyterlab.log")
        context.close()
        lab.shut_down_kernels()
