"""Kept for old habits: the corpus figures of the benchmark, now measured by ``bench/run.py`` (see its help).

python bench/bench_corpus.py [run.py's options]
"""

from __future__ import annotations

import sys

from run import main

if __name__ == "__main__":
    raise SystemExit(main(["--only", "corpus-load", *sys.argv[1:]]))
