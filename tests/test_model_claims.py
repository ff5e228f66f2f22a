"""Model 1.1's claims around operations, on invented examples, and their exact round trips.

Sources' roles and provenance, relations between operations (across reports), attribution
stances and voices, the estimative scale, dated claims and the reporting period, the analyst's
own assessment. Every example is invented; the wordings are the kind reports use.
"""

from __future__ import annotations

from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import (
    Alias,
    Attribution,
    AttributionStance,
    Confidence,
    ConfidenceLevel,
    DateBasis,
    DateClaim,
    FieldError,
    FuzzyDate,
    Likelihood,
    Operation,
    Period,
    Relation,
    RelationKind,
    Report,
    Source,
    SourceAccess,
    Voice,
    estimate,
    parse_period,
    stix,
)
from opsmodel import json as ojson
from opsmodel.testing import attributions, confidences, date_claims, operations, relations, sources
from opsmodel.validation import iter_errors

from ._round_trips import assert_round_trips

FULL = Source(id="lab-full", publisher="Lab", title="Operation Example: the full report")
BLOG = Source(id="lab-blog", publisher="Lab", title="Operation Example in brief", role="summary", covers="lab-full")
NEWS = Source(id="daily-news", publisher="The Daily", role="news_coverage", covers="lab-full")
RIVAL = Source(id="rival", publisher="A journalist", role="competing_claim", covers="lab-full")
HEARING = Source(id="hearing", publisher="A parliament", access="transcription", via="the committee's transcript")
RUMOUR = Source(id="rumoured", publisher="Third Lab", status="unconfirmed")
OTHER_REPORT = Source(id="other-lab-2023", publisher="Other Lab", title="Q4 2023 report")


def _operation(**facts: Any) -> Operation:
    base: dict[str, Any] = {
        "id": "example",
        "name": "Example",
        "activity": parse_period("2023-2024"),
        "sources": (FULL, BLOG, NEWS, RIVAL, HEARING, RUMOUR, OTHER_REPORT),
    }
    base.update(facts)
    return Operation(**base)


def _report(*operations: Operation) -> Report:
    return Report(
        id="lab-2024-q1",
        title="Quarterly report",
        publisher="Lab",
        published=FuzzyDate.of(2024, 5, 30),
        period=parse_period("between January and March 2024"),
        operations=operations,
    )


# --- sources' role and provenance --------------------------------------------------------------


def test_sources_say_what_they_are_and_how_they_were_read() -> None:
    assert (BLOG.role, BLOG.covers) == ("summary", "lab-full")
    assert (HEARING.access, HEARING.via) == (SourceAccess.TRANSCRIPTION, "the committee's transcript")
    assert RUMOUR.status == "unconfirmed"
    assert list(iter_errors(_operation(), select=["OPS7"])) == []


def test_a_source_cannot_cover_itself_nor_name_an_intermediary_when_read_directly() -> None:
    with pytest.raises(FieldError, match=r"Source\.covers: a source cannot cover itself"):
        Source(id="blog", covers="blog")
    with pytest.raises(FieldError, match=r"Source\.via: an intermediary given for a source read directly"):
        Source(id="blog", via="a transcript")


def test_a_summary_of_a_missing_report_is_found() -> None:
    operation = _operation(sources=(BLOG,))
    assert [(f.code, f.path) for f in iter_errors(operation, select=["OPS701"])] == [("OPS701", "$.sources[0].covers")]


def test_stix_names_a_sources_role_in_its_external_reference() -> None:
    bundle = stix.to_stix(_report(_operation()))
    campaign = next(obj for obj in bundle["objects"] if obj["type"] == "campaign")
    descriptions = {ref["source_name"]: ref["description"] for ref in campaign["external_references"]}
    assert descriptions["The Daily"] == "news coverage of 'lab-full'"
    assert descriptions["A parliament"].endswith("read through the committee's transcript")
    assert descriptions["Third Lab"] == "publication unconfirmed"


# --- relations between operations --------------------------------------------------------------


