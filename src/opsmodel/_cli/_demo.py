"""``opsmodel demo``: the main job on the bundled example."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .. import examples
from ..formats import FORMATS
from ._io import write_report
from ._summary import DEFAULT_WIDTH, summary_table, table_width, wants_colour


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="summarise the bundled example report and write its files",
        description="Print a summary of the bundled example (OpenAI's May 2024 report: five networks) "
        "and, with --out, write it in every format opsmodel speaks.",
    )
    parser.add_argument("--example", default="openai-2024-05", help="which bundled example (default: %(default)s)")
    parser.add_argument("--out", metavar="DIR", type=Path, help="write the example's files into DIR")
    parser.add_argument(
        "--wide",
        action="store_true",
        help=f"print one line per operation, however wide (default: wrap cells to fit {DEFAULT_WIDTH} columns)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    report = examples.load(args.example)
    sys.stdout.write(summary_table(report, width=None if args.wide else table_width(sys.stdout), colour=wants_colour(sys.stdout)))
    if args.out is not None:
        for entry in FORMATS:
            if entry.write is not None:
                target = args.out / entry.file_name
                write_report(entry, report, target)
                print(f"wrote {target}", file=sys.stderr)
    return 0
