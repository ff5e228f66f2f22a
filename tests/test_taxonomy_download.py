"""Downloading published files, against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from opsmodel import taxonomy as tx
from opsmodel._cli import main
from opsmodel._taxonomy.downloads import PUBLISHED

_CSV = "Tactic,Technique,Procedure\r\n0. Acquiring assets,0.1 Acquiring IP addresses ,0.1.1 Acquiring proxy IP addresses\r\n"


class _Server:
    """Serves ``files`` (path -> bytes) on loopback and counts the requests it answers."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.requests: list[str] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests.append(self.path)
                body = owner.files.get(self.path)
                if body is None:
                    self.send_error(404, "Not Found")
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture
def server() -> Iterator[_Server]:
    running = _Server()
    running.thread.start()
    try:
        yield running
    finally:
        running.httpd.shutdown()
        running.httpd.server_close()
        running.thread.join()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_download_verifies_and_installs_atomically(server: _Server, tmp_path: Path) -> None:
    server.files["/ttps.csv"] = _CSV.encode()
    path = tx.download("meta-ookc", directory=tmp_path, url=server.url("/ttps.csv"), sha256=_sha(_CSV.encode()))
    assert path == tmp_path / "taxonomies" / "meta-ookc" / "Online_Operations_Killchain-TTPs.csv"
    assert path.read_bytes() == _CSV.encode()  # byte for byte, line endings included
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind
    catalogue = tx.load_published("meta-ookc", directory=tmp_path)
    assert catalogue.technique("0.1").name == "Acquiring IP addresses"
    # an existing copy is kept without asking the server again
    assert tx.download("meta-ookc", directory=tmp_path, url=server.url("/ttps.csv")) == path
    assert server.requests == ["/ttps.csv"]


def test_bad_downloads_leave_the_old_copy_alone(server: _Server, tmp_path: Path) -> None:
    server.files["/good.csv"] = _CSV.encode()
    path = tx.download("meta-ookc", directory=tmp_path, url=server.url("/good.csv"))
    server.files["/wrong-header.csv"] = b"Phase,Technique,Procedure\n0. A,0.1 B,0.1.1 C\n"
    server.files["/binary.csv"] = b"\xff\xfe\xfa"
    cases = {
        "/wrong-header.csv": "the header is 'Phase,Technique,Procedure'",
        "/missing.csv": "the server answered 404",
        "/binary.csv": "not UTF-8 text",
    }
    for name, problem in cases.items():
        with pytest.raises(tx.DownloadError, match=problem) as info:
            tx.download("meta-ookc", directory=tmp_path, url=server.url(name), force=True)
        assert str(info.value).startswith(server.url(name))
        assert path.read_bytes() == _CSV.encode()
        assert len(list(path.parent.iterdir())) == 1
    with pytest.raises(tx.DownloadError, match=r"SHA-256 .* does not match"):
        tx.download("meta-ookc", directory=tmp_path, url=server.url("/good.csv"), sha256="0" * 64, force=True)


