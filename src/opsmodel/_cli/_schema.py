"""``opsmodel schema``: print the JSON Schema of the opsmodel JSON format."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .. import json as opsmodel_json
from ..formats import atomic_writer
from ._command import Command

COMMAND = Command(
    name="schema",
    help="print the JSON Schema of the opsmodel JSON format",
    description="Print the JSON Schema (draft 2020-12) that every opsmodel JSON document satisfies, "
    "for editors, validators and other languages.",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="FILE", type=Path, help="write the schema to FILE instead of standard output")


def run(args: argparse.Namespace) -> int:
    text = _text(opsmodel_json.schema())
    if args.out is None:
        sys.stdout.write(text)
    else:
        with atomic_writer(args.out) as handle:
            handle.write(text)
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _text(schema: dict[str, Any]) -> str:
    # the layout of the schema file shipped in the package, byte for byte
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
