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
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import DottedObjectName, Type

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
    # what a kernel's own start-up imports (its debugger, IPython's shell parts, the inline
    # figures' PNG writer): forked kernels then start in ~0.04 s instead of ~0.12 s
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "IPython.core.debugger",
    "IPython.core.completerlib",
    "IPython.core.pylabtools",
    "IPython.extensions.storemagic",
    "matplotlib_inline.backend_inline",
    "PIL.PngImagePlugin",
    "sqlite3",
    "tornado.ioloop",
)
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


class Zygote:
    """A warm process that forks kernels on request. Start it before any event loop runs.

    With ``scratch``, the zygote runs inside a bubblewrap sandbox (cmkit.grading.sandbox) whose
    only writable folder is ``scratch``; its kernels inherit the sandbox. The zygote has its own
    process namespace there, so signals and liveness checks go through it.
    """

    def __init__(self, scratch: Path | None = None) -> None:
        parent_end, child_end = socket.socketpair()
        if scratch is None:
            pid = os.fork()
            if pid == 0:  # the zygote
                parent_end.close()
                try:
                    _serve(child_end)
                finally:
                    os._exit(0)
            self.process = None
        else:
            from cmkit.grading import sandbox

            uid, tasks = sandbox.kernel_user()
            inner = [sys.executable, "-m", "cmkit.grading.warm", "serve", str(child_end.fileno())]
            inner += [str(uid if uid is not None else -1), str(tasks)]
            self.process = subprocess.Popen(
                sandbox.command(scratch, inner), pass_fds=(child_end.fileno(),)
            )
            pid = self.process.pid
        child_end.close()
        self.pid = pid
        self.scratch = scratch
        self._socket = parent_end
        self._reader = parent_end.makefile("r", encoding="utf-8")

    def ask(self, **request: Any) -> dict:
        self._socket.sendall((json.dumps(request) + "\n").encode())
        line = self._reader.readline()
        if not line:
            raise RuntimeError("the warm kernel server stopped (its sandbox could not start?)")
        return json.loads(line)

    def fork_kernel(self, connection_file: str, cwd: str, env: dict[str, str]) -> int:
        reply = self.ask(op="start", connection_file=connection_file, cwd=cwd, env=env)
        if "pid" not in reply:
            raise RuntimeError(f"the warm kernel server did not start a kernel: {reply}")
        return int(reply["pid"])

    def cleanup(self) -> int:
        """Kill every process the last notebook left behind; how many there were."""
        return int(self.ask(op="cleanup").get("killed", 0))

    def close(self) -> None:
        """Stop the zygote once every process of its kernels is gone (cleanup waits for them),
        so nothing a learner started outlives grading, even for a moment."""
        try:
            self.cleanup()
        except (OSError, RuntimeError, ValueError):  # already stopped
            pass
        try:
            self._socket.close()
            if self.process is not None:
                self.process.kill()
                self.process.wait()
            else:
                os.kill(self.pid, signal.SIGTERM)
                os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass


def _preload() -> None:
    import importlib

    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    # the debugger's module (preloaded below) warns about frozen modules on the grader's terminal
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
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


# Set in a sandboxed zygote: the user its kernels run as (None: the zygote's own), their limit
# on processes, and what /tmp held before any kernel ran (cleanup removes everything else).
_KERNEL_UID: int | None = None
_KERNEL_TASKS: int | None = None
_TMP_KEPT: set[str] | None = None


def _serve(channel: socket.socket, uid: int | None = None, tasks: int | None = None) -> None:
    global _KERNEL_UID, _KERNEL_TASKS, _TMP_KEPT
    _preload()
    if tasks is not None:  # sandboxed: /tmp is the sandbox's own
        _KERNEL_UID, _KERNEL_TASKS = uid, tasks
        if uid is not None:  # matplotlib's cache folder, made while preloading, is theirs
            _chown_tree(Path(os.environ.get("MPLCONFIGDIR", "/tmp/matplotlib")), uid)
        _TMP_KEPT = set(os.listdir("/tmp"))
    # the zygote adopts every orphan of its kernels, so cleanup can find what they left behind
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped by the system
    reader = channel.makefile("r", encoding="utf-8")
    for line in reader:
        request = json.loads(line)
        op = request.get("op")
        if op == "start":
            pid = os.fork()
            if pid == 0:
                channel.close()
                _run_kernel(request)
            reply = {"pid": pid}
        elif op == "signal":
            pid, signum = int(request["pid"]), int(request["signal"])
            try:
                try:
                    os.killpg(pid, signum)  # the kernel leads its own process group
                except (ProcessLookupError, PermissionError):
                    os.kill(pid, signum)
                reply = {"ok": True}
            except ProcessLookupError:
                reply = {"ok": False}
        elif op == "poll":
            reply = {"alive": _alive(int(request["pid"]))}
        elif op == "cleanup":
            reply = {"killed": _kill_descendants()}
            _clear_tmp()
        else:
            reply = {"error": f"unknown request {op!r}"}
        channel.sendall((json.dumps(reply) + "\n").encode())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is not alive
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


