"""Figures that are not totals of an operation's own assets: shares, per-item statistics, metrics.

A :class:`~.counts.Count` says how many, with its bounds. A :class:`Measure` says what a figure
is *of*: the operation's assets or things that are not assets (clusters, personas, organisations
targeted, platforms present on), engagement (views, likes, shares, replies, votes, impressions)
or output (posts, articles, videos); over what (the total, a de-duplicated union, a sum, each
item, the typical or the largest item, a rate per period); when it was taken and over which
period or subset; and how far the source vouches for it (stated, estimated, called inflated, the
authentic share, the operators' own claim). The figure is a Count or a :class:`Share`, a fraction
kept exact: "three quarters of the channels" is 3/4, "80%" is 80/100.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
from attrs import field, frozen

from .._core.errors import ParseError
from .._core.fields import (
    Invalid,
    OptionalOf,
    Vocabulary,
    fail,
    model,
    optional_worded,
    to_optional_text,
    to_source_ids,
    whole_number,
)
from .counts import Count, CountKind, to_optional_count
from .dates import FuzzyDate, Period, RelativeDate, to_optional_datelike, to_optional_period
from .durations import TimeUnit
from .platforms import AssetKind, Platform, to_optional_platform
from .share_wording import read_share


def _check_share_kind(instance: Share, attribute: attrs.Attribute[Any], value: CountKind) -> None:
    if value is CountKind.UNKNOWN:
        raise fail(instance, attribute, value, "a stated share; leave an unknown share out")


def _check_upper(instance: Share, attribute: attrs.Attribute[Any], upper: int | None) -> None:
    if instance.kind is not CountKind.RANGE:
        if upper is not None:
            raise fail(instance, attribute, upper, "an upper numerator only for a share of kind 'range'")
        return
    if type(upper) is not int or upper < instance.numerator:
        expected = f"a whole number, at least the lower numerator {instance.numerator}"
        raise fail(instance, attribute, upper, expected)


@model
@frozen(kw_only=True)
class Share:
    """A fraction of a whole as the source states it, kept exact, with a count's bounds.

    ``numerator`` over ``denominator``: "80%" is 80/100, "a third" 1/3, "over 60%" more than
    60/100, "30 to 40%" the range 30/100 to 40/100. Build one with :func:`parse_share` or
    ``Share.percent(80)``. A share over the whole (above 100%) can be built; validation rule
    OPS504 points it out.
    """

    #: How the share is stated: exactly, approximately, as a bound or as a range (never ``unknown``).
    kind: CountKind = field(converter=CountKind, validator=_check_share_kind)
    #: The parts counted, or the lower end of a range.
    numerator: int = field(validator=whole_number(0, expected="a whole number, zero or more"))
    #: The parts the whole is divided into: 100 for a percentage, 4 for quarters.
    denominator: int = field(validator=whole_number(1, expected="a whole number above zero (100 for a percentage)"))
    #: The upper end's numerator, over the same denominator; only for a share of kind ``range``.
    upper: int | None = field(default=None, validator=_check_upper)
    #: The share as the source words it ("nearly 40 percent").
    wording: str | None = field(default=None, converter=to_optional_text)

    @classmethod
    def percent(cls, value: int, *, kind: CountKind | str = CountKind.EXACT, wording: str | None = None) -> Share:
        """``value`` percent, as a share over 100."""
        return cls(kind=CountKind(kind), numerator=value, denominator=100, wording=wording)

    @property
    def fraction(self) -> Fraction:
        """The share (the lower end of a range) as an exact fraction."""
        return Fraction(self.numerator, self.denominator)

    @property
    def minimum(self) -> Fraction:
        """The smallest share the statement allows."""
        if self.kind in (CountKind.AT_MOST, CountKind.LESS_THAN):
            return Fraction(0)
        return self.fraction

    @property
    def maximum(self) -> Fraction | None:
        """The largest share the statement allows (None when only bounded below, as by "over 60%")."""
        if self.kind in (CountKind.EXACT, CountKind.AT_MOST, CountKind.LESS_THAN):
            return self.fraction
        if self.kind is CountKind.RANGE and self.upper is not None:
            return Fraction(self.upper, self.denominator)
        return None

    def __str__(self) -> str:
        def part(numerator: int) -> str:
            # a percentage with decimals ("2.5%") is kept over a power of ten: 25/1000
            digits = len(str(self.denominator)) - 3
            if self.denominator == 100 * 10**digits and digits >= 0:
                whole, decimals = divmod(numerator, 10**digits)
                return f"{whole}.{decimals:0{digits}d}%" if digits else f"{numerator}%"
            return f"{numerator}/{self.denominator}"

        value = part(self.numerator)
        if self.kind is CountKind.RANGE and self.upper is not None:
            return f"{value} to {part(self.upper)}"
        prefix = {
            CountKind.APPROXIMATE: "about ",
            CountKind.AT_LEAST: "at least ",
            CountKind.MORE_THAN: "more than ",
            CountKind.AT_MOST: "at most ",
            CountKind.LESS_THAN: "less than ",
        }.get(self.kind, "")
        return prefix + value


def parse_share(text: str) -> Share:
    """Read a share as a report words it, keeping the wording.

    >>> str(parse_share("three quarters of the channels"))
    '3/4'
    >>> str(parse_share("nearly 40 percent"))
    'about 40%'
    >>> str(parse_share("30 to 40%"))
    '30% to 40%'
    """
    try:
        reading = read_share(text)
    except Invalid as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None
    return Share(**reading, wording=text)


def to_optional_share(value: Share | str | None) -> Share | None:
    return optional_worded(value, Share, read_share, "a Share or a share wording such as '80%' or 'three quarters'")


class Counted(Vocabulary):
    """What a figure counts."""

    #: The operation's own assets, of the measure's ``asset_kind`` ("three quarters of the channels").
    ASSETS = "assets"
    #: Accounts following the assets.
    FOLLOWERS = "followers"
    #: Subscribers of channels or newsletters.
    SUBSCRIBERS = "subscribers"
    #: Members of groups.
    MEMBERS = "members"
    VIEWS = "views"
    #: Times content was shown (impressions, reach as platforms state it).
    IMPRESSIONS = "impressions"
    LIKES = "likes"
    #: Reactions of any kind (likes included, when the source does not tell them apart).
    REACTIONS = "reactions"
    #: Shares, reposts, retweets.
    SHARES = "shares"
    REPLIES = "replies"
    COMMENTS = "comments"
    UPVOTES = "upvotes"
    DOWNVOTES = "downvotes"
    #: Engagement of every kind together, as the source sums it.
    ENGAGEMENTS = "engagements"
    #: Posts, tweets, messages the operation published.
    POSTS = "posts"
    ARTICLES = "articles"
    VIDEOS = "videos"
    IMAGES = "images"
    #: Clusters or sub-networks the source groups the assets into.
    CLUSTERS = "clusters"
    #: Fake personas, each possibly behind several accounts.
    PERSONAS = "personas"
    #: Organisations the operation targeted.
    ORGANISATIONS_TARGETED = "organisations_targeted"
    #: Platforms and forums the operation was present on.
    PLATFORMS = "platforms"
    #: Anything else, named by the measure's ``subset``.
    OTHER = "other"


class MeasureScope(Vocabulary):
    """Over what a figure is taken."""

    #: The whole of what is counted, as the source gives it.
    TOTAL = "total"
    #: A sum over items, which may count an account twice ("a combined 2 million followers").
    SUM = "sum"
    #: A de-duplicated union ("about 9,000 accounts followed one or more of these Pages").
    UNION = "union"
    #: Every item's figure ("each page had under 100 followers").
    EACH = "each"
    #: A typical item's figure ("posts typically got 3 to 8 upvotes").
    TYPICAL = "typical"
    #: The median item's figure.
    MEDIAN = "median"
    #: The average (mean) item's figure.
    AVERAGE = "average"
    #: The largest item's figure ("the largest page had 40,000 followers").
    LARGEST = "largest"
    #: Some items' figure ("some accounts had followers in the thousands").
    SOME = "some"
    #: A rate per ``per`` ("more than 8,000 articles a month").
    RATE = "rate"


#: Scopes whose figure is one item's (or every item's), not the whole's.
PER_ITEM_SCOPES = frozenset(
    {MeasureScope.EACH, MeasureScope.TYPICAL, MeasureScope.MEDIAN, MeasureScope.AVERAGE, MeasureScope.LARGEST, MeasureScope.SOME}
)
#: Scopes whose figure is the whole's.
WHOLE_SCOPES = frozenset({MeasureScope.TOTAL, MeasureScope.SUM, MeasureScope.UNION})


class MeasureStage(Vocabulary):
    """Where in the content's life a figure was taken ("150 replies generated, fewer visible")."""

    #: Made by the operators (or their tools), published or not.
    PRODUCED = "produced"
    #: Published by the operation.
    PUBLISHED = "published"
    #: Seen by the source or still visible when it looked.
    OBSERVED = "observed"
    #: Taken down, by the platform or the operators.
    REMOVED = "removed"


