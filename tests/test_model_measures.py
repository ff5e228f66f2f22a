"""Model 1.1's measures (issue 11, items 1 and 2): counts that are not totals, and metrics.

Per-asset statistics, shares, counts of things that are not assets, unions and sums, the date a
count was taken and the subset or period it covers, provenance, engagement and output metrics,
rates, produced against observed. Every example is invented; the wordings are the kind reports use.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from opsmodel import (
    Count,
    Counted,
    CountKind,
    FieldError,
    FuzzyDate,
    Impact,
    ImpactQualifier,
    Measure,
    MeasureBasis,
    MeasureScope,
    Money,
    Operation,
    ParseError,
    Report,
    Share,
    Source,
    parse_count,
    parse_period,
    parse_share,
    stix,
)
from opsmodel import json as ojson
from opsmodel.testing import measures, operations, shares
from opsmodel.validation import iter_errors

from ._round_trips import assert_round_trips

LAB = Source(id="lab", publisher="Lab", title="Operation Example")


def _operation(*facts: Measure, **more: Any) -> Operation:
    return Operation(id="example", name="Example", measures=facts, sources=[LAB], **more)


def _report(*operations_: Operation) -> Report:
    return Report(id="lab-2024", title="Report", publisher="Lab", published=FuzzyDate.of(2024, 5, 30), operations=operations_)


def _codes(operation: Operation) -> list[str]:
    return [problem.code for problem in iter_errors(_report(operation))]


# --- shares --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wording", "kind", "numerator", "denominator", "upper", "shown"),
    [
        ("80%", "exact", 80, 100, None, "80%"),
        ("nearly 40 percent", "approximate", 40, 100, None, "about 40%"),
        ("over 60%", "more_than", 60, 100, None, "more than 60%"),
        ("less than 5 per cent", "less_than", 5, 100, None, "less than 5%"),
        ("30 to 40%", "range", 30, 100, 40, "30% to 40%"),
        ("between 30% and 40%", "range", 30, 100, 40, "30% to 40%"),
        ("2.5%", "exact", 25, 1000, None, "2.5%"),
        ("three quarters of the channels", "exact", 3, 4, None, "3/4"),
        ("about a third", "approximate", 1, 3, None, "about 1/3"),
        ("two-thirds", "exact", 2, 3, None, "2/3"),
        ("half", "exact", 1, 2, None, "1/2"),
        ("3/4", "exact", 3, 4, None, "3/4"),
        ("one in five", "exact", 1, 5, None, "1/5"),
        ("at least 9 out of 10", "at_least", 9, 10, None, "at least 9/10"),
    ],
)
def test_share_wordings(wording: str, kind: str, numerator: int, denominator: int, upper: int | None, shown: str) -> None:
    share = parse_share(wording)
    assert (share.kind.value, share.numerator, share.denominator, share.upper) == (kind, numerator, denominator, upper)
    assert share.wording == wording
    assert str(share) == shown


@pytest.mark.parametrize("wording", ["", "many", "80", "1/0", "about 30 to 40%", "three apples", "percent"])
def test_what_is_not_a_share_is_refused_with_its_wording(wording: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_share(wording)
    assert caught.value.expected


_SHARE_LIKE = r"(about |over |under )?[0-9]{1,20}(\.[0-9]{1,3})? ?(%|percent|/[0-9]{1,4})"


@settings(max_examples=200)
@given(text=st.text(max_size=60) | st.from_regex(_SHARE_LIKE, fullmatch=True))
def test_any_text_is_a_share_or_a_parse_error(text: str) -> None:
    try:
        share = parse_share(text)
    except ParseError:
        return
    assert share.wording == text
    assert share.denominator > 0


def test_a_share_wording_too_long_is_refused_before_any_work() -> None:
    with pytest.raises(ParseError, match="at most 1,000 characters"):
        parse_share("1" * 1_001 + "%")


def test_a_third_stays_exact_and_bounds_read_as_fractions() -> None:
    third = parse_share("a third")
    assert third.fraction == Fraction(1, 3)
    assert (third.minimum, third.maximum) == (Fraction(1, 3), Fraction(1, 3))
    over = parse_share("over 60%")
    assert (over.minimum, over.maximum) == (Fraction(3, 5), None)
    under = parse_share("under 10%")
    assert (under.minimum, under.maximum) == (Fraction(0), Fraction(1, 10))
    assert parse_share("30 to 40%").maximum == Fraction(2, 5)


def test_share_validators_name_the_field_and_what_was_expected() -> None:
    with pytest.raises(FieldError, match=r"Share\.denominator: .*above zero"):
        Share(kind="exact", numerator=1, denominator=0)
    with pytest.raises(FieldError, match=r"Share\.kind: .*leave an unknown share out"):
        Share(kind="unknown", numerator=1, denominator=2)
    with pytest.raises(FieldError, match=r"Share\.upper: .*at least the lower numerator 40"):
        Share(kind="range", numerator=40, denominator=100, upper=30)
    with pytest.raises(FieldError, match=r"Share\.upper: .*only for a share of kind 'range'"):
        Share(kind="exact", numerator=40, denominator=100, upper=50)
    assert Share.percent(80) == Share(kind="exact", numerator=80, denominator=100)


def test_percentages_are_shares_not_counts() -> None:
    # parse_count refuses percentages; the share parser reads them
    with pytest.raises(ParseError):
        parse_count("80%")
    assert parse_share("80%").denominator == 100


# --- item 1: counts that are not totals ----------------------------------------------------------


def test_per_asset_statistics() -> None:
    largest = Measure(of="followers", scope="largest", item="assets", asset_kind="page", count=40_000, platform="Facebook")
    some = Measure(of="followers", scope="some", item="assets", asset_kind="account", count="thousands")
    assert str(largest) == "largest page: 40,000 followers"
    assert largest.per_item
    assert some.per_item
    assert some.count is not None
    assert some.count.kind is CountKind.AT_LEAST
    assert _codes(_operation(largest, some)) == []


def test_fractions_and_percentages_of_assets() -> None:
    silent = Measure(
        of="assets",
        asset_kind="channel",
        share="three quarters",
        subset="channels with no subscribers",
        platform="Telegram",
        sources=["lab"],
    )
    assert str(silent) == "3/4 of channels"
    assert silent.share == Share(kind="exact", numerator=3, denominator=4, wording="three quarters")


def test_counts_of_things_that_are_not_assets() -> None:
    facts = [
        Measure(of="clusters", count=4),
        Measure(of="organisations_targeted", count="more than 20"),
        Measure(of="personas", count="about 30"),
        Measure(of="platforms", count="more than 40", subset="platforms and forums"),
    ]
    assert [str(fact) for fact in facts] == [
        "4 clusters",
        "more than 20 organisations targeted",
        "about 30 personas",
        "more than 40 platforms",
    ]


def test_a_union_of_followers_is_not_a_sum() -> None:
    union = Measure(of="followers", scope="union", count="about 9,000", wording="about 9,000 accounts followed one or more")
    total = Measure(of="followers", scope="sum", count=12_000)
    assert _codes(_operation(union, total)) == []
    # a de-duplicated union cannot be more than the sum of the same figure
    assert _codes(_operation(attrs.evolve(union, count=20_000), total)) == ["OPS505"]


def test_when_a_count_was_taken_and_the_period_it_covers() -> None:
    taken = Measure(of="subscribers", count=1_200, as_of="3 March 2024", platform="Telegram")
    weekend = Measure(of="assets", asset_kind="website", count=90, subset="new sites", period=parse_period("March 2024"))
    assert taken.as_of == FuzzyDate.of(2024, 3, 3, wording="3 March 2024")
    assert _codes(_operation(taken, weekend)) == []
    # an as-of date after the report was published cannot be right
    late = attrs.evolve(taken, as_of="June 2024")
    problems = list(iter_errors(_report(_operation(late))))
    assert [(p.code, p.path) for p in problems] == [("OPS103", "$.operations[0].measures[0].as_of")]


def test_provenance_inflated_authentic_and_self_reported() -> None:
    claimed = Measure(of="followers", count=100_000, basis="inflated", wording="100,000 followers, most of them bought")
    authentic = Measure(of="followers", share="less than 10%", basis="authentic")
    boast = Measure(of="views", count="over 1 million", basis="self_reported", wording="the operators claimed a million views")
    assert [m.basis for m in (claimed, authentic, boast)] == [
        MeasureBasis.INFLATED,
        MeasureBasis.AUTHENTIC,
        MeasureBasis.SELF_REPORTED,
    ]


def test_a_share_over_the_whole_is_found() -> None:
    over = Measure(of="assets", asset_kind="account", share=Share.percent(120))
    problems = list(iter_errors(_report(_operation(over))))
    assert [(p.code, p.path) for p in problems] == [("OPS504", "$.operations[0].measures[0].share")]
    assert "120% is more than the whole" in problems[0].message
    # "over 100%" is not certainly over; "more than 100%" is
    assert _codes(_operation(Measure(of="assets", share=Share.percent(100)))) == []


def test_a_per_item_figure_larger_than_the_total_is_found() -> None:
    largest = Measure(of="followers", scope="largest", item="assets", asset_kind="page", count=40_000, platform="Facebook")
    total = Measure(of="followers", count="about 9,000", platform="Facebook")
    problems = list(iter_errors(_report(_operation(largest, total))))
    assert [p.code for p in problems] == []  # "about 9,000" has no firm maximum
    firm = attrs.evolve(total, count="at most 9,000")
    problems = list(iter_errors(_report(_operation(largest, firm))))
    assert [(p.code, p.path) for p in problems] == [("OPS505", "$.operations[0].measures[0].count")]
    assert "measures[1]" in problems[0].message
    # another platform, or a count taken on another day, does not compare
    assert _codes(_operation(largest, attrs.evolve(firm, platform="Instagram"))) == []
    assert _codes(_operation(largest, attrs.evolve(firm, as_of="2023"))) == []


# --- item 2: engagement and output metrics -------------------------------------------------------


def test_engagement_typical_and_largest_items() -> None:
    typical = Measure(of="upvotes", scope="typical", item="posts", count="3 to 8", platform="Reddit")
    viral = Measure(of="impressions", scope="largest", item="videos", count="more than 3 million", platform="X")
    assert str(typical) == "typical posts: 3 to 8 upvotes"
    assert str(viral) == "largest videos: more than 3,000,000 impressions"


def test_produced_versus_observed() -> None:
    generated = Measure(of="replies", count=150, stage="produced", wording="150 replies generated")
    visible = Measure(of="replies", count="fewer than 150", stage="observed", wording="fewer visible")
    assert _codes(_operation(generated, visible)) == []
    too_many = attrs.evolve(visible, count=200)
    assert _codes(_operation(generated, too_many)) == ["OPS506"]


def test_rates() -> None:
    rate = Measure(of="articles", scope="rate", per="month", count="more than 8,000")
    assert str(rate) == "more than 8,000 articles per month"
    with pytest.raises(FieldError, match=r"Measure\.per: .*a time unit for a rate"):
        Measure(of="articles", scope="rate", count=8_000)
    with pytest.raises(FieldError, match=r"Measure\.per: .*only for a rate"):
        Measure(of="articles", per="month", count=8_000)


def test_measure_validators_name_field_value_and_expectation() -> None:
    with pytest.raises(FieldError, match=r"Measure\.share: neither given; expected exactly one of a count and a share"):
        Measure(of="views")
    with pytest.raises(FieldError, match=r"Measure\.share: both given; expected exactly one of a count and a share"):
        Measure(of="views", count=3, share="80%")
    with pytest.raises(FieldError, match=r"Measure\.item: .*only for a per-item scope"):
        Measure(of="views", item="posts", count=3)
    with pytest.raises(FieldError, match=r"Measure\.asset_kind: .*only when the measure counts assets"):
        Measure(of="views", asset_kind="page", count=3)
    with pytest.raises(FieldError, match=r"Measure\.of: .*is not a Counted"):
        Measure(of="vibes", count=3)
    assert Measure(of="views", count=Count.exact(3)).scope is MeasureScope.TOTAL


# --- round trips and the judges ------------------------------------------------------------------


@st.composite
def _with_measures(draw: st.DrawFn) -> Report:
    operation = draw(operations(max_facts=2))
    ids = tuple(source.id for source in operation.sources) or None
    operation = attrs.evolve(operation, measures=draw(st.lists(measures(source_ids=ids), min_size=1, max_size=3)))
    return Report(id="r", title="t", publisher="p", operations=[operation])


@pytest.mark.slow
@settings(max_examples=25)
@given(report=_with_measures(), flavour=st.sampled_from(["stix", "opencti"]))
def test_measures_round_trip_through_json_lines_and_stix(report: Report, flavour: str) -> None:
    assert_round_trips(report, flavour=flavour)


@settings(max_examples=60)
@given(share=shares())
def test_shares_round_trip_and_their_bounds_hold(share: Share) -> None:
    assert ojson.loads(ojson.dumps(share), Share) == share
    maximum = share.maximum
    assert maximum is None or share.minimum <= maximum


@settings(max_examples=60)
@given(measure=measures())
def test_measures_round_trip_and_hold_exactly_one_figure(measure: Measure) -> None:
    assert ojson.loads(ojson.dumps(measure), Measure) == measure
    assert (measure.count is None) != (measure.share is None)
    assert str(measure)


@settings(max_examples=80)
@given(share=shares())
def test_a_share_reads_back_from_its_own_text(share: Share) -> None:
    # a range is written in fractions only over a power of ten (a percentage); others read back whole
    assume(share.kind is not CountKind.RANGE or str(share).endswith("%"))
    again = parse_share(str(share))
    assert (again.kind, again.minimum, again.maximum) == (share.kind, share.minimum, share.maximum)


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_a_report_with_measures_satisfies_the_judges(flavour: str) -> None:
    from ._stix_judges import assert_validator_clean, stix2_parse

    operation = _operation(
        Measure(of="followers", scope="largest", item="assets", asset_kind="page", count=40_000, sources=["lab"]),
        Measure(of="assets", asset_kind="channel", share="three quarters", subset="no subscribers", sources=["lab"]),
        Measure(of="articles", scope="rate", per="month", count="more than 8,000", as_of="March 2024", sources=["lab"]),
        Measure(of="replies", count=150, stage="produced", period=parse_period("2024-Q1"), sources=["lab"]),
    )
    report = _report(operation)
    bundle = stix.to_stix(report, flavour=flavour)
    assert_validator_clean(bundle)
    stix2_parse(bundle)
    payloads = [
        obj["extensions"][stix.EXTENSION_ID] for obj in bundle["objects"] if stix.EXTENSION_ID in obj.get("extensions", {})
    ]
    validator = jsonschema.Draft202012Validator(stix.extension_schema())
    for payload in payloads:
        validator.validate(payload)
    assert payloads[0]["operation"]["measures"][1]["share"] == {
        "kind": "exact",
        "numerator": 3,
        "denominator": 4,
        "wording": "three quarters",
    }
    assert stix.from_stix(bundle) == report
    assert list(iter_errors(report)) == []


# --- items 16 and 17: money paid in other currencies, a stated zero; a positioned, conditional rating --


def test_a_spend_stated_in_dollars_but_paid_in_other_currencies() -> None:
    spend = Money(amount="about 1,000", currency="usd", paid_in=["rub", "UAH"], wording="about $1,000, paid in roubles")
    assert (spend.currency, spend.paid_in) == ("USD", ("RUB", "UAH"))
    assert str(spend) == "about 1,000 USD (paid in RUB, UAH)"
    with pytest.raises(FieldError, match=r"Money\.paid_in\[1\]: .*ISO 4217"):
        Money(amount=10, currency="USD", paid_in=["RUB", "roubles"])


def test_a_stated_zero_invents_no_currency() -> None:
    nothing = Money(amount=0, wording="the operation spent nothing on ads")
    assert nothing.currency is None
    assert str(nothing) == "0"
    with pytest.raises(FieldError, match=r"Money\.currency: no currency; expected a currency for a sum other than zero"):
        Money(amount="less than 100")
    report = _report(_operation(ad_spend=[nothing]))
    assert ojson.loads(ojson.dumps(report)) == report


def test_a_rating_both_positioned_and_conditional() -> None:
    rating = Impact(category=2, qualifier="upper_end", condition="if the follower counts are genuine", rated_by="Lab")
    assert rating.qualifier is ImpactQualifier.UPPER_END
    assert str(rating) == "upper end of Category 2"
    report = _report(_operation(impacts=[rating]))
    for flavour in ("stix", "opencti"):
        bundle = stix.to_stix(report, flavour=flavour)
        notes = [obj["content"] for obj in bundle["objects"] if obj.get("abstract") == "Breakout Scale rating"]
        assert notes == ["Breakout Scale: upper end of Category 2 (if the follower counts are genuine), rated by Lab"]
        assert stix.from_stix(bundle) == report


def test_counted_covers_the_metrics_the_issue_names() -> None:
    named = {"views", "likes", "shares", "replies", "upvotes", "downvotes", "impressions"}
    assert named <= {member.value for member in Counted}
