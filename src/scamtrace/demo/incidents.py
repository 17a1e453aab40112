"""What happened in one scam contact: the facts every report of it draws on.

An incident is decided once; each report of it (two when the victim used two
channels) then chooses which facts to mention and in what words. Times follow
the centre's shift converted to the victim's zone, which is how call hours
become evidence of the operator's UTC offset.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import accumulate

from scamtrace.demo.brands import MARKET_ONLY
from scamtrace.demo.clock import MINUTES_PER_DAY, offset_minutes
from scamtrace.demo.geography import CURRENCY
from scamtrace.demo.ipranges import MICROSOFT_BLOCKS, host_in
from scamtrace.demo.legit import LEGIT_PHONES, LEGIT_SITES, LEGIT_SITES_BY_COUNTRY
from scamtrace.demo.money import FX, GIFT_BRANDS, RING_METHODS, STORES, TSS_METHODS, draw_amount
from scamtrace.demo.phrases_tss import THREATS_TITLE_PLANS
from scamtrace.demo.timeline import Item
from scamtrace.demo.victims import Victim, make_victim
from scamtrace.demo.world import TSS, Centre

REMOTE_TOOLS: tuple[tuple[str, float], ...] = (
    ("AnyDesk", 45), ("TeamViewer", 20), ("UltraViewer", 10), ("ScreenConnect", 12),
    ("Quick Assist", 8), ("LogMeIn Rescue", 3), ("Supremo", 2),
)  # fmt: skip
_TOOL_NAMES = tuple(t for t, _ in REMOTE_TOOLS)
_TOOL_CUM = tuple(accumulate(w for _, w in REMOTE_TOOLS))

# Rates of the facts that make reports hard (see docs/demo-world.md). Vague
# reports, AnyDesk logs and netstat IPs are quotas (see traps.Quota).
VAGUE_SHARE = 0.025  # of scam incidents
LOG_SHARE = 0.025  # of tech-support incidents: someone read the incoming-connection log
NETSTAT_SHARE = 0.012  # of tech-support incidents
P_LEGIT = 0.09
P_HUB = 0.15
P_PAID_TSS = 0.6


@dataclass(frozen=True, slots=True)
class Plan:
    """Quota decisions for one incident."""

    vague: bool = False
    log: bool = False
    netstat: bool = False


@dataclass(slots=True)
class Payment:
    label: str  # template family: gift, wire, zelle, crypto, card, uk_transfer, iban, etransfer, paypal, cash, upi, imps, crypto_send
    method: str  # spec payment method
    amount: float
    currency: str
    item: Item | None = None
    gift_brand: str = ""
    store: str = ""
    plan: str = ""


@dataclass(slots=True)
class Incident:
    id: str
    centre: Centre | None
    scam_type: str
    victim: Victim
    day: int  # victim-local date
    minute: int  # victim-local minute of day
    offset: int  # victim's UTC offset in minutes that day
    channel: str
    direction: str
    brand: str = ""
    alias: str = ""
    callback: Item | None = None
    outbound: Item | None = None
    site: Item | None = None
    email: Item | None = None
    tool: str = ""
    victim_rid: str = ""
    screenconnect: Item | None = None
    log_agent: Item | None = None
    log_ip: str = ""
    log_range: Item | None = None
    payments: list[Payment] = field(default_factory=list)
    refund: bool = False
    legit_phone: tuple[str, str, str] | None = None
    legit_site: tuple[str, str] | None = None
    netstat_ip: str = ""
    vague: bool = False
    forced: list[Item] = field(default_factory=list)


def _victim_time(
    rng: random.Random, centre: Centre, day: int, victim: Victim
) -> tuple[int, int, int]:
    local = centre.shift_start + rng.randrange(centre.shift_len)
    utc = (
        day * MINUTES_PER_DAY + local - offset_minutes(centre.city.utc_hours, centre.city.dst, day)
    )
    off = offset_minutes(victim.region.utc_hours, victim.region.dst, day)
    vday, vmin = divmod(utc + off, MINUTES_PER_DAY)
    return vday, vmin, off


def _pick(rng: random.Random, centre: Centre, slot: str, day: int) -> Item | None:
    s = centre.slots.get(slot)
    return s.pick(rng, day) if s is not None else None


def _victim_rid(rng: random.Random, tool: str) -> str:
    if tool in ("AnyDesk", "UltraViewer", "Supremo"):
        d = str(rng.randint(100_000_000, 999_999_999))
        return rng.choice((f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]}-{d[3:6]}-{d[6:]}"))
    if tool == "TeamViewer":
        d = str(rng.randint(1_000_000_000, 1_999_999_999))
        return rng.choice((f"{d[0]} {d[1:4]} {d[4:7]} {d[7:]}", d))
    if tool == "Quick Assist":
        return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
    return f"{rng.randrange(10**6):06d}"  # LogMeIn Rescue PIN


def _payment_item(
    rng: random.Random, centre: Centre, label: str, day: int, country: str
) -> Item | None:
    if label == "wire":
        return _pick(rng, centre, "acct:US", day)
    if label == "zelle":
        return _pick(rng, centre, "zelle", day)
    if label in ("crypto", "crypto_send"):
        hub = centre.hubs.get("btc")
        if hub is not None and rng.random() < P_HUB:
            return hub
        for slot in ("btc", "trx", "eth") if label == "crypto" else ("trx", "eth", "btc"):
            if slot in centre.slots:
                return _pick(rng, centre, slot, day)
        return None
    if label == "card":
        hub = centre.hubs.get("merchant")
        if hub is not None and rng.random() < P_HUB:
            return hub
        return _pick(rng, centre, "merchant", day)
    if label == "uk_transfer":
        return _pick(rng, centre, "acct:GB", day) or _pick(rng, centre, "acct:US", day)
    if label == "iban":
        return _pick(rng, centre, "acct:IBAN", day)
    if label == "etransfer":
        return _pick(rng, centre, "etransfer", day) or _pick(rng, centre, "email", day)
    if label == "paypal":
        return _pick(rng, centre, "email", day)
    if label == "upi":
        hub = centre.hubs.get("upi")
        if hub is not None and rng.random() < P_HUB:
            return hub
        return _pick(rng, centre, "upi", day)
    if label == "imps":
        return _pick(rng, centre, "acct:IN", day)
    return None


def _methods(centre: Centre, country: str) -> tuple[tuple[str, str, float], ...]:
    if centre.kind == TSS:
        return TSS_METHODS[country]
    key = f"{centre.kind}_in" if country == "IN" else centre.kind
    methods = RING_METHODS.get(key) or RING_METHODS.get(centre.kind) or TSS_METHODS[country]
    if country != "GB":
        methods = tuple(m for m in methods if m[0] != "uk_transfer") or methods
    return methods


def _payment(
    rng: random.Random, centre: Centre, day: int, country: str, scam_type: str, label: str = ""
) -> Payment:
    methods = _methods(centre, country)
    if not label:
        weights = [w * centre.pay_bias.get(m, 1.0) for _, m, w in methods]
        label = rng.choices([lb for lb, _, _ in methods], weights)[0]
    method = next((m for lb, m, _ in methods if lb == label), "other")
    if method == "other":
        method = {"crypto": "crypto", "card": "card", "wire": "wire", "gift": "gift_card"}.get(
            label, "other"
        )
    currency = CURRENCY[country]
    amount = draw_amount(rng, label, currency, scam_type)
    payment = Payment(
        label, method, amount, currency, _payment_item(rng, centre, label, day, country)
    )
    if label == "gift":
        payment.gift_brand = rng.choice(GIFT_BRANDS[country])
        payment.store = rng.choice(STORES[country])
    elif label == "card":
        payment.plan = rng.choice(THREATS_TITLE_PLANS)
    return payment


def _legit(rng: random.Random, incident: Incident) -> None:
    country = incident.victim.country
    if rng.random() < 0.6:
        phones = LEGIT_PHONES[country]
        brand_phones = [p for p in phones if p[0] == incident.brand]
        incident.legit_phone = (
            rng.choice(brand_phones) if brand_phones and rng.random() < 0.6 else rng.choice(phones)
        )
    else:
        sites = LEGIT_SITES + LEGIT_SITES_BY_COUNTRY.get(country, ())
        incident.legit_site = rng.choice(sites)


def _forced_country(centre: Centre, item: Item, default: str) -> str:
    """A victim market compatible with the forced trap item (e.g. NANP number → US/CA)."""
    if (
        item.kind == "phone"
        and isinstance(item.data, tuple)
        and len(item.data) == 2
        and isinstance(item.data[0], str)
    ):
        cc = item.data[0]
        wanted = {"1": ("US", "CA"), "44": ("GB",), "61": ("AU",), "91": ("IN",)}.get(cc, ())
        for t in centre.targets:
            if t in wanted:
                return t
    if item.kind == "upi":
        return "IN"
    if item.kind in ("crypto_wallet", "merchant") and default == "IN":
        return next((t for t in centre.targets if t != "IN"), default)
    return default


def _take_forced(centre: Centre, day: int) -> list[Item]:
    if not centre.pending:
        return []
    due = [it for it in centre.pending if it.start <= day <= it.end]
    if due:
        centre.pending = [it for it in centre.pending if not (it.start <= day <= it.end)]
    return due


def tss_incident(
    rng: random.Random, centre: Centre, day: int, incident_id: str, plan: Plan
) -> Incident:
    forced = _take_forced(centre, day)
    country = rng.choices(centre.targets, cum_weights=centre.target_cum)[0]
    for item in forced:
        country = _forced_country(centre, item, country)
    refund = rng.random() < centre.refund_share
    scam_type = "refund" if refund else TSS
    victim = make_victim(rng, country, scam_type)
    vday, vmin, off = _victim_time(rng, centre, day, victim)
    channel = rng.choices(centre.channels, cum_weights=centre.channel_cum)[0]
    inc = Incident(
        incident_id, centre, scam_type, victim, vday, vmin, off, channel,
        "outbound" if channel == "phone_call" else "inbound",
        brand=rng.choices(centre.brands, cum_weights=centre.brand_cum)[0],
        alias=rng.choices(centre.aliases, cum_weights=centre.alias_cum)[0],
        refund=refund,
    )  # fmt: skip
    if country not in MARKET_ONLY.get(inc.brand, (country,)):
        inc.brand = "amazon" if country == "IN" else "microsoft"
    group = {"US": "nanp", "CA": "nanp", "GB": "gb", "AU": "au", "IN": "in"}[country]
    inc.callback = _pick(rng, centre, f"phone:{group}", day)
    if channel == "phone_call" or rng.random() < 0.05:
        inc.outbound = _pick(rng, centre, f"outbound:{group}", day)
    if channel == "popup":
        inc.site = _pick(rng, centre, "popup", day)
    elif channel in ("search_ad", "chat") or (channel == "email" and rng.random() < 0.3):
        inc.site = _pick(rng, centre, "support_site", day)
    elif channel in ("sms", "email") and rng.random() < 0.4:
        inc.site = _pick(rng, centre, "shortlink", day)
    if rng.random() < (0.6 if channel == "email" else 0.08):
        inc.email = _pick(rng, centre, "email", day)
    if plan.log or rng.random() < 0.78:
        inc.tool = "AnyDesk" if plan.log else rng.choices(_TOOL_NAMES, cum_weights=_TOOL_CUM)[0]
        if inc.tool == "ScreenConnect":
            inc.screenconnect = _pick(rng, centre, "screenconnect", day)
        else:
            inc.victim_rid = _victim_rid(rng, inc.tool)
            if plan.log:
                inc.log_agent = _pick(rng, centre, "anydesk", day)
                inc.log_range = _pick(rng, centre, "ip", day)
                if inc.log_range is not None:
                    inc.log_ip = host_in(inc.log_range.data[0], rng.randint(2, 254))
    if rng.random() < (0.75 if refund else P_PAID_TSS):
        inc.payments.append(_payment(rng, centre, day, country, scam_type))
        if rng.random() < 0.12:
            inc.payments.append(_payment(rng, centre, day, country, scam_type))
    if rng.random() < P_LEGIT:
        _legit(rng, inc)
    if plan.netstat:
        block = rng.choice(MICROSOFT_BLOCKS)
        inc.netstat_ip = host_in(block.split("/")[0], rng.randint(1, 250))
    _apply_forced(rng, inc, forced, day)
    if plan.vague and not forced:
        _make_vague(inc)
    return inc


def _apply_forced(rng: random.Random, inc: Incident, forced: list[Item], day: int) -> None:
    centre = inc.centre
    assert centre is not None
    for item in forced:
        inc.forced.append(item)
        if item.kind == "phone":
            inc.callback = item
        elif item.kind in ("crypto_wallet", "merchant", "upi"):
            label = {"crypto_wallet": "crypto", "merchant": "card", "upi": "upi"}[item.kind]
            pay = _payment(rng, centre, day, inc.victim.country, inc.scam_type, label)
            pay.item = item
            inc.payments.insert(0, pay)


def _make_vague(inc: Incident) -> None:
    inc.vague = True
    inc.callback = inc.outbound = inc.site = inc.email = inc.screenconnect = inc.log_agent = None
    inc.log_range = None
    inc.log_ip = inc.victim_rid = inc.netstat_ip = ""
    for payment in inc.payments:
        payment.item = None
    inc.legit_phone = inc.legit_site = None


_RING_PHONE_SLOTS = ("phone:chat", "phone:nanp", "phone:gb", "phone:au", "phone:in", "phone:sms")


def ring_incident(
    rng: random.Random, centre: Centre, day: int, incident_id: str, plan: Plan
) -> Incident:
    forced = _take_forced(centre, day)
    country = rng.choices(centre.targets, cum_weights=centre.target_cum)[0]
    for item in forced:
        country = _forced_country(centre, item, country)
    victim = make_victim(rng, country, centre.kind)
    vday, vmin, off = _victim_time(rng, centre, day, victim)
    channel = rng.choices(centre.channels, cum_weights=centre.channel_cum)[0]
    inc = Incident(
        incident_id, centre, centre.kind, victim, vday, vmin, off, channel,
        "outbound" if channel in ("phone_call", "sms", "chat") else "inbound",
        alias=rng.choices(centre.aliases, cum_weights=centre.alias_cum)[0],
    )  # fmt: skip
    group = {"US": "nanp", "CA": "nanp", "GB": "gb", "AU": "au", "IN": "in"}[country]
    for slot in (f"phone:{group}", *_RING_PHONE_SLOTS):
        if slot in centre.slots:
            inc.callback = _pick(rng, centre, slot, day)
            break
    if "site" in centre.slots:
        inc.site = _pick(rng, centre, "site", day)
    if "email" in centre.slots and rng.random() < 0.3:
        inc.email = _pick(rng, centre, "email", day)
    paid = 0.85 if centre.kind in ("romance", "investment") else 0.55
    if rng.random() < paid:
        inc.payments.append(_payment(rng, centre, day, country, centre.kind))
        if centre.kind in ("romance", "investment") and rng.random() < 0.35:
            inc.payments.append(_payment(rng, centre, day, country, centre.kind))
    if rng.random() < P_LEGIT / 2:
        _legit(rng, inc)
    _apply_forced(rng, inc, forced, day)
    if plan.vague and not forced:
        _make_vague(inc)
    return inc


_SUBSCRIPTION_PRICES = (9.99, 14.99, 16.99, 59.99, 99.99, 119.99, 149.99)
_GENUINE_COUNTRIES = ("US", "US", "US", "GB", "CA", "AU")


def genuine_incident(rng: random.Random, day: int, incident_id: str) -> Incident:
    """A complaint that is not a scam: a real subscription, a real vendor's call."""
    country = rng.choice(_GENUINE_COUNTRIES)
    victim = make_victim(rng, country, "tech_support")
    region = victim.region
    off = offset_minutes(region.utc_hours, region.dst, day)
    inc = Incident(
        incident_id, None, "other", victim, day, rng.randint(480, 1260), off, "other", "inbound"
    )
    inc.brand = rng.choice(("microsoft", "norton", "apple", "geek_squad", "mcafee", "amazon"))
    _legit(rng, inc)
    if inc.legit_phone is None:
        inc.legit_phone = rng.choice(LEGIT_PHONES[country])
    if inc.legit_site is None:
        inc.legit_site = rng.choice(LEGIT_SITES)
    currency = CURRENCY[country]
    price = rng.choice(_SUBSCRIPTION_PRICES) * (FX[currency] if currency != "USD" else 1.0)
    inc.payments.append(Payment("card", "card", round(price, 2), currency))
    return inc
