"""Bridged test cells: the instructor's test runs in the grader and calls the learner's
function in the learner's kernel, one plain-data question at a time.

A few test cells call a learner's function on inputs that depend on what it answered before:
the crisis exercise's simulation asks the learner's ``playbook`` what to do every 15 minutes,
and the next situation follows from those decisions. Such inputs cannot be recorded in
advance (``cmkit.grading.replay``), and running the simulation in the kernel would let the
learner's code change its outcome. So the simulation runs in the grading worker, with the
test cell's own source, and each call of the learner's function crosses to the kernel:

- *grader* (``Bridge``, a thread of the grading worker): listens on a Unix socket in the
  notebook's run folder. When the kernel reaches the test cell, it judges the cell with the
  learner's function replaced by a ``Caller`` that sends each call's inputs as plain data and
  rebuilds the answer from plain data;
- *kernel* (``serve``, run by the export that replaces the test cell): answers each question
  with the learner's function, as plain data, until the grader says it is done.

Whatever the kernel answers is only the learner's answer: it cannot reach the simulation or
the checks. An answer that is not plain data is judged as what it is; a kernel that stops
answering, answers garbage or is slower than the cell's time limit leaves the cell
``NotJudged``, with a message saying so.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

from . import replay
from .export import BRIDGE_ADDRESS

MAX_MESSAGE_BYTES = 16 * 1024 * 1024
ANSWER_SECONDS = replay.CELL_TIMEOUT_SECONDS  # for the whole cell, every call included


class Stopped(replay.Missed):
    """The learner's kernel stopped answering (or answered with something unreadable): the
    cell is not judged (a ``BaseException``, which instructor code cannot catch by mistake)."""


def _send(stream, message: dict) -> None:
    stream.write(json.dumps(message).encode() + b"\n")
    stream.flush()


def _receive(stream) -> dict:
    line = stream.readline(MAX_MESSAGE_BYTES + 1)
    if not line.endswith(b"\n"):
        raise EOFError("no answer" if not line else "an answer too large")
    message = json.loads(line)
    if not isinstance(message, dict):
        raise ValueError("not a message")
    return message


# --- the grader's side ------------------------------------------------------------------------


class Caller:
    """Stands in for the learner's function in the grader: each call is asked of the kernel."""

    def __init__(self, name: str, channel):
        self.__name__ = name
        self._channel = channel

    def __call__(self, *args, **kwargs):
        if kwargs:
            raise Stopped(
                f"This test calls `{self.__name__}` with named arguments, which the grader "
                "cannot pass to your notebook; your instructor can check this cell by hand."
            )
        return replay.answer_of(self._channel.ask(self.__name__, args))


class Answers:
    """What the learner's functions answered, by question, for one notebook.

    A question asked again gets the answer the kernel gave the first time: like a replayed
    function, the learner's function is taken to answer the same question the same way. The
    crisis exercise's five test cells run the same three simulations, so the kernel answers
    each situation once. Questions are compared as objects (``==`` on the kit's read-only
    records, same types): turning each into plain data again would cost more than asking."""

    def __init__(self) -> None:
        self._known: dict[tuple, list[tuple[tuple, Any]]] = {}

    def recall(self, name: str, args: tuple) -> Any:
        """The plain answer kept for this question, or ``None``."""
        for known, answer in self._known.get((name, _outline(args)), ()):
            if _same(known, args):
                return answer
        return None

    def keep(self, name: str, args: tuple, answer: Any) -> None:
        self._known.setdefault((name, _outline(args)), []).append((args, answer))


def _outline(value: Any) -> Any:
    """A cheap key that equal questions share: the scalars of a record, the type otherwise."""
    from .plain import _field_names, _kit_record

    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    if kind is tuple:
        return tuple(_outline(item) for item in value)
    if _kit_record(kind):
        fields = (getattr(value, name) for name in _field_names(kind))
        return (kind.__qualname__, *(v for v in fields if type(v) in (str, int, float, bool)))
    return kind.__name__


def _same(known: Any, asked: Any) -> bool:
    try:
        return type(known) is type(asked) and bool(known == asked)
    except Exception:  # objects that do not compare (tables): not the same question
        return False


