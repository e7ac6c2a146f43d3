import pytest

from cmkit.data import load


@pytest.fixture(scope="module")
def inbox():
    return load("inbox")
