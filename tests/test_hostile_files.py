"""Outputs under hostile conditions: permissions, symbolic links, signals, leftovers, full disks."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from opsmodel import errors
from opsmodel._cli import main
from opsmodel._core.files import atomic_writer, remove_leftovers
from opsmodel.examples import load

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")


def _report_file(tmp_path: Path) -> Path:
    from opsmodel import json as ojson

    source = tmp_path / "report.json"
    source.write_text(ojson.dumps(load("openai-2024-05")), encoding="utf-8")
    return source


@posix_only
def test_an_existing_output_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert main(["convert", str(_report_file(tmp_path)), str(target), "--to", "stix"]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith('{"type":"bundle"')


@posix_only
def test_a_symlinked_output_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real" / "out.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["convert", str(_report_file(tmp_path)), str(link), "--to", "stix"]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith('{"type":"bundle"')
    assert not list(tmp_path.glob(".link.json.*"))
    assert not list(real.parent.glob(".out.json.*"))


def test_an_output_that_is_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    assert main(["convert", str(_report_file(tmp_path)), str(tmp_path / "out"), "--to", "stix"]) == 1
    assert "it is a directory" in capsys.readouterr().err


def test_an_output_whose_parent_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _report_file(tmp_path)
    assert main(["convert", str(source), str(source / "out.json"), "--to", "stix"]) == 1
    err = capsys.readouterr().err
    assert "a parent of it is" in err
    assert "Traceback" not in err


def test_a_read_only_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests may run as root, whom a 0555 directory does not stop: refuse as the kernel would
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(errors.OutputError, match="permission denied") as caught, atomic_writer(tmp_path / "out.json") as handle:
        handle.write("x")
    assert caught.value.problems[0].code == "output"
    assert isinstance(caught.value, OSError)


def test_a_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(errors.OutputError, match="the disk is full"), atomic_writer(target) as handle:
        handle.write("new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


def test_a_full_disk_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert main(["convert", str(_report_file(tmp_path)), str(tmp_path / "out.json"), "--to", "stix"]) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert not list(tmp_path.glob("*out.json*"))


def test_an_error_of_the_writer_itself_passes_unchanged(tmp_path: Path) -> None:
    with pytest.raises(KeyError), atomic_writer(tmp_path / "out.json"):
        raise KeyError("a bug in the writer, not a file system problem")
    assert list(tmp_path.iterdir()) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@posix_only
def test_a_leftover_of_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    leftover = tmp_path / f".out.json.{_dead_pid()}.abc123.tmp"
    leftover.write_text("half", encoding="utf-8")
    ours = tmp_path / f".out.json.{os.getpid()}.live.tmp"  # a live writer's file is left alone
    ours.write_text("busy", encoding="utf-8")
    unrelated = tmp_path / ".other.json.1.x.tmp"
    unrelated.write_text("not ours", encoding="utf-8")
    with atomic_writer(target) as handle:
        handle.write("new")
    assert not leftover.exists()
    assert ours.exists()
    assert unrelated.exists()
    assert remove_leftovers(target) == []


_SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from opsmodel._core.files import atomic_writer
    with atomic_writer(sys.argv[1]) as handle:
        handle.write("partial")
        handle.flush()
        print("writing", flush=True)
        # short sleeps: a signal that lands just before a long sleep starts would wait it out,
        # since Python runs its handlers between bytecodes
        for _ in range(600):
            time.sleep(0.1)
    """
)


@posix_only
@pytest.mark.parametrize("handler", ["default", "python"])
def test_sigterm_leaves_no_temporary_file(tmp_path: Path, handler: str) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    script = _SLOW_WRITER
    if handler == "python":  # a program with its own handler: it still runs, after the clean-up
        script = "import signal, sys\nsignal.signal(signal.SIGTERM, lambda *a: sys.exit(3))\n" + script
    with subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        assert list(tmp_path.glob(".out.json.*.tmp"))
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=60)
    assert code == (3 if handler == "python" else -signal.SIGTERM)
    assert not list(tmp_path.glob(".out.json.*.tmp"))
    assert target.read_text(encoding="utf-8") == "old"


@posix_only
def test_the_previous_sigterm_handler_is_restored(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    with atomic_writer(tmp_path / "out.json") as handle:
        assert signal.getsignal(signal.SIGTERM) is not before
        handle.write("x")
    assert signal.getsignal(signal.SIGTERM) is before


def test_writing_from_a_thread_works_without_a_signal_handler(tmp_path: Path) -> None:
    import threading

    done: list[bool] = []

    def write() -> None:
        with atomic_writer(tmp_path / "out.json") as handle:
            handle.write("x")
        done.append(True)

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert done == [True]
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "x"


@posix_only
def test_an_ignored_sigterm_stays_ignored(tmp_path: Path) -> None:
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with atomic_writer(tmp_path / "out.json") as handle:
            assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
            handle.write("x")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "x"
