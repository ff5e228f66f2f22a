"""The corpus as tidy tables: one row per operation, claim, target, asset, technique use, AI use, disruption.

Rows are plain Python (:func:`rows`); :mod:`.frames` turns them into Arrow tables with the
documented schema. Every table starts with ``report_id`` and ``operation_id``, the key of the
operation the row is about. A fuzzy date is three columns: ``_earliest`` and ``_latest`` (the
days it allows; null when open or unknown) and ``_wording`` (the source's words, else its
canonical form). A list column holds values in the model's order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs
from attrs import frozen

from .._formats.json.converter import converter
from .._model.counts import Count
from .._model.dates import FuzzyDate
from .._model.languages import Language
from .._model.places import Country, Locality, Region, Subdivision, Target
from .._model.techniques import Confidence
from .claims import bounds, claims_of, resolved_date
from .clusters import Cluster
from .records import Record

Row = dict[str, Any]


@frozen
class Column:
    """One column of a table: its name, its type (as :mod:`.frames` maps it to Arrow) and what it holds."""

    #: The column's name.
    name: str
    #: ``string``, ``int64``, ``bool``, ``date32``, ``list<string>`` or ``list<language>``.
    dtype: str
    #: What the column holds.
    description: str


@frozen
class TableSpec:
    """A table: what one row is, and its columns in order."""

    #: What one row of the table is.
    row: str
    #: The columns, in order.
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _key_columns() -> tuple[Column, ...]:
    return (
        Column("report_id", "string", "the id of the report"),
        Column("operation_id", "string", "the id of the operation within its report"),
    )


def _date_columns(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_earliest", "date32", f"the earliest day {what} can be; null when open or not stated"),
        Column(f"{prefix}_latest", "date32", f"the latest day {what} can be; null when open or not stated"),
        Column(f"{prefix}_wording", "string", f"{what} in the source's words, else its canonical form (``2024-Q1``)"),
    )


def _count_columns(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_kind", "string", f"how {what} is stated: exact, at_least, range, unknown..."),
        Column(f"{prefix}_value", "int64", f"{what}: the number, or the range's low end"),
        Column(f"{prefix}_upper", "int64", f"the high end of a range for {what}"),
        Column(f"{prefix}_wording", "string", f"{what} in the source's words"),
    )


SOURCES = Column("sources", "list<string>", "the ids of the operation's sources that state the fact")


def _claim_columns(what: str) -> tuple[Column, ...]:
    return (
        Column("claimant", "string", f"who makes {what}, when not the cited sources' publisher"),
        Column("voice", "string", "whose claim it is: source, relayed, corroborated or analyst"),
    )


def as_json(value: Any) -> str | None:
    """A model value as opsmodel JSON text, for a cell (None stays None)."""
    return None if value is None else json.dumps(converter(False, False).unstructure(value), ensure_ascii=False)


#: Each column type as Arrow, pandas and polars name it (a test holds pandas and polars to these).
DTYPES: dict[str, tuple[str, str, str]] = {
    "string": ("string", "str", "String"),
    "int64": ("int64", "Int64 (nullable)", "Int64"),
    "bool": ("bool", "bool", "Boolean"),
    "date32": ("date32[day]", "object (datetime.date)", "Date"),
    "list<string>": ("list<string>", "object (arrays of str)", "List(String)"),
    "list<language>": ("list<struct<code, script, region, name>>", "object (arrays of dicts)", "List(Struct)"),
}

# One column per field of Confidence, read from the class, so that the table keeps every field the
# model has (a later model adds a likelihood and a level): a number is int64, anything else text.
CONFIDENCE_FIELDS = tuple(attribute.name for attribute in attrs.fields(Confidence))


_CONFIDENCE_WORDS = {
    "score": "how sure, 0-100",
    "words": "how sure, in the source's words",
    "likelihood": "how likely, on the estimative scale",
    "level": "how sure: low, moderate or high",
}


def _confidence_columns() -> tuple[Column, ...]:
    return tuple(
        Column(
            f"confidence_{name}",
            "int64" if name == "score" else "string",
            _CONFIDENCE_WORDS.get(name, f"the confidence's {name.replace('_', ' ')}"),
        )
        for name in CONFIDENCE_FIELDS
    )


def _confidence(value: Confidence | None) -> Row:
    if value is None:
        return dict.fromkeys(f"confidence_{name}" for name in CONFIDENCE_FIELDS)
    found = {name: getattr(value, name) for name in CONFIDENCE_FIELDS}
    return {f"confidence_{name}": getattr(item, "value", item) for name, item in found.items()}


TABLES: dict[str, TableSpec] = {
    "operations": TableSpec(
        "one operation as one report describes it",
        (
            *_key_columns(),
            Column("cluster_id", "string", "the id of the operation's cluster (the key of its first record)"),
            Column("name", "string", "the operation's name, or its first alias, or ``unnamed (id)``"),
            Column("kind", "string", "network, campaign, operation, overlap, campaign_set or other"),
            Column("publisher", "string", "who published the report"),
            *_date_columns("published", "the report's publication"),
            *_date_columns("activity_start", "the start of the activity"),
            *_date_columns("activity_end", "the end of the activity"),
            Column("ongoing", "bool", "whether the activity had not ended when the report was written"),
            Column("origin_countries", "list<string>", "ISO codes of the countries current claims say it was run from"),
            Column("target_countries", "list<string>", "ISO codes of the countries it targeted (regions' members too)"),
            Column("platforms", "list<string>", "the platform ids of its assets"),
            Column("languages", "list<string>", "its content's languages (BCP 47 tags, or names)"),
            Column("techniques", "list<string>", "the ids of the techniques it used"),
            Column("uses_ai", "bool", "whether the report says it used an AI service"),
            Column("latest_impact", "int64", "the Breakout Scale category of its most recent rating; null when unrated"),
            Column("combined_with", "list<string>", "what it combined with influence: social_engineering, intrusion..."),
        ),
    ),
    "claims": TableSpec(
        "one fact of one operation, as one claimant states it (see opsmodel.corpus.FACTS)",
        (
            *_key_columns(),
            Column("cluster_id", "string", "the id of the operation's cluster"),
            Column("fact", "string", "what the fact is about: activity.start, origin, impact, platform..."),
            Column("value", "string", "the fact's value, in words"),
            Column("claimant", "string", "who states it"),
            *_date_columns("stated", "the statement"),
            Column("status", "string", "current, revised, withdrawn or disputed"),
            SOURCES,
            Column("cited", "list<string>", "the cited sources by name; the report's publisher when none is cited"),
        ),
    ),
    "targets": TableSpec(
        "one target of one operation: a place, an audience, an event, an organisation, or several; or, by its role, "
        "a place that was a topic, a venue or an impersonated locale",
        (
            *_key_columns(),
            Column("place_kind", "string", "country, subdivision, region or locality; null without a place"),
            Column("place_code", "string", "the ISO 3166 code of a country or subdivision (a locality's, for a locality)"),
            Column("region", "string", "the name of a region"),
            Column("region_members", "list<string>", "the ISO codes of a region's member countries"),
            Column("audience", "string", "the audience's name"),
            Column("audience_description", "string", "who the audience is"),
            Column("note", "string", "what the source says about the target"),
            SOURCES,
            Column("locality", "string", "the name of a locality (a city or town)"),
            Column("region_members_basis", "string", "stated or inferred: where a region's member list comes from"),
            Column("role", "string", "target, topic, venue, impersonated_locale or other"),
            Column("status", "string", "stated, inferred or planned"),
            Column("event", "string", "the event aimed at (an election)"),
            Column("event_kind", "string", "election, referendum, summit..."),
            Column("event_date", "string", "the event's date, in its canonical form (2024-06-09, 2024-Q2)"),
            Column("event_date_wording", "string", "the event's date in the source's words"),
            Column("organisation", "string", "the organisation aimed at"),
            Column("organisation_kind", "string", "government, political_party, news_outlet..."),
            Column("since", "string", "since when it was a target, in the date's canonical form"),
            Column("since_wording", "string", "since when, in the source's words"),
        ),
    ),
    "assets": TableSpec(
        "one kind of asset of one operation on one platform",
        (
            *_key_columns(),
            Column("platform", "string", "the platform's id"),
            Column("platform_name", "string", "the display name of a platform not in KNOWN_PLATFORMS"),
            Column("kind", "string", "account, page, group, channel, website..."),
            *_count_columns("count", "how many"),
            *_count_columns("followers", "their followers"),
            Column("identifiers", "list<string>", "handles, URLs or domains"),
            Column("note", "string", "what the source says about the assets"),
            SOURCES,
        ),
    ),
    "technique_uses": TableSpec(
        "one technique one operation used",
        (
            *_key_columns(),
            Column("framework", "string", "the framework of the technique, else of the tactic: disarm, attack, meta-ookc..."),
            Column("technique_id", "string", "the technique's id (T0085.001); null for a tactic mapped alone"),
            Column("technique_version", "string", "the framework version the id is from"),
            Column("technique_name", "string", "the technique's name"),
            Column("tactic_framework", "string", "the tactic's framework"),
            Column("tactic_id", "string", "the tactic's id (TA06)"),
            Column("tactic_name", "string", "the tactic's name"),
            Column("tactic_version", "string", "the framework version the tactic is from"),
            Column("procedure", "string", "what the operation did, in the source's terms"),
            Column("evidence", "list<string>", "what shows it"),
            *_confidence_columns(),
            SOURCES,
            *_claim_columns("the mapping"),
        ),
    ),
    "ai_uses": TableSpec(
        "one use of an AI service by one operation",
        (
            *_key_columns(),
            Column("service", "string", "the AI service (ChatGPT)"),
            Column("provider", "string", "who provides it (OpenAI)"),
            Column("model", "string", "the model behind it"),
            Column("purposes", "list<string>", "what the operation used it for (write_comments, translate...)"),
            Column("languages", "list<language>", "the languages it worked in: code, script, region, name"),
            Column("wording", "string", "the use as the source describes it"),
            Column("llm_ttps", "list<string>", "the LLM-themed TTPs it matches"),
            Column("failures", "list<string>", "what betrayed the use"),
            SOURCES,
            Column("tool_kind", "string", "the sort of tool: chatbot, open_model, image_generator..."),
            *_confidence_columns(),
            Column("access", "string", "how the operation reached it: web_app, api, reseller, self_hosted, other"),
            Column("via", "string", "the reseller or intermediary access went through"),
            Column("period", "string", "when it was used, as opsmodel JSON (a Period object)"),
            Column("platforms", "list<string>", "the ids of the platforms its output was published on"),
            Column("platform_names", "list<string>", "the display names of those platforms not in KNOWN_PLATFORMS, else null"),
            Column("output", "list<string>", "how much it produced: each Measure as opsmodel JSON"),
            *_claim_columns("the use"),
        ),
    ),
    "disruptions": TableSpec(
        "one action taken against one operation",
        (
            *_key_columns(),
            Column("by", "string", "who acted"),
            Column("action", "string", "what they did: accounts_banned, domains_seized..."),
            *_date_columns("date", "the action"),
            *_count_columns("count", "how many accounts, pages, domains..."),
            Column("platform", "string", "the platform's id"),
            Column("description", "string", "the action in the source's words"),
            SOURCES,
            Column("other_platforms", "list<string>", "the ids of further platforms the same action was taken on"),
            Column("policy", "string", "the policy invoked (coordinated inauthentic behaviour)"),
            Column("party", "string", "the other party: the organisation banned, the reseller cut off, whom findings went to"),
            *_date_columns("period_start", "the start of a repeated action's period"),
            *_date_columns("period_end", "the end of a repeated action's period"),
            *_count_columns("times", "how many times the action was taken"),
        ),
    ),
}


def _dates(prefix: str, value: FuzzyDate | None) -> Row:
    earliest, latest = bounds(value)
    wording = None if value is None else value.wording or str(value)
    return {f"{prefix}_earliest": earliest, f"{prefix}_latest": latest, f"{prefix}_wording": wording}


def _count(prefix: str, value: Count | None) -> Row:
    if value is None:
        return dict.fromkeys((f"{prefix}_kind", f"{prefix}_value", f"{prefix}_upper", f"{prefix}_wording"))
    return {
        f"{prefix}_kind": value.kind.value,
        f"{prefix}_value": value.value,
        f"{prefix}_upper": value.upper,
        f"{prefix}_wording": value.wording,
    }


def _key(record: Record) -> Row:
    return {"report_id": record.key.report, "operation_id": record.key.operation}


def _target_countries(record: Record) -> list[str]:
    found: dict[str, None] = {}
    for target in record.operation.targets:
        place = target.place
        if isinstance(place, Country):
            found[place.code] = None
        elif isinstance(place, (Subdivision, Locality)):
            found[place.country.code] = None
        elif isinstance(place, Region):
            found.update(dict.fromkeys(member.code for member in place.members))
    return list(found)


def _operation_row(record: Record, cluster: Cluster) -> Row:
    operation = record.operation
    activity = operation.activity
    latest = max(
        ((impact.rated or record.published, index, impact.category) for index, impact in enumerate(operation.impacts)),
        key=lambda found: (dt.date.min if found[0] is None else found[0].first_day, found[1]),
        default=None,
    )
    return {
        **_key(record),
        "cluster_id": cluster.id,
        "name": operation.display_name,
        "kind": operation.kind.value,
        "publisher": record.publisher,
        **_dates("published", record.published),
        **_dates("activity_start", resolved_date(activity.start, record) if activity else None),
        **_dates("activity_end", resolved_date(activity.end, record) if activity else None),
        "ongoing": bool(activity and activity.ongoing),
        "origin_countries": [country.code for country in operation.origin_countries],
        "target_countries": _target_countries(record),
        "platforms": [platform.id for platform in operation.platforms],
        "languages": [str(language) for language in operation.languages],
        "techniques": list(dict.fromkeys(use.technique.id for use in operation.techniques if use.technique is not None)),
        "uses_ai": bool(operation.ai_uses),
        "latest_impact": None if latest is None else latest[2],
        "combined_with": [activity.value for activity in operation.combined_with],
    }


def _claim_rows(record: Record, cluster: Cluster) -> Iterator[Row]:
    for claim in claims_of(record):
        yield {
            **_key(record),
            "cluster_id": cluster.id,
            "fact": claim.fact,
            "value": claim.value,
            "claimant": claim.claimant,
            **_dates("stated", claim.stated),
            "status": claim.status,
            "sources": list(claim.sources),
            "cited": list(claim.cited),
        }


def _target_rows(record: Record) -> Iterator[Row]:
    for target in record.operation.targets:
        place = target.place
        yield {
            **_key(record),
            "place_kind": None if place is None else type(place).__name__.lower(),
            "place_code": _place_code(place),
            "region": place.name if isinstance(place, Region) else None,
            "region_members": [member.code for member in place.members] if isinstance(place, Region) else [],
            "audience": None if target.audience is None else target.audience.name,
            "audience_description": None if target.audience is None else target.audience.description,
            "note": target.note,
            "sources": list(target.sources),
            **_target_facts(target),
        }


def _place_code(place: Country | Subdivision | Region | Locality | None) -> str | None:
    if isinstance(place, (Country, Subdivision)):
        return place.code
    if isinstance(place, Locality):
        return (place.subdivision or place.country).code
    return None


def _text_date(prefix: str, value: FuzzyDate | None) -> Row:
    """A date as its canonical text (which reads back with parse_date) and its wording: a date that reads back."""
    if value is None:
        return {prefix: None, f"{prefix}_wording": None}
    return {prefix: str(attrs.evolve(value, wording=None)), f"{prefix}_wording": value.wording}


def _target_facts(target: Target) -> Row:
    """The columns model 1.1 added to a target: locality, members' basis, role, status, event, organisation, since."""
    place, event, organisation = target.place, target.event, target.organisation
    basis = place.members_basis if isinstance(place, Region) else None
    return {
        "locality": place.name if isinstance(place, Locality) else None,
        "region_members_basis": None if basis is None else basis.value,
        "role": target.role.value,
        "status": target.status.value,
        "event": None if event is None else event.name,
        "event_kind": None if event is None else event.kind.value,
        **_text_date("event_date", None if event is None else event.date),
        "organisation": None if organisation is None else organisation.name,
        "organisation_kind": None if organisation is None else organisation.kind.value,
        **_text_date("since", target.since),
    }


