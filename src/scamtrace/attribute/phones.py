"""Scammer phone numbers → country (and city for landlines), with what they cannot say.

A callback number in the victims' own country is usually a rented VOIP or
toll-free line that rings in a call centre anywhere: it says who the victims
are, not where the callers sit, so it is recorded with no weight and the
evidence says so; so is a toll-free or VOIP number of any country. Numbers of
countries where anyone can buy a virtual number online (US, UK, EU …) weigh
very little. A mobile or landline of a country where a number needs a local
SIM or line (an Indian mobile given out for WhatsApp, a Kolkata landline) is
real evidence. libphonenumber gives the carrier of a mobile (the operator the
series was allocated to; numbers can be ported since) and the numbering area
of a landline. It holds no telecom circle for Indian mobiles, and the
evidence says the circle is unknown.

A number a victim wrote without its country code was read by extraction in
some default region; when the same digits turn up under two country codes in
one operation, the reading in the victims' own country wins, or, failing
that, neither counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType, carrier, geocoder

from scamtrace.attribute.places import split_place
from scamtrace.attribute.types import MAX_CITED_VALUES, Evidence, OperationInputs, Place, Vote, cite

SIGNAL = "phone"
# Belief per distinct number. A mobile or landline of a country where a number
# needs a local SIM or line is the callers' own. A number in the victims' own
# country, and a toll-free/VOIP number anywhere, is explained by the targeting
# (rented to reach the victims): recorded with no weight, so that however many
# there are they never outvote real evidence. A SIM-bound number in the
# victims' own country (Indian mobiles for Indian victims) counts a little:
# SIMs are trafficked to compounds abroad.
FOREIGN_WEIGHT = 0.35
HOME_SIM_WEIGHT = 0.1
HOME_WEIGHT = 0.0
SAYS_LITTLE_WEIGHT = 0.0  # toll-free, VOIP, premium, shared-cost, personal numbers
# A virtual-market number (US, GB, EU …) of a country other than the victims'.
RENTABLE_WEIGHT = 0.04
MAX_MASS = 0.7
FULL_WEIGHT_REPORTS = 3  # a number counts fully once this many reports give it
HOME_SIM_CAP = 0.3
HOME_CAP = 0.0
RENTABLE_CAP = 0.05  # all virtual-market numbers of one other country together
SAYS_LITTLE_CAP = 0.0
# Non-geographic number types: the call can be answered anywhere in the world.
_NON_GEO = {
    PhoneNumberType.TOLL_FREE: "toll-free",
    PhoneNumberType.VOIP: "VOIP",
    PhoneNumberType.PREMIUM_RATE: "premium-rate",
    PhoneNumberType.SHARED_COST: "shared-cost",
    PhoneNumberType.UAN: "universal access",
    PhoneNumberType.PERSONAL_NUMBER: "personal (follow-me)",
    PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.PAGER: "pager",
}
_TYPE_NAME = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "landline",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline or mobile",
}


@dataclass(frozen=True, slots=True)
class PhoneInfo:
    e164: str
    valid: bool
    calling_code: int
    nsn: str  # national significant number
    country: str | None
    type_name: str
    non_geographic: bool
    carrier: str
    place: str  # geocoder description ("Kolkata, West Bengal"), "" when only the country


def _prefix_key(e164: str) -> str:
    """Numbers that share this key share validity, type, region, operator and place.

    libphonenumber's metadata decides those by leading digits and length, so
    one full look-up per prefix is enough (a store of 100k reports holds tens
    of thousands of numbers, and a full look-up costs ~0.2 ms). NANP: area
    code plus whether the exchange code is a valid one (outside the US and
    Canada the exchange code too); elsewhere the first seven digits with the
    country code, and the length.
    """
    digits = e164[1:]
    if digits.startswith("1") and len(digits) == 11:
        return f"1|{digits[1:4]}|{digits[4] in '01'}"
    return f"{digits[:7]}|{len(digits)}"


@lru_cache(maxsize=20_000)
def _describe_prefix(e164: str) -> PhoneInfo:
    """Full look-up of one representative number (its own e164 and nsn are replaced by the caller)."""
    try:
        num = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return PhoneInfo(e164, False, 0, "", None, "invalid", False, "", "")
    nsn = phonenumbers.national_significant_number(num)
    if not phonenumbers.is_valid_number(num):
        return PhoneInfo(e164, False, num.country_code or 0, nsn, None, "invalid", False, "", "")
    region = phonenumbers.region_code_for_number(num)
    ntype = phonenumbers.number_type(num)
    non_geo = ntype in _NON_GEO
    type_name = _NON_GEO.get(ntype) or _TYPE_NAME.get(ntype, "other")
    # name_for_number answers only for mobile types: exactly the numbers whose operator matters.
    op = carrier.name_for_number(num, "en") or ""
    desc = geocoder.description_for_valid_number(num, "en") or ""
    place = "" if desc in ("", _country_name(region, num)) else desc
    country = region if region and region != "ZZ" else None
    return PhoneInfo(e164, True, num.country_code or 0, nsn, country, type_name, non_geo, op, place)


_REPRESENTATIVE: dict[str, str] = {}


@lru_cache(maxsize=100_000)
def describe(e164: str) -> PhoneInfo:
    if not e164.startswith("+") or not e164[1:].isdigit():
        return PhoneInfo(e164, False, 0, "", None, "invalid", False, "", "")
    key = _prefix_key(e164)
    rep = _REPRESENTATIVE.setdefault(key, e164)
    info = _describe_prefix(rep)
    if key.startswith("1|") and info.country not in {"US", "CA"}:
        # Caribbean NANP numbers: type and operator depend on the exchange code too.
        rep = _REPRESENTATIVE.setdefault(f"{key}|{e164[5:8]}", e164)
        info = _describe_prefix(rep)
    if rep == e164:
        return info
    cc = str(info.calling_code) if info.calling_code else ""
    nsn = e164[1 + len(cc) :] if cc and e164[1:].startswith(cc) else info.nsn
    return replace(info, e164=e164, nsn=nsn)


_COUNTRY_NAMES: dict[str, str] = {}


def _country_name(region: str | None, num: phonenumbers.PhoneNumber) -> str:
    """The geocoder's name for the whole country (what it answers when it knows nothing finer)."""
    key = region or ""
    if key not in _COUNTRY_NAMES:
        _COUNTRY_NAMES[key] = geocoder.country_name_for_number(num, "en") or ""
    return _COUNTRY_NAMES[key]


