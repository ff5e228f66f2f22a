"""Kept for old habits: the validation figures of the benchmark, now measured by ``bench/run.py`` (see its help).

python bench/bench_validation.py [run.py's options]
"""

from __future__ import annotations

import sys

from run import main

if __name__ == "__main__":
    raise SystemExit(main(["--only", "validate", *sys.argv[1:]]))
