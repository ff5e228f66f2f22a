"""The opsmodel JSON format: the cattrs converter, the document envelope, JSON Lines and the schema.

One concern per module: :mod:`.errors` (the problem codes), :mod:`.hooks` (strict leaf hooks),
:mod:`.dates` (the ``date`` text of a fuzzy date), :mod:`.kept` (unknown fields kept aside),
:mod:`.converter` (the cattrs converter), :mod:`.reading` (reading plain data, explaining
refusals), :mod:`.envelope` (format and version, the JSON text), :mod:`.document` (whole
documents), :mod:`.lines` (JSON Lines) and :mod:`.schema` (the JSON Schema). The public
module :mod:`opsmodel.json` publishes the format's API from these modules.
"""
