"""Publishing reports to TAXII 2.1 collections and reading collections back (the ``opsmodel-io[taxii]`` extra).

``publish(report, collection_url, user=..., password=...)`` adds the report's STIX objects
(:func:`opsmodel.stix.to_stix`) to a collection; publishing again sends nothing the collection
already holds, so it is idempotent. ``read(collection_url, ...)`` reads every page of a collection
and returns the report it holds. Both need taxii2-client (``pip install 'opsmodel-io[taxii]'``);
without it they raise :class:`~opsmodel.errors.MissingExtraError`, and importing this module
still works. Server errors raise :class:`~opsmodel.errors.TaxiiError`. See the TAXII how-to.
"""

from __future__ import annotations

from ._core.errors import TAXII_CODES, MissingExtraError, TaxiiError
from ._formats.taxii.client import Publication, publish, read

__all__ = ["TAXII_CODES", "MissingExtraError", "Publication", "TaxiiError", "publish", "read"]
