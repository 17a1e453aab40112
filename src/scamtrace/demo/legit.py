"""Real organisations' public contact points that victims mention.

A victim who calls the real Microsoft line afterwards, or whose bank's fraud
number appears in the narrative, gives a linker a value that occurs in
thousands of unrelated reports. These are the genuine published numbers and
sites: a tool that links on them, or lists them as scam infrastructure, is
wrong. Each entry: (brand key, display text, E.164 or "" when it is a short
code that has no E.164 form).
"""

from __future__ import annotations

LegitPhone = tuple[str, str, str]

LEGIT_PHONES: dict[str, tuple[LegitPhone, ...]] = {
    "US": (
        ("microsoft", "1-800-642-7676", "+18006427676"),
        ("apple", "1-800-275-2273", "+18002752273"),
        ("apple", "1-800-MY-APPLE", "+18006927753"),
        ("geek_squad", "1-800-433-5778", "+18004335778"),
        ("amazon", "1-888-280-4331", "+18882804331"),
        ("paypal", "1-888-221-1161", "+18882211161"),
        ("mcafee", "1-866-622-3911", "+18666223911"),
        ("chase", "1-800-935-9935", "+18009359935"),
        ("bank_of_america", "1-800-432-1000", "+18004321000"),
        ("wells_fargo", "1-800-869-3557", "+18008693557"),
        ("capital_one", "1-800-227-4825", "+18002274825"),
        ("ssa", "1-800-772-1213", "+18007721213"),
        ("irs", "1-800-829-1040", "+18008291040"),
        ("ftc", "1-877-382-4357", "+18773824357"),
        ("aarp", "877-908-3360", "+18779083360"),
    ),
    "GB": (
        ("action_fraud", "0300 123 2040", "+443001232040"),
        ("hmrc", "0300 200 3300", "+443002003300"),
        ("apple", "0800 048 0408", "+448000480408"),
        ("barclays", "0345 734 5345", "+443457345345"),
        ("lloyds", "0345 300 0000", "+443453000000"),
        ("natwest", "03457 888 444", "+443457888444"),
        ("hsbc", "03457 404 404", "+443457404404"),
        ("age_uk", "0800 678 1602", "+448006781602"),
        ("bank_hotline", "159", ""),
    ),
    "CA": (
        ("microsoft", "1-877-568-2495", "+18775682495"),
        ("cra", "1-800-959-8281", "+18009598281"),
        ("cafc", "1-888-495-8501", "+18884958501"),
        ("rbc", "1-800-769-2511", "+18007692511"),
        ("td", "1-866-222-3456", "+18662223456"),
        ("apple", "1-800-263-3394", "+18002633394"),
    ),
    "AU": (
        ("microsoft", "13 20 58", "+61132058"),
        ("idcare", "1800 595 160", "+611800595160"),
        ("commbank", "13 22 21", "+61132221"),
        ("westpac", "13 20 32", "+61132032"),
        ("ato", "13 28 61", "+61132861"),
    ),
    "IN": (
        ("cybercrime_helpline", "1930", ""),
        ("sbi", "1800 1234", "+9118001234"),
        ("hdfc", "1800 202 6161", "+9118002026161"),
    ),
}

# Sites victims mention because they were told to go there, or went to check.
LEGIT_SITES: tuple[tuple[str, str], ...] = (
    ("microsoft", "microsoft.com"),
    ("microsoft", "support.microsoft.com"),
    ("microsoft", "www.microsoft.com/reportascam"),
    ("apple", "support.apple.com"),
    ("apple", "apple.com"),
    ("norton", "norton.com"),
    ("mcafee", "mcafee.com"),
    ("amazon", "amazon.com"),
    ("paypal", "paypal.com"),
    ("anydesk", "anydesk.com"),
    ("teamviewer", "www.teamviewer.com"),
    ("ultraviewer", "ultraviewer.net"),
    ("ic3", "ic3.gov"),
    ("ftc", "reportfraud.ftc.gov"),
)
LEGIT_SITES_BY_COUNTRY: dict[str, tuple[tuple[str, str], ...]] = {
    "GB": (("action_fraud", "actionfraud.police.uk"),),
    "CA": (("cafc", "antifraudcentre-centreantifraude.ca"),),
    "AU": (("scamwatch", "scamwatch.gov.au"),),
    "IN": (("ncrp", "cybercrime.gov.in"),),
}

# Real card descriptors of payment companies: "PAYPAL *" descriptors carry
# PayPal's own published number, which is not the merchant's.
PAYPAL_DESCRIPTOR_PHONE = ("4029357733", "+14029357733")

# How a report names the organisation behind each key above.
LEGIT_NAMES: dict[str, str] = {
    "microsoft": "Microsoft", "apple": "Apple", "geek_squad": "Geek Squad", "amazon": "Amazon",
    "paypal": "PayPal", "mcafee": "McAfee", "chase": "Chase", "bank_of_america": "Bank of America",
    "wells_fargo": "Wells Fargo", "capital_one": "Capital One", "ssa": "Social Security",
    "irs": "the IRS", "ftc": "the FTC", "aarp": "the AARP Fraud Watch helpline",
    "action_fraud": "Action Fraud", "hmrc": "HMRC", "barclays": "Barclays", "lloyds": "Lloyds",
    "natwest": "NatWest", "hsbc": "HSBC", "age_uk": "Age UK", "bank_hotline": "the 159 bank line",
    "cra": "the CRA", "cafc": "the Canadian Anti-Fraud Centre", "rbc": "RBC", "td": "TD",
    "idcare": "IDCARE", "commbank": "CommBank", "westpac": "Westpac", "ato": "the ATO",
    "cybercrime_helpline": "the cyber crime helpline", "sbi": "SBI", "hdfc": "HDFC Bank",
    "norton": "Norton", "teamviewer": "TeamViewer", "anydesk": "AnyDesk", "ultraviewer": "UltraViewer",
    "ic3": "IC3", "ftc_site": "the FTC", "scamwatch": "Scamwatch", "ncrp": "the cyber crime portal",
}  # fmt: skip
