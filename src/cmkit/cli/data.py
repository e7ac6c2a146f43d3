"""``cmkit data``: regenerate the course datasets and read their data cards."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG = """examples:
  cmkit data list                      the tables, their rows and what one row is
  cmkit data card posts                print the data card of the posts table
  cmkit data generate                  regenerate datasets/ (default seed, same bytes)
  cmkit data generate --scale 100 --out /tmp/big   100x bigger data for stress exercises
"""


def _default_out() -> Path:
    import cmkit

    return Path(cmkit.__file__).resolve().parents[2] / "datasets"


def run_generate(args) -> int:
    from cmkit.data import generate_all

    out = Path(args.out) if args.out else _default_out()
    written = generate_all(out, seed=args.seed, scale=args.scale)
    print(f"wrote {len(written)} tables and their cards to {out}")
    return 0


def run_card(args) -> int:
    from cmkit.data import card

    print(card(args.name), end="")
    return 0


def run_list(args) -> int:
    from cmkit.data import TABLES, datasets_dir

    folder = datasets_dir()
    width = max(len(name) for name in TABLES)
    for name, spec in TABLES.items():
        path = folder / spec.file_name
        if path.is_file():
            with path.open("rb") as handle:
                rows = f"{sum(1 for _ in handle) - 1:>9,}"
        else:
            rows = "  missing"
        print(f"{name:<{width}}  {rows} rows  {spec.title}")
    return 0


def _scale(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "data",
        help="generate datasets, show data cards",
        description="Generate the course datasets and read their data cards.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=lambda args: (parser.print_help(sys.stderr), 2)[1])
    commands = parser.add_subparsers(title="data commands", metavar="COMMAND")

    from cmkit.data.case import DEFAULT_SEED

    gen = commands.add_parser("generate", help="write every table, its card and the index")
    gen.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"default {DEFAULT_SEED}")
    gen.add_argument(
        "--scale",
        type=_scale,
        default=1.0,
        help="size factor for posts, audience, inbox, sessions and orders (default 1)",
    )
    gen.add_argument("--out", help="output folder (default: the kit's datasets/)")
    gen.set_defaults(run=run_generate)

    show = commands.add_parser("card", help="print the data card of a table")
    show.add_argument("name", help="table name, e.g. posts")
    show.set_defaults(run=run_card)

    listing = commands.add_parser("list", help="list the tables with their rows")
    listing.set_defaults(run=run_list)
