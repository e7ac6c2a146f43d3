"""Planning a replayed test cell: which learner variables it reads, what it calls a learner's
function with, and whether replaying it on exported answers judges as the kernel would.

A test cell that fails when planned with the instructor's setup alone (it reads an answer) is
tried again with the *solution's* answers, which are trusted: the solution notebook's own
cells are run up to the test. Then:

1. its learner variables are the names it reads (or checks by name) that are not the
   setup's, or that the solution's cells rebind or change (an ``audience`` table a learner
   adds a column to);
2. a learner's function is recorded while the cell runs with the solution's function; the
   cell runs again with a probe function that answers ``None``: if the inputs differ (a
   simulation whose next situation depends on the last decision), the function cannot be
   replaced by its results: it is *bridged*, asked live from the kernel while the grader
   judges the cell (``cmkit.grading.bridge``);
3. the cell is judged twice, on the solution's live values and on the same values exported
   and rebuilt as the grader will rebuild a learner's (a bridged function's questions and
   answers crossing as JSON too): a cell whose outcome changes stays in the kernel (its
   answers lose something as plain data).
"""

from __future__ import annotations

import ast
import builtins
import copy
import json
import symtable
import types
from typing import Any

from cmkit import notebooks
from cmkit.checks.core import MISSING, Check, recording

from . import replay
from .bridge import Answers
from .export import answer
from .plain import from_plain, to_plain


def global_reads(source: str) -> set[str]:
    """The names the code reads from its global namespace, nested functions and
    comprehensions included (their own local names excluded)."""
    found: set[str] = set()

    def visit(table, top: bool) -> None:
        for symbol in table.get_symbols():
            if symbol.is_referenced() and (top or symbol.is_global()):
                found.add(symbol.get_name())
        for child in table.get_children():
            visit(child, False)

    visit(symtable.symtable(source, "<test>", "exec"), True)
    return found


def assigned(source: str) -> set[str]:
    """The global names the code binds (assignments, imports, loops, definitions)."""
    table = symtable.symtable(source, "<test>", "exec")
    return {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}


def checked_names(source: str) -> set[str]:
    """Names given as text to a check helper (``check.number("total", …)``,
    ``check_dashboard("dashboard", …)``): the helper reads them from the namespace."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        first, func = node.args[0], node.func
        helper = (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "check"
        ) or (isinstance(func, ast.Name) and func.id.startswith("check"))
        if helper and isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.add(first.value)
    return names


def learner_names(source: str, setup: dict, solution: dict, extra=()) -> list[str]:
    """The learner's variables among the names ``source`` reads (see the module docstring)."""
    bound = assigned(source)
    names = []
    for name in sorted(global_reads(source) | checked_names(source) | set(extra)):
        if name.startswith("__"):
            continue
        if name in setup:
            if name not in solution or _fingerprint(setup[name]) != _fingerprint(solution[name]):
                names.append(name)
        elif name in solution:
            names.append(name)
        elif name not in bound and not hasattr(builtins, name):
            names.append(name)  # the solution never defines it; a learner's notebook may
    return names


def _fingerprint(value: Any) -> str:
    """Equal for the setup's value and the solution's when the solution left it alone."""
    if isinstance(value, types.ModuleType):
        return f"module {value.__name__}"
    code = getattr(value, "__code__", None)
    if isinstance(code, types.CodeType):
        where = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
        return f"function {where} {code.co_code.hex()} {code.co_names}"
    try:
        return json.dumps(to_plain(value))
    except Exception:  # anything to_plain cannot read is compared by type
        return f"object {type(value).__name__}"


def _is_function(value: Any) -> bool:
    return callable(value) and not isinstance(value, type)


class SolutionRun:
    """The solution notebook's own cells (every code cell but the tests) run in order, up to
    a given test: real, trusted answers to plan replayed cells with."""

    def __init__(self, cells):
        self.cells = list(cells)
        self.done = 0
        self.namespace: dict = {"__name__": "__main__"}
        self.answers = Answers()  # what its bridged functions answered, for later tests

    def up_to(self, position: int) -> dict:
        with replay.quiet():
            while self.done < position:
                cell = self.cells[self.done]
                self.done += 1
                if cell.cell_type != "code" or notebooks.is_autograded_test(cell):
                    continue
                try:
                    exec(compile(cell.source, f"<solution {self.done}>", "exec"), self.namespace)
                except Exception:  # a cell that fails leaves what it had done, as in Jupyter
                    pass
        return self.namespace


class _Recorder:
    """Calls ``function`` and keeps each call's arguments, as plain data taken at the call."""

    def __init__(self, name: str, function):
        self.__name__ = name
        self.function = function
        self.calls: list[dict] = []
        self.keywords = False

    def __call__(self, *args, **kwargs):
        self.keywords = self.keywords or bool(kwargs)
        self.calls.append(to_plain(tuple(args)))
        return self.function(*args, **kwargs)


def _probe(*args, **kwargs):
    return None


def _live(solution: dict, names: list[str]) -> dict:
    values = {}
    for name in names:
        if name in solution:
            try:
                values[name] = copy.deepcopy(solution[name])
            except Exception:  # shared: the test code may change it, as in the kernel
                values[name] = solution[name]
    return values


