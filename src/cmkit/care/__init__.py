"""Customer care on social networks (module 04): the SLA clock, a scorer for triage rules, the
escalation-matrix validator and the moderation actions.

    from cmkit.care import sla_deadline, score_triage, escalation_problems
"""

from .escalation import ROLES, SEVERITIES, as_table, escalation_problems
from .moderation import ACTIONS
from .sla import AUTO_REPLY, OPENING_HOURS, SLA_MINUTES, clock_start, is_open, sla_deadline
from .triage import (
    CATEGORIES,
    EXAMPLES,
    ODD_TEXTS,
    TriageScore,
    new_messages,
    score_triage,
    triage_outputs,
)

__all__ = [
    "ACTIONS",
    "AUTO_REPLY",
    "CATEGORIES",
    "EXAMPLES",
    "ODD_TEXTS",
    "OPENING_HOURS",
    "ROLES",
    "SEVERITIES",
    "SLA_MINUTES",
    "TriageScore",
    "as_table",
    "clock_start",
    "escalation_problems",
    "is_open",
    "new_messages",
    "score_triage",
    "sla_deadline",
    "triage_outputs",
]