CLEANUP_SECONDS = 10.0  # how long cleanup waits for killed processes to be gone


def _kill_descendants() -> int:
    """SIGKILL every process below the zygote and wait until they are gone: a process is
    counted once, and forks that race the kill are killed in the next round. Returns how many
    processes there were."""
    import time

    killed: set[int] = set()
    deadline = time.monotonic() + CLEANUP_SECONDS
    while time.monotonic() < deadline:
        living = [pid for pid in _descendants(os.getpid()) if _alive(pid)]
        if not living:
            break
        for pid in living:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                continue
            killed.add(pid)
        time.sleep(0.001)
    return len(killed)


def _clear_tmp() -> None:
    """What the last notebook left in the sandbox's /tmp goes: the next learner's kernel, forked
    from the same zygote, must not read it."""
    if _TMP_KEPT is None:
        return
    import shutil

    for name in set(os.listdir("/tmp")) - _TMP_KEPT:
        path = Path("/tmp", name)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _chown_tree(root: Path, uid: int) -> None:
    if not root.exists():
        return
    for folder, _, files in os.walk(root):
        os.chown(folder, uid, uid)
        for name in files:
            os.chown(os.path.join(folder, name), uid, uid)


def _become_kernel_user(request: dict[str, Any]) -> None:
    """Run as the sandbox's kernel user from here on, owning the notebook's folder; unable to
    gain privileges again (no setuid programs)."""
    if _KERNEL_UID is not None:
        for path in (request["cwd"], request["connection_file"]):
            if os.path.exists(path):
                os.chown(path, _KERNEL_UID, _KERNEL_UID)
        os.setgroups([])
        os.setgid(_KERNEL_UID)
        os.setuid(_KERNEL_UID)
    _prctl(PR_SET_NO_NEW_PRIVS, 1)


PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38


def _prctl(option: int, value: int) -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: cleanup relies on process groups only
        pass


