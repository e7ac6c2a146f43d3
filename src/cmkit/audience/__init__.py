"""Module 02, audience targeting: the segment vocabulary and a persona's fact sheet.

>>> from cmkit.audience import AGE_GROUPS, fact_sheet
>>> from cmkit.data import load
>>> audience = load("audience")
>>> fact_sheet(audience[audience["country"] == "France"])   # what the data say about them

Learner-facing labels live in ``messages.py``.
"""

from .errors import AudienceError
from .personas import fact_sheet, persona_facts
from .segments import AGE_GROUPS, HOME_COUNTRY, PLACES, SEGMENTS

__all__ = [
    "AGE_GROUPS",
    "HOME_COUNTRY",
    "PLACES",
    "SEGMENTS",
    "AudienceError",
    "fact_sheet",
    "persona_facts",
]
