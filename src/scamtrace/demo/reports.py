"""Reports in the interchange format: sources, ids, times and structured fields.

Each source fills a different subset of fields: a bank's fraud team records
the payment in full and little else; Microsoft's report form asks for the
number and the site; a national portal asks for everything, and still most
reports arrive as a narrative with a country. Fields are emitted in the order
of ``spec/reports.md``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from scamtrace.demo.banking import Account
from scamtrace.demo.brands import BRAND_NAMES
from scamtrace.demo.clock import (
    EU_DST,
    MINUTES_PER_DAY,
    NO_DST,
    US_DST,
    iso_local,
    offset_minutes,
    offset_text,
)
from scamtrace.demo.groundtruth import Mentions
from scamtrace.demo.incidents import Incident
from scamtrace.demo.narratives import Voice
from scamtrace.demo.phones import e164, phone_text
from scamtrace.demo.timeline import Item
from scamtrace.demo.web import SHORTENERS, WebSite, site_text

SOURCE_MIX: dict[str, tuple[tuple[str, float], ...]] = {
    "US": (
        ("webform", 30),
        ("helpline", 22),
        ("partner:microsoft", 15),
        ("partner:bank", 8),
        ("portal:ic3", 25),
    ),
    "GB": (
        ("webform", 25),
        ("helpline", 20),
        ("partner:microsoft", 12),
        ("partner:bank", 10),
        ("portal:actionfraud", 33),
    ),
    "CA": (("webform", 45), ("helpline", 25), ("partner:microsoft", 18), ("partner:bank", 12)),
    "AU": (("webform", 45), ("helpline", 25), ("partner:microsoft", 18), ("partner:bank", 12)),
    "IN": (("portal:ncrp", 55), ("webform", 20), ("helpline", 15), ("partner:bank", 10)),
}
PARTNER_BANKS: dict[str, tuple[str, ...]] = {
    "US": ("chase", "bankofamerica", "wellsfargo", "citi"),
    "GB": ("barclays", "lloyds", "natwest", "hsbcuk"),
    "CA": ("rbc", "td", "scotiabank"),
    "AU": ("commbank", "westpac", "anz"),
    "IN": ("sbi", "hdfc", "icici"),
}


@dataclass(frozen=True, slots=True)
class Profile:
    """How a source fills fields: probabilities, given the fact exists."""

    structured: float
    country: float
    region: float
    age: float
    name: float
    email: float
    phone: float
    contact: float
    caller_phone: float
    caller_name: float
    company: float
    websites: float
    remote: float
    payments: float
    details: float
    incident_at: float
    aware: float
    naive: float
    voices: tuple[
        float, float, float, float
    ]  # self, relative, agent (third person), agent shorthand
    delay_days: float
    zone: tuple[float, str] | None  # None: the victim's own zone


PROFILES: dict[str, Profile] = {
    "webform": Profile(0.35, 0.8, 0.5, 0.5, 0.25, 0.6, 0.2, 0.7, 0.55, 0.3, 0.5, 0.5, 0.3, 0.5, 0.35, 0.85, 0.15, 0.3, (0.72, 0.28, 0, 0), 2.5, None),
    "helpline": Profile(0.3, 0.9, 0.8, 0.7, 0.5, 0.05, 0.5, 0.8, 0.5, 0.3, 0.6, 0.15, 0.25, 0.5, 0.5, 0.9, 0.35, 0.4, (0.2, 0.05, 0.3, 0.45), 0.8, None),
    "partner:microsoft": Profile(0.7, 0.95, 0.3, 0.2, 0.1, 0.3, 0.1, 0.9, 0.8, 0.3, 0.95, 0.5, 0.4, 0.35, 0.2, 0.95, 0.6, 0.1, (0.85, 0.15, 0, 0), 4.0, (-8, US_DST)),
    "partner:bank": Profile(0.85, 1.0, 0.9, 0.8, 0.6, 0.0, 0.3, 0.4, 0.25, 0.1, 0.3, 0.05, 0.1, 0.95, 0.9, 0.9, 0.5, 0.2, (0, 0, 0.35, 0.65), 3.0, None),
    "portal:ic3": Profile(0.65, 1.0, 0.95, 0.9, 0.7, 0.8, 0.6, 0.6, 0.6, 0.4, 0.6, 0.5, 0.2, 0.7, 0.6, 0.95, 0.4, 0.3, (0.82, 0.18, 0, 0), 5.0, (-5, US_DST)),
    "portal:actionfraud": Profile(0.55, 1.0, 0.9, 0.8, 0.6, 0.6, 0.6, 0.6, 0.6, 0.35, 0.6, 0.4, 0.2, 0.65, 0.6, 0.95, 0.35, 0.35, (0.8, 0.2, 0, 0), 3.0, (0, EU_DST)),
    "portal:ncrp": Profile(0.7, 1.0, 0.95, 0.5, 0.8, 0.4, 0.8, 0.5, 0.7, 0.2, 0.3, 0.3, 0.1, 0.85, 0.8, 0.95, 0.2, 0.6, (0.9, 0, 0.1, 0), 1.0, (5.5, NO_DST)),
}  # fmt: skip
_ID_FORMATS = {
    "webform": "wf-{n:07d}",
    "helpline": "HL-{y}-{n:06d}",
    "partner:microsoft": "MS-DCU-{n:08d}",
    "portal:ic3": "I{y2}{m:02d}{d:02d}{n:07d}",
    "portal:actionfraud": "NFRC{y2}{m:02d}{n:08d}",
    "portal:ncrp": "{st:02d}{d:02d}{m:02d}{y2}{n:06d}",
}
_TOOL_KEYS = {"Quick Assist": "quickassist", "LogMeIn Rescue": "logmein"}


class Ids:
    """Report ids, unique within each source, counted in the order reports are written."""

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}

    def next(self, source: str, day_parts: tuple[int, int, int], state: int = 27) -> str:
        n = self.counters.get(source, 0) + 1
        self.counters[source] = n
        y, m, d = day_parts
        if source.startswith("partner:") and source != "partner:microsoft":
            return f"{source.split(':', 1)[1].upper()}-FRD-{n:07d}"
        if source == "honeypot":
            return f"hp-{n:07d}"
        return _ID_FORMATS[source].format(n=n, y=y, y2=y % 100, m=m, d=d, st=state)


_SOURCE_NAMES = {c: tuple(s for s, _ in mix) for c, mix in SOURCE_MIX.items()}
_SOURCE_CUM = {c: tuple(accumulate(w for _, w in mix)) for c, mix in SOURCE_MIX.items()}


def choose_source(rng: random.Random, inc: Incident, exclude: str = "") -> str:
    country = inc.victim.country
    if exclude:
        mix = [
            (s, w)
            for s, w in SOURCE_MIX[country]
            if s != exclude and not (exclude.startswith("partner:") and s == "partner:bank")
        ]
        source = rng.choices([s for s, _ in mix], [w for _, w in mix])[0]
    else:
        source = rng.choices(_SOURCE_NAMES[country], cum_weights=_SOURCE_CUM[country])[0]
    if source == "partner:microsoft" and inc.brand != "microsoft" and rng.random() < 0.85:
        source = "webform" if exclude != "webform" else "helpline"
    if source == "partner:bank":
        if not inc.payments or inc.payments[0].method in ("gift_card", "cash"):
            source = "helpline" if exclude != "helpline" else "webform"
        else:
            source = f"partner:{rng.choice(PARTNER_BANKS[country])}"
    return source


def choose_voice(rng: random.Random, source: str, inc: Incident) -> Voice:
    profile = PROFILES[
        "partner:bank"
        if source.startswith("partner:") and source != "partner:microsoft"
        else source
    ]
    kind = rng.choices(("fp", "rel", "tp", "sh"), profile.voices)[0]
    if kind == "rel" and (inc.victim.country == "IN" or inc.victim.age_band != "60+"):
        kind = "fp"  # relatives write for elderly parents
    if kind == "rel":
        return Voice("tp", relative=True)
    if kind == "tp":
        return Voice("tp", agent=True)
    if kind == "sh":
        return Voice("sh", agent=True)
    return Voice("fp")


def profile_of(source: str) -> Profile:
    if source.startswith("partner:") and source != "partner:microsoft":
        return PROFILES["partner:bank"]
    return PROFILES[source]


def received_at(
    rng: random.Random, inc: Incident, source: str, profile: Profile
) -> tuple[str, int]:
    """(ISO date-time with the source's offset, UTC minute) a little after the incident."""
    utc = inc.day * MINUTES_PER_DAY + inc.minute - inc.offset
    delay = int(rng.expovariate(1.0 / profile.delay_days) * MINUTES_PER_DAY) + rng.randint(20, 300)
    at = utc + delay
    if profile.zone is None:
        zone_hours, rule = inc.victim.region.utc_hours, inc.victim.region.dst
    else:
        zone_hours, rule = profile.zone
    day = at // MINUTES_PER_DAY
    off = offset_minutes(zone_hours, rule, day)
    lday, lmin = divmod(at + off, MINUTES_PER_DAY)
    if source == "helpline" and not 480 <= lmin <= 1200:
        # Helplines are staffed 8:00-20:00: a night call is logged next morning.
        lday += 1 if lmin > 1200 else 0
        lmin = rng.randint(480, 600)
    return (
        f"{iso_local(lday, lmin, rng.randrange(60))}{offset_text(off)}",
        lday * MINUTES_PER_DAY + lmin - off,
    )


def incident_at(rng: random.Random, inc: Incident, profile: Profile) -> str | None:
    if rng.random() > profile.incident_at:
        return None
    roll = rng.random()
    if roll < profile.aware:
        return f"{iso_local(inc.day, inc.minute)}{offset_text(inc.offset)}"
    if roll < profile.aware + profile.naive:
        return iso_local(inc.day, inc.minute)
    return iso_local(inc.day, 0)[:10]


def _site_field(rng: random.Random, item: Item, m: Mentions) -> str:
    site: WebSite = item.data
    text, scheme = site_text(rng, site, 0.05)
    if site.shared_parent in SHORTENERS:
        m.item(item, "websites", kind="url")
    else:
        m.item(item, "websites", kind="domain")
        if scheme:
            m.add("url", site.url, "scammer", item.trap, "websites")
    return text


def _payment_field(
    rng: random.Random, inc: Incident, index: int, details: bool, forced: bool, m: Mentions
) -> dict[str, Any]:
    pay = inc.payments[index]
    out: dict[str, Any] = {"method": pay.method, "amount": pay.amount, "currency": pay.currency}
    if rng.random() < 0.5:
        out["paid_at"] = iso_local(inc.day, 0)[:10]
    item = pay.item
    where = f"payments.{index}"
    if item is not None and (details or forced):
        data = item.data
        if isinstance(data, Account):
            out["beneficiary"] = data.holder
            if data.scheme == "aba":
                out["account"], out["routing"] = data.account, data.routing
                m.item(item, where)
            elif data.scheme == "sortcode":
                out["account"] = data.account
                out["routing"] = f"{data.sort_code[:2]}-{data.sort_code[2:4]}-{data.sort_code[4:]}"
                m.item(item, where)
            elif data.scheme == "iban":
                out["iban"] = data.iban
                m.item(item, where)
            else:
                out["account"], out["ifsc"] = data.account, data.ifsc
                m.item(item, where)
        elif item.kind == "crypto_wallet":
            out["wallet"] = str(data)
            m.item(item, where)
        elif item.kind == "merchant":
            out["merchant"] = data[1]
            m.item(item, where)
        elif item.kind == "upi":
            out["beneficiary"], out["upi"] = data[0], data[1]
            m.item(item, where)
        elif pay.label == "zelle":
            holder, token = data
            out["beneficiary"] = holder
            out["account"] = (
                phone_text(rng, token, allow_extension=False) if isinstance(token, tuple) else token
            )
            m.item(item, where)
        elif item.kind == "email":
            out["account"] = str(data)  # e-Transfer / PayPal recipients are addressed by e-mail
            m.item(item, where)
    if pay.gift_brand:
        out["gift_card_brand"] = pay.gift_brand
    return out


def build_report(
    rng: random.Random,
    inc: Incident,
    source: str,
    report_id: str,
    received: str,
    narrative: str,
    m: Mentions,
    force_structured: bool = False,
) -> dict[str, Any]:
    profile = profile_of(source)
    forced = bool(inc.forced)
    structured = forced or force_structured or rng.random() < profile.structured
    report: dict[str, Any] = {"report_id": report_id, "source": source, "received_at": received}
    when = incident_at(rng, inc, profile) if structured or rng.random() < 0.5 else None
    if when is not None:
        report["incident_at"] = when
    if source.startswith("portal:"):
        report["language"] = "en"
    v = inc.victim
    victim: dict[str, str] = {}
    if rng.random() < (profile.country if structured else profile.country * 0.6):
        victim["country"] = v.country
    if structured:
        if rng.random() < profile.region:
            victim["region"] = v.region.code
        if rng.random() < profile.age:
            victim["age_band"] = v.age_band
        if rng.random() < profile.name:
            victim["name"] = v.name
        if rng.random() < profile.email:
            victim["email"] = v.email(rng)
            m.add("email", victim["email"].lower(), "victim", "victim_email", "victim.email")
        if rng.random() < profile.phone:
            number = v.phone(rng)
            victim["phone"] = phone_text(rng, number, allow_extension=False).replace("\n", " ")
            m.add("phone", e164(number), "victim", "victim_phone", "victim.phone")
    if victim:
        report["victim"] = victim
    if structured:
        _structured_fields(rng, inc, profile, forced, report, m)
    if narrative:
        report["narrative"] = narrative
    return report


def _structured_fields(
    rng: random.Random,
    inc: Incident,
    profile: Profile,
    forced: bool,
    report: dict[str, Any],
    m: Mentions,
) -> None:
    if rng.random() < profile.contact:
        report["contact"] = (
            {"channel": inc.channel, "direction": inc.direction}
            if rng.random() < 0.7
            else {"channel": inc.channel}
        )
    caller: dict[str, str] = {}
    forced_phone = next((it for it in inc.forced if it.kind == "phone"), None)
    phone_item = forced_phone or (
        inc.outbound
        if inc.channel == "phone_call" and inc.outbound is not None and rng.random() < 0.5
        else inc.callback
    )
    if phone_item is not None and (forced_phone is not None or rng.random() < profile.caller_phone):
        caller["phone"] = phone_text(rng, phone_item.data).replace("\n", " ")
        m.item(phone_item, "caller.phone")
    if inc.alias and not inc.vague and rng.random() < profile.caller_name:
        caller["name"] = inc.alias
        m.add("alias", inc.alias, "scammer", "", "caller.name")
    if inc.brand and rng.random() < profile.company:
        caller["claimed_company"] = BRAND_NAMES.get(inc.brand, inc.brand.replace("_", " ").title())
        m.add("brand", inc.brand, "scammer", "", "caller.claimed_company")
    if caller:
        report["caller"] = caller
    if inc.site is not None and rng.random() < profile.websites:
        report["websites"] = [_site_field(rng, inc.site, m)]
    if inc.tool and rng.random() < profile.remote:
        remote: dict[str, str] = {"tool": inc.tool}
        if inc.screenconnect is not None:
            remote["id"] = str(inc.screenconnect.data)
            m.item(inc.screenconnect, "remote_access.id")
        elif inc.victim_rid and rng.random() < 0.6:
            remote["id"] = inc.victim_rid
            tool = _TOOL_KEYS.get(inc.tool, inc.tool.lower().replace(" ", ""))
            rid = inc.victim_rid.replace(" ", "").replace("-", "")
            m.add("remote_id", f"{tool}:{rid}", "victim", "victim_remote_id", "remote_access.id")
        report["remote_access"] = remote
    forced_pay = any(it.kind in ("crypto_wallet", "merchant", "upi") for it in inc.forced)
    if inc.payments and (forced_pay or rng.random() < profile.payments):
        details = rng.random() < profile.details
        report["payments"] = [
            _payment_field(rng, inc, i, details, forced_pay and i == 0, m)
            for i in range(len(inc.payments))
        ]
