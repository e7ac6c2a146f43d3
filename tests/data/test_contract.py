"""One contract over every table: card present, dtypes as the spec says, reproducible."""

from pathlib import Path

import pandas as pd
import pytest

from cmkit.data import card, load, table_names
from cmkit.data.specs import TABLES

DATASETS = Path(__file__).resolve().parents[2] / "datasets"

NAMES = table_names()


def test_every_spec_is_a_listed_table():
    assert NAMES == list(TABLES)
    assert len(NAMES) == 10


@pytest.mark.parametrize("name", NAMES)
def test_the_card_is_committed_and_describes_every_column(name, repo_datasets):
    text = card(name)
    assert text.startswith(f"# `{name}`")
    for column in TABLES[name].columns:
        assert f"| `{column.name}` |" in text, column.name
    for section in ("## Columns", "## How it was generated", "## Known quirks", "**Rows**"):
        assert section in text
    rows = len(load(name))
    assert f"**Rows**: {rows:,}" in text


@pytest.mark.parametrize("name", NAMES)
def test_loaded_dtypes_are_the_ones_the_spec_promises(name, repo_datasets):
    frame = load(name)
    spec = TABLES[name]
    assert list(frame.columns) == spec.column_names
    for column in spec.columns:
        assert frame[column.name].dtype == column.dtype, column.name
        if column.kind == "timestamp":
            assert str(frame[column.name].dt.tz) == "Africa/Dakar"
        if not column.nullable and column.kind != "Int64":
            assert frame[column.name].notna().all(), column.name


@pytest.mark.parametrize("name", NAMES)
def test_label_columns_use_only_their_categories(name, tables):
    frame = tables[name]
    for column in TABLES[name].columns:
        if column.kind == "category":
            # A value outside the categories would have been read as missing.
            raw = pd.read_csv(DATASETS / f"{name}.csv", usecols=[column.name], dtype="str")
            assert frame[column.name].isna().sum() == raw[column.name].isna().sum(), column.name


@pytest.mark.parametrize("name", NAMES)
def test_the_committed_file_is_what_the_default_seed_generates(name, fresh_dir):
    for suffix in (".csv", ".md"):
        committed = (DATASETS / f"{name}{suffix}").read_bytes()
        assert committed == (fresh_dir / f"{name}{suffix}").read_bytes(), f"{name}{suffix}"
