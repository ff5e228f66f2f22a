"""``opsmodel corpus``: the clusters and conflicts across many reports, or one of their tables as a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus import TABLE_FILES, TABLES, Cluster, Corpus, write_table
from ._command import Command, add_paths
from ._io import EXIT_OK, count_of

COMMAND = Command(
    name="corpus",
    help="the operations many reports share: clusters, why, and where the reports disagree",
    description="Read every PATH (a report file in any format opsmodel reads, or a folder of them) as one "
    "corpus and print its clusters: the operations that explicit relations (same as, alias of, part of) and "
    "aliases naming who uses them tie together, with each link and who asserted it, then each conflict "
    "(two start dates, two attributed countries, two current impact ratings) with its claimants. With "
    "--table, write one of the corpus tables to --out instead (needs the frames extra). Exit status: 0 done, "
    "1 a file cannot be read or is not a report (or the frames extra is missing), 2 usage error.",
    epilog="Example: opsmodel corpus reports/ --table operations --out operations.parquet",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument(
        "--table",
        choices=tuple(TABLES),
        help="write this table instead of printing the clusters (needs `pip install 'opsmodel-io[frames]'`)",
    )
    parser.add_argument("--out", metavar="FILE", type=Path, help="where --table writes: a .parquet or .csv file")
    parser.add_argument("--all", action="store_true", help="print clusters of one record too (default: only shared ones)")


def read_corpus(paths: list[Path]) -> Corpus:
    """The corpus of the files and folders given on the command line (nothing read yet)."""
    found = Corpus(())
    for path in paths:
        found = found | (Corpus.from_folder(path) if path.is_dir() else Corpus([path]))
    return found


def cluster_lines(cluster: Cluster) -> list[str]:
    """A cluster as ``opsmodel corpus`` prints it: its records, each link and who asserted it, each conflict."""
    lines = [f"{cluster.id}: {cluster}"]
    lines += [f"  link: {line}" for line in cluster.explanation()]
    lines += [f"  conflict: {conflict}" for conflict in cluster.conflicts()]
    latest = cluster.latest_rating
    if latest is not None and len(cluster.ratings()) > 1:
        lines.append(f"  latest rating: {latest} (of {count_of(len(cluster.ratings()), 'rating')})")
    return lines


def corpus_lines(corpus: Corpus, *, every: bool = False) -> list[str]:
    """The clusters several records share (``every``: all), what stays unresolved or merely alike, and the totals."""
    clusters = corpus.clusters()
    shared = [cluster for cluster in clusters if len(cluster.records) > 1]
    lines = [line for cluster in (clusters if every else shared) for line in cluster_lines(cluster)]
    lines += [f"unresolved: {unresolved}" for unresolved in corpus.unresolved]
    for name, records in corpus.namesakes():
        lines.append(f"named alike, not linked: {name}: {', '.join(str(record.key) for record in records)}")
    conflicts = sum(len(cluster.conflicts()) for cluster in clusters)
    lines.append(
        f"{count_of(len(corpus), 'report')}, {count_of(len(corpus.records()), 'operation')}, "
        f"{count_of(len(clusters), 'cluster')} ({len(shared)} across records), {count_of(conflicts, 'conflict')}"
    )
    return lines


def run(args: argparse.Namespace) -> int:
    if (args.table is None) != (args.out is None):
        args.parser.error("--table and --out go together")
    if args.out is not None and args.out.suffix not in TABLE_FILES:
        args.parser.error(f"--out: cannot write {args.out.name!r}; expected a file ending in {' or '.join(TABLE_FILES)}")
    corpus = read_corpus(args.paths)
    if args.table is not None:
        write_table(corpus.table(args.table), args.out)
        print(f"wrote {args.out} ({args.table})", file=sys.stderr)
        return EXIT_OK
    for line in corpus_lines(corpus, every=args.all):
        print(line)
    return EXIT_OK
