"""``opsmodel taxonomy``: fetch, show, compare and check against framework releases; draw Navigator layers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .. import Report, examples
from ..formats import FORMATS, atomic_writer
from ..taxonomy import (
    LAYER_FORMAT,
    LAYER_FORMATS,
    PUBLISHED,
    Catalogue,
    DownloadError,
    Severity,
    TacticEntry,
    TechniqueEntry,
    UnknownEntryError,
    check,
    data_dir,
    diff,
    download,
    load,
    load_published,
    published_path,
    to_layer,
)
from ._command import Command, Handler
from ._io import count_of

_CATALOGUE_HELP = f"a framework file, or the name of a downloaded published file ({', '.join(PUBLISHED)})"


COMMAND = Command(
    name="taxonomy",
    help="framework releases: download, show, diff, check technique tags, Navigator layers",
    description="Work with framework releases (DISARM, Meta's Online Operations Kill Chain): download the "
    "published files, show them, compare releases, check an example's or a file's technique tags, draw layers.",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(title="taxonomy commands", metavar="ACTION", required=True)

    def command(name: str, action: Handler, directory: str, **options: Any) -> argparse.ArgumentParser:
        """A taxonomy subcommand, with the --dir option every one of them takes."""
        sub: argparse.ArgumentParser = commands.add_parser(name, **options)
        sub.add_argument("--dir", type=Path, help=directory)
        sub.set_defaults(action=action)
        return sub

    published = "data directory for published names"
    command(
        "list",
        _list,
        "data directory (default: the platform's, see `opsmodel taxonomy list`)",
        help="the published files opsmodel knows, and which are downloaded",
    )

    fetch = command(
        "download",
        _download,
        "data directory (default: the platform's)",
        help="download published framework files into the data directory",
        description="Download the official files, pinned to the commit they were published at and checked "
        "against their SHA-256, into the data directory. An existing copy is kept unless --force.",
    )
    fetch.add_argument(
        "names", nargs="+", metavar="NAME", choices=[*PUBLISHED, "all"], help=f"which files ({', '.join(PUBLISHED)}), or 'all'"
    )
    fetch.add_argument("--url", help="fetch from this URL instead (a mirror; one NAME only)")
    fetch.add_argument("--sha256", help="the SHA-256 the file must have (with --url)")
    fetch.add_argument("--force", action="store_true", help="download again even if a copy exists")
    fetch.add_argument(
        "--timeout", type=float, default=60.0, help="the deadline in seconds for the whole download (default: %(default)s)"
    )

    show = command(
        "show",
        _show,
        published,
        help="summarise a catalogue, a tactic or a technique",
        description="Summarise a catalogue (its tactics, with how many techniques each has); with ID, show one "
        "technique (its tactics, parent, sub-techniques and description) or list one tactic's techniques.",
        epilog="Example: opsmodel taxonomy show disarm-1.7 T0085.001",
    )
    show.add_argument("catalogue", metavar="CATALOGUE", help=_CATALOGUE_HELP)
    show.add_argument("id", nargs="?", metavar="ID", help="a technique or tactic to show: its id (T0085.001, TA06) or its name")
    what = show.add_mutually_exclusive_group()
    what.add_argument("--tactic", help="list a tactic's techniques (id, shortname or name)")
    what.add_argument("--technique", help="show one technique (id or name); the same as giving its ID")

    compare = command("diff", _diff, published, help="what changed between two releases")
    compare.add_argument("old", metavar="OLD", help=_CATALOGUE_HELP)
    compare.add_argument("new", metavar="NEW", help=_CATALOGUE_HELP)

    verify = command(
        "check",
        _check,
        published,
        help="check the technique tags of a report against a release",
        description="Check every technique tag of a report against a release: unknown or removed ids, names that "
        "do not match, tactics that do not fit. Exit status 1 if any error is found.",
    )
    verify.add_argument("catalogue", metavar="CATALOGUE", help=_CATALOGUE_HELP)
    _report_arguments(verify, "check")
    verify.add_argument("--history", nargs="*", default=[], metavar="OLD", help="earlier releases, to tell removed ids")

    layer = command("layer", _layer, published, help="write a report's techniques as a Navigator layer")
    _report_arguments(layer, "draw")
    layer.add_argument("--catalogue", help=_CATALOGUE_HELP + "; places techniques under their tactics")
    layer.add_argument("--navigator", choices=["disarm", "attack"], default="disarm", help="which Navigator (default: disarm)")
    layer.add_argument(
        "--layer-format",
        choices=sorted(LAYER_FORMATS),
        default=LAYER_FORMAT,
        help=f"layer format (default: {LAYER_FORMAT}, what the DISARM Navigator reads; 4.5 needs Navigator 4.9 or later)",
    )
    layer.add_argument("--out", type=Path, help="file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    """Run the taxonomy subcommand given (the parser requires one)."""
    action: Handler = args.action
    return action(args)


def _report_arguments(parser: argparse.ArgumentParser, verb: str) -> None:
    parser.add_argument(
        "report", nargs="?", type=Path, metavar="REPORT", help="a report file (opsmodel JSON); default: --example"
    )
    parser.add_argument("--example", default="openai-2024-05", help=f"bundled example to {verb} (default: %(default)s)")


def load_catalogue(text: str, directory: Path | None) -> Catalogue:
    """The catalogue a command-line argument names: a published file's name, or a framework file."""
    if text in PUBLISHED:
        return load_published(text, directory=directory)
    return load(Path(text))


def _report(args: argparse.Namespace) -> Report | None:
    if args.report is None:
        return examples.load(args.example)
    try:
        text = args.report.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"opsmodel: error: cannot read {args.report}: {exc.strerror or exc}", file=sys.stderr)
        return None
    read = FORMATS["json"].read
    if read is None:
        print("opsmodel: error: reading report files needs the JSON format, which is not registered", file=sys.stderr)
        return None
    return read(text)


