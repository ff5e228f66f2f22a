"""Where frameworks publish their files, and fetching them into the user's data directory.

opsmodel does not ship DISARM's or Meta's files (their licences differ from ours, and users
choose their release). :func:`download` fetches the official file, pinned to the commit it was
published at and checked against its SHA-256, into :func:`data_dir`; :func:`load_published`
loads it from there.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from .._core.errors import CatalogueError, DownloadError, LimitError
from .._core.files import atomic_writer
from .._core.limits import loads_json
from .._version import __version__
from .catalogue import Catalogue
from .loaders import load_disarm_stix, load_meta_csv, load_misp_galaxy, parse_disarm_stix, parse_meta_csv, parse_misp_galaxy

_MAX_BYTES = 64 * 1024 * 1024


@frozen(kw_only=True)
class PublishedFile:
    """A framework file as its publisher put it online: where, which release, in which format."""

    #: The name ``opsmodel taxonomy download`` knows the file by.
    name: str
    #: The framework the file holds.
    framework: str
    #: The release it holds; None when the publisher numbers none (Meta's index).
    version: str | None
    #: How it is written: ``stix``, ``misp`` or ``meta-csv``.
    format: str  # "stix", "misp" or "meta-csv"
    #: Where it is downloaded from.
    url: str
    #: The name it is saved under.
    filename: str
    #: The SHA-256 digest the download must have; None when it is not pinned.
    sha256: str | None
    #: The licence it is published under.
    licence: str
    #: The publisher's page about it.
    page: str
    #: Anything else worth knowing before using it.
    note: str = ""


PUBLISHED: Mapping[str, PublishedFile] = {
    entry.name: entry
    for entry in (
        PublishedFile(
            name="disarm-1.6",
            framework="disarm",
            version="1.6",
            format="stix",
            url="https://raw.githubusercontent.com/DISARMFoundation/DISARMframeworks/"
            "49df5f649e16dfbf11e3859913c256c875c02692/generated_files/DISARM_STIX/DISARM.json",
            filename="DISARM.json",
            sha256="f372a5b70e540022c5ffae41d1e1bd04fb79dd6b94aa0ea2fcce4712d600bf3f",
            licence="CC-BY-SA-4.0",
            page="https://github.com/DISARMFoundation/DISARMframeworks",
            note="DISARM Red Framework v1.6 as a STIX 2.1 bundle (generated_files/DISARM_STIX/DISARM.json)",
        ),
        PublishedFile(
            name="disarm-1.7",
            framework="disarm",
            version="1.7",
            format="stix",
            url="https://raw.githubusercontent.com/DISARMFoundation/disarm-navigator-17/"
            "80ca5816ab5bbe8a7fff3789f715803e3420b662/docs/assets/DISARM.json",
            filename="DISARM.json",
            sha256="7f4a517b65327907833b23e98e198a26f3a9f12bd973488de6c65af969e3540e",
            licence="CC-BY-SA-4.0",
            page="https://github.com/DISARMFoundation/disarm-navigator-17",
            note="DISARM v1.7 as the STIX 2.1 bundle its Navigator draws (docs/assets/DISARM.json)",
        ),
        PublishedFile(
            name="disarm-misp",
            framework="disarm",
            version="1.4",
            format="misp",
            url="https://raw.githubusercontent.com/MISP/misp-galaxy/"
            "9434ace4eb925c9a1c9b3bccf014a25f9d14f0b0/clusters/disarm-techniques.json",
            filename="disarm-techniques.json",
            sha256="b7a9fd829bdc60ffc225019bdf1eaae39152890ae120d7d2d5338ddffa7b2be8",
            licence="CC0-1.0 OR BSD-2-Clause (MISP); DISARM content CC-BY-SA-4.0",
            page="https://github.com/MISP/misp-galaxy",
            note="MISP's DISARM techniques galaxy cluster (still DISARM v1.4)",
        ),
        PublishedFile(
            name="meta-ookc",
            framework="meta-ookc",
            version=None,
            format="meta-csv",
            url="https://raw.githubusercontent.com/facebook/threat-research/"
            "a1b05bff1c29fe32e116c4a5eb35b0f0d4e717b1/Online_Operations_Killchain-TTPs.csv",
            filename="Online_Operations_Killchain-TTPs.csv",
            sha256="4144df541b5cb5c6ae82a7d948219e159fe5791af58714c0f6c51fa627ec09d8",
            licence="MIT",
            page="https://github.com/facebook/threat-research",
            note="Meta's Online Operations Kill Chain TTP index (Q3 2024 update)",
        ),
    )
}


def data_dir(*, platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Where opsmodel keeps downloaded files, by the platform's conventions.

    ``$OPSMODEL_DATA_DIR`` if set; else ``%LOCALAPPDATA%\\opsmodel`` on Windows,
    ``~/Library/Application Support/opsmodel`` on macOS, and ``$XDG_DATA_HOME/opsmodel``
    (default ``~/.local/share/opsmodel``) elsewhere.
    """
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if env.get("OPSMODEL_DATA_DIR"):
        return Path(env["OPSMODEL_DATA_DIR"]).expanduser()
    home = Path(env["HOME"]) if env.get("HOME") else Path.home()
    if system.startswith("win"):
        base = env.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "opsmodel"
    if system == "darwin":
        return home / "Library" / "Application Support" / "opsmodel"
    xdg = env.get("XDG_DATA_HOME", "")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share") / "opsmodel"


