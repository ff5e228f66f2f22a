"""References to tactics and techniques of a framework (DISARM, ATT&CK, Meta's kill chain)."""

from __future__ import annotations

import re
from typing import Any

import attrs
from attrs import field, frozen

from .._core.fields import (
    Invalid,
    OptionalOf,
    Vocabulary,
    any_given,
    check_confidence_score,
    fail,
    model,
    shown,
    to_optional_text,
    to_slug,
    to_source_ids,
    to_text_tuple,
    with_article,
)
from .claims import ConfidenceLevel, Likelihood, Voice, estimate

# framework -> (technique id pattern, tactic id pattern, example technique id, example tactic id).
# Patterns are ECMA-compatible (they also go into JSON Schemas); match them with fullmatch().
ID_GRAMMARS: dict[str, tuple[re.Pattern[str], re.Pattern[str], str, str]] = {
    "disarm": (re.compile(r"^T[0-9]{4}(?:\.[0-9]{3})?$"), re.compile(r"^TA[0-9]{2}$"), "T0085.001", "TA06"),
    "attack": (re.compile(r"^T[0-9]{4}(?:\.[0-9]{3})?$"), re.compile(r"^TA[0-9]{4}$"), "T1566.002", "TA0001"),
    "meta-ookc": (re.compile(r"^[0-9]\.[0-9]{1,2}(?:\.[0-9]{1,2})?$"), re.compile(r"^[0-9]$"), "0.6.2", "0"),
}
_FRAMEWORK_ALIASES = {
    "disarm red": "disarm",
    "disarm-red": "disarm",
    "mitre-attack": "attack",
    "att&ck": "attack",
    "mitre att&ck": "attack",
    "meta": "meta-ookc",
    "ookc": "meta-ookc",
    "online operations kill chain": "meta-ookc",
}


def to_framework(value: str) -> str:
    if type(value) is str and value in ID_GRAMMARS:
        return value
    if not isinstance(value, str):
        raise Invalid(value, "a framework id such as 'disarm', 'attack' or 'meta-ookc'")
    key = value.strip().lower()
    return to_slug(_FRAMEWORK_ALIASES.get(key, key))


