"""Who makes a claim and how firmly: voices, the estimative scale, attribution stances, dated claims.

Every fact a report gives is somebody's claim. Most are the cited source's own; some the source
only relays; some are the analyst's who records the report (opsmodel's user), who then cites no
source rather than invent one. How firm a claim is reads on the ICD 203 estimative scale: a
:class:`Likelihood` (how probable) and an analytic :class:`ConfidenceLevel` (how well founded),
which :func:`estimate` reads from the wordings reports use ("we assess", "consistent with",
"several independent lines of evidence").
"""

from __future__ import annotations

import re
from typing import Any

from attrs import field, frozen

from .._core.fields import Invalid, Vocabulary, model, to_optional_text, to_source_ids
from .dates import FuzzyDate, RelativeDate, to_optional_datelike


class Voice(Vocabulary):
    """Whose claim a fact is, next to the sources that give it."""

    #: The cited sources make the claim themselves.
    SOURCE = "source"
    #: The cited sources repeat the claimant's claim without verifying it.
    RELAYED = "relayed"
    #: The cited sources repeat the claimant's claim and confirm it.
    CORROBORATED = "corroborated"
    #: The analyst recording the report assesses it; no source need be cited.
    ANALYST = "analyst"


class Likelihood(Vocabulary):
    """The ICD 203 likelihood scale, from "almost no chance" to "almost certain"."""

    ALMOST_NO_CHANCE = "almost_no_chance"
    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN = "roughly_even"
    LIKELY = "likely"
    VERY_LIKELY = "very_likely"
    ALMOST_CERTAIN = "almost_certain"

    @property
    def range(self) -> tuple[int, int]:
        """The 0-100 scores (as in STIX ``confidence``) the level spans."""
        return LIKELIHOOD_RANGES[self]


class ConfidenceLevel(Vocabulary):
    """The ICD 203 analytic confidence: how well founded a judgment is, apart from how likely."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def range(self) -> tuple[int, int]:
        """The 0-100 scores STIX's confidence scale gives the level (STIX 2.1, appendix A)."""
        return LEVEL_RANGES[self]


#: The 0-100 score range of each likelihood (ICD 203's percentages).
LIKELIHOOD_RANGES: dict[Likelihood, tuple[int, int]] = {
    Likelihood.ALMOST_NO_CHANCE: (1, 5),
    Likelihood.VERY_UNLIKELY: (5, 20),
    Likelihood.UNLIKELY: (20, 45),
    Likelihood.ROUGHLY_EVEN: (45, 55),
    Likelihood.LIKELY: (55, 80),
    Likelihood.VERY_LIKELY: (80, 95),
    Likelihood.ALMOST_CERTAIN: (95, 99),
}
#: The 0-100 score range of each confidence level (STIX 2.1's Low/Med/High scale).
LEVEL_RANGES: dict[ConfidenceLevel, tuple[int, int]] = {
    ConfidenceLevel.LOW: (15, 35),
    ConfidenceLevel.MODERATE: (36, 69),
    ConfidenceLevel.HIGH: (70, 100),
}

#: Wordings of threat reports and the likelihood they state. A reading aid: the words are kept
#: beside it, and "we assess" or "consistent with" are conventions of this table, not of ICD 203.
LIKELIHOOD_WORDINGS: dict[str, Likelihood] = {
    "almost no chance": Likelihood.ALMOST_NO_CHANCE,
    "remote": Likelihood.ALMOST_NO_CHANCE,
    "very unlikely": Likelihood.VERY_UNLIKELY,
    "highly unlikely": Likelihood.VERY_UNLIKELY,
    "highly improbable": Likelihood.VERY_UNLIKELY,
    "unlikely": Likelihood.UNLIKELY,
    "improbable": Likelihood.UNLIKELY,
    "roughly even": Likelihood.ROUGHLY_EVEN,
    "possibly": Likelihood.ROUGHLY_EVEN,
    "possible": Likelihood.ROUGHLY_EVEN,
    "may be": Likelihood.ROUGHLY_EVEN,
    "consistent with": Likelihood.ROUGHLY_EVEN,
    "likely": Likelihood.LIKELY,
    "probably": Likelihood.LIKELY,
    "probable": Likelihood.LIKELY,
    "we assess": Likelihood.LIKELY,
    "very likely": Likelihood.VERY_LIKELY,
    "highly likely": Likelihood.VERY_LIKELY,
    "highly probable": Likelihood.VERY_LIKELY,
    "almost certainly": Likelihood.ALMOST_CERTAIN,
    "almost certain": Likelihood.ALMOST_CERTAIN,
    "nearly certain": Likelihood.ALMOST_CERTAIN,
}
#: Wordings of threat reports and the analytic confidence they state.
LEVEL_WORDINGS: dict[str, ConfidenceLevel] = {
    "low confidence": ConfidenceLevel.LOW,
    "limited evidence": ConfidenceLevel.LOW,
    "moderate confidence": ConfidenceLevel.MODERATE,
    "medium confidence": ConfidenceLevel.MODERATE,
    "high confidence": ConfidenceLevel.HIGH,
    "several independent lines of evidence": ConfidenceLevel.HIGH,
    "multiple independent lines of evidence": ConfidenceLevel.HIGH,
}


