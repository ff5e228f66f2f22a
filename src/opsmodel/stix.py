"""STIX 2.1 export and import, without the ``stix2`` library.

>>> from opsmodel import Operation, Report, stix
>>> report = Report(id="r", title="A report", publisher="Lab", operations=[Operation(id="op", name="Op", summary="...")])
>>> bundle = stix.to_stix(report)
>>> [obj["type"] for obj in bundle["objects"]][-2:]
['campaign', 'report']
>>> stix.from_stix(bundle) == report
True

Every fact with no standard STIX property travels in opsmodel's own STIX extension
(:data:`EXTENSION_ID`, schema :func:`extension_schema`), so ``from_stix(to_stix(x)) == x``
exactly; the standard properties are still filled so that OpenCTI, MISP and other tools
understand the data. Ids are UUIDv5 under :data:`NAMESPACE`: the same model always gives the
same ids and bytes. See the mapping table in the documentation (reference/stix-mapping).
"""

from __future__ import annotations

from ._core.errors import BundleError
from ._core.errors import Problem as BundleProblem
from ._formats.losses import ImportResult, Loss
from ._formats.stix.bundle import (
    Writable,
    dump,
    dumps,
    extension_schema,
    from_stix,
    import_stix,
    load,
    loads,
    operations_from_stix,
    to_stix,
)
from ._formats.stix.export import FLAVOURS, iter_objects
from ._formats.stix.ids import (
    BUNDLE_CODES,
    EXTENSION_ID,
    EXTENSION_SCHEMA_URL,
    NAMESPACE,
    OPENCTI_EXTENSION_ID,
    TLP_MARKINGS,
)

__all__ = [
    "BUNDLE_CODES",
    "EXTENSION_ID",
    "EXTENSION_SCHEMA_URL",
    "FLAVOURS",
    "NAMESPACE",
    "OPENCTI_EXTENSION_ID",
    "TLP_MARKINGS",
    "BundleError",
    "BundleProblem",
    "ImportResult",
    "Loss",
    "Writable",
    "dump",
    "dumps",
    "extension_schema",
    "from_stix",
    "import_stix",
    "iter_objects",
    "load",
    "loads",
    "operations_from_stix",
    "to_stix",
]


from ._core.exports import publish

publish(__name__)
