"""Every bundled example survives every format and the judges; Meta's Q1 2024 report as the second one.

The two bundled reports describe two operations alike (STOIC's network, which OpenAI calls Zero
Zeno, and Doppelganger): the corpus of both gives exactly those two clusters, each linked by the
analyst's explicit statement, with the conflicts the two publishers really have.
"""

from __future__ import annotations

import io
import json as stdjson
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opsmodel as om
from opsmodel import examples, misp, stix, taxonomy
from opsmodel.corpus import Cluster, Corpus
from opsmodel.formats import FORMATS
from opsmodel.testing import reports
from opsmodel.validation import iter_errors

from ._corpus_reports import DOPPELGANGER, MICROSOFT, OBSERVATORY
from ._round_trips import assert_round_trips
from ._stix_judges import assert_validator_clean, stix2_parse

NAMES = examples.names()


@pytest.fixture(scope="module")
def meta() -> om.Report:
    return examples.load("meta-2024-q1")


def _keys(cluster: Cluster) -> set[tuple[str, str]]:
    return {(key.report, key.operation) for key in cluster.keys}


# ---------------------------------------------------------------------------------------------
# Every bundled example


def test_both_reports_are_bundled() -> None:
    assert NAMES == ("openai-2024-05", "meta-2024-q1")
    assert {examples.load(name).publisher for name in NAMES} == {"OpenAI", "Meta"}


@pytest.mark.parametrize("name", NAMES)
def test_example_has_no_finding_not_even_a_warning(name: str) -> None:
    assert [str(finding) for finding in iter_errors(examples.load(name))] == []


@pytest.mark.parametrize("name", NAMES)
def test_example_techniques_match_a_real_disarm_release(name: str, shared_data: Path) -> None:
    catalogue = taxonomy.load(shared_data / "disarm" / "DISARM-v1.6.json")
    assert [str(finding) for finding in iter_errors(examples.load(name), catalogue=catalogue)] == []


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
@pytest.mark.parametrize("name", NAMES)
def test_example_round_trips_exactly(name: str, flavour: str) -> None:
    assert_round_trips(examples.load(name), flavour=flavour)


@pytest.mark.parametrize("name", NAMES)
def test_example_reads_back_from_every_format_that_reads(name: str) -> None:
    report = examples.load(name)
    for entry in FORMATS:
        if entry.read is None or entry.write is None:
            continue
        buffer = io.StringIO()
        entry.write(report, buffer)
        assert entry.read(buffer.getvalue()) == report, entry.name


@pytest.mark.slow
@pytest.mark.parametrize("flavour", ["stix", "opencti"])
@pytest.mark.parametrize("name", NAMES)
def test_example_bundles_satisfy_the_stix_judges(name: str, flavour: str) -> None:
    report = examples.load(name)
    bundle = stix.to_stix(report, flavour=flavour)
    assert_validator_clean(bundle)
    stix2_parse(bundle)
    campaigns = {obj["name"] for obj in bundle["objects"] if obj["type"] == "campaign"}
    assert campaigns == {operation.display_name for operation in report}


@pytest.mark.parametrize("name", NAMES)
def test_example_writes_a_misp_event(name: str) -> None:
    event = stdjson.loads(misp.dumps(examples.load(name)))
    assert event["Event"]["info"]


# ---------------------------------------------------------------------------------------------
# Meta's report, as its coverage quotes it


def test_seven_operations_from_six_places_and_doppelganger(meta: om.Report) -> None:
    assert meta.publisher == "Meta"
    assert meta.published == om.FuzzyDate.of(2024, 5, 29)
    assert [operation.id for operation in meta] == [
        "bangladesh",
        "china-sikh",
        "croatia-hdz-youth",
        "iran",
        "israel-stoic",
        "moldova-madagascar",
        "doppelganger",
    ]
    origins = {operation.id: [country.code for country in operation.origin_countries] for operation in meta}
    assert origins == {
        "bangladesh": ["BD"],
        "china-sikh": ["CN"],
        "croatia-hdz-youth": ["HR"],
        "iran": ["IR"],
        "israel-stoic": ["IL"],
        "moldova-madagascar": [],
        "doppelganger": ["RU"],
    }


