"""Kept for old habits: the stix figures of the benchmark, now measured by ``bench/run.py`` (see its help).

python bench/bench_stix.py [run.py's options]
"""

from __future__ import annotations

import sys

from run import main

if __name__ == "__main__":
    raise SystemExit(main(["--only", "import", "export", "foreign-import", "build", *sys.argv[1:]]))
