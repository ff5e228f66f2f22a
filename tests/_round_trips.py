"""One check of the exact round trips every report must survive: JSON, JSON Lines and, when asked, STIX."""

from __future__ import annotations

import io

from opsmodel import Report, stix
from opsmodel import json as ojson


def assert_round_trips(report: Report, *, flavour: str | None = None) -> None:
    """The report reads back equal from JSON and JSON Lines, and from STIX in ``flavour`` when one is given."""
    assert ojson.loads(ojson.dumps(report)) == report
    buffer = io.StringIO()
    ojson.dump_lines(report, buffer)
    buffer.seek(0)
    assert ojson.load_report_lines(buffer) == report
    if flavour is not None:
        assert stix.from_stix(stix.to_stix(report, flavour=flavour)) == report
