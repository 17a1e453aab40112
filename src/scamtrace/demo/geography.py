"""Where victims live and where operations sit, with time zones.

Weights are rough population shares; for victims they decide how often a
region appears, for centres how often a city hosts one. Time zones are what
turn a call centre's shift into the victims' local incident times, which is
the signal attribution uses to estimate the operator's UTC offset.
"""

from __future__ import annotations

from dataclasses import dataclass

from scamtrace.demo.clock import AU_DST, EU_DST, NO_DST, US_DST


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # what a report writes in victim.region
    weight: float
    utc_hours: float  # standard offset
    dst: str
    area_codes: tuple[str, ...] = ()  # landline/mobile prefixes for the victim's own number


# fmt: off
US_REGIONS: tuple[Region, ...] = (
    Region("CA", 39, -8, US_DST, ("213", "310", "415", "619", "714", "818", "909", "916")),
    Region("TX", 30, -6, US_DST, ("214", "281", "512", "713", "817", "210")),
    Region("FL", 26, -5, US_DST, ("305", "407", "561", "727", "813", "904", "941", "352")),
    Region("NY", 19.5, -5, US_DST, ("212", "315", "516", "585", "631", "716", "914")),
    Region("PA", 13, -5, US_DST, ("215", "412", "610", "717")),
    Region("IL", 12.5, -6, US_DST, ("312", "630", "708", "815")),
    Region("OH", 11.8, -5, US_DST, ("216", "330", "513", "614", "937")),
    Region("GA", 11, -5, US_DST, ("404", "706", "770", "912")),
    Region("NC", 10.8, -5, US_DST, ("704", "919", "336", "828")),
    Region("MI", 10, -5, US_DST, ("248", "313", "517", "616")),
    Region("NJ", 9.3, -5, US_DST, ("201", "609", "732", "973")),
    Region("VA", 8.7, -5, US_DST, ("540", "703", "757", "804")),
    Region("WA", 7.8, -8, US_DST, ("206", "253", "360", "509")),
    Region("AZ", 8.5, -7, NO_DST, ("480", "520", "602", "623", "928")),
    Region("TN", 7, -6, US_DST, ("615", "865", "901")),
    Region("MA", 7, -5, US_DST, ("508", "617", "781", "413")),
    Region("IN", 6.8, -5, US_DST, ("317", "219", "574")),
    Region("MO", 6.2, -6, US_DST, ("314", "816", "417")),
    Region("MD", 6.2, -5, US_DST, ("301", "410", "443")),
    Region("WI", 5.9, -6, US_DST, ("414", "608", "920")),
    Region("CO", 5.8, -7, US_DST, ("303", "719", "970")),
    Region("MN", 5.7, -6, US_DST, ("612", "651", "952")),
    Region("SC", 5.3, -5, US_DST, ("803", "843", "864")),
    Region("AL", 5.1, -6, US_DST, ("205", "251", "256")),
    Region("LA", 4.6, -6, US_DST, ("225", "504", "318")),
    Region("KY", 4.5, -5, US_DST, ("502", "859")),
    Region("OR", 4.2, -8, US_DST, ("503", "541")),
    Region("OK", 4, -6, US_DST, ("405", "918")),
    Region("CT", 3.6, -5, US_DST, ("203", "860")),
    Region("UT", 3.4, -7, US_DST, ("801", "435")),
    Region("NV", 3.2, -8, US_DST, ("702", "775")),
    Region("IA", 3.2, -6, US_DST, ("515", "319")),
    Region("AR", 3, -6, US_DST, ("501", "479")),
    Region("MS", 2.9, -6, US_DST, ("601", "228")),
    Region("KS", 2.9, -6, US_DST, ("316", "785")),
    Region("NM", 2.1, -7, US_DST, ("505", "575")),
    Region("NE", 2, -6, US_DST, ("402", "308")),
    Region("WV", 1.8, -5, US_DST, ("304",)),
    Region("HI", 1.4, -10, NO_DST, ("808",)),
    Region("NH", 1.4, -5, US_DST, ("603",)),
    Region("ME", 1.4, -5, US_DST, ("207",)),
    Region("RI", 1.1, -5, US_DST, ("401",)),
    Region("MT", 1.1, -7, US_DST, ("406",)),
    Region("DE", 1, -5, US_DST, ("302",)),
    Region("DC", 0.7, -5, US_DST, ("202",)),
    Region("AK", 0.7, -9, US_DST, ("907",)),
)

