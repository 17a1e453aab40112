"""The narrative of one report: which facts a writer tells, in which order.

Mention rates are per report, not per incident: the two reports of one
incident tell different subsets of the same facts, as a victim's web form and
the helpline agent's note about the same call do.
"""

from __future__ import annotations

import random

from scamtrace.demo import phrases_other as po
from scamtrace.demo.groundtruth import Mentions
from scamtrace.demo.incidents import Incident
from scamtrace.demo.legit import LEGIT_NAMES
from scamtrace.demo.money import money_text
from scamtrace.demo.narratives import (
    P,
    Voice,
    alias_context,
    base_context,
    extras,
    fake_amount,
    invoice_number,
    join,
    payment_sentences,
    phone_value,
    pick,
    record_site,
    roughen,
    site_value,
)
from scamtrace.demo.world import TSS

_LURES = {
    "popup": "LURE_POPUP",
    "phone_call": "LURE_CALL",
    "search_ad": "LURE_SEARCH",
    "email": "LURE_EMAIL",
    "sms": "LURE_SMS",
    "chat": "LURE_CHAT",
}
_TOOL_KEYS = {"Quick Assist": "quickassist", "LogMeIn Rescue": "logmein"}


def _money(rng: random.Random, inc: Incident, amount: float) -> str:
    return money_text(rng, amount, inc.payments[0].currency if inc.payments else "USD")


def _payments(
    rng: random.Random, inc: Incident, k: str, ctx: dict[str, str], m: Mentions
) -> list[str]:
    out: list[str] = []
    for pay in inc.payments:
        out += payment_sentences(rng, pay, k, ctx, m, money_text(rng, pay.amount, pay.currency))
    return out


def tss_story(rng: random.Random, inc: Incident, voice: Voice, m: Mentions) -> str:
    ctx = base_context(rng, inc, voice)
    k = voice.key
    out: list[str] = []
    if inc.vague:
        out.append(pick(rng, "VAGUE", k, ctx)[0])
        if inc.payments and rng.random() < 0.5:
            out += _payments(rng, inc, k, ctx, m)
        return roughen(rng, join(rng, out, voice), voice)
    if rng.random() < (0.7 if voice.relative else 0.35):
        out.append(pick(rng, "OPENERS", "sh" if voice.agent else k, ctx)[0])

    # The lure, with the callback number most of the time.
    phone_item = inc.callback
    if inc.channel == "phone_call" and inc.outbound is not None and rng.random() < 0.5:
        phone_item = inc.outbound
    forced = any(it is inc.callback for it in inc.forced)
    if phone_item is not None and (forced or rng.random() < 0.88):
        ctx["phone"] = phone_value(rng, phone_item)
    scheme = False
    if inc.site is not None and rng.random() < 0.45:
        ctx["site"], scheme = site_value(rng, inc.site, 0.12 if voice.key != "sh" else 0.3)
    ctx["fake_amount"] = P(fake_amount(rng, inc.victim.country))
    ctx["invoice"] = P(invoice_number(rng))
    lure = _LURES.get(inc.channel, "LURE_GENERIC")
    if lure == "LURE_POPUP" and "phone" not in ctx:
        lure = "LURE_POPUP_NOPHONE"
    prefer = tuple(x for x in ("phone", "site") if x in ctx)
    text, needs = pick(rng, lure, k, ctx, prefer)
    if not text:
        text, needs = pick(rng, "LURE_GENERIC", k, ctx)
    out.append(text)
    if "phone" in needs and phone_item is not None:
        m.item(phone_item)
    elif "phone" in ctx and phone_item is not None:
        out.append(f"The number was {ctx['phone']}." if k != "sh" else f"Tel: {ctx['phone']}.")
        m.item(phone_item)
    if "site" in ctx and inc.site is not None:
        if "site" not in needs:
            out.append(pick(rng, "LURE_SITE", k, ctx)[0])
        record_site(m, inc.site, scheme)
    # Who answered.
    if rng.random() < 0.55:
        alias_context(rng, inc, ctx)
        text, needs = pick(rng, "CALLER", k, ctx)
        out.append(text)
        if "alias" in needs:
            m.add("alias", inc.alias, "scammer")
    m.add("brand", inc.brand, "scammer")
    # Remote access.
    if inc.tool:
        ctx["tool"] = inc.tool
        if inc.screenconnect is not None and rng.random() < 0.7:
            ctx["sc"] = P(
                rng.choice((f"https://{inc.screenconnect.data}", str(inc.screenconnect.data)))
            )
            out.append(pick(rng, "REMOTE_SC", k, ctx)[0])
            m.item(inc.screenconnect)
        elif inc.victim_rid and rng.random() < 0.45:
            ctx["rid"] = P(inc.victim_rid)
            out.append(pick(rng, "REMOTE_ID", k, ctx)[0])
            tool = _TOOL_KEYS.get(inc.tool, inc.tool.lower().replace(" ", ""))
            m.add(
                "remote_id",
                f"{tool}:{inc.victim_rid.replace(' ', '').replace('-', '')}",
                "victim",
                "victim_remote_id",
            )
        else:
            out.append(pick(rng, "REMOTE_TOOL", k, ctx)[0])
    elif rng.random() < 0.3:
        out.append(pick(rng, "REMOTE_NONE", k, ctx)[0])
    if rng.random() < 0.5:
        out.append(pick(rng, "SCARE", k, ctx)[0])
    if inc.netstat_ip:
        ctx["msip"] = P(inc.netstat_ip)
        out.append(pick(rng, "NETSTAT", k, ctx)[0])
        m.add("ip", inc.netstat_ip, "legit", "netstat")
    if inc.refund and inc.payments:
        small = inc.payments[0].amount / rng.choice((4, 5, 10))
        ctx["refund"] = P(_money(rng, inc, round(small, -1) or 299.0))
        ctx["bigger"] = P(_money(rng, inc, inc.payments[0].amount + small))
        out.append(pick(rng, "REFUND", k, ctx)[0])
    if inc.payments:
        out += _payments(rng, inc, k, ctx, m)
    elif rng.random() < 0.8:
        out.append(pick(rng, "PAY_NONE", k, ctx)[0])
    if inc.email is not None and rng.random() < 0.6:
        ctx["email"] = P(str(inc.email.data))
        out.append(pick(rng, "SCAMMER_EMAIL", k, ctx)[0])
        m.item(inc.email)
    if inc.outbound is not None and phone_item is not inc.outbound and rng.random() < 0.35:
        ctx["phone2"] = phone_value(rng, inc.outbound)
        out.append(pick(rng, "CALLBACK_AGAIN", k, ctx)[0])
        m.item(inc.outbound)
    if inc.log_agent is not None and inc.log_range is not None:
        ctx["sid"] = P(_spaced_id(rng, inc.log_agent.data))
        ctx["sip"] = P(inc.log_ip)
        ctx["tool"] = inc.tool
        out.append(pick(rng, "LOG_TRAP", k, ctx)[0])
        m.item(inc.log_agent)
        m.add("ip", inc.log_ip, "scammer", "anydesk_log")
        inc.log_range.mentions += 1
    out += extras(rng, inc, voice, ctx, m)
    if rng.random() < 0.5:
        out.append(pick(rng, "CLOSERS", k, ctx)[0])
    return roughen(rng, join(rng, out, voice), voice)


