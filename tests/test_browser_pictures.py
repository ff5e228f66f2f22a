"""The HTML page in a real browser: headless Chromium from the system's packages (``nox -s browser``).

Chromium runs with the flags that keep it off the network (no background requests, no component
updates, no sync, no QUIC) and logs every console message on standard error; the page has no
script, so any console message at all is a problem the browser found in it (a refused request,
an invalid SVG attribute). ``--dump-dom`` gives the document as the browser built it.
"""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest

from opsmodel import examples
from opsmodel.corpus import Corpus, to_html
from tests._corpus_reports import MICROSOFT, OBSERVATORY
from tests._pages import Page

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
QUIET = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--log-level=0",
)


def chromium(page: Path, profile: Path, *arguments: str) -> tuple[str, list[str]]:
    """Chromium's standard output for ``page`` and the console messages it logged."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: `nox -s browser` installs it with apt-get (Debian's `chromium` package)")
    command = [str(CHROMIUM), *QUIET, f"--user-data-dir={profile}", *arguments, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "corpus.html"
    path.write_text(to_html(Corpus([examples.load("openai-2024-05"), MICROSOFT, OBSERVATORY])), encoding="utf-8")
    return path


def test_the_page_renders_without_console_messages(corpus_page: Path, tmp_path: Path) -> None:
    dom, console = chromium(corpus_page, tmp_path / "profile", "--dump-dom")
    assert console == []
    page = Page(dom)
    for id_ in ("operations-table", "timeline-drawing", "matrix-table", "flows-drawing", "cluster-microsoft-2024-04/storm-1099"):
        assert id_ in page.ids, id_
    assert page.ids["timeline-drawing"] == page.ids["flows-drawing"] == "svg"
    assert page.tags["tr"] > 10
    assert page.tags["rect"] > 10
    assert page.tags["path"] > 5
    assert "Storm-1099 = Doppelganger = RRN" in page.words


def test_the_console_check_sees_what_the_page_may_not_do(corpus_page: Path, tmp_path: Path) -> None:
    # the same page with a request and a script in it: the page's policy refuses both, and says so
    broken = tmp_path / "broken.html"
    injected = '<body><img src="https://example.invalid/a.png" alt=""><script>document.title = "ran"</script>'
    broken.write_text(corpus_page.read_text(encoding="utf-8").replace("<body>", injected, 1), encoding="utf-8")
    dom, console = chromium(broken, tmp_path / "profile", "--dump-dom")
    assert any("example.invalid" in line for line in console)
    assert any("inline script" in line for line in console)
    assert "<title>ran</title>" not in dom


def test_a_screenshot_shows_the_page(corpus_page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    _, console = chromium(corpus_page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,900")
    assert console == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 900)
    assert len(data) > 20_000  # a blank page compresses to a few hundred bytes
