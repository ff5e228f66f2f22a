"""``opsmodel convert``: read a document in one format, write it in another, atomically."""

from __future__ import annotations

import argparse
import sys

from .. import Report
from ..errors import InputError, OpsmodelError
from ..formats import FORMATS, Action, Format
from ..validation import iter_document_errors
from ._command import Command
from ._io import EXIT_INVALID, EXIT_OK, EXIT_USAGE, decode, label, read_input, write_report

COMMAND = Command(
    name="convert",
    help="convert a report between opsmodel JSON, JSON Lines, STIX 2.1 and a Navigator layer",
    description="Read IN (format detected from the content, or --from) and write it to OUT in the format "
    "given by --to. '-' means standard input or standard output. The output is written atomically: "
    "a failed conversion leaves no file behind and an existing OUT untouched. Exit status: 0 converted, "
    "1 the input is invalid or cannot be converted, 2 usage error.",
    epilog="Example: opsmodel convert report.json report.stix.json --to stix",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN", help="the file to read; '-' reads standard input")
    parser.add_argument("output", metavar="OUT", help="the file to write; '-' writes standard output")
    parser.add_argument("--to", required=True, metavar="FORMAT", help=f"the output format: {', '.join(FORMATS.names('write'))}")
    parser.add_argument(
        "--from",
        dest="source",
        choices=("auto", *FORMATS.names("read")),
        default="auto",
        help="the input format (default: detected from the content)",
    )


def _format(parser: argparse.ArgumentParser, name: str, can: Action, argument: str) -> Format:
    try:
        return FORMATS.find(name, can)
    except ValueError:
        parser.error(f"{argument}: cannot {can} {name!r}; available formats: {', '.join(FORMATS.names(can)) or 'none'}")


def _read(entry: Format, text: str, name: str) -> Report | None:
    """The report the input holds, or None once every problem that stops it is printed."""
    assert entry.read is not None
    try:
        return entry.read(text)
    except (OpsmodelError, ValueError) as exc:
        problems = list(iter_document_errors(text, format=entry.name, select=["OPS0"])) if entry.check else []
        if not problems:
            print(f"opsmodel convert: {label(name)}: cannot read as {entry.name}: {exc}", file=sys.stderr)
        for problem in problems:
            print(f"opsmodel convert: {label(name)}: {problem}", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    target = _format(parser, args.to, "write", "argument --to")
    try:
        data = read_input(args.input)
    except InputError as exc:
        print(f"opsmodel convert: {exc}", file=sys.stderr)
        return EXIT_USAGE
    text = decode(data, args.input)
    source = FORMATS.detect(text).name if args.source == "auto" else args.source
    report = _read(_format(parser, source, "read", "input"), text, args.input)
    if report is None:
        return EXIT_INVALID
    write_report(target, report, args.output)
    if args.output != "-":
        print(f"wrote {args.output} ({args.to})", file=sys.stderr)
    return EXIT_OK