def _usable(flags: Iterable[str]) -> bool:
    return not any(f == "fictitious" or f == "legit" or f.startswith("warninglist:") for f in flags)


# Countries whose numbers anyone can rent online as virtual (VOIP) numbers,
# landline-looking or mobile-looking: such a number is no sign of presence.
VIRTUAL_MARKETS = frozenset(
    {"US", "CA", "GB", "AU", "NZ", "IE", "DE", "FR", "NL", "BE", "ES", "IT", "SE", "CH", "AT", "DK", "NO", "FI",
     "PL", "PT", "CZ", "EE", "LT", "LV", "IL", "SG", "HK", "PR"}
)  # fmt: skip
FOREIGN, HOME_SIM, RENTABLE, HOME, SAYS_LITTLE = (
    "foreign",
    "home_sim",
    "rentable",
    "home",
    "says_little",
)
# class -> (belief per number, cap for all numbers of the class in one country)
CLASSES: dict[str, tuple[float, float]] = {
    FOREIGN: (FOREIGN_WEIGHT, MAX_MASS),
    HOME_SIM: (HOME_SIM_WEIGHT, HOME_SIM_CAP),
    RENTABLE: (RENTABLE_WEIGHT, RENTABLE_CAP),
    HOME: (HOME_WEIGHT, HOME_CAP),
    SAYS_LITTLE: (SAYS_LITTLE_WEIGHT, SAYS_LITTLE_CAP),
}


RULES = {
    FOREIGN: "phone.foreign_line",
    HOME_SIM: "phone.home_sim",
    RENTABLE: "phone.virtual_number",
    HOME: "phone.says_little",
    SAYS_LITTLE: "phone.says_little",
}


