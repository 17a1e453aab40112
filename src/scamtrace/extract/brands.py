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
from typing import NamedTuple

from scamtrace.domain.indicator import Kind
from scamtrace.extract.fastre import case_safe, case_sensitive, lower_keywords
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


def _hint_re(hints: tuple[str, ...]) -> re.Pattern[str]:
    """Finds any of ``hints`` as a substring: one C scan instead of a generator of ``in`` tests."""
    return re.compile("|".join(map(re.escape, hints)))


_LEGIT_HINT_RE = _hint_re(_LEGIT_HINTS)
_IMPERSONATE_HINT_RE = _hint_re(_IMPERSONATE_HINTS)
_OWN_HINT_RE = _hint_re(_OWN_HINTS)


def _has(low: str, hints: tuple[str, ...]) -> bool:
    return any(h in low for h in hints)


def _plain_from(left: str) -> bool:
    """ "... from (the) Brand": a claim of identity, unless money moved "from" an account."""
    m = _FROM_RE.search(left)
    return m is not None and not _MONEY_BEFORE.search(left[: m.start()])


_PAYMENT_LEFT = re.compile(
    r"\b(?:via|by|through|with|using|on|to my|my|her|his)\s+$", re.IGNORECASE
)


# The same patterns for lower-cased text (see fastre.safe_lower), written so that re can skip to
# the next word that may start a match: alternatives opening on a shared word group are spelled
# out in their original order.
_IMPERSONATE_VERBS = (
    "is", "was", "are", "were", "be", "am", "calling", "call", "calls", "called", "rang", "caller", "man", "woman",
    "lady", "guy", "someone", "somebody", "person", "people", "agent", "technician", "tech", "engineer", "rep",
    "representative", "he", "she", "they", "supposedly", "allegedly", "e-?mail", "text", "sms", "message", "letter",
    "invoice", "voicemail", "notification", "pop-?up", "alert", "warning", "scammers?", "fraudsters?", "package",
    "parcel", "shipment", "delivery", "courier", "order",
)  # fmt: skip
_IMPERSONATE_LEFT_LOW = lower_keywords(
    (
        r"pretend\w*", r"claim\w*", "pos(?:ing|ed) as", r"impersonat\w*", "fake", "so[- ]called", "bogus", "phony",
        "phoney", "said (?:he|she|they|it) (?:was|were|is|are|works?|worked)",
        "saying (?:he|she|they|it) (?:was|were|is|are)", "saying (?:that )?(?:it'?s|it is)",
        "said (?:that )?(?:it'?s|it is)", "this is", "works? for", "representing", "on behalf of", "blocked by",
        "locked by", "suspended by", "flagged by",
        *(verb + r"\s+(?:\w+\s+){0,2}(?:from|with|by)" for verb in _IMPERSONATE_VERBS),
    ),
    after=r"\b[^.!?\n]{0,25}$",
)  # fmt: skip
_LEGIT_LEFT_LOW = lower_keywords(
    (
        *(w + r"\s+(?:\w+\s+)?[('\"]*$" for w in ("real", "actual", "genuine", "official", "legitimate", "legit")),
        *(
            w + r"\s+(?:then\s+|later\s+|also\s+|immediately\s+|have\s+|had\s+)?(?:called|call|rang|ring|phoned"
            r"|contacted|emailed|reported (?:it |this |them )?to|checked with|spoke to|went to|visited)"
            r"\s+(?:the\s+|my\s+)?(?:real\s+|actual\s+)?$"
            for w in ("i", "we", "she", "he", "then", "later", "afterwards", "and", "so", "finally", "also")
        ),
        *(w + r"\s+(?:back\s+)?from\s+$" for w in ("hear", "heard", "waiting")),
    )
)  # fmt: skip
_OWN_LEFT_LOW = lower_keywords(
    (
        *(
            w + r"\s+(?:own\s+)?(?:\w+'s\s+)?(?:bank\s*(?:is\s+|was\s+|account\s+at\s+|,\s*)?|\w+\s+)?"
            for w in ("my", "our", "her", "his", "their", "your")
        ),
        *(w + r"\s+(?:in|into|onto|on to)\s+(?:\w+\s+){0,2}" for w in ("log(?:ged|ging)?", "sign(?:ed)?")),
        *(w + r"\s+" for w in ("at", "via", "by", "through", "using")),
    ),
    after=r"[('\"]*$",
)  # fmt: skip
_POSSESSIVE_LEFT_LOW = lower_keywords(
    ("my", "our", "her", "his", "their", "your"), after=r"\s+(?:\w+\s+)?$"
)
_PAYMENT_LEFT_LOW = lower_keywords(
    ("via", "by", "through", "with", "using", "on", "to my", "my", "her", "his"), after=r"\s+$"
)
_FROM_LOW = lower_keywords(("from",), after=r"\s+(?:the\s+)?[('\"]*$")


