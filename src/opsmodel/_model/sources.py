"""Sources: the reports, articles and posts that facts are cited from."""

from __future__ import annotations

from typing import Any

import attrs
from attrs import field, frozen

from .._core.fields import (
    fail,
    model,
    to_optional_slug,
    to_optional_text,
    to_slug,
    to_text_tuple,
)
from .dates import FuzzyDate, to_optional_fuzzy_date
from .languages import Language, to_optional_language
from .provenance import PublicationStatus, SourceAccess, SourceRole


def _check_covers(instance: Source, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value == instance.id:
        raise fail(instance, attribute, value, "the id of another source", problem="a source cannot cover itself")


def _check_via(instance: Source, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and instance.access is SourceAccess.DIRECT:
        raise fail(
            instance,
            attribute,
            value,
            "an access other than 'direct' for a source read through something",
            problem="an intermediary given for a source read directly",
        )


@model
@frozen(kw_only=True)
class Source:
    """Where facts come from: a report, an article, a post. Facts cite it by ``id``.

    ``role`` says what it is among the report's sources (a summary of a fuller report, news
    coverage of one, a competing claim...), ``covers`` which source it summarises or contests,
    ``access`` and ``via`` how it was read, ``status`` whether its publication is confirmed.
    """

    #: The short id facts use to cite this source, unique within the operation (e.g.
    #: ``openai-2024-05``).
    id: str = field(converter=to_slug)
    #: Who published it: a company, an outlet, a government.
    publisher: str | None = field(default=None, converter=to_optional_text)
    #: The title of the report, article or post.
    title: str | None = field(default=None, converter=to_optional_text)
    #: Where the source can be read.
    url: str | None = field(default=None, converter=to_optional_text)
    #: When the source was published, as precisely as known.
    published: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)
    #: Its authors' names, in the source's order.
    authors: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The language the source is written in.
    language: Language | None = field(default=None, converter=to_optional_language)
    #: Passages quoted verbatim from the source, to back the facts that cite it.
    quotes: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: What the source is among the report's sources (the report itself, a summary of it...).
    role: SourceRole = field(default=SourceRole.PRIMARY, converter=SourceRole)
    #: The id of the source this one summarises, covers, maps onto a framework or contests.
    covers: str | None = field(default=None, converter=to_optional_slug, validator=_check_covers)
    #: How the source was read: directly, or through a transcription, translation, intermediary or archive.
    access: SourceAccess = field(default=SourceAccess.DIRECT, converter=SourceAccess)
    #: What it was read through, when not directly ("a transcription by the BBC").
    via: str | None = field(default=None, converter=to_optional_text, validator=_check_via)
    #: Whether its publication is confirmed.
    status: PublicationStatus = field(default=PublicationStatus.PUBLISHED, converter=PublicationStatus)

    def __str__(self) -> str:
        return " - ".join(p for p in (self.publisher, self.title) if p) or self.id
