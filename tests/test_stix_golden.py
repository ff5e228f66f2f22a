"""The bundled example's STIX bundles, byte for byte, as the writer produced them before its refactor.

The same model must always give the same bytes (platforms update objects instead of duplicating
them), so any change to these files is a change of the published format. If the example itself
changes, regenerate them on purpose::

    python -c "from opsmodel import examples, stix; r = examples.load('openai-2024-05');
    [open(f'tests/golden/openai-2024-05.{n}json', 'w', newline='').write(stix.dumps(r, flavour=f))
     for f, n in (('stix', 'stix.'), ('opencti', 'opencti.stix.'))]"
"""

from __future__ import annotations

from pathlib import Path

import pytest

from opsmodel import examples, stix

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("flavour", "name"), [("stix", "openai-2024-05.stix.json"), ("opencti", "openai-2024-05.opencti.stix.json")]
)
def test_bundled_example_gives_the_golden_bytes(flavour: str, name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    report = examples.load("openai-2024-05")
    assert stix.dumps(report, flavour=flavour) == expected
    assert stix.loads(expected) == report
