"""The escalation matrix: who handles each kind of message at each severity, and how fast.

A matrix is a dictionary ``{(category, severity): (owner, minutes)}``, e.g.
``("complaint", "high"): ("customer_service", 60)``. ``escalation_problems`` checks it:

- ``level="structure"``: a rule for every category at every severity, each with a known owner
  and a whole number of minutes above 0;
- ``level="policy"`` (the default, which includes the structure): Keur Thé's policy, as module
  04 states it:

  1. a critical case (health or safety, legal threat, media, a post going viral), whatever its
     category, goes to someone who can decide (``quality_lead`` or ``founder``) within
     30 minutes;
  2. every complaint gets a person within the 60-minute SLA; from ``high`` on, that person can
     refund or replace (not the community manager alone);
  3. a more severe case never waits longer than a less severe one of the same category;
  4. low-severity questions, praise and trolls stay with the community manager;
  5. spam is hidden by the community manager, never escalated below ``critical``.

Problems come back as plain sentences (empty list: the matrix holds), in a stable order.
"""

from __future__ import annotations

import numbers

from .messages import say
from .triage import CATEGORIES

SEVERITIES = ("low", "high", "critical")
ROLES = ("community_manager", "customer_service", "quality_lead", "founder")
DECIDERS = ("quality_lead", "founder")
CRITICAL_MINUTES = 30
COMPLAINT_MINUTES = 60


def _whole_minutes(value) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and float(value) == int(value)
        and value > 0
    )


def structure_problems(matrix) -> list[str]:
    """Missing rules, unknown keys, owners or minutes."""
    if not isinstance(matrix, dict):
        what = "the placeholder `...`" if matrix is Ellipsis else f"a {type(matrix).__name__}"
        return [say("matrix_not_dict", what=what)]
    wanted = [(c, s) for c in CATEGORIES for s in SEVERITIES]
    problems = []
    missing = [pair for pair in wanted if pair not in matrix]
    if missing:
        shown = ", ".join(map(repr, missing[:4])) + (" …" if len(missing) > 4 else "")
        problems.append(say("matrix_missing", pairs=shown))
    for key in matrix:
        if key not in wanted:
            problems.append(
                say(
                    "matrix_unknown_key",
                    key=key,
                    categories=", ".join(CATEGORIES),
                    severities=", ".join(SEVERITIES),
                )
            )
    for key in wanted:
        if key not in matrix:
            continue
        value = matrix[key]
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            problems.append(say("matrix_bad_value", key=key, value=value))
            continue
        owner, minutes = value
        if not isinstance(owner, str) or owner not in ROLES:
            problems.append(
                say("matrix_unknown_owner", owner=owner, key=key, roles=", ".join(ROLES))
            )
        if not _whole_minutes(minutes):
            problems.append(say("matrix_bad_minutes", key=key, value=minutes))
    return problems


def policy_problems(matrix) -> list[str]:
    """Breaches of Keur Thé's escalation policy (assumes a well-formed matrix)."""
    problems = []
    for category in CATEGORIES:
        owner, minutes = matrix[(category, "critical")]
        if owner not in DECIDERS:
            problems.append(
                say(
                    "policy_critical_owner",
                    category=category,
                    owner=owner,
                    owners=" or ".join(DECIDERS),
                )
            )
        if minutes > CRITICAL_MINUTES:
            problems.append(
                say(
                    "policy_critical_minutes",
                    category=category,
                    minutes=minutes,
                    limit=CRITICAL_MINUTES,
                )
            )
    for severity in SEVERITIES:
        owner, minutes = matrix[("complaint", severity)]
        if minutes > COMPLAINT_MINUTES:
            problems.append(say("policy_complaint_sla", severity=severity, minutes=minutes))
        if severity != "low" and owner == "community_manager":
            problems.append(
                say(
                    "policy_complaint_owner",
                    severity=severity,
                    owner=owner,
                    owners=", ".join(ROLES[1:]),
                )
            )
    for category in CATEGORIES:
        for lower, higher in zip(SEVERITIES, SEVERITIES[1:], strict=False):
            fast, slow = matrix[(category, lower)][1], matrix[(category, higher)][1]
            if slow > fast:
                problems.append(
                    say(
                        "policy_loosens",
                        category=category,
                        higher=higher,
                        lower=lower,
                        slow=slow,
                        fast=fast,
                    )
                )
    for category in ("question", "praise", "troll"):
        owner = matrix[(category, "low")][0]
        if owner != "community_manager":
            problems.append(say("policy_low_stays", category=category, owner=owner))
    for severity in ("low", "high"):
        owner = matrix[("spam", severity)][0]
        if owner != "community_manager":
            problems.append(say("policy_spam_escalated", severity=severity, owner=owner))
    return problems


def escalation_problems(matrix, level: str = "policy") -> list[str]:
    """Every problem of ``matrix`` at ``level`` ("structure" or "policy"); [] when it holds."""
    problems = structure_problems(matrix)
    if level == "structure" or problems:
        return problems
    return policy_problems(matrix)


def as_table(matrix):
    """The matrix as a table (categories × severities) of "owner, N min", for display."""
    import pandas as pd

    cells = {
        severity: [
            "{}, {} min".format(*matrix[(category, severity)])
            if (category, severity) in matrix
            and isinstance(matrix[(category, severity)], (tuple, list))
            and len(matrix[(category, severity)]) == 2
            else "?"
            for category in CATEGORIES
        ]
        for severity in SEVERITIES
    }
    return pd.DataFrame(cells, index=pd.Index(CATEGORIES, name="category"))