UK_REGIONS: tuple[Region, ...] = (
    Region("Greater London", 9, 0, EU_DST, ("020",)),
    Region("West Midlands", 2.9, 0, EU_DST, ("0121", "024")),
    Region("Greater Manchester", 2.9, 0, EU_DST, ("0161",)),
    Region("West Yorkshire", 2.3, 0, EU_DST, ("0113", "01274")),
    Region("Kent", 1.6, 0, EU_DST, ("01622", "01227")),
    Region("Essex", 1.5, 0, EU_DST, ("01245", "01206")),
    Region("Hampshire", 1.4, 0, EU_DST, ("023", "01256")),
    Region("Merseyside", 1.4, 0, EU_DST, ("0151",)),
    Region("Surrey", 1.2, 0, EU_DST, ("01483", "01372")),
    Region("Lancashire", 1.2, 0, EU_DST, ("01772", "01253")),
    Region("Hertfordshire", 1.2, 0, EU_DST, ("01727", "01923")),
    Region("Devon", 0.8, 0, EU_DST, ("01392", "01752")),
    Region("Norfolk", 0.9, 0, EU_DST, ("01603",)),
    Region("Dorset", 0.8, 0, EU_DST, ("01202",)),
    Region("East Sussex", 0.8, 0, EU_DST, ("01273", "01323")),
    Region("Nottinghamshire", 0.8, 0, EU_DST, ("0115",)),
    Region("Cornwall", 0.6, 0, EU_DST, ("01872",)),
    Region("Scotland", 5.5, 0, EU_DST, ("0131", "0141", "01224")),
    Region("Wales", 3.1, 0, EU_DST, ("029", "01792")),
    Region("Northern Ireland", 1.9, 0, EU_DST, ("028",)),
)

CA_REGIONS: tuple[Region, ...] = (
    Region("ON", 15.6, -5, US_DST, ("416", "647", "905", "613", "519")),
    Region("QC", 8.9, -5, US_DST, ("514", "450", "418")),
    Region("BC", 5.5, -8, US_DST, ("604", "778", "250")),
    Region("AB", 4.6, -7, US_DST, ("403", "780", "587")),
    Region("MB", 1.4, -6, US_DST, ("204",)),
    Region("SK", 1.2, -6, NO_DST, ("306",)),
    Region("NS", 1.0, -4, US_DST, ("902",)),
    Region("NB", 0.8, -4, US_DST, ("506",)),
    Region("NL", 0.5, -3.5, US_DST, ("709",)),
    Region("PE", 0.2, -4, US_DST, ("902",)),
)

AU_REGIONS: tuple[Region, ...] = (
    Region("NSW", 8.3, 10, AU_DST, ("02",)),
    Region("VIC", 6.8, 10, AU_DST, ("03",)),
    Region("QLD", 5.5, 10, NO_DST, ("07",)),
    Region("WA", 2.9, 8, NO_DST, ("08",)),
    Region("SA", 1.8, 9.5, AU_DST, ("08",)),
    Region("TAS", 0.57, 10, AU_DST, ("03",)),
    Region("ACT", 0.46, 10, AU_DST, ("02",)),
    Region("NT", 0.25, 9.5, NO_DST, ("08",)),
)

IN_REGIONS: tuple[Region, ...] = (
    Region("Maharashtra", 12, 5.5, NO_DST, ("022", "020")),
    Region("Uttar Pradesh", 14, 5.5, NO_DST, ("0522", "0120")),
    Region("Karnataka", 8, 5.5, NO_DST, ("080",)),
    Region("Tamil Nadu", 7.7, 5.5, NO_DST, ("044",)),
    Region("Delhi", 4, 5.5, NO_DST, ("011",)),
    Region("West Bengal", 8, 5.5, NO_DST, ("033",)),
    Region("Telangana", 4.5, 5.5, NO_DST, ("040",)),
    Region("Gujarat", 6.8, 5.5, NO_DST, ("079",)),
    Region("Rajasthan", 6, 5.5, NO_DST, ("0141",)),
    Region("Kerala", 3.5, 5.5, NO_DST, ("0471",)),
    Region("Haryana", 3, 5.5, NO_DST, ("0124",)),
    Region("Punjab", 3, 5.5, NO_DST, ("0172",)),
    Region("Madhya Pradesh", 6, 5.5, NO_DST, ("0755",)),
    Region("Bihar", 6, 5.5, NO_DST, ("0612",)),
    Region("Andhra Pradesh", 4, 5.5, NO_DST, ("0866",)),
)
# fmt: on

VICTIM_REGIONS: dict[str, tuple[Region, ...]] = {
    "US": US_REGIONS,
    "GB": UK_REGIONS,
    "CA": CA_REGIONS,
    "AU": AU_REGIONS,
    "IN": IN_REGIONS,
}
CURRENCY: dict[str, str] = {"US": "USD", "GB": "GBP", "CA": "CAD", "AU": "AUD", "IN": "INR"}
# Reference zone of each victim country: the one a centre plans its shift around.
TARGET_ZONE: dict[str, tuple[float, str]] = {
    "US": (-5, US_DST),
    "CA": (-5, US_DST),
    "GB": (0, EU_DST),
    "AU": (10, AU_DST),
    "IN": (5.5, NO_DST),
}


