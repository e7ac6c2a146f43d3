"""How each kind of check judges an answer.

Every evaluator checks the *type and shape* of an answer before its value, converts the value
to plain Python or plain pandas objects before comparing (so an object that claims to equal
everything gains nothing), and raises ``Wrong`` with what came back, never the expected value.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

from .core import Check, Wrong, describe_type, evaluator
from .exported import FigureSummary, FunctionResults, Raised, summarise_figure
from .messages import say

DEFAULT_RTOL = 1e-4


# --- plain values -------------------------------------------------------------------------


def show(value: Any) -> str:
    """A short, readable rendering of a value for "what came back"."""
    import pandas as pd

    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        number = float(value)
        if 1e6 <= abs(number) < 1e15:  # amounts in XOF: 1,610,000 reads better than 1.61e+06
            return f"{number:,.0f}" if number == round(number) else f"{number:,.2f}"
        if number != 0 and (abs(number) >= 1e15 or abs(number) < 1e-3):
            return f"{number:.4g}"
        return f"{number:,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, pd.DataFrame):
        return f"a table of {len(value)} rows × {len(value.columns)} columns"
    if isinstance(value, pd.Series):
        return f"a column of {len(value)} values"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def as_number(value: Any) -> float:
    """``value`` as a plain float, or ``Wrong`` saying what it was instead."""
    import numpy as np
    import pandas as pd

    if isinstance(value, (bool, np.bool_)):
        raise Wrong(say("bool_for_number", value=bool(value)))
    if value is None:
        raise Wrong(say("none_value"))
    if isinstance(value, pd.Series):
        if len(value) == 1:
            raise Wrong(say("one_value_series"))
        raise Wrong(say("series_for_number", n=len(value)))
    if isinstance(value, str):
        raise Wrong(say("text_for_number", value=value[:40]))
    if not isinstance(value, (numbers.Real, np.integer, np.floating)):
        article, actual = describe_type(value)
        raise Wrong(say("got_type", article=article, actual=actual))
    number = float(value)
    if not math.isfinite(number):
        raise Wrong(say("not_finite", value=number))
    return number


def close(a: float, b: float, rtol: float = DEFAULT_RTOL, atol: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=rtol, abs_tol=atol)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def as_text(value: Any) -> str:
    if value is None:
        raise Wrong(say("none_value"))
    if not isinstance(value, str):
        article, actual = describe_type(value)
        raise Wrong(say("got_type", article=article, actual=actual))
    return str.__str__(value)


def normalise_label(value: Any) -> str:
    return " ".join(as_text(value).strip().lower().split())


def plain(value: Any) -> Any:
    """Builtins for scalars and containers, so comparisons use Python's own equality."""
    import numpy as np

    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (numbers.Integral, np.integer)):
        return int(value)
    if isinstance(value, (numbers.Real, np.floating)):
        return float(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def same(answer: Any, expected: Any, rtol: float = DEFAULT_RTOL) -> bool:
    """Whether ``answer`` matches ``expected``; the expected value's type decides how."""
    import pandas as pd

    if isinstance(expected, pd.DataFrame):
        return _frames_match(answer, expected, rtol, ordered=False) is None
    if isinstance(expected, pd.Series):
        return _series_match(answer, expected, rtol, ordered=False) is None
    if isinstance(expected, bool):
        import numpy as np

        return isinstance(answer, (bool, np.bool_)) and bool(answer) is expected
    if isinstance(expected, numbers.Real):
        try:
            return close(as_number(answer), float(expected), rtol)
        except Wrong:
            return False
    if isinstance(expected, str):
        return isinstance(answer, str) and normalise_label(answer) == normalise_label(expected)
    if isinstance(expected, dict):
        return (
            isinstance(answer, dict)
            and set(map(plain, answer)) == set(map(plain, expected))
            and all(same(answer[key], expected[key], rtol) for key in answer)
        )
    if isinstance(expected, (list, tuple)):
        items = plain(list(answer)) if isinstance(answer, (list, tuple)) else None
        return (
            items is not None
            and len(items) == len(expected)
            and all(same(a, e, rtol) for a, e in zip(items, expected, strict=True))
        )
    return plain(answer) == plain(expected)


# --- numbers, booleans, choices -----------------------------------------------------------


@evaluator("number", exportable=True)
def check_number(check: Check, answer: Any) -> None:
    p = check.params
    value = as_number(answer)
    shown = show(answer)
    if p.get("whole") and value != round(value):
        raise Wrong(say("number_not_whole", value=shown))
    expected = p.get("equals")
    rtol = p.get("rtol", DEFAULT_RTOL)
    for wrong_value, message in p.get("mistakes", {}).items():
        if close(value, float(wrong_value), rtol) and not (
            expected is not None and close(value, float(expected), rtol)
        ):
            raise Wrong(f"{shown}. {message}")
    if p.get("between") is not None:
        low, high = p["between"]
        if not low <= value <= high:
            raise Wrong(say("number_out_of_range", value=shown, low=show(low), high=show(high)))
    if expected is not None and not close(value, float(expected), rtol, p.get("atol", 1e-9)):
        if p.get("scale") == "fraction" and close(value, float(expected) * 100, rtol):
            raise Wrong(say("percent_scale", value=shown))
        if p.get("scale") == "percent" and close(value, float(expected) / 100, rtol):
            raise Wrong(say("fraction_scale", value=shown))
        raise Wrong(say("number_wrong", value=shown))


@evaluator("boolean", exportable=True)
def check_boolean(check: Check, answer: Any) -> None:
    import numpy as np

    if not isinstance(answer, (bool, np.bool_)):
        article, actual = describe_type(answer)
        if answer is None:
            raise Wrong(say("none_value"))
        raise Wrong(say("got_type", article=article, actual=actual) + "; True or False is expected")
    expected = check.params.get("equals")
    if expected is not None and bool(answer) is not bool(expected):
        raise Wrong(f"{bool(answer)}, which is not the right conclusion")


@evaluator("choice", exportable=True)
def check_choice(check: Check, answer: Any) -> None:
    value = normalise_label(answer)
    options = [normalise_label(option) for option in check.params["options"]]
    if value not in options:
        raise Wrong(say("choice_unknown", value=str(answer), options=", ".join(map(repr, options))))
    expected = check.params.get("equals")
    if expected is not None and value != normalise_label(expected):
        raise Wrong(say("choice_wrong", value=str(answer)))


# --- collections and dictionaries ---------------------------------------------------------


def _item(item: Any) -> Any:
    """A collection's item as compared: text without case or extra spaces, else plain."""
    return normalise_label(item) if isinstance(item, str) else plain(item)


@evaluator("collection", exportable=True)
def check_collection(check: Check, answer: Any) -> None:
    import pandas as pd

    p = check.params
    if answer is None:
        raise Wrong(say("none_value"))
    if isinstance(answer, pd.Series):
        answer = answer.tolist()
    if not isinstance(answer, (list, tuple, set)):
        article, actual = describe_type(answer)
        raise Wrong(say("got_type", article=article, actual=actual) + "; a list is expected")
    items = [_item(item) for item in answer]
    if "allowed" in p:
        allowed = {_item(item) for item in p["allowed"]}
        unknown = [item for item in items if item not in allowed]
        if unknown:
            raise Wrong(say("collection_unknown", items=", ".join(map(repr, unknown[:5]))))
    expected = p.get("equals")
    length = p.get("length", len(expected) if expected is not None else None)
    if length is not None and len(items) != length:
        raise Wrong(say("collection_length", n=_count(len(items), "item"), expected=length))
    if expected is not None:
        wanted = [_item(item) for item in expected]
        if p.get("ordered"):
            if items != wanted:
                matches_unordered = sorted(map(str, items)) == sorted(map(str, wanted))
                raise Wrong(say("unsorted") if matches_unordered else say("collection_wrong"))
        elif sorted(map(str, items)) != sorted(map(str, wanted)):
            raise Wrong(say("collection_wrong"))


@evaluator("mapping", exportable=True)
def check_mapping(check: Check, answer: Any) -> None:
    p = check.params
    if not isinstance(answer, dict):
        if answer is None:
            raise Wrong(say("none_value"))
        article, actual = describe_type(answer)
        raise Wrong(say("got_type", article=article, actual=actual) + "; a dictionary is expected")
    keys = {plain(key) for key in answer}
    wanted = p.get("keys") or (list(p["equals"]) if "equals" in p else [])
    missing = [key for key in wanted if key not in keys]
    if missing:
        raise Wrong(say("mapping_keys_missing", keys=", ".join(map(repr, missing))))
    if p.get("exact_keys", True) and wanted:
        extra = sorted(map(str, keys - set(wanted)))
        if extra:
            raise Wrong(say("mapping_keys_extra", keys=", ".join(map(repr, extra))))
    for key, expected in p.get("equals", {}).items():
        if not same(answer[key], expected, p.get("rtol", DEFAULT_RTOL)):
            raise Wrong(say("mapping_value_wrong", key=key))


# --- tables and columns -------------------------------------------------------------------


def _require_type(answer: Any, kind: type, label: str) -> None:
    if answer is None:
        raise Wrong(say("none_value"))
    if type(answer) is not kind:
        article, actual = describe_type(answer)
        raise Wrong(say("got_type", article=article, actual=actual) + f"; {label} is expected")


def _label_detail(got: list, wanted: list) -> str:
    missing = [label for label in wanted if label not in got]
    extra = [label for label in got if label not in wanted]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(map(repr, missing[:5])))
    if extra:
        parts.append("unexpected " + ", ".join(map(repr, extra[:5])))
    return "; ".join(parts) or "same labels, different order"


