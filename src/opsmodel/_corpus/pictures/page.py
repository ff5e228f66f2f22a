"""The page: one self-contained HTML document (inline CSS and SVG, no script, nothing fetched) for a report, corpus or cluster."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from ..._model.actors import Attribution
from ..._model.operations import Report
from ..._taxonomy.catalogue import Catalogue
from ..._version import __version__
from ..claims import FACTS, Claim
from ..clusters import Cluster
from ..corpus import Corpus
from ..records import Record
from .flows import flows
from .markup import element, esc, joined, text, void
from .matrix import matrix
from .timeline import Day, span_of, timeline

Subject = Report | Corpus | Cluster

# The page may load nothing: no script, no font, no image, no request of any kind; a browser
# refuses (and reports) anything else, so a later change that fetches fails the browser test.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _style() -> str:
    return resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8")


def _items(values: Iterable[str]) -> str:
    found = list(values)
    return element("ul", joined(text("li", value) for value in found)) if found else ""


def _days(pair: tuple[Day, Day]) -> str:
    earliest, latest = pair
    if earliest is None and latest is None:
        return "open"
    if earliest == latest:
        return str(earliest)
    return f"{earliest or 'open'} to {latest or 'open'}"


def _period(record: Record) -> str:
    span = span_of(record)
    if not span.dated:
        return esc(span.wording)
    days = f"start {_days(span.start)}; end {_days(span.end)}" + (" (ongoing)" if span.ongoing else "")
    return esc(f"{span.kind}: {span.wording}") + element("span", esc(days), class_="count")


def _attribution(claim: Attribution) -> str:
    where = ", ".join(country.code for country in claim.countries) or claim.actor or "unnamed"
    status = "" if claim.status.value == "current" else f" [{claim.status.value}]"
    return f"{where} ({claim.role.value}) according to {claim.claimant}{status}"


def _operation_row(record: Record, cluster_ids: dict[object, str]) -> str:
    operation = record.operation
    aliases = ", ".join(alias.name for alias in operation.aliases)
    name = esc(operation.display_name) + (element("span", esc(f"also {aliases}"), class_="count") if aliases else "")
    cells = [
        element("th", name, scope="row"),
        element("td", esc(record.publisher) + element("span", esc(record.key.report), class_="count")),
        text("td", operation.kind.value),
        element("td", _period(record)),
        element("td", _items(_attribution(claim) for claim in operation.attributions)),
        element("td", _items(str(target) for target in operation.targets)),
        text("td", ", ".join(platform.id for platform in operation.platforms)),
        element("td", _items(f"{rating} by {rating.rated_by or record.publisher}" for rating in operation.impacts)),
    ]
    if cluster_ids:
        cells.append(text("td", cluster_ids[record.key]))
    return element("tr", joined(cells), id=f"op-{record.key}")


_COLUMNS = ("Operation", "Report", "Kind", "Period", "Attributed origins (claimant)", "Targets", "Platforms", "Impact (rater)")


def operations_table(records: tuple[Record, ...], clusters: tuple[Cluster, ...] = ()) -> str:
    """The operations table: one row per record; with ``clusters``, a last column gives each record's cluster."""
    cluster_ids: dict[object, str] = {key: cluster.id for cluster in clusters for key in cluster.keys}
    columns = (*_COLUMNS, "Cluster") if cluster_ids else _COLUMNS
    head = element("thead", element("tr", joined(text("th", column, scope="col") for column in columns)))
    body = element("tbody", joined(_operation_row(record, cluster_ids) for record in records))
    caption = text("caption", f"{len(records)} operation{'s' if len(records) != 1 else ''}, as each report describes them.")
    return element("div", element("table", caption + head + body, id="operations-table"), class_="wrap")


def _claim_row(fact: str, value: str, claims: tuple[Claim, ...], conflicting: bool) -> str:
    badge = element("span", "conflict", class_="badge") if conflicting else ""
    claimants = sorted({claim.claimant for claim in claims})
    when = sorted({str(claim.stated) for claim in claims if claim.stated is not None})
    cited = sorted({name for claim in claims for name in claim.cited})
    statuses = sorted({claim.status for claim in claims} - {"current"})
    cells = [
        element("th", esc(fact) + badge, scope="row"),
        text("td", value),
        text("td", ", ".join(claimants)),
        text("td", ", ".join(when)),
        element("td", _items(cited)),
        text("td", ", ".join(statuses) or "current"),
    ]
    return element("tr", joined(cells), class_="conflict" if conflicting else None, data_fact=fact)


def _facts(cluster: Cluster) -> str:
    conflicting = {conflict.fact for conflict in cluster.conflicts()}
    grouped: dict[tuple[str, str], list[Claim]] = {}
    for claim in cluster.claims():
        grouped.setdefault((claim.fact, claim.value), []).append(claim)
    ordered = sorted(grouped.items(), key=lambda item: FACTS.index(item[0][0]))
    rows = joined(_claim_row(fact, value, tuple(claims), fact in conflicting) for (fact, value), claims in ordered)
    columns = ("Fact", "Value", "Claimed by", "When", "Sources", "Status")
    head = element("thead", element("tr", joined(text("th", column, scope="col") for column in columns)))
    caption = text(
        "caption", "Each fact with who claims it; facts the records state differently are marked as conflicts, not resolved."
    )
    return element("div", element("table", caption + head + element("tbody", rows), class_="facts"), class_="wrap")