def _asset_rows(record: Record) -> Iterator[Row]:
    for asset in record.operation.assets:
        yield {
            **_key(record),
            "platform": asset.platform.id,
            "platform_name": asset.platform.name,
            "kind": asset.kind.value,
            **_count("count", asset.count),
            **_count("followers", asset.followers),
            "identifiers": list(asset.identifiers),
            "note": asset.note,
            "sources": list(asset.sources),
        }


def _technique_rows(record: Record) -> Iterator[Row]:
    for use in record.operation.techniques:
        technique, tactic = use.technique, use.tactic
        yield {
            **_key(record),
            "framework": use.framework,
            "technique_id": None if technique is None else technique.id,
            "technique_version": None if technique is None else technique.version,
            "technique_name": None if technique is None else technique.name,
            "tactic_framework": None if tactic is None else tactic.framework,
            "tactic_id": None if tactic is None else tactic.id,
            "tactic_name": None if tactic is None else tactic.name,
            "tactic_version": None if tactic is None else tactic.version,
            "procedure": use.procedure,
            "evidence": list(use.evidence),
            **_confidence(use.confidence),
            "sources": list(use.sources),
            "claimant": use.claimant,
            "voice": use.voice.value,
        }


def _language(language: Language) -> Row:
    return {"code": language.code, "script": language.script, "region": language.region, "name": language.name}