def _values_match(got, wanted, rtol: float) -> bool:
    import numpy as np
    import pandas as pd

    if pd.api.types.is_numeric_dtype(wanted) and not pd.api.types.is_bool_dtype(wanted):
        if not pd.api.types.is_numeric_dtype(got) or pd.api.types.is_bool_dtype(got):
            return False
        a = np.asarray(got, dtype=float)
        b = np.asarray(wanted, dtype=float)
        return bool(np.allclose(a, b, rtol=rtol, atol=1e-9, equal_nan=True))
    a = [None if pd.isna(x) else plain(x) for x in got]
    b = [None if pd.isna(x) else plain(x) for x in wanted]
    return a == b


def _series_match(answer: Any, expected, rtol: float, ordered: bool) -> str | None:
    """None when the column matches, else what came back."""
    import pandas as pd

    if type(answer) is not pd.Series:
        article, actual = describe_type(answer)
        return say("got_type", article=article, actual=actual)
    if len(answer) != len(expected):
        return say("series_length", n=len(answer), expected=len(expected))
    got_labels = [plain(label) for label in answer.index]
    wanted_labels = [plain(label) for label in expected.index]
    if sorted(map(str, got_labels)) != sorted(map(str, wanted_labels)):
        return say("series_labels_wrong", detail=_label_detail(got_labels, wanted_labels))
    if ordered and got_labels != wanted_labels:
        return say("unsorted")
    aligned = answer.copy()
    aligned.index = [str(label) for label in got_labels]
    aligned = aligned.loc[[str(label) for label in wanted_labels]]
    if not _values_match(aligned, expected, rtol):
        return say("series_values_wrong")
    return None