def classify(info: PhoneInfo, victims: frozenset[str]) -> tuple[str, str]:
    """(class, why) of a valid, usable scammer number."""
    if info.non_geographic:
        return (
            SAYS_LITTLE,
            f"{info.type_name} numbers route to a call centre anywhere; they say which market is targeted, not where the callers sit",
        )
    home = info.country in victims or (
        info.e164.startswith("+1") and info.country in {"US", "CA"} and bool(victims & {"US", "CA"})
    )
    if home and info.country in VIRTUAL_MARKETS:
        return (
            HOME,
            "numbers in the victims' own country are typically rented VOIP lines answered abroad; they say little",
        )
    if info.country in VIRTUAL_MARKETS:
        return (
            RENTABLE,
            f"{info.country} numbers are sold online as virtual numbers to anyone anywhere; they say little",
        )
    if home:
        return (
            HOME_SIM,
            f"{info.country} numbers need a local SIM, but the victims are in {info.country} too and SIMs travel: partly explained by the targeting",
        )
    return (
        FOREIGN,
        f"a {info.type_name} number of {info.country}, where numbers need a local SIM or line, is likely the callers' own",
    )


def _suspect(
    infos: dict[str, PhoneInfo], accounts: set[str], strong: set[str], victims: frozenset[str]
) -> dict[str, str]:
    """Numbers whose country is probably an artefact of parsing, with the reason.

    A number written without its country code ("0806 021 4316") is read in
    some default region; when the same digits also appear under another code
    in the operation, or are a beneficiary's account number, its country is
    not evidence.
    """
    out: dict[str, str] = {}
    by_tail: dict[str, set[str]] = defaultdict(set)
    for n, info in infos.items():
        if len(info.nsn) >= 8:
            by_tail[info.nsn[-8:]].add(n)
    for numbers in by_tail.values():
        if len({infos[n].calling_code for n in numbers}) < 2:
            continue
        # Victims write numbers the way their own country does ("0808 041 0720"
        # from a UK victim is UK freephone, not a Nigerian mobile): a reading in
        # the victims' country wins. Otherwise a single reading that would count
        # stands beside ones that would not; two that would count cancel out.
        home = {n for n in numbers if infos[n].country in victims}
        strong_codes = {infos[n].calling_code for n in numbers if n in strong}
        for n in numbers:
            if (home and n not in home) or (
                not home and (len(strong_codes) > 1 or n not in strong)
            ):
                out[n] = (
                    "the same digits appear under another country code, so the country was a guess of the parser"
                )
    for n, info in infos.items():
        if len(info.nsn) >= 8 and any(info.nsn in a for a in accounts):
            out[n] = "the digits are a beneficiary account number read as a phone number"
    return out