def _record(source, setup, values: dict, functions: dict, label: str):
    """Run the cell with the helpers recording: its checks, the calls, and its error."""
    namespace = replay.setup_namespace(setup)
    recorders = {name: _Recorder(name, function) for name, function in functions.items()}
    namespace.update(values)
    namespace.update(recorders)
    with recording() as session:
        error = replay.run_cell(source, namespace, label)
    return session.checks, recorders, error


def plan(
    cell_id: str,
    source: str,
    setup: tuple[str, ...],
    solution: dict,
    answers: Answers | None = None,
) -> replay.Replay | str:
    """A ``Replay`` for the cell, or why it must run in the learner's kernel. ``answers``
    keeps what the solution's bridged functions answered, for the notebook's next cells."""
    pristine = replay.setup_namespace(setup)
    names = learner_names(source, pristine, solution)
    while True:  # again if the helpers check names found only by running the cell
        functions = {n: solution[n] for n in names if _is_function(solution.get(n))}
        values = {n: v for n, v in _live(solution, names).items() if n not in functions}
        checks, recorders, error = _record(source, setup, values, functions, cell_id)
        if error is not None:
            return f"it fails on the solution's answers too ({error[0]})"
        checked = {check.name for check in checks}
        more = set(learner_names(source, pristine, solution, checked)) - set(names)
        if not more:
            break
        names = sorted(set(names) | more)
    bridged = []
    if recorders:
        _, probes, _ = _record(
            source, setup, values, {name: _probe for name in recorders}, f"{cell_id} (probe)"
        )
        for name, probe in probes.items():
            if [_key(c) for c in probe.calls] != [_key(c) for c in recorders[name].calls]:
                bridged.append(name)  # its next input depends on its answers: asked live
    calls = {}
    for name, recorder in recorders.items():
        if name in bridged:
            if recorder.keywords:
                return f"it calls the learner's function `{name}` with keyword arguments"
            continue
        found = _calls(name, recorder, checks)
        if isinstance(found, str):
            return found
        calls[name] = found
    planned = replay.Replay(source, tuple(setup), names, calls, tuple(bridged))
    return _same_outcome(planned, cell_id, solution, answers) or planned


def _key(plain: dict) -> str:
    return json.dumps(plain, sort_keys=True)


def _calls(name: str, recorder: _Recorder, checks: list[Check]) -> list[tuple] | str:
    """The inputs the test gives the learner's function (its check's examples included),
    once each, as rebuilt plain data; or why they cannot be exported."""
    if recorder.keywords:
        return f"it calls the learner's function `{name}` with keyword arguments"
    found = list(recorder.calls)
    for check in checks:
        if check.kind == "function" and check.name == name:
            for args, _ in check.params.get("cases", []):
                found.append(to_plain(args if isinstance(args, tuple) else (args,)))
    unique = {_key(plain): plain for plain in found}
    if any(_unsupported(plain) for plain in unique.values()):
        return f"it calls the learner's function `{name}` with objects that cannot be exported"
    return [from_plain(plain) for plain in unique.values()]


def _unsupported(plain: Any) -> bool:
    """Whether plain data holds something ``to_plain`` could not carry."""
    if isinstance(plain, dict):
        if plain.get("t") == "unsupported" or "unsupported" in plain:
            return True
        return any(_unsupported(item) for item in plain.values())
    if isinstance(plain, list):
        return any(_unsupported(item) for item in plain)
    return False


def _same_outcome(
    planned: replay.Replay, cell_id: str, solution: dict, answers: Answers | None
) -> str | None:
    """Why replaying on exported answers would judge the solution otherwise, or ``None``."""
    namespace = replay.setup_namespace(planned.setup)
    namespace.update(_live(solution, planned.names))
    live = replay.run_cell(planned.source, namespace, cell_id)
    items = planned.kernel_plan()
    exported = [
        from_plain(json.loads(json.dumps(answer(solution.get(item["name"], MISSING), item))))
        for item in items
    ]
    replayed = replay.judge(planned, exported, cell_id, LocalChannel(solution, answers))
    if replayed != live:
        seen = replayed[0] if replayed else "a pass"
        return f"its answers lose something as plain data (replayed, the solution gets {seen})"
    return None


class LocalChannel:
    """The bridge to a kernel, played by the functions of ``namespace`` in this process (the
    solution's, when planning): each question and answer crosses as JSON, as they cross
    from a learner's kernel, and questions asked again are answered from ``answers``."""

    def __init__(self, namespace: dict, answers: Answers | None = None):
        self.namespace = namespace
        self.answers = answers if answers is not None else Answers()

    def ask(self, name: str, args: tuple) -> Any:
        from cmkit.checks.evaluators import call_safely

        function = self.namespace[name]
        asked = f"{name} {id(function)}"  # a function the solution redefines is asked anew
        answer = self.answers.recall(asked, args)
        if answer is None:
            crossed = from_plain(json.loads(json.dumps(to_plain(tuple(args)))))
            answer = json.loads(json.dumps(to_plain(call_safely(function, tuple(crossed)))))
            self.answers.keep(asked, args, answer)
        return from_plain(answer)
