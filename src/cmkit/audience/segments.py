"""The segments of module 02: where a person lives (Senegal or the diaspora) × an age group.

A segment is written ``"<place> <age group>"``, e.g. ``"diaspora 25-44"``. The lesson builds
the column with pandas from these two rules; they are written here once so that the lesson,
the assignment and the tests agree.
"""

from __future__ import annotations

HOME_COUNTRY = "Senegal"
PLACES = ("senegal", "diaspora")  # country == HOME_COUNTRY, anything else

# audience.age_band -> age group. 13-17 accounts exist (on TikTok) but are never targeted by
# ads; they stay in the youngest group so that no person disappears from the counts.
AGE_GROUPS = {
    "13-17": "13-24",
    "18-24": "13-24",
    "25-34": "25-44",
    "35-44": "25-44",
    "45-54": "45+",
    "55+": "45+",
}

SEGMENTS = tuple(
    f"{place} {group}" for place in PLACES for group in dict.fromkeys(AGE_GROUPS.values())
)
