"""The command line reference covers every command and option, from the parser itself.

``docs/_ext/clireference.py`` renders each ``{opsmodel-command}`` directive of
``docs/reference/cli.md`` from the argument parser, so an option's entry cannot drift from
``--help``; these tests make sure no command is left without its directive and no argument or
option without its help.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ._docs_extensions import load_extension

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "reference" / "cli.md"


CLI = load_extension("clireference")
COMMANDS = list(CLI.commands())


def _documented() -> list[tuple[str, ...]]:
    text = PAGE.read_text(encoding="utf-8")
    return [tuple(words.split()) for words in re.findall(r"^```\{opsmodel-command\}[ \t]*(.*?)[ \t]*$", text, re.M)]


def test_every_command_has_its_reference_once() -> None:
    assert ("taxonomy", "show") in COMMANDS
    documented = _documented()
    assert sorted(documented) == sorted(COMMANDS), "add an opsmodel-command directive for each command to cli.md"


@pytest.mark.parametrize("words", COMMANDS, ids=lambda words: " ".join(("opsmodel", *words)))
def test_every_argument_and_option_has_help(words: tuple[str, ...]) -> None:
    reference = CLI.describe(words)
    assert reference.usage.startswith(" ".join(("opsmodel", *words)))
    assert reference.items, "a command with nothing to document"
    undocumented = [invocation for invocation, help_text in reference.items if not help_text]
    assert not undocumented, f"opsmodel {' '.join(words)}: give {undocumented} a help text"


def test_the_reference_shows_what_help_shows() -> None:
    reference = CLI.describe(("taxonomy", "show"))
    invocations = [invocation for invocation, _ in reference.items]
    assert invocations == ["--dir DIR", "CATALOGUE", "ID", "--tactic TACTIC", "--technique TECHNIQUE"]
    assert "[--tactic TACTIC | --technique TECHNIQUE] CATALOGUE [ID]" in reference.usage
    validate = dict(CLI.describe(("validate",)).items)
    assert validate["--quiet, -q"] == "human output: print only the problems, no summary lines"
    assert "(default: 60.0)" in dict(CLI.describe(("taxonomy", "download")).items)["--timeout TIMEOUT"]
