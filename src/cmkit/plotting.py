"""The course's chart style: a colour-blind-safe palette and readable defaults.

Lessons call ``use_course_style()`` in their setup cell so every figure of the course looks
the same and stays readable for learners with colour-vision deficiencies.
"""

from __future__ import annotations

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow (use on dark backgrounds or with edges)
    "#000000",  # black
)

NETWORK_COLOURS = {
    "facebook": OKABE_ITO[0],
    "instagram": OKABE_ITO[3],
    "tiktok": OKABE_ITO[7],
    "linkedin": OKABE_ITO[4],
    "x": OKABE_ITO[5],
    "whatsapp": OKABE_ITO[2],
}


def use_course_style() -> None:
    """Set matplotlib defaults: the palette, a light grid, titles that fit a notebook."""
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update(
        {
            "axes.prop_cycle": cycler(color=list(OKABE_ITO)),
            "figure.figsize": (8, 4),
            "figure.dpi": 100,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
        }
    )
