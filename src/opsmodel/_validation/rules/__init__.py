"""The built-in validation rules, one module per code family, gathered in :data:`RULES` in code order.

Codes are stable: OPS1xx dates (:mod:`.dates`), OPS2xx references and sources (:mod:`.references`),
OPS3xx duplicates (:mod:`.duplicates`), OPS4xx the Breakout Scale (:mod:`.breakout`), OPS5xx
counts (:mod:`.counts`), OPS6xx techniques and tactics against a catalogue (:mod:`.techniques`),
OPS7xx claims that cannot all be right (:mod:`.claims`), OPS8xx conduct told in ways that cannot all be
right: AI uses, disruptions, framework mappings, operation kinds, actors' places (:mod:`.conduct`), OPS9xx
venues, fronts, place roles and language uses (:mod:`.presence`).
OPS0xx are the raw document checks (:mod:`opsmodel._validation.documents`). Every rule is sound
on fuzzy data: a count "at least 12" never contradicts a larger one.
"""

from __future__ import annotations

from ..engine import Rule
from . import breakout, claims, conduct, counts, dates, duplicates, presence, references, techniques

RULES: tuple[Rule, ...] = (
    *dates.RULES,
    *references.RULES,
    *duplicates.RULES,
    *breakout.RULES,
    *counts.RULES,
    *techniques.RULES,
    *claims.RULES,
    *conduct.RULES,
    *presence.RULES,
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
