"""The organisation the scammer impersonated (``brand``).

A brand name in a narrative is often the victim's own bank, a gift-card
brand or the real company the victim rang afterwards. Technology and retail
brands in these reports are impersonated unless the sentence says otherwise;
a bank, tax office, telecom or courier counts only when the text says the
caller claimed to be it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scamtrace.domain.indicator import Kind
from scamtrace.extract.hits import Hit
from scamtrace.extract.phrases import PhraseMatcher, Tokens
from scamtrace.extract.scan import Scan

# canonical id -> (category, phrases)
BRANDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "microsoft": ("tech", (
        "microsoft", "micro soft", "msft", "windows defender", "microsoft defender", "from windows",
        "windows support|security|technical|tech|service|services|help|helpdesk|firewall|customer|team|department|engineer|expert|care|protection|license|licence|error|warning|alert|technician|defender",
        "windows has detected|blocked|been", "windows detected", "windows popup|pop", "outlook support", "hotmail support",
        "office 365 support",
    )),
    "apple": ("tech", ("apple", "applecare", "icloud support|security|team", "mac os security", "macos security", "ios security")),
    "norton": ("tech", ("norton", "nortonlifelock", "lifelock", "symantec")),
    "mcafee": ("tech", ("mcafee",)),
    "geek_squad": ("tech", ("geek squad", "geeksquad")),
    "dell": ("tech", ("dell",)),
    "hp": ("tech", ("hp", "hewlett packard")),
    "canon": ("tech", ("canon",)),
    "epson": ("tech", ("epson",)),
    "lenovo": ("tech", ("lenovo",)),
    "google": ("tech", ("google support|security|team|technician",)),
    "amazon": ("retail", ("amazon",)),
    "flipkart": ("retail", ("flipkart",)),
    "netflix": ("service", ("netflix",)),
    "ebay": ("service", ("ebay",)),
    "coinbase": ("service", ("coinbase",)),
    "paypal": ("payment", ("paypal",)),
    "bank_of_america": ("bank", ("bank of america", "bofa")),
    "chase": ("bank", ("chase", "jpmorgan chase")),
    "wells_fargo": ("bank", ("wells fargo",)),
    "citi": ("bank", ("citi", "citibank")),
    "capital_one": ("bank", ("capital one",)),
    "us_bank": ("bank", ("us bank", "u s bank")),
    "td_bank": ("bank", ("td bank", "td canada trust")),
    "hsbc": ("bank", ("hsbc",)),
    "barclays": ("bank", ("barclays",)),
    "natwest": ("bank", ("natwest",)),
    "lloyds": ("bank", ("lloyds", "lloyds bank")),
    "santander": ("bank", ("santander",)),
    "halifax": ("bank", ("halifax",)),
    "nationwide": ("bank", ("nationwide building society",)),
    "commbank": ("bank", ("commbank", "commonwealth bank")),
    "westpac": ("bank", ("westpac",)),
    "anz": ("bank", ("anz",)),
    "nab": ("bank", ("nab", "national australia bank")),
    "rbc": ("bank", ("rbc", "royal bank of canada")),
    "scotiabank": ("bank", ("scotiabank",)),
    "bmo": ("bank", ("bmo",)),
    "cibc": ("bank", ("cibc",)),
    "sbi": ("bank", ("sbi", "state bank of india")),
    "hdfc_bank": ("bank", ("hdfc", "hdfc bank")),
    "icici_bank": ("bank", ("icici", "icici bank")),
    "axis_bank": ("bank", ("axis bank",)),
    "kotak": ("bank", ("kotak", "kotak mahindra")),
    "rbi": ("gov", ("rbi", "reserve bank of india")),
    "irs": ("gov", ("irs", "internal revenue service")),
    "ssa": ("gov", ("ssa", "social security administration", "social security office")),
    "fbi": ("gov", ("fbi", "federal bureau of investigation")),
    "ftc": ("gov", ("ftc", "federal trade commission")),
    "hmrc": ("gov", ("hmrc", "hm revenue")),
    "ato": ("gov", ("ato", "australian taxation office")),
    "cra": ("gov", ("cra", "canada revenue agency", "revenue canada")),
    "cbi": ("gov", ("cbi", "central bureau of investigation")),
    "trai": ("gov", ("trai",)),
    "us_marshals": ("gov", ("us marshals", "u s marshals", "marshals service", "us marshal")),
    "acsc": ("gov", ("australian cyber security centre", "acsc")),
    "police": ("gov", ("cyber police", "cyber cell", "cyber crime police")),
    "bt": ("telecom", ("bt", "british telecom", "openreach")),
    "telstra": ("telecom", ("telstra",)),
    "nbn": ("telecom", ("nbn",)),
    "spectrum": ("telecom", ("spectrum",)),
    "comcast": ("telecom", ("comcast", "xfinity")),
    "verizon": ("telecom", ("verizon",)),
    "virgin_media": ("telecom", ("virgin media",)),
    "talktalk": ("telecom", ("talktalk", "talk talk")),
    "optus": ("telecom", ("optus",)),
    "rogers": ("telecom", ("rogers",)),
    "airtel": ("telecom", ("airtel",)),
    "jio": ("telecom", ("jio",)),
    "usps": ("delivery", ("usps", "us postal service", "postal service")),
    "fedex": ("delivery", ("fedex",)),
    "dhl": ("delivery", ("dhl",)),
    "royal_mail": ("delivery", ("royal mail",)),
    "canada_post": ("delivery", ("canada post",)),
    "australia_post": ("delivery", ("australia post", "auspost")),
    "india_post": ("delivery", ("india post",)),
}  # fmt: skip
TECHLIKE = frozenset({"tech", "retail"})

_AFTER_SKIP = frozenset(
    {
        "gift",
        "card",
        "cards",
        "play",
        "itunes",
        "voucher",
        "vouchers",
        "pay",
        "store",
        "stores",
        "cash",
        "wallet",
        "gc",
        "gcs",
    }
)
_IMPERSONATE_LEFT = re.compile(
    r"\b(?:pretend\w*|claim\w*|pos(?:ing|ed) as|impersonat\w*|fake|so[- ]called|bogus|phony|phoney"
    r"|said (?:he|she|they|it) (?:was|were|is|are|works?|worked)|saying (?:he|she|they|it) (?:was|were|is|are)"
    r"|(?:saying|said) (?:that )?(?:it'?s|it is)|this is|works? for|representing|on behalf of|(?:blocked|locked|suspended|flagged) by"
    r"|(?:is|was|are|were|be|am|calling|call|calls|called|rang|caller|man|woman|lady|guy|someone|somebody|person|people|agent"
    r"|technician|tech|engineer|rep|representative|he|she|they|supposedly|allegedly|e-?mail|text|sms|message|letter|invoice"
    r"|voicemail|notification|pop-?up|alert|warning|scammers?|fraudsters?|package|parcel|shipment|delivery|courier|order)"
    r"\s+(?:\w+\s+){0,2}(?:from|with|by))\b[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
_ROLE_RIGHT = re.compile(
    r"^[\s'\")]{0,3}(?:'s\s+)?(?:,\s*)?(?:fraud|security|support|technical|tech|technician|engineer|helpdesk|help desk|department"
    r"|dept|team|officer|agent|customer care|care|billing|refund|renewal|alert|warning|scam|impersonat\w*|called|rang|phoned"
    r"|texted|emailed|sent|calling|notification|kyc|officials?|representative|rep\b|executive|specialist|network"
    r"|account (?:is|was|has)|has blocked|prime|said|says|saying|told|claiming|claimed|asked|wanted|:)",
    re.IGNORECASE,
)
_LEGIT_LEFT = re.compile(
    r"(?:\b(?:real|actual|genuine|official|legitimate|legit)\s+(?:\w+\s+)?[('\"]*$"
    r"|\b(?:i|we|she|he|then|later|afterwards|and|so|finally|also)\s+(?:then\s+|later\s+|also\s+|immediately\s+|have\s+|had\s+)?"
    r"(?:called|call|rang|ring|phoned|contacted|emailed|reported (?:it |this |them )?to|checked with|spoke to|went to|visited)"
    r"\s+(?:the\s+|my\s+)?(?:real\s+|actual\s+)?$|\b(?:hear|heard|waiting)\s+(?:back\s+)?from\s+$)",
    re.IGNORECASE,
)
_LEGIT_RIGHT = re.compile(
    r"^[\s'\")]{0,3}(?:'s\s+)?(?:,\s*)?(?:real|actual|official|directly|afterwards|themselves|who confirmed|confirmed|notified|alerted"
    r"|caught|stopped|flagged|froze|blocked the|refunded me|helped|doesn'?t call|does not call|won'?t call|never calls?"
    r"|(?:\w+\s+){0,2}(?:line|number|hotline|helpline|website|site)\s+(?:is|was)\b|reversed|(?:are|is) looking into|investigat)",
    re.IGNORECASE,
)
_OWN_LEFT = re.compile(
    r"(?:\b(?:my|our|her|his|their|your)\s+(?:own\s+)?(?:\w+'s\s+)?(?:bank\s*(?:is\s+|was\s+|account\s+at\s+|,\s*)?|\w+\s+)?"
    r"|\b(?:log(?:ged|ging)?|sign(?:ed)?)\s+(?:in|into|onto|on to)\s+(?:\w+\s+){0,2}|\b(?:at|via|by|through|using)\s+)[('\"]*$",
    re.IGNORECASE,
)
_OWN_RIGHT = re.compile(
    r"^[\s'\")]{0,3}(?:online banking|net ?banking|netbank|mobile banking|banking|app|account|accounts|card|credit card|debit card"
    r"|checking|savings|branch|routing|acct|froze|receipt)",
    re.IGNORECASE,
)
_DEVICE_RIGHT = re.compile(
    r"^[\s'\")]{0,3}(?:laptop|computer|pc|desktop|notebook|printer|tablet|ipad|iphone|phone|mac|macbook|imac|monitor"
    r"|keyboard|router|tv|gift|store|shop|stores)\b",
    re.IGNORECASE,
)
_POSSESSIVE_LEFT = re.compile(r"(?i)\b(?:my|our|her|his|their|your)\s+(?:\w+\s+)?$")
_FROM_RE = re.compile(r"\bfrom\s+(?:the\s+)?[('\"]*$", re.IGNORECASE)
_MONEY_BEFORE = re.compile(
    r"(?i)(?:took|taken|stole|stolen|withdrew|withdrawn|transferred|moved|debited|sent|\d)\b[^.]{0,20}$"
)


_LEGIT_HINTS = ("real", "actual", "genuine", "official", "legit", "call", "rang", "ring", "phoned", "contact", "email",
                "report", "check", "spoke", "went", "visit", "hear", "waiting")  # fmt: skip
_IMPERSONATE_HINTS = ("pretend", "claim", "pos", "imperson", "fake", "so", "bogus", "phon", "said", "saying", "this",
                      "it", "work", "represent", "behalf", "by", "from", "with")  # fmt: skip
_OWN_HINTS = (
    "my",
    "our",
    "her",
    "his",
    "their",
    "your",
    "log",
    "sign",
    "at",
    "via",
    "by",
    "through",
    "using",
)


def _has(low: str, hints: tuple[str, ...]) -> bool:
    return any(h in low for h in hints)


def _plain_from(left: str) -> bool:
    """ "... from (the) Brand": a claim of identity, unless money moved "from" an account."""
    m = _FROM_RE.search(left)
    return m is not None and not _MONEY_BEFORE.search(left[: m.start()])


_PAYMENT_LEFT = re.compile(
    r"\b(?:via|by|through|with|using|on|to my|my|her|his)\s+$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class BrandMention:
    brand: str
    start: int
    end: int
    impersonated: bool


class BrandFinder:
    def __init__(self) -> None:
        self._matcher = PhraseMatcher({brand: phrases for brand, (_, phrases) in BRANDS.items()})
        self._category = {brand: category for brand, (category, _) in BRANDS.items()}

    def canonical(self, name: str) -> str | None:
        found = self._matcher.scan(Tokens.of(name))
        return found[0].label if found else None

    @staticmethod
    def table() -> dict[str, tuple[str, ...]]:
        """Brand phrases for the shared :class:`~scamtrace.extract.scan.Vocabulary`."""
        return {brand: phrases for brand, (_, phrases) in BRANDS.items()}

    def mentions(
        self,
        text: str,
        scan: Scan,
        skip_spans: list[tuple[int, int]],
        legit_spans: Sequence[tuple[int, int]] = (),
    ) -> list[BrandMention]:
        """Brand mentions outside ``skip_spans``; one followed by a legitimate address of its own is genuine."""
        out: list[BrandMention] = []
        words = scan.tokens.words
        for found in scan.of("brand"):
            start, end = found.start, found.end
            if any(s <= start < e for s, e in skip_spans):
                continue  # inside a URL, domain or e-mail address
            if found.last < len(words) and words[found.last] in _AFTER_SKIP:
                continue  # "Apple gift cards", "Google Play", "Amazon Pay"
            if found.label == "bt" and text[start:end] != "BT":
                continue  # "bt" in lower case is an abbreviation, not British Telecom
            impersonated = self._impersonated(found.label, text, start, end)
            if impersonated and any(end <= s <= end + 4 for s, _ in legit_spans):
                impersonated = (
                    False  # "an email from PayPal (service@paypal.com)": PayPal's own system
                )
            out.append(BrandMention(found.label, start, end, impersonated))
        return out

    def _impersonated(self, brand: str, text: str, start: int, end: int) -> bool:
        # Every left-hand cue sits within a few words of the brand: a short window keeps the
        # end-anchored searches cheap, and a substring test skips those that cannot match.
        left = _clause_left(text, start)[-48:]
        low = left.lower()
        right = text[end : end + 30]
        if (_has(low, _LEGIT_HINTS) and _LEGIT_LEFT.search(left)) or _LEGIT_RIGHT.match(right):
            return False
        category = self._category[brand]
        if category == "payment" and _PAYMENT_LEFT.search(left):
            return False
        if _DEVICE_RIGHT.match(right) and _POSSESSIVE_LEFT.search(left):
            return False  # "my Dell laptop": the victim's machine
        if _has(low, _IMPERSONATE_HINTS) and (_IMPERSONATE_LEFT.search(left) or _plain_from(left)):
            return True
        techlike = category in TECHLIKE or category == "service"
        # "my Microsoft account is locked" is still the scam talking; "my bank" is the victim's.
        if not techlike and (
            (_has(low, _OWN_HINTS) and _OWN_LEFT.search(left)) or _OWN_RIGHT.match(right)
        ):
            return False
        if _ROLE_RIGHT.match(right):
            return True
        return techlike

    def hits(self, mentions: list[BrandMention], claimed: str | None) -> list[Hit]:
        hits: list[Hit] = []
        seen: set[str] = set()
        if claimed:
            brand = self.canonical(claimed)
            if brand is None:
                brand = re.sub(r"[^a-z0-9]+", "_", claimed.lower()).strip("_") or None
            if brand:
                seen.add(brand)
                hits.append(Hit(Kind.BRAND, brand, "caller.claimed_company"))
        for mention in mentions:
            if mention.impersonated and mention.brand not in seen:
                seen.add(mention.brand)
                hits.append(
                    Hit(Kind.BRAND, mention.brand, "narrative", (mention.start, mention.end))
                )
        return hits


def _clause_left(text: str, start: int) -> str:
    left = text[max(0, start - 60) : start]
    for stop in (". ", "! ", "? ", "\n", "; "):
        cut = left.rfind(stop)
        if cut >= 0:
            left = left[cut + len(stop) :]
    return left
