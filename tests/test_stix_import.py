"""Importing bundles written by other tools: best effort, with every loss reported, never silent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import stix2

from opsmodel import Country, Region, Subdivision, TechniqueRef, stix


def _foreign_bundle() -> dict[str, Any]:
    """A bundle as another tool (here the stix2 library) writes it: a report on one campaign."""
    vendor = stix2.Identity(name="Vendor Lab", identity_class="organization")
    actor = stix2.ThreatActor(name="Storm-1679", threat_actor_types=["nation-state"], aliases=["Ruckus"])
    intrusion = stix2.IntrusionSet(name="Doppelganger network", first_seen="2022-05-01T00:00:00Z")
    russia = stix2.Location(country="RU", name="Russia")
    ukraine = stix2.Location(country="UA")
    gagauzia = stix2.Location(country="MD", administrative_area="MD-GA")
    sahel = stix2.Location(region="africa", name="the Sahel")
    voters = stix2.Identity(name="German voters", identity_class="group")
    disarm = stix2.AttackPattern(
        name="Develop AI-generated text",
        external_references=[{"source_name": "DISARM", "external_id": "T0085.001"}],
        kill_chain_phases=[{"kill_chain_name": "disarm", "phase_name": "develop-content"}],
    )
    attack = stix2.AttackPattern(
        name="Spearphishing Link", external_references=[{"source_name": "mitre-attack", "external_id": "T1566.002"}]
    )
    unused = stix2.AttackPattern(name="Unused", external_references=[{"source_name": "capec", "external_id": "CAPEC-1"}])
    malware = stix2.Malware(name="Dropper", is_family=True)
    campaign = stix2.Campaign(
        name="Doppelganger",
        description="Clones of news sites.",
        aliases=["RRN"],
        first_seen="2022-05-01T00:00:00Z",
        last_seen="2024-03-31T23:59:59.999Z",
        objective="Undermine support for Ukraine",
        created_by_ref=vendor.id,
        external_references=[{"source_name": "Vendor Lab", "url": "https://example.org/doppelganger"}],
    )
    rels = [
        stix2.Relationship(campaign, "attributed-to", actor, confidence=85, description="high confidence"),
        stix2.Relationship(campaign, "originates-from", russia, created_by_ref=vendor.id),
        stix2.Relationship(campaign, "targets", ukraine),
        stix2.Relationship(campaign, "targets", gagauzia),
        stix2.Relationship(campaign, "targets", sahel),
        stix2.Relationship(campaign, "targets", voters),
        stix2.Relationship(campaign, "uses", disarm, description="wrote comments"),
        stix2.Relationship(campaign, "uses", attack),
        stix2.Relationship(campaign, "uses", malware),
        stix2.Relationship(campaign, "attributed-to", intrusion),
    ]
    objects = [
        vendor,
        actor,
        intrusion,
        russia,
        ukraine,
        gagauzia,
        sahel,
        voters,
        disarm,
        attack,
        unused,
        malware,
        campaign,
        *rels,
    ]
    report = stix2.Report(
        name="Doppelganger report",
        published="2024-04-02T10:00:00Z",
        created_by_ref=vendor.id,
        object_refs=[o.id for o in objects],
        description="What we found.",
    )
    bundle = stix2.Bundle(*objects, report)
    result: dict[str, Any] = json.loads(bundle.serialize())
    return result


def test_foreign_bundle_maps_what_it_can() -> None:
    bundle = _foreign_bundle()
    result = stix.import_stix(bundle)
    report = result.report
    assert report.title == "Doppelganger report"
    assert report.publisher == "Vendor Lab"
    assert report.summary == "What we found."
    assert str(report.published) == "2024-04-02T10:00:00Z"
    operation = next(op for op in report.operations if op.name == "Doppelganger")
    assert operation.summary == "Clones of news sites."
    assert [a.name for a in operation.aliases] == ["RRN"]
    assert operation.activity is not None
    assert str(operation.activity.start) == "2022-05-01"
    assert str(operation.activity.end) == "2024-03-31"
    assert {a.name for a in operation.actors} == {"Storm-1679", "Doppelganger network"}
    storm = next(a for a in operation.actors if a.name == "Storm-1679")
    assert storm.aliases == ("Ruckus",)
    claims = {(c.actor, c.countries, c.confidence.score if c.confidence else None) for c in operation.attributions}
    assert ("storm-1679", (), 85) in claims
    assert (None, (Country(code="RU"),), None) in claims
    assert {c.claimant for c in operation.attributions} == {"Vendor Lab"}
    places = {t.place for t in operation.targets if t.place is not None}
    assert places == {Country(code="UA"), Subdivision(code="MD-GA"), Region(name="the Sahel")}
    assert {t.audience.name for t in operation.targets if t.audience is not None} == {"German voters"}
    refs = {use.technique for use in operation.techniques}
    assert refs == {
        TechniqueRef(framework="disarm", id="T0085.001", name="Develop AI-generated text"),
        TechniqueRef(framework="attack", id="T1566.002", name="Spearphishing Link"),
    }
    assert operation.sources[0].url == "https://example.org/doppelganger"
    # intrusion sets are operations (networks) of their own
    assert any(op.name == "Doppelganger network" for op in report.operations)


def test_foreign_bundle_reports_every_loss() -> None:
    bundle = _foreign_bundle()
    result = stix.import_stix(bundle)
    assert not result.lossless
    by_type: dict[str, list[stix.Loss]] = {}
    for loss in result.losses:
        by_type.setdefault(loss.type, []).append(loss)
    ids = {o["type"]: o["id"] for o in bundle["objects"]}
    campaign_loss = next(loss for loss in by_type["campaign"])
    assert campaign_loss.object_id == ids["campaign"]
    assert campaign_loss.properties == ("objective",)
    assert any(loss.object_id == ids["malware"] for loss in by_type["malware"])
    unused = next(o for o in bundle["objects"] if o.get("name") == "Unused")
    assert any(loss.object_id == unused["id"] for loss in by_type["attack-pattern"])
    malware_rel = next(o for o in bundle["objects"] if o.get("target_ref") == ids["malware"])
    assert any(loss.object_id == malware_rel["id"] for loss in by_type["relationship"])
    # the DISARM technique's kill chain phase has no tactic object here: that loss is named too
    disarm = next(o for o in bundle["objects"] if o.get("name") == "Develop AI-generated text")
    assert any(loss.object_id == disarm["id"] and loss.properties == ("kill_chain_phases",) for loss in result.losses)
    # everything not mapped is accounted for: mapped ids + lost ids + metadata cover the bundle
    mapped_or_lost = {loss.object_id for loss in result.losses}
    assert ids["report"] not in mapped_or_lost
    # and from_stix refuses to drop any of it silently
    with pytest.raises(stix.BundleError) as caught:
        stix.from_stix(bundle)
    assert {p.object_id for p in caught.value.problems} == mapped_or_lost


def test_opsmodel_bundles_import_without_loss() -> None:
    from ._stix_sample import sample_report

    result = stix.import_stix(stix.to_stix(sample_report(), flavour="opencti"))
    assert result.lossless
    assert result.report == sample_report()


def test_foreign_bad_input_is_all_reported() -> None:
    bundle = _foreign_bundle()
    bundle["objects"][0]["created"] = "yesterday"
    bundle["objects"][1]["id"] = "threat-actor--not-a-uuid"
    with pytest.raises(stix.BundleError) as caught:
        stix.import_stix(bundle)
    problems = list(caught.value.problems)
    assert {p.path for p in problems} >= {"$.objects[0].created", "$.objects[1].id"}
    # the dangling references to the broken threat actor are reported too
    assert any("dangling reference" in p.message for p in problems)


@pytest.mark.parametrize("name", ["DISARM-v1.6.json", "v1.7-navigator/DISARM.json"])
def test_disarm_bundles_import_without_error(shared_data: Path, name: str) -> None:
    bundle = json.loads((shared_data / "disarm" / name).read_text(encoding="utf-8"))
    result = stix.import_stix(bundle)
    assert result.report.operations == ()
    kinds = {loss.type for loss in result.losses}
    assert kinds == {"attack-pattern", "relationship", "x-mitre-tactic", "x-mitre-matrix"}
    patterns = [o for o in bundle["objects"] if o["type"] == "attack-pattern"]
    assert len([loss for loss in result.losses if loss.type == "attack-pattern"]) == len(patterns)


def test_disarm_techniques_used_by_a_campaign_keep_their_tactic(shared_data: Path) -> None:
    bundle = json.loads((shared_data / "disarm" / "DISARM-v1.6.json").read_text(encoding="utf-8"))
    pattern = next(
        o
        for o in bundle["objects"]
        if o["type"] == "attack-pattern" and o["external_references"][0]["external_id"] == "T0085.001"
    )
    campaign = json.loads(stix2.Campaign(name="Test").serialize())
    use = json.loads(stix2.Relationship(campaign["id"], "uses", pattern["id"]).serialize())
    bundle["objects"] += [campaign, use]
    (operation,) = stix.import_stix(bundle).report.operations
    (technique_use,) = operation.techniques
    assert technique_use.technique is not None
    assert technique_use.technique.framework == "disarm"
    assert technique_use.technique.id == "T0085.001"
    assert technique_use.tactic is not None
    assert technique_use.tactic.id == "TA06"


def test_streamed_opsmodel_operations_import_exactly() -> None:
    from ._stix_sample import sample_report

    operations = sample_report().operations
    for flavour in ("stix", "opencti"):
        result = stix.import_stix(stix.to_stix(iter(operations), flavour=flavour))
        assert result.report.operations == operations
        assert result.lossless, [str(loss) for loss in result.losses]
