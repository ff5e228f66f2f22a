"""Framework taxonomies as versioned data: DISARM, Meta's Online Operations Kill Chain, ATT&CK-style bundles.

Load the file a framework publishes into an immutable :class:`Catalogue`, look techniques up by
id or name, compare releases with :func:`diff`, check an operation's technique uses against a
release with :func:`check`, and draw them as a Navigator layer with :func:`to_layer`.

>>> from opsmodel.taxonomy import Catalogue, TacticEntry, TechniqueEntry
>>> tiny = Catalogue(
...     framework="disarm",
...     version="0.1",
...     tactics=[TacticEntry(id="TA06", name="Develop Content")],
...     techniques=[
...         TechniqueEntry(id="T0085", name="Develop Text-Based Content", tactics=["TA06"]),
...         TechniqueEntry(id="T0085.001", name="Develop AI-Generated Text", tactics=["TA06"], parent="T0085"),
...     ],
... )
>>> tiny.technique_named("develop ai-generated  TEXT").id
'T0085.001'
>>> [t.id for t in tiny.members("Develop Content")]
['T0085', 'T0085.001']
"""

from __future__ import annotations

from ._core.errors import CatalogueError, DownloadError, LayerError, Severity, UnknownCategoryError, UnknownEntryError
from ._model.breakout import BREAKOUT_SCALE, BreakoutCategory, breakout_category
from ._model.techniques import ID_GRAMMARS, LLM_TTP
from ._taxonomy.catalogue import Catalogue, Phase, Removal, TacticEntry, TechniqueEntry, normalise_name
from ._taxonomy.codes import TAXONOMY_CODES
from ._taxonomy.crosswalk import (
    CHECK_CODES,
    CrosswalkStatus,
    Diff,
    Finding,
    Moved,
    Renamed,
    Translation,
    check,
    crosswalk,
    diff,
)
from ._taxonomy.downloads import PUBLISHED, PublishedFile, data_dir, download, load_published, published_path
from ._taxonomy.loaders import (
    DISARM_PHASES,
    DISARM_TACTICS,
    clear_cache,
    load,
    load_disarm_stix,
    load_meta_csv,
    load_misp_galaxy,
    parse_disarm_stix,
    parse_meta_csv,
    parse_misp_galaxy,
)
from ._taxonomy.navigator import LAYER_FORMAT, LAYER_FORMATS, LayerTechnique, from_layer, layer_refs, to_layer

__all__ = [
    "BREAKOUT_SCALE",
    "CHECK_CODES",
    "DISARM_PHASES",
    "DISARM_TACTICS",
    "ID_GRAMMARS",
    "LAYER_FORMAT",
    "LAYER_FORMATS",
    "LLM_TTP",
    "PUBLISHED",
    "TAXONOMY_CODES",
    "BreakoutCategory",
    "Catalogue",
    "CatalogueError",
    "CrosswalkStatus",
    "Diff",
    "DownloadError",
    "Finding",
    "LayerError",
    "LayerTechnique",
    "Moved",
    "Phase",
    "PublishedFile",
    "Removal",
    "Renamed",
    "Severity",
    "TacticEntry",
    "TechniqueEntry",
    "Translation",
    "UnknownCategoryError",
    "UnknownEntryError",
    "breakout_category",
    "check",
    "clear_cache",
    "crosswalk",
    "data_dir",
    "diff",
    "download",
    "from_layer",
    "layer_refs",
    "load",
    "load_disarm_stix",
    "load_meta_csv",
    "load_misp_galaxy",
    "load_published",
    "normalise_name",
    "parse_disarm_stix",
    "parse_meta_csv",
    "parse_misp_galaxy",
    "published_path",
    "to_layer",
]


from ._core.exports import publish

publish(__name__)
