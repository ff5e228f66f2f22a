"""The ``opsmodel`` command.

Each subcommand lives in its own module with a ``register(subparsers)`` function that adds
its parser and sets ``handler``; this module only assembles them and maps errors to exit
codes: 0 success or valid data, 1 invalid data, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import OpsmodelError
from . import _convert, _corpus, _demo, _schema, _taxonomy, _validate
from ._io import EXIT_INVALID, EXIT_OK

_COMMANDS = (_validate, _convert, _demo, _taxonomy, _schema, _corpus)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opsmodel",
        description="Influence operations from threat reports as typed data: JSON, STIX 2.1, validation.",
    )
    parser.add_argument("--version", action="version", version=f"opsmodel {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in _COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.handler(args)
    except OpsmodelError as exc:
        print(f"opsmodel: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_OK
    return result
