"""Turn an incident into the words of one writer, and note what those words reveal.

Every value inserted into a template is wrapped in sentinels while the text
is roughened (typos, capitals, run-on sentences, lost apostrophes), so the
noise never corrupts a phone number, URL, account or wallet: the ground truth
stays exact while the prose gets as messy as real complaints.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from string import Formatter

from scamtrace.demo import phrases_other as po
from scamtrace.demo import phrases_tss as pt
from scamtrace.demo.banking import Account, gift_card_code
from scamtrace.demo.brands import BRAND_NAMES
from scamtrace.demo.clock import day_to_date, last_day
from scamtrace.demo.groundtruth import Mentions
from scamtrace.demo.incidents import Incident, Payment
from scamtrace.demo.legit import LEGIT_NAMES, PAYPAL_DESCRIPTOR_PHONE
from scamtrace.demo.people import ALIAS_TITLES, RELATIVES, UK_RELATIVES
from scamtrace.demo.phones import Number, e164, phone_text, victim_number
from scamtrace.demo.timeline import Item
from scamtrace.demo.web import SHORTENERS, WebSite, site_text

Tpl = tuple[str, frozenset[str]]
Compiled = dict[str, tuple[Tpl, ...]]

_FMT = Formatter()


def _compile(slot: pt.Slot) -> Compiled:
    return {
        voice: tuple((t, frozenset(f for _, f, _, _ in _FMT.parse(t) if f)) for t in texts)
        for voice, texts in slot.items()
    }


def _compile_module(module: object) -> dict[str, Compiled]:
    return {
        name: _compile(value)
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, dict) and value and all(isinstance(v, tuple) for v in value.values())
        and all(isinstance(t, str) for v in value.values() for t in v)
    }  # fmt: skip


T = {**_compile_module(pt), **_compile_module(po)}


def P(text: str) -> str:
    """Protect an inserted value from the noise."""
    return f"\x01{text}\x02"


# Which templates of a slot are usable depends only on which of the slot's
# placeholders the context holds: cache the filtered lists by that pattern.
_USABLE: dict[tuple[str, str, tuple[bool, ...], tuple[str, ...]], tuple[Tpl, ...]] = {}
_PLACEHOLDERS: dict[tuple[str, str], tuple[str, ...]] = {}


def _templates(slot: str, voice: str) -> tuple[Tpl, ...]:
    return T[slot].get(voice) or T[slot].get("fp") or ()


def pick(
    rng: random.Random, slot: str, voice: str, ctx: dict[str, str], prefer: tuple[str, ...] = ()
) -> tuple[str, frozenset[str]]:
    """A template of ``slot`` whose placeholders are all in ``ctx``, preferring ones using ``prefer``."""
    names = _PLACEHOLDERS.get((slot, voice))
    if names is None:
        names = tuple(sorted({n for _, needs in _templates(slot, voice) for n in needs}))
        _PLACEHOLDERS[(slot, voice)] = names
    key = (slot, voice, tuple(n in ctx for n in names), prefer)
    usable = _USABLE.get(key)
    if usable is None:
        keys = ctx.keys()
        found = [t for t in _templates(slot, voice) if t[1] <= keys]
        if prefer:
            found = [t for t in found if all(p in t[1] for p in prefer)] or found
        usable = _USABLE[key] = tuple(found)
    if not usable:
        return "", frozenset()
    text, needs = usable[int(rng.random() * len(usable))]
    return text.format_map(ctx), needs


_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DATE_PARTS = tuple(
    (d.year, d.month, d.day, d.weekday()) for d in (day_to_date(i) for i in range(last_day() + 1))
)


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def date_text(rng: random.Random, day: int, country: str) -> str:
    y, m, d, wd = _DATE_PARTS[min(max(day, 0), len(_DATE_PARTS) - 1)]
    roll = rng.random()
    options: tuple[str, ...]
    if country == "US" or (country == "CA" and roll < 0.5):
        options = (
            f"{m}/{d}/{y}",
            f"{_MONTHS[m]} {d}",
            f"{_MONTHS[m]} {d}{_ordinal(d)}",
            f"{m}/{d}",
            _DAYS[wd],
            f"{_MONTHS[m][:3]} {d}, {y}",
        )
    elif country == "IN":
        options = (
            f"{d:02d}/{m:02d}/{y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{d} {_MONTHS[m]} {y}",
        )
    elif country == "CA":
        options = (f"{y}-{m:02d}-{d:02d}", f"{_MONTHS[m]} {d}", f"{d}/{m}/{y}")
    else:
        options = (
            f"{d:02d}/{m:02d}/{y}",
            f"{d}{_ordinal(d)} {_MONTHS[m]}",
            f"{_DAYS[wd]} {d} {_MONTHS[m]}",
            f"{d}/{m}/{y % 100:02d}",
        )
    return rng.choice(options)


@dataclass(frozen=True, slots=True)
class Voice:
    """Who writes: ``fp`` the victim, ``tp`` a relative or an agent, ``sh`` agent shorthand."""

    key: str
    relative: bool = False
    agent: bool = False


_FEMALE_REL = tuple(r for r in RELATIVES if r[1] == "she")
_MALE_REL = tuple(r for r in RELATIVES if r[1] == "he")
_UK_FEMALE_REL = tuple(r for r in UK_RELATIVES if r[1] == "she")
_UK_MALE_REL = tuple(r for r in UK_RELATIVES if r[1] == "he")
_DEVICES = {
    "GB": ("computer", "laptop", "PC"),
    "AU": ("computer", "laptop", "PC"),
    "IN": ("laptop", "mobile", "computer"),
}
_STATIONS = {"GB": "petrol station", "AU": "servo", "IN": "petrol pump"}
_DEFAULT_DEVICES = ("computer", "laptop", "PC", "computer", "iMac", "desktop")


def base_context(rng: random.Random, inc: Incident, voice: Voice) -> dict[str, str]:
    v = inc.victim
    she = v.female
    s, his, him = ("she", "her", "her") if she else ("he", "his", "him")
    if voice.relative:
        pool = (
            (_UK_FEMALE_REL if she else _UK_MALE_REL)
            if v.country == "GB"
            else (_FEMALE_REL if she else _MALE_REL)
        )
        rel = rng.choice(pool)[0]
        subject = rel[0].upper() + rel[1:]
    elif voice.agent:
        rel = "the customer"
        subject = rng.choice(
            ("Cust", "Caller", "The customer", "Customer", f"{'Mrs' if she else 'Mr'} {v.last}")
        )
    else:
        rel, subject = "me", "I"
    return {
        "S": subject, "s": s, "Ss": s.capitalize(), "his": his, "His": his.capitalize(), "him": him,
        "rel": rel, "brand": BRAND_NAMES.get(inc.brand, inc.brand.replace("_", " ").title()),
        "device": rng.choice(_DEVICES.get(v.country, _DEFAULT_DEVICES)),
        "date": P(date_text(rng, inc.day, v.country)), "cell": "cell" if v.country in ("US", "CA") else "mobile",
        "age": str(v.age), "region": v.region.code, "problem": pt.PROBLEMS.get(inc.brand, "computer"),
        "station": _STATIONS.get(v.country, "gas station"),
    }  # fmt: skip


# --- values ---------------------------------------------------------------------


def phone_value(rng: random.Random, item: Item) -> str:
    data = item.data
    number: Number = data[1] if isinstance(data[1], tuple) else data
    return P(phone_text(rng, number))


def site_value(rng: random.Random, item: Item, defang_share: float) -> tuple[str, bool]:
    """(protected text, whether it shows a scheme) for a scammer site."""
    text, scheme = site_text(rng, item.data, defang_share)
    return P(text), scheme


def record_site(m: Mentions, item: Item, scheme: bool) -> None:
    """A shared platform's tenant host or an own domain links; a short link only as a URL."""
    site: WebSite = item.data
    if site.shared_parent in SHORTENERS:
        m.item(item, kind="url")
        return
    m.item(item, kind="domain")
    if scheme:
        m.add("url", site.url, "scammer", item.trap)


