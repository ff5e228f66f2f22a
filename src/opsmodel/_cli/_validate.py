"""``opsmodel validate``: every problem of every file, with its path and stable code."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import InputError, OpsmodelError, Problem
from ..formats import FORMATS
from ..validation import iter_document_errors
from ._command import Command
from ._io import EXIT_INVALID, EXIT_OK, EXIT_USAGE, Progress, count_of, label, read_input
from ._taxonomy import load_catalogue


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


COMMAND = Command(
    name="validate",
    help="check reports, operations, STIX bundles or Navigator layers and list every problem",
    description="Check each FILE (opsmodel JSON, JSON Lines, a STIX 2.1 bundle or a Navigator layer; the format "
    "is detected from the content) and list every problem with its JSON path and stable code. Exit status: 0 when every file "
    "is valid, 1 when any has an error (or, with --strict, a warning), 2 on a usage error.",
    epilog="Codes are listed in the rule reference (docs/reference/rules.md). Example: "
    "opsmodel validate --ignore OPS211 --format json report.json",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="a file to check; '-' reads standard input")
    parser.add_argument(
        "--format",
        dest="output",
        choices=("human", "json"),
        default="human",
        help="output: 'human' for people (default), 'json' for machines",
    )
    parser.add_argument(
        "--input-format",
        choices=("auto", *FORMATS.names("check")),
        default="auto",
        help="the files' format (default: detected from the content)",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--select",
        metavar="CODE",
        action="append",
        type=_codes,
        help="check only these codes, code prefixes (OPS1) or rule names; repeat or separate with commas",
    )
    parser.add_argument(
        "--ignore",
        metavar="CODE",
        action="append",
        type=_codes,
        default=[],
        help="skip these codes, code prefixes or rule names; repeat or separate with commas",
    )
    parser.add_argument(
        "--catalogue",
        metavar="CATALOGUE",
        help="check technique ids against this framework release (OPS6xx): a framework file, or the name of a "
        "downloaded published file (see `opsmodel taxonomy list`)",
    )
    parser.add_argument(
        "--history",
        metavar="OLD",
        action="append",
        default=[],
        help="an earlier release of the --catalogue framework (oldest first; repeat), to tell removed ids from unknown ones",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="human output: print only the problems, no summary lines")


def _flatten(groups: list[list[str]] | None) -> list[str] | None:
    return None if groups is None else [code for group in groups for code in group]


def _load_catalogue(args: argparse.Namespace) -> Any:
    if args.catalogue is None:
        if args.history:
            args.parser.error("argument --history: needs --catalogue")
        return None
    try:
        catalogue = load_catalogue(args.catalogue, None)
        return catalogue.with_history(*(load_catalogue(old, None) for old in args.history)) if args.history else catalogue
    except (OpsmodelError, OSError) as exc:
        args.parser.error(f"argument --catalogue: cannot load {args.catalogue!r}: {exc}")


def _check(name: str, args: argparse.Namespace, catalogue: Any) -> list[Problem]:
    data = read_input(name)
    progress = Progress(f"validating {'stdin' if name == '-' else name}")
    try:
        return list(
            iter_document_errors(
                data,
                format=None if args.input_format == "auto" else args.input_format,
                select=_flatten(args.select),
                ignore=_flatten(args.ignore) or (),
                strict=args.strict,
                catalogue=catalogue,
                progress=progress,
            )
        )
    finally:
        progress.close()


def _counts(problems: list[Problem]) -> tuple[int, int]:
    errors = warnings = 0
    for problem in problems:
        if problem.code == "too-many-problems" and isinstance(problem.value, int):
            errors += problem.value  # problems counted but not listed: counted as errors, the safe side
        elif problem.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def _as_json(results: list[tuple[str, list[Problem]]], unreadable: list[tuple[str, str]]) -> dict[str, Any]:
    files = []
    for name, problems in results:
        errors, warnings = _counts(problems)
        files.append(
            {
                "file": name,
                "valid": not errors,
                "errors": errors,
                "warnings": warnings,
                "findings": [_as_dict(problem) for problem in problems],
            }
        )
    return {
        "valid": all(entry["valid"] for entry in files),
        "files": files,
        "unreadable": [{"file": name, "error": error} for name, error in unreadable],
    }


def _as_dict(problem: Problem) -> dict[str, Any]:
    # A value that is not plain JSON (a FuzzyDate, a Count) is shown as its text, as messages show it.
    value = problem.value
    plain = value is None or isinstance(value, (bool, int, float, str))
    return {**problem.as_dict(), "value": value if plain else str(value)}


def _print_human(results: list[tuple[str, list[Problem]]], *, quiet: bool) -> None:
    for name, problems in results:
        for problem in problems:
            value = "" if problem.value is None else f" (value: {_short(problem.value)})"
            print(_cut(f"{label(name)}: {problem}{value}"))
        if not quiet:
            errors, warnings = _counts(problems)
            verdict = "invalid" if errors else "valid"
            print(f"{label(name)}: {verdict}: {count_of(errors, 'error')}, {count_of(warnings, 'warning')}")


def _check_all(args: argparse.Namespace, catalogue: Any) -> tuple[list[tuple[str, list[Problem]]], list[tuple[str, str]]]:
    results: list[tuple[str, list[Problem]]] = []
    unreadable: list[tuple[str, str]] = []
    files_progress = Progress("files", threshold=20)
    try:
        for done, name in enumerate(args.files):
            files_progress(done, len(args.files))
            try:
                results.append((name, _check(name, args, catalogue)))
            except InputError as exc:
                unreadable.append((name, str(exc)))
                print(f"opsmodel validate: {exc}", file=sys.stderr)
    finally:
        files_progress.close()
    return results, unreadable


def run(args: argparse.Namespace) -> int:
    results, unreadable = _check_all(args, _load_catalogue(args))
    if args.output == "json":
        json.dump(_as_json(results, unreadable), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        _print_human(results, quiet=args.quiet)
    if unreadable:
        return EXIT_USAGE
    invalid = any(problem.is_error for _, problems in results for problem in problems)
    return EXIT_INVALID if invalid else EXIT_OK


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _cut(line: str, limit: int = 1000) -> str:
    """One report line of bounded length, whatever a hostile document put in a message."""
    return line if len(line) <= limit else line[: limit - 3] + "..."
