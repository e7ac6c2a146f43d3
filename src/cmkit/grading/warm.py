"""Warm kernels: each grading worker keeps a *zygote*, a process that has already imported
ipykernel, pandas, matplotlib and the course's data, and forks a fresh kernel from it for every
notebook.

Starting a Python kernel and importing pandas and matplotlib takes about a second, while a
notebook of the course runs in milliseconds: start-up is what grading a cohort spends its time
on. A forked kernel starts with those imports done, yet is still a separate process with its
own memory: nothing one learner's code does reaches the zygote or another learner's kernel.

nbclient talks to the forked kernel exactly as to any kernel (same connection file, same
protocol), through ``WarmKernelManager``, whose provisioner asks the zygote to fork instead of
running a command. Semantics are nbgrader's: only the launch differs.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import uuid
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

# Imported once by the zygote, so forked kernels do not pay for them.
PRELOAD = (
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "scipy.stats",
    "cmkit.checks",
    "cmkit.data",
    "cmkit.grading.export",
)
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


class Zygote:
    """A warm process that forks kernels on request. Start it before any event loop runs."""

    def __init__(self) -> None:
        parent_end, child_end = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the zygote
            parent_end.close()
            try:
                _serve(child_end)
            finally:
                os._exit(0)
        child_end.close()
        self.pid = pid
        self._socket = parent_end
        self._reader = parent_end.makefile("r", encoding="utf-8")

    def fork_kernel(self, connection_file: str, cwd: str, env: dict[str, str]) -> int:
        request = {"connection_file": connection_file, "cwd": cwd, "env": env}
        self._socket.sendall((json.dumps(request) + "\n").encode())
        reply = json.loads(self._reader.readline() or "{}")
        if "pid" not in reply:
            raise RuntimeError(f"the warm kernel server did not start a kernel: {reply}")
        return int(reply["pid"])

    def close(self) -> None:
        try:
            self._socket.close()
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass


def _preload() -> None:
    import importlib

    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    try:
        from cmkit.data import load, table_names

        for table in table_names():  # the loader caches: kernels get the tables for free
            load(table)
    except Exception:  # the course may have no datasets; kernels then load as usual
        pass
    import ipykernel.kernelapp  # noqa: F401


def _serve(channel: socket.socket) -> None:
    _preload()
    # forked kernels are reaped by the system: the worker watches them by pid
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    reader = channel.makefile("r", encoding="utf-8")
    for line in reader:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            channel.close()
            _run_kernel(request)
        channel.sendall((json.dumps({"pid": pid}) + "\n").encode())


def _run_kernel(request: dict[str, Any]) -> None:
    code = 0
    try:
        os.setsid()  # its own process group: interrupts and kills reach its subprocesses
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["MPLBACKEND"] = INLINE_BACKEND
        # the kernel's own banner and logs would go to the grader's terminal: drop them (what
        # a learner's code prints reaches the notebook through the kernel protocol)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(["-f", request["connection_file"], "--HistoryManager.hist_file=:memory:"])
        _enable_inline_figures(app)
        app.start()
    except BaseException:  # noqa: BLE001  (the kernel's end, whatever caused it)
        code = 1
    finally:
        sys.stdout.flush()
        os._exit(code)


def _enable_inline_figures(app) -> None:
    """What importing pyplot in a fresh kernel does: figures shown at the end of each cell."""
    import matplotlib

    if "matplotlib.pyplot" in sys.modules:
        from matplotlib_inline.backend_inline import configure_inline_support

        matplotlib.use(INLINE_BACKEND)
        configure_inline_support(app.shell, INLINE_BACKEND)


class ForkedProcess:
    """Enough of ``subprocess.Popen`` for jupyter_client, for a kernel the zygote forked."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
            except PermissionError:
                pass
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"kernel {self.pid} still running")
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


_ZYGOTE: Zygote | None = None
_OWNER: int | None = None  # the process that started _ZYGOTE (a forked worker needs its own)


def start_zygote() -> Zygote:
    """The zygote of this process, started on first use (call it early, before event loops)."""
    global _ZYGOTE, _OWNER
    if _ZYGOTE is None or _OWNER != os.getpid():
        _ZYGOTE = Zygote()
        _OWNER = os.getpid()
    return _ZYGOTE


class WarmProvisioner(LocalProvisioner):
    """Launches the kernel by forking the zygote instead of running the kernelspec's command."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        km = self.parent
        env = {str(k): str(v) for k, v in (kwargs.get("env") or os.environ).items()}
        env.pop("JPY_PARENT_PID", None)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        pid = start_zygote().fork_kernel(km.connection_file, cwd, env)
        self.process = ForkedProcess(pid)
        self.pid = pid
        self.pgid = pid
        self.cwd = cwd
        return self.connection_info


class WarmKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels are forked from the worker's zygote."""

    async def _async_pre_start_kernel(self, **kw: Any):
        if self.provisioner is None:
            self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
            self.provisioner = WarmProvisioner(
                kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self
            )
        return await super()._async_pre_start_kernel(**kw)