def _case_number(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
    if roll < 0.55:
        return f"#{rng.randrange(10**10, 10**11)}"
    if roll < 0.8:
        return f"SR-{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
    return f"1-{rng.randint(10000, 99999)}-{rng.randint(10000, 99999)}"


def _order_number(rng: random.Random) -> str:
    return f"{rng.randint(100, 199)}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"


def invoice_number(rng: random.Random) -> str:
    return rng.choice(("INV-", "#GS-", "NRT-", "#", "ORD-")) + str(rng.randint(10000, 999999))


def fake_amount(rng: random.Random, country: str) -> str:
    symbol = "£" if country == "GB" else ("Rs. " if country == "IN" else "$")
    return symbol + rng.choice(
        ("299.99", "399.99", "349.99", "499.00", "1,499.00", "249.99", "599.99")
    )


def _grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def _payment_ctx(
    rng: random.Random,
    pay: Payment,
    ctx: dict[str, str],
    m_pending: list[tuple[str, str, str, Item]],
) -> None:
    """Detail keys of one payment; records what a chosen template would reveal."""
    item = pay.item
    if item is None:
        return
    data = item.data
    if isinstance(data, Account):
        ctx["holder"], ctx["bank"] = P(data.holder), data.bank
        if data.scheme == "aba":
            ctx["account"], ctx["routing"] = P(data.account), P(data.routing)
            m_pending.append(("account", "bank_account", item.value, item))
        elif data.scheme == "sortcode":
            sc = data.sort_code
            ctx["sortcode"] = P(
                rng.choice((f"{sc[:2]}-{sc[2:4]}-{sc[4:]}", sc, f"{sc[:2]} {sc[2:4]} {sc[4:]}"))
            )
            ctx["account"] = P(data.account)
            if pay.label == "uk_transfer" and rng.random() < 0.25:
                # Same account written as an IBAN: a linker must see it is one account.
                ctx["iban"] = P(_grouped(data.iban) if rng.random() < 0.6 else data.iban)
                m_pending.append(("iban", "bank_account", f"iban:{data.iban}", item))
                del ctx["sortcode"], ctx["account"]
            else:
                m_pending.append(("sortcode", "bank_account", item.value, item))
        elif data.scheme == "iban":
            ctx["iban"] = P(_grouped(data.iban) if rng.random() < 0.6 else data.iban)
            m_pending.append(("iban", "bank_account", item.value, item))
        else:
            ctx["account"], ctx["ifsc"] = P(data.account), P(data.ifsc)
            m_pending.append(("ifsc", "bank_account", item.value, item))
    elif item.kind == "crypto_wallet":
        address = str(data)
        if item.value.startswith("eth:") and rng.random() < 0.35:
            address = address.lower()
        ctx["wallet"] = P(address)
        m_pending.append(("wallet", "crypto_wallet", item.value, item))
    elif item.kind == "merchant":
        descriptor = data[1]
        if descriptor.startswith("PAYPAL *") and rng.random() < 0.5:
            descriptor = f"{descriptor} {PAYPAL_DESCRIPTOR_PHONE[0]}"
            m_pending.append(("merchant", "phone", PAYPAL_DESCRIPTOR_PHONE[1], item))
        ctx["merchant"] = P(descriptor)
        m_pending.append(("merchant", "merchant", item.value, item))
    elif item.kind == "upi":
        ctx["upi"] = P(data[1])
        m_pending.append(("upi", "upi", item.value, item))
    elif pay.label == "zelle":
        holder, token = data
        ctx["holder"] = P(holder)
        ctx["token"] = P(
            phone_text(rng, token, allow_extension=False) if isinstance(token, tuple) else token
        )
        m_pending.append(("token", item.kind, item.value, item))
    elif item.kind == "email":
        ctx["token"] = P(str(data))
        m_pending.append(("token", "email", item.value, item))


_DETAIL_SHARE = {
    "wire": 0.55, "uk_transfer": 0.6, "iban": 0.6, "imps": 0.75, "upi": 0.8, "zelle": 0.65,
    "etransfer": 0.6, "paypal": 0.6, "crypto": 0.35, "crypto_send": 0.65, "card": 0.5,
}  # fmt: skip
_PAY_SLOT = {
    "gift": "PAY_GIFT", "wire": "PAY_WIRE", "zelle": "PAY_ZELLE", "crypto": "PAY_CRYPTO",
    "card": "PAY_CARD", "uk_transfer": "PAY_UK_TRANSFER", "iban": "PAY_IBAN", "etransfer": "PAY_ETRANSFER",
    "paypal": "PAY_PAYPAL", "cash": "PAY_CASH", "upi": "PAY_UPI", "imps": "PAY_IMPS", "crypto_send": "PAY_CRYPTO_SEND",
}  # fmt: skip


def payment_sentences(
    rng: random.Random, pay: Payment, voice: str, ctx: dict[str, str], m: Mentions, money: str
) -> list[str]:
    """Sentences about one payment, recording the details they reveal."""
    local = dict(ctx)
    local["amount"] = P(money)
    local["how"] = pt.PAY_HOW.get(pay.label, pay.method)
    pending: list[tuple[str, str, str, Item]] = []
    if pay.item is not None and rng.random() < _DETAIL_SHARE.get(pay.label, 0.5):
        _payment_ctx(rng, pay, local, pending)
    if pay.gift_brand:
        local["gift_brand"], local["store"] = pay.gift_brand, pay.store
    if pay.plan:
        local["plan"] = pay.plan
    local["app"] = rng.choice(po.UPI_APPS)
    local["n"] = str(rng.randint(2, 6))
    out: list[str] = []
    slot = _PAY_SLOT.get(pay.label, "PAY_GENERIC")
    if slot == "PAY_UK_TRANSFER" and "iban" in local:
        slot = "PAY_IBAN"
    if slot == "PAY_CARD" and "merchant" not in local:
        slot = "PAY_CARD_NOMERCHANT"
    if slot in ("PAY_CRYPTO", "PAY_GIFT", "PAY_CASH"):
        text, needs = pick(rng, slot, voice, local)
        out.append(text)
        if slot == "PAY_CRYPTO" and "wallet" in local:
            text2, needs2 = pick(rng, "PAY_WALLET", voice, local, ("wallet",))
            out.append(text2)
            needs = needs | needs2
    else:
        prefer = tuple(
            k
            for k in ("account", "iban", "sortcode", "token", "upi", "wallet", "merchant")
            if k in local
        )
        text, needs = pick(rng, slot, voice, local, prefer)
        if not text or (prefer and not any(k in needs for k in prefer)):
            text, needs = pick(rng, "PAY_GENERIC", voice, local)
        out.append(text)
    for key, kind, value, item in pending:
        if key in needs:
            if kind == "phone" and value == PAYPAL_DESCRIPTOR_PHONE[1]:
                m.add("phone", value, "legit", "descriptor_phone")
            elif value == item.value:
                m.item(item)
            else:
                if (kind, item.value) not in m.seen:
                    item.mentions += 1
                m.add(kind, value, "scammer", item.trap or "iban_form")
    if slot == "PAY_GIFT" and rng.random() < 0.3:
        local["codes"] = P(
            ", ".join(gift_card_code(rng, pay.gift_brand) for _ in range(rng.randint(1, 3)))
        )
        out.append(pick(rng, "PAY_GIFT_CODES", voice, local)[0])
    return [s for s in out if s]


def own_phone_sentence(
    rng: random.Random, inc: Incident, voice: str, ctx: dict[str, str], m: Mentions
) -> str:
    number = inc.victim.phone(rng)
    local = dict(ctx)
    local["vphone"] = P(phone_text(rng, number, allow_extension=False))
    text, _ = pick(rng, "OWN_PHONE", voice, local)
    m.add("phone", e164(number), "victim", "victim_phone")
    return text


def relative_phone_sentence(
    rng: random.Random, inc: Incident, ctx: dict[str, str], m: Mentions
) -> str:
    number = victim_number(rng, inc.victim.country, inc.victim.region.area_codes)
    local = dict(ctx)
    local["relphone"] = P(phone_text(rng, number, allow_extension=False))
    text, _ = pick(rng, "RELATIVE_PHONE", "tp", local)
    m.add("phone", e164(number), "victim", "relative_phone")
    return text


def alias_context(rng: random.Random, inc: Incident, ctx: dict[str, str]) -> None:
    ctx["alias"] = inc.alias
    ctx["title"] = rng.choice(ALIAS_TITLES)
    ctx["empid"] = P(
        rng.choice(
            (
                f"MS{rng.randint(1000, 99999)}",
                str(rng.randint(100000, 9999999)),
                f"EMP-{rng.randint(100, 9999)}",
            )
        )
    )


def extras(
    rng: random.Random, inc: Incident, voice: Voice, ctx: dict[str, str], m: Mentions
) -> list[str]:
    """Legit contacts, the victim's own and relatives' numbers, look-alike numbers."""
    k = voice.key
    out: list[str] = []
    if inc.legit_phone is not None:
        brand, text, number = inc.legit_phone
        local = dict(ctx)
        local["legit"] = P(text)
        local["legit_brand"] = LEGIT_NAMES.get(brand, brand.replace("_", " ").title())
        out.append(pick(rng, "LEGIT_CALL", k, local)[0])
        if number:
            m.add("phone", number, "legit", "legit_contact")
    if inc.legit_site is not None:
        local = dict(ctx)
        local["legit_site"] = P(inc.legit_site[1])
        out.append(pick(rng, "LEGIT_SITE", k, local)[0])
        m.add(
            "domain", inc.legit_site[1].split("/")[0].removeprefix("www."), "legit", "legit_contact"
        )
    if rng.random() < 0.06:
        out.append(own_phone_sentence(rng, inc, k, ctx, m))
    if voice.relative and rng.random() < 0.12:
        out.append(relative_phone_sentence(rng, inc, ctx, m))
    if rng.random() < 0.22:
        local = dict(ctx)
        local["case"], local["order"] = P(_case_number(rng)), P(_order_number(rng))
        out.append(pick(rng, "DISTRACTOR", k, local)[0])
    return out


# --- noise -----------------------------------------------------------------------


def _map_free(text: str, fn: Callable[[str], str]) -> str:
    out: list[str] = []
    for i, chunk in enumerate(text.split("\x01")):
        if i and "\x02" in chunk:
            protected, rest = chunk.split("\x02", 1)
            out.append(protected)
            out.append(fn(rest))
        else:
            out.append(fn(chunk))
    return "".join(out)


_RUN_ON = re.compile(r"\. ([A-Za-z])")


def _typos(rng: random.Random, chunk: str) -> str:
    if len(chunk) < 8 or rng.random() > 0.35:
        return chunk
    i = rng.randrange(len(chunk) - 2)
    a, b = chunk[i], chunk[i + 1]
    if not (a.isalpha() and b.isalpha()):
        return chunk
    op = rng.random()
    if op < 0.4:
        return chunk[:i] + b + a + chunk[i + 2 :]
    if op < 0.7:
        return chunk[:i] + chunk[i + 1 :]
    return chunk[:i] + a + chunk[i:]


def roughen(rng: random.Random, text: str, voice: Voice) -> str:
    """Apply a writer's habits to unprotected text, then drop the sentinels."""
    roll = rng.random()
    if voice.key == "fp":
        if roll < 0.05:
            text = _map_free(text, str.upper)
        elif roll < 0.13:
            text = _map_free(text, lambda s: s.lower().replace(". ", " "))
        elif roll < 0.21:
            sep = rng.choice((" and ", " then ", ", ", " "))
            text = _map_free(text, lambda s: _RUN_ON.sub(lambda mt: sep + mt.group(1).lower(), s))
        if rng.random() < 0.15:
            text = _map_free(text, lambda s: s.replace("'", ""))
        if rng.random() < 0.35:
            text = _map_free(text, lambda s: _typos(rng, s))
        if rng.random() < 0.08:
            text = text.rstrip(".") + rng.choice(("!!!", "...", " ??", "!!"))
    elif voice.key == "tp" and rng.random() < 0.2:
        text = _map_free(text, lambda s: _typos(rng, s))
    return text.replace("\x01", "").replace("\x02", "")


def join(rng: random.Random, sentences: list[str], voice: Voice) -> str:
    parts = [s.strip() for s in sentences if s and s.strip()]
    if voice.key != "sh" and len(parts) > 4 and rng.random() < 0.2:
        cut = rng.randint(2, len(parts) - 2)
        return " ".join(parts[:cut]) + "\n\n" + " ".join(parts[cut:])
    return " ".join(parts)
