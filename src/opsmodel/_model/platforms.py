"""Platforms (an open vocabulary with canonical ids) and the assets an operation ran on them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from attrs import field, frozen

from .._core.errors import FieldError
from .._core.fields import Invalid, Vocabulary, model, to_optional_text, to_slug, to_source_ids, to_text_tuple, tuple_of
from .counts import Count, to_optional_count

# id -> (display name, other names people use for it)
KNOWN_PLATFORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "9gag": ("9GAG", ()),
    "blogspot": ("Blogspot", ("blogger",)),
    "discord": ("Discord", ()),
    "facebook": ("Facebook", ("fb", "meta")),
    "gab": ("Gab", ()),
    "gettr": ("GETTR", ()),
    "instagram": ("Instagram", ("ig",)),
    "linkedin": ("LinkedIn", ()),
    "livejournal": ("LiveJournal", ()),
    "medium": ("Medium", ()),
    "odnoklassniki": ("Odnoklassniki", ("ok", "ok.ru")),
    "pinterest": ("Pinterest", ()),
    "quora": ("Quora", ()),
    "reddit": ("Reddit", ()),
    "rumble": ("Rumble", ()),
    "soundcloud": ("SoundCloud", ()),
    "substack": ("Substack", ()),
    "telegram": ("Telegram", ()),
    "threads": ("Threads", ()),
    "tiktok": ("TikTok", ("douyin",)),
    "truth-social": ("Truth Social", ()),
    "tumblr": ("Tumblr", ()),
    "vk": ("VK", ("vkontakte",)),
    "website": ("Website", ("websites", "web", "own websites")),
    "wechat": ("WeChat", ()),
    "weibo": ("Weibo", ()),
    "whatsapp": ("WhatsApp", ()),
    "x": ("X", ("twitter", "x (twitter)", "x/twitter", "twitter/x", "x.com")),
    "youtube": ("YouTube", ("yt",)),
}

_BY_NAME: dict[str, str] = {}
for _id, (_name, _others) in KNOWN_PLATFORMS.items():
    for _alias in (_id, _name, *_others):
        _BY_NAME[_alias.lower()] = _id


def _platform_id(text: str) -> str:
    key = text.strip().lower()
    known = _BY_NAME.get(key)
    if known is not None:
        return known
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")
    if slug:
        return slug
    # A name in another script ("微博", "Телеграм"): its punycode, as internationalised domain
    # names are written, so that the id is stable, readable back and still a valid identifier.
    letters = "".join(character for character in key if character.isalnum())
    return "xn--" + letters.encode("punycode").decode("ascii") if letters else ""


def _named(name: Any) -> Platform:
    if not isinstance(name, str) or not name.strip():
        raise Invalid(name, "a platform name such as 'Telegram' or 'X'")
    platform_id = _platform_id(name)
    if not platform_id:
        raise Invalid(name, "a platform name with letters or digits, such as 'Telegram' or 'X'")
    if platform_id in KNOWN_PLATFORMS:
        return Platform(id=platform_id)
    return Platform(id=platform_id, name=name.strip())


@model
@frozen(kw_only=True)
class Platform:
    """A platform by canonical id (``"x"``, ``"telegram"``, ``"9gag"``...) or a custom one.

    ``Platform.named("Twitter")`` gives ``Platform(id="x")``. Platforms not in
    :data:`KNOWN_PLATFORMS` are allowed (they are an open vocabulary) and keep a display ``name``.
    """

    #: The canonical id (``x``, ``telegram``) or a custom one derived from the name.
    id: str = field(converter=to_slug)
    #: The display name of a platform not in ``KNOWN_PLATFORMS``.
    name: str | None = field(default=None, converter=to_optional_text)

    @classmethod
    def named(cls, name: str) -> Platform:
        """The platform a name or alias denotes; unknown names become custom platforms.

        A custom platform's id is derived from its name (``"Naver Blog"`` gives ``naver-blog``;
        a name in another script, such as ``"微博"``, gives its punycode ``xn--...``).
        """
        try:
            return _named(name)
        except Invalid as exc:
            raise FieldError(owner=cls.__name__, field="name", value=name, expected=exc.expected, problem=exc.problem) from None

    @property
    def known(self) -> bool:
        return self.id in KNOWN_PLATFORMS

    @property
    def display_name(self) -> str:
        if self.name is not None:
            return self.name
        return KNOWN_PLATFORMS[self.id][0] if self.id in KNOWN_PLATFORMS else self.id

    def __str__(self) -> str:
        return self.display_name


def to_platform(value: Platform | str) -> Platform:
    if isinstance(value, Platform):
        return value
    if isinstance(value, str):
        return _named(value)
    raise Invalid(value, "a Platform or a platform name such as 'Telegram'")


def to_optional_platform(value: Platform | str | None) -> Platform | None:
    return None if value is None else to_platform(value)


def to_platforms(value: Iterable[Platform | str]) -> tuple[Platform, ...]:
    return tuple_of(value, to_platform, "platforms", ready=lambda item: type(item) is Platform)


class AssetKind(Vocabulary):
    ACCOUNT = "account"
    PAGE = "page"
    GROUP = "group"
    CHANNEL = "channel"
    BOT = "bot"
    WEBSITE = "website"
    DOMAIN = "domain"
    APP = "app"
    AD = "ad"
    OTHER = "other"


@model
@frozen(kw_only=True)
class Asset:
    """Accounts, pages, groups, channels, websites or domains an operation ran on one platform."""

    #: The platform the assets were on; a name such as ``"Twitter"`` is read into its canonical
    #: platform.
    platform: Platform = field(converter=to_platform)
    #: What the assets are: accounts, pages, groups, channels, websites, domains...
    kind: AssetKind = field(default=AssetKind.ACCOUNT, converter=AssetKind)
    #: How many there were, as the source says it.
    count: Count | None = field(default=None, converter=to_optional_count)
    #: How many followers they had together.
    followers: Count | None = field(default=None, converter=to_optional_count)
    #: Handles, URLs or domains of the assets, as the source gives them.
    identifiers: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: What the source says about the assets.
    note: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        count = f"{self.count} " if self.count is not None else ""
        return f"{count}{self.platform} {self.kind.value}s"
