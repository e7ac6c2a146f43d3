# Conveniences over scripts/kit.py, which creates .venv/ on first use and installs the pinned
# packages. Where make is missing (Windows), run `python scripts/kit.py <job>` instead.
PYTHON ?= python3

.PHONY: demo test lab setup release prove lint format data

demo:  ## the main job: release and autograde every assignment
	$(PYTHON) scripts/kit.py demo

test:  ## the whole test suite
	$(PYTHON) scripts/kit.py test

lab:  ## JupyterLab on the course, with nbgrader's extensions
	$(PYTHON) scripts/kit.py lab

setup:
	$(PYTHON) scripts/kit.py setup

release: setup  ## rebuild exercises/ from solutions/
	.venv/bin/cmkit release

prove: setup  ## autograde solutions, blanks and fixtures
	.venv/bin/cmkit prove

data: setup  ## regenerate datasets/
	.venv/bin/cmkit data generate

lint: setup
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format: setup
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .
