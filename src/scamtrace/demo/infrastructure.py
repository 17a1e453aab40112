"""What each operation rents, buys and burns over its life.

Lifetimes follow what takedown data shows: pop-up domains live days, toll-free
callback numbers weeks, mule accounts until the bank closes them (weeks),
wallets and shell-company card descriptors months, the office's IP range as
long as the lease. Busy centres run several numbers, domains and mules in
parallel; every item's window lies within the centre's active period (plus a
short lead-in), so the world is coherent in time.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from scamtrace.demo import banking, web
from scamtrace.demo.brands import BRAND_WORDS
from scamtrace.demo.ipranges import ISP_BLOCKS, pick_slash24
from scamtrace.demo.people import (
    MULE_NAMES,
    SHELL_SUFFIX,
    SHELL_WORDS_A,
    SHELL_WORDS_B,
    SHELL_WORDS_C,
)
from scamtrace.demo.phones import Number, e164, fictitious_number, scammer_number
from scamtrace.demo.timeline import Slot, build_chain
from scamtrace.demo.world import TSS, Centre

Maker = Callable[[], tuple[str, str, Any, str]]

# Number kinds a centre uses per victim market: (callback kinds with weights).
CALLBACK_KINDS: dict[str, tuple[tuple[str, float], ...]] = {
    "US": (("us_toll_free", 0.75), ("us_voip", 0.25)),
    "CA": (("us_toll_free", 0.6), ("ca_geo", 0.2), ("us_voip", 0.2)),
    "GB": (("uk_free", 0.55), ("uk_geo", 0.45)),
    "AU": (("au_free", 0.7), ("au_geo", 0.3)),
    "IN": (("in_mobile", 1.0),),
}
# Callback numbers are grouped by numbering plan: US and CA share NANP numbers.
PHONE_GROUP: dict[str, str] = {"US": "nanp", "CA": "nanp", "GB": "gb", "AU": "au", "IN": "in"}
OUTBOUND_KIND: dict[str, str] = {
    "nanp": "us_voip",
    "gb": "uk_geo",
    "au": "au_geo",
    "in": "in_mobile",
}


class Factory:
    """Makers of new infrastructure values, unique across the world."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken_numbers: set[str] = set()
        self.taken_values: set[str] = set()
        self.fictitious = 0

    def _unique(self, make: Callable[[], str]) -> str:
        for _ in range(10_000):
            value = make()
            if value not in self.taken_values:
                self.taken_values.add(value)
                return value
        raise RuntimeError("demo world: value space exhausted; widen the generator's vocabulary")

    def phone(self, kinds: tuple[tuple[str, float], ...], fictitious_share: float = 0.03) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            # The 555-01xx range holds ~3,000 numbers: keep well inside it.
            if self.fictitious < 400 and rng.random() < fictitious_share:
                self.fictitious += 1
                number: Number = fictitious_number(rng)
                while e164(number) in self.taken_numbers:
                    number = fictitious_number(rng)
                self.taken_numbers.add(e164(number))
                return "phone", e164(number), number, "fictitious 555-01xx"
            kind = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
            number = scammer_number(rng, kind, self.taken_numbers)
            return "phone", e164(number), number, kind

        return make

    def popup(self, shared_share: float, brand_word: str) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            digits = f"8{self.rng.randint(33, 88)}{self.rng.randrange(10**7):07d}"
            site = web.popup_site(self.rng, digits, shared_share, brand_word)
            while site.domain in self.taken_values:
                site = web.popup_site(self.rng, digits, shared_share, brand_word)
            self.taken_values.add(site.domain)
            return "website", site.domain, site, site.shared_parent or "own domain"

        return make

    def support_site(self, brand_word: str) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            site = web.support_site(self.rng, brand_word)
            while site.domain in self.taken_values:
                site = web.support_site(self.rng, brand_word)
            self.taken_values.add(site.domain)
            return "website", site.domain, site, "own domain"

        return make

    def short_link(self) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            site = web.short_link(self.rng)
            return "website", site.url, site, site.shared_parent

        return make

    def exchange_site(self) -> Maker:
        """A fake trading platform of an investment ring."""

        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            stem = rng.choice(
                ("coin", "bit", "trade", "crypto", "fx", "gold", "nova", "apex", "zen")
            )
            tail = rng.choice(
                ("vex", "prime", "ex", "globalpro", "markets", "capital", "wealth", "bitpro")
            )
            domain = self._unique(
                lambda: (
                    f"{stem}{tail}{rng.choice(('', '-app', '-pro', str(rng.randint(1, 99))))}.{rng.choice(('com', 'net', 'io', 'cc', 'vip', 'top'))}"
                )
            )
            return "website", domain, web.WebSite(domain, f"https://www.{domain}/"), "own domain"

        return make

    def smish_site(self, courier_word: str) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            domain = self._unique(
                lambda: (
                    f"{courier_word}-{rng.choice(('redelivery', 'track', 'parcel', 'reschedule', 'fee', 'address'))}-{rng.choice(('help', 'info', 'online', 'update'))}{rng.randint(1, 999)}.{rng.choice(('top', 'xyz', 'com', 'info', 'live', 'cc'))}"
                )
            )
            path = rng.choice(("/", "/track", "/pay", f"/{rng.randrange(16**6):06x}"))
            return "website", domain, web.WebSite(domain, f"https://{domain}{path}"), "own domain"

        return make

    def screenconnect(self) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            host = self._unique(lambda: web.screenconnect_instance(self.rng))
            return "remote_id", f"screenconnect:{host}", host, "ScreenConnect cloud instance"

        return make

    def email(self, own_domain: str, brand_word: str) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            address = self._unique(lambda: web.scammer_email(self.rng, own_domain, brand_word))
            return "email", address, address, ""

        return make

    def mule_email(self) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            address = self._unique(
                lambda: (
                    f"{rng.choice(MULE_NAMES['US']).lower().replace(' ', '.')}{rng.randint(1, 9999)}@{rng.choice(('gmail.com', 'yahoo.com', 'outlook.com'))}"
                )
            )
            return "email", address, address, "money mule"

        return make

    def holder(self, country: str, shell_share: float) -> str:
        rng = self.rng
        if rng.random() < shell_share:
            suffixes = SHELL_SUFFIX.get(country, SHELL_SUFFIX["US"])
            middle = rng.choice(SHELL_WORDS_C)
            return f"{rng.choice(SHELL_WORDS_A)} {rng.choice(SHELL_WORDS_B)}{middle} {rng.choice(suffixes)}"
        return rng.choice(MULE_NAMES.get(country, MULE_NAMES["US"]))

    def account(self, scheme: str, shell_share: float) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            while True:
                if scheme == "US":
                    acct = banking.us_account(rng, self.holder("US", shell_share))
                elif scheme == "GB":
                    acct = banking.uk_account(rng, self.holder("GB", shell_share))
                elif scheme == "IBAN":
                    acct = banking.foreign_iban_account(rng, self.holder("GB", shell_share))
                else:
                    acct = banking.in_account(rng, self.holder("IN", shell_share))
                if acct.canonical not in self.taken_values:
                    self.taken_values.add(acct.canonical)
                    return "bank_account", acct.canonical, acct, acct.bank

        return make

    def zelle(self) -> Maker:
        """A Zelle recipient: a mule's US mobile number or e-mail address."""

        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            holder = rng.choice(MULE_NAMES["US"])
            if rng.random() < 0.55:
                number = scammer_number(rng, "us_voip", self.taken_numbers)
                return "phone", e164(number), (holder, number), "Zelle token (mule's number)"
            address = self._unique(
                lambda: (
                    f"{holder.lower().replace(' ', '')}{rng.randint(1, 999)}@{rng.choice(('gmail.com', 'yahoo.com'))}"
                )
            )
            return "email", address, (holder, address), "Zelle token (mule's e-mail)"

        return make

    def upi(self) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            if rng.random() < 0.3:
                holder = rng.choice(MULE_NAMES["IN"])
                vpa = self._unique(
                    lambda: banking.upi_id(
                        rng, holder, scammer_number(rng, "in_mobile", self.taken_numbers)[1]
                    )
                )
            else:
                holder, vpa = "", ""
                while not vpa:
                    holder = rng.choice(MULE_NAMES["IN"])
                    candidate = banking.upi_id(rng, holder)
                    if candidate not in self.taken_values:
                        self.taken_values.add(candidate)
                        vpa = candidate
            return "upi", vpa, (holder, vpa), "mule VPA"

        return make

    def wallet(self, chain: str) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            if chain == "btc":
                address = self._unique(lambda: banking.btc_wallet(rng))
                return "crypto_wallet", f"btc:{address}", address, "BTC"
            if chain == "eth":
                address = self._unique(lambda: banking.eth_wallet(rng))
                return "crypto_wallet", f"eth:{address.lower()}", address, "ETH/USDT-ERC20"
            address = self._unique(lambda: banking.tron_wallet(rng))
            return "crypto_wallet", f"trx:{address}", address, "USDT-TRC20"

        return make

    def merchant(self, country: str) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            companies: list[str] = []

            def attempt() -> str:
                companies.append(self.holder(country, 1.0))
                return banking.merchant_descriptor(rng, companies[-1])

            descriptor = self._unique(attempt)
            return (
                "merchant",
                " ".join(descriptor.split()),
                (companies[-1], descriptor),
                "shell company",
            )

        return make

    def ip_range(self, country: str) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            block, isp = rng.choice(ISP_BLOCKS[country])
            cidr = self._unique(lambda: pick_slash24(block, rng.randrange(1 << 16)))
            return "ip_range", cidr, (cidr, isp), isp

        return make

    def anydesk_agent(self) -> Maker:
        def make() -> tuple[str, str, Any, str]:
            rng = self.rng
            digits = self._unique(lambda: str(rng.randint(100_000_000, 1_999_999_999)))
            return "remote_id", f"anydesk:{digits}", digits, "agent workstation"

        return make