def _entry(name: str) -> PublishedFile:
    entry = PUBLISHED.get(name)
    if entry is None:
        raise DownloadError(f"no published file is called {name!r}; expected one of {', '.join(map(repr, PUBLISHED))}")
    return entry


def published_path(name: str, *, directory: str | os.PathLike[str] | None = None) -> Path:
    """Where :func:`download` puts the published file ``name`` (whether or not it is there yet)."""
    entry = _entry(name)
    return Path(directory if directory is not None else data_dir()) / "taxonomies" / entry.name / entry.filename


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse(entry: PublishedFile, text: str, where: str) -> Catalogue:
    if entry.format == "meta-csv":
        return parse_meta_csv(text, version=entry.version, source=where)
    try:
        data = loads_json(text)
    except LimitError as exc:
        error = DownloadError(str(exc), source=where)
        error.problems = exc.problems
        raise error from None
    except json.JSONDecodeError as exc:
        raise DownloadError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", source=where) from None
    if entry.format == "misp":
        return parse_misp_galaxy(data, version=entry.version, source=where)
    return parse_disarm_stix(data, version=entry.version, framework=entry.framework, source=where)


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the same host, and never from HTTPS to plain HTTP."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        old, new = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
        if new.hostname != old.hostname or new.scheme not in ("https", old.scheme):
            raise DownloadError(
                f"refusing a redirect to {newurl[:200]!r}: only to the same host, and never from https to http",
                source=req.full_url,
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SameHostRedirects)
_CHUNK = 64 * 1024


def fetch(url: str, *, timeout: float = 60.0) -> bytes:
    """The body at ``url``, fetched within ``timeout`` seconds overall; a DownloadError for anything else.

    Redirects go only to the same host, never from HTTPS to HTTP; a body shorter or longer than its
    ``Content-Length``, or larger than 64 MB, is refused; every network or protocol error
    (``http.client``'s included) is a :class:`~opsmodel.errors.DownloadError`.
    """
    deadline = time.monotonic() + timeout
    try:
        request = urllib.request.Request(url, headers={"User-Agent": f"opsmodel/{__version__}"})
        with _OPENER.open(request, timeout=timeout) as response:
            return _body(response, url, deadline, timeout)
    except DownloadError:
        raise
    except urllib.error.HTTPError as exc:
        raise DownloadError(f"the server answered {exc.code} {str(exc.reason)[:200]}", source=url) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        kind = type(exc).__name__
        raise DownloadError(f"cannot fetch the file: {kind}: {str(reason)[:200]}", source=url) from None