def _ai_rows(record: Record) -> Iterator[Row]:
    for use in record.operation.ai_uses:
        yield {
            **_key(record),
            "service": use.service,
            "provider": use.provider,
            "model": use.model,
            "purposes": [purpose.value for purpose in use.purposes],
            "languages": [_language(language) for language in use.languages],
            "wording": use.wording,
            "llm_ttps": [ttp.value for ttp in use.llm_ttps],
            "failures": list(use.failures),
            "sources": list(use.sources),
            "tool_kind": None if use.tool_kind is None else use.tool_kind.value,
            **_confidence(use.confidence),
            "access": None if use.access is None else use.access.value,
            "via": use.via,
            "period": as_json(use.period),
            "platforms": [platform.id for platform in use.platforms],
            "platform_names": [platform.name for platform in use.platforms],
            "output": [as_json(measure) for measure in use.output],
            "claimant": use.claimant,
            "voice": use.voice.value,
        }


def _disruption_rows(record: Record) -> Iterator[Row]:
    for action in record.operation.disruptions:
        yield {
            **_key(record),
            "by": action.by,
            "action": action.action.value,
            **_dates("date", action.date),
            **_count("count", action.count),
            "platform": None if action.platform is None else action.platform.id,
            "description": action.description,
            "sources": list(action.sources),
            "other_platforms": [platform.id for platform in action.other_platforms],
            "policy": action.policy,
            "party": action.party,
            **_dates("period_start", resolved_date(action.period.start, record) if action.period else None),
            **_dates("period_end", resolved_date(action.period.end, record) if action.period else None),
            **_count("times", action.times),
        }


_PER_RECORD: dict[str, Callable[[Record], Iterator[Row]]] = {
    "targets": _target_rows,
    "assets": _asset_rows,
    "technique_uses": _technique_rows,
    "ai_uses": _ai_rows,
    "disruptions": _disruption_rows,
}


def rows(name: str, clusters: Iterable[Cluster]) -> Iterator[Row]:
    """The rows of table ``name`` (a key of :data:`TABLES`), cluster by cluster, record by record."""
    for cluster in clusters:
        for record in cluster.records:
            if name == "operations":
                yield _operation_row(record, cluster)
            elif name == "claims":
                yield from _claim_rows(record, cluster)
            else:
                yield from _PER_RECORD[name](record)
