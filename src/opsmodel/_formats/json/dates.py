"""Fuzzy dates in the JSON format: a date's value and precision are one readable string, ``date``.

``{"date": "2024-H1", "bound": "on_or_before"}``: the text says both the value and how much of it
the source states (``2024``, ``2024-H1``, ``2024-Q2``, ``2024-05``, ``2024-05-30`` or a UTC
instant ``2024-05-30T12:00:00Z``); the other fields of a :class:`~opsmodel.FuzzyDate` are
ordinary fields.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.gen import make_dict_unstructure_fn, override

from ..._model.dates import FuzzyDate, Precision
from ..._model.description import fields_of
from ..._model.trusted import builder, decoded_ready
from .errors import Mismatch

_DATE_FORMS = re.compile(
    r"^(?P<year>[0-9]{4})(?:"
    r"-H(?P<half>[12])|-Q(?P<quarter>[1-4])|-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})"
    r"(?:T(?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?)Z)?)?"
    r")?$"
)
#: The forms of ``date`` (with Python's named groups; the schema spells them for ECMA 262).
DATE_PATTERN = _DATE_FORMS.pattern
_DATE_EXPECTED = "a date as '2024', '2024-H1', '2024-Q2', '2024-05', '2024-05-30' or a UTC instant '2024-05-30T12:00:00Z'"

#: The fields of FuzzyDate the format writes as they are (``value`` and ``precision`` make ``date``).
OTHER_FIELDS = tuple(field for field in fields_of(FuzzyDate) if field.name not in ("value", "precision"))


def _date_of(m: re.Match[str]) -> tuple[dt.date, Precision] | None:
    """The date a matched text names, unless it is an instant (None); ValueError if no such day."""
    year = int(m["year"])
    if m["half"]:
        return dt.date(year, 6 * int(m["half"]) - 5, 1), Precision.HALF
    if m["quarter"]:
        return dt.date(year, 3 * int(m["quarter"]) - 2, 1), Precision.QUARTER
    if m["month"] is None:
        return dt.date(year, 1, 1), Precision.YEAR
    if m["day"] is None:
        return dt.date(year, int(m["month"]), 1), Precision.MONTH
    if m["time"] is None:
        return dt.date(year, int(m["month"]), int(m["day"])), Precision.DAY
    return None


def read_date(text: Any, _: Any = None) -> tuple[dt.date, Precision]:
    """The value and precision a ``date`` text gives; a :class:`Mismatch` if it is not one of the forms."""
    if type(text) is not str:
        raise Mismatch(text, _DATE_EXPECTED, "type")
    m = _DATE_FORMS.match(text)
    if m is None:
        raise Mismatch(text, _DATE_EXPECTED, "value", problem=f"{json.dumps(text, ensure_ascii=False)} is not a date")
    try:
        date = _date_of(m)
        if date is not None:
            return date
        moment = dt.datetime.fromisoformat(f"{text[:-1]}+00:00")
    except ValueError as exc:
        raise Mismatch(text, _DATE_EXPECTED, "value", problem=f"{json.dumps(text)} is not a calendar date ({exc})") from None
    if moment.microsecond == 0 and "." in text:
        raise Mismatch(
            text, "no fraction of a second when it is zero", "not_canonical", problem=f"{json.dumps(text)} has '.000000'"
        )
    return moment, Precision.INSTANT


def noted(exc: Exception, name: str) -> Exception:
    """``exc`` marked, as cattrs marks it, as raised by the field ``name``."""
    exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(f"@ attribute {name}", name, object)]
    return exc


def fuzzy_date_structure(converter: cattrs.Converter, detailed: bool) -> Callable[[dict[str, Any]], FuzzyDate]:
    """The reader of a FuzzyDate's fields (its ``date`` and the others), as cattrs' generated ones work."""
    fields = [("date", str, read_date), *[(f.name, f.type, converter.get_structure_hook(f.type)) for f in OTHER_FIELDS]]
    # the enums the hooks read are exact; the date itself goes through the model's converter
    make = builder(FuzzyDate, decoded_ready(FuzzyDate))

    def structure_fuzzy_date(value: dict[str, Any]) -> FuzzyDate:
        errors: list[Exception] = []
        kwargs: dict[str, Any] = {}
        for name, tp, hook in fields:
            if name in value:
                try:
                    kwargs[name] = hook(value[name], tp)
                except Exception as exc:
                    errors.append(noted(exc, name))
            elif name == "date":
                errors.append(noted(KeyError(name), name))
        if errors:
            if detailed:
                raise ClassValidationError("While structuring FuzzyDate", errors, FuzzyDate)
            raise errors[0]
        kwargs["value"], kwargs["precision"] = kwargs.pop("date")
        try:
            made: FuzzyDate = make(kwargs)
            return made
        except Exception as exc:
            if detailed:
                raise ClassValidationError("While structuring FuzzyDate", [exc], FuzzyDate) from None
            raise

    return structure_fuzzy_date


def fuzzy_date_unstructure(converter: cattrs.Converter) -> Callable[[FuzzyDate], dict[str, Any]]:
    """The writer of a FuzzyDate: ``date`` first, then the other fields that differ from their defaults."""
    rest = make_dict_unstructure_fn(
        FuzzyDate, converter, _cattrs_omit_if_default=True, value=override(omit=True), precision=override(omit=True)
    )

    def unstructure_fuzzy_date(date: FuzzyDate) -> dict[str, Any]:
        return {"date": date.isoformat(), **rest(date)}

    return unstructure_fuzzy_date
