"""Input, output and progress helpers shared by the subcommands."""

from __future__ import annotations

import sys
import time
from typing import IO

from .._core.errors import OpsmodelError

__all__ = ["InputError", "Progress", "read_input"]


class InputError(OpsmodelError, ValueError):
    """An input file cannot be read (missing, a directory, no permission)."""


def read_input(name: str) -> bytes:
    """The bytes of file ``name``, or of standard input for ``-``."""
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None


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
