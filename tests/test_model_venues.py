"""Model 1.1's venues, personas, place roles and language uses (issue 11, items 5, 7, 8 and 13).

Where an operation was present beyond its assets, as whom it spoke, what a place was to it, and in
which languages and for what. Every example is invented; the wordings are the kind reports use.
"""

from __future__ import annotations

import json as std_json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import (
    Artefact,
    Asset,
    Count,
    Country,
    FieldError,
    Front,
    FuzzyDate,
    Impersonation,
    Language,
    LanguageUse,
    Locality,
    Measure,
    Operation,
    Persona,
    PlaceRole,
    Region,
    Report,
    Share,
    Source,
    Target,
    TargetEvent,
    TargetOrganisation,
    TargetStatus,
    Venue,
    VenueRole,
    parse_period,
    stix,
)
from opsmodel import json as ojson
from opsmodel.testing import (
    artefacts,
    fronts,
    impersonations,
    language_uses,
    localities,
    operations,
    personas,
    targets,
    venues,
)
from opsmodel.validation import iter_errors

from ._round_trips import assert_round_trips
from ._venues_fixture import places_report

LAB = Source(id="lab", publisher="Lab", title="Operation Example")


def _operation(**facts: Any) -> Operation:
    return Operation(id="example", name="Example", sources=[LAB], **facts)


def _report(*operations_: Operation) -> Report:
    return Report(id="lab-2025", title="Report", publisher="Lab", published=FuzzyDate.of(2025, 5, 30), operations=operations_)


def _codes(operation: Operation) -> list[str]:
    return [problem.code for problem in iter_errors(_report(operation))]


def _objects(report: Report, flavour: str, kind: str) -> list[dict[str, Any]]:
    return [obj for obj in stix.to_stix(report, flavour=flavour)["objects"] if obj["type"] == kind]


# --- files written before the change still load ------------------------------------------------


@pytest.fixture(scope="module")
def v11(shared_data: Path) -> Path:
    return shared_data / "v1.1"


def test_a_1_1_document_from_before_venues_loads_unchanged(v11: Path) -> None:
    loaded = ojson.loads((v11 / "report.json").read_text(encoding="utf-8"))
    assert loaded == places_report()
    target = loaded.operations[0].targets[0]
    assert (target.role, target.status, target.event, target.organisation, target.since) == (
        PlaceRole.TARGET,
        TargetStatus.STATED,
        None,
        None,
        None,
    )
    assert loaded.operations[0].languages[1] == Language(code="zh", script="Hant")
    assert (loaded.operations[0].language_uses, loaded.operations[0].other_languages) == ((), False)


def test_a_1_1_json_lines_file_from_before_venues_loads_unchanged(v11: Path) -> None:
    with (v11 / "operations.jsonl").open(encoding="utf-8") as handle:
        assert ojson.load_report_lines(handle) == places_report()


@pytest.mark.parametrize("name", ["report.stix.json", "report.opencti.stix.json"])
def test_a_1_1_bundle_from_before_venues_loads_unchanged(v11: Path, name: str) -> None:
    assert stix.loads((v11 / name).read_text(encoding="utf-8")) == places_report()


def test_a_1_1_document_from_before_venues_is_written_again_as_it_was(v11: Path) -> None:
    # new fields default to "not said" and are left out, so the document reads and writes the same
    text = (v11 / "report.json").read_text(encoding="utf-8")
    assert std_json.loads(ojson.dumps(ojson.loads(text))) == std_json.loads(text)


# --- item 5: venues ------------------------------------------------------------------------------


def test_platforms_known_only_by_description_and_counts_of_them() -> None:
    others = Venue(description="other social media platforms")
    many = Venue(kind="forum", description="platforms and forums", count="more than 40")
    assert (others.kind.value, others.role, others.third_party) == ("platform", VenueRole.OWN, False)
    assert many.count == Count.more_than(40, wording="more than 40")
    assert str(many) == "more than 40 platforms and forums"
    assert _codes(_operation(venues=[others, many], assets=[])) == ["OPS211", "OPS211"]


