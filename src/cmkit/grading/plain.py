"""Answers as plain JSON data, to carry them out of the learner's kernel (and, for a bridged
function, the grader's questions into it).

Only builtin scalars and containers, exact pandas tables and columns, figure summaries and
the kit's read-only records that say they may (a crisis ``Situation``, a ``Decision``) cross;
everything else becomes ``unsupported`` with its type's name. Values are rebuilt from their
data (an ``int`` subclass becomes a plain ``int``, a ``str`` subclass a plain ``str``), so an
object that claims to equal everything arrives as what it really holds. The trusted side
never unpickles anything that came from a learner, and rebuilds only the kit's classes.
"""

from __future__ import annotations

import functools
import math
import numbers
import sys
from dataclasses import fields, is_dataclass
from types import MappingProxyType
from typing import Any

from cmkit.checks.core import MISSING
from cmkit.checks.exported import (
    Bridged,
    FigureSummary,
    FunctionResults,
    PanelSummary,
    Raised,
    Unsupported,
)

MAX_ITEMS = 2_000_000  # cells of a table, items of a list: beyond this, "unsupported"


def _float(value: float) -> Any:
    return value if math.isfinite(value) else repr(value)  # JSON has no nan / inf


def to_plain(value: Any, budget: list[int] | None = None) -> dict:
    import numpy as np
    import pandas as pd

    budget = budget if budget is not None else [MAX_ITEMS]
    budget[0] -= 1
    if budget[0] < 0:
        return {"t": "unsupported", "type": "a value too large to grade"}
    # the exact builtin scalars first: most of what crosses, and cheap to recognise
    kind = type(value)
    if kind is str:
        return {"t": "str", "v": value}
    if kind is int:
        return {"t": "int", "v": value}
    if kind is bool:
        return {"t": "bool", "v": value}
    if kind is float:
        return {"t": "float", "v": _float(value)}
    if value is MISSING:
        return {"t": "missing"}
    if value is None:
        return {"t": "none"}
    if value is Ellipsis:
        return {"t": "ellipsis"}
    if isinstance(value, (bool, np.bool_)):
        return {"t": "bool", "v": bool(value)}
    if isinstance(value, (numbers.Integral, np.integer)):
        return {"t": "int", "v": int(value)}
    if isinstance(value, (numbers.Real, np.floating)):
        return {"t": "float", "v": _float(float(value))}
    if isinstance(value, str):
        return {"t": "str", "v": str.__str__(value)}
    if isinstance(value, pd.Timestamp):
        zone = str(value.tz) if value.tz is not None else None
        return {"t": "timestamp", "v": value.isoformat(), "tz": zone}
    if type(value) in (list, tuple, set, frozenset):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        kind = {list: "list", tuple: "tuple"}.get(type(value), "set")
        return {"t": kind, "v": [to_plain(item, budget) for item in items]}
    if type(value) is dict:
        return {
            "t": "dict",
            "v": [[to_plain(k, budget), to_plain(v, budget)] for k, v in value.items()],
        }
    if type(value) is pd.Series:
        budget[0] -= len(value)
        if budget[0] < 0:
            return {"t": "unsupported", "type": "a column too large to grade"}
        return {
            "t": "series",
            "name": to_plain(value.name, budget),
            "dtype": str(value.dtype),
            "index": [to_plain(label, budget) for label in value.index],
            "data": [_cell(item) for item in value.tolist()],
        }
    if type(value) is pd.DataFrame:
        budget[0] -= value.size
        if budget[0] < 0:
            return {"t": "unsupported", "type": "a table too large to grade"}
        return {
            "t": "frame",
            "columns": [to_plain(column, budget) for column in value.columns],
            "dtypes": [str(dtype) for dtype in value.dtypes],
            "index": [to_plain(label, budget) for label in value.index],
            "data": [
                [_cell(item) for item in value.iloc[:, i].tolist()] for i in range(value.shape[1])
            ],
        }
    if _is_figure(value):
        from cmkit.checks.exported import summarise_figure

        summary = summarise_figure(value)
        budget[0] -= sum(len(values) for p in summary.panels for values in p.series)
        if budget[0] < 0:
            return {"t": "unsupported", "type": "a figure too large to grade"}
        return {
            "t": "figure",
            "suptitle": summary.suptitle,
            "panels": [
                [
                    p.title,
                    p.xlabel,
                    p.ylabel,
                    p.has_data,
                    p.titles,
                    [[_float(v) for v in values] for values in p.series],
                ]
                for p in summary.panels
            ],
        }
    if isinstance(value, Raised):
        return {"t": "raised", "error": value.error, "detail": value.detail}
    if isinstance(value, FunctionResults):
        return {"t": "results", "v": [to_plain(item, budget) for item in value.results]}
    if isinstance(value, Bridged):
        return {"t": "bridged"}
    if type(value) is MappingProxyType:
        return {
            "t": "mapping",
            "v": [[to_plain(k, budget), to_plain(v, budget)] for k, v in value.items()],
        }
    if _kit_record(kind):
        return {
            "t": "record",
            "type": f"{kind.__module__}.{kind.__qualname__}",
            "v": [[name, to_plain(getattr(value, name), budget)] for name in _field_names(kind)],
        }
    return {"t": "unsupported", "type": kind.__name__}


