"""MISP events (MISP core JSON format, no MISP server): export and import.

>>> from opsmodel import Operation, Report, TechniqueRef, TechniqueUse, misp
>>> op = Operation(id="op", name="Op", techniques=[TechniqueUse(technique=TechniqueRef.disarm("T0002"))])
>>> report = Report(id="r", title="A report", publisher="Lab", operations=[op])
>>> event = misp.to_misp(report, tlp="clear")
>>> [galaxy["type"] for galaxy in event["Event"]["Galaxy"]]
['disarm-techniques']
>>> misp.from_misp(event) == report
True

The report and each operation are MISP objects; relations are object references; DISARM techniques
are clusters of MISP's ``disarm-techniques`` galaxy; countries and actors are tags; sources are
``link`` attributes; ``tlp`` is a tag. What MISP has no place for travels in one ``opsmodel-json``
attribute per object, so ``from_misp(to_misp(x)) == x``. :func:`import_misp` reads any event and
lists what it could not map (:class:`~opsmodel.stix.Loss`), including edits made in MISP after the
export. See the MISP how-to in the documentation.
"""

from __future__ import annotations

from ._core.errors import MISP_CODES, MispError
from ._formats.misp.event import NAMESPACE, TLP_TAGS, dumps, to_misp
from ._formats.misp.reader import from_misp, import_misp, loads

__all__ = ["MISP_CODES", "NAMESPACE", "TLP_TAGS", "MispError", "dumps", "from_misp", "import_misp", "loads", "to_misp"]
