"""Model 1.1's conduct items: AI use, disruption, framework mappings, operation kinds, actors.

Each item has a test on an invented example, a property-tested round trip through JSON, JSON
Lines and both STIX flavours, and the validation rules where its facts can disagree. The report
under ``tests/data/v1.1-conduct`` (written before these items) still loads unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import (
    ActivityKind,
    Actor,
    ActorKind,
    AIUse,
    Confidence,
    Country,
    Designation,
    Disruption,
    FieldError,
    FuzzyDate,
    Likelihood,
    Measure,
    Operation,
    OperationKind,
    Relation,
    Report,
    Source,
    Tactic,
    TechniqueUse,
    Voice,
    parse_period,
    stix,
)
from opsmodel import json as ojson
from opsmodel.testing import actors, ai_uses, designations, disruptions, operations, tactics, technique_uses
from opsmodel.validation import iter_errors

from . import _conduct_fixture
from ._round_trips import assert_round_trips

# ---------------------------------------------------------------------------------------------
# Documents written before the conduct items


@pytest.fixture(scope="module")
def v11(shared_data: Path) -> Path:
    return shared_data / "v1.1-conduct"


def test_a_1_1_document_from_before_loads_unchanged(v11: Path) -> None:
    assert ojson.loads((v11 / "report.json").read_text(encoding="utf-8")) == _conduct_fixture.build()


def test_a_1_1_json_lines_file_from_before_loads_unchanged(v11: Path) -> None:
    with (v11 / "operations.jsonl").open(encoding="utf-8") as handle:
        assert ojson.load_report_lines(handle) == _conduct_fixture.build()


@pytest.mark.parametrize("name", ["report.stix.json", "report.opencti.stix.json"])
def test_a_1_1_bundle_from_before_loads_unchanged(v11: Path, name: str) -> None:
    assert stix.loads((v11 / name).read_text(encoding="utf-8")) == _conduct_fixture.build()


# ---------------------------------------------------------------------------------------------
# Invented examples, one per item

S = ("lab",)
LAB = Source(id="lab", publisher="Invented Lab", title="Paper Lantern, again", published=FuzzyDate.of(2025, 6, 1))


def _operation(**facts: Any) -> Operation:
    base: dict[str, Any] = {"id": "paper-lantern", "name": "Paper Lantern", "sources": (LAB,)}
    base.update(facts)
    return Operation(**base)


def _report(*operations: Operation) -> Report:
    return Report(
        id="lab-2025", title="Paper Lantern", publisher="Invented Lab", published=FuzzyDate.of(2025, 6, 1), operations=operations
    )


def test_item_6_a_hedged_tool_rewriting_other_outlets_through_a_reseller() -> None:
    # "The articles were probably rewritten from regional outlets by a commercial chatbot, reached through
    # an API reseller, from March 2024; about 500 a day went out on X and a Telegram channel."
    use = AIUse(
        tool_kind="chatbot",
        confidence=Confidence.worded("probably"),
        purposes=["rewrite_content", "automate_publishing", "plan", "write_video_scripts", "write_prompts", "write_messages"],
        access="reseller",
        via="an API reseller",
        period=parse_period("from March 2024"),
        platforms=["X", "telegram"],
        output=[Measure(of="articles", scope="rate", per="day", count="about 500", stage="published", sources=S)],
        sources=S,
    )
    assert use.service is None
    assert use.confidence is not None
    assert use.confidence.likelihood is Likelihood.LIKELY
    assert use.tool == "chatbot"
    assert str(use).startswith("chatbot (probably): rewrite content, automate publishing, plan")
    assert [platform.id for platform in use.platforms] == ["x", "telegram"]
    assert str(use.output[0]) == "about 500 articles per day"
    operation = _operation(ai_uses=[use])
    assert list(iter_errors(_report(operation))) == []


def test_item_6_the_analyst_alone_judges_the_text_machine_written() -> None:
    use = AIUse(purposes=["write_comments"], voice="analyst", confidence=Confidence(words="likely", likelihood="likely"))
    assert use.voice is Voice.ANALYST
    assert use.sources == ()
    assert str(use) == "AI (likely): write comments"


def test_item_9_one_takedown_across_platforms_under_a_policy() -> None:
    # "Meta removed 120 Facebook accounts and 30 Instagram accounts for coordinated inauthentic behaviour."
    facebook = Disruption(
        by="Meta",
        action="accounts_removed",
        platform="facebook",
        count=120,
        policy="coordinated inauthentic behaviour",
        sources=S,
    )
    both = Disruption(
        by="Meta",
        action="accounts_removed",
        platform="facebook",
        other_platforms=["Instagram"],
        count=150,
        policy="coordinated inauthentic behaviour",
        sources=S,
    )
    assert [platform.id for platform in both.platforms] == ["facebook", "instagram"]
    assert str(both) == "Meta: accounts removed (150) on Facebook, Instagram"
    assert facebook.policy == "coordinated inauthentic behaviour"


def test_item_9_a_series_of_takedowns_over_years_and_actions_that_remove_nothing() -> None:
    series = [
        Disruption(by="Meta", action="accounts_removed", date=FuzzyDate.of(year), count=count, sources=S)
        for year, count in ((2019, 40), (2021, 65), (2023, 12))
    ]
    repeated = Disruption(by="Meta", action="sites_removed", times="eleven", period=parse_period("2019 to 2023"), sources=S)
    others = [
        Disruption(by="Examplesoft", action="shared_with_industry", party="industry peers", sources=S),
        Disruption(by="Examplesoft", action="shared_with_government", party="the FBI", sources=S),
        Disruption(by="Examplesoft", action="reseller_cut_off", party="an API reseller", sources=S),
        Disruption(by="Examplesoft", action="organisation_banned", party="Brightwave Media", sources=S),
        Disruption(
            by="Examplesoft", action="legal_letter", party="Brightwave Media", description="a cease-and-desist", sources=S
        ),
    ]
    assert repeated.times is not None
    assert repeated.times.value == 11
    assert str(repeated) == "Meta: sites removed 11 times, 2019 to 2023"
    activity = attrs.evolve(parse_period("2018 to 2024"), sources=S)
    operation = _operation(activity=activity, disruptions=[*series, repeated, *others])
    assert list(iter_errors(_report(operation))) == []


def test_item_11_a_tactic_mapped_alone_by_a_third_party() -> None:
    use = TechniqueUse(
        tactic=Tactic(framework="disarm", id="TA06", name="Develop Content"),
        claimant="Invented Mapping Project",
        voice="relayed",
        sources=S,
    )
    assert use.technique is None
    assert use.framework == "disarm"
    assert str(use) == "TA06 Develop Content (tactic)"
    mine = TechniqueUse(technique="T0085.001", voice="analyst")
    assert mine.voice is Voice.ANALYST
    assert mine.framework == "disarm"


def test_item_11_a_use_names_a_technique_or_a_tactic() -> None:
    with pytest.raises(FieldError) as caught:
        TechniqueUse(procedure="something")
    assert caught.value.field == "tactic"
    assert "neither technique nor tactic given" in str(caught.value)
    assert "expected a technique, a tactic, or both" in str(caught.value)


def test_item_12_an_overlap_a_set_of_campaigns_and_social_engineering() -> None:
    overlap = Operation(
        id="lantern-river",
        name="Lantern and River overlap",
        kind="overlap",
        relations=[Relation(kind="part_of", other="paper-lantern"), Relation(kind="part_of", other="ink-river")],
    )
    campaigns = Operation(id="spring-campaigns", summary="Three campaigns around the spring elections", kind="campaign_set")
    network = Operation(id="net", name="Net", kind="network", combined_with=["social_engineering", "hack_and_leak"])
    assert overlap.kind is OperationKind.OVERLAP
    assert campaigns.kind is OperationKind.CAMPAIGN_SET
    assert network.kind is OperationKind.NETWORK
    assert network.combined_with == (ActivityKind.SOCIAL_ENGINEERING, ActivityKind.HACK_AND_LEAK)
    assert [f.code for f in iter_errors(overlap) if f.code == "OPS806"] == []


def test_item_15_actors_of_unstated_status_designated_hired_and_in_several_countries() -> None:
    storm = Actor(
        id="storm",
        kind="organisation",
        description="an organisation behind the sites",
        designations=[Designation(name="Storm-1099", by="Microsoft", sources=S)],
        sources=S,
    )
    hired = Actor(
        id="hired",
        kind="hired_individuals",
        description="people paid per post",
        location="NG",
        other_locations=["GH", "KE"],
        sources=S,
    )
    outlet = Actor(id="outlet", name="Example Daily", kind="commercial_media", nationality="BJ", sources=S)
    assert str(storm.designations[0]) == "Storm-1099 (Microsoft)"
    assert [country.code for country in hired.locations] == ["NG", "GH", "KE"]
    assert hired.location is not None
    assert hired.location.code == "NG"  # the old field stays what it was
    assert outlet.kind is ActorKind.COMMERCIAL_MEDIA
    assert Actor(id="a", name="A", other_locations=["GH"]).locations == (Country(code="GH"),)


def test_new_fields_are_refused_with_path_value_and_expectation() -> None:
    with pytest.raises(FieldError) as caught:
        AIUse(access="telepathy")
    assert caught.value.field == "access"
    assert "'telepathy' is not an AIAccess" in str(caught.value)
    with pytest.raises(FieldError) as caught:
        Disruption(by="Meta", action="accounts_removed", other_platforms="facebook")
    assert caught.value.field == "other_platforms"
    with pytest.raises(FieldError) as caught:
        Actor(id="a", name="A", designations=["Storm-1099"])  # type: ignore[list-item]
    assert caught.value.field == "designations[0]"
    assert "expected a Designation" in str(caught.value)


# ---------------------------------------------------------------------------------------------
# Standard STIX, the judges, and round trips


def _everything() -> Report:
    actors = [
        Actor(
            id="brightwave",
            name="Brightwave Media",
            kind="commercial_media",
            location="NG",
            other_locations=["GH"],
            designations=[Designation(name="Storm-9999", by="Examplesoft", sources=S)],
            sources=S,
        )
    ]
    operation = _operation(
        kind="network",
        combined_with=["social_engineering"],
        actors=actors,
        techniques=[
            TechniqueUse(tactic=Tactic(framework="disarm", id="TA06", name="Develop Content"), claimant="Mapping Project"),
            TechniqueUse(technique="T0085.001", voice="analyst"),
        ],
        ai_uses=[
            AIUse(
                tool_kind="chatbot",
                confidence=Confidence.worded("probably"),
                purposes=["rewrite_content"],
                access="reseller",
                via="an API reseller",
                output=[Measure(of="articles", count=300, sources=S)],
                claimant="Examplesoft",
                sources=S,
            )
        ],
        disruptions=[
            Disruption(
                by="Meta",
                action="accounts_removed",
                platform="facebook",
                other_platforms=["instagram"],
                policy="coordinated inauthentic behaviour",
                times=3,
                period=parse_period("2021 to 2024"),
                sources=S,
            )
        ],
    )
    overlap = Operation(
        id="overlap",
        name="Overlap",
        kind="overlap",
        relations=[
            Relation(kind="part_of", other="paper-lantern", sources=S),
            Relation(kind="part_of", other="ink", described_in="lab", sources=S),
        ],
        sources=(LAB,),
    )
    return _report(operation, overlap)


def _objects(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [obj for obj in bundle["objects"] if obj["type"] == kind]


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_the_conduct_items_in_standard_stix(flavour: str) -> None:
    bundle = stix.to_stix(_everything(), flavour=flavour)
    patterns = {obj["name"]: obj for obj in _objects(bundle, "attack-pattern")}
    phase = patterns["TA06 Develop Content (tactic, no technique named)"]
    assert phase["kill_chain_phases"] == [{"kill_chain_name": "disarm", "phase_name": "develop-content"}]
    assert "external_references" not in phase  # no technique id for a reader to merge it with
    identities = {obj["id"]: obj["name"] for obj in _objects(bundle, "identity")}
    uses = [r for r in _objects(bundle, "relationship") if r["relationship_type"] == "uses"]
    phase_use = next(r for r in uses if r["target_ref"] == phase["id"])
    assert identities[phase_use["created_by_ref"]] == "Mapping Project"
    analyst_use = next(r for r in uses if r["target_ref"] == patterns["T0085.001"]["id"])
    assert analyst_use["description"] == "mapped by the analyst's own assessment"
    tool = next(obj for obj in _objects(bundle, "tool"))
    assert tool["name"] == "Unspecified AI service"
    ai_use = next(r for r in uses if r["target_ref"] == tool["id"])
    assert ai_use["confidence"] == 67  # "probably": likely, 55-80
    assert identities[ai_use["created_by_ref"]] == "Examplesoft"
    assert "access: reseller via an API reseller" in ai_use["description"]
    actor = next(obj for obj in _objects(bundle, "threat-actor"))
    assert actor["aliases"] == ["Storm-9999"]
    assert actor["resource_level"] == "organization"  # commercial media: attack-resource-level-ov
    located = {r["target_ref"] for r in _objects(bundle, "relationship") if r["relationship_type"] == "located-at"}
    countries = {obj["id"]: obj.get("country") for obj in _objects(bundle, "location")}
    assert {countries[ref] for ref in located} == {"NG", "GH"}
    note = next(obj for obj in _objects(bundle, "note") if obj["abstract"] == "Disruption")
    assert note["content"] == (
        "Meta: accounts removed 3 times on Facebook, Instagram, 2021 to 2024; policy: coordinated inauthentic behaviour"
    )


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_a_report_with_every_conduct_item_satisfies_the_judges(flavour: str) -> None:
    from ._stix_judges import assert_validator_clean, stix2_parse

    report = _everything()
    bundle = stix.to_stix(report, flavour=flavour)
    assert_validator_clean(bundle)
    stix2_parse(bundle)
    validator = jsonschema.Draft202012Validator(stix.extension_schema())
    for obj in bundle["objects"]:
        if stix.EXTENSION_ID in obj.get("extensions", {}):
            validator.validate(obj["extensions"][stix.EXTENSION_ID])
    assert stix.from_stix(bundle) == report
    assert [f.code for f in iter_errors(report) if f.is_error] == []
    assert_round_trips(report, flavour=flavour)


@st.composite
def _with_conduct(draw: st.DrawFn) -> Report:
    """An operation with AI uses, disruptions, a tactic mapped alone, a new kind, activities and new actors."""
    operation = draw(operations(max_facts=2))
    ids = tuple(source.id for source in operation.sources) or None
    tactic_alone = TechniqueUse(tactic=draw(tactics()), claimant=draw(st.none() | st.just("A Mapper")))
    new_actors = draw(st.lists(actors(parent_ids=(), source_ids=ids), min_size=1, max_size=2))
    operation = attrs.evolve(
        operation,
        kind=draw(st.sampled_from([OperationKind.OVERLAP, OperationKind.CAMPAIGN_SET, OperationKind.NETWORK])),
        combined_with=draw(st.lists(st.sampled_from(ActivityKind), min_size=1, max_size=2, unique=True)),
        ai_uses=draw(st.lists(ai_uses(source_ids=ids), min_size=1, max_size=2)),
        disruptions=draw(st.lists(disruptions(source_ids=ids), min_size=1, max_size=2)),
        techniques=(*operation.techniques, tactic_alone),
        actors=(*operation.actors, *(attrs.evolve(a, id=f"new-actor-{i}") for i, a in enumerate(new_actors))),
    )
    return Report(id="r", title="t", publisher="p", operations=[operation])


@pytest.mark.slow
@settings(max_examples=25)
@given(report=_with_conduct(), flavour=st.sampled_from(["stix", "opencti"]))
def test_conduct_round_trips_through_json_lines_and_stix(report: Report, flavour: str) -> None:
    assert_round_trips(report, flavour=flavour)


@settings(max_examples=40)
@given(use=ai_uses(), action=disruptions(), mapping=technique_uses(), actor=actors(), designation=designations())
def test_each_new_value_round_trips_through_json(
    use: AIUse, action: Disruption, mapping: TechniqueUse, actor: Actor, designation: Designation
) -> None:
    for value, cls in ((use, AIUse), (action, Disruption), (mapping, TechniqueUse), (actor, Actor), (designation, Designation)):
        assert ojson.loads(ojson.dumps(value), cls) == value
    assert mapping.technique is not None or mapping.tactic is not None
    assert str(use)
    assert str(action)
    assert str(mapping)


def test_an_ai_use_period_after_the_report_is_found() -> None:
    late = _operation(ai_uses=[AIUse(service="ChatGPT", period=parse_period("2026"), sources=S)])
    assert [(f.code, f.path) for f in iter_errors(_report(late)) if f.code == "OPS103"] == [
        ("OPS103", "$.operations[0].ai_uses[0].period.start"),
        ("OPS103", "$.operations[0].ai_uses[0].period.end"),
    ]


def test_a_relayed_mapping_of_ones_own_publication_is_found() -> None:
    relayed = _operation(techniques=[TechniqueUse(technique="T0085.001", claimant="Invented Lab", voice="relayed", sources=S)])
    assert [f.path for f in iter_errors(relayed) if f.code == "OPS706"] == ["$.techniques[0].voice"]


def test_a_foreign_attack_pattern_with_only_a_phase_reads_as_a_tactic_alone(shared_data: Path) -> None:
    import stix2

    bundle = json.loads((shared_data / "disarm" / "DISARM-v1.6.json").read_text(encoding="utf-8"))
    technique = next(
        o
        for o in bundle["objects"]
        if o["type"] == "attack-pattern" and o["external_references"][0]["external_id"] == "T0085.001"
    )
    phases = technique["kill_chain_phases"]
    phase = json.loads(stix2.AttackPattern(name="Some content work", kill_chain_phases=phases).serialize())
    campaign = json.loads(stix2.Campaign(name="Test").serialize())
    use = json.loads(stix2.Relationship(campaign["id"], "uses", phase["id"]).serialize())
    bundle["objects"] += [phase, campaign, use]
    (operation,) = stix.import_stix(bundle).report.operations
    (mapped,) = operation.techniques
    assert mapped.technique is None
    assert mapped.tactic is not None
    assert (mapped.tactic.framework, mapped.tactic.id) == ("disarm", "TA06")


def test_parts_of_conduct_facts_cite_only_the_operations_sources() -> None:
    designated = Actor(
        id="x", name="X", designations=[Designation(name="Storm-1", by="Microsoft", sources=["elsewhere"])], sources=S
    )
    counted = AIUse(service="ChatGPT", output=[Measure(of="posts", count=5, sources=["nowhere"])], sources=S)
    operation = _operation(actors=[designated], ai_uses=[counted])
    assert [f.path for f in iter_errors(operation) if f.code == "OPS210"] == [
        "$.ai_uses[0].output[0].sources[0]",
        "$.actors[0].designations[0].sources[0]",
    ]
