"""Where the money lands: beneficiary accounts and UPI addresses → country (and bank).

An Indian beneficiary (an IFSC-coded account, a UPI address) means the money
is collected in India by someone who can withdraw it there: for a call
centre that is strong evidence it works from India. A mule's account in the
US (ABA routing number), the UK (sort code) or an IBAN country is where the
money lands, often recruited in the victims' own country: weaker evidence for
where the callers sit, and the evidence says so. Crypto wallets and card
descriptors have no country and are not used.

Bank names come from the shipped IFSC list (razorpay/ifsc, MIT): it maps
codes to banks but holds no branch addresses, so an IFSC gives the bank and
never the city.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from scamtrace.attribute.types import MAX_CITED_VALUES, Evidence, OperationInputs, Vote, cite

SIGNAL = "money"
INDIAN_WEIGHT = 0.4  # per distinct Indian beneficiary (IFSC account or UPI address)
# A mule account in the victims' own country is explained by the targeting
# (mules are recruited where the victims are): recorded, with no weight.
MULE_WEIGHT_HOME = 0.0
# A mule account in a third country; neobank IBANs are issued to anyone in the EEA.
MULE_WEIGHT_FOREIGN = 0.04
MAX_MASS = 0.85
DOMESTIC_WEIGHT = 0.2  # per Indian beneficiary when the victims are in India too
DOMESTIC_CAP = 0.45
MAX_MULE_MASS = 0.1

# UPI handle → (app, bank behind it). Handles not listed still mean India.
UPI_PROVIDERS: dict[str, tuple[str, str]] = {
    "okaxis": ("Google Pay", "Axis Bank"),
    "okhdfcbank": ("Google Pay", "HDFC Bank"),
    "okicici": ("Google Pay", "ICICI Bank"),
    "oksbi": ("Google Pay", "State Bank of India"),
    "okbizaxis": ("Google Pay for Business", "Axis Bank"),
    "ybl": ("PhonePe", "Yes Bank"),
    "ibl": ("PhonePe", "ICICI Bank"),
    "axl": ("PhonePe", "Axis Bank"),
    "paytm": ("Paytm", "Paytm Payments Bank"),
    "ptyes": ("Paytm", "Yes Bank"),
    "ptaxis": ("Paytm", "Axis Bank"),
    "pthdfc": ("Paytm", "HDFC Bank"),
    "ptsbi": ("Paytm", "State Bank of India"),
    "apl": ("Amazon Pay", "Axis Bank"),
    "yapl": ("Amazon Pay", "Yes Bank"),
    "rapl": ("Amazon Pay", "RBL Bank"),
    "upi": ("BHIM", "issuing bank not encoded"),
    "sbi": ("SBI Pay", "State Bank of India"),
    "icici": ("iMobile", "ICICI Bank"),
    "hdfcbank": ("HDFC Bank app", "HDFC Bank"),
    "axisbank": ("Axis Bank app", "Axis Bank"),
    "kotak": ("Kotak app", "Kotak Mahindra Bank"),
    "pnb": ("PNB app", "Punjab National Bank"),
    "boi": ("BOI app", "Bank of India"),
    "airtel": ("Airtel Thanks", "Airtel Payments Bank"),
    "fbl": ("Federal Bank app", "Federal Bank"),
    "federal": ("Federal Bank app", "Federal Bank"),
    "indus": ("IndusInd app", "IndusInd Bank"),
    "idfcfirst": ("IDFC FIRST app", "IDFC FIRST Bank"),
    "freecharge": ("Freecharge", "Axis Bank"),
    "ikwik": ("MobiKwik", "HDFC Bank"),
    "jio": ("JioPay", "Jio Payments Bank"),
    "postbank": ("IPPB", "India Post Payments Bank"),
}


@lru_cache(maxsize=1)
def _ifsc_banks() -> dict[str, str]:
    """IFSC bank code → bank name, from the IFSC list that extraction ships."""
    raw = resources.files("scamtrace.data").joinpath("ifsc.tsv.gz").read_bytes()
    out: dict[str, str] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0]] = parts[1] or parts[0]
    return out


def ifsc_bank(ifsc: str) -> str | None:
    """Bank of an IFSC code (``HDFC0001234`` → HDFC Bank), None for an unknown bank code."""
    return _ifsc_banks().get(ifsc[:4].upper())


def upi_provider(vpa: str) -> tuple[str, str] | None:
    handle = vpa.rsplit("@", 1)[-1].lower()
    return UPI_PROVIDERS.get(handle)


def _usable(flags: Iterable[str]) -> bool:
    return not any(f == "legit" or f == "fictitious" or f.startswith("warninglist:") for f in flags)


def _account_country(value: str) -> tuple[str, str] | None:
    """(country, scheme) of a canonical bank_account value."""
    scheme, _, rest = value.partition(":")
    if scheme == "ifsc":
        return "IN", "ifsc"
    if scheme == "aba":
        return "US", "aba"
    if scheme == "sortcode":
        return "GB", "sortcode"
    if scheme == "iban" and len(rest) >= 2 and rest[:2].isalpha():
        return rest[:2].upper(), "iban"
    return None


def votes(inputs: OperationInputs) -> tuple[list[Vote], list[Evidence]]:
    victims = inputs.victim_countries()
    indian: dict[str, set[str]] = defaultdict(set)  # value -> refs
    mules: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for ind in inputs.indicators:
        if ind.role != "scammer" or not _usable(ind.flags):
            continue
        if ind.kind == "upi":
            indian[f"upi:{ind.value}"].add(ind.ref)
        elif ind.kind == "bank_account":
            found = _account_country(ind.value)
            if found is None:
                continue
            country, scheme = found
            if scheme == "ifsc":
                indian[ind.value].add(ind.ref)
            else:
                mules[(country, scheme)][ind.value].add(ind.ref)
    out: list[Vote] = []
    if indian:
        # Indian victims pay into Indian accounts wherever the callers sit
        # ("digital arrest" compounds abroad use Indian mules): partly explained by the targeting.
        domestic = "IN" in victims
        weight, cap = (DOMESTIC_WEIGHT, DOMESTIC_CAP) if domestic else (INDIAN_WEIGHT, MAX_MASS)
        mass = min(cap, 1.0 - (1.0 - weight) ** len(indian))
        refs = set().union(*indian.values())
        banks: dict[str, int] = defaultdict(int)
        for value in indian:
            if value.startswith("upi:"):
                prov = upi_provider(value[4:])
                banks[
                    f"UPI via {prov[0]} ({prov[1]})" if prov else "UPI (handle not in the list)"
                ] += 1
            else:
                code = value.split(":")[1]
                banks[ifsc_bank(code) or f"unknown bank code {code[:4]}"] += 1
        listing = ", ".join(
            f"{b} ×{n}" for b, n in sorted(banks.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        meaning = (
            "the victims are in India too, so Indian accounts are partly explained by the targeting"
            if domestic
            else "money collected in India from victims abroad points to operators there"
        )
        detail = (
            f"{len(indian)} Indian beneficiary account(s)/UPI address(es) in {len(refs)} report(s): {listing}; "
            f"{meaning} (branch city is not in the shipped IFSC data)"
        )
        values = tuple(sorted(v.removeprefix("upi:") for v in indian)[:MAX_CITED_VALUES])
        out.append(
            Vote(
                SIGNAL,
                frozenset({"IN"}),
                mass,
                Evidence(
                    SIGNAL, "money.indian_beneficiary", detail, cite(refs), values, None, mass
                ),
                independent=not domestic,
            )
        )
    mule_total = 0.0
    for (country, scheme), accounts in sorted(mules.items()):
        home = country in victims
        w = MULE_WEIGHT_HOME if home else MULE_WEIGHT_FOREIGN
        mass = max(0.0, min(MAX_MULE_MASS - mule_total, 1.0 - (1.0 - w) ** len(accounts)))
        mule_total += mass
        refs = set().union(*accounts.values())
        label = {
            "aba": "US (ABA routing)",
            "sortcode": "UK (sort code)",
            "iban": f"{country} (IBAN)",
        }[scheme]
        where = (
            "the victims' own country, where mules are recruited"
            if country in victims
            else "a third country"
        )
        weakness = "no evidence of" if home else "weak evidence for"
        detail = (
            f"{len(accounts)} mule account(s) in {label} in {len(refs)} report(s): where the money lands ({where}); "
            f"{weakness} where the callers sit"
        )
        out.append(
            Vote(
                SIGNAL,
                frozenset({country}),
                mass,
                Evidence(
                    SIGNAL,
                    f"money.mule_{scheme}",
                    detail,
                    cite(refs),
                    tuple(sorted(accounts)[:MAX_CITED_VALUES]),
                    None,
                    mass,
                ),
                independent=False,
            )
        )
    # One signal's masses must add up to at most 1.
    total = sum(v.mass for v in out)
    if total > 1.0:
        out = [
            replace(v, mass=v.mass / total, evidence=replace(v.evidence, weight=v.mass / total))
            for v in out
        ]
    return out, []
