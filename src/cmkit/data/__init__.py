"""Course datasets of the Keur Thé running case: load them by name, read their data cards.

>>> from cmkit.data import load, card, table_names
>>> posts = load("posts")          # a pandas DataFrame with the dtypes of its spec
>>> card("posts")                  # the data card (markdown; renders in Jupyter)
>>> table_names()                  # every dataset, in course order

``generate(out_dir, seed, scale)`` rebuilds the files (``cmkit data generate`` on the command
line); the same seed reproduces the committed files byte for byte.
"""

from .cards import Card
from .case import DEFAULT_SEED, TIMEZONE
from .generate import generate_all
from .loader import UnknownTable, card, clear_cache, datasets_dir, load, show_card, table_names
from .specs import TABLES

generate = generate_all

__all__ = [
    "DEFAULT_SEED",
    "TABLES",
    "TIMEZONE",
    "Card",
    "UnknownTable",
    "card",
    "clear_cache",
    "datasets_dir",
    "generate",
    "generate_all",
    "load",
    "show_card",
    "table_names",
]
