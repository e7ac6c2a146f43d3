"""The sandbox learners' code runs in while it is graded: bubblewrap (Debian's ``bwrap``).

Inside, a notebook sees a fresh root made of read-only system folders, the Python
installation, the kit's package and the course datasets, and one writable folder: the run
folder of the notebook being graded. It does not see the gradebook, the instructor's
solutions, the course configuration, other learners' submissions or anyone's home. It has no
network (only its own loopback), its own process, IPC and host-name namespaces, and dies with
the grader. Kernels talk to the grader over Unix sockets in the run folder, which is bound at
the same path inside and outside. Kernels run as an unprivileged user of their own when
the grader runs as root, with a limit on their processes (see ``kernel_user``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from cmkit.errors import KitError

# The few files of /etc a Python process needs (not /etc as a whole: /etc/shadow is root's).
ETC_FILES = (
    "/etc/passwd",
    "/etc/group",
    "/etc/nsswitch.conf",
    "/etc/localtime",
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/fonts",
    "/etc/ssl/certs",
)
SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin")

UNAVAILABLE = (
    "sandbox: bubblewrap cannot start here ({reason}); install it (apt-get install bubblewrap), "
    "or where no sandbox can run (e.g. inside Docker's default seccomp profile) grade with "
    "--no-sandbox, which runs learners' code with your rights"
)


def _system_binds() -> list[str]:
    args = []
    for folder in SYSTEM_DIRS:
        path = Path(folder)
        if path.is_symlink():  # merged /usr: /lib -> usr/lib
            args += ["--symlink", str(path.readlink()), folder]
        elif path.is_dir():
            args += ["--ro-bind", folder, folder]
    for name in ETC_FILES:
        args += ["--ro-bind-try", name, name]
    return args


def kit_paths() -> list[Path]:
    """What grading needs to read: Python, the environment, the package, the datasets."""
    import cmkit
    from cmkit.data import datasets_dir

    paths = [Path(sys.base_prefix), Path(sys.prefix), Path(cmkit.__file__).resolve().parents[1]]
    try:
        paths.append(Path(datasets_dir()).resolve())
    except Exception:  # a course without datasets still grades
        pass
    unique = []
    for path in paths:
        if not any(path == other or other in path.parents for other in unique):
            unique = [other for other in unique if path not in other.parents] + [path]
    return unique


def _parents(paths: list[Path]) -> list[Path]:
    found = {parent for path in paths for parent in path.parents if parent != Path("/")}
    return sorted(found - {Path(folder) for folder in ("/tmp", *SYSTEM_DIRS)}, key=str)


def command(scratch: Path, inner: list[str]) -> list[str]:
    """``inner`` run in a sandbox whose only writable folder is ``scratch``."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise KitError(UNAVAILABLE.format(reason="bwrap is not installed"))
    if os.geteuid() == 0:
        # no user namespace: inside one, root stays root to the kernel, which then ignores the
        # process limit; kernels drop to their own unprivileged user instead (kernel_user)
        args = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
        args += ["--unshare-cgroup-try"]
    else:
        args = [bwrap, "--unshare-all"]
    args += ["--die-with-parent", "--new-session", "--proc", "/proc", "--dev", "/dev"]
    args += ["--perms", "1777", "--tmpfs", "/tmp"]
    # the folders above each bound one, open to the kernel's own user (bwrap would make them
    # root's alone); they hold nothing but the way down
    for parent in _parents([*map(Path, ETC_FILES), *kit_paths(), scratch]):
        args += ["--perms", "0755", "--dir", str(parent)]
    args += _system_binds()
    for path in kit_paths():
        args += ["--ro-bind", str(path), str(path)]
    args += ["--bind", str(scratch), str(scratch), "--chdir", str(scratch)]
    args += ["--setenv", "HOME", "/tmp", "--setenv", "MPLCONFIGDIR", "/tmp/matplotlib"]
    return [*args, "--", *inner]


# Processes and threads a learner's kernel may have at once (ipykernel itself runs about ten
# threads): enough for any honest notebook, a stop for a fork bomb.
KERNEL_TASKS = 256
KERNEL_UID_BASE = 2_000_000_000  # far above the users and the user namespaces of a system


def kernel_user() -> tuple[int | None, int]:
    """Who a sandboxed kernel runs as, and its limit on processes (``RLIMIT_NPROC``).

    The limit counts every process of the kernel's *user*. A grader running as root gives each
    worker's kernels a user of their own, unknown to the system: a fork bomb then meets its
    limit without touching any other process. Otherwise kernels run as the grader, whose own
    processes count too: the limit is what the grader runs now plus ``KERNEL_TASKS``.
    """
    import pwd

    if os.geteuid() == 0:
        uid = KERNEL_UID_BASE + os.getpid()  # unique while this worker lives
        while True:
            try:
                pwd.getpwuid(uid)
            except KeyError:
                return uid, KERNEL_TASKS
            uid += 1
    return None, _tasks_of(os.getuid()) + KERNEL_TASKS


def _tasks_of(uid: int) -> int:
    """Threads of every process of ``uid`` (what RLIMIT_NPROC counts)."""
    count = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        if int(fields.get("Uid", "-1 0").split()[0]) == uid:
            count += int(fields.get("Threads", "1"))
    return count


def check_available(scratch: Path) -> None:
    """Raise ``KitError`` with the reason if a sandbox cannot start on this machine."""
    try:
        probe = subprocess.run(
            command(scratch, [sys.executable, "-c", "import cmkit"]),
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise KitError(UNAVAILABLE.format(reason=str(error))) from None
    if probe.returncode != 0:
        reason = " ".join((probe.stderr or "unknown error").split())[:200]
        raise KitError(UNAVAILABLE.format(reason=reason))