def _frames_match(answer: Any, expected, rtol: float, ordered: bool) -> str | None:
    import pandas as pd

    if type(answer) is not pd.DataFrame:
        article, actual = describe_type(answer)
        return say("got_type", article=article, actual=actual)
    missing = [c for c in expected.columns if c not in answer.columns]
    if missing:
        return say(
            "columns_missing",
            columns=", ".join(map(repr, missing)),
            present=", ".join(map(repr, list(answer.columns)[:12])),
        )
    if len(answer) != len(expected):
        return say("rows_count", n=len(answer), expected=len(expected))
    got_labels = [str(plain(label)) for label in answer.index]
    wanted_labels = [str(plain(label)) for label in expected.index]
    if sorted(got_labels) != sorted(wanted_labels):
        return say("index_wrong", detail=_label_detail(got_labels, wanted_labels))
    if ordered and got_labels != wanted_labels:
        return say("unsorted")
    aligned = answer.copy()
    aligned.index = got_labels
    aligned = aligned.loc[wanted_labels]
    for column in expected.columns:
        if not _values_match(aligned[column], expected[column], rtol):
            return say("column_values_wrong", column=column)
    return None


@evaluator("table", exportable=True)
def check_table(check: Check, answer: Any) -> None:
    import pandas as pd

    p = check.params
    _require_type(answer, pd.DataFrame, "a table (DataFrame)")
    untouched = [
        str(c)
        for c in answer.columns
        if answer[c].dtype == object and len(answer) and all(v is Ellipsis for v in answer[c])
    ]
    if untouched:
        message = say("column_placeholder", name=check.name, columns=", ".join(untouched))
        raise Wrong(message, not_attempted=True)
    columns = p.get("columns", [])
    missing = [c for c in columns if c not in answer.columns]
    if missing:
        raise Wrong(
            say(
                "columns_missing",
                columns=", ".join(map(repr, missing)),
                present=", ".join(map(repr, list(answer.columns)[:12])),
            )
        )
    if "rows" in p and len(answer) != p["rows"]:
        raise Wrong(say("rows_count", n=len(answer), expected=p["rows"]))
    if "min_rows" in p and len(answer) < p["min_rows"]:
        raise Wrong(say("rows_too_few", n=len(answer), minimum=p["min_rows"]))
    if p.get("no_nan"):
        subset = columns or list(answer.columns)
        empty = [c for c in subset if answer[c].isna().any()]
        if empty:
            raise Wrong(say("table_has_nan", columns=", ".join(map(repr, empty))))
    rtol = p.get("rtol", DEFAULT_RTOL)
    for wrong_frame, message in p.get("mistakes", []):
        if _frames_match(answer, wrong_frame, rtol, ordered=False) is None:
            raise Wrong(f"{show(answer)}. {message}")
    if "equals" in p:
        problem = _frames_match(answer, p["equals"], rtol, ordered=p.get("ordered", False))
        if problem:
            raise Wrong(problem)


