"""The Breakout Scale (Ben Nimmo, Brookings, 2020): six categories of an operation's reach."""

from __future__ import annotations

from attrs import field, frozen

from .._core.errors import UnknownCategoryError
from .._core.fields import model, to_text, whole_number


@model
@frozen(kw_only=True)
class BreakoutCategory:
    """One category of the Breakout Scale: its number, short name and definition."""

    #: The category's number, 1 to 6.
    number: int = field(validator=whole_number(1, 6, expected="a category number from 1 to 6"))
    #: Its short name ("One platform, no breakout").
    name: str = field(converter=to_text)
    #: What an operation must reach to be rated in it, in Nimmo's words.
    definition: str = field(converter=to_text)

    def __str__(self) -> str:
        return f"Category {self.number}: {self.name}"


BREAKOUT_SCALE: tuple[BreakoutCategory, ...] = (
    BreakoutCategory(
        number=1,
        name="one platform, no breakout",
        definition="The operation stays on one platform and does not break out of the community where it was planted.",
    ),
    BreakoutCategory(
        number=2,
        name="one platform with breakout, or many platforms without",
        definition="The operation either breaks out of its community on one platform, or runs on several platforms "
        "without breaking out of its communities on any.",
    ),
    BreakoutCategory(
        number=3,
        name="many platforms, multiple breakouts",
        definition="The operation runs on several platforms and breaks out of its communities on several of them.",
    ),
    BreakoutCategory(
        number=4,
        name="cross-medium breakout",
        definition="The operation's content breaks out of social media into another medium such as mainstream "
        "media, where journalists report or embed it.",
    ),
    BreakoutCategory(
        number=5,
        name="celebrity amplification",
        definition="A celebrity or other high-profile figure, politicians included, amplifies the operation's content.",
    ),
    BreakoutCategory(
        number=6,
        name="policy response or call for violence",
        definition="The operation triggers a policy response (such as a government statement, action or change "
        "of law) or carries a call for violence.",
    ),
)


def breakout_category(number: int) -> BreakoutCategory:
    """The Breakout Scale category numbered 1-6 (as in :attr:`opsmodel.Impact.category`)."""
    if type(number) is int and 1 <= number <= 6:
        return BREAKOUT_SCALE[number - 1]
    raise UnknownCategoryError(f"{number!r} is not a Breakout Scale category; expected an integer from 1 to 6")
