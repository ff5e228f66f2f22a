"""Where an operation was present or its content appeared, beyond the assets it ran: venues.

An :class:`~.platforms.Asset` counts what the operation ran on one named platform. A
:class:`Venue` holds what an asset cannot: a platform known only by a description ("other social
media platforms", "more than 40 platforms and forums"), a hosting company, and third parties'
venues where the content was placed or amplified (news outlets that ran the articles, comment
sections of others' pages, state media cross-posting); with when the venue was used and which of
its features.
"""

from __future__ import annotations

from attrs import field, frozen

from .._core.fields import TupleOf, Vocabulary, any_given, model, to_optional_text, to_source_ids, to_text_tuple
from .counts import Count, to_optional_count
from .dates import Period, to_optional_period
from .platforms import Platform, to_optional_platform


class VenueKind(Vocabulary):
    #: A social media platform or another service where people post.
    PLATFORM = "platform"
    #: An online forum or message board.
    FORUM = "forum"
    #: A messaging app (encrypted or not).
    MESSAGING_APP = "messaging_app"
    #: A news outlet or its website.
    NEWS_OUTLET = "news_outlet"
    #: An outlet a state owns or controls.
    STATE_MEDIA = "state_media"
    #: The comment section of pages or sites that are not the operation's.
    COMMENT_SECTION = "comment_section"
    #: A company that hosted or served the operation's sites (hosting, CDN, registrar).
    HOSTING_PROVIDER = "hosting_provider"
    #: Another kind of venue.
    OTHER = "other"


class VenueRole(Vocabulary):
    """Whose the venue is, and what the operation's content did there."""

    #: The operation's own presence there (a platform known only by description, its own site).
    OWN = "own"
    #: The operation placed its content in someone else's venue (an outlet ran its articles, it commented).
    PLACED = "placed"
    #: Someone else carried or amplified its content there (state media cross-posting its articles).
    AMPLIFIED = "amplified"
    #: The venue gave the operation infrastructure (hosted its sites).
    INFRASTRUCTURE = "infrastructure"
    #: Something else the source says.
    OTHER = "other"


class PlatformFeature(Vocabulary):
    #: Ordinary posts.
    POSTS = "posts"
    #: Comments or replies under others' posts.
    COMMENTS = "comments"
    #: Paid advertising.
    ADS = "ads"
    #: Groups.
    GROUPS = "groups"
    #: Pages.
    PAGES = "pages"
    #: Channels.
    CHANNELS = "channels"
    #: Live video.
    LIVE_VIDEO = "live_video"
    #: Short videos (reels, shorts).
    SHORT_VIDEO = "short_video"
    #: Stories.
    STORIES = "stories"
    #: Direct or private messages.
    DIRECT_MESSAGES = "direct_messages"
    #: Reviews or ratings.
    REVIEWS = "reviews"
    #: Polls.
    POLLS = "polls"
    #: Another feature.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Venue:
    """A place online where an operation was present or its content appeared, other than its counted assets.

    "Other social media platforms" is ``Venue(description="other social media platforms")``;
    "more than 40 platforms and forums" ``Venue(description="platforms and forums", count="more
    than 40")``; a hosting company ``Venue(kind="hosting_provider", role="infrastructure",
    name="Example Hosting")``; a newspaper that ran the articles ``Venue(kind="news_outlet",
    role="placed", name="The Daily Example")``; ads and comments on Facebook in 2023
    ``Venue(platform="Facebook", features=["ads", "comments"], period=parse_period("2023"))``.
    """

    #: What sort of venue it is: a platform, a forum, a messaging app, a news outlet, a hosting provider...
    kind: VenueKind = field(default=VenueKind.PLATFORM, converter=VenueKind)
    #: Whose it is and what the content did there: the operation's own, placed, amplified, infrastructure.
    role: VenueRole = field(default=VenueRole.OWN, converter=VenueRole)
    #: The platform, when the venue is one the model knows by name.
    platform: Platform | None = field(default=None, converter=to_optional_platform)
    #: The venue's name when it is not a platform ("The Daily Example", "Example Hosting").
    name: str | None = field(default=None, converter=to_optional_text)
    #: The venue in the source's words, when it has no name ("an online forum", "encrypted messaging apps").
    description: str | None = field(
        default=None,
        converter=to_optional_text,
        validator=any_given("platform", "name", "description", expected="a platform, a name or a description"),
    )
    #: How many venues the description covers ("more than 40 platforms and forums").
    count: Count | None = field(default=None, converter=to_optional_count)
    #: Which of the venue's features the operation used: comments, ads, groups, live video...
    features: tuple[PlatformFeature, ...] = field(default=(), converter=TupleOf[PlatformFeature])
    #: When the operation used the venue.
    period: Period | None = field(default=None, converter=to_optional_period)
    #: URLs, domains or handles of the venue, as the source gives them.
    identifiers: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: What the source says about the venue.
    note: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    @property
    def third_party(self) -> bool:
        """Whether the venue is someone else's (placed, amplified, infrastructure) rather than the operation's own."""
        return self.role is not VenueRole.OWN

    def __str__(self) -> str:
        what = str(self.platform) if self.platform is not None else self.name or str(self.description)
        return f"{self.count} {what}" if self.count is not None else what
