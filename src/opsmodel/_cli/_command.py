"""What every subcommand declares about itself, and the arguments several subcommands share."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

Handler = Callable[[argparse.Namespace], int]


@frozen(kw_only=True)
class Command:
    """A command as ``--help`` shows it: its name, the line its parent lists, its description and its epilog."""

    name: str
    help: str
    description: str | None = None
    epilog: str | None = None

    def add_to(self, subparsers: Any, handler: Handler) -> argparse.ArgumentParser:
        """The command's parser among ``subparsers``; ``handler`` runs it, and finds the parser at ``args.parser``
        to report usage errors."""
        parser: argparse.ArgumentParser = subparsers.add_parser(
            self.name, help=self.help, description=self.description, epilog=self.epilog
        )
        parser.set_defaults(handler=handler, parser=parser)
        return parser


def add_paths(parser: argparse.ArgumentParser) -> None:
    """The PATH arguments of the commands that read many reports as one corpus."""
    parser.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="a report file, or a folder read recursively")