def test_third_party_venues_hosting_features_and_periods() -> None:
    outlet = Venue(kind="news_outlet", role="placed", name="The Daily Example", identifiers=["dailyexample.test"])
    cross = Venue(kind="state_media", role="amplified", name="Example State TV")
    host = Venue(kind="hosting_provider", role="infrastructure", name="Example Hosting")
    facebook = Venue(platform="Facebook", features=["ads", "comments", "live video"], sources=["lab"])
    assert all(venue.third_party for venue in (outlet, cross, host))
    assert not facebook.third_party
    assert [feature.value for feature in facebook.features] == ["ads", "comments", "live_video"]
    dated = attrs.evolve(facebook, period=parse_period("from January 2023 to mid-2024"))
    assert dated.period is not None
    assert str(dated.period.start) == "2023-01"


def test_a_venue_needs_a_platform_a_name_or_a_description() -> None:
    with pytest.raises(FieldError, match=r"Venue.description: neither platform, name nor description given"):
        Venue(kind="forum")
    with pytest.raises(FieldError, match=r"Venue.features\[1\]: 'hologram' is not a PlatformFeature"):
        Venue(name="x", features=["ads", "hologram"])


def test_venue_rules_catch_a_counted_named_venue_and_a_third_party_own_platform() -> None:
    counted = Venue(platform="Telegram", count=12, sources=["lab"])
    assert _codes(_operation(venues=[counted])) == ["OPS906"]
    mixed = _operation(
        assets=[Asset(platform="x", sources=["lab"])], venues=[Venue(platform="x", role="amplified", sources=["lab"])]
    )
    assert _codes(mixed) == ["OPS907"]
    late = Venue(name="The Daily Example", role="placed", period=parse_period("2026"), sources=["lab"])
    assert "OPS103" in _codes(_operation(venues=[late]))


# --- item 7: personas, fronts, impersonations, artefacts -----------------------------------------


def test_personas_fronts_impersonations_and_artefacts_on_an_invented_operation() -> None:
    operation = _operation(
        personas=[
            Persona(posed_as="nurses", wording="posed as nurses, retirees and shop owners", sources=["lab"]),
            Persona(posed_as="retirees", place="US", count="dozens", sources=["lab"]),
            Persona(posed_as="Jewish students", platforms=["X", "Instagram"], sources=["lab"]),
        ],
        fronts=[
            Front(
                name="Example Institute", presents_as="think_tank", self_description="an independent think tank", sources=["lab"]
            )
        ],
        impersonations=[
            Impersonation(
                name="Der Spiegel",
                methods=["cloned_site", "lookalike_domain"],
                place="DE",
                identifiers=["spiegel.ltd"],
                sources=["lab"],
            )
        ],
        artefacts=[
            Artefact(
                kind="documentary",
                title="The Example Truth",
                description="a fake documentary",
                platforms=["YouTube"],
                reach=[Measure(of="views", count="more than 3 million", platform="YouTube")],
                sources=["lab"],
            )
        ],
    )
    assert [str(p) for p in operation.personas] == ["posed as nurses", "posed as retirees", "posed as Jewish students"]
    assert operation.personas[1].place == Country(code="US")
    assert str(operation.fronts[0]) == "Example Institute (think tank)"
    assert operation.artefacts[0].reach[0].count == Count.more_than(3_000_000, wording="more than 3 million")
    assert _codes(operation) == []


def test_persona_rules_catch_a_front_that_is_impersonated_and_reach_elsewhere() -> None:
    both = _operation(
        fronts=[Front(name="Der Spiegel", sources=["lab"])], impersonations=[Impersonation(name="der spiegel", sources=["lab"])]
    )
    assert _codes(both) == ["OPS905"]
    film = Artefact(
        kind="film", title="F", platforms=["YouTube"], reach=[Measure(of="views", count=10, platform="TikTok")], sources=["lab"]
    )
    assert _codes(_operation(artefacts=[film])) == ["OPS904"]
    with pytest.raises(FieldError, match=r"Artefact.description: neither title nor description given"):
        Artefact(kind="film")


def test_impersonated_outlets_and_fronts_are_stix_identities() -> None:
    operation = _operation(
        fronts=[Front(name="Example Institute", presents_as="think_tank", self_description="an independent think tank")],
        impersonations=[Impersonation(name="Der Spiegel", methods=["cloned_site"])],
        venues=[Venue(kind="news_outlet", role="placed", name="The Daily Example")],
    )
    for flavour in ("stix", "opencti"):
        identities = {obj["name"]: obj for obj in _objects(_report(operation), flavour, "identity")}
        assert identities["Der Spiegel"]["identity_class"] == "organization"
        assert identities["Example Institute"]["description"] == "an independent think tank"
        relationships = {obj["description"] for obj in _objects(_report(operation), flavour, "relationship")}
        assert "impersonated by the operation (cloned site)" in relationships
        assert "placed venue of the operation: The Daily Example" in relationships


