"""Installs are reproducible: pyproject pins what requirements.lock and environment.yml list."""

import re
import tomllib

from .conftest import ROOT


def pinned(requirements):
    pins = {}
    for line in requirements:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)", line)
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def pyproject_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    return requirements, pinned(requirements)


def test_every_dependency_is_pinned():
    requirements, pins = pyproject_pins()
    assert len(pins) == len(requirements), "pin every dependency in pyproject.toml with =="


def test_environment_yml_lists_the_same_packages_and_versions():
    conda = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"^\s*-\s*([A-Za-z0-9_.\-]+)\s*=\s*([^\s=#]+)\s*$", line)
        if match and match.group(1) != "python":
            conda[match.group(1).lower()] = match.group(2)
    assert conda == pyproject_pins()[1]


def test_lock_file_agrees_with_pyproject():
    lock = pinned((ROOT / "requirements.lock").read_text().splitlines())
    for name, version in pyproject_pins()[1].items():
        assert lock.get(name) == version, f"{name}: pyproject {version}, lock {lock.get(name)}"


def test_environment_yml_python_matches_requires_python():
    text = (ROOT / "environment.yml").read_text()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    minimum = re.search(r">=\s*(\d+\.\d+)", project["requires-python"]).group(1)
    assert f"python={minimum}" in text
