"""Place names: one spelling per city, the state a bare city name belongs to.

Evidence names places in different words (libphonenumber says "Gurgaon,
Haryana" and "Hyderabad Local, Andhra Pradesh"; an investigator writes
"Gurugram" or "Calcutta"); without one spelling two reports of the same city
would count as two places.
"""

from __future__ import annotations

# Old or colloquial names → the name in current official use.
CITY_ALIASES: dict[str, str] = {
    "calcutta": "Kolkata",
    "bombay": "Mumbai",
    "bangalore": "Bengaluru",
    "gurgaon": "Gurugram",
    "madras": "Chennai",
    "poona": "Pune",
    "delhi": "New Delhi",
    "salt lake": "Salt Lake (Bidhannagar)",
    "bidhannagar": "Salt Lake (Bidhannagar)",
    "salt lake city": "Salt Lake (Bidhannagar)",
    "cebu": "Cebu City",
    "sas nagar": "Mohali",
    "ghaziabad/dadri": "Ghaziabad",
}
# Region of a city named alone, and regions whose names changed since the
# phone-numbering data was written (Hyderabad has been in Telangana since 2014).
CITY_REGION: dict[tuple[str, str], str] = {
    ("IN", "Kolkata"): "West Bengal",
    ("IN", "Salt Lake (Bidhannagar)"): "West Bengal",
    ("IN", "Howrah"): "West Bengal",
    ("IN", "New Delhi"): "Delhi",
    ("IN", "Noida"): "Uttar Pradesh",
    ("IN", "Ghaziabad"): "Uttar Pradesh",
    ("IN", "Lucknow"): "Uttar Pradesh",
    ("IN", "Gurugram"): "Haryana",
    ("IN", "Mumbai"): "Maharashtra",
    ("IN", "Thane"): "Maharashtra",
    ("IN", "Pune"): "Maharashtra",
    ("IN", "Ahmedabad"): "Gujarat",
    ("IN", "Jaipur"): "Rajasthan",
    ("IN", "Mohali"): "Punjab",
    ("IN", "Bengaluru"): "Karnataka",
    ("IN", "Chennai"): "Tamil Nadu",
    ("IN", "Hyderabad"): "Telangana",
    ("IN", "Jamtara"): "Jharkhand",
    ("PK", "Karachi"): "Sindh",
    ("PK", "Lahore"): "Punjab",
    ("PK", "Islamabad"): "Islamabad Capital Territory",
    ("PK", "Rawalpindi"): "Punjab",
    ("PH", "Manila"): "Metro Manila",
    ("PH", "Cebu City"): "Central Visayas",
    ("BD", "Dhaka"): "Dhaka Division",
    ("NG", "Lagos"): "Lagos",
    ("GH", "Accra"): "Greater Accra",
    ("JM", "Montego Bay"): "St. James",
    ("KH", "Phnom Penh"): "Phnom Penh",
    ("KH", "Sihanoukville"): "Preah Sihanouk",
}
# Names that the geocoder gives for a region rather than a city.
REGION_NAMES: dict[str, frozenset[str]] = {
    "IN": frozenset(
        {
            "Delhi",
            "West Bengal",
            "Uttar Pradesh",
            "Haryana",
            "Maharashtra",
            "Gujarat",
            "Punjab",
            "Rajasthan",
            "Karnataka",
            "Tamil Nadu",
            "Telangana",
            "Kerala",
            "Bihar",
            "Jharkhand",
            "Odisha",
            "Assam",
        }
    ),
}


def canonical_city(name: str | None) -> str | None:
    if not name:
        return None
    text = " ".join(name.split())
    if text.lower().endswith(" local"):
        text = text[: -len(" local")]
    return CITY_ALIASES.get(text.lower(), text)


def split_place(country: str, description: str) -> tuple[str | None, str | None]:
    """(region, city) from a geocoder description such as "Kolkata, West Bengal" or "Karachi"."""
    parts = [p.strip() for p in description.split(",") if p.strip()]
    if not parts:
        return None, None
    if (
        len(parts) == 1
        and parts[0] in REGION_NAMES.get(country, frozenset())
        and parts[0] != "Delhi"
    ):
        return parts[0], None
    city = canonical_city(parts[0])
    region = parts[-1] if len(parts) > 1 else None
    return fill_region(country, region, city), city


def fill_region(country: str, region: str | None, city: str | None) -> str | None:
    """The region of ``city`` when it is known and ``region`` is missing or outdated."""
    known = CITY_REGION.get((country, city)) if city else None
    return known or region


def same(a: str | None, b: str | None) -> bool:
    return (a or "").casefold() == (b or "").casefold()
