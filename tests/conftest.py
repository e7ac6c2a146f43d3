"""Shared fixtures: the course folder the tests run against."""

from pathlib import Path

import pytest

from cmkit.course import Course

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def kit() -> Course:
    return Course(ROOT)