def _longest_match(words: str, table: dict[str, Any]) -> Any:
    # longest phrase first, on word boundaries, so that "very likely" wins over "likely" and
    # "unlikely" never reads as "likely"
    key = " ".join(words.lower().split())
    for phrase in sorted(table, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", key):
            return table[phrase]
    return None


def estimate(words: str) -> tuple[Likelihood | None, ConfidenceLevel | None]:
    """The likelihood and the confidence level a wording states (None for what it does not state).

    >>> estimate("we assess with moderate confidence")
    (<Likelihood.LIKELY: 'likely'>, <ConfidenceLevel.MODERATE: 'moderate'>)
    """
    return _longest_match(words, LIKELIHOOD_WORDINGS), _longest_match(words, LEVEL_WORDINGS)


class AttributionStance(Vocabulary):
    """What an attribution claim does: name someone, decline to name anyone, or rule someone out."""

    #: The claimant says the actor and/or countries stand behind the operation.
    ASSERTS = "asserts"
    #: The claimant declines to attribute the operation (it need name no one).
    DECLINES = "declines"
    #: The claimant rules the named actor and/or countries out.
    REJECTS = "rejects"


class Awareness(Vocabulary):
    """Whether the people said to run an operation knew they were part of one."""

    WITTING = "witting"
    UNWITTING = "unwitting"


class DatedEvent(Vocabulary):
    """What a claimed date is the date of."""

    ACTIVITY_START = "activity_start"
    ACTIVITY_END = "activity_end"
    FIRST_DETECTED = "first_detected"
    ASSETS_CREATED = "assets_created"
    FIRST_CONTENT = "first_content"
    LAST_CONTENT = "last_content"
    DISRUPTED = "disrupted"
    OTHER = "other"


class DateBasis(Vocabulary):
    """What a date was read or inferred from."""

    #: The source states the date.
    STATED = "stated"
    ACCOUNT_CREATION = "account_creation"
    DOMAIN_REGISTRATION = "domain_registration"
    DATED_SCREENSHOTS = "dated_screenshots"
    CONTENT_TIMESTAMPS = "content_timestamps"
    ARCHIVED_COPIES = "archived_copies"
    METADATA = "metadata"
    OTHER = "other"


def _to_datelike(value: Any) -> FuzzyDate | RelativeDate:
    converted = to_optional_datelike(value)
    if converted is None:
        raise Invalid(value, "a date (a FuzzyDate or RelativeDate, or a wording parse_date reads)")
    return converted


@model
@frozen(kw_only=True)
class DateClaim:
    """One claimed date of an operation: what it dates, on what evidence, and whose claim it is.

    The operation's ``activity`` and ``detected`` periods are the summary; date claims keep the
    dates behind them, such as two sources' conflicting starts or a start inferred from the
    creation dates of accounts.
    """

    #: What the date is the date of.
    event: DatedEvent = field(converter=DatedEvent)
    #: The date, absolute or relative to the report.
    date: FuzzyDate | RelativeDate = field(converter=_to_datelike)
    #: What the date was read or inferred from.
    basis: DateBasis = field(default=DateBasis.STATED, converter=DateBasis)
    #: Who claims the date, when not the cited sources' publisher.
    claimant: str | None = field(default=None, converter=to_optional_text)
    #: Whose claim it is relative to the cited sources (``analyst``: cites none).
    voice: Voice = field(default=Voice.SOURCE, converter=Voice)
    #: Anything else the source says about the date.
    note: str | None = field(default=None, converter=to_optional_text)
    #: The ids of the sources that give the date.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        """``activity start: 2023-02 (from account creation)``."""
        text = f"{self.event.value.replace('_', ' ')}: {self.date}"
        return text if self.basis is DateBasis.STATED else f"{text} (from {self.basis.value.replace('_', ' ')})"