def test_the_pinned_checksum_is_checked(server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the registry's own URL is replaced by the local server; its published SHA-256 stays
    server.files["/DISARM.json"] = b'{"type": "bundle", "objects": []}'
    local = attrs.evolve(PUBLISHED["disarm-1.6"], url=server.url("/DISARM.json"))
    monkeypatch.setitem(PUBLISHED, "disarm-1.6", local)
    with pytest.raises(tx.DownloadError, match="does not match the published file's f372a5b7"):
        tx.download("disarm-1.6", directory=tmp_path)
    assert not tx.published_path("disarm-1.6", directory=tmp_path).exists()


def test_the_real_file_downloads_and_loads(
    server: _Server, tmp_path: Path, shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (shared_data / "disarm" / "DISARM-v1.6.json").read_bytes()
    server.files["/DISARM.json"] = body
    local = attrs.evolve(PUBLISHED["disarm-1.6"], url=server.url("/DISARM.json"))
    monkeypatch.setitem(PUBLISHED, "disarm-1.6", local)
    path = tx.download("disarm-1.6", directory=tmp_path)
    assert path.read_bytes() == body
    catalogue = tx.load_published("disarm-1.6", directory=tmp_path)
    assert (catalogue.version, len(catalogue.top_level), len(catalogue.subtechniques)) == ("1.6", 103, 288)


def test_bad_names_and_schemes(tmp_path: Path) -> None:
    with pytest.raises(tx.DownloadError, match="no published file is called 'disarm-9'"):
        tx.download("disarm-9", directory=tmp_path)
    with pytest.raises(tx.DownloadError, match="only http and https"):
        tx.download("meta-ookc", directory=tmp_path, url="file:///etc/passwd")
    with pytest.raises(tx.DownloadError, match="not downloaded yet; run `opsmodel taxonomy download meta-ookc`"):
        tx.load_published("meta-ookc", directory=tmp_path)


def test_unreachable_server(tmp_path: Path) -> None:
    with socket_closed() as url, pytest.raises(tx.DownloadError, match="cannot fetch the file"):
        tx.download("meta-ookc", directory=tmp_path, url=url, timeout=5)


def test_cli_download_offline_says_how_to_go_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without network, the command says how to use the file anyway: fetch it another way, give its path."""
    with socket_closed() as url:
        assert main(["taxonomy", "download", "meta-ookc", "--dir", str(tmp_path), "--url", url, "--timeout", "5"]) == 1
    err = capsys.readouterr().err
    assert "cannot fetch the file" in err
    official = tx.PUBLISHED["meta-ookc"].url
    assert f"get the file another way ({official}) and give its path wherever the name 'meta-ookc' goes" in err
    assert str(tx.published_path("meta-ookc", directory=tmp_path)) in err


class socket_closed:  # noqa: N801 - used as a context manager
    """A loopback URL on a port nobody listens on."""

    def __enter__(self) -> str:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        return f"http://127.0.0.1:{port}/nothing.csv"

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"HOME": "/home/ana"}, "/home/ana/.local/share/opsmodel"),
        ("linux", {"HOME": "/home/ana", "XDG_DATA_HOME": "/data"}, "/data/opsmodel"),
        ("linux", {"HOME": "/home/ana", "XDG_DATA_HOME": "relative"}, "/home/ana/.local/share/opsmodel"),
        ("darwin", {"HOME": "/Users/ana"}, "/Users/ana/Library/Application Support/opsmodel"),
        ("win32", {"HOME": "/c/ana", "LOCALAPPDATA": "/c/ana/AppData/Local"}, "/c/ana/AppData/Local/opsmodel"),
        ("linux", {"HOME": "/home/ana", "OPSMODEL_DATA_DIR": "/srv/opsmodel"}, "/srv/opsmodel"),
    ],
)
def test_data_dir_follows_platform_conventions(platform: str, environ: dict[str, str], expected: str) -> None:
    assert tx.data_dir(platform=platform, environ=environ) == Path(expected)


def test_every_published_file_is_pinned() -> None:
    for entry in PUBLISHED.values():
        assert entry.url.startswith("https://raw.githubusercontent.com/")
        assert entry.sha256 is not None
        assert len(entry.sha256) == 64
        assert any(len(part) == 40 for part in entry.url.split("/")), f"{entry.name} is not pinned to a commit"


def test_cli_download_and_list(server: _Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server.files["/ttps.csv"] = _CSV.encode()
    assert main(["taxonomy", "download", "meta-ookc", "--dir", str(tmp_path), "--url", server.url("/ttps.csv")]) == 0
    assert "meta-ookc: " in capsys.readouterr().out
    assert main(["taxonomy", "list", "--dir", str(tmp_path)]) == 0
    listing = capsys.readouterr().out
    assert "meta-ookc" in listing
    assert "(downloaded)" in listing
    assert main(["taxonomy", "show", "meta-ookc", "--dir", str(tmp_path)]) == 0
    assert "Online Operations Kill Chain (meta-ookc): 1 tactic, 1 technique, 1 sub-technique" in capsys.readouterr().out
    assert main(["taxonomy", "download", "all", "--url", server.url("/ttps.csv"), "--dir", str(tmp_path)]) == 2
    assert main(["taxonomy", "download", "meta-ookc", "--dir", str(tmp_path), "--url", server.url("/no"), "--force"]) == 1
    assert "404" in capsys.readouterr().err


def test_unwritable_directory(server: _Server, tmp_path: Path) -> None:
    server.files["/ttps.csv"] = _CSV.encode()
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(tx.DownloadError, match="cannot write the file"):
        tx.download("meta-ookc", directory=blocker, url=server.url("/ttps.csv"))