def _check_technique_id(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _check_id(instance, attribute, value, 0)


def _check_tactic_id(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _check_id(instance, attribute, value, 1)


def _check_id(instance: Any, attribute: attrs.Attribute[Any], value: Any, which: int) -> None:
    if not isinstance(value, str) or not value.strip():
        raise fail(instance, attribute, value, "a non-empty id string")
    grammar = ID_GRAMMARS.get(instance.framework)
    if grammar is None:
        return
    pattern, example = (grammar[0], grammar[2]) if which == 0 else (grammar[1], grammar[3])
    if not pattern.fullmatch(value):
        kind = "technique" if which == 0 else "tactic"
        raise fail(
            instance,
            attribute,
            value,
            f"{with_article(instance.framework)} {kind} id like {example!r}",
            problem=f"{shown(value)} is not {with_article(instance.framework)} {kind} id",
        )


@model
@frozen(kw_only=True)
class Tactic:
    """A framework's tactic (DISARM ``TA06``, ATT&CK ``TA0001``, kill chain phase ``0``)."""

    #: The framework's id: ``disarm``, ``attack`` or ``meta-ookc`` (aliases are normalised), or
    #: another.
    framework: str = field(converter=to_framework)
    #: The tactic's id in the framework (``TA06``), checked against the framework's id grammar.
    id: str = field(validator=_check_tactic_id)
    #: The tactic's name in the framework.
    name: str | None = field(default=None, converter=to_optional_text)
    #: The framework release the id is taken from.
    version: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        return f"{self.id} {self.name}" if self.name else self.id


@model
@frozen(kw_only=True)
class TechniqueRef:
    """A technique of a framework, by id (``T0085.001``), optionally pinned to a version and named.

    The id's grammar is checked for the frameworks opsmodel knows; whether the id exists in a
    given release is a question for :mod:`opsmodel.taxonomy`.
    """

    #: The framework's id: ``disarm``, ``attack`` or ``meta-ookc`` (aliases are normalised), or
    #: another.
    framework: str = field(converter=to_framework)
    #: The technique's id in the framework (``T0085.001``), checked against the framework's id
    #: grammar.
    id: str = field(validator=_check_technique_id)
    #: The framework release the id is taken from.
    version: str | None = field(default=None, converter=to_optional_text)
    #: The technique's name in the framework.
    name: str | None = field(default=None, converter=to_optional_text)

    @classmethod
    def disarm(cls, technique_id: str, name: str | None = None, *, version: str | None = None) -> TechniqueRef:
        return cls(framework="disarm", id=technique_id, name=name, version=version)

    @property
    def parent_id(self) -> str | None:
        """The parent technique's id for a sub-technique (``T0085`` for ``T0085.001``)."""
        head, dot, _ = self.id.rpartition(".")
        return head if dot and (self.framework != "meta-ookc" or head.count(".") == 1) else None

    def __str__(self) -> str:
        return f"{self.id} {self.name}" if self.name else self.id


# Ranges from the US ICD 203 estimative-language scale, used to read the words of a source.
ESTIMATIVE_RANGES = {
    "almost no chance": (1, 5),
    "remote": (1, 5),
    "very unlikely": (5, 20),
    "highly improbable": (5, 20),
    "unlikely": (20, 45),
    "improbable": (20, 45),
    "roughly even chance": (45, 55),
    "roughly even odds": (45, 55),
    "likely": (55, 80),
    "probably": (55, 80),
    "probable": (55, 80),
    "very likely": (80, 95),
    "highly likely": (80, 95),
    "highly probable": (80, 95),
    "almost certainly": (95, 99),
    "nearly certain": (95, 99),
    "low confidence": (20, 45),
    "moderate confidence": (45, 80),
    "medium confidence": (45, 80),
    "high confidence": (80, 95),
}


@model
@frozen(kw_only=True)
class Confidence:
    """How sure a source is: a 0-100 score (as in STIX), its estimative words, their place on the ICD 203 scale.

    :meth:`worded` reads the likelihood and the confidence level from the words.
    """

    #: A score from 0 to 100, as STIX gives confidence.
    score: int | None = field(default=None, validator=check_confidence_score)
    #: The source's estimative words ("high confidence", "likely").
    words: str | None = field(
        default=None,
        converter=to_optional_text,
        validator=any_given(
            "score", "words", "likelihood", "level", expected="a score, the source's words, a likelihood or a confidence level"
        ),
    )
    #: How probable the claim is said to be, on the ICD 203 scale.
    likelihood: Likelihood | None = field(default=None, converter=OptionalOf[Likelihood])
    #: How well founded the claim is said to be (ICD 203 analytic confidence).
    level: ConfidenceLevel | None = field(default=None, converter=OptionalOf[ConfidenceLevel])

    @classmethod
    def worded(cls, words: str, *, score: int | None = None) -> Confidence:
        """The source's words with the likelihood and level they state (see :func:`opsmodel.estimate`).

        >>> str(Confidence.worded("we assess with high confidence"))
        'we assess with high confidence (likely, high confidence)'
        """
        likelihood, level = estimate(words)
        return cls(score=score, words=words, likelihood=likelihood, level=level)

    @property
    def estimated_range(self) -> tuple[int, int] | None:
        """The score range the confidence implies: the score, else the likelihood's, the level's, the words'."""
        if self.score is not None:
            return (self.score, self.score)
        if self.likelihood is not None:
            return self.likelihood.range
        if self.level is not None:
            return self.level.range
        if self.words is None:
            return None
        key = re.sub(r"\s+", " ", self.words.strip().lower())
        for phrase in sorted(ESTIMATIVE_RANGES, key=len, reverse=True):
            if phrase in key:
                return ESTIMATIVE_RANGES[phrase]
        return None

    def __str__(self) -> str:
        scale = [self.likelihood.value.replace("_", " ")] if self.likelihood is not None else []
        if self.level is not None:
            scale.append(f"{self.level.value} confidence")
        if self.score is not None:
            scale.append(str(self.score))
        if self.words is None:
            return ", ".join(scale)
        return f"{self.words} ({', '.join(scale)})" if scale else self.words


def to_optional_confidence(value: Confidence | int | str | None) -> Confidence | None:
    if value is None or isinstance(value, Confidence):
        return value
    if type(value) is int:
        return Confidence(score=value)
    if isinstance(value, str):
        return Confidence(words=value)
    raise Invalid(value, "a Confidence, a 0-100 score or the source's estimative words")


def _to_technique(value: TechniqueRef | str | None) -> TechniqueRef | None:
    if value is None or isinstance(value, TechniqueRef):
        return value
    if isinstance(value, str) and ID_GRAMMARS["disarm"][0].fullmatch(value):
        return TechniqueRef(framework="disarm", id=value)
    raise Invalid(value, "a TechniqueRef (or a DISARM technique id such as 'T0085.001')")


def _to_optional_tactic(value: Tactic | None) -> Tactic | None:
    if value is None or isinstance(value, Tactic):
        return value
    raise Invalid(value, "a Tactic")


@model
@frozen(kw_only=True)
class TechniqueUse:
    """An operation's use of a technique, or of a tactic alone: which, how, on what evidence, how sure, mapped by whom.

    A source (or a third party, or the analyst) may map what an operation did to a framework's
    tactic (a kill-chain phase) without naming a technique: ``technique`` is then None. The
    mapping is a claim: ``claimant`` and ``voice`` say whose, as for attributions and relations.
    """

    #: Which technique; a DISARM technique id alone is read as a DISARM reference. None for a tactic
    #: mapped without a technique (model 1.1).
    technique: TechniqueRef | None = field(default=None, converter=_to_technique)
    #: The tactic the technique served here, when the source says; required without a technique.
    tactic: Tactic | None = field(
        default=None,
        converter=_to_optional_tactic,
        validator=any_given("technique", "tactic", expected="a technique, a tactic, or both"),
    )
    #: How the operation used the technique, in the source's words.
    procedure: str | None = field(default=None, converter=to_optional_text)
    #: What shows the use: quoted posts, URLs, observations.
    evidence: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: How sure the source is that the technique was used.
    confidence: Confidence | None = field(default=None, converter=to_optional_confidence)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: Who made the mapping to the framework, when not the cited sources' publisher: a third party
    #: (a researcher mapping another's report) (model 1.1).
    claimant: str | None = field(default=None, converter=to_optional_text)
    #: Whose mapping it is next to its sources: theirs, relayed by them, or the analyst's own, who
    #: then cites no source (model 1.1).
    voice: Voice = field(default=Voice.SOURCE, converter=Voice)

    @property
    def framework(self) -> str:
        """The framework of the technique, else of the tactic."""
        ref = self.technique if self.technique is not None else self.tactic
        assert ref is not None  # the validator requires one
        return ref.framework

    def __str__(self) -> str:
        """``T0085.001 Develop AI-Generated Text``; a tactic alone: ``TA06 Develop Content (tactic)``."""
        return str(self.technique) if self.technique is not None else f"{self.tactic} (tactic)"


class LLM_TTP(Vocabulary):  # noqa: N801 - the name the two publishers gave the list
    """The nine LLM-themed TTPs Microsoft and OpenAI published in February 2024."""

    RECONNAISSANCE = "llm-informed reconnaissance"
    SCRIPTING = "llm-enhanced scripting techniques"
    DEVELOPMENT = "llm-aided development"
    SOCIAL_ENGINEERING = "llm-supported social engineering"
    VULNERABILITY_RESEARCH = "llm-assisted vulnerability research"
    PAYLOAD_CRAFTING = "llm-optimized payload crafting"
    ANOMALY_DETECTION_EVASION = "llm-enhanced anomaly detection evasion"
    SECURITY_FEATURE_BYPASS = "llm-directed security feature bypass"
    RESOURCE_DEVELOPMENT = "llm-advised resource development"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            key = re.sub(r"\s+", " ", value.strip().lower().replace("_", " "))
            for member in cls:
                if key in (member.value, member.name.lower().replace("_", " ")):
                    return member
        return super()._missing_(value)

    @classmethod
    def _plural(cls) -> str:
        return "LLM-themed TTPs"