def _body(response: Any, url: str, deadline: float, timeout: float) -> bytes:
    length = response.headers.get("Content-Length")
    declared = int(length) if length is not None and length.strip().isdigit() and len(length) < 20 else None
    if declared is not None and declared > _MAX_BYTES:
        raise DownloadError(f"the file is larger than {_MAX_BYTES // (1024 * 1024)} MB; is this the right URL?", source=url)
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise DownloadError(f"the download took longer than {timeout:g} seconds", source=url)
        _set_timeout(response, left)
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > _MAX_BYTES:
            raise DownloadError(f"the file is larger than {_MAX_BYTES // (1024 * 1024)} MB; is this the right URL?", source=url)
    if declared is not None and size != declared:
        raise DownloadError(
            f"the server sent {size} bytes of the {declared} its Content-Length announced: the file is cut short", source=url
        )
    return b"".join(chunks)


def _set_timeout(response: Any, seconds: float) -> None:
    """Bound the next read by what is left of the deadline (a server sending a byte a minute cannot stall us)."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.001))


def download(
    name: str,
    *,
    directory: str | os.PathLike[str] | None = None,
    url: str | None = None,
    sha256: str | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> Path:
    """Fetch the published file ``name`` (see :data:`PUBLISHED`) into the data directory; return its path.

    The file is checked (its SHA-256 when known, and that it loads as a catalogue) before it
    atomically replaces any earlier copy. An existing copy is kept unless ``force``. ``url``
    fetches from elsewhere (a mirror, a newer commit); its ``sha256`` is then only checked if given,
    but a body shorter than its ``Content-Length`` is always refused. ``timeout`` bounds the whole
    transfer, however slowly the server sends; redirects are followed only to the same host, never
    from https to http. Every failure is a :class:`~opsmodel.errors.DownloadError`.
    """
    entry = _entry(name)
    target = published_path(name, directory=directory)
    expected = sha256 if url is not None else (sha256 or entry.sha256)
    source = url or entry.url
    if target.exists() and not force:
        return target
    if not source.startswith(("https://", "http://")):
        raise DownloadError(f"refusing to fetch {source!r}: only http and https URLs", source=name)
    data = fetch(source, timeout=timeout)
    if expected is not None and _sha256(data) != expected.lower():
        raise DownloadError(
            f"SHA-256 {_sha256(data)} does not match the published file's {expected}: changed upstream or corrupted",
            source=source,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DownloadError(f"not UTF-8 text (byte {exc.start})", source=source) from None
    try:  # refuse what does not load, before replacing anything
        _parse(entry, text.removeprefix("\ufeff"), source)
    except CatalogueError as exc:
        raise DownloadError(f"not a {entry.name} file: {exc.problem}", source=source) from None
    try:
        with atomic_writer(target) as handle:
            handle.write(text)
    except OSError as exc:
        raise DownloadError(f"cannot write the file: {exc.strerror or exc}", source=str(target)) from None
    return target


def load_published(name: str, *, directory: str | os.PathLike[str] | None = None) -> Catalogue:
    """The catalogue of a published file :func:`download` fetched (cached like any loaded file)."""
    entry = _entry(name)
    path = published_path(name, directory=directory)
    if not path.exists():
        raise DownloadError(
            f"not downloaded yet; run `opsmodel taxonomy download {name}` first, or give the path of a copy of the file "
            "instead of its name",
            source=str(path),
        )
    if entry.format == "meta-csv":
        return load_meta_csv(path, version=entry.version)
    if entry.format == "misp":
        return load_misp_galaxy(path, version=entry.version)
    return load_disarm_stix(path, version=entry.version, framework=entry.framework)
