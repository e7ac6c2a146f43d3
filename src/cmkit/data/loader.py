"""Load the course datasets by name, with the dtypes their specs promise.

Notebooks never use relative paths: the loader finds ``datasets/`` through the
``CMKIT_DATASETS`` environment variable, or next to ``src/`` in the kit's own checkout, so a
notebook runs the same in JupyterLab, in nbgrader's autograde folders and in a student bundle.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pandas as pd

import cmkit
from cmkit.errors import KitError

from . import case
from .cards import Card
from .specs import TABLES, TableSpec

ENV_VAR = "CMKIT_DATASETS"


class UnknownTable(KitError, KeyError):
    """A table name that is not one of the course datasets."""

    def __str__(self) -> str:
        # KeyError would quote the message; keep it one plain line.
        return str(self.args[0]) if self.args else ""


def table_names() -> list[str]:
    """Names of the course datasets, in the order of the course."""
    return list(TABLES)


def spec_for(name: str) -> TableSpec:
    """The spec of a table; UnknownTable (with the closest valid name) if there is none."""
    if isinstance(name, str) and name in TABLES:
        return TABLES[name]
    valid = ", ".join(TABLES)
    wanted = str(name).strip().lower().replace("-", "_").replace(" ", "_")
    guess = difflib.get_close_matches(wanted, list(TABLES), n=1, cutoff=0.0)
    fix = f"did you mean {guess[0]!r}?" if guess else "use one of the valid names"
    raise UnknownTable(f"table {name!r}: no such dataset (valid names: {valid}); {fix}")


def datasets_dir() -> Path:
    """The folder holding the CSV files and cards."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        folder = Path(configured).expanduser()
        if not folder.is_dir():
            raise KitError(
                f"{ENV_VAR}={configured}: not a folder; point it at the folder holding "
                "posts.csv and the other course datasets, or unset it"
            )
        return folder
    folder = Path(cmkit.__file__).resolve().parents[2] / "datasets"
    if not folder.is_dir():
        raise KitError(
            f"datasets folder {folder}: not found; set the {ENV_VAR} environment variable to "
            "the folder holding the course CSV files"
        )
    return folder


def _path(spec: TableSpec, suffix: str) -> Path:
    path = datasets_dir() / f"{spec.name}{suffix}"
    if not path.is_file():
        raise KitError(
            f"{path}: file missing; run `cmkit data generate` (or restore the datasets folder)"
        )
    return path


def read_table(spec: TableSpec, path: Path) -> pd.DataFrame:
    """Read one CSV written by the generator into the dtypes of its spec."""
    read_as = {}
    for column in spec.columns:
        if column.kind in ("timestamp", "date"):
            read_as[column.name] = "str"
        else:
            read_as[column.name] = column.dtype
    # Only empty cells are missing: a handle such as "nan" or a Wolof "NA" stays text.
    frame = pd.read_csv(
        path, dtype=read_as, keep_default_na=False, na_values=[""], encoding="utf-8"
    )
    for column in spec.columns:
        if column.kind == "timestamp":
            parsed = pd.to_datetime(frame[column.name], format="%Y-%m-%dT%H:%M:%S%z")
            frame[column.name] = parsed.dt.tz_convert(case.TIMEZONE).astype(column.dtype)
        elif column.kind == "date":
            parsed = pd.to_datetime(frame[column.name], format="%Y-%m-%d")
            frame[column.name] = parsed.astype(column.dtype)
    return frame[spec.column_names]


# (folder, table) -> (file signature, frame). Learners get copies, so mutating a loaded
# frame never changes what the next load returns.
_cache: dict[tuple[str, str], tuple[tuple[int, int], pd.DataFrame]] = {}


def load(name: str) -> pd.DataFrame:
    """Load a course dataset by name, e.g. ``load("posts")``.

    Timestamps are tz-aware (Africa/Dakar), low-cardinality labels are categoricals, counts
    with gaps are nullable integers, text is pandas' default string dtype. The data card
    (``card(name)``) says what each column means.
    """
    spec = spec_for(name)
    path = _path(spec, ".csv")
    stat = path.stat()
    key = (str(path.resolve()), spec.name)
    signature = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(key)
    if cached is None or cached[0] != signature:
        cached = (signature, read_table(spec, path))
        _cache[key] = cached
    return cached[1].copy(deep=True)


def card(name: str) -> Card:
    """The data card of a table: markdown text; rendered as markdown in Jupyter."""
    spec = spec_for(name)
    return Card(_path(spec, ".md").read_text(encoding="utf-8"))


def show_card(name: str) -> Card:
    """Same as ``card(name)``; as the last line of a notebook cell it renders as markdown."""
    return card(name)


def clear_cache() -> None:
    _cache.clear()
