"""Pausing Python's cyclic garbage collector while a whole document is read or written."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is built or read.

    Reading or writing a large document allocates millions of acyclic objects; every few
    hundred allocations the collector would walk the growing, still-live heap for nothing
    (it halves the time of a 10,000-operation document). Reference counting still frees
    everything as usual, and the collector is resumed (if it was running) at the end, however
    the block ends. Re-entrant: an inner pause leaves the resuming to the outermost one.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
