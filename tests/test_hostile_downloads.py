"""Downloads from hostile or broken servers: a local server on 127.0.0.1 started by each test (never the internet)."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from opsmodel import taxonomy as tx
from opsmodel._taxonomy.downloads import _SameHostRedirects, fetch

_CSV = b"Tactic,Technique,Procedure\r\n0. Acquiring assets,0.1 Acquiring IP addresses,0.1.1 Acquiring proxy IP addresses\r\n"

Reply = Callable[[socket.socket], None]


class _RawServer:
    """Answers every connection with ``reply(connection)``: whatever bytes a broken server would send."""

    def __init__(self, reply: Reply) -> None:
        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.recv(65536)  # the request; its content does not matter
                with contextlib.suppress(OSError):  # the client may give up first
                    reply(self.request)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def url(self, path: str = "/file") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def serve() -> Iterator[Callable[[Reply], _RawServer]]:
    started: list[_RawServer] = []

    def start(reply: Reply) -> _RawServer:
        running = _RawServer(reply)
        running.thread.start()
        started.append(running)
        return running

    yield start
    for running in started:
        running.server.shutdown()
        running.server.server_close()


def _sends(data: bytes) -> Reply:
    return lambda connection: connection.sendall(data)


@pytest.mark.parametrize(
    ("response", "kind"),
    [
        (b"NONSENSE\r\n\r\n", "BadStatusLine"),
        (b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", "LineTooLong"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nshort", "cut short|IncompleteRead"),
        (b"", "RemoteDisconnected"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "IncompleteRead|ValueError"),
    ],
)
def test_broken_servers_give_download_errors(serve: Callable[[Reply], _RawServer], response: bytes, kind: str) -> None:
    server = serve(_sends(response))
    with pytest.raises(tx.DownloadError, match=kind) as caught:
        fetch(server.url(), timeout=5)
    assert caught.value.problems[0].code == "download"


def test_a_short_body_is_refused_without_a_checksum(serve: Callable[[Reply], _RawServer], tmp_path: Path) -> None:
    body = _CSV
    server = serve(_sends(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % (len(body) + 50) + body))
    with pytest.raises(tx.DownloadError, match=r"(cut short|IncompleteRead)"):
        tx.download("meta-ookc", directory=tmp_path, url=server.url())
    assert not any(tmp_path.rglob("*.csv"))


def test_a_whole_body_is_accepted(serve: Callable[[Reply], _RawServer], tmp_path: Path) -> None:
    server = serve(_sends(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(_CSV) + _CSV))
    assert tx.download("meta-ookc", directory=tmp_path, url=server.url()).read_bytes() == _CSV


def test_one_deadline_for_the_whole_download(serve: Callable[[Reply], _RawServer]) -> None:
    def drip(connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(1000):  # a byte at a time: each read is quick, the whole is not
            connection.sendall(b"x")
            time.sleep(0.05)

    server = serve(drip)
    with pytest.raises(tx.DownloadError, match=r"longer than 0\.5 seconds|timed out"):
        fetch(server.url(), timeout=0.5)


def _redirect(location: str) -> Reply:
    return _sends(f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n".encode())


def test_redirects_to_another_host_are_refused(serve: Callable[[Reply], _RawServer]) -> None:
    target = serve(_sends(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
    # "localhost" is another host name than "127.0.0.1", though the same machine: nothing leaves it
    server = serve(_redirect(f"http://localhost:{target.port}/file"))
    with pytest.raises(tx.DownloadError, match="refusing a redirect"):
        fetch(server.url(), timeout=5)


def test_redirects_on_the_same_host_are_followed(serve: Callable[[Reply], _RawServer]) -> None:
    target = serve(_sends(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
    server = serve(_redirect(target.url("/moved")))
    assert fetch(server.url(), timeout=5) == b"ok"


def test_https_never_redirects_to_http() -> None:
    request = urllib.request.Request("https://example.org/file")
    with pytest.raises(tx.DownloadError, match="never from https to http"):
        _SameHostRedirects().redirect_request(request, None, 302, "Found", {}, "http://example.org/file")
    followed = _SameHostRedirects().redirect_request(request, None, 302, "Found", {}, "https://example.org/other")
    assert followed is not None
    assert followed.full_url == "https://example.org/other"


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:99999/x", "https://"])
def test_malformed_urls_give_download_errors(url: str) -> None:
    with pytest.raises(tx.DownloadError):
        fetch(url, timeout=2)
