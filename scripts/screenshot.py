"""Draw the docs' worked corpus as an HTML page and photograph it in headless Chromium for the docs.

The corpus is the bundled example with the invented reports the corpus tests use (Microsoft's
Storm-1099 and an observatory's Doppelganger revisited). Run from the repository's root with the
package importable (``PYTHONPATH=src python scripts/screenshot.py``); writes
``docs/_static/report.png``. Needs /usr/bin/chromium.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests._corpus_reports import MICROSOFT, OBSERVATORY  # noqa: E402
from tests.test_browser_pictures import CHROMIUM, QUIET  # noqa: E402

from opsmodel import examples  # noqa: E402 - after the path that finds tests/
from opsmodel.corpus import Corpus, write_html  # noqa: E402

TARGET = ROOT / "docs" / "_static" / "report.png"
SIZE = "1200,3300"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        write_html(Corpus([examples.load("openai-2024-05"), MICROSOFT, OBSERVATORY]), page, title="Three reports, one corpus")
        command = [str(CHROMIUM), *QUIET, f"--user-data-dir={folder}/profile", f"--window-size={SIZE}", f"--screenshot={TARGET}"]
        subprocess.run([*command, page.as_uri()], check=True, capture_output=True, timeout=180)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
