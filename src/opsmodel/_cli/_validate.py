"""``opsmodel validate``: every problem of every file, with its path and stable code."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .._core.errors import OpsmodelError
from .._validation.documents import FORMATS, _iter_document_errors
from .._validation.engine import Finding
from ._io import InputError, Progress, read_input

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check reports, operations or STIX bundles and list every problem",
        description="Check each FILE (opsmodel JSON, JSON Lines or a STIX 2.1 bundle; the format is detected from "
        "the content) and list every problem with its JSON path and stable code. Exit status: 0 when every file "
        "is valid, 1 when any has an error (or, with --strict, a warning), 2 on a usage error.",
        epilog="Codes are listed in the rule reference (docs/reference/rules.md). Example: "
        "opsmodel validate --ignore OPS211 --format json report.json",
    )
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
        choices=("auto", *FORMATS),
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
    parser.set_defaults(handler=run, parser=parser)


def _flatten(groups: list[list[str]] | None) -> list[str] | None:
    return None if groups is None else [code for group in groups for code in group]


def _load_catalogue(args: argparse.Namespace) -> Any:
    if args.catalogue is None:
        if args.history:
            args.parser.error("argument --history: needs --catalogue")
        return None
    from ._taxonomy import _catalogue

    try:
        catalogue = _catalogue(args.catalogue, None)
        return catalogue.with_history(*(_catalogue(old, None) for old in args.history)) if args.history else catalogue
    except (OpsmodelError, OSError) as exc:
        args.parser.error(f"argument --catalogue: cannot load {args.catalogue!r}: {exc}")


def _check(name: str, args: argparse.Namespace, catalogue: Any) -> list[Finding]:
    data = read_input(name)
    progress = Progress(f"validating {'stdin' if name == '-' else name}")
    try:
        return list(
            _iter_document_errors(
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


def _summary(findings: list[Finding]) -> tuple[int, int]:
    errors = sum(f.is_error for f in findings)
    return errors, len(findings) - errors


def run(args: argparse.Namespace) -> int:
    catalogue = _load_catalogue(args)
    results: list[tuple[str, list[Finding]]] = []
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
    invalid = any(f.is_error for _, findings in results for f in findings)
    if args.output == "json":
        json.dump(
            {
                "valid": not invalid,
                "files": [
                    {
                        "file": name,
                        "valid": not any(f.is_error for f in findings),
                        "errors": _summary(findings)[0],
                        "warnings": _summary(findings)[1],
                        "findings": [f.as_dict() for f in findings],
                    }
                    for name, findings in results
                ],
                "unreadable": [{"file": name, "error": error} for name, error in unreadable],
            },
            sys.stdout,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        for name, findings in results:
            label = "<stdin>" if name == "-" else name
            for finding in findings:
                value = "" if finding.value is None else f" (value: {_short(finding.value)})"
                print(f"{label}: {finding}{value}")
            if not args.quiet:
                errors, warnings = _summary(findings)
                verdict = "invalid" if errors else "valid"
                print(f"{label}: {verdict}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    if unreadable:
        return EXIT_USAGE
    return EXIT_INVALID if invalid else EXIT_OK


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
