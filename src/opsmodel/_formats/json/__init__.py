"""The opsmodel JSON format: the cattrs converter, the document envelope, JSON Lines and the schema.

One concern per module: :mod:`.errors` (the problem codes), :mod:`.hooks` (strict leaf hooks),
:mod:`.dates` (the ``date`` text of a fuzzy date), :mod:`.kept` (unknown fields kept aside),
:mod:`.converter` (the cattrs converter), :mod:`.reading` (reading plain data, explaining
refusals), :mod:`.envelope` (format and version, the JSON text), :mod:`.document` (whole
documents), :mod:`.lines` (JSON Lines) and :mod:`.schema` (the JSON Schema). This package
exports the format's API, which :mod:`opsmodel.json` publishes.
"""

from ..._core.errors import DocumentError, Problem
from .converter import make_converter
from .document import dump, dumps, from_dict, load, loads, to_dict
from .envelope import FORMAT, FORMAT_VERSION, LINES_FORMAT, SUPPORTED_VERSIONS
from .errors import ERROR_CODES
from .kept import unknown_fields
from .lines import dump_lines, lines_header, load_lines, load_report_lines
from .schema import schema

__all__ = [
    "ERROR_CODES",
    "FORMAT",
    "FORMAT_VERSION",
    "LINES_FORMAT",
    "SUPPORTED_VERSIONS",
    "DocumentError",
    "Problem",
    "dump",
    "dump_lines",
    "dumps",
    "from_dict",
    "lines_header",
    "load",
    "load_lines",
    "load_report_lines",
    "loads",
    "make_converter",
    "schema",
    "to_dict",
    "unknown_fields",
]
