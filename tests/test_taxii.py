"""opsmodel.taxii without a server: importable without taxii2-client, and a clear error naming the extra."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from opsmodel import Report, taxii
from opsmodel.errors import MissingExtraError, OpsmodelError
from opsmodel.taxii import TAXII_CODES


def test_importing_opsmodel_taxii_does_not_import_taxii2client() -> None:
    code = "import sys, opsmodel.taxii, opsmodel.misp; assert 'taxii2client' not in sys.modules; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "ok"


@pytest.mark.skipif(importlib.util.find_spec("taxii2client") is not None, reason="taxii2-client is installed here")
def test_without_the_extra_the_error_names_it() -> None:
    report = Report(id="r", title="R", publisher="P")
    for call in (lambda: taxii.publish(report, "http://127.0.0.1:9/api/collections/c/"), lambda: taxii.read("http://x/")):
        with pytest.raises(MissingExtraError, match=r"opsmodel-io\[taxii\]") as caught:
            call()
        assert isinstance(caught.value, (ImportError, OpsmodelError))
        assert caught.value.problems[0].code == "missing-extra"
    assert "missing-extra" in TAXII_CODES
