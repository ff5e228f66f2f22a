"""What an import of another tool's data could not map: shared by every format's importer."""

from __future__ import annotations

import attrs

from .._model.operations import Report


@attrs.frozen(kw_only=True)
class Loss:
    """Something in another tool's document (a STIX bundle, a MISP event) that opsmodel could not map.

    ``object_id`` names the object, ``properties`` the properties left out, ``reason`` says why.
    """

    #: The id of the object in the other tool's document.
    object_id: str
    #: The object's type (``indicator``, ``malware``...).
    type: str
    #: The properties left out; empty when the whole object was.
    properties: tuple[str, ...] = ()
    #: Why it could not be mapped.
    reason: str

    def __str__(self) -> str:
        props = f" [{', '.join(self.properties)}]" if self.properties else ""
        return f"{self.object_id}{props}: {self.reason}"


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an import read (``report``) and what it could not map (``losses``).

    Returned by :func:`opsmodel.stix.import_stix` and :func:`opsmodel.misp.import_misp`.
    """

    #: The report as opsmodel could read it.
    report: Report
    #: What it could not map, object by object.
    losses: tuple[Loss, ...] = ()

    @property
    def lossless(self) -> bool:
        return not self.losses