def votes(inputs: OperationInputs) -> tuple[list[Vote], list[Evidence]]:
    refs_by_number: dict[str, set[str]] = defaultdict(set)
    accounts: set[str] = set()
    for ind in inputs.indicators:
        if ind.kind == "phone" and ind.role == "scammer" and _usable(ind.flags):
            refs_by_number[ind.value].add(ind.ref)
        elif ind.kind == "bank_account":
            accounts.update(part for part in ind.value.split(":")[1:] if part.isdigit())
    if not refs_by_number:
        return [], []
    victims = inputs.victim_countries()
    valid: dict[str, PhoneInfo] = {}
    invalid: list[str] = []
    for number in sorted(refs_by_number):
        info = describe(number)
        if not info.valid or info.country is None:
            invalid.append(number)
        else:
            valid[number] = info
    notes: list[Evidence] = []
    if invalid:
        refs = set().union(*(refs_by_number[n] for n in invalid))
        notes.append(
            Evidence(
                SIGNAL,
                "phone.invalid",
                f"{len(invalid)} number(s) are not valid numbers and were ignored",
                cite(refs),
                tuple(invalid[:MAX_CITED_VALUES]),
            )
        )
    classes = {n: classify(info, victims) for n, info in valid.items()}
    strong = {n for n, (cls, _) in classes.items() if cls in (FOREIGN, HOME_SIM)}
    suspect = _suspect(valid, accounts, strong, victims)
    for reason in sorted(set(suspect.values())):
        nums = sorted(n for n, r in suspect.items() if r == reason)
        refs = set().union(*(refs_by_number[n] for n in nums))
        notes.append(
            Evidence(
                SIGNAL,
                "phone.ambiguous",
                f"{len(nums)} number(s) ignored: {reason}",
                cite(refs),
                tuple(nums[:MAX_CITED_VALUES]),
            )
        )
    # (country, class) -> numbers, and each number's weight
    groups: dict[tuple[str, str], list[PhoneInfo]] = defaultdict(list)
    reasons: dict[tuple[str, str], str] = {}
    per_number: dict[str, float] = {}
    for number, info in valid.items():
        if number in suspect:
            continue
        cls, why = classes[number]
        groups[(info.country or "", cls)].append(info)
        reasons[(info.country or "", cls)] = why
        w = CLASSES[cls][0]
        # A number seen once may be a typo or a misread of other digits; one that
        # several victims give is the callers' line.
        per_number[number] = w * min(1.0, len(refs_by_number[number]) / FULL_WEIGHT_REPORTS)
    if not groups:
        return [], notes
    # Numbers explained by the targeting (rented lines in the victims' market)
    # are many and correlated: however many there are, together they stay weak.
    group_mass: dict[tuple[str, str], float] = {}
    for key, infos in groups.items():
        cap = CLASSES[key[1]][1]
        miss = 1.0
        for i in infos:
            miss *= 1.0 - per_number[i.e164]
        group_mass[key] = min(cap, 1.0 - miss)
    total = sum(group_mass.values())
    scale = MAX_MASS / total if total > MAX_MASS else 1.0
    out: list[Vote] = []
    for (country, cls), infos in sorted(groups.items()):
        why = reasons[(country, cls)]
        mass = group_mass[(country, cls)] * scale
        refs = set().union(*(refs_by_number[i.e164] for i in infos))
        kinds = _count(i.type_name for i in infos)
        ops = _count(i.carrier for i in infos if i.carrier)
        detail = (
            f"{len(infos)} scammer number(s) of {country} ({kinds}) in {len(refs)} report(s): {why}"
        )
        if ops:
            detail += f"; operator at allocation (may have been ported since): {ops}"
        if country == "IN" and any(i.type_name == "mobile" and not i.place for i in infos):
            detail += "; telecom circle unknown (libphonenumber holds none for Indian mobiles)"
        rule = RULES[cls]
        ev = Evidence(
            SIGNAL,
            rule,
            detail,
            cite(refs),
            tuple(i.e164 for i in infos[:MAX_CITED_VALUES]),
            None,
            mass,
        )
        out.append(Vote(SIGNAL, frozenset({country}), mass, ev, independent=cls == FOREIGN))
        if cls != FOREIGN:
            continue
        # Landlines (and any number the geocoder places below country level) narrow the place.
        by_place: dict[str, list[PhoneInfo]] = defaultdict(list)
        for i in infos:
            if i.place:
                by_place[i.place].append(i)
        for desc, located in sorted(by_place.items()):
            region, city = split_place(country, desc)
            if region is None and city is None:
                continue
            pmiss = 1.0
            for i in located:
                pmiss *= 1.0 - per_number[i.e164]
            pmass = 1.0 - pmiss
            prefs = set().union(*(refs_by_number[i.e164] for i in located))
            pev = Evidence(
                SIGNAL,
                "phone.landline_place",
                f"{len(located)} {country} number(s) in {len(prefs)} report(s) belong to the numbering area of {desc} (libphonenumber geocoder)",
                cite(prefs),
                tuple(i.e164 for i in located[:MAX_CITED_VALUES]),
                None,
                pmass,
            )
            out.append(Vote(SIGNAL, frozenset({country}), pmass, pev, Place(country, region, city)))
    return out, notes


def _count(items: Iterable[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for x in items:
        counts[x] += 1
    return ", ".join(f"{k} ×{n}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
