"""Loading DISARM's STIX bundle: opsmodel.taxonomy against stix2 and mitreattack-python (on demand, asserts nothing).

Run ``python bench/bench_taxonomy.py [PATH-TO-DISARM.json]``; the default is the v1.6 bundle kept in tests/data.
Prints each library's best time and its ratio to opsmodel's (uncached) load, then lookup costs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from opsmodel import taxonomy as tx

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "disarm" / "DISARM-v1.6.json"


def best(function: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        sys.exit(f"no bundle at {path}; pass the path of a DISARM STIX bundle")

    def ours() -> tx.Catalogue:
        tx.clear_cache()
        return tx.load_disarm_stix(path)

    results = {"opsmodel.taxonomy (uncached)": best(ours)}
    tx.load_disarm_stix(path)
    results["opsmodel.taxonomy (cached)"] = best(lambda: tx.load_disarm_stix(path), repeat=50)
    try:
        import stix2

        text = path.read_text(encoding="utf-8")
        results["stix2.parse(allow_custom=True)"] = best(lambda: stix2.parse(text, allow_custom=True), repeat=3)
    except ImportError:
        print("stix2 not installed: skipped")
    try:
        from mitreattack.stix20 import MitreAttackData

        results["mitreattack MitreAttackData"] = best(lambda: MitreAttackData(stix_filepath=str(path)), repeat=3)
    except ImportError:
        print("mitreattack-python not installed: skipped")

    reference = results["opsmodel.taxonomy (uncached)"]
    for name, seconds in results.items():
        print(f"{name:36} {seconds * 1000:9.2f} ms   x{seconds / reference:7.2f}")

    catalogue = tx.load_disarm_stix(path)
    ids = [t.id for t in catalogue]
    names = [t.name.upper() for t in catalogue]
    by_id = best(lambda: [catalogue.get(i) for i in ids], repeat=20) / len(ids)
    by_name = best(lambda: [catalogue.named(n) for n in names], repeat=20) / len(names)
    print(f"lookup by id   {by_id * 1e9:8.0f} ns")
    print(f"lookup by name {by_name * 1e9:8.0f} ns")


if __name__ == "__main__":
    main()
