"""``opsmodel convert``: read a document in one format, write it in another, atomically."""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any

from .._core.errors import OpsmodelError
from .._core.files import atomic_writer
from .._validation.documents import FORMATS, detect_format, iter_document_errors
from ._formats import READERS, WRITERS
from ._io import InputError, read_input

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
TARGETS = ("json", "jsonl", "stix", "stix-opencti", "navigator")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert a report between opsmodel JSON, JSON Lines, STIX 2.1 and a Navigator layer",
        description="Read IN (format detected from the content, or --from) and write it to OUT in the format "
        "given by --to. '-' means standard input or standard output. The output is written atomically: "
        "a failed conversion leaves no file behind and an existing OUT untouched. Exit status: 0 converted, "
        "1 the input is invalid or cannot be converted, 2 usage error.",
        epilog="Example: opsmodel convert report.json report.stix.json --to stix",
    )
    parser.add_argument("input", metavar="IN", help="the file to read; '-' reads standard input")
    parser.add_argument("output", metavar="OUT", help="the file to write; '-' writes standard output")
    parser.add_argument("--to", required=True, metavar="FORMAT", help=f"the output format: {', '.join(TARGETS)}")
    parser.add_argument(
        "--from",
        dest="source",
        choices=("auto", *FORMATS),
        default="auto",
        help="the input format (default: detected from the content)",
    )
    parser.set_defaults(handler=run, parser=parser)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise DecodingError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


class DecodingError(OpsmodelError, ValueError):
    """The input is not UTF-8 text."""


def run(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    if args.to not in WRITERS:
        available = ", ".join(sorted(WRITERS)) or "none installed"
        parser.error(f"argument --to: cannot write {args.to!r}; available formats: {available}")
    label = "<stdin>" if args.input == "-" else args.input
    try:
        data = read_input(args.input)
    except InputError as exc:
        print(f"opsmodel convert: {exc}", file=sys.stderr)
        return EXIT_USAGE
    text = _decode(data, label)
    kind = detect_format(text) if args.source == "auto" else args.source
    reader = READERS.get(kind)
    if reader is None:
        available = ", ".join(sorted(READERS)) or "none installed"
        parser.error(f"cannot read {kind!r} input; readable formats: {available}")
    try:
        report = reader(text)
    except (OpsmodelError, ValueError) as exc:
        findings = list(iter_document_errors(text, format=kind, select=["OPS0"]))
        if not findings:
            print(f"opsmodel convert: {label}: cannot read as {kind}: {exc}", file=sys.stderr)
        for finding in findings:
            print(f"opsmodel convert: {label}: {finding}", file=sys.stderr)
        return EXIT_INVALID
    _, write = WRITERS[args.to]
    if args.output == "-":
        buffer = io.StringIO()
        write(report, buffer)  # fully rendered before anything reaches stdout
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
    else:
        with atomic_writer(args.output) as handle:
            write(report, handle)
        print(f"wrote {args.output} ({args.to})", file=sys.stderr)
    return EXIT_OK