def _spaced_id(rng: random.Random, digits: str) -> str:
    if rng.random() < 0.6 and len(digits) == 9:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    if rng.random() < 0.6 and len(digits) == 10:
        return f"{digits[0]} {digits[1:4]} {digits[4:7]} {digits[7:]}"
    return digits


def _ring_lure(rng: random.Random, inc: Incident, ctx: dict[str, str]) -> str:
    kind, country = inc.scam_type, inc.victim.country
    if kind == "romance":
        ctx.update(platform=rng.choice(po.PLATFORMS), cover=rng.choice(po.ROMANCE_COVERS),
                   reason=rng.choice(po.ROMANCE_REASONS), months=str(rng.randint(2, 18)))  # fmt: skip
        return "ROMANCE"
    if kind == "investment":
        return "INVESTMENT"
    if kind == "lottery":
        ctx.update(
            prize=P(rng.choice(("$2.5 million", "$850,000", "$1.5 million", "$3.8 million"))),
            lottery=rng.choice(po.LOTTERIES),
        )
        return "LOTTERY"
    if kind == "government_impersonation":
        ctx["agency"] = rng.choice(po.AGENCIES_IN if country == "IN" else po.AGENCIES_US)
        ctx["courier"] = rng.choice(po.COURIERS[country])
        ctx["hours"] = str(rng.randint(3, 30))
        return {"US": "GOV_US", "GB": "GOV_GB", "CA": "GOV_CA", "AU": "GOV_AU"}.get(
            country, "GOV_IN"
        )
    if kind == "delivery":
        ctx["courier"] = rng.choice(po.COURIERS[country])
        return "DELIVERY"
    return "OTHER_IN"


_RING_TAIL = {
    "romance": "ROMANCE_ASK",
    "investment": "INVESTMENT_TAIL",
    "government_impersonation": "GOV_IN_TAIL",
}