class Channel:
    """One connection to the kernel, with one deadline for every question of the cell."""

    def __init__(
        self,
        connection: socket.socket,
        seconds: float = ANSWER_SECONDS,
        answers: Answers | None = None,
    ):
        self.connection = connection
        self.stream = connection.makefile("rwb")
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds
        self.calls = 0
        self.answers = answers if answers is not None else Answers()

    def ask(self, name: str, args: tuple) -> Any:
        """The learner's function ``name`` applied to ``args``, rebuilt from plain data."""
        from .plain import from_plain, to_plain

        answer = self.answers.recall(name, args)
        if answer is not None:
            return from_plain(answer)
        left = self.deadline - time.monotonic()
        try:
            if left <= 0:
                raise TimeoutError
            self.connection.settimeout(left)
            _send(self.stream, {"call": name, "args": to_plain(tuple(args))})
            answer = _receive(self.stream)["result"]
            if not isinstance(answer, dict):
                raise ValueError("not plain data")
            self.calls += 1
            self.answers.keep(name, args, answer)
            return from_plain(answer)
        except TimeoutError:
            raise Stopped(
                f"Your function `{name}` did not answer in time: this test gives all its "
                f"calls {self.seconds:.0f} s in all. Look for a loop that never ends."
            ) from None
        except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError):
            raise Stopped(
                f"Your notebook stopped answering while the grader ran this test with your "
                f"function `{name}` (after {self.calls} call(s)). Run every cell "
                "from the top (Kernel > Restart Kernel and Run All Cells) and make sure none "
                "of them fails."
            ) from None

    def close(self) -> None:
        try:
            _send(self.stream, {"done": True})
        except (OSError, ValueError):
            pass
        for closing in (self.stream.close, self.connection.close):
            try:
                closing()
            except OSError:
                pass


class Bridge:
    """Judges one notebook's bridged test cells while its kernel runs them.

    ``judge(cell_id, channel)`` is called, in this bridge's thread, when the kernel reaches a
    bridged cell; what it returns is kept in ``outcomes``."""

    def __init__(self, folder: Path, judge):
        self.address = str(folder / BRIDGE_ADDRESS)  # seen at the same path in the sandbox
        self._judge = judge
        self.outcomes: dict[str, Any] = {}
        self._answers = Answers()  # shared by the notebook's cells
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(self.address)
        os.chmod(self.address, 0o666)  # the kernel may run as a user of its own
        self._server.listen(1)
        self._server.settimeout(0.1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="cmkit-bridge", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.settimeout(ANSWER_SECONDS)  # a kernel that connects and says nothing
            channel = Channel(connection, answers=self._answers)
            try:
                hello = _receive(channel.stream)
                cell_id = str(hello["ready"])
            except (OSError, EOFError, ValueError, KeyError, TypeError):
                channel.close()  # not the kernel's export: nothing is judged
                continue
            try:
                self.outcomes[cell_id] = self._judge(cell_id, channel)
            except Exception as error:  # the grader's own failure: the cell is not judged
                self.outcomes[cell_id] = ("NotJudged", f"The grader could not judge it ({error})")
            finally:
                channel.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=ANSWER_SECONDS + 5)
        self._server.close()
        try:
            os.unlink(self.address)
        except OSError:
            pass


# --- the kernel's side ------------------------------------------------------------------------


def serve(address: str, cell_id: str, functions: dict) -> None:
    """In the learner's kernel: answer the grader's questions with ``functions`` until it is
    done judging ``cell_id``."""
    from cmkit.checks.evaluators import call_safely

    from .plain import from_plain, to_plain

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(address)
        stream = connection.makefile("rwb")
        _send(stream, {"ready": cell_id})
        while True:
            try:
                question = _receive(stream)
            except EOFError:
                return
            if "call" not in question:
                return
            function = functions.get(question["call"])
            args = from_plain(question["args"])
            result = call_safely(function, tuple(args)) if callable(function) else None
            try:
                answer = to_plain(result)
            except Exception as error:  # an answer that cannot be read is reported as such
                answer = {"t": "unsupported", "type": f"{type(result).__name__} ({error})"}
            _send(stream, {"result": answer})