class MeasureBasis(Vocabulary):
    """How far the source vouches for a figure."""

    #: The source states it as fact.
    STATED = "stated"
    #: The source estimates it.
    ESTIMATED = "estimated"
    #: The source gives it but calls it inflated (bought followers, bot views).
    INFLATED = "inflated"
    #: The source's estimate of the authentic part of an inflated figure.
    AUTHENTIC = "authentic"
    #: The operators' own claim about themselves, which the source repeats.
    SELF_REPORTED = "self_reported"
    #: A platform's own analytics, shown by the operators or the platform.
    PLATFORM_REPORTED = "platform_reported"


def _check_figure(instance: Measure, attribute: attrs.Attribute[Any], value: Any) -> None:
    # attrs runs validators once every field is set, so the count is available here.
    if (instance.count is None) == (value is None):
        given = "both" if value is not None else "neither"
        raise fail(instance, attribute, value, "exactly one of a count and a share", problem=f"{given} given")


def _check_per(instance: Measure, attribute: attrs.Attribute[Any], value: TimeUnit | None) -> None:
    if (instance.scope is MeasureScope.RATE) != (value is not None):
        raise fail(instance, attribute, value, "a time unit for a rate (scope 'rate'), and only for a rate")


def _check_item(instance: Measure, attribute: attrs.Attribute[Any], value: Counted | None) -> None:
    if value is not None and instance.scope not in PER_ITEM_SCOPES:
        scopes = ", ".join(repr(scope.value) for scope in MeasureScope if scope in PER_ITEM_SCOPES)
        raise fail(instance, attribute, value, f"an item only for a per-item scope ({scopes})")


