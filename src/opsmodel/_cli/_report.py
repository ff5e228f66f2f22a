"""``opsmodel report``: one self-contained HTML page for a report, a corpus of reports, or one cluster."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..corpus import Cluster, Corpus, to_html
from ..errors import OpsmodelError
from ..formats import atomic_writer
from ._command import Command, add_paths
from ._corpus import read_corpus
from ._io import EXIT_OK, count_of
from ._taxonomy import load_catalogue

COMMAND = Command(
    name="report",
    help="draw reports as one self-contained HTML page: table, timeline, DISARM heat map, flows",
    description="Read every PATH (a report file in any format opsmodel reads, or a folder of them) and write "
    "one HTML page to --html: the operations table, a timeline drawing fuzzy dates as fuzzy, a heat map of "
    "the DISARM techniques by tactic, the flows from attributed origins to targets and, for operations that "
    "several records describe, each fact with its claimants and conflicts. The page is one file with inline "
    "CSS and SVG: it fetches nothing when viewed. Exit status: 0 written, 1 a file cannot be read or is not "
    "a report, 2 usage error (including a --cluster the corpus does not hold).",
    epilog="Example: opsmodel report reports/ --html corpus.html --cluster openai-2024-05/doppelganger",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument("--html", metavar="OUT", required=True, help="where to write the page (`-` for standard output)")
    parser.add_argument(
        "--cluster",
        metavar="ID",
        help="draw only the cluster holding this operation, named REPORT/OPERATION (a cluster's id is its first record's)",
    )
    parser.add_argument("--title", help="the page's title (default: the report's title, the cluster's names, or a count)")
    parser.add_argument(
        "--catalogue",
        metavar="CATALOGUE",
        help="place techniques whose use names no tactic under this framework's tactics: a framework file, or the "
        "name of a downloaded published file (see `opsmodel taxonomy list`)",
    )


def _cluster(corpus: Corpus, wanted: str, parser: argparse.ArgumentParser) -> Cluster:
    report, _, operation = wanted.partition("/")
    try:
        return corpus.cluster_of(report, operation)
    except KeyError:
        known = ", ".join(cluster.id for cluster in corpus.clusters()[:10])
        parser.error(f"argument --cluster: no operation {wanted!r} in the corpus (clusters: {known or 'none'})")


def _catalogue(args: argparse.Namespace) -> Any:
    if args.catalogue is None:
        return None
    try:
        return load_catalogue(args.catalogue, None)
    except (OpsmodelError, OSError) as exc:
        args.parser.error(f"argument --catalogue: cannot load {args.catalogue!r}: {exc}")


def run(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    corpus = read_corpus(args.paths)
    reports = corpus.reports
    subject: Any = corpus if len(reports) != 1 else reports[0]
    if args.cluster is not None:
        subject = _cluster(corpus, args.cluster, args.parser)
    page = to_html(subject, title=args.title, catalogue=catalogue)
    if args.html == "-":
        sys.stdout.write(page)
        return EXIT_OK
    with atomic_writer(args.html) as handle:
        handle.write(page)
    print(f"wrote {args.html} ({count_of(len(corpus.records()), 'operation')})", file=sys.stderr)
    return EXIT_OK