def _ratings(cluster: Cluster) -> str:
    ratings = cluster.ratings()
    if not ratings:
        return ""
    items = [f"{rating}{' (latest)' if index == len(ratings) - 1 else ''}" for index, rating in enumerate(ratings)]
    return text("h4", "Impact ratings, oldest first") + element(
        "ol", joined(text("li", item) for item in items), class_="ratings"
    )


def cluster_section(cluster: Cluster) -> str:
    """One cluster: its names, why its records are one (each link with who asserts it), its facts and ratings."""
    why = cluster.explanation()
    parts = [
        text("h3", f"{' = '.join(cluster.names)}"),
        text("p", f"Cluster {cluster.id}: {len(cluster.records)} record(s) from {', '.join(cluster.publishers)}.", class_="note"),
        text("h4", "Why these records are one") + _items(why)
        if why
        else text("p", "A record linked to no other.", class_="note"),
        _facts(cluster),
        _ratings(cluster),
    ]
    return element("section", joined(parts), class_="cluster", id=f"cluster-{cluster.id}")


def _subject(value: Subject) -> tuple[str, tuple[Record, ...], tuple[Cluster, ...], tuple[Cluster, ...]]:
    """The default title, the records, the clusters to label rows with, and the clusters to show whole."""
    if isinstance(value, Cluster):
        return f"{' = '.join(value.names)}: one operation across reports", value.records, (value,), (value,)
    corpus = value if isinstance(value, Corpus) else Corpus([value])
    clusters = corpus.clusters()
    shared = tuple(cluster for cluster in clusters if len(cluster.records) > 1)
    if isinstance(value, Report):
        return value.title, corpus.records(), (), shared
    # the records of one cluster side by side, so that the table and the timeline compare them
    grouped = tuple(record for cluster in clusters for record in cluster.records)
    return f"{len(corpus)} reports", grouped, clusters, shared


def _lead(records: tuple[Record, ...], value: Subject) -> str:
    reports = sorted({record.key.report for record in records})
    publishers = sorted({record.publisher for record in records})
    said = f"{len(records)} operation(s) from {len(reports)} report(s) by {', '.join(publishers) or 'nobody'}."
    if isinstance(value, Report) and value.published is not None:
        said = f"{value.publisher}, {value.published}. " + said
    return text("p", said, class_="lead")


_LEGEND = element(
    "div",
    joined(
        element("span", element("span", "", class_=f"swatch {kind}") + esc(words))
        for kind, words in (
            ("solid", "surely active"),
            ("fuzzy", "fuzzy bound (between its earliest and latest day)"),
            ("open", "open end (since at least, ongoing, not stated)"),
        )
    )
    + element("span", esc("\u25c7 report published")),
    class_="legend",
)


def _section(id: str, heading: str, content: str) -> str:
    return element("section", text("h2", heading) + content, id=id)


def to_html(value: Subject, *, title: str | None = None, catalogue: Catalogue | None = None) -> str:
    """One self-contained HTML page for a report, a corpus or one cluster: the page's text, ready to write.

    The page holds the operations table, a timeline that draws fuzzy dates as fuzzy, a heat map
    of the techniques by tactic, the flows from attributed origins to targets and, for each
    cluster of several records (the cluster itself when ``value`` is one), its facts with their
    claimants and conflicts. It is HTML with inline CSS and SVG, no script, and fetches nothing
    when viewed. ``title`` replaces the default (the report's title, the cluster's names, or a
    count of reports); ``catalogue`` places uses that name no tactic under their technique's
    tactics. Every text is escaped; the same input gives the same page.
    """
    default, records, labelled, shown = _subject(value)
    heading = title if title is not None else default
    sections = [
        _section("operations", "Operations", operations_table(records, labelled)),
        _section("timeline", "Timeline", _LEGEND + element("div", timeline(records), class_="wrap")),
        _section("matrix", "DISARM techniques by tactic", element("div", matrix(records, catalogue), class_="wrap")),
        _section("flows", "From attributed origins to targets", element("div", flows(records), class_="wrap")),
    ]
    if shown:
        sections.append(_section("clusters", "One operation across reports", joined(cluster_section(c) for c in shown)))
    head = (
        '<meta charset="utf-8">'
        + void("meta", http_equiv="Content-Security-Policy", content=_POLICY)
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + '<meta name="color-scheme" content="light dark">'
        + void("meta", name="generator", content=f"opsmodel {__version__}")
        + text("title", heading)
        + element("style", _style())
    )
    body = element("header", text("h1", heading) + _lead(records, value)) + element("main", joined(sections))
    footer = element(
        "footer", text("p", f"Drawn by opsmodel {__version__} from the records alone: nothing on this page is fetched.")
    )
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>{head}</head>\n<body>{body}{footer}</body>\n</html>\n'