# --- item 8: what a place is to the operation ------------------------------------------------


def test_localities_roles_events_organisations_and_statuses() -> None:
    comrat = Locality(name="Comrat", country="Moldova", subdivision="MD-GA")
    assert (comrat.country.code, str(comrat)) == ("MD", "Comrat, MD-GA")
    election = TargetEvent(name="the 2024 presidential election", kind="election", date="20 October 2024")
    targets_ = [
        Target(place=comrat, event=election, sources=["lab"]),
        Target(place="UA", role="topic", sources=["lab"]),
        Target(
            organisation=TargetOrganisation(name="NATO", kind="international_organisation"), status="inferred", sources=["lab"]
        ),
        Target(place="DE", since="2025", status="planned", sources=["lab"]),
        Target(place=Region(name="the Baltic States", members=["EE", "LV", "LT"], members_basis="inferred"), sources=["lab"]),
    ]
    assert [t.aimed_at for t in targets_] == [True, False, True, True, True]
    assert str(targets_[0]) == "the 2024 presidential election (2024-10-20) in Comrat, MD-GA"
    assert str(targets_[1]) == "UA (topic)"
    assert targets_[3].since == FuzzyDate.of(2025, wording="2025")
    assert _codes(_operation(targets=targets_)) == []


def test_a_locality_is_never_given_a_code_and_stays_in_its_country() -> None:
    with pytest.raises(FieldError, match=r"Locality.subdivision: 'DE-BY' is in DE; expected a subdivision of FR"):
        Locality(name="Munich", country="FR", subdivision="DE-BY")
    assert "code" not in {field.name for field in attrs.fields(Locality)}
    with pytest.raises(FieldError, match=r"Target.audience: neither place nor audience, event or organisation given"):
        Target(role="topic")


def test_a_members_basis_without_members_is_pointed_out() -> None:
    region = Region(name="the Sahel", members_basis="stated")
    assert _codes(_operation(targets=[Target(place=region, sources=["lab"])])) == ["OPS901"]


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_places_map_to_stix_locations_cities_and_targets(flavour: str) -> None:
    operation = _operation(
        targets=[
            Target(place=Locality(name="Marseille", country="FR", subdivision="FR-PAC")),
            Target(place="UA", role="topic"),
            Target(organisation=TargetOrganisation(name="Party of Example", kind="political_party"), status="planned"),
        ]
    )
    report = _report(operation)
    city = next(obj for obj in _objects(report, flavour, "location") if obj.get("city"))
    assert (city["city"], city["country"], city["administrative_area"]) == ("Marseille", "FR", "FR-PAC")
    assert ("x_opencti_location_type" in city) == (flavour == "opencti")
    if flavour == "opencti":
        assert city["x_opencti_location_type"] == "City"
    kinds = {(obj["relationship_type"], obj.get("description")) for obj in _objects(report, flavour, "relationship")}
    assert ("related-to", "topic of the operation, not a target") in kinds
    assert ("targets", "planned target") in kinds
    assert ("targets", None) in kinds  # the city: an ordinary target keeps an ordinary relationship


def test_a_foreign_city_location_reads_as_a_locality() -> None:
    from opsmodel._formats.stix.foreign import _place

    assert _place({"type": "location", "city": "Lyon", "country": "FR"}) == Locality(name="Lyon", country="FR")
    assert _place({"type": "location", "city": "Lyon", "country": "FR", "administrative_area": "DE-BY"}) == Locality(
        name="Lyon", country="FR"
    )


# --- item 13: languages -----------------------------------------------------------------------


def test_language_roles_extents_shares_since_and_false_flag_scripts() -> None:
    uses = [
        LanguageUse(language="Russian", roles=["published"], extent="mostly", sources=["lab"]),
        LanguageUse(language="German", roles=["published"], extent="little", share="5%", sources=["lab"]),
        LanguageUse(language="zh", roles=["prompts"], sources=["lab"]),
        LanguageUse(language="en", roles=["translated_from"], since="March 2024", sources=["lab"]),
        LanguageUse(script="Cyrillic", roles=["false_flag"], wording="Cyrillic comments left in the code", sources=["lab"]),
    ]
    operation = _operation(languages=["ru", "de"], other_languages=True, language_uses=uses)
    assert uses[4].script == "Cyrl"
    assert uses[4].language is None
    assert uses[1].share == Share.percent(5, wording="5%")
    assert str(uses[4]) == "script Cyrl (false flag)"
    assert _codes(operation) == []
    # the plain list stays what it was: the content's languages
    assert operation.languages == (Language(code="ru"), Language(code="de"))


