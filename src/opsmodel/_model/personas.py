"""As whom an operation spoke: personas, fronts, impersonated outlets and brands, content artefacts.

A :class:`Persona` is who the operation's accounts pretended to be ("nurses, retirees and shop
owners"); a :class:`Front` a brand it ran under and how the brand presented itself ("an
independent think tank"); an :class:`Impersonation` a real outlet, body or brand it passed itself
off as (Doppelganger's clones of real newspapers); an :class:`Artefact` a piece of content with a
life of its own (a film, a fake documentary), with its reach as :class:`~.measures.Measure` figures.
"""

from __future__ import annotations

from attrs import field, frozen

from .._core.fields import (
    InstancesOf,
    TupleOf,
    Vocabulary,
    any_given,
    model,
    to_optional_text,
    to_source_ids,
    to_text,
    to_text_tuple,
    words_of,
)
from .counts import Count, to_optional_count
from .dates import FuzzyDate, to_optional_fuzzy_date
from .measures import Measure
from .places import Place, to_optional_place
from .platforms import Platform, to_platforms


class PersonaKind(Vocabulary):
    #: Ordinary people of some walk of life or community ("nurses", "Jewish students").
    INDIVIDUAL = "individual"
    #: Journalists, bloggers or commentators.
    JOURNALIST = "journalist"
    #: Experts or academics.
    EXPERT = "expert"
    #: Officials, or people speaking for an institution.
    OFFICIAL = "official"
    #: Activists or members of a movement.
    ACTIVIST = "activist"
    #: Another kind of persona.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Persona:
    """Who an operation's accounts pretended to be: one persona per kind of person ("nurses", "retirees")."""

    #: Who the accounts posed as, in the source's words ("nurses", "concerned citizens").
    posed_as: str = field(converter=to_text)
    #: What sort of persona it is: ordinary people, journalists, experts, officials, activists.
    kind: PersonaKind = field(default=PersonaKind.INDIVIDUAL, converter=PersonaKind)
    #: Where the personas claimed to be ("American nurses" is the United States).
    place: Place | None = field(default=None, converter=to_optional_place)
    #: How many accounts used the persona.
    count: Count | None = field(default=None, converter=to_optional_count)
    #: The platforms the persona was used on.
    platforms: tuple[Platform, ...] = field(default=(), converter=to_platforms)
    #: The persona in the source's words ("posed as nurses, retirees and shop owners").
    wording: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        return f"posed as {self.posed_as}"


class FrontKind(Vocabulary):
    """What a front presents itself as."""

    #: A news outlet or news agency.
    NEWS_OUTLET = "news_outlet"
    #: A think tank or research centre.
    THINK_TANK = "think_tank"
    #: A non-governmental organisation, a charity or a foundation.
    NGO = "ngo"
    #: A grassroots or activist group.
    ACTIVIST_GROUP = "activist_group"
    #: A fact-checker.
    FACT_CHECKER = "fact_checker"
    #: A company.
    COMPANY = "company"
    #: A single influencer, blogger or commentator.
    INFLUENCER = "influencer"
    #: Something else.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Front:
    """A brand an operation ran under, and how the brand presented itself ("an independent think tank")."""

    #: The front's name.
    name: str = field(converter=to_text)
    #: What it presented itself as: a news outlet, a think tank, an NGO...
    presents_as: FrontKind = field(default=FrontKind.OTHER, converter=FrontKind)
    #: How it described itself, in its or the source's words ("an independent think tank").
    self_description: str | None = field(default=None, converter=to_optional_text)
    #: Where it claimed to be based.
    place: Place | None = field(default=None, converter=to_optional_place)
    #: Its sites, domains or handles, as the source gives them.
    identifiers: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        return f"{self.name} ({words_of(self.presents_as)})"


class ImpersonatedKind(Vocabulary):
    #: A news outlet.
    NEWS_OUTLET = "news_outlet"
    #: A government, a ministry or an agency.
    GOVERNMENT = "government"
    #: An organisation that is not a government (an NGO, a party, an international body).
    ORGANISATION = "organisation"
    #: A company or a brand.
    BRAND = "brand"
    #: A real person.
    PERSON = "person"
    #: Something else.
    OTHER = "other"


class ImpersonationMethod(Vocabulary):
    #: A copy of the real site, served under another domain.
    CLONED_SITE = "cloned_site"
    #: A domain made to look like the real one.
    LOOKALIKE_DOMAIN = "lookalike_domain"
    #: An account posing as the real one.
    FAKE_ACCOUNT = "fake_account"
    #: A forged document, letter or statement.
    FORGED_DOCUMENT = "forged_document"
    #: The real one's logo, layout or branding on the operation's content.
    COPIED_BRANDING = "copied_branding"
    #: Another method.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Impersonation:
    """A real outlet, body, brand or person an operation passed itself off as (a cloned newspaper's site)."""

    #: The real one's name ("Der Spiegel").
    name: str = field(converter=to_text)
    #: What it is: a news outlet, a government, an organisation, a brand, a person.
    kind: ImpersonatedKind = field(default=ImpersonatedKind.NEWS_OUTLET, converter=ImpersonatedKind)
    #: How the operation impersonated it: cloned site, lookalike domain, fake account, forged document...
    methods: tuple[ImpersonationMethod, ...] = field(default=(), converter=TupleOf[ImpersonationMethod])
    #: The country (or place) of the real one: the locale the operation borrowed.
    place: Place | None = field(default=None, converter=to_optional_place)
    #: The operation's lookalike domains, URLs or handles, as the source gives them.
    identifiers: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: What the source says about the impersonation.
    note: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        return f"impersonated {self.name}"


class ArtefactKind(Vocabulary):
    #: A film.
    FILM = "film"
    #: A documentary (often a fake one).
    DOCUMENTARY = "documentary"
    #: A video.
    VIDEO = "video"
    #: An article.
    ARTICLE = "article"
    #: A book.
    BOOK = "book"
    #: An image, a meme or a cartoon.
    IMAGE = "image"
    #: A podcast or an audio recording.
    AUDIO = "audio"
    #: A song.
    SONG = "song"
    #: A game.
    GAME = "game"
    #: A document (a leak, a report, a petition).
    DOCUMENT = "document"
    #: Another kind of content.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Artefact:
    """A piece of content with a life of its own (a film, a fake documentary), and its reach."""

    #: What it is: a film, a documentary, a video, a book...
    kind: ArtefactKind = field(converter=ArtefactKind)
    #: Its title.
    title: str | None = field(default=None, converter=to_optional_text)
    #: What it is, in the source's words ("a fake documentary about ..."); required without a title.
    description: str | None = field(
        default=None, converter=to_optional_text, validator=any_given("title", "description", expected="a title or a description")
    )
    #: When it came out.
    published: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)
    #: The platforms it was published on.
    platforms: tuple[Platform, ...] = field(default=(), converter=to_platforms)
    #: How far it reached: views, shares, impressions... as measures of its own.
    reach: tuple[Measure, ...] = field(default=(), converter=InstancesOf[Measure])
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        return f"{words_of(self.kind)} {self.title!r}" if self.title is not None else str(self.description)
