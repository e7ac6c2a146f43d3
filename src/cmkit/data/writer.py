"""Write a table as a deterministic CSV: the same frame always gives the same bytes.

Columns in spec order, floats with the spec's fixed number of decimals, timestamps in
ISO 8601 with their offset (+00:00 in Dakar), True/False for booleans, empty cells for gaps,
UTF-8 and "\\n" line endings, so a regenerated file compares equal byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .specs import TableSpec, validate


def _format_column(values: pd.Series, kind: str, decimals: int) -> pd.Series:
    missing = values.isna()
    if kind == "timestamp":
        # Africa/Dakar has been UTC+0 without daylight saving since 1941.
        text = values.dt.strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"
    elif kind == "date":
        text = pd.to_datetime(values).dt.strftime("%Y-%m-%d")
    elif kind in ("int", "Int64"):
        text = values.astype("Int64").astype("str")
    elif kind == "float":
        text = pd.Series(
            np.char.mod(f"%.{decimals}f", values.to_numpy(dtype=float)), index=values.index
        )
    elif kind == "bool":
        text = values.map({True: "True", False: "False"})
    else:
        text = values.astype("str")
    return text.where(~missing, "")


def to_csv_text(spec: TableSpec, frame: pd.DataFrame) -> str:
    """The CSV text of a generated frame, after checking it against its spec."""
    validate(spec, frame)
    out = pd.DataFrame(
        {c.name: _format_column(frame[c.name], c.kind, c.decimals) for c in spec.columns}
    )
    return out.to_csv(index=False, lineterminator="\n")


def write_table(spec: TableSpec, frame: pd.DataFrame, out_dir: Path) -> Path:
    path = Path(out_dir) / spec.file_name
    path.write_bytes(to_csv_text(spec, frame).encode("utf-8"))
    return path


def write_text(path: Path, text: str) -> Path:
    path = Path(path)
    path.write_bytes(text.encode("utf-8"))
    return path