def test_language_rules_catch_an_extent_against_its_share_and_an_unlisted_language() -> None:
    mostly = LanguageUse(language="ru", roles=["published"], extent="mostly", share="20%", sources=["lab"])
    assert _codes(_operation(languages=["ru"], language_uses=[mostly])) == ["OPS902"]
    only = LanguageUse(language="ru", extent="only", share="over 60%", sources=["lab"])
    assert _codes(_operation(language_uses=[only])) == []  # "over 60%" may be all of it
    unlisted = LanguageUse(language="fr", roles=["published"], sources=["lab"])
    assert _codes(_operation(languages=["ru"], language_uses=[unlisted])) == ["OPS903"]
    with pytest.raises(FieldError, match=r"LanguageUse.script: neither language nor script given"):
        LanguageUse(roles=["prompts"])


# --- round trips: JSON, JSON Lines, both STIX flavours ----------------------------------------


@st.composite
def _with_presence(draw: st.DrawFn) -> Report:
    operation = draw(operations(max_facts=1))
    ids = tuple(source.id for source in operation.sources) or None
    operation = attrs.evolve(
        operation,
        venues=draw(st.lists(venues(source_ids=ids), min_size=1, max_size=2)),
        personas=draw(st.lists(personas(source_ids=ids), max_size=2)),
        fronts=draw(st.lists(fronts(source_ids=ids), max_size=2)),
        impersonations=draw(st.lists(impersonations(source_ids=ids), min_size=1, max_size=2)),
        artefacts=draw(st.lists(artefacts(source_ids=ids), max_size=1)),
        targets=draw(st.lists(targets(source_ids=ids), min_size=1, max_size=3)),
        language_uses=draw(st.lists(language_uses(source_ids=ids), min_size=1, max_size=2)),
    )
    return Report(id="r", title="t", publisher="p", operations=[operation])


@pytest.mark.slow
@settings(max_examples=25)
@given(report=_with_presence(), flavour=st.sampled_from(["stix", "opencti"]))
def test_venues_personas_places_and_languages_round_trip(report: Report, flavour: str) -> None:
    assert_round_trips(report, flavour=flavour)


@settings(max_examples=30)
@given(place=localities())
def test_localities_keep_their_country_and_map_to_a_stix_city(place: Locality) -> None:
    assert place.subdivision is None or place.subdivision.country == place.country
    report = _report(_operation(targets=[Target(place=place)]))
    assert stix.from_stix(stix.to_stix(report)) == report
    city = next(obj for obj in _objects(report, "stix", "location") if obj.get("city"))
    assert city["city"] == place.name


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_a_report_with_every_presence_fact_satisfies_the_judges(flavour: str) -> None:
    from ._stix_judges import assert_validator_clean, stix2_parse

    operation = _operation(
        targets=[
            Target(place=Locality(name="Kosovska Mitrovica", country="XK")),
            Target(place=Locality(name="Comrat", country="MD", subdivision="MD-GA"), role="impersonated_locale"),
            Target(organisation=TargetOrganisation(name="NATO"), event=TargetEvent(name="a NATO summit", kind="summit")),
            Target(event=TargetEvent(name="the 2024 election", kind="election", date="2024-06")),
        ],
        venues=[
            Venue(kind="news_outlet", role="placed", name="The Daily Example", period=parse_period("2023")),
            Venue(description="other social media platforms", count="more than 40"),
        ],
        personas=[Persona(posed_as="nurses", place="US")],
        fronts=[Front(name="Example Institute", presents_as="influencer")],
        impersonations=[Impersonation(name="A Real Person", kind="person", methods=["fake_account"])],
        artefacts=[Artefact(kind="film", title="F", reach=[Measure(of="views", count=10)])],
        language_uses=[LanguageUse(script="Cyrl", roles=["false_flag"]), LanguageUse(language="ru", share="80%")],
        other_languages=True,
    )
    bundle = stix.to_stix(_report(operation), flavour=flavour)
    assert_validator_clean(bundle)
    stix2_parse(bundle)
    assert stix.from_stix(bundle) == _report(operation)