def _check_asset_kind(instance: Measure, attribute: attrs.Attribute[Any], value: AssetKind | None) -> None:
    if value is not None and Counted.ASSETS not in (instance.of, instance.item):
        raise fail(instance, attribute, value, "an asset kind only when the measure counts assets or is per asset")


@model
@frozen(kw_only=True)
class Measure:
    """A figure a source gives that is not the total of an operation's assets of one kind.

    "The largest page had 40,000 followers" is ``Measure(of="followers", scope="largest",
    item="assets", asset_kind="page", count=40_000)``; "three quarters of the channels had no
    subscribers" is ``Measure(of="assets", asset_kind="channel", share="three quarters",
    subset="channels with no subscribers")``; "more than 8,000 articles a month" is
    ``Measure(of="articles", scope="rate", per="month", count="more than 8,000")``.
    """

    #: What is counted: assets, followers, views, posts, clusters, personas...
    of: Counted = field(converter=Counted)
    #: Over what the figure is taken: the total, a sum, a de-duplicated union, each, the typical or the
    #: largest item, a rate.
    scope: MeasureScope = field(default=MeasureScope.TOTAL, converter=MeasureScope)
    #: For a per-item scope, what one item is (``assets`` of ``asset_kind``, ``posts``, ``videos``).
    item: Counted | None = field(default=None, converter=OptionalOf[Counted], validator=_check_item)
    #: The kind of assets counted (``of`` ``assets``) or that the figure is per (``item`` ``assets``).
    asset_kind: AssetKind | None = field(default=None, converter=OptionalOf[AssetKind], validator=_check_asset_kind)
    #: How many, as the source says it; exactly one of ``count`` and ``share``.
    count: Count | None = field(default=None, converter=to_optional_count)
    #: What fraction of a whole, as the source says it; exactly one of ``count`` and ``share``.
    share: Share | None = field(default=None, converter=to_optional_share, validator=_check_figure)
    #: For a rate, the time unit it is per ("a month").
    per: TimeUnit | None = field(default=None, converter=OptionalOf[TimeUnit], validator=_check_per)
    #: Where in the content's life the figure was taken: produced, published, observed, removed.
    stage: MeasureStage | None = field(default=None, converter=OptionalOf[MeasureStage])
    #: The platform the figure is on, when it is on one.
    platform: Platform | None = field(default=None, converter=to_optional_platform)
    #: When the figure was taken ("as of 3 March").
    as_of: FuzzyDate | RelativeDate | None = field(default=None, converter=to_optional_datelike)
    #: The period the figure covers ("over a weekend", "in 2023").
    period: Period | None = field(default=None, converter=to_optional_period)
    #: The subset counted, in the source's words ("new sites", "channels with no subscribers").
    subset: str | None = field(default=None, converter=to_optional_text)
    #: How far the source vouches for the figure: stated, estimated, inflated, authentic, self-reported.
    basis: MeasureBasis = field(default=MeasureBasis.STATED, converter=MeasureBasis)
    #: The statement in the source's words.
    wording: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that give the figure.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    @property
    def per_item(self) -> bool:
        """Whether the figure is one item's (each, typical, largest...), not the whole's."""
        return self.scope in PER_ITEM_SCOPES

    def __str__(self) -> str:
        """``largest page: 40,000 followers``, ``3/4 of channels``, ``more than 8,000 articles per month``."""
        figure = str(self.count if self.count is not None else self.share)
        what = self.asset_kind.value + "s" if self.of is Counted.ASSETS and self.asset_kind else self.of.value.replace("_", " ")
        text = f"{figure} of {what}" if self.share is not None else f"{figure} {what}"
        if self.per is not None:
            text += f" per {self.per.value}"
        if self.per_item:
            item = self.asset_kind.value if self.item is Counted.ASSETS and self.asset_kind else (self.item or "item")
            text = f"{self.scope.value} {item}: {text}"
        return text
