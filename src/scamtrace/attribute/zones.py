"""Victims' time zones: turn a naive local incident time into UTC.

A report gives ``incident_at`` in the victim's local time, often without an
offset. The victim's country (and for the US, Canada and Australia the
state or province) decides the zone; a country with several zones and no
region leaves the time unusable rather than guessed.
"""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# One zone for the whole country.
COUNTRY_ZONE: dict[str, str] = {
    "GB": "Europe/London", "IE": "Europe/Dublin", "IN": "Asia/Kolkata", "NZ": "Pacific/Auckland",
    "DE": "Europe/Berlin", "FR": "Europe/Paris", "ES": "Europe/Madrid", "IT": "Europe/Rome",
    "NL": "Europe/Amsterdam", "BE": "Europe/Brussels", "CH": "Europe/Zurich", "AT": "Europe/Vienna",
    "SE": "Europe/Stockholm", "NO": "Europe/Oslo", "DK": "Europe/Copenhagen", "FI": "Europe/Helsinki",
    "PL": "Europe/Warsaw", "PT": "Europe/Lisbon", "SG": "Asia/Singapore", "JP": "Asia/Tokyo",
    "ZA": "Africa/Johannesburg", "PK": "Asia/Karachi", "BD": "Asia/Dhaka", "PH": "Asia/Manila",
    "AE": "Asia/Dubai", "IL": "Asia/Jerusalem", "HK": "Asia/Hong_Kong", "KR": "Asia/Seoul",
    "JM": "America/Jamaica", "NG": "Africa/Lagos", "GH": "Africa/Accra", "MY": "Asia/Kuala_Lumpur",
    "LK": "Asia/Colombo", "NP": "Asia/Kathmandu", "CN": "Asia/Shanghai", "KH": "Asia/Phnom_Penh",
}  # fmt: skip

US_STATE_ZONE: dict[str, str] = {
    **dict.fromkeys(
        ("CT", "DC", "DE", "FL", "GA", "IN", "KY", "MA", "MD", "ME", "MI", "NC", "NH", "NJ", "NY", "OH", "PA", "RI",
         "SC", "VA", "VT", "WV"),
        "America/New_York",
    ),
    **dict.fromkeys(
        ("AL", "AR", "IA", "IL", "KS", "LA", "MN", "MO", "MS", "ND", "NE", "OK", "SD", "TN", "TX", "WI"),
        "America/Chicago",
    ),
    **dict.fromkeys(("CO", "ID", "MT", "NM", "UT", "WY"), "America/Denver"),
    "AZ": "America/Phoenix",
    **dict.fromkeys(("CA", "NV", "OR", "WA"), "America/Los_Angeles"),
    "AK": "America/Anchorage",
    "HI": "Pacific/Honolulu",
    "PR": "America/Puerto_Rico",
}  # fmt: skip
US_STATE_NAMES: dict[str, str] = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "district of columbia": "DC", "washington dc": "DC", "washington, dc": "DC",
    "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE",
    "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
    "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR",
    "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR",
}  # fmt: skip
CA_PROVINCE_ZONE: dict[str, str] = {
    "ON": "America/Toronto", "QC": "America/Toronto", "BC": "America/Vancouver", "AB": "America/Edmonton",
    "MB": "America/Winnipeg", "SK": "America/Regina", "NS": "America/Halifax", "NB": "America/Moncton",
    "NL": "America/St_Johns", "PE": "America/Halifax", "YT": "America/Whitehorse", "NT": "America/Yellowknife",
    "NU": "America/Iqaluit",
}  # fmt: skip
CA_PROVINCE_NAMES: dict[str, str] = {
    "ontario": "ON", "quebec": "QC", "québec": "QC", "british columbia": "BC", "alberta": "AB", "manitoba": "MB",
    "saskatchewan": "SK", "nova scotia": "NS", "new brunswick": "NB", "newfoundland and labrador": "NL",
    "newfoundland": "NL", "prince edward island": "PE", "yukon": "YT", "northwest territories": "NT", "nunavut": "NU",
}  # fmt: skip
AU_STATE_ZONE: dict[str, str] = {
    "NSW": "Australia/Sydney", "ACT": "Australia/Sydney", "VIC": "Australia/Melbourne", "TAS": "Australia/Hobart",
    "QLD": "Australia/Brisbane", "SA": "Australia/Adelaide", "WA": "Australia/Perth", "NT": "Australia/Darwin",
}  # fmt: skip
AU_STATE_NAMES: dict[str, str] = {
    "new south wales": "NSW", "australian capital territory": "ACT", "victoria": "VIC", "tasmania": "TAS",
    "queensland": "QLD", "south australia": "SA", "western australia": "WA", "northern territory": "NT",
}  # fmt: skip
_BY_REGION: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "US": (US_STATE_ZONE, US_STATE_NAMES),
    "CA": (CA_PROVINCE_ZONE, CA_PROVINCE_NAMES),
    "AU": (AU_STATE_ZONE, AU_STATE_NAMES),
}


# UK nations and counties victims give as their region; all on UK time.
GB_REGIONS = frozenset(
    r.casefold()
    for r in (
        "England", "Scotland", "Wales", "Northern Ireland", "Greater London", "London", "West Midlands",
        "Greater Manchester", "West Yorkshire", "South Yorkshire", "North Yorkshire", "Kent", "Essex", "Hampshire",
        "Merseyside", "Surrey", "Lancashire", "Hertfordshire", "Devon", "Norfolk", "Suffolk", "Dorset",
        "East Sussex", "West Sussex", "Nottinghamshire", "Cornwall", "Tyne and Wear", "Cheshire", "Derbyshire",
    )
)  # fmt: skip


def infer_country(region: str | None) -> str | None:
    """The country of a region given without one, when the name belongs to one country only."""
    if not region:
        return None
    key = region.strip()
    hits = set()
    for country, (zones, names) in _BY_REGION.items():
        if key.upper() in zones or key.lower() in names:
            hits.add(country)
    if key.casefold() in GB_REGIONS:
        hits.add("GB")
    return hits.pop() if len(hits) == 1 else None


# Population shares of the zones of countries with several, for a victim who
# gave no state or province: a naive time is then spread over these zones
# rather than dropped or pinned to one of them.
ZONE_SHARES: dict[str, tuple[tuple[str, float], ...]] = {
    "US": (("America/New_York", 0.47), ("America/Chicago", 0.29), ("America/Denver", 0.05), ("America/Phoenix", 0.02), ("America/Los_Angeles", 0.17)),
    "CA": (("America/Toronto", 0.62), ("America/Winnipeg", 0.07), ("America/Edmonton", 0.12), ("America/Vancouver", 0.14), ("America/Halifax", 0.05)),
    "AU": (("Australia/Sydney", 0.58), ("Australia/Brisbane", 0.2), ("Australia/Adelaide", 0.07), ("Australia/Perth", 0.11), ("Australia/Darwin", 0.04)),
}  # fmt: skip


@lru_cache(maxsize=4096)
def victim_zone_name(country: str | None, region: str | None) -> str | None:
    """IANA zone of a victim, or None when the country has several and the region does not say which.

    A region without a country ("NJ") is read as the one country that has it.
    """
    country = (country or infer_country(region) or "").upper()
    if not country:
        return None
    if country in _BY_REGION:
        zones, names = _BY_REGION[country]
        if not region:
            return None
        key = region.strip()
        code = key.upper() if key.upper() in zones else names.get(key.lower())
        return zones.get(code) if code else None
    return COUNTRY_ZONE.get(country)


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