def test_the_report_was_read_through_its_coverage(meta: om.Report) -> None:
    for operation in meta:
        report = operation.source("meta-2024-q1")
        assert report is not None
        assert report.access is om.SourceAccess.INTERMEDIARY
        coverage = [source for source in operation.sources if source.role is om.SourceRole.NEWS_COVERAGE]
        assert coverage, operation.id
        facts: list[Any] = [
            *operation.attributions,
            *operation.assets,
            *operation.measures,
            *operation.disruptions,
            *operation.ai_uses,
            *operation.targets,
        ]
        # every fact names the article it was read in, besides (or instead of) the report
        assert all(set(fact.sources) - {"meta-2024-q1"} for fact in facts), operation.id


def test_stoic_network_counts_and_followers(meta: om.Report) -> None:
    stoic = meta.operation("israel-stoic")
    assert stoic is not None
    counts = {(asset.platform.id, asset.kind.value): asset.count for asset in stoic.assets}
    assert counts[("facebook", "account")] == om.Count.exact(510)
    assert counts[("facebook", "page")] == om.Count.exact(11)
    assert counts[("instagram", "account")] == om.Count.exact(32)
    assert counts[("x", "account")] == om.Count.unknown()
    followers = [str(measure) for measure in stoic.measures]
    assert followers == ["about 500 followers", "about 2,000 followers", "fewer than 100 members"]
    (linked,) = [claim for claim in stoic.attributions if claim.actor == "stoic"]
    assert linked.role is om.AttributionRole.LINKED


def test_stoic_personas_ban_and_letter_are_typed_not_notes(meta: om.Report) -> None:
    stoic = meta.operation("israel-stoic")
    assert stoic is not None
    assert [persona.posed_as for persona in stoic.personas] == ["Jewish students", "African Americans", "concerned citizens"]
    against_the_firm = {d.action: d.party for d in stoic.disruptions if d.party is not None}
    assert against_the_firm == {om.DisruptionAction.ORGANISATION_BANNED: "STOIC", om.DisruptionAction.LEGAL_LETTER: "STOIC"}
    assert om.DisruptionAction.OTHER not in {d.action for d in stoic.disruptions}
    removals = [d for d in stoic.disruptions if d.party is None]
    assert removals
    assert {d.policy for d in removals} == {"coordinated inauthentic behaviour"}
    assert stoic.notes is not None
    assert "Vietnam" in stoic.notes
    assert "persona" not in stoic.notes


def test_moldova_proxies_are_infrastructure_apart_from_origin(meta: om.Report) -> None:
    network = meta.operation("moldova-madagascar")
    assert network is not None
    (proxies,) = [venue for venue in network.venues if venue.role is om.VenueRole.INFRASTRUCTURE]
    assert "VPN and proxy" in str(proxies)
    assert {str(venue.platform) for venue in network.venues if venue.platform is not None} == {"Telegram", "Vimeo", "Change.org"}
    aimed = {str(target.place) for target in network.targets if target.aimed_at}
    hosted = {str(target.place) for target in network.targets if target.role is om.PlaceRole.VENUE}
    assert (aimed, hosted) == ({"MD", "MG"}, {"LT", "MD-SN"})
    assert network.notes is not None
    assert "Transnistria" not in network.notes


def test_the_non_profit_is_an_organisation(meta: om.Report) -> None:
    bangladesh = meta.operation("bangladesh")
    assert bangladesh is not None
    kinds = {actor.id: actor.kind for actor in bangladesh.actors}
    assert kinds["cri"] is om.ActorKind.ORGANISATION


def test_unknown_origin_is_a_declined_attribution_not_a_guess(meta: om.Report) -> None:
    network = meta.operation("moldova-madagascar")
    assert network is not None
    (claim,) = network.attributions
    assert claim.stance is om.AttributionStance.DECLINES
    assert claim.countries == ()
    assert [str(money) for money in network.ad_spend] == ["about 42,000 USD"]
    assert {language.tag for language in network.languages} == {"ro", "ru", "mg", "fr"}