def test_a_relation_to_an_operation_known_from_another_report() -> None:
    # the Storm-1099 = Doppelganger kind of case: one publisher's name, another report's operation
    storm = _operation(
        id="storm-0000",
        name="Storm-0000",
        aliases=[Alias(name="Puppet Show", claimant="Other Lab", sources=["other-lab-2023"])],
        relations=[
            Relation(
                kind="same_as",
                other="puppet-show",
                other_name="Puppet Show",
                described_in="other-lab-2023",
                claimant="Lab",
                confidence=Confidence.worded("very likely"),
                claimed=FuzzyDate.of(2024, 3),
                sources=["lab-full"],
            )
        ],
    )
    report = _report(storm)
    assert [f for f in iter_errors(report) if f.is_error] == []  # no OPS201: the other is elsewhere by design
    assert storm.relations[0].confidence is not None
    assert storm.relations[0].confidence.likelihood is Likelihood.VERY_LIKELY
    assert stix.from_stix(stix.to_stix(report)) == report


def test_inverse_directions_are_typed_and_each_kind_has_one() -> None:
    assert RelationKind.PART_OF.inverse is RelationKind.HAS_PART
    assert RelationKind.SUCCEEDED_BY.inverse is RelationKind.SUCCESSOR_OF
    assert RelationKind.CONTINUED_BY.inverse is RelationKind.CONTINUATION_OF
    assert RelationKind.AMPLIFIED_BY.inverse is RelationKind.AMPLIFIES
    assert RelationKind.SIBLING_OF.inverse is RelationKind.SIBLING_OF
    for kind in RelationKind:
        if kind is not RelationKind.ALIAS_OF:  # read from the other side, "alias of" is "same as"
            assert kind.inverse.inverse is kind
    part = Relation(kind="part_of", other="umbrella", confidence="very likely", sources=["lab-full"])
    assert part.inverted("example", "Example") == attrs.evolve(part, kind="has_part", other="example", other_name="Example")


def test_relations_in_stix_carry_confidence_and_claimant_and_no_link_links_nothing() -> None:
    a = _operation(
        id="a",
        name="A",
        relations=[
            Relation(kind="amplified_by", other="b", claimant="Lab", confidence=Confidence(score=85), sources=["lab-full"]),
            Relation(kind="no_link_asserted", other="c", sources=["lab-full"]),
        ],
    )
    report = _report(a, _operation(id="b", name="B"), _operation(id="c", name="C"))
    bundle = stix.to_stix(report)
    between = [obj for obj in bundle["objects"] if obj["type"] == "relationship" and obj["target_ref"].startswith("campaign--")]
    assert len(between) == 1
    assert between[0]["confidence"] == 85
    assert between[0]["description"] == "amplified by (Lab)"
    claimant = next(obj for obj in bundle["objects"] if obj["id"] == between[0]["created_by_ref"])
    assert claimant["name"] == "Lab"


def test_a_no_link_contradicted_by_the_same_claimant_is_found() -> None:
    operation = _operation(
        relations=[
            Relation(kind="sibling_of", other="b", described_in="other-lab-2023", sources=["lab-full"]),
            Relation(kind="no_link_asserted", other="b", described_in="other-lab-2023", sources=["lab-full"]),
        ]
    )
    assert [f.path for f in iter_errors(operation, select=["OPS703"])] == ["$.relations[1].kind"]


# --- attribution ---------------------------------------------------------------------------------


def test_linked_to_a_country_role_unstated() -> None:
    claim = Attribution(claimant="Lab", role="linked", countries=["IR"], wording="linked to Iran", sources=["lab-full"])
    assert str(claim) == "Lab: linked IR"
    assert claim not in [c for c in _operation(attributions=[claim]).attributions if c.role == "origin"]
    assert _operation(attributions=[claim]).origin_countries == ()


def test_the_authors_decline_to_attribute() -> None:
    claim = Attribution(claimant="Lab", stance="declines", wording="we do not attribute this activity", sources=["lab-full"])
    assert str(claim) == "Lab: declines to attribute"
    with pytest.raises(FieldError, match="neither actor nor country"):
        Attribution(claimant="Lab")
    bundle = stix.to_stix(_report(_operation(attributions=[claim])))
    assert not [obj for obj in bundle["objects"] if obj.get("relationship_type") == "attributed-to"]
    note = next(obj for obj in bundle["objects"] if obj["type"] == "note" and obj["abstract"] == "Attribution")
    assert note["content"].startswith("Lab (declines to attribute, origin, current claim)")


