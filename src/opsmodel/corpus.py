"""Many reports as one body of evidence: clusters across publishers, claims side by side, queries, tables.

>>> from opsmodel import examples
>>> from opsmodel.corpus import Corpus, by_origin
>>> corpus = Corpus([examples.load("openai-2024-05")])
>>> len(corpus), len(corpus.records())
(1, 5)
>>> [record.operation.name for record in corpus.records(by_origin("RU"))]
['Bad Grammar', 'Doppelganger']

A :class:`Corpus` reads reports lazily from files in any format the registry reads
(:data:`opsmodel.formats.FORMATS`) or takes :class:`~opsmodel.Report` values. Operations that
explicit statements tie together (a relation ``same_as``, ``alias_of`` or ``part_of``; an alias
naming the publisher who uses it) form a :class:`Cluster`, never by a shared name alone; a
cluster lists each fact as :class:`Claim` values with their claimants, its :class:`Conflict`
values and its rating history. Queries (:func:`by_origin`, :func:`by_target`...) combine with
``&``, ``|`` and ``~``. The tables (:data:`TABLES`) need the ``frames`` extra
(``pip install 'opsmodel-io[frames]'``) for Arrow, pandas and polars. :func:`to_html` and
:func:`write_html` draw a report, a corpus or a cluster as one self-contained HTML page (no extra
needed). :func:`write_shards` writes a corpus as JSON Lines shards by partition,
:meth:`Corpus.from_shards` reads them back lazily, and :func:`to_bag` and :func:`to_dataframe` put
them on Dask (the ``dask`` extra). See the how-tos "Many reports as one corpus" and "Scale a corpus
with Dask".
"""

from __future__ import annotations

from ._core.errors import CORPUS_CODES, CorpusError, MissingExtraError
from ._corpus.claims import FACTS, Claim
from ._corpus.clusters import Cluster, Conflict, Rating
from ._corpus.corpus import Corpus, read_report
from ._corpus.frames import LOSSLESS, TABLE_FILES, objects, schema, to_pandas, to_polars, write_table
from ._corpus.links import Link, Unresolved
from ._corpus.on_dask import to_bag, to_dataframe
from ._corpus.pictures import to_html, write_html
from ._corpus.queries import Query, active_between, by_origin, by_platform, by_publisher, by_target, by_technique, using_ai
from ._corpus.records import OperationKey, Record, Statement
from ._corpus.shards import Manifest, Shard, read_shards, write_shards
from ._corpus.tables import DTYPES, TABLES, Column, TableSpec

__all__ = [
    "CORPUS_CODES",
    "DTYPES",
    "FACTS",
    "LOSSLESS",
    "TABLES",
    "TABLE_FILES",
    "Claim",
    "Cluster",
    "Column",
    "Conflict",
    "Corpus",
    "CorpusError",
    "Link",
    "Manifest",
    "MissingExtraError",
    "OperationKey",
    "Query",
    "Rating",
    "Record",
    "Shard",
    "Statement",
    "TableSpec",
    "Unresolved",
    "active_between",
    "by_origin",
    "by_platform",
    "by_publisher",
    "by_target",
    "by_technique",
    "objects",
    "read_report",
    "read_shards",
    "schema",
    "to_bag",
    "to_dataframe",
    "to_html",
    "to_pandas",
    "to_polars",
    "using_ai",
    "write_html",
    "write_shards",
    "write_table",
]

from ._core.exports import publish

publish(__name__)
