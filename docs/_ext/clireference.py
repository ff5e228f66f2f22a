"""The command line reference, generated from the ``opsmodel`` argument parser so that it cannot drift.

``opsmodel-command`` renders one command (``validate``, ``taxonomy show``; none for ``opsmodel``
itself): its usage, description, every argument and option with its help, its subcommands
and its epilog. ``tests/test_cli_reference.py`` checks that the reference has one such directive
for every command the parser knows.

:func:`commands` and :func:`describe` need no Sphinx.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from typing import Any

import attrs

from opsmodel._cli import build_parser

WIDTH = 100
DIRECTIVE = "opsmodel-command"


def commands(parser: argparse.ArgumentParser | None = None, words: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command path of the parser, the bare command first: ``()``, ``("validate",)``, ``("taxonomy", "show")``..."""
    parser = parser or build_parser()
    yield words
    for name, sub in _subcommands(parser).items():
        yield from commands(sub, (*words, name))


def find(words: tuple[str, ...]) -> argparse.ArgumentParser:
    """The parser of a command path."""
    parser = build_parser()
    for word in words:
        parser = _subcommands(parser)[word]
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


@attrs.frozen(kw_only=True)
class Reference:
    """What the reference shows of one command."""

    usage: str
    description: str
    #: (argument, option or subcommand as invoked, its help), in the parser's order
    items: tuple[tuple[str, str], ...]
    epilog: str


def describe(words: tuple[str, ...]) -> Reference:
    """The reference of one command."""
    parser = find(words)
    formatter = argparse.HelpFormatter(parser.prog, width=WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix="")
    items: list[tuple[str, str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            items += [(choice.dest, _one_line(choice.help or "")) for choice in action._choices_actions]
        elif not isinstance(action, argparse._HelpAction):
            items.append((_invocation(formatter, action), _help(formatter, action)))
    return Reference(
        usage=formatter.format_help().strip("\n"),
        description=_one_line(parser.description or ""),
        items=tuple(items),
        epilog=_one_line(parser.epilog or ""),
    )


def _invocation(formatter: argparse.HelpFormatter, action: argparse.Action) -> str:
    """``--format {human,json}``, ``--quiet, -q``, ``FILE``: the option strings with the metavar."""
    if not action.option_strings:
        return formatter._metavar_formatter(action, action.dest)(1)[0]
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    metavar = formatter._format_args(action, action.dest.upper())
    return ", ".join(f"{option} {metavar}" for option in action.option_strings)


def _help(formatter: argparse.HelpFormatter, action: argparse.Action) -> str:
    if not action.help or action.help == argparse.SUPPRESS:
        return ""
    return _one_line(formatter._expand_help(action))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def setup(app: Any) -> dict[str, Any]:
    from docutils import nodes
    from sphinx.util.docutils import SphinxDirective

    def text_with_code(text: str) -> nodes.paragraph:
        """A paragraph; `backquoted` parts of the help become code."""
        paragraph = nodes.paragraph()
        for index, part in enumerate(re.split(r"`([^`]+)`", text)):
            paragraph += nodes.literal(part, part) if index % 2 else nodes.Text(part)
        return paragraph

    class CommandDirective(SphinxDirective):
        optional_arguments = 1
        final_argument_whitespace = True

        def run(self) -> list[nodes.Node]:
            reference = describe(tuple(self.arguments[0].split()) if self.arguments else ())
            result: list[nodes.Node] = [nodes.literal_block(reference.usage, reference.usage, language="text")]
            if reference.description:
                result.append(text_with_code(reference.description))
            listing = nodes.definition_list()
            for invocation, help_text in reference.items:
                term = nodes.term()
                term += nodes.literal(invocation, invocation)
                definition = nodes.definition()
                definition += text_with_code(help_text)
                listing += nodes.definition_list_item("", term, definition)
            result.append(listing)
            if reference.epilog:
                result.append(text_with_code(reference.epilog))
            return result

    app.add_directive(DIRECTIVE, CommandDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
