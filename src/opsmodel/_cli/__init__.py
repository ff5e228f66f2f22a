"""The ``opsmodel`` command.

Each subcommand lives in its own module, which declares it (``COMMAND``), adds its arguments
(``add_arguments(parser)``) and runs it (``run(args)``); this module only assembles them and maps
errors to exit codes: 0 success or valid data, 1 invalid data, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import OpsmodelError
from . import _convert, _corpus, _demo, _report, _schema, _taxonomy, _validate
from ._io import EXIT_INVALID, EXIT_OK

_COMMANDS = (_validate, _convert, _demo, _taxonomy, _schema, _corpus, _report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opsmodel",
        description="Influence operations from threat reports as typed data: JSON, STIX 2.1, validation.",
    )
    parser.add_argument("--version", action="version", version=f"opsmodel {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in _COMMANDS:
        command.add_arguments(command.COMMAND.add_to(subparsers, command.run))
    return parser


# A message past these is cut: a hostile input must not make a megabyte of terminal output.
MAX_MESSAGE_LINES = 60
MAX_LINE_CHARS = 500


def bounded(message: str) -> str:
    """``message`` cut to :data:`MAX_MESSAGE_LINES` lines of at most :data:`MAX_LINE_CHARS` characters."""
    lines = message.splitlines() or [""]
    cut = [line if len(line) <= MAX_LINE_CHARS else line[:MAX_LINE_CHARS] + "..." for line in lines[:MAX_MESSAGE_LINES]]
    if len(lines) > MAX_MESSAGE_LINES:
        cut.append(f"... and {len(lines) - MAX_MESSAGE_LINES} more lines")
    return "\n".join(cut)


def _fail(message: str) -> int:
    print(bounded(f"opsmodel: error: {message}"), file=sys.stderr)
    return EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.handler(args)
    except OpsmodelError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # standard input or output gone, a terminal closed: no traceback
        return _fail(exc.strerror or str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except (RecursionError, MemoryError) as exc:
        return _fail(f"the input is too large or too deeply nested to process ({type(exc).__name__})")
    except Exception as exc:
        return _fail(f"unexpected {type(exc).__name__}: {str(exc)[:200]!r}; this is a bug, please report it with the input")
    return result
