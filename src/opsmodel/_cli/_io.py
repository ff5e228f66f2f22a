"""Input, output and progress helpers shared by the subcommands."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path
from typing import IO

from .. import Report
from ..errors import LIMITS, DecodingError, InputError
from ..formats import Format, atomic_writer

# The exit statuses of every command: success or valid data, invalid data, a usage error.
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def label(name: str) -> str:
    """How messages name an input: its file name, or ``<stdin>`` for ``-``."""
    return "<stdin>" if name == "-" else name


def count_of(number: int, noun: str) -> str:
    """``count_of(1, "error")`` is ``"1 error"``; ``count_of(2, "error")`` is ``"2 errors"``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# An input larger than a document may be is refused before it is read whole (see reference/limits).
MAX_INPUT_BYTES = LIMITS["MAX_DOCUMENT_CHARS"][0]


def read_input(name: str) -> bytes:
    """The bytes of file ``name``, or of standard input for ``-``; an InputError past :data:`MAX_INPUT_BYTES`."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{label(name)}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{label(name)}: larger than the limit of {MAX_INPUT_BYTES} bytes (see the limits reference)")
    return data


def decode(data: bytes, name: str) -> str:
    """The text of an input's bytes (a leading byte order mark dropped); a DecodingError if not UTF-8."""
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise DecodingError(f"{label(name)}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def write_report(entry: Format, report: Report, output: str | Path) -> None:
    """Write ``report`` in format ``entry`` to ``output`` (``-`` is standard output), all or nothing."""
    assert entry.write is not None  # the caller looked the format up as one that writes
    if str(output) == "-":
        buffer = io.StringIO()
        entry.write(report, buffer)  # fully rendered before anything reaches stdout
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
        return
    with atomic_writer(output) as handle:
        entry.write(report, handle)


class Progress:
    """A one-line progress indication on a terminal; silent when the stream is not a terminal.

    Updates at most every ``interval`` seconds and only for inputs of at least ``threshold`` items,
    so short runs and redirected output (logs, CI) stay clean.
    """

    def __init__(self, label: str, *, stream: IO[str] | None = None, threshold: int = 1000, interval: float = 0.2) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.threshold = threshold
        self.interval = interval
        self.enabled = _is_terminal(self.stream)
        self._shown = False
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.threshold:
            return
        now = time.monotonic()
        if self._shown and now - self._last < self.interval and done + 1 < total:
            return
        self._last = now
        self._shown = True
        self.stream.write(f"\r{self.label}: {done + 1}/{total} ({100 * (done + 1) // total}%)")
        self.stream.flush()

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
