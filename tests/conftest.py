from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Third-party files the tests read, copied into the repository so that a clone runs every test.
DATA = Path(__file__).resolve().parent / "data"

# CI runs more examples than a developer's quick loop; both stay deterministic per run.
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The third-party files the tests share (``tests/data``, see its README); missing data fails, never skips."""
    if not (DATA / "README.md").is_file():
        pytest.fail(f"third-party test data not found at {DATA}: it belongs to the repository (tests/data)")
    return DATA


# Tests of other areas that take seconds each (measured with `pytest --durations`), left out of the
# quick loop `pytest -m "not slow"`: whole modules (subprocesses, big bundles) or single tests. The
# model's own test files mark theirs in place.
SLOW = frozenset(
    {
        "tests/test_cli_demo.py",
        "tests/test_cli_validate.py",
        "tests/test_stix_property.py",
        "tests/test_stix_streaming.py",
        "tests/test_docs.py::test_page_code_runs[docs/reference/testing.md]",
        "tests/test_json.py::test_any_json_gives_a_value_or_a_document_error",
        "tests/test_json.py::test_any_json_in_any_field_gives_a_value_or_a_document_error",
        "tests/test_json.py::test_canonical_documents_are_written_back_byte_for_byte",
        "tests/test_json.py::test_equal_values_give_equal_bytes_and_plain_json",
        "tests/test_json.py::test_every_model_value_round_trips_exactly",
        "tests/test_json_lines.py::test_a_report_written_as_lines_reads_back_whole",
        "tests/test_json_lines.py::test_each_line_is_the_canonical_operation",
        "tests/test_json_lines.py::test_lines_and_the_whole_document_agree",
        "tests/test_json_schema.py::test_documents_that_break_the_schema_are_refused_by_the_loader",
        "tests/test_json_schema.py::test_every_document_written_validates",
        "tests/test_stix.py::test_bundled_example_round_trips_and_satisfies_the_judges",
        "tests/test_taxonomy_navigator.py::test_generated_reports_make_loadable_layers",
        "tests/test_taxonomy_properties.py::test_applying_a_diff_gives_the_new_id_set",
        "tests/test_taxonomy_properties.py::test_findings_point_at_their_values",
        "tests/test_taxonomy_properties.py::test_stix_bundles_read_back",
        "tests/test_validation_properties.py::test_a_duplicate_operation_in_a_report_is_found_at_its_path",
        "tests/test_validation_properties.py::test_a_json_lines_corpus_has_the_findings_of_its_operations",
        "tests/test_validation_properties.py::test_consistent_operations_have_no_errors",
        "tests/test_validation_properties.py::test_one_injected_defect_is_found_at_its_path",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every hypothesis test ``property`` and the tests listed in :data:`SLOW` ``slow``."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)
        path, _, _ = item.nodeid.partition("::")
        if {item.nodeid, item.nodeid.partition("[")[0], path} & SLOW:
            item.add_marker(pytest.mark.slow)


# Test files that need what the default test group does not install, each collected only when its
# marker is the whole `-m` expression (the nox session of that name): never collected and skipped.
_OWN_SESSION = {"test_clients_": "clients", "test_frames_": "frames", "test_dask_": "dask", "test_browser_": "browser"}


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The real CTI clients', the frames and dask extras' and the browser's tests run only when asked for (``-m clients``...).

    The clients pin versions our test group cannot co-install, the frames and dask extras
    (pyarrow, pandas, polars, dask) are large, and the browser tests need Chromium from the
    system's packages, so in any other run they are not collected at all, rather than collected
    and skipped.
    """
    for prefix, marker in _OWN_SESSION.items():
        if collection_path.name.startswith(prefix) and config.getoption("markexpr", "").strip() != marker:
            return True
    return None