def die_with(parent: int) -> None:
    """End this process with a SIGKILL when ``parent`` (the process that started it) ends."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)


# Limits of a learner's kernel: memory (address space), size of files it writes, open files.
LIMITS = {"RLIMIT_AS": 4 * 1024**3, "RLIMIT_FSIZE": 256 * 1024**2, "RLIMIT_NOFILE": 1024}


def _apply_limits() -> None:
    import resource

    limits = dict(LIMITS)
    if _KERNEL_TASKS is not None:
        limits["RLIMIT_NPROC"] = _KERNEL_TASKS
    for name, value in limits.items():
        limit = getattr(resource, name, None)
        if limit is not None:
            try:
                resource.setrlimit(limit, (value, value))
            except (ValueError, OSError):
                pass


def _run_kernel(request: dict[str, Any]) -> None:
    code = 0
    try:
        os.setsid()  # its own process group: interrupts and kills reach its subprocesses
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # dies with the zygote, whatever happens
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        _apply_limits()
        _become_kernel_user(request)
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
    """Enough of ``subprocess.Popen`` for jupyter_client, for a kernel the zygote forked (its
    pid may belong to the sandbox's process namespace, so signals go through the zygote)."""

    def __init__(self, pid: int, zygote: Zygote) -> None:
        self.pid = pid
        self.zygote = zygote
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None

    def poll(self) -> int | None:
        if self.returncode is None and not self.zygote.ask(op="poll", pid=self.pid)["alive"]:
            self.returncode = 0
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
        if not self.zygote.ask(op="signal", pid=self.pid, signal=int(signum))["ok"]:
            raise ProcessLookupError(self.pid)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


_ZYGOTE: Zygote | None = None
_OWNER: int | None = None  # the process that started _ZYGOTE (a forked worker needs its own)


def start_zygote(scratch: Path | None = None) -> Zygote:
    """The zygote of this process, started on first use (call it early, before event loops);
    sandboxed in ``scratch`` when given."""
    global _ZYGOTE, _OWNER
    if _ZYGOTE is None or _OWNER != os.getpid() or _ZYGOTE.scratch != scratch:
        if _ZYGOTE is not None and _OWNER == os.getpid():
            _ZYGOTE.close()
        _ZYGOTE = Zygote(scratch)
        _OWNER = os.getpid()
    return _ZYGOTE


def stop_zygote() -> None:
    """Stop this process's zygote, if it started one (at the end of grading)."""
    global _ZYGOTE, _OWNER
    if _ZYGOTE is not None and _OWNER == os.getpid():
        _ZYGOTE.close()
    _ZYGOTE = _OWNER = None


class WarmProvisioner(LocalProvisioner):
    """Launches the kernel by forking the zygote instead of running the kernelspec's command."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        km = self.parent
        env = kernel_environment(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        zygote = start_zygote(_ZYGOTE.scratch if _ZYGOTE is not None else None)
        pid = zygote.fork_kernel(km.connection_file, cwd, env)
        self.process = ForkedProcess(pid, zygote)
        self.pid = pid
        self.pgid = None  # signals go through the zygote, to the kernel's process group
        self.cwd = cwd
        return self.connection_info


# What a learner's kernel inherits of the grader's environment: nothing that could hold a
# secret (tokens, database URLs), only what Python, pandas and nbgrader need.
KEPT_ENVIRONMENT = ("PATH", "LANG", "LANGUAGE", "TZ", "NBGRADER_EXECUTION", "CMKIT_DATASETS")


def kernel_environment(source) -> dict[str, str]:
    env = {
        str(key): str(value)
        for key, value in source.items()
        if key in KEPT_ENVIRONMENT or str(key).startswith("LC_")
    }
    env.update({"HOME": "/tmp", "MPLCONFIGDIR": "/tmp/matplotlib", "MPLBACKEND": INLINE_BACKEND})
    return env


class WarmKernelClient(AsyncKernelClient):
    """jupyter_client's client, except for how it waits for a new kernel.

    jupyter_client, once the kernel answers ``kernel_info``, reads IOPub until it has been
    silent for 0.2 s: for a kernel forked in a few milliseconds, most of its start-up. Here
    the wait ends as soon as IOPub is known to be connected: the kernel's welcome on IOPub
    (ipykernel 7 greets each subscriber) or its idle status after our request. Later messages
    need no draining: nbclient reads only those that answer the cell it runs.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        import time

        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        while True:
            request = self.kernel_info()
            if await self._replied(request, deadline) and await self._iopub_connected(request):
                return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")

    async def _replied(self, request: str, deadline: float) -> bool:
        import time
        from queue import Empty

        while time.monotonic() < deadline:
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                return False
            if reply["parent_header"].get("msg_id") == request:
                self._handle_kernel_info_reply(reply)
                return True
        return False

    async def _iopub_connected(self, request: str) -> bool:
        """False if IOPub stays silent: zmq drops what a kernel publishes before a subscriber
        has joined, so the request is then sent again."""
        from queue import Empty

        while True:
            try:
                message = await self.iopub_channel.get_msg(timeout=0.5)
            except Empty:
                return False
            if message["msg_type"] == "iopub_welcome" or (
                message["msg_type"] == "status"
                and message["content"].get("execution_state") == "idle"
                and message["parent_header"].get("msg_id") == request
            ):
                return True


class WarmKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels are forked from the worker's zygote."""

    client_class = DottedObjectName("cmkit.grading.warm.WarmKernelClient")
    client_factory = Type(klass=WarmKernelClient)

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        # a killed kernel is gone within milliseconds; jupyter_client would look again only
        # after 0.1 s (asking the zygote costs a fraction of a millisecond)
        await super()._async_wait(pollinterval=0.005)

    async def _async_pre_start_kernel(self, **kw: Any):
        if self.provisioner is None:
            self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
            self.provisioner = WarmProvisioner(
                kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self
            )
        return await super()._async_pre_start_kernel(**kw)


if __name__ == "__main__" and sys.argv[1:2] == ["serve"]:
    _uid, _tasks = int(sys.argv[3]), int(sys.argv[4])
    _serve(socket.socket(fileno=int(sys.argv[2])), None if _uid < 0 else _uid, _tasks)