class _Patterns(NamedTuple):
    legit_left: re.Pattern[str]
    legit_right: re.Pattern[str]
    payment_left: re.Pattern[str]
    device_right: re.Pattern[str]
    possessive_left: re.Pattern[str]
    impersonate_left: re.Pattern[str]
    from_left: re.Pattern[str]
    own_left: re.Pattern[str]
    own_right: re.Pattern[str]
    role_right: re.Pattern[str]


_AS_WRITTEN = _Patterns(
    _LEGIT_LEFT, _LEGIT_RIGHT, _PAYMENT_LEFT, _DEVICE_RIGHT, _POSSESSIVE_LEFT, _IMPERSONATE_LEFT,
    _FROM_RE, _OWN_LEFT, _OWN_RIGHT, _ROLE_RIGHT,
)  # fmt: skip
_LOWERED = _Patterns(
    _LEGIT_LEFT_LOW, case_sensitive(_LEGIT_RIGHT), _PAYMENT_LEFT_LOW, case_sensitive(_DEVICE_RIGHT),
    _POSSESSIVE_LEFT_LOW, _IMPERSONATE_LEFT_LOW, _FROM_LOW, _OWN_LEFT_LOW, case_sensitive(_OWN_RIGHT),
    case_sensitive(_ROLE_RIGHT),
)  # fmt: skip


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
        self._canonical: dict[str, str | None] = {}

    def canonical(self, name: str) -> str | None:
        if name in self._canonical:
            return self._canonical[name]
        found = self._matcher.scan(Tokens.of(name))
        brand = found[0].label if found else None
        if len(self._canonical) > 4096:  # claimed companies are few; bounded all the same
            self._canonical.clear()
        self._canonical[name] = brand
        return brand

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
        brands = scan.of("brand")
        if not brands:
            return out
        # Lower-case patterns are exact for every slice of a text without case traps.
        lowered = case_safe(text)
        for found in brands:
            start, end = found.start, found.end
            if any(s <= start < e for s, e in skip_spans):
                continue  # inside a URL, domain or e-mail address
            if found.last < len(words) and words[found.last] in _AFTER_SKIP:
                continue  # "Apple gift cards", "Google Play", "Amazon Pay"
            if found.label == "bt" and text[start:end] != "BT":
                continue  # "bt" in lower case is an abbreviation, not British Telecom
            impersonated = self._impersonated(found.label, text, start, end, lowered)
            if impersonated and any(end <= s <= end + 4 for s, _ in legit_spans):
                impersonated = (
                    False  # "an email from PayPal (service@paypal.com)": PayPal's own system
                )
            out.append(BrandMention(found.label, start, end, impersonated))
        return out

    def _impersonated(
        self, brand: str, text: str, start: int, end: int, lowered: bool = False
    ) -> bool:
        # Every left-hand cue sits within a few words of the brand: a short window keeps the
        # end-anchored searches cheap, and a substring test skips those that cannot match.
        left = _clause_left(text, start)[-48:]
        low = left.lower()
        right = text[end : end + 30]
        if lowered:
            # Lower-cased text and case-sensitive patterns: the same answers, faster.
            p, left, right = _LOWERED, low, right.lower()
        else:
            p = _AS_WRITTEN
        if p.legit_right.match(right) or (
            _LEGIT_HINT_RE.search(low) is not None and p.legit_left.search(left)
        ):
            return False
        category = self._category[brand]
        if category == "payment" and p.payment_left.search(left):
            return False
        if p.device_right.match(right) and p.possessive_left.search(left):
            return False  # "my Dell laptop": the victim's machine
        if _IMPERSONATE_HINT_RE.search(low) is not None:
            if p.impersonate_left.search(left):
                return True
            m = p.from_left.search(left)
            # "... from (the) Brand": a claim of identity, unless money moved "from" an account.
            if m is not None and not _MONEY_BEFORE.search(left[: m.start()]):
                return True
        techlike = category in TECHLIKE or category == "service"
        # "my Microsoft account is locked" is still the scam talking; "my bank" is the victim's.
        if not techlike and (
            p.own_right.match(right)
            or (_OWN_HINT_RE.search(low) is not None and p.own_left.search(left))
        ):
            return False
        if p.role_right.match(right):
            return True
        return techlike

    def narrative_hits(
        self,
        text: str,
        scan: Scan,
        skip_spans: list[tuple[int, int]],
        legit_spans: Sequence[tuple[int, int]],
        claimed: str | None,
    ) -> list[Hit]:
        """``hits(mentions(...), claimed)``, deciding impersonation only where it counts.

        Only a brand's first impersonated mention becomes a hit, and never one of the
        claimed company: later mentions of a brand already taken are not judged at all.
        """
        hits, seen = self._claimed(claimed)
        brands = scan.of("brand")
        if not brands:
            return hits
        words = scan.tokens.words
        n_words = len(words)
        lowered = case_safe(text)
        for found in brands:
            label = found.label
            if label in seen:
                continue
            start, end = found.start, found.end
            if any(s <= start < e for s, e in skip_spans):
                continue  # inside a URL, domain or e-mail address
            if found.last < n_words and words[found.last] in _AFTER_SKIP:
                continue  # "Apple gift cards", "Google Play", "Amazon Pay"
            if label == "bt" and text[start:end] != "BT":
                continue  # "bt" in lower case is an abbreviation, not British Telecom
            if any(end <= s <= end + 4 for s, _ in legit_spans):
                continue  # "an email from PayPal (service@paypal.com)": PayPal's own system
            if self._impersonated(label, text, start, end, lowered):
                seen.add(label)
                hits.append(Hit(Kind.BRAND, label, "narrative", (start, end)))
        return hits

    def _claimed(self, claimed: str | None) -> tuple[list[Hit], set[str]]:
        hits: list[Hit] = []
        seen: set[str] = set()
        if claimed:
            brand = self.canonical(claimed)
            if brand is None:
                brand = re.sub(r"[^a-z0-9]+", "_", claimed.lower()).strip("_") or None
            if brand:
                seen.add(brand)
                hits.append(Hit(Kind.BRAND, brand, "caller.claimed_company"))
        return hits, seen

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


_CLAUSE_STOPS = ((". ", 2), ("! ", 2), ("? ", 2), ("\n", 1), ("; ", 2))


def _clause_left(text: str, start: int) -> str:
    # Cutting after each kind of stop in turn leaves the text after the last stop of any kind
    # (stops end with a space or are a newline, so none straddles an earlier cut).
    lo = cut = max(0, start - 60)
    for stop, size in _CLAUSE_STOPS:
        at = text.rfind(stop, lo, start)
        if at >= 0 and at + size > cut:
            cut = at + size
    return text[cut:start]
