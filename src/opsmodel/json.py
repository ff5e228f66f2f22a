"""The opsmodel JSON format: exact, versioned, documented.

>>> from opsmodel import Report, json
>>> report = Report(id="example", title="An example", publisher="Nobody")
>>> print(json.dumps(report), end="")
{
  "format": "opsmodel",
  "format_version": "1.1",
  "id": "example",
  "title": "An example",
  "publisher": "Nobody"
}
>>> json.loads(json.dumps(report)) == report
True

One cattrs converter (:func:`make_converter`) turns model values into plain data and back;
:func:`dumps`/:func:`loads` add the document envelope (``format`` and ``format_version``),
:func:`dump_lines`/:func:`load_lines` stream operations as JSON Lines and :func:`schema`
gives the JSON Schema of the format. Every refusal is a :class:`DocumentError` listing each
problem (an :class:`opsmodel.errors.Problem`) with its JSON path. See the format reference in
the documentation.
"""

from __future__ import annotations

from ._core.errors import DocumentError, Problem
from ._formats.json.converter import make_converter
from ._formats.json.document import dump, dumps, from_dict, load, loads, to_dict
from ._formats.json.envelope import FORMAT, FORMAT_VERSION, LINES_FORMAT, SUPPORTED_VERSIONS
from ._formats.json.errors import ERROR_CODES
from ._formats.json.kept import unknown_fields
from ._formats.json.lines import dump_lines, load_lines, load_report_lines
from ._formats.json.schema import schema

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
    "load",
    "load_lines",
    "load_report_lines",
    "loads",
    "make_converter",
    "schema",
    "to_dict",
    "unknown_fields",
]


from ._core.exports import publish

publish(__name__)
