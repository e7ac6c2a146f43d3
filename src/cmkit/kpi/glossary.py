"""The glossary of KPI formulas: the course's single reference, rendered into module 08's lesson.

One row per KPI: its name, formula, denominator, unit, when to use it, its pitfalls and the
function of ``cmkit.kpi`` that computes it. The lesson ``course/08-kpi-roi.ipynb`` holds the
table under the heading "Glossary of KPI formulas"; other lessons link to it with
``LINK`` (a test checks that the lesson and this module agree).
"""

from __future__ import annotations

from .messages import (
    GLOSSARY,
    GLOSSARY_COLUMNS,
    GLOSSARY_FUNCTIONS,
    REPORTED_BY_NETWORK,
)

HEADING = "## Glossary of KPI formulas"
ANCHOR = "Glossary-of-KPI-formulas"
# How another lesson in course/ links to the glossary (JupyterLab builds the anchor from the
# heading; the lesson also sets it explicitly with an <a id=...> tag).
LINK = f"08-kpi-roi.ipynb#{ANCHOR}"

KPI_KEYS = tuple(GLOSSARY)


def rows() -> list[tuple[str, ...]]:
    """The glossary as rows of text, in the order of the lesson."""
    table = []
    for key in KPI_KEYS:
        function = GLOSSARY_FUNCTIONS[key]
        where = f"`{function}(...)`" if function else REPORTED_BY_NETWORK
        table.append((*GLOSSARY[key], where))
    return table


def markdown() -> str:
    """The glossary as a markdown table (the exact text of the lesson's glossary table)."""
    lines = [
        "| " + " | ".join(GLOSSARY_COLUMNS) + " |",
        "|" + "---|" * len(GLOSSARY_COLUMNS),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows()]
    return "\n".join(lines)


def table():
    """The glossary as a pandas DataFrame (one row per KPI), for reading in a notebook."""
    import pandas as pd

    frame = pd.DataFrame(rows(), columns=list(GLOSSARY_COLUMNS))
    frame.index = list(KPI_KEYS)
    return frame
