"""Fixtures for the dataset tests: the committed files, and one fresh generation to compare."""

from pathlib import Path

import pytest

from cmkit.data import generate_all
from cmkit.data.case import DEFAULT_SEED
from cmkit.data.loader import read_table
from cmkit.data.specs import TABLES

REPO = Path(__file__).resolve().parents[2]
DATASETS = REPO / "datasets"


@pytest.fixture(scope="session")
def tables():
    """Every committed table, read with the dtypes of its spec (statistics come from here)."""
    return {name: read_table(spec, DATASETS / spec.file_name) for name, spec in TABLES.items()}


@pytest.fixture(scope="session")
def fresh_dir(tmp_path_factory):
    """A fresh generation with the default seed, in a temporary folder."""
    out = tmp_path_factory.mktemp("fresh_datasets")
    generate_all(out, seed=DEFAULT_SEED)
    return out


@pytest.fixture
def repo_datasets(monkeypatch):
    """Make the loader use the repository's datasets/ whatever the environment says."""
    from cmkit.data import clear_cache

    monkeypatch.delenv("CMKIT_DATASETS", raising=False)
    clear_cache()
    yield DATASETS
    clear_cache()