def _list(args: argparse.Namespace) -> int:
    print(f"data directory: {args.dir or data_dir()}")
    for name, entry in PUBLISHED.items():
        path = published_path(name, directory=args.dir)
        state = "downloaded" if path.exists() else "not downloaded"
        print(f"{name:12} {entry.note} [{entry.licence}] ({state})")
        print(f"{'':12} {entry.url}")
    return 0


def _download(args: argparse.Namespace) -> int:
    names = list(PUBLISHED) if "all" in args.names else list(dict.fromkeys(args.names))
    if args.url is not None and len(names) != 1:
        print("opsmodel: error: --url needs exactly one NAME", file=sys.stderr)
        return 2
    for name in names:
        try:
            path = download(name, directory=args.dir, url=args.url, sha256=args.sha256, force=args.force, timeout=args.timeout)
        except DownloadError as exc:
            print(f"opsmodel: error: {exc}", file=sys.stderr)
            print(f"opsmodel: {_without_download(name, args)}", file=sys.stderr)
            return 1
        print(f"{name}: {path}")
    return 0


def _without_download(name: str, args: argparse.Namespace) -> str:
    """How to go on when a download fails (offline, behind a proxy): every name also takes a file's path."""
    return (
        f"to go on without downloading, get the file another way ({PUBLISHED[name].url}) and give its path wherever the name "
        f"{name!r} goes ('opsmodel taxonomy show PATH', 'opsmodel validate --catalogue PATH', "
        f"opsmodel.taxonomy.load(path)), or save it as {published_path(name, directory=args.dir)}"
    )


def _show(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.catalogue, args.dir)
    if args.id is not None and (args.tactic or args.technique):
        print("opsmodel: error: give ID or --tactic/--technique, not both", file=sys.stderr)
        return 2
    if args.technique:
        _show_technique(catalogue, _technique(catalogue, args.technique))
    elif args.tactic:
        _show_tactic(catalogue, catalogue.tactic(args.tactic))
    elif args.id is not None:
        entry = _entry(catalogue, args.id)
        if isinstance(entry, TacticEntry):
            _show_tactic(catalogue, entry)
        else:
            _show_technique(catalogue, entry)
    else:
        _show_catalogue(catalogue)
    return 0


def _technique(catalogue: Catalogue, key: str) -> TechniqueEntry:
    """The technique an id or a name names."""
    found = catalogue.get(key)
    return catalogue.technique(found.id) if found is not None else catalogue.technique_named(key)


def _entry(catalogue: Catalogue, key: str) -> TacticEntry | TechniqueEntry:
    """The tactic or technique an id, a technique's name or a tactic's name or shortname names."""
    found = catalogue.get(key)
    if found is not None:
        return found
    if any(isinstance(entry, TechniqueEntry) for entry in catalogue.named(key)):
        return catalogue.technique_named(key)
    try:
        return catalogue.tactic(key)
    except UnknownEntryError:
        raise UnknownEntryError(
            f"{key!r} is neither a technique nor a tactic of {catalogue.label}: give an id (T0085.001, TA06) or an "
            f"exact name; 'opsmodel taxonomy show {catalogue.source or catalogue.label}' lists the tactics",
            key,
        ) from None


def _show_technique(catalogue: Catalogue, technique: TechniqueEntry) -> None:
    print(technique)
    tactics = ", ".join(str(t) for t in catalogue.tactics_of(technique.id))
    print(f"  tactics: {tactics or '-'}")
    if technique.parent:
        print(f"  parent: {catalogue.technique(technique.parent)}")
    for child in catalogue.children(technique.id):
        print(f"  sub-technique: {child}")
    if technique.url:
        print(f"  {technique.url}")
    if technique.description:
        print(f"\n{technique.description}")


def _show_tactic(catalogue: Catalogue, tactic: TacticEntry) -> None:
    print(tactic)
    for technique in catalogue.members(tactic.id):
        print(f"  {'  ' if technique.parent else ''}{technique}")


def _show_catalogue(catalogue: Catalogue) -> None:
    print(catalogue)
    if catalogue.licence:
        print(f"licence: {catalogue.licence}")
    for tactic in catalogue.tactics:
        members = catalogue.members(tactic.id)
        subs = sum(1 for t in members if t.parent)
        phase = f" [{tactic.phase}]" if tactic.phase else ""
        print(f"  {tactic}{phase}: {count_of(len(members) - subs, 'technique')}, {count_of(subs, 'sub-technique')}")


def _diff(args: argparse.Namespace) -> int:
    print(diff(load_catalogue(args.old, args.dir), load_catalogue(args.new, args.dir)))
    return 0


def _check(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.catalogue, args.dir)
    history = [load_catalogue(old, args.dir) for old in args.history]
    report = _report(args)
    if report is None:
        return 2
    findings = check(report, catalogue, history=history)
    for finding in findings:
        print(finding)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    tags = sum(len(op.techniques) for op in report)
    warnings = len(findings) - errors
    print(
        f"{report.id}: {count_of(tags, 'technique tag')} checked against {catalogue.label}: "
        f"{count_of(errors, 'error')}, {count_of(warnings, 'warning')}"
    )
    return 1 if errors else 0


def _layer(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.catalogue, args.dir) if args.catalogue else None
    report = _report(args)
    if report is None:
        return 2
    layer = to_layer(report, navigator=args.navigator, catalogue=catalogue, layer_format=args.layer_format)
    if args.out is None:
        json.dump(layer, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    with atomic_writer(args.out) as handle:
        json.dump(layer, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0