@evaluator("series", exportable=True)
def check_series(check: Check, answer: Any) -> None:
    import pandas as pd

    p = check.params
    _require_type(answer, pd.Series, "a column (Series)")
    if "length" in p and len(answer) != p["length"]:
        raise Wrong(say("series_length", n=len(answer), expected=p["length"]))
    if "labels" in p:
        got = [plain(label) for label in answer.index]
        wanted = [plain(label) for label in p["labels"]]
        if sorted(map(str, got)) != sorted(map(str, wanted)):
            raise Wrong(say("series_labels_wrong", detail=_label_detail(got, wanted)))
    rtol = p.get("rtol", DEFAULT_RTOL)
    for wrong_series, message in p.get("mistakes", []):
        if _series_match(answer, wrong_series, rtol, ordered=False) is None:
            raise Wrong(f"{show(answer)}. {message}")
    if "equals" in p:
        problem = _series_match(answer, p["equals"], rtol, ordered=p.get("ordered", False))
        if problem:
            raise Wrong(problem)


# --- functions ----------------------------------------------------------------------------


def _show_args(args: tuple) -> str:
    return ", ".join(show(arg) if not isinstance(arg, str) else repr(arg) for arg in args)


@evaluator("function", exportable=True)
def check_function(check: Check, answer: Any) -> None:
    rtol = check.params.get("rtol", DEFAULT_RTOL)
    cases = check.params.get("cases", [])
    if isinstance(answer, FunctionResults):  # exported: the calls were made in the kernel
        if len(answer.results) != len(cases):
            raise Wrong(
                say(
                    "function_raised",
                    name=check.name,
                    args="",
                    error="an error",
                    detail="the function could not be called on every example",
                )
            )
        results = list(answer.results)
    elif callable(answer) and not isinstance(answer, type):
        results = [call_safely(answer, args) for args, _ in cases]
    else:
        article, actual = describe_type(answer)
        raise Wrong(say("not_callable", article=article, actual=actual))
    for (args, expected), result in zip(cases, results, strict=True):
        args = args if isinstance(args, tuple) else (args,)
        shown_args = _show_args(args)
        if isinstance(result, Raised):
            raise Wrong(
                say(
                    "function_raised",
                    name=check.name,
                    args=shown_args,
                    error=result.error,
                    detail=result.detail,
                )
            )
        if result is Ellipsis:
            raise Wrong(say("function_placeholder", name=check.name), not_attempted=True)
        if result is None and expected is not None:
            raise Wrong(say("function_returned_none", name=check.name, args=shown_args))
        if not same(result, expected, rtol):
            raise Wrong(say("function_wrong", name=check.name, args=shown_args, value=show(result)))


def call_safely(function, args) -> Any:
    """The function's result for ``args``, or ``Raised`` describing what it raised."""
    args = args if isinstance(args, tuple) else (args,)
    try:
        return function(*args)
    except Exception as error:  # the learner's code: any error is feedback
        return Raised(type(error).__name__, str(error)[:200])


# --- figures ------------------------------------------------------------------------------


@evaluator("figure", exportable=True)
def check_figure(check: Check, answer: Any) -> None:
    from matplotlib.figure import Figure

    p = check.params
    if isinstance(answer, Figure):
        answer = summarise_figure(answer)
    if not isinstance(answer, FigureSummary):
        if answer is None:
            raise Wrong(say("none_value"))
        article, actual = describe_type(answer)
        raise Wrong(say("not_figure", article=article, actual=actual))
    panels = answer.panels
    if not any(panel.has_data for panel in panels):
        raise Wrong(say("figure_nothing_drawn", name=check.name), not_attempted=True)
    if "panels" in p and len(panels) != p["panels"]:
        raise Wrong(say("figure_axes_count", n=len(panels), expected=p["panels"]))
    for panel in panels:
        if not panel.has_data:
            raise Wrong(say("figure_empty"))
        if p.get("titles", True) and not panel.title.strip():
            raise Wrong(say("figure_no_title"))
        if p.get("labels", True):
            for axis, label in (("x", panel.xlabel), ("y", panel.ylabel)):
                if not label.strip():
                    raise Wrong(say("figure_no_label", axis=axis))
    words = p.get("title_words", [])
    if words:
        titles = " ".join([answer.suptitle] + [panel.title for panel in panels]).lower()
        missing = [word for word in words if word.lower() not in titles]
        if missing:
            raise Wrong(say("figure_title_missing_word", words=", ".join(map(repr, missing))))


def chart_panels(figure) -> list:
    """The figure's axes that are charts (colour bars are not)."""
    return [
        ax for ax in figure.axes if not hasattr(ax, "_colorbar") and ax.get_label() != "<colorbar>"
    ]