@functools.cache
def _kit_record(cls: type) -> bool:
    """Whether ``cls`` is one of the kit's read-only records that may cross as their fields:
    a frozen dataclass of a kit module that says so (``_plain_data = True``), such as the
    crisis simulation's ``Situation`` and ``Decision``."""
    return (
        isinstance(cls, type)
        and is_dataclass(cls)
        and cls.__dataclass_params__.frozen
        and cls.__dict__.get("_plain_data") is True
        and cls.__module__.startswith("cmkit.")
        and "." not in cls.__qualname__
    )


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.init)


def _record(data: dict) -> Any:
    """A kit record rebuilt from its fields. Only a class of a kit module already loaded
    qualifies (nothing is imported on the data's say), with exactly its fields."""
    module, _, name = str(data.get("type", "")).rpartition(".")
    cls = getattr(sys.modules.get(module) if module.startswith("cmkit.") else None, name, None)
    if not isinstance(cls, type) or not _kit_record(cls) or cls.__module__ != module:
        return Unsupported(str(data.get("type", "unknown"))[:100])
    values = {str(key): from_plain(item) for key, item in data["v"]}
    if set(values) != set(_field_names(cls)):
        return Unsupported(name)
    try:
        return cls(**values)
    except Exception:  # fields the class refuses
        return Unsupported(name)


def _cell(item: Any) -> Any:
    """One value of a table or column: a JSON scalar (timestamps as ISO text)."""
    import numpy as np
    import pandas as pd

    if item is None or item is pd.NaT or (isinstance(item, float) and math.isnan(item)):
        return None
    if isinstance(item, (bool, np.bool_)):
        return bool(item)
    if isinstance(item, (numbers.Integral, np.integer)):
        return int(item)
    if isinstance(item, (numbers.Real, np.floating)):
        return _float(float(item))
    if isinstance(item, pd.Timestamp):
        return {"ts": item.isoformat()}
    if isinstance(item, str):
        return str.__str__(item)
    if item is Ellipsis:  # a column still holding the placeholder: "not attempted"
        return {"ellipsis": True}
    try:
        if pd.isna(item):
            return None
    except (TypeError, ValueError):
        pass
    return {"unsupported": type(item).__name__}


def _is_figure(value: Any) -> bool:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        return False
    return isinstance(value, Figure)


def _float_back(value: Any) -> float:
    return float(value) if not isinstance(value, str) else float(value)