def ring_story(rng: random.Random, inc: Incident, voice: Voice, m: Mentions) -> str:
    ctx = base_context(rng, inc, voice)
    k = voice.key
    indian = inc.victim.country == "IN"
    out: list[str] = []
    if indian and k == "fp":
        ctx["name"] = inc.victim.name
        opener = rng.choice(po.IN_OPENERS)
        out.append(opener.format_map(ctx))
    ctx["alias"] = inc.alias
    scheme = False
    if not inc.vague:
        if inc.callback is not None and rng.random() < 0.88:
            ctx["phone"] = phone_value(rng, inc.callback)
        if inc.site is not None and rng.random() < 0.8:
            ctx["site"], scheme = site_value(rng, inc.site, 0.1)
        if inc.email is not None:
            ctx["email"] = P(str(inc.email.data))
    slot = _ring_lure(rng, inc, ctx)
    if inc.payments:
        ctx["amount"] = P(money_text(rng, inc.payments[0].amount, inc.payments[0].currency))
        ctx["bigger"] = P(
            money_text(rng, inc.payments[0].amount * rng.uniform(2, 6), inc.payments[0].currency)
        )
    prefer = tuple(x for x in ("phone", "site") if x in ctx)
    text, needs = pick(rng, slot, k, ctx, prefer)
    out.append(text)
    if (
        inc.scam_type == "romance"
        and ("phone" in ctx or "email" in ctx)
        and not ({"phone", "email"} & needs)
    ):
        text2, needs2 = pick(
            rng, "ROMANCE_CONTACT", k, ctx, ("phone",) if "phone" in ctx else ("email",)
        )
        out.append(text2)
        needs = needs | needs2
    _record(inc, needs, m, scheme)
    tail = _RING_TAIL.get(inc.scam_type)
    if tail and (inc.scam_type != "government_impersonation" or indian) and rng.random() < 0.7:
        out.append(pick(rng, tail, k, ctx)[0])
    if "alias" in needs:
        m.add("alias", inc.alias, "scammer")
    if inc.scam_type != "delivery" or indian:
        out += _payments(rng, inc, k, ctx, m)
    elif inc.payments and inc.payments[0].item is not None and rng.random() < 0.5:
        item = inc.payments[0].item
        if item.kind == "merchant":
            ctx["merchant"] = P(item.data[1])
            out.append(pick(rng, "DELIVERY_CHARGE", k, ctx)[0])
            m.item(item)
    if not inc.vague:
        out += extras(rng, inc, voice, ctx, m)
    if indian and k == "fp":
        out.append(rng.choice(po.IN_CLOSERS))
    return roughen(rng, join(rng, out, voice), voice)


def _record(inc: Incident, needs: frozenset[str], m: Mentions, scheme: bool) -> None:
    if "phone" in needs and inc.callback is not None:
        m.item(inc.callback)
    if "site" in needs and inc.site is not None:
        record_site(m, inc.site, scheme)
    if "email" in needs and inc.email is not None:
        m.item(inc.email)


def genuine_story(rng: random.Random, inc: Incident, voice: Voice, m: Mentions) -> str:
    ctx = base_context(rng, inc, voice)
    if inc.legit_phone is not None:
        brand, text, _ = inc.legit_phone
        ctx["legit"] = P(text)
        ctx["legit_brand"] = LEGIT_NAMES.get(brand, brand.replace("_", " ").title())
    if inc.legit_site is not None:
        ctx["legit_site"] = P(inc.legit_site[1])
    ctx["real_merchant"] = P(rng.choice(po.REAL_MERCHANTS))
    ctx["amount"] = P(money_text(rng, inc.payments[0].amount, inc.payments[0].currency))
    text, needs = pick(rng, "GENUINE", voice.key, ctx)
    if "legit" in needs and inc.legit_phone is not None and inc.legit_phone[2]:
        m.add("phone", inc.legit_phone[2], "legit", "legit_contact")
    if "legit_site" in needs and inc.legit_site is not None:
        m.add(
            "domain", inc.legit_site[1].split("/")[0].removeprefix("www."), "legit", "legit_contact"
        )
    return roughen(rng, text, voice)


def story(rng: random.Random, inc: Incident, voice: Voice, m: Mentions) -> str:
    if inc.centre is None:
        return genuine_story(rng, inc, voice, m)
    if inc.centre.kind == TSS:
        if inc.victim.country == "IN" and not inc.vague:
            return india_tss_story(rng, inc, voice, m)
        return tss_story(rng, inc, voice, m)
    return ring_story(rng, inc, voice, m)


def india_tss_story(rng: random.Random, inc: Incident, voice: Voice, m: Mentions) -> str:
    """Indian victims of fake customer-care numbers, in NCRP register."""
    ctx = base_context(rng, inc, voice)
    k = "sh" if voice.key == "sh" else "fp"
    out: list[str] = []
    if k == "fp":
        ctx["name"] = inc.victim.name
        out.append(rng.choice(po.IN_OPENERS).format_map(ctx))
    if inc.callback is not None:
        ctx["phone"] = phone_value(rng, inc.callback)
    ctx["tool"] = inc.tool or "AnyDesk"
    ctx["alias"] = inc.alias
    if inc.victim_rid and rng.random() < 0.5:
        ctx["rid"] = P(inc.victim_rid)
    text, needs = pick(rng, "IN_TSS", k, ctx, ("phone",))
    out.append(text)
    if "phone" in needs and inc.callback is not None:
        m.item(inc.callback)
    if "rid" in needs:
        tool = _TOOL_KEYS.get(ctx["tool"], ctx["tool"].lower().replace(" ", ""))
        m.add(
            "remote_id",
            f"{tool}:{inc.victim_rid.replace(' ', '').replace('-', '')}",
            "victim",
            "victim_remote_id",
        )
    m.add("brand", inc.brand, "scammer")
    out += _payments(rng, inc, k, ctx, m)
    out += extras(rng, inc, voice, ctx, m)
    if k == "fp":
        out.append(rng.choice(po.IN_CLOSERS))
    return roughen(rng, join(rng, out, voice), voice)
