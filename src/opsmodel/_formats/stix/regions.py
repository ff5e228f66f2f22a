"""The STIX region a region's name denotes (STIX's ``region-ov`` vocabulary, with common aliases)."""

from __future__ import annotations

import re

#: STIX 2.1's region-ov vocabulary (UN M49 regions and subregions).
_REGION_OV = frozenset(
    [
        "africa",
        "eastern-africa",
        "middle-africa",
        "northern-africa",
        "southern-africa",
        "western-africa",
        "americas",
        "caribbean",
        "central-america",
        "latin-america-caribbean",
        "northern-america",
        "south-america",
        "asia",
        "central-asia",
        "eastern-asia",
        "southern-asia",
        "south-eastern-asia",
        "western-asia",
        "europe",
        "eastern-europe",
        "northern-europe",
        "southern-europe",
        "western-europe",
        "antarctica",
        "oceania",
        "australia-new-zealand",
        "melanesia",
        "micronesia",
        "polynesia",
    ]
)
#: STIX's country property wants ISO 3166-1 codes: the user-assigned ones opsmodel accepts are
#: written as the region they lie in.
USER_ASSIGNED_REGIONS = {"XK": "southern-europe"}
_ALIASES = {
    "latin-america": "latin-america-caribbean",
    "north-america": "northern-america",
    "middle-east": "western-asia",
    "near-east": "western-asia",
    "gulf": "western-asia",
    "gulf-states": "western-asia",
    "persian-gulf": "western-asia",
    "caucasus": "western-asia",
    "south-caucasus": "western-asia",
    "southeast-asia": "south-eastern-asia",
    "south-east-asia": "south-eastern-asia",
    "east-asia": "eastern-asia",
    "south-asia": "southern-asia",
    "balkans": "southern-europe",
    "western-balkans": "southern-europe",
    "baltics": "northern-europe",
    "baltic-states": "northern-europe",
    "nordics": "northern-europe",
    "scandinavia": "northern-europe",
    "sahel": "africa",
    "sub-saharan-africa": "africa",
    "west-africa": "western-africa",
    "east-africa": "eastern-africa",
    "north-africa": "northern-africa",
    "maghreb": "northern-africa",
    "central-africa": "middle-africa",
    "european-union": "europe",
    "eu": "europe",
    "eastern-and-central-europe": "eastern-europe",
    "central-and-eastern-europe": "eastern-europe",
    "central-europe": "eastern-europe",
    "pacific-islands": "oceania",
    "pacific": "oceania",
}


def region_vocabulary(name: str) -> str | None:
    """The STIX ``region-ov`` value a region's name denotes, if any (``"the Baltic States"`` gives ``northern-europe``)."""
    key = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    key = re.sub(r"^the-", "", key)
    key = key.replace("-and-the-", "-").replace("-region", "")
    if key in _REGION_OV:
        return key
    return _ALIASES.get(key)
