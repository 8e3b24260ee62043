"""Where a supplier or a site is: the programme region of a country (resources/regions.yaml)
and a checked time zone name. Shared by the device and HQ; it reads no store."""
from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sva.errors import BadInput
from sva.paths import resource


@lru_cache(maxsize=1)
def _country_regions() -> dict[str, str]:
    import yaml   # here, not at the top: opening a workspace never needs PyYAML

    doc = yaml.safe_load(resource("regions.yaml").read_text("utf-8"))
    return {c: region for region, countries in doc["regions"].items() for c in countries}


def region_of(country: str) -> str:
    try:
        return _country_regions()[country.upper()]
    except KeyError:
        raise BadInput(f"unknown country code {country!r} (ISO 3166 alpha-2, e.g. JP)",
                       field="country") from None


def check_timezone(name: str) -> str:
    """`name` if it is an IANA time zone (e.g. Asia/Tokyo); BadInput otherwise."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInput(f"unknown time zone {name!r} (e.g. Asia/Tokyo)", field="timezone") from None
    return name