def test_iran_says_only_what_the_coverage_says(meta: om.Report) -> None:
    iran = meta.operation("iran")
    assert iran is not None
    assert (iran.assets, iran.targets, iran.ai_uses) == ((), (), ())
    # "did not use generative AI" has no typed home: an empty ai_uses means the coverage is silent
    assert iran.notes is not None
    assert "did not use generative AI" in iran.notes
    (removed,) = iran.disruptions
    assert removed.count == om.Count.unknown()


# ---------------------------------------------------------------------------------------------
# The two reports as one corpus


def test_the_corpus_of_both_examples_has_the_two_shared_operations() -> None:
    corpus = Corpus([examples.load(name) for name in NAMES])
    shared = {cluster.id: _keys(cluster) for cluster in corpus.clusters() if len(cluster.records) > 1}
    assert shared == {
        "meta-2024-q1/doppelganger": {("meta-2024-q1", "doppelganger"), ("openai-2024-05", "doppelganger")},
        "meta-2024-q1/israel-stoic": {("meta-2024-q1", "israel-stoic"), ("openai-2024-05", "zero-zeno")},
    }
    assert corpus.unresolved == ()
    assert corpus.namesakes() == ()
    for cluster in corpus.clusters():
        for link in cluster.links:
            # neither publisher names the other's record: each link is the analyst's, with a rationale
            assert link.statement.claimant == "the analyst"
            relation = cluster.records[0].operation.relations[0]
            assert relation.voice is om.Voice.ANALYST
            assert relation.note


def test_the_publishers_conflict_on_when_doppelganger_was_detected() -> None:
    corpus = Corpus([examples.load(name) for name in NAMES])
    (conflict,) = corpus.cluster_of("openai-2024-05", "doppelganger").conflicts()
    assert conflict.fact == "detected.start"
    sides = {value: {claim.claimant for claim in claims} for value, claims in conflict.values}
    assert sides == {"from 2022-08": {"Meta"}, "around 2024-02-29": {"OpenAI"}}
    # on STOIC's network the two agree on every fact stated once (origin IL); the rest accumulates
    stoic = corpus.cluster_of("openai-2024-05", "zero-zeno")
    assert stoic.conflicts() == ()
    assert {claim.claimant for claim in stoic.claims("origin")} == {"Meta", "OpenAI"}
    assert {claim.value for claim in stoic.claims("target")} >= {"US", "CA", "IL", "IN"}


def test_with_the_invented_reports_doppelganger_spans_three_publishers_and_the_analyst() -> None:
    corpus = Corpus([*(examples.load(name) for name in NAMES), MICROSOFT, OBSERVATORY])
    cluster = corpus.cluster_of("meta-2024-q1", "doppelganger")
    assert _keys(cluster) == {*DOPPELGANGER, ("meta-2024-q1", "doppelganger")}
    assert {link.statement.claimant for link in cluster.links} == {"Microsoft", "Invented Observatory", "the analyst"}


def _apart(report: om.Report) -> bool:
    """Whether a generated report stays clear of the examples: another id, no alias naming their publishers."""
    publishers = {"openai", "meta"}
    aliases = (alias for operation in report for alias in operation.aliases)
    return report.id not in NAMES and not any((alias.used_by or "").casefold() in publishers for alias in aliases)


@pytest.mark.slow
@settings(max_examples=15, deadline=None)
@given(st.lists(reports(max_operations=3, max_facts=1).filter(_apart), max_size=3, unique_by=lambda report: report.id))
def test_generated_reports_leave_the_examples_clusters_as_they_are(generated: list[om.Report]) -> None:
    bundled = [examples.load(name) for name in NAMES]
    alone = {cluster.id: _keys(cluster) for cluster in Corpus(bundled).clusters()}
    mixed = {cluster.id: _keys(cluster) for cluster in Corpus([*generated, *bundled]).clusters()}
    assert {key: mixed[key] for key in alone} == alone
