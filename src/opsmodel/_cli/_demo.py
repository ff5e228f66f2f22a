"""``opsmodel demo``: the main job on the bundled examples."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from .. import examples
from ..corpus import Corpus
from ..formats import FORMATS
from ._command import Command
from ._corpus import corpus_lines
from ._io import write_report
from ._summary import DEFAULT_WIDTH, summary_table, table_width, wants_colour

COMMAND = Command(
    name="demo",
    help="summarise a bundled example report, the operations the bundled reports share, and write their files",
    description="Print a summary of a bundled example (by default OpenAI's May 2024 report: five networks), "
    "then the clusters found across all the bundled examples (the operations they share, who links them and "
    "where the publishers disagree) and, with --out, write every example in every format opsmodel speaks: "
    "the chosen example's files into DIR, each other example's into DIR/<its name>/.",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--example",
        default="openai-2024-05",
        choices=examples.names(),
        help="which bundled example to summarise (default: %(default)s)",
    )
    parser.add_argument("--out", metavar="DIR", type=Path, help="write the examples' files into DIR")
    parser.add_argument(
        "--wide",
        action="store_true",
        help=f"print one line per operation and per statement, however wide (default: wrap to fit {DEFAULT_WIDTH} columns)",
    )


def _wrapped(line: str, width: int | None) -> list[str]:
    """A line of the corpus view cut to ``width`` (None: kept whole), continuation lines indented under it."""
    if width is None or len(line) <= width:
        return [line]
    indent = " " * (len(line) - len(line.lstrip()) + 4)
    return textwrap.wrap(line, width=width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def _write(out: Path, chosen: str) -> None:
    """Each example in every written format: the chosen one's files in ``out``, the others' in ``out/<name>``."""
    for name in examples.names():
        folder = out if name == chosen else out / name
        report = examples.load(name)
        for entry in FORMATS:
            if entry.write is not None:
                target = folder / entry.file_name
                write_report(entry, report, target)
                print(f"wrote {target}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    report = examples.load(args.example)
    width = None if args.wide else table_width(sys.stdout)
    sys.stdout.write(summary_table(report, width=width, colour=wants_colour(sys.stdout)))
    bundled = Corpus([examples.load(name) for name in examples.names()])
    print(f"\nAcross the bundled examples ({', '.join(examples.names())}):")
    for line in corpus_lines(bundled):
        print("\n".join(_wrapped(line, width)))
    if args.out is not None:
        _write(args.out, args.example)
    return 0
