"""Check helpers for test cells: one call per concern, feedback a non-programmer can act on.

A test cell names the notebook variable to check and what is expected::

    check.number("median_reach", between=(100, 50_000), hint="Section 2 of the lesson")
    check.table("by_network", columns=["posts", "reach"], rows=6)

Each helper returns nothing when the answer passes (nbgrader would read a returned value as
partial credit). It reads the variable from the notebook, judges it (type and shape first, then the
value), and raises ``CheckFailed`` (an ``AssertionError``) with a message that says what was
checked, what came back and where to look, never the answer. An untouched placeholder ``...`` or
a missing variable raises ``NotAttempted`` with its own message.
"""

from __future__ import annotations

from typing import Any

from . import evaluators  # noqa: F401  (registers the evaluators)
from .core import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    RECORDS,
    Check,
    CheckFailed,
    NotAttempted,
    Outcome,
    lookup,
    run,
)

__all__ = [
    "CORRECT",
    "INCORRECT",
    "NOT_ATTEMPTED",
    "RECORDS",
    "Check",
    "CheckFailed",
    "NotAttempted",
    "Outcome",
    "boolean",
    "choice",
    "collection",
    "figure",
    "function",
    "mapping",
    "number",
    "series",
    "table",
]


def _check(kind: str, name: str, what: str, hint: str | None, params: dict[str, Any]) -> None:
    __tracebackhide__ = True
    params = {key: value for key, value in params.items() if value is not None}
    # depth 3: _check <- the helper (number, table …) <- the test cell that called it
    run(Check(kind, name, what, params, hint), lookup(name, depth=3))
    # Nothing is returned: a value left as a test cell's result would be read by nbgrader as
    # partial credit. Passing is silence; failing raises.


def number(
    name: str,
    *,
    equals: float | None = None,
    between: tuple[float, float] | None = None,
    whole: bool = False,
    scale: str | None = None,
    mistakes: dict[float, str] | None = None,
    rtol: float | None = None,
    atol: float | None = None,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """A single number. ``scale="fraction"`` or ``"percent"`` diagnoses a ×100 slip;
    ``mistakes`` maps known wrong values to what the learner probably did."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    if what is None:
        parts = [f"that `{name}` is a {'whole ' if whole else ''}number"]
        if between is not None:
            parts.append(f"in a plausible range ({between[0]:,} to {between[1]:,})")
        if equals is not None:
            parts.append("with the expected value")
        what = " ".join(parts)
    _check(
        "number",
        name,
        what,
        hint,
        dict(
            equals=equals,
            between=between,
            whole=whole,
            scale=scale,
            mistakes=mistakes,
            rtol=rtol,
            atol=atol,
        ),
    )


def boolean(
    name: str, *, equals: bool | None = None, what: str | None = None, hint: str | None = None
) -> None:
    """True or False."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    what = what or f"that `{name}` is True or False" + (
        " and the right conclusion" if equals is not None else ""
    )
    _check("boolean", name, what, hint, dict(equals=equals))


def choice(
    name: str,
    *,
    options: list[str],
    equals: str | None = None,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """One answer among ``options`` (case and extra spaces do not matter)."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    what = what or f"that `{name}` is one of {', '.join(map(repr, options))}" + (
        " and the right one" if equals is not None else ""
    )
    _check("choice", name, what, hint, dict(options=list(options), equals=equals))


def collection(
    name: str,
    *,
    equals: list | None = None,
    length: int | None = None,
    allowed: list | None = None,
    ordered: bool = False,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """A list (or set, tuple) of items; ``ordered`` when the order is part of the answer."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    what = what or f"that `{name}` is a list" + (
        " holding the expected items" + (" in the expected order" if ordered else "")
        if equals is not None
        else ""
    )
    _check(
        "collection",
        name,
        what,
        hint,
        dict(equals=equals, length=length, allowed=allowed, ordered=ordered),
    )


def mapping(
    name: str,
    *,
    keys: list | None = None,
    equals: dict | None = None,
    exact_keys: bool = True,
    rtol: float | None = None,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """A dictionary with the given keys (and, with ``equals``, the expected values)."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    what = what or f"that `{name}` is a dictionary with the expected keys" + (
        " and values" if equals is not None else ""
    )
    _check(
        "mapping",
        name,
        what,
        hint,
        dict(keys=keys, equals=equals, exact_keys=exact_keys, rtol=rtol),
    )


def table(
    name: str,
    *,
    columns: list[str] | None = None,
    rows: int | None = None,
    min_rows: int | None = None,
    equals=None,
    ordered: bool = False,
    no_nan: bool = False,
    mistakes: list | None = None,
    rtol: float | None = None,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """A DataFrame: columns and row count first, then values (rows matched by label)."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    if what is None:
        parts = [f"that `{name}` is a table"]
        if columns:
            parts.append("with the columns " + ", ".join(map(repr, columns)))
        if rows is not None:
            parts.append(f"and {rows} rows")
        if equals is not None:
            parts.append("holding the expected values")
        what = " ".join(parts)
    _check(
        "table",
        name,
        what,
        hint,
        dict(
            columns=columns,
            rows=rows,
            min_rows=min_rows,
            equals=equals,
            ordered=ordered,
            no_nan=no_nan,
            mistakes=mistakes,
            rtol=rtol,
        ),
    )


def series(
    name: str,
    *,
    length: int | None = None,
    labels: list | None = None,
    equals=None,
    ordered: bool = False,
    mistakes: list | None = None,
    rtol: float | None = None,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """A Series: labels and length first, then values (matched by label)."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    what = what or f"that `{name}` is a column (Series)" + (
        " with the expected values" if equals is not None else ""
    )
    _check(
        "series",
        name,
        what,
        hint,
        dict(
            length=length,
            labels=labels,
            equals=equals,
            ordered=ordered,
            mistakes=mistakes,
            rtol=rtol,
        ),
    )


def function(
    name: str,
    *,
    cases: list[tuple[Any, Any]],
    rtol: float | None = None,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """A function, called on each case's arguments; its result must match the case's value."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    what = what or f"that `{name}` gives the expected result on {len(cases)} example(s)"
    _check("function", name, what, hint, dict(cases=cases, rtol=rtol))


def figure(
    name: str,
    *,
    panels: int | None = None,
    titles: bool = True,
    labels: bool = True,
    title_words: list[str] | None = None,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """A matplotlib Figure: the number of chart panels, their titles and axis labels."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    what = what or f"that `{name}` is a figure whose charts have titles and labelled axes"
    _check(
        "figure",
        name,
        what,
        hint,
        dict(panels=panels, titles=titles, labels=labels, title_words=title_words),
    )