def test_a_claim_relayed_but_not_verified_and_unwitting_operators() -> None:
    relayed = Attribution(claimant="Other Lab", countries=["RU"], voice="relayed", sources=["daily-news"])
    unwitting = Attribution(
        claimant="Lab", role="operator", actor=None, countries=["NG"], awareness="unwitting", sources=["lab-full"]
    )
    operation = _operation(attributions=[relayed, unwitting])
    assert list(iter_errors(operation, select=["OPS706", "OPS707"])) == []
    # the rival journalist's source cannot "relay" its own claim
    own = attrs.evolve(relayed, claimant="A journalist", sources=["rival"])
    assert [f.code for f in iter_errors(_operation(attributions=[own]), select=["OPS7"])] == ["OPS706"]


@pytest.mark.parametrize(
    ("words", "likelihood", "level"),
    [
        ("we assess", Likelihood.LIKELY, None),
        ("consistent with", Likelihood.ROUGHLY_EVEN, None),
        ("possibly affiliated", Likelihood.ROUGHLY_EVEN, None),
        ("unlikely", Likelihood.UNLIKELY, None),
        ("very likely", Likelihood.VERY_LIKELY, None),
        ("several independent lines of evidence", None, ConfidenceLevel.HIGH),
        ("we assess with moderate confidence", Likelihood.LIKELY, ConfidenceLevel.MODERATE),
        ("linked to", None, None),
    ],
)
def test_confidence_wordings_map_to_the_estimative_scale(
    words: str, likelihood: Likelihood | None, level: ConfidenceLevel | None
) -> None:
    assert estimate(words) == (likelihood, level)
    if likelihood is not None or level is not None:
        confidence = Confidence.worded(words)
        assert (confidence.likelihood, confidence.level, confidence.words) == (likelihood, level, words)


def test_a_likelihood_alone_gives_a_stix_confidence_in_its_range() -> None:
    assert Confidence(likelihood="likely").estimated_range == (55, 80)
    assert Confidence(level="high").estimated_range == (70, 100)
    with pytest.raises(FieldError, match="neither score, words, likelihood nor level"):
        Confidence()
    off = Attribution(
        claimant="Lab", countries=["RU"], confidence=Confidence(score=10, likelihood="very_likely"), sources=["lab-full"]
    )
    assert [f.path for f in iter_errors(_operation(attributions=[off]), select=["OPS705"])] == [
        "$.attributions[0].confidence.score"
    ]


# --- dates ---------------------------------------------------------------------------------------


def test_conflicting_starts_and_a_start_inferred_from_account_creation() -> None:
    claims = [
        DateClaim(event="activity_start", date="2023", sources=["lab-full"]),
        DateClaim(event="activity_start", date="2021", claimant="A journalist", sources=["rival"]),
        DateClaim(event="assets_created", date="March 2023", basis="account_creation", sources=["lab-full"]),
    ]
    operation = _operation(date_claims=claims)
    assert str(claims[2]) == "assets created: 2023-03 (from account creation)"
    assert claims[2].basis is DateBasis.ACCOUNT_CREATION
    # the activity period (2023-2024) follows the publisher: the journalist's earlier start is flagged
    assert [f.path for f in iter_errors(operation, select=["OPS108"])] == ["$.date_claims[1].date"]


def test_the_reporting_period_is_apart_from_the_activity_window() -> None:
    report = _report(_operation())
    assert report.period == parse_period("between January and March 2024")
    assert report.operations[0].activity != report.period
    assert_round_trips(report)


# --- the analyst's own assessment ---------------------------------------------------------------


def test_the_analysts_own_assessment_needs_no_source() -> None:
    mine = Attribution(claimant="the analyst", role="sponsor", countries=["CN"], voice="analyst", confidence="possibly")
    dated = DateClaim(event="activity_start", date="2023", voice="analyst", basis="dated_screenshots")
    operation = _operation(attributions=[mine], date_claims=[dated])
    assert (mine.voice, mine.sources) == (Voice.ANALYST, ())
    uncited = [f.path for f in iter_errors(operation, select=["OPS211"])]
    assert "$.attributions[0].sources" not in uncited
    assert "$.date_claims[0].sources" not in uncited
    relayed = attrs.evolve(mine, voice="relayed")
    assert "$.attributions[0].sources" in [f.path for f in iter_errors(_operation(attributions=[relayed]), select=["OPS211"])]


# --- round trips: JSON, JSON Lines, both STIX flavours --------------------------------------------


