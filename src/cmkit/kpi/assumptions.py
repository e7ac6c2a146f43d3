"""The figures module 08 assumes about Keur Thé's business, stated once.

The datasets hold revenue, not costs, so a profit-based KPI needs an assumed margin; a
lifetime value needs an assumed lifetime. Lessons and assignments read them from here, so the
hidden tests and the learner's notebook use the same numbers.
"""

from __future__ import annotations

# Share of an order's amount left after product, packaging and delivery costs: the manager's
# estimate for a tea maker that makes its own infusions.
GROSS_MARGIN = 0.5
# Years a customer keeps buying, on average (the manager's estimate, a cautious one).
LIFETIME_YEARS = 2
# The reporting year of module 08: the last twelve full months of the data, in local time
# (Africa/Dakar). Written as text so that they compare with date and timestamp columns alike:
# rows of the year are those with YEAR_START <= column < YEAR_END.
YEAR_START = "2025-10-01"
YEAR_END = "2026-10-01"  # excluded
# The same year as months ("2025-10" ... "2026-09"), oldest first.
YEAR_MONTHS = tuple(f"{2025 + (9 + k) // 12}-{(9 + k) % 12 + 1:02d}" for k in range(12))
# utm_medium values of organic (unpaid) links from the brand's own accounts.
ORGANIC_MEDIUMS = ("social", "messaging")