@dataclass(frozen=True, slots=True)
class City:
    country: str
    region: str
    city: str
    utc_hours: float
    dst: str
    weight: float


# Where tech-support call centres have been found: mostly India, then Pakistan,
# the Philippines, Bangladesh and a few US boiler rooms that resell "support plans".
TSS_CITIES: tuple[City, ...] = (
    City("IN", "West Bengal", "Kolkata", 5.5, NO_DST, 22),
    City("IN", "West Bengal", "Salt Lake (Bidhannagar)", 5.5, NO_DST, 6),
    City("IN", "Uttar Pradesh", "Noida", 5.5, NO_DST, 14),
    City("IN", "Haryana", "Gurugram", 5.5, NO_DST, 10),
    City("IN", "Delhi", "New Delhi", 5.5, NO_DST, 11),
    City("IN", "Maharashtra", "Mumbai", 5.5, NO_DST, 5),
    City("IN", "Maharashtra", "Thane", 5.5, NO_DST, 3),
    City("IN", "Maharashtra", "Pune", 5.5, NO_DST, 2),
    City("IN", "Gujarat", "Ahmedabad", 5.5, NO_DST, 3),
    City("IN", "Rajasthan", "Jaipur", 5.5, NO_DST, 3),
    City("IN", "Punjab", "Mohali", 5.5, NO_DST, 3),
    City("IN", "Uttar Pradesh", "Lucknow", 5.5, NO_DST, 1.5),
    City("IN", "Karnataka", "Bengaluru", 5.5, NO_DST, 1.5),
    City("PK", "Punjab", "Lahore", 5, NO_DST, 3.5),
    City("PK", "Sindh", "Karachi", 5, NO_DST, 2.5),
    City("PK", "Islamabad Capital Territory", "Islamabad", 5, NO_DST, 1),
    City("PH", "Metro Manila", "Manila", 8, NO_DST, 2.5),
    City("PH", "Central Visayas", "Cebu City", 8, NO_DST, 1),
    City("BD", "Dhaka Division", "Dhaka", 6, NO_DST, 2),
    City("US", "FL", "Boca Raton", -5, US_DST, 1),
    City("US", "FL", "Orlando", -5, US_DST, 0.8),
    City("US", "FL", "Miami", -5, US_DST, 0.7),
)

# Rings running the other scam types, by type: those working Western victims …
RING_CITIES: dict[str, tuple[City, ...]] = {
    "romance": (
        City("NG", "Lagos", "Lagos", 1, NO_DST, 5),
        City("NG", "Edo", "Benin City", 1, NO_DST, 2),
        City("GH", "Greater Accra", "Accra", 0, NO_DST, 3),
    ),
    "investment": (
        City("KH", "Preah Sihanouk", "Sihanoukville", 7, NO_DST, 5),
        City("KH", "Phnom Penh", "Phnom Penh", 7, NO_DST, 2),
    ),
    "lottery": (City("JM", "St. James", "Montego Bay", -5, NO_DST, 4),),
    "government_impersonation": (
        City("IN", "Gujarat", "Ahmedabad", 5.5, NO_DST, 4),
        City("IN", "Maharashtra", "Thane (Mira Road)", 5.5, NO_DST, 3),
    ),
    "delivery": (City("CN", "Guangdong", "Shenzhen", 8, NO_DST, 3),),
}
# … and those working Indian victims ("digital arrest", stock-tip groups, task
# and sextortion frauds, KBC "lottery" calls, India Post smishing).
RING_CITIES_IN: dict[str, tuple[City, ...]] = {
    "government_impersonation": (
        City("IN", "West Bengal", "Kolkata", 5.5, NO_DST, 2),
        City("IN", "Delhi", "New Delhi", 5.5, NO_DST, 2),
        City("KH", "Phnom Penh", "Phnom Penh", 7, NO_DST, 1),
    ),
    "investment": (
        City("IN", "Gujarat", "Ahmedabad", 5.5, NO_DST, 2),
        City("IN", "Maharashtra", "Mumbai", 5.5, NO_DST, 2),
    ),
    "lottery": (City("IN", "Bihar", "Patna", 5.5, NO_DST, 1),),
    "delivery": (City("IN", "Jharkhand", "Jamtara", 5.5, NO_DST, 2),),
    "other": (
        City("IN", "Jharkhand", "Jamtara", 5.5, NO_DST, 3),
        City("IN", "Haryana", "Nuh (Mewat)", 5.5, NO_DST, 2),
        City("IN", "Rajasthan", "Bharatpur", 5.5, NO_DST, 2),
    ),
}
