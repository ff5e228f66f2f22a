"""Where a source stands: its role among the sources of a report, how it was read, whether it was published.

A report is rarely read alone: a summary blog accompanies the full report, news coverage
repeats it, a third party maps it onto a framework, a journalist contests it; a text may be
read only through a transcription or an intermediary, or its publication not be confirmed.
"""

from __future__ import annotations

from .._core.fields import Vocabulary


class SourceRole(Vocabulary):
    """What a source is among the sources of a report."""

    #: The report or document itself.
    PRIMARY = "primary"
    #: A summary (a blog post) of a fuller report, named by ``covers``.
    SUMMARY = "summary"
    #: News coverage of a report, named by ``covers``.
    NEWS_COVERAGE = "news_coverage"
    #: A third party's mapping of a report onto a framework (DISARM, ATT&CK).
    FRAMEWORK_MAPPING = "framework_mapping"
    #: A claim that competes with the report's (a journalist's, another publisher's).
    COMPETING_CLAIM = "competing_claim"
    #: A source that only repeats others (a press release quoting a report).
    SECONDARY = "secondary"


class SourceAccess(Vocabulary):
    """How the recorder of a report read a source."""

    #: The source itself.
    DIRECT = "direct"
    #: A transcription of it (of a video, a hearing, a podcast).
    TRANSCRIPTION = "transcription"
    #: A translation of it.
    TRANSLATION = "translation"
    #: Another publication quoting or describing it.
    INTERMEDIARY = "intermediary"
    #: An archived copy (the original is gone).
    ARCHIVE = "archive"


class PublicationStatus(Vocabulary):
    """Whether a source was published as described."""

    PUBLISHED = "published"
    #: Cited or described by others, but its publication could not be confirmed.
    UNCONFIRMED = "unconfirmed"
    #: Published, then withdrawn by its publisher.
    WITHDRAWN = "withdrawn"
