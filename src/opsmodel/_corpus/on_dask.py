"""Shards on Dask (the ``opsmodel-io[dask]`` extra): a bag of reports or operations, and each table as a data frame.

One Dask partition per shard. A partition is read with opsmodel's JSON Lines reader and its
table rows are built by the same functions as :meth:`Corpus.table`, so a Dask table equals the
concatenation of the shards' own tables. Dask is imported only when asked for; without it a
:class:`~opsmodel.errors.MissingExtraError` names the extra.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from .corpus import Corpus
from .frames import arrow_table, extra, spec, to_pandas
from .shards import Manifest, Shard

EXTRA = "dask"
_NEEDED_BY = "opsmodel.corpus on Dask"

What = Literal["reports", "operations"]


def _dask(module: str) -> Any:
    return extra(module, name=EXTRA, needed_by=_NEEDED_BY)


def _manifest(source: Manifest | str | os.PathLike[str]) -> Manifest:
    return source if isinstance(source, Manifest) else Manifest.read(source)


def _read_partition(shards: list[Shard], what: What) -> list[Any]:
    # one shard per partition: the partition holds that shard's values, read one at a time
    found: list[Any] = []
    for shard in shards:
        found.extend(shard.iter_reports() if what == "reports" else shard.iter_operations())
    return found


def to_bag(source: Manifest | str | os.PathLike[str], what: What = "operations") -> Any:
    """A :class:`dask.bag.Bag` of the operations (or reports) of a folder of shards, one partition per shard."""
    if what not in ("reports", "operations"):
        raise ValueError(f"a bag of 'reports' or 'operations', not {what!r}")
    bag = _dask("dask.bag")
    shards = list(_manifest(source).shards)
    return bag.from_sequence(shards, npartitions=max(len(shards), 1)).map_partitions(_read_partition, what)


def _table_partition(shard: Shard, name: str) -> Any:
    return Corpus([shard]).to_pandas(name)


def meta(name: str) -> Any:
    """The empty pandas frame of table ``name``: its columns and documented dtypes, Dask's ``meta``."""
    return to_pandas(arrow_table(name, []))


def to_dataframe(source: Manifest | str | os.PathLike[str], name: str) -> Any:
    """Table ``name`` of a folder of shards as a :class:`dask.dataframe.DataFrame`, one partition per shard.

    Each partition is the shard's own table (:meth:`Corpus.to_pandas` of a corpus of that one
    shard), with the documented dtypes. ``cluster_id`` is the cluster within the shard: links
    between reports of different shards are found only in a corpus of both.
    """
    spec(name)
    dataframe = _dask("dask.dataframe")
    shards = list(_manifest(source).shards)
    if not shards:
        return dataframe.from_pandas(meta(name), npartitions=1)
    # Dask would turn object columns into strings, lists included: the documented dtypes stay
    with _dask("dask").config.set({"dataframe.convert-string": False}):
        return dataframe.from_map(_table_partition, shards, args=(name,), meta=meta(name), label=f"opsmodel-{name}")
