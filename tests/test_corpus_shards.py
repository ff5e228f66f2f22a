"""JSON Lines shards by partition: written atomically in a stream, read back lazily, a manifest of counts."""

from __future__ import annotations

import json as stdjson
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import Report, examples
from opsmodel.corpus import Corpus, CorpusError, Manifest, Shard, read_shards, write_shards
from opsmodel.testing import operations, reports

from ._corpus_reports import MICROSOFT, OBSERVATORY
from ._generated_corpus import generated_reports

OPENAI = examples.load("openai-2024-05")
THREE = [OPENAI, MICROSOFT, OBSERVATORY]


def _unique_ids(drawn: list[Report]) -> list[Report]:
    return list({report.id: report for report in drawn}.values())


@settings(max_examples=20)
@given(st.lists(reports(), max_size=5).map(_unique_ids), st.integers(min_value=1, max_value=4), st.integers(1, 4))
def test_shards_read_back_as_the_corpus_whatever_the_partitioning(drawn: list[Report], size: int, other: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder, "first"), Path(folder, "second")
        manifest = write_shards(Corpus(drawn), first, size=size)
        write_shards(drawn, second, size=other)
        assert Corpus.from_shards(first) == Corpus(drawn) == Corpus.from_shards(second)
        assert list(read_shards(first)) == drawn  # in the order written, each report whole
        assert len(manifest.shards) == -(-len(drawn) // size)
        assert (manifest.reports, manifest.operations) == (len(drawn), sum(len(report.operations) for report in drawn))
        assert Manifest.read(first) == manifest


@settings(max_examples=20)
@given(st.lists(operations(), max_size=7), st.integers(min_value=1, max_value=3))
def test_bare_operations_read_back_in_order(drawn: list[object], size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        manifest = write_shards(drawn, folder, size=size)  # type: ignore[arg-type]
        assert [operation for shard in manifest.shards for operation in shard.iter_operations()] == drawn
        assert [shard.operations for shard in manifest.shards] == [len(drawn[i : i + size]) for i in range(0, len(drawn), size)]


def test_a_folder_of_shards_is_parts_and_a_manifest(tmp_path: Path) -> None:
    manifest = write_shards(Corpus(THREE), tmp_path, size=2)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["manifest.json", "part-00000.jsonl", "part-00001.jsonl"]
    written = stdjson.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert written["format"] == "opsmodel-shards"
    assert written["partitioning"] == {"by": "reports", "size": 2}
    assert [shard["reports"] for shard in written["shards"]] == [2, 1]
    assert written["operations"] == manifest.operations == 9
    corpus = Corpus.from_shards(tmp_path)
    assert all(isinstance(item, Shard) for item in corpus.items)
    assert [len(part) for part in corpus.partitions(1)] == [2, 1]
    assert {cluster.id for cluster in corpus.clusters()} == {cluster.id for cluster in Corpus(THREE).clusters()}


def test_a_shorter_write_leaves_no_stale_shard(tmp_path: Path) -> None:
    write_shards(THREE, tmp_path, size=1)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    write_shards(THREE, tmp_path, size=3)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["manifest.json", "notes.txt", "part-00000.jsonl"]


def test_writing_streams_the_source_one_shard_at_a_time(tmp_path: Path) -> None:
    seen: list[str] = []

    def source() -> object:
        for report in generated_reports(60, per_report=10):
            seen.append(report.id)
            # the shards written so far are on disk already; the next one is not
            assert len(list(tmp_path.glob("part-*.jsonl"))) == (len(seen) - 1) // 2
            yield report

    manifest = write_shards(source(), tmp_path, size=2)  # type: ignore[arg-type]
    assert len(manifest.shards) == 3
    assert manifest.operations == 60
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]


def test_a_bad_line_names_the_shard_and_its_line(tmp_path: Path) -> None:
    write_shards(THREE, tmp_path, size=3)
    shard = tmp_path / "part-00000.jsonl"
    lines = shard.read_text(encoding="utf-8").splitlines()
    lines[7] = '{"id": 5}'
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        list(Corpus.from_shards(tmp_path))
    problems = info.value.problems
    assert problems[0].code == "corpus-read"
    assert "part-00000.jsonl" in problems[0].message
    assert {problem.line for problem in problems[1:]} == {8}


BAD_MANIFESTS = [None, "{", '{"format": "opsmodel"}', '{"format": "opsmodel-shards", "format_version": "9"}']


@pytest.mark.parametrize("manifest", BAD_MANIFESTS)
def test_a_folder_without_a_readable_manifest_is_refused(tmp_path: Path, manifest: str | None) -> None:
    if manifest is not None:
        (tmp_path / "manifest.json").write_text(manifest, encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        Corpus.from_shards(tmp_path)
    assert [problem.code for problem in info.value.problems] == ["corpus-shards"]


def test_a_shard_of_bare_operations_holds_no_reports(tmp_path: Path) -> None:
    write_shards(OPENAI.operations, tmp_path)
    with pytest.raises(CorpusError) as info:
        list(read_shards(tmp_path))
    assert [problem.code for problem in info.value.problems] == ["corpus-shards"]


def test_mixed_values_and_empty_shards_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="writes Report values, got Operation"):
        write_shards([OPENAI, OPENAI.operations[0]], tmp_path)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one"):
        write_shards(THREE, tmp_path, size=0)
    assert write_shards([], tmp_path / "empty").shards == ()
    assert Corpus.from_shards(tmp_path / "empty") == Corpus()