def _cell_back(v: Any, dtype: str) -> Any:
    import pandas as pd

    if isinstance(v, dict):
        if "ts" in v:
            return pd.Timestamp(v["ts"])
        if "ellipsis" in v:
            return Ellipsis
        return Unsupported(str(v.get("unsupported", "unknown")))
    if isinstance(v, str) and v in ("nan", "inf", "-inf") and dtype.startswith("float"):
        return float(v)
    return v


@functools.cache
def _zone(name: str) -> str:
    """A time zone pandas knows (the learner's data names it), else UTC."""
    import pandas as pd

    try:
        pd.Timestamp(0, tz="UTC").tz_convert(name)
    except Exception:  # an unknown or forged name
        return "UTC"
    return name


def _column(data: list, dtype: str):
    import pandas as pd

    values = [_cell_back(v, dtype) for v in data]
    if dtype.startswith(("int", "uint")) and None not in values:
        return pd.array(values, dtype="int64")
    if dtype.startswith(("float", "Float", "Int", "UInt")):
        return pd.array([math.nan if v is None else float(v) for v in values], dtype="float64")
    if dtype == "bool":
        return pd.array(values, dtype="bool")
    if dtype.startswith("datetime64"):
        moments = pd.to_datetime(pd.Series(values), utc=True)
        if ", " not in dtype:  # naive, as it was: ISO text without an offset reads as UTC
            return moments.dt.tz_localize(None).array
        return moments.dt.tz_convert(_zone(dtype.split(", ", 1)[1].rstrip("]"))).array
    return pd.array(values, dtype="object")


def _panel(title, xlabel, ylabel, has_data, titles="", series=()) -> PanelSummary:
    values = tuple(tuple(float(v) for v in drawn) for drawn in series)
    return PanelSummary(str(title), str(xlabel), str(ylabel), bool(has_data), str(titles), values)


def from_plain(data: dict) -> Any:
    import pandas as pd

    kind = data.get("t")
    if kind == "missing":
        return MISSING
    if kind == "none":
        return None
    if kind == "ellipsis":
        return Ellipsis
    if kind == "bool":
        return bool(data["v"])
    if kind == "int":
        return int(data["v"])
    if kind == "float":
        return _float_back(data["v"])
    if kind == "str":
        return str(data["v"])
    if kind == "timestamp":
        zone = data.get("tz")
        if isinstance(data.get("ns"), int):
            return pd.Timestamp(data["ns"], tz=_zone(str(zone)) if zone else None)
        moment = pd.Timestamp(data["v"])
        return moment.tz_convert(_zone(zone)) if zone and moment.tz is not None else moment
    if kind in ("list", "tuple", "set"):
        items = [from_plain(item) for item in data["v"]]
        return {"list": list, "tuple": tuple, "set": set}[kind](items)
    if kind == "dict":
        return {from_plain(k): from_plain(v) for k, v in data["v"]}
    if kind == "series":
        index = pd.Index([from_plain(label) for label in data["index"]])
        return pd.Series(
            _column(data["data"], data["dtype"]), index=index, name=from_plain(data["name"])
        )
    if kind == "frame":
        columns = [from_plain(c) for c in data["columns"]]
        index = pd.Index([from_plain(label) for label in data["index"]])
        frame = pd.DataFrame(index=index)
        for i, (column, dtype) in enumerate(zip(columns, data["dtypes"], strict=True)):
            frame[column] = pd.Series(_column(data["data"][i], dtype), index=index)
        return frame
    if kind == "figure":
        panels = tuple(_panel(*panel) for panel in data["panels"])
        return FigureSummary(panels, data.get("suptitle", ""))
    if kind == "raised":
        return Raised(data["error"], data["detail"])
    if kind == "results":
        return FunctionResults(tuple(from_plain(item) for item in data["v"]))
    if kind == "bridged":
        return Bridged()
    if kind == "mapping":
        return MappingProxyType({from_plain(k): from_plain(v) for k, v in data["v"]})
    if kind == "record":
        return _record(data)
    return Unsupported(data.get("type", "unknown"))