@st.composite
def _with_new_facts(draw: st.DrawFn) -> Report:
    operation = draw(operations(max_facts=2))
    ids = tuple(source.id for source in operation.sources) or None
    extra_sources = [attrs.evolve(s, covers=None) for s in draw(st.lists(sources(), max_size=2))]
    known = {source.id for source in operation.sources}
    operation = attrs.evolve(
        operation,
        sources=(*operation.sources, *[s for s in extra_sources if s.id not in known]),
        relations=draw(st.lists(relations(source_ids=ids), min_size=1, max_size=2)),
        attributions=draw(st.lists(attributions(actor_ids=(), source_ids=ids), min_size=1, max_size=2)),
        date_claims=draw(st.lists(date_claims(source_ids=ids), min_size=1, max_size=2)),
        aliases=[attrs.evolve(a, claimant="Lab") for a in operation.aliases],
    )
    return Report(
        id="r",
        title="t",
        publisher="p",
        period=draw(st.none() | st.just(parse_period("2024-Q1"))),
        operations=[operation],
    )


@pytest.mark.slow
@settings(max_examples=25)
@given(report=_with_new_facts(), flavour=st.sampled_from(["stix", "opencti"]))
def test_new_facts_round_trip_through_json_lines_and_stix(report: Report, flavour: str) -> None:
    assert_round_trips(report, flavour=flavour)


@settings(max_examples=40)
@given(confidence=confidences())
def test_confidences_round_trip_and_stay_in_range(confidence: Confidence) -> None:
    assert ojson.loads(ojson.dumps(confidence), Confidence) == confidence
    found = confidence.estimated_range
    assert found is None or 0 <= found[0] <= found[1] <= 100


@settings(max_examples=40)
@given(claim=attributions())
def test_a_declining_claim_is_the_only_one_naming_no_one(claim: Attribution) -> None:
    assert claim.actor is not None or claim.countries or claim.stance is AttributionStance.DECLINES


def test_a_period_value_is_not_a_reporting_period_of_operations() -> None:
    # the reporting period belongs to the report; operations keep their own activity
    assert "period" not in {a.name for a in attrs.fields(Operation)}
    assert isinstance(_report().period, Period)


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_a_report_with_every_new_fact_satisfies_the_judges(flavour: str) -> None:
    from ._stix_judges import assert_validator_clean, stix2_parse

    a = _operation(
        id="a",
        name="A",
        attributions=[
            Attribution(claimant="Lab", role="linked", countries=["IR"], confidence="we assess", sources=["lab-full"]),
            Attribution(claimant="Lab", stance="rejects", countries=["RU"], sources=["lab-full"]),
            Attribution(claimant="the analyst", stance="declines", voice="analyst"),
        ],
        relations=[
            Relation(
                kind="has_part", other="b", claimant="Lab", confidence=Confidence(likelihood="likely"), sources=["lab-full"]
            ),
            Relation(kind="same_as", other="elsewhere", described_in="other-lab-2023", sources=["lab-full"]),
            Relation(kind="same_as", other="c", sources=["lab-full"]),
        ],
        date_claims=[DateClaim(event="first_content", date="2023-05", basis="content_timestamps", sources=["lab-full"])],
    )
    report = _report(a, _operation(id="b", name="B"), _operation(id="c", name="C"))
    bundle = stix.to_stix(report, flavour=flavour)
    types = {obj["relationship_type"] for obj in bundle["objects"] if obj.get("target_ref", "").startswith("campaign--")}
    assert types == ({"related-to"} if flavour == "opencti" else {"related-to", "duplicate-of"})
    assert_validator_clean(bundle)
    stix2_parse(bundle)
    payloads = [
        obj["extensions"][stix.EXTENSION_ID] for obj in bundle["objects"] if stix.EXTENSION_ID in obj.get("extensions", {})
    ]
    validator = jsonschema.Draft202012Validator(stix.extension_schema())
    for payload in payloads:
        validator.validate(payload)
    assert payloads[0]["operation"]["date_claims"][0]["basis"] == "content_timestamps"
    assert stix.from_stix(bundle) == report


def test_a_country_ruled_out_is_no_origin() -> None:
    ruled_out = Attribution(claimant="Lab", stance="rejects", countries=["RU"], sources=["lab-full"])
    asserted = Attribution(claimant="Lab", countries=["IR"], sources=["lab-full"])
    assert str(ruled_out) == "Lab: rules out origin RU"
    assert _operation(attributions=[ruled_out, asserted]).origin_countries == (asserted.countries[0],)
