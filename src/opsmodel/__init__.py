"""opsmodel: covert influence operations from threat reports, as typed, immutable data."""

from ._core.exports import publish
from ._model.actors import Actor, ActorKind, Attribution, AttributionRole, ClaimStatus, Designation
from ._model.claims import (
    AttributionStance,
    Awareness,
    ConfidenceLevel,
    DateBasis,
    DateClaim,
    DatedEvent,
    Likelihood,
    Voice,
    estimate,
)
from ._model.conduct import (
    AIAccess,
    AIPurpose,
    AIToolKind,
    AIUse,
    Disruption,
    DisruptionAction,
    Impact,
    ImpactQualifier,
    Narrative,
)
from ._model.counts import Count, CountKind, Money, parse_count
from ._model.dates import (
    Anchor,
    Bound,
    FuzzyDate,
    Part,
    Period,
    Precision,
    RelativeDate,
    parse_date,
    parse_period,
)
from ._model.durations import Duration, TimeUnit, parse_duration
from ._model.languages import Language
from ._model.measures import Counted, Measure, MeasureBasis, MeasureScope, MeasureStage, Share, parse_share
from ._model.money_wording import parse_money
from ._model.operations import ActivityKind, Operation, OperationKind, Report
from ._model.places import Audience, Country, Region, Subdivision, Target
from ._model.platforms import KNOWN_PLATFORMS, Asset, AssetKind, Platform
from ._model.provenance import PublicationStatus, SourceAccess, SourceRole
from ._model.relations import Alias, AliasKind, Relation, RelationKind
from ._model.sources import Source
from ._model.techniques import LLM_TTP, Confidence, Tactic, TechniqueRef, TechniqueUse
from ._version import __version__
from .errors import FieldError, OpsmodelError, ParseError

__all__ = [
    "KNOWN_PLATFORMS",
    "LLM_TTP",
    "AIAccess",
    "AIPurpose",
    "AIToolKind",
    "AIUse",
    "ActivityKind",
    "Actor",
    "ActorKind",
    "Alias",
    "AliasKind",
    "Anchor",
    "Asset",
    "AssetKind",
    "Attribution",
    "AttributionRole",
    "AttributionStance",
    "Audience",
    "Awareness",
    "Bound",
    "ClaimStatus",
    "Confidence",
    "ConfidenceLevel",
    "Count",
    "CountKind",
    "Counted",
    "Country",
    "DateBasis",
    "DateClaim",
    "DatedEvent",
    "Designation",
    "Disruption",
    "DisruptionAction",
    "Duration",
    "FieldError",
    "FuzzyDate",
    "Impact",
    "ImpactQualifier",
    "Language",
    "Likelihood",
    "Measure",
    "MeasureBasis",
    "MeasureScope",
    "MeasureStage",
    "Money",
    "Narrative",
    "Operation",
    "OperationKind",
    "OpsmodelError",
    "ParseError",
    "Part",
    "Period",
    "Platform",
    "Precision",
    "PublicationStatus",
    "Region",
    "Relation",
    "RelationKind",
    "RelativeDate",
    "Report",
    "Share",
    "Source",
    "SourceAccess",
    "SourceRole",
    "Subdivision",
    "Tactic",
    "Target",
    "TechniqueRef",
    "TechniqueUse",
    "TimeUnit",
    "Voice",
    "__version__",
    "estimate",
    "parse_count",
    "parse_date",
    "parse_duration",
    "parse_money",
    "parse_period",
    "parse_share",
]

publish(__name__)
