"""The HTML page of a report, a corpus or a cluster: well formed, complete, escaped, stable, fuzzy where dates are."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import FuzzyDate, Operation, Period, Report, Tactic, TechniqueUse, examples, json
from opsmodel._cli import main
from opsmodel.corpus import Corpus, to_html, write_html
from opsmodel.testing import fuzzy_dates, reports, texts
from tests._corpus_reports import MICROSOFT, OBSERVATORY
from tests._pages import Page

OPENAI = examples.load("openai-2024-05")
# The elements any page may hold: no script, no image, no link, no iframe, no object.
ALLOWED = frozenset(
    [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "main",
        "footer",
        "section",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "span",
        "ul",
        "ol",
        "li",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "svg",
        "desc",
        "defs",
        "pattern",
        "rect",
        "line",
        "lineargradient",
        "stop",
        "g",
        "text",
        "path",
        "polygon",
    ]
)
HOSTILE = ('<script>alert("x")</script>', "</style><img src=x onerror=alert(1)>", "&amp; \" ' </svg>", "]]><!--")


def parsed(page: str) -> Page:
    found = Page(page)
    assert found.problems == []
    assert set(found.tags) <= ALLOWED, set(found.tags) - ALLOWED
    return found


def test_the_example_page_has_every_part() -> None:
    page = parsed(to_html(OPENAI))
    assert page.tags["title"] >= 1
    assert OPENAI.title in page.words
    for id_ in (
        "operations",
        "operations-table",
        "timeline",
        "timeline-drawing",
        "matrix",
        "matrix-table",
        "flows",
        "flows-drawing",
    ):
        assert id_ in page.ids, id_
    headers = [attrs_ for tag, attrs_ in page.attrs if tag == "th" and attrs_.get("scope") == "col"]
    assert len(headers) >= 8
    svgs = [attrs_ for tag, attrs_ in page.attrs if tag == "svg"]
    assert all(found["role"] == "img" and found["aria-labelledby"] for found in svgs)
    assert page.tags["desc"] == len(svgs) == 2
    for operation in OPENAI.operations:
        assert operation.display_name in page.words


def test_the_page_fetches_nothing() -> None:
    page = to_html(Corpus([OPENAI, MICROSOFT, OBSERVATORY]))
    found = parsed(page)
    addresses = [value for _, attrs_ in found.attrs for name, value in attrs_.items() if name in ("src", "href", "xlink:href")]
    assert addresses == []
    assert re.findall(r"https?://[^\"<\s]*", page) == ["http://www.w3.org/2000/svg"] * 2  # the SVG namespace, never fetched
    policy = [attrs_ for tag, attrs_ in found.attrs if tag == "meta" and attrs_.get("http-equiv") == "Content-Security-Policy"]
    assert policy
    assert "default-src 'none'" in str(policy[0]["content"])


def test_the_heat_map_counts_operations_per_technique() -> None:
    page = parsed(to_html(OPENAI))
    cells = {found["data-technique"]: found for tag, found in page.attrs if tag == "td" and "data-technique" in found}
    # every one of the five networks used AI to write text: the darkest cell
    assert "used by 5 operations" in str(cells["T0085.001"]["title"])
    assert "heat-5" in str(cells["T0085.001"]["class"])
    assert cells["T0085.001"]["data-tactic"] == "TA06"


def test_a_use_without_a_tactic_goes_to_its_own_column() -> None:
    operation = Operation(id="x", name="X", techniques=[TechniqueUse(technique="T0085.001")])
    page = parsed(to_html(Report(id="r", title="R", publisher="P", operations=[operation])))
    assert "tactic not stated" in page.words
    assert [found["data-tactic"] for tag, found in page.attrs if tag == "td" and "data-technique" in found] == [""]


def test_flows_join_origins_to_targets_with_their_claimants() -> None:
    page = parsed(to_html(OPENAI))
    flows = [found for tag, found in page.attrs if tag == "path" and "flow" in str(found.get("class"))]
    assert flows
    assert all(float(str(found["stroke-width"])) > 0 for found in flows)
    assert "Russian Federation (RU) to Europe: 1 operation; attributed by Meta, OpenAI" in page.words
    assert "Iran (IR) to no target stated" in page.words


def _row_classes(page: str, name: str) -> list[str]:
    """The classes of the shapes of one timeline row."""
    row = re.search(r'<g class="row"[^>]*><title>' + re.escape(name) + r".*?</g>", page)
    assert row is not None, name
    return re.findall(r'<(?:rect|polygon|line) [^>]*class="([^"]+)"', row.group(0))


def _dated(start: FuzzyDate | None, end: FuzzyDate | None = None, ongoing: bool = False) -> str:
    operation = Operation(id="x", name="X", activity=Period(start=start, end=end, ongoing=ongoing))
    return to_html(Report(id="r", title="R", publisher="P", published=FuzzyDate.of(2024, 6, 1), operations=[operation]))


def test_fuzzy_bounds_are_hatched_between_ticks() -> None:
    classes = _row_classes(_dated(FuzzyDate.of(2021), FuzzyDate.of(2023, 5)), "X (P)")
    assert classes.count("fuzzy") == 2
    assert classes.count("bound") == 4
    assert "solid" in classes
    assert "open" not in classes


def test_exact_days_are_solid_only() -> None:
    classes = _row_classes(_dated(FuzzyDate.of(2021, 3, 1), FuzzyDate.of(2023, 5, 2)), "X (P)")
    assert "fuzzy" not in classes
    assert "open" not in classes
    assert "solid" in classes


def test_since_at_least_is_open_to_the_left_and_ongoing_to_the_right() -> None:
    since = FuzzyDate.of(2022, 2, bound="on_or_before")
    classes = _row_classes(_dated(since, ongoing=True), "X (P)")
    assert classes.count("open") == 2
    assert classes.count("open-arrow") == 2
    assert "bound" not in classes[:2]  # no tick where the start is open


@pytest.mark.parametrize(
    ("start", "end", "ticks"),
    [
        (FuzzyDate.of(2024, 2, 1), FuzzyDate.of(2024, 4, 30), ["2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07"]),
        (FuzzyDate.of(2019), FuzzyDate.of(2022, 5), ["2019", "2020", "2021", "2022", "2023", "2024"]),
        (
            FuzzyDate.of(1, 1, 1),
            FuzzyDate.of(9999, 12, 31),
            ["1000", "2000", "3000", "4000", "5000", "6000", "7000", "8000", "9000"],
        ),
    ],
)
def test_the_axis_marks_years_or_months(start: FuzzyDate, end: FuzzyDate, ticks: list[str]) -> None:
    page = _dated(start, end)
    assert re.findall(r'class="tick"[^>]*>([^<]*)<', page) == ticks


def test_no_dates_says_so() -> None:
    page = parsed(to_html(Report(id="r", title="R", publisher="P", operations=[Operation(id="x", name="X")])))
    assert "No operation here has a date." in page.words


@settings(max_examples=40)
@given(start=fuzzy_dates(min_year=2000, max_year=2020))
def test_a_start_is_drawn_open_fuzzy_or_sure_as_its_bounds_allow(start: FuzzyDate) -> None:
    classes = _row_classes(_dated(start, FuzzyDate.of(2023, 5, 2)), "X (P)")
    if start.earliest is None:
        assert "open" in classes
        assert "fuzzy" not in classes
    elif start.latest is not None and start.earliest < start.latest:
        assert "fuzzy" in classes
        assert "open" not in classes
    else:
        assert "fuzzy" not in classes
        assert "open" not in classes


@settings(max_examples=20)
@given(report=reports(max_operations=2), hostile=st.sampled_from(HOSTILE) | texts(max_size=20))
def test_any_report_gives_a_well_formed_page_that_shows_its_text_as_text(report: Report, hostile: str) -> None:
    first = attrs.evolve(report.operations[0], name=hostile) if report.operations else Operation(id="x", name=hostile)
    report = attrs.evolve(report, title=hostile, publisher=hostile, operations=[first, *report.operations[1:]])
    page = to_html(report)
    found = parsed(page)
    assert found.words.count(hostile.strip()) >= 2  # the heading and the table, verbatim as text
    assert "<script" not in page
    assert "<img" not in page


@settings(max_examples=10)
@given(report=reports(max_operations=3))
def test_the_same_input_gives_the_same_bytes(report: Report) -> None:
    assert to_html(report) == to_html(attrs.evolve(report))


def test_a_corpus_page_does_not_depend_on_file_order(tmp_path: Path) -> None:
    paths = []
    for report in (OPENAI, MICROSOFT, OBSERVATORY):
        paths.append(tmp_path / f"{report.id}.json")
        paths[-1].write_text(json.dumps(report), encoding="utf-8")
    assert to_html(Corpus(paths)) == to_html(Corpus(reversed(paths)))


def test_a_cluster_page_lists_each_fact_with_its_claimants_and_conflicts() -> None:
    corpus = Corpus([OPENAI, MICROSOFT, OBSERVATORY])
    cluster = corpus.cluster_of("openai-2024-05", "doppelganger")
    page = parsed(to_html(cluster))
    assert "Storm-1099 = Doppelganger = RRN" in page.words
    conflicts = {found["data-fact"] for tag, found in page.attrs if tag == "tr" and found.get("class") == "conflict"}
    assert {conflict.fact for conflict in cluster.conflicts()} == conflicts
    assert "origin" in conflicts
    assert "A blogger" in page.words
    for line in cluster.explanation():
        assert line in page.words
    assert f"{cluster.latest_rating} (latest)" in page.words


def test_a_corpus_page_shows_clusters_of_several_records() -> None:
    page = parsed(to_html(Corpus([OPENAI, MICROSOFT, OBSERVATORY]), title="Three reports"))
    sections = [found["id"] for tag, found in page.attrs if tag == "section" and found.get("class") == "cluster"]
    assert sections == ["cluster-microsoft-2024-04/storm-1099"]
    assert "Three reports" in page.words


def test_write_html_writes_the_page(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    write_html(OPENAI, target)
    assert target.read_text(encoding="utf-8") == to_html(OPENAI)


# ---------------------------------------------------------------------------------------------
# The command


def _files(tmp_path: Path) -> list[str]:
    names = []
    for report in (OPENAI, MICROSOFT, OBSERVATORY):
        path = tmp_path / f"{report.id}.json"
        path.write_text(json.dumps(report), encoding="utf-8")
        names.append(str(path))
    return names


def test_the_command_writes_a_corpus_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "corpus.html"
    assert main(["report", *_files(tmp_path), "--html", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == to_html(Corpus(_files(tmp_path)))
    assert "wrote" in capsys.readouterr().err


def test_the_command_draws_one_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *_files(tmp_path), "--html", "-", "--cluster", "observatory-2025-01/rrn"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert 'id="cluster-microsoft-2024-04/storm-1099"' in page


def test_the_command_reads_one_report_in_any_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["report", str(tmp_path / "report.stix.json"), "--html", "-", "--title", "From STIX"]) == 0
    assert "<title>From STIX</title>" in capsys.readouterr().out


def test_an_unknown_cluster_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "page.html"
    with pytest.raises(SystemExit) as exit_:
        main(["report", *_files(tmp_path), "--html", str(target), "--cluster", "nowhere/nothing"])
    assert exit_.value.code == 2
    assert "no operation 'nowhere/nothing'" in capsys.readouterr().err
    assert not target.exists()


def test_an_unreadable_file_fails_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "page.html"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["report", str(bad), "--html", str(target)]) == 1
    assert "opsmodel: error:" in capsys.readouterr().err
    assert not target.exists()


def test_tactics_without_a_technique_are_shown_in_their_column() -> None:
    operation = Operation(
        id="x",
        name="X",
        techniques=[
            TechniqueUse(technique="T0085.001", tactic=Tactic(framework="disarm", id="TA06")),
            TechniqueUse(tactic=Tactic(framework="disarm", id="TA02", name="Plan Objectives")),
        ],
    )
    page = parsed(to_html(Report(id="r", title="R", publisher="P", operations=[operation])))
    headers = [text for text in page.text if text.startswith("TA")]
    assert headers == ["TA02 Plan Objectives", "TA06"]
    assert "tactic only" in page.words


def test_a_catalogue_places_uses_that_name_no_tactic() -> None:
    from opsmodel import taxonomy as tx

    tactic = tx.TacticEntry(id="TA06", name="Develop Content")
    catalogue = tx.Catalogue(
        framework="disarm",
        tactics=[tactic],
        techniques=[tx.TechniqueEntry(id="T0085.001", name="Develop AI-Generated Text", tactics=["TA06"])],
    )
    operation = Operation(id="x", name="X", techniques=[TechniqueUse(technique="T0085.001")])
    page = parsed(to_html(Report(id="r", title="R", publisher="P", operations=[operation]), catalogue=catalogue))
    cells = [found for tag, found in page.attrs if tag == "td" and "data-technique" in found]
    assert [cell["data-tactic"] for cell in cells] == ["TA06"]
    assert "TA06 Develop Content" in page.words
    assert "T0085.001 Develop AI-Generated Text" in page.words


def test_a_catalogue_that_cannot_be_loaded_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["report", *_files(tmp_path), "--html", str(tmp_path / "page.html"), "--catalogue", str(tmp_path / "none.json")])
    assert exit_.value.code == 2
    assert "argument --catalogue: cannot load" in capsys.readouterr().err