# Calibration: a call centre runs a few numbers, sites and accounts at a time,
# each for weeks, so its complaints chain together through what they share (with
# perfect extraction, components over scammer values reach B-cubed F1 ≈ 0.9).
CHAIN_SPREAD = 3.0
WINDOW_STRETCH = 1.5


def _chains(rate: float, per_chain: float, cap: int) -> int:
    return max(1, min(max(1, cap // 2), 1 + int(rate / (per_chain * CHAIN_SPREAD))))


def _add(
    rng: random.Random,
    centre: Centre,
    name: str,
    make: Maker,
    duration: tuple[int, int],
    chains: int,
) -> None:
    slot = Slot()
    # Numbers and sites are burned by complaints and blocks: a small centre keeps
    # its number for months, a large one burns through them in weeks.
    rate = centre.planned / max(1, centre.end - centre.start + 1)
    stretch = WINDOW_STRETCH * max(1.0, min(6.0, (8.0 / max(rate, 0.01)) ** 0.5))
    duration = (round(duration[0] * stretch), round(duration[1] * stretch))
    for _ in range(chains):
        slot.chains.append(build_chain(rng, centre.start, centre.end, duration, make))
    centre.slots[name] = slot


def equip(rng: random.Random, factory: Factory, centre: Centre) -> None:
    """Give ``centre`` the infrastructure its kind, markets and size call for."""
    rate = centre.planned / max(1, centre.end - centre.start + 1)
    brand_word = BRAND_WORDS.get(centre.brands[0], "support") if centre.brands else "support"
    groups = list(dict.fromkeys(PHONE_GROUP[t] for t in centre.targets))
    country = centre.city.country

    if centre.kind == TSS:
        for group in groups:
            markets = [t for t in centre.targets if PHONE_GROUP[t] == group]
            kinds = CALLBACK_KINDS[markets[0]]
            if group == "nanp" and "CA" in markets and markets[0] != "CA":
                # Centres working Canada too rent a few Toronto/Vancouver numbers.
                kinds = (*kinds, ("ca_geo", 0.1))
            _add(
                rng, centre, f"phone:{group}", factory.phone(kinds), (14, 60), _chains(rate, 6, 15)
            )
            _add(
                rng,
                centre,
                f"outbound:{group}",
                factory.phone(((OUTBOUND_KIND[group], 1.0),), 0.0),
                (5, 30),
                _chains(rate, 20, 4),
            )
        _add(
            rng,
            centre,
            "popup",
            factory.popup(rng.uniform(0.3, 0.7), brand_word),
            (2, 21),
            _chains(rate, 4, 25),
        )
        _add(
            rng,
            centre,
            "support_site",
            factory.support_site(brand_word),
            (30, 180),
            _chains(rate, 30, 4),
        )
        _add(rng, centre, "shortlink", factory.short_link(), (7, 30), 1)
        _add(rng, centre, "screenconnect", factory.screenconnect(), (30, 200), _chains(rate, 40, 4))
        own = centre.slots["support_site"].chains[0].items[0].value
        _add(rng, centre, "email", factory.email(own, brand_word), (45, 240), _chains(rate, 30, 3))
        shell = rng.uniform(0.2, 0.8)
        if "US" in centre.targets or "CA" in centre.targets:
            _add(
                rng, centre, "acct:US", factory.account("US", shell), (15, 90), _chains(rate, 15, 8)
            )
            _add(rng, centre, "zelle", factory.zelle(), (15, 60), _chains(rate, 25, 4))
        if "CA" in centre.targets:
            _add(rng, centre, "etransfer", factory.mule_email(), (15, 60), 1)
        if "GB" in centre.targets:
            _add(
                rng, centre, "acct:GB", factory.account("GB", shell), (15, 90), _chains(rate, 15, 6)
            )
        if "AU" in centre.targets:
            _add(
                rng,
                centre,
                "acct:IBAN",
                factory.account("IBAN", shell),
                (30, 120),
                _chains(rate, 25, 4),
            )
        if "IN" in centre.targets:
            _add(rng, centre, "acct:IN", factory.account("IN", 0.1), (10, 60), _chains(rate, 10, 6))
            _add(rng, centre, "upi", factory.upi(), (10, 45), _chains(rate, 8, 8))
        _add(rng, centre, "btc", factory.wallet("btc"), (20, 150), _chains(rate, 25, 5))
        _add(
            rng,
            centre,
            "merchant",
            factory.merchant("US" if country != "IN" or "US" in centre.targets else "IN"),
            (60, 300),
            _chains(rate, 50, 3),
        )
        _add(
            rng,
            centre,
            "ip",
            factory.ip_range(country),
            (90, 365),
            max(1, min(4, centre.seats // 60 + 1)),
        )
        _add(
            rng,
            centre,
            "anydesk",
            factory.anydesk_agent(),
            (60, 365),
            max(1, min(12, centre.seats // 15 + 1)),
        )
        return

    # Rings of the other scam types.
    kind = centre.kind
    _add(rng, centre, "ip", factory.ip_range(country), (90, 365), 1)
    if kind == "romance":
        phone_kinds = (
            (("ng_mobile", 0.4), ("us_voip", 0.5), ("gh_mobile", 0.1))
            if country == "NG"
            else (("gh_mobile", 0.5), ("us_voip", 0.5))
        )
        _add(
            rng,
            centre,
            "phone:chat",
            factory.phone(phone_kinds, 0.0),
            (60, 300),
            _chains(rate, 3, 6),
        )
        _add(rng, centre, "email", factory.email("", "love"), (90, 400), _chains(rate, 5, 4))
        _add(rng, centre, "acct:US", factory.account("US", 0.1), (30, 120), _chains(rate, 8, 4))
        _add(rng, centre, "acct:GB", factory.account("GB", 0.1), (30, 120), 1)
        _add(rng, centre, "btc", factory.wallet("btc"), (30, 200), 1)
    elif kind == "investment":
        _add(rng, centre, "site", factory.exchange_site(), (60, 240), _chains(rate, 10, 4))
        if centre.targets == ("IN",):
            _add(
                rng,
                centre,
                "phone:chat",
                factory.phone((("in_mobile", 1.0),), 0.0),
                (20, 90),
                _chains(rate, 5, 6),
            )
            _add(rng, centre, "acct:IN", factory.account("IN", 0.4), (10, 60), _chains(rate, 5, 8))
            _add(rng, centre, "upi", factory.upi(), (10, 45), _chains(rate, 5, 6))
        else:
            _add(
                rng,
                centre,
                "phone:chat",
                factory.phone((("us_voip", 0.7), ("uk_geo", 0.3)), 0.0),
                (30, 120),
                _chains(rate, 5, 4),
            )
            _add(rng, centre, "eth", factory.wallet("eth"), (30, 120), _chains(rate, 8, 4))
            _add(rng, centre, "trx", factory.wallet("trx"), (30, 120), _chains(rate, 8, 4))
            _add(rng, centre, "acct:US", factory.account("US", 0.8), (30, 120), 1)
    elif kind == "lottery":
        _add(
            rng,
            centre,
            "phone:nanp",
            factory.phone((("jm", 0.7), ("us_voip", 0.3)), 0.0),
            (20, 120),
            _chains(rate, 5, 4),
        )
        _add(rng, centre, "acct:US", factory.account("US", 0.0), (20, 90), _chains(rate, 10, 3))
        _add(rng, centre, "btc", factory.wallet("btc"), (30, 150), 1)
    elif kind == "government_impersonation":
        for group in groups:
            markets = [t for t in centre.targets if PHONE_GROUP[t] == group]
            kinds = (
                (("in_mobile", 1.0),)
                if group == "in"
                else ((OUTBOUND_KIND[group], 0.7), CALLBACK_KINDS[markets[0]][0])
            )
            _add(
                rng,
                centre,
                f"phone:{group}",
                factory.phone(kinds, 0.02),
                (10, 45),
                _chains(rate, 6, 8),
            )
        if "IN" in centre.targets:
            _add(rng, centre, "acct:IN", factory.account("IN", 0.3), (10, 60), _chains(rate, 4, 8))
            _add(rng, centre, "upi", factory.upi(), (10, 45), 1)
        else:
            _add(rng, centre, "btc", factory.wallet("btc"), (20, 120), _chains(rate, 15, 4))
            _add(rng, centre, "acct:US", factory.account("US", 0.2), (15, 60), _chains(rate, 15, 3))
    elif kind == "delivery":
        courier = {"IN": "indiapost"}.get(
            centre.targets[0], rng.choice(("usps", "parcel", "post", "delivery"))
        )
        sender_kind = (
            (("in_mobile", 1.0),)
            if centre.targets == ("IN",)
            else (("us_voip", 0.5), ("ph_mobile", 0.3), ("uk_geo", 0.2))
        )
        _add(
            rng, centre, "phone:sms", factory.phone(sender_kind, 0.0), (3, 20), _chains(rate, 5, 6)
        )
        _add(rng, centre, "site", factory.smish_site(courier), (2, 14), _chains(rate, 3, 12))
        _add(rng, centre, "merchant", factory.merchant("US"), (30, 120), _chains(rate, 20, 3))
        if centre.targets == ("IN",):
            _add(rng, centre, "upi", factory.upi(), (10, 45), 1)
    else:  # "other": Indian task, sextortion and marketplace frauds
        _add(
            rng,
            centre,
            "phone:in",
            factory.phone((("in_mobile", 1.0),), 0.0),
            (10, 60),
            _chains(rate, 4, 8),
        )
        _add(rng, centre, "upi", factory.upi(), (7, 40), _chains(rate, 4, 8))
        _add(rng, centre, "acct:IN", factory.account("IN", 0.2), (10, 60), _chains(rate, 6, 6))
