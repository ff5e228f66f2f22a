"""Writing files so that a failure never leaves a half-written one, or a temporary one, behind.

The text goes to a temporary file beside the target, ``.NAME.PID.RANDOM.tmp``, which replaces the
target only once it is whole. On an error, or on SIGTERM, the temporary file is removed; a run
killed outright (SIGKILL, a power cut) cannot clean up, so the next write to the same target
removes the temporary files whose process is gone. An existing target keeps its permissions; a
target that is a symbolic link is written through, at the file it points to. Every failure is an
:class:`~opsmodel.errors.OutputError` naming the file and what stands in the way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any

from .errors import OutputError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a directory",
    errno.ENOTDIR: "a parent of it is not a directory",
    errno.ENOENT: "its directory cannot be created",
    errno.EEXIST: "a parent of it is a file, not a directory",
}


def _refusal(target: Path, exc: OSError) -> OutputError:
    reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
    return OutputError(f"{target}: cannot write the output: {reason}")


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path``, on error it vanishes.

    The temporary file lives in the target's directory so the final rename is atomic on POSIX
    and Windows alike. ``mode`` ``"w"`` writes UTF-8 text with ``\\n`` line ends; ``"wb"`` writes
    bytes. Errors of the file system are :class:`~opsmodel.errors.OutputError`\\ s;
    an error raised by the code writing to the file passes through unchanged.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: cannot write the output: it is a directory")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target)
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as exc:
        raise _refusal(target, exc) from None
    with _removed_on_sigterm(temporary):
        try:
            if hasattr(os, "fchmod"):  # mkstemp makes the file private (0600)
                os.fchmod(descriptor, _mode_for(target))
            binary = "b" in mode
            with os.fdopen(descriptor, mode, encoding=None if binary else "utf-8", newline=None if binary else "\n") as handle:
                yield handle
                _finish(handle)
            os.replace(temporary, target)
        except OSError as exc:
            _remove(temporary)
            raise _refusal(target, exc) from None
        except BaseException:
            _remove(temporary)
            raise


def _finish(handle: IO[Any]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _mode_for(target: Path) -> int:
    """The mode the written file gets: the existing file's, else what a plain open() would give."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the temporary files of earlier writes to ``target`` whose process is gone; return them."""
    removed = []
    for leftover in target.parent.glob(f".{target.name}.*.tmp"):
        pid = leftover.name[len(target.name) + 2 :].partition(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill(pid, 0) would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no way to ask (Windows): leave its file alone
        return True
    return True


@contextlib.contextmanager
def _removed_on_sigterm(temporary: str) -> Iterator[None]:
    """While writing, SIGTERM removes the temporary file, then does what it did before."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield  # only the main thread may set handlers
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous is signal.SIG_IGN:  # SIGTERM will not stop the write: nothing to clean up
        yield
        return

    def on_sigterm(signum: int, frame: FrameType | None) -> Any:
        _remove(temporary)
        signal.signal(signal.SIGTERM, previous)
        if callable(previous):
            return previous(signum, frame)
        os.kill(os.getpid(), signum)  # the default action: end the process, as SIGTERM would have
        return None

    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _umask() -> int:
    # The only portable way to read the umask is to set it; set it straight back.
    current = os.umask(0o022)
    os.umask(current)
    return current
