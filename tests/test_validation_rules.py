"""Every built-in rule fires on a minimal bad case, at the right path, and is silent on good data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest

import opsmodel as om
from opsmodel import (
    Actor,
    Alias,
    Asset,
    AssetKind,
    Attribution,
    AttributionRole,
    Confidence,
    Count,
    DateClaim,
    Disruption,
    DisruptionAction,
    FuzzyDate,
    Impact,
    ImpactQualifier,
    Measure,
    Operation,
    Period,
    Relation,
    RelationKind,
    RelativeDate,
    Report,
    Share,
    Source,
    Tactic,
    Target,
    TechniqueRef,
    TechniqueUse,
    examples,
    parse_period,
)
from opsmodel.validation import RULES, RULES_BY_CODE, Finding, iter_errors

from ._conduct_cases import CONDUCT_CASES

S = ("src",)
SOURCE = Source(id="src", publisher="Publisher", published=FuzzyDate.of(2024, 5, 30))
PUBLISHED = FuzzyDate.of(2024, 5, 30)


def op(**facts: Any) -> Operation:
    base: dict[str, Any] = {"id": "op", "name": "Op", "sources": (SOURCE,)}
    base.update(facts)
    return Operation(**base)


def report(*operations: Operation, published: FuzzyDate | None = PUBLISHED) -> Report:
    return Report(id="rep", title="A report", publisher="Publisher", published=published, operations=operations)


def start(*args: int, **kwargs: Any) -> Period:
    return Period(start=FuzzyDate.of(*args, **kwargs))


class FakeCatalogue:
    """The duck-typed catalogue validation accepts (see opsmodel._validation.catalogues)."""

    framework = "disarm"
    version = "v1.6"
    removed = frozenset({"T0019"})
    names: ClassVar[dict[str, str]] = {
        "T0085.001": "Develop AI-Generated Text",
        "T0049": "Flood Information Space",
        "TA06": "Develop Content",
        "TA17": "Maximise Exposure",
    }
    owners: ClassVar[dict[str, tuple[str, ...]]] = {"T0085.001": ("TA06",), "T0049": ("TA17",)}

    def get(self, key: str) -> str | None:
        return self.names.get(key)

    def tactics_of(self, technique_id: str) -> tuple[str, ...]:
        return self.owners.get(technique_id, ())


# (code, bad data, path of the expected finding, good data); each pair differs only in the defect.
CASES: list[tuple[str, Callable[[], Report | Operation], str, Callable[[], Report | Operation]]] = [
    (
        "OPS101",
        lambda: op(activity=start(2023, 5), detected=start(2023, 3)),
        "$.detected.start",
        lambda: op(activity=start(2023, 5), detected=start(2023, 6)),
    ),
    (
        "OPS102",
        lambda: op(
            activity=start(2023, 5), disruptions=[Disruption(by="X", action="accounts_banned", date="2023-01", sources=S)]
        ),
        "$.disruptions[0].date",
        lambda: op(
            activity=start(2023, 5), disruptions=[Disruption(by="X", action="accounts_banned", date="2023-07", sources=S)]
        ),
    ),
    (
        "OPS103",
        lambda: report(op(activity=Period(start=FuzzyDate.of(2023), end=FuzzyDate.of(2024, 7)))),
        "$.operations[0].activity.end",
        lambda: report(op(activity=Period(start=FuzzyDate.of(2023), end=FuzzyDate.of(2024, 5)))),
    ),
    (
        "OPS104",
        lambda: report(op(sources=[attrs.evolve(SOURCE, published=FuzzyDate.of(2024, 8))])),
        "$.operations[0].sources[0].published",
        lambda: report(op(sources=[attrs.evolve(SOURCE, published=FuzzyDate.of(2024, 5))])),
    ),
    (
        "OPS105",
        lambda: op(
            detected=start(2023, 6), disruptions=[Disruption(by="Meta", action="pages_removed", date="2023-05", sources=S)]
        ),
        "$.disruptions[0].date",
        lambda: op(
            detected=start(2023, 6), disruptions=[Disruption(by="Meta", action="pages_removed", date="2023-06", sources=S)]
        ),
    ),
    (
        "OPS106",
        lambda: op(
            activity=start(2023), attributions=[Attribution(claimant="Meta", countries=["RU"], claimed="2022", sources=S)]
        ),
        "$.attributions[0].claimed",
        lambda: op(
            activity=start(2023), attributions=[Attribution(claimant="Meta", countries=["RU"], claimed="2024", sources=S)]
        ),
    ),
    (
        "OPS107",
        lambda: op(activity=Period(start=RelativeDate(amount=3, unit="month"))),
        "$.activity.start",
        lambda: report(op(activity=Period(start=RelativeDate(amount=3, unit="month")))),
    ),
    (
        "OPS201",
        lambda: report(op(relations=[Relation(kind="overlaps_with", other="ghost", sources=S)])),
        "$.operations[0].relations[0].other",
        lambda: report(op(relations=[Relation(kind="overlaps_with", other="ghost", sources=S)]), op(id="ghost", name="Ghost")),
    ),
    (
        "OPS202",
        lambda: op(relations=[Relation(kind="overlaps_with", other="ghost", sources=S)]),
        "$.relations[0].other",
        lambda: op(),
    ),
    (
        "OPS203",
        lambda: op(relations=[Relation(kind=RelationKind.SAME_AS, other="op", sources=S)]),
        "$.relations[0].other",
        lambda: op(relations=[Relation(kind=RelationKind.SAME_AS, other="other", sources=S)]),
    ),
    (
        "OPS204",
        lambda: op(attributions=[Attribution(claimant="OpenAI", actor="ghost", sources=S)]),
        "$.attributions[0].actor",
        lambda: op(
            actors=[Actor(id="ghost", name="Ghost", sources=S)],
            attributions=[Attribution(claimant="OpenAI", actor="ghost", sources=S)],
        ),
    ),
    (
        "OPS205",
        lambda: op(
            actors=[Actor(id="firm", name="Firm", sources=S)],
            attributions=[Attribution(claimant="Meta", role="contractor", actor="firm", client="ghost", sources=S)],
        ),
        "$.attributions[0].client",
        lambda: op(
            actors=[Actor(id="firm", name="Firm", sources=S), Actor(id="ghost", name="Client", sources=S)],
            attributions=[Attribution(claimant="Meta", role="contractor", actor="firm", client="ghost", sources=S)],
        ),
    ),
    (
        "OPS206",
        lambda: op(
            actors=[Actor(id="firm", name="Firm", sources=S)],
            attributions=[Attribution(claimant="Meta", role="contractor", actor="firm", client="firm", sources=S)],
        ),
        "$.attributions[0].client",
        lambda: op(
            actors=[Actor(id="firm", name="Firm", sources=S)],
            attributions=[Attribution(claimant="Meta", role="contractor", actor="firm", sources=S)],
        ),
    ),
    (
        "OPS207",
        lambda: op(
            actors=[Actor(id="firm", name="Firm", sources=S), Actor(id="gov", name="Gov", sources=S)],
            attributions=[Attribution(claimant="Meta", role=AttributionRole.ORIGIN, actor="firm", client="gov", sources=S)],
        ),
        "$.attributions[0].role",
        lambda: op(
            actors=[Actor(id="firm", name="Firm", sources=S), Actor(id="gov", name="Gov", sources=S)],
            attributions=[Attribution(claimant="Meta", role=AttributionRole.CONTRACTOR, actor="firm", client="gov", sources=S)],
        ),
    ),
    (
        "OPS208",
        lambda: op(actors=[Actor(id="unit", name="Unit", parent="agency", sources=S)]),
        "$.actors[0].parent",
        lambda: op(
            actors=[Actor(id="unit", name="Unit", parent="agency", sources=S), Actor(id="agency", name="Agency", sources=S)]
        ),
    ),
    (
        "OPS209",
        lambda: op(actors=[Actor(id="a", name="A", parent="b", sources=S), Actor(id="b", name="B", parent="a", sources=S)]),
        "$.actors[0].parent",
        lambda: op(actors=[Actor(id="a", name="A", parent="b", sources=S), Actor(id="b", name="B", sources=S)]),
    ),
    (
        "OPS210",
        lambda: op(targets=[Target(place="US", sources=["src", "nope"])]),
        "$.targets[0].sources[1]",
        lambda: op(targets=[Target(place="US", sources=["src"])]),
    ),
    (
        "OPS211",
        lambda: op(targets=[Target(place="US")]),
        "$.targets[0].sources",
        lambda: op(targets=[Target(place="US", sources=S)]),
    ),
    ("OPS212", lambda: op(sources=()), "$.sources", lambda: op()),
    (
        "OPS301",
        lambda: report(op(), op(name="Other")),
        "$.operations[1].id",
        lambda: report(op(), op(id="other", name="Other")),
    ),
    (
        "OPS302",
        lambda: op(sources=[SOURCE, attrs.evolve(SOURCE, title="Another")]),
        "$.sources[1].id",
        lambda: op(sources=[SOURCE, attrs.evolve(SOURCE, id="src2")]),
    ),
    (
        "OPS303",
        lambda: op(actors=[Actor(id="a", name="A", sources=S), Actor(id="a", name="B", sources=S)]),
        "$.actors[1].id",
        lambda: op(actors=[Actor(id="a", name="A", sources=S), Actor(id="b", name="B", sources=S)]),
    ),
    (
        "OPS304",
        lambda: op(aliases=[Alias(name="Storm-1516", sources=S), Alias(name="storm-1516", sources=S)]),
        "$.aliases[1].name",
        lambda: op(aliases=[Alias(name="Storm-1516", sources=S), Alias(name="Storm-1516", used_by="Microsoft", sources=S)]),
    ),
    (
        "OPS305",
        lambda: op(techniques=[TechniqueUse(technique="T0049", sources=S), TechniqueUse(technique="T0049", sources=S)]),
        "$.techniques[1].technique",
        lambda: op(
            techniques=[
                TechniqueUse(technique="T0049", procedure="comments", sources=S),
                TechniqueUse(technique="T0049", procedure="replies", sources=S),
            ]
        ),
    ),
    (
        "OPS306",
        lambda: op(assets=[Asset(platform="X", count=3, sources=S), Asset(platform="Twitter", count=4, sources=S)]),
        "$.assets[1]",
        lambda: op(assets=[Asset(platform="X", count=3, sources=S), Asset(platform="X", kind="page", count=4, sources=S)]),
    ),
    (
        "OPS307",
        lambda: op(topics=["Ukraine", "Gaza", "Ukraine"]),
        "$.topics[2]",
        lambda: op(topics=["Ukraine", "Gaza"]),
    ),
    (
        "OPS308",
        lambda: report(op(), op(id="other", name="OP")),
        "$.operations[1].name",
        lambda: report(op(), op(id="other", name="Op (RRN)")),
    ),
    (
        "OPS401",
        lambda: op(
            assets=[Asset(platform="X", sources=S), Asset(platform="Telegram", sources=S)],
            impacts=[Impact(category=1, sources=S)],
        ),
        "$.impacts[0].category",
        lambda: op(
            assets=[Asset(platform="X", sources=S), Asset(platform="Telegram", sources=S)],
            impacts=[Impact(category=2, sources=S)],
        ),
    ),
    (
        "OPS402",
        lambda: op(
            assets=[Asset(platform="Telegram", sources=S)],
            targets=[Target(place="UA", sources=S)],
            impacts=[Impact(category=2, sources=S)],
        ),
        "$.impacts[0].category",
        lambda: op(
            assets=[Asset(platform="Telegram", sources=S)],
            targets=[Target(place="UA", sources=S), Target(place="MD", sources=S)],
            impacts=[Impact(category=2, sources=S)],
        ),
    ),
    (
        "OPS403",
        lambda: op(assets=[Asset(platform="Telegram", sources=S)], impacts=[Impact(category=3, sources=S)]),
        "$.impacts[0].category",
        lambda: op(assets=[Asset(platform="Telegram", sources=S)], impacts=[Impact(category=3, qualifier="at_most", sources=S)]),
    ),
    (
        "OPS501",
        lambda: op(
            assets=[Asset(platform="X", count=20, sources=S)],
            disruptions=[Disruption(by="X", action="accounts_banned", platform="X", count=100, sources=S)],
        ),
        "$.disruptions[0].count",
        lambda: op(
            assets=[Asset(platform="X", count="at least 20", sources=S)],
            disruptions=[Disruption(by="X", action="accounts_banned", platform="X", count=100, sources=S)],
        ),
    ),
    (
        "OPS502",
        lambda: op(assets=[Asset(platform="X", count=2, identifiers=["@a", "@b", "@c"], sources=S)]),
        "$.assets[0].count",
        lambda: op(assets=[Asset(platform="X", count=3, identifiers=["@a", "@b", "@c"], sources=S)]),
    ),
    (
        "OPS503",
        lambda: op(assets=[Asset(platform="X", count=0, followers=10, sources=S)]),
        "$.assets[0].followers",
        lambda: op(assets=[Asset(platform="X", count=1, followers=10, sources=S)]),
    ),
    (
        "OPS504",
        lambda: op(measures=[Measure(of="assets", asset_kind="channel", share=Share.percent(120), sources=S)]),
        "$.measures[0].share",
        lambda: op(measures=[Measure(of="assets", asset_kind="channel", share=Share.percent(75), sources=S)]),
    ),
    (
        "OPS505",
        lambda: op(
            measures=[
                Measure(of="followers", count="at most 9,000", sources=S),
                Measure(of="followers", scope="largest", item="assets", asset_kind="page", count=40_000, sources=S),
            ]
        ),
        "$.measures[1].count",
        lambda: op(
            measures=[
                Measure(of="followers", count="at most 90,000", sources=S),
                Measure(of="followers", scope="largest", item="assets", asset_kind="page", count=40_000, sources=S),
            ]
        ),
    ),
    (
        "OPS506",
        lambda: op(
            measures=[
                Measure(of="replies", stage="produced", count=150, sources=S),
                Measure(of="replies", stage="observed", count=200, sources=S),
            ]
        ),
        "$.measures[1].count",
        lambda: op(
            measures=[
                Measure(of="replies", stage="produced", count=150, sources=S),
                Measure(of="replies", stage="observed", count="fewer than 150", sources=S),
            ]
        ),
    ),
    (
        "OPS507",
        lambda: op(
            assets=[Asset(platform="Facebook", kind="page", count=12, followers="at most 9,000", sources=S)],
            measures=[
                Measure(of="followers", scope="largest", item="assets", asset_kind="page", count=40_000, platform="Facebook")
            ],
        ),
        "$.measures[0].count",
        lambda: op(
            assets=[Asset(platform="Facebook", kind="page", count=12, followers="at most 90,000", sources=S)],
            measures=[
                Measure(of="followers", scope="largest", item="assets", asset_kind="page", count=40_000, platform="Facebook")
            ],
        ),
    ),
    (
        "OPS601",
        lambda: op(techniques=[TechniqueUse(technique="T9999", sources=S)]),
        "$.techniques[0].technique.id",
        lambda: op(techniques=[TechniqueUse(technique="T0049", sources=S)]),
    ),
    (
        "OPS602",
        lambda: op(techniques=[TechniqueUse(technique="T0019", sources=S)]),
        "$.techniques[0].technique.id",
        lambda: op(techniques=[TechniqueUse(technique="T0049", sources=S)]),
    ),
    (
        "OPS603",
        lambda: op(techniques=[TechniqueUse(technique=TechniqueRef.disarm("T0049", "Develop AI-Generated Text"), sources=S)]),
        "$.techniques[0].technique.name",
        lambda: op(techniques=[TechniqueUse(technique=TechniqueRef.disarm("T0049", "flood information space"), sources=S)]),
    ),
    (
        "OPS604",
        lambda: op(techniques=[TechniqueUse(technique="T0049", tactic=Tactic(framework="disarm", id="TA99"), sources=S)]),
        "$.techniques[0].tactic.id",
        lambda: op(techniques=[TechniqueUse(technique="T0049", tactic=Tactic(framework="disarm", id="TA17"), sources=S)]),
    ),
    (
        "OPS605",
        lambda: op(techniques=[TechniqueUse(technique="T0049", tactic=Tactic(framework="disarm", id="TA06"), sources=S)]),
        "$.techniques[0].tactic.id",
        lambda: op(techniques=[TechniqueUse(technique="T0049", tactic=Tactic(framework="disarm", id="TA17"), sources=S)]),
    ),
    (
        "OPS108",
        lambda: op(activity=start(2023, 5), date_claims=[DateClaim(event="activity_start", date="2021", sources=S)]),
        "$.date_claims[0].date",
        lambda: op(activity=start(2021), date_claims=[DateClaim(event="activity_start", date="2021", sources=S)]),
    ),
    (
        "OPS109",
        lambda: op(activity=Period(start="2019", end="2020", length="five years")),
        "$.activity.length",
        lambda: op(activity=Period(start="2019", end="2020", length="almost three years")),
    ),
    (
        "OPS701",
        lambda: op(sources=(SOURCE, Source(id="blog", role="summary", covers="full-report"))),
        "$.sources[1].covers",
        lambda: op(sources=(SOURCE, Source(id="blog", role="summary", covers="src"))),
    ),
    (
        "OPS702",
        lambda: op(relations=[Relation(kind="same_as", other="doppelganger", described_in="meta-2022", sources=S)]),
        "$.relations[0].described_in",
        lambda: op(relations=[Relation(kind="same_as", other="doppelganger", described_in="src", sources=S)]),
    ),
    (
        "OPS703",
        lambda: op(
            relations=[
                Relation(kind="sibling_of", other="b", described_in="src", sources=S),
                Relation(kind="no_link_asserted", other="b", described_in="src", sources=S),
            ]
        ),
        "$.relations[1].kind",
        lambda: op(
            relations=[
                Relation(kind="sibling_of", other="b", claimant="Meta", described_in="src", sources=S),
                Relation(kind="no_link_asserted", other="b", described_in="src", sources=S),
            ]
        ),
    ),
    (
        "OPS704",
        lambda: op(attributions=[Attribution(claimant="Meta", stance="declines", countries=["RU"], sources=S)]),
        "$.attributions[0].stance",
        lambda: op(attributions=[Attribution(claimant="Meta", stance="declines", sources=S)]),
    ),
    (
        "OPS705",
        lambda: op(
            attributions=[
                Attribution(claimant="Meta", countries=["RU"], confidence=Confidence(score=30, likelihood="likely"), sources=S)
            ]
        ),
        "$.attributions[0].confidence.score",
        lambda: op(
            attributions=[
                Attribution(claimant="Meta", countries=["RU"], confidence=Confidence(score=70, likelihood="likely"), sources=S)
            ]
        ),
    ),
    (
        "OPS706",
        lambda: op(attributions=[Attribution(claimant="Publisher", countries=["RU"], voice="relayed", sources=S)]),
        "$.attributions[0].voice",
        lambda: op(attributions=[Attribution(claimant="Meta", countries=["RU"], voice="relayed", sources=S)]),
    ),
    (
        "OPS707",
        lambda: op(
            attributions=[Attribution(claimant="Meta", role="sponsor", countries=["RU"], awareness="unwitting", sources=S)]
        ),
        "$.attributions[0].awareness",
        lambda: op(
            attributions=[Attribution(claimant="Meta", role="operator", countries=["RU"], awareness="unwitting", sources=S)]
        ),
    ),
    *CONDUCT_CASES,
    # model 1.1: venues, fronts, place roles and language uses (OPS9xx)
    (
        "OPS901",
        lambda: op(targets=[om.Target(place=om.Region(name="the Sahel", members_basis="stated"), sources=S)]),
        "$.targets[0].place.members_basis",
        lambda: op(targets=[om.Target(place=om.Region(name="the Sahel", members=["ML"], members_basis="stated"), sources=S)]),
    ),
    (
        "OPS902",
        lambda: op(language_uses=[om.LanguageUse(language="ru", extent="mostly", share="20%", sources=S)]),
        "$.language_uses[0].share",
        lambda: op(language_uses=[om.LanguageUse(language="ru", extent="mostly", share="80%", sources=S)]),
    ),
    (
        "OPS903",
        lambda: op(languages=["ru"], language_uses=[om.LanguageUse(language="fr", roles=["published"], sources=S)]),
        "$.language_uses[0].language",
        lambda: op(languages=["ru"], language_uses=[om.LanguageUse(language="fr", roles=["prompts"], sources=S)]),
    ),
    (
        "OPS904",
        lambda: op(artefacts=[_film("TikTok")]),
        "$.artefacts[0].reach[0].platform",
        lambda: op(artefacts=[_film("YouTube")]),
    ),
    (
        "OPS905",
        lambda: op(fronts=[om.Front(name="Bild", sources=S)], impersonations=[om.Impersonation(name="BILD", sources=S)]),
        "$.impersonations[0].name",
        lambda: op(fronts=[om.Front(name="Bild News", sources=S)], impersonations=[om.Impersonation(name="Bild", sources=S)]),
    ),
    (
        "OPS906",
        lambda: op(venues=[om.Venue(name="The Daily Example", count=3, sources=S)]),
        "$.venues[0].count",
        lambda: op(venues=[om.Venue(name="Example Group", description="the group's outlets", count=3, sources=S)]),
    ),
    (
        "OPS907",
        lambda: op(assets=[Asset(platform="x", sources=S)], venues=[om.Venue(platform="x", role="amplified", sources=S)]),
        "$.venues[0].role",
        lambda: op(assets=[Asset(platform="x", sources=S)], venues=[om.Venue(platform="telegram", role="amplified", sources=S)]),
    ),
]


def _film(platform: str) -> om.Artefact:
    return om.Artefact(
        kind="film", title="F", platforms=["YouTube"], reach=[Measure(of="views", count=10, platform=platform)], sources=S
    )


def _findings(obj: Report | Operation, code: str) -> list[Finding]:
    return [f for f in iter_errors(obj, catalogue=FakeCatalogue()) if f.code == code]


def test_every_rule_has_a_case() -> None:
    assert sorted(code for code, *_ in CASES) == sorted(RULES_BY_CODE)


@pytest.mark.parametrize(("code", "bad", "path", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_on_bad_data(
    code: str, bad: Callable[[], Report | Operation], path: str, good: Callable[[], Report | Operation]
) -> None:
    found = _findings(bad(), code)
    assert [f.path for f in found] == [path]
    assert found[0].severity is RULES_BY_CODE[code].severity
    assert found[0].rule == RULES_BY_CODE[code].name
    assert found[0].message


@pytest.mark.parametrize(("code", "bad", "path", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_is_silent_on_good_data(
    code: str, bad: Callable[[], Report | Operation], path: str, good: Callable[[], Report | Operation]
) -> None:
    assert _findings(good(), code) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_finds_no_error_in_the_bundled_example(rule: Any) -> None:
    example = examples.load("openai-2024-05")
    assert [str(f) for f in iter_errors(example, rules=[rule]) if f.is_error] == []


def test_the_bundled_example_is_valid() -> None:
    example = examples.load("openai-2024-05")
    findings = list(iter_errors(example))
    assert not any(f.is_error for f in findings)


# --- soundness on fuzzy data: bounds and approximations never prove an order -----------------


@pytest.mark.parametrize(
    "detected",
    [
        Period(start=FuzzyDate.of(2023, 4, approximate=True)),
        Period(start=FuzzyDate.of(2023, 3, bound="on_or_after")),
        Period(start=FuzzyDate.of(2023)),
    ],
    ids=["approximate", "open-bound", "overlapping-precision"],
)
def test_fuzzy_dates_are_not_called_out_of_order(detected: Period) -> None:
    assert _findings(op(activity=start(2023, 5), detected=detected), "OPS101") == []


def test_approximate_dates_far_apart_are_out_of_order() -> None:
    detected = Period(start=FuzzyDate.of(2023, 1, approximate=True))
    assert [f.path for f in _findings(op(activity=start(2023, 5), detected=detected), "OPS101")] == ["$.detected.start"]


def test_a_closed_bound_can_prove_an_order() -> None:
    # detected "by March 2023" (no later than) while the activity began in May 2023
    detected = Period(start=FuzzyDate.of(2023, 3, bound="on_or_before"))
    assert [f.path for f in _findings(op(activity=start(2023, 5), detected=detected), "OPS101")] == ["$.detected.start"]


def test_activity_since_at_least_never_contradicts_detection() -> None:
    operation = op(activity=parse_period("since at least May 2023"), detected=start(2022))
    assert _findings(operation, "OPS101") == []


def test_relative_dates_are_resolved_against_the_report() -> None:
    # "over the last three months" of a report of 30 May 2024 starts around 29 February 2024
    operation = op(activity=parse_period("over the last three months"), detected=start(2024, 4))
    assert [f.path for f in _findings(report(operation), "OPS101")] == []
    early = op(activity=parse_period("over the last three months"), detected=start(2023, 1))
    assert [f.path for f in _findings(report(early), "OPS101")] == ["$.operations[0].detected.start"]
    assert _findings(early, "OPS101") == []  # alone, the relative start cannot be placed


def test_conditional_and_scoped_ratings_are_not_checked_against_platforms() -> None:
    assets = [Asset(platform="X", sources=S), Asset(platform="Telegram", sources=S)]
    conditional = Impact(category=1, qualifier=ImpactQualifier.CONDITIONAL, condition="if no reposts", sources=S)
    scoped = Impact(category=1, scope="on Telegram", sources=S)
    assert _findings(op(assets=assets, impacts=[conditional, scoped]), "OPS401") == []


def test_unbounded_counts_never_contradict() -> None:
    operation = op(
        assets=[
            Asset(platform="X", count=Count.unknown(), sources=S),
            Asset(platform="X", kind=AssetKind.BOT, count=5, sources=S),
        ],
        disruptions=[Disruption(by="X", action=DisruptionAction.ACCOUNTS_BANNED, platform="X", count=100, sources=S)],
    )
    assert _findings(operation, "OPS501") == []


def test_catalogue_rules_need_a_catalogue() -> None:
    operation = op(techniques=[TechniqueUse(technique="T9999", sources=S)])
    assert [f for f in iter_errors(operation) if f.code.startswith("OPS6")] == []


def test_catalogue_of_another_framework_is_not_consulted() -> None:
    use = TechniqueUse(technique=TechniqueRef(framework="attack", id="T1566"), sources=S)
    assert _findings(op(techniques=[use]), "OPS601") == []


# --- with a real catalogue from opsmodel.taxonomy ------------------------------------------------


def _release(version: str, *technique_ids: str) -> Any:
    from opsmodel.taxonomy import Catalogue, TacticEntry, TechniqueEntry

    names = {"T0049": "Flood Information Space", "T0085": "Develop Text-Based Content", "T0085.001": "Develop AI-Generated Text"}
    tactics = {"T0049": "TA17", "T0085": "TA06", "T0085.001": "TA06"}
    return Catalogue(
        framework="disarm",
        version=version,
        tactics=[TacticEntry(id="TA06", name="Develop Content"), TacticEntry(id="TA17", name="Maximise Exposure")],
        techniques=[
            TechniqueEntry(id=t, name=names[t], tactics=[tactics[t]], parent="T0085" if t == "T0085.001" else None)
            for t in technique_ids
        ],
    )


def test_taxonomy_catalogue_findings_become_ops6xx() -> None:
    old = _release("1.6", "T0049", "T0085", "T0085.001")
    new = _release("1.7", "T0049", "T0085").with_history(old)
    operation = op(
        techniques=[
            TechniqueUse(technique="T0085.001", sources=S),
            TechniqueUse(technique="T0999", sources=S),
            TechniqueUse(technique=TechniqueRef.disarm("T0049", "Develop AI-Generated Text"), sources=S),
            TechniqueUse(technique="T0049", tactic=Tactic(framework="disarm", id="TA99"), sources=S),
            TechniqueUse(technique="T0049", tactic=Tactic(framework="disarm", id="TA06"), sources=S),
            TechniqueUse(technique="T0085", tactic=Tactic(framework="disarm", id="TA06"), sources=S),
        ]
    )
    found = [(f.code, f.path) for f in iter_errors(operation, catalogue=new, select=["OPS6"])]
    assert found == [
        ("OPS601", "$.techniques[1].technique.id"),
        ("OPS602", "$.techniques[0].technique.id"),
        ("OPS603", "$.techniques[2].technique.name"),
        ("OPS604", "$.techniques[3].tactic.id"),
        ("OPS605", "$.techniques[4].tactic.id"),
    ]
    assert list(iter_errors(operation, catalogue=old, select=["OPS602"])) == []


def test_the_bundled_example_against_a_real_disarm_release(shared_data: Any) -> None:
    from opsmodel import taxonomy

    catalogue = taxonomy.load(shared_data / "disarm" / "DISARM-v1.6.json")
    example = examples.load("openai-2024-05")
    assert [str(f) for f in iter_errors(example, catalogue=catalogue) if f.is_error] == []


def test_approximate_dates_at_the_ends_of_the_calendar() -> None:
    operation = op(
        activity=Period(start=FuzzyDate.of(1, approximate=True)),
        detected=Period(start=FuzzyDate.of(9999, 12, 31, approximate=True)),
    )
    assert _findings(operation, "OPS101") == []
