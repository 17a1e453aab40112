"""Phone numbers: the ones scammers rent, the ones victims own, and how people write them.

A number is kept as (country calling code, national significant number); its
E.164 form is the canonical value in the ground truth. Scammer numbers are
checked with ``phonenumbers.is_valid_number`` when created (a few thousand per
world) so that extraction can normalise them; a small share deliberately sits
in the fictitious 555-01xx range that warning lists flag. Victims' numbers are
built from real area codes and are not checked one by one (there are up to a
million of them).
"""

from __future__ import annotations

import random

import phonenumbers

Number = tuple[str, str]  # (calling code, national significant number)

_TOLL_FREE_NPA = ("800", "833", "844", "855", "866", "877", "888")
_US_VOIP_NPA = (
    "213", "302", "305", "323", "347", "352", "386", "415", "424", "469", "502", "571",
    "602", "646", "702", "737", "754", "786", "818", "832", "917", "929", "949", "917",
)  # fmt: skip
_CA_NPA = ("416", "437", "647", "604", "778", "514", "438", "403", "587", "613", "905")
_JM_NPA = ("876", "658")


def e164(number: Number) -> str:
    return f"+{number[0]}{number[1]}"


def _digits(rng: random.Random, n: int) -> str:
    return f"{rng.randrange(10**n):0{n}d}"


def _nanp(rng: random.Random, npa: str) -> str:
    return f"{npa}{rng.randint(2, 9)}{_digits(rng, 6)}"


def _raw_scammer_number(rng: random.Random, kind: str) -> Number:
    if kind == "us_toll_free":
        return ("1", _nanp(rng, rng.choice(_TOLL_FREE_NPA)))
    if kind == "us_voip":
        return ("1", _nanp(rng, rng.choice(_US_VOIP_NPA)))
    if kind == "ca_geo":
        return ("1", _nanp(rng, rng.choice(_CA_NPA)))
    if kind == "uk_free":
        return ("44", rng.choice(("800", "808")) + _digits(rng, 7))
    if kind == "uk_geo":
        if rng.random() < 0.6:
            return ("44", "20" + rng.choice("378") + _digits(rng, 7))
        return ("44", rng.choice(("161", "121", "113", "330", "333")) + _digits(rng, 7))
    if kind == "au_free":
        return ("61", rng.choice(("1800", "1800", "1300")) + _digits(rng, 6))
    if kind == "au_geo":
        return ("61", rng.choice(("28", "29", "39", "73")) + _digits(rng, 7))
    if kind == "in_mobile":
        return ("91", str(rng.randint(6, 9)) + _digits(rng, 9))
    if kind == "ng_mobile":
        return (
            "234",
            rng.choice(("803", "806", "810", "813", "703", "706", "903", "906")) + _digits(rng, 7),
        )
    if kind == "gh_mobile":
        return ("233", rng.choice(("24", "54", "55", "20", "50")) + _digits(rng, 7))
    if kind == "jm":
        return ("1", _nanp(rng, rng.choice(_JM_NPA)))
    if kind == "ph_mobile":
        return ("63", "9" + rng.choice(("17", "18", "27", "05", "56")) + _digits(rng, 7))
    raise ValueError(f"unknown number kind {kind!r}")


def fictitious_number(rng: random.Random) -> Number:
    """NANP 555-01xx: reserved for fiction, what careful scam-baiters and fakes use."""
    return ("1", f"{rng.choice(_TOLL_FREE_NPA + _US_VOIP_NPA)}55501{_digits(rng, 2)}")


def scammer_number(rng: random.Random, kind: str, taken: set[str]) -> Number:
    """A new number of ``kind`` that is valid and not used by anyone else in the world."""
    while True:
        number = _raw_scammer_number(rng, kind)
        key = e164(number)
        if key in taken:
            continue
        parsed = phonenumbers.parse(key)
        if phonenumbers.is_valid_number(parsed):
            taken.add(key)
            return number


def _raw_victim_number(rng: random.Random, country: str, area_codes: tuple[str, ...]) -> Number:
    if country in ("US", "CA"):
        return ("1", _nanp(rng, rng.choice(area_codes)))
    if country == "GB":
        if rng.random() < 0.55 or not area_codes:
            return ("44", "7" + rng.choice(("4", "5", "7", "8", "9")) + _digits(rng, 8))
        area = rng.choice(area_codes)[1:]
        return ("44", area + rng.choice("2345789") + _digits(rng, 9 - len(area)))
    if country == "AU":
        if rng.random() < 0.6 or not area_codes:
            return ("61", "4" + rng.choice("0123") + _digits(rng, 7))
        return ("61", area_codes[0][1:] + rng.choice("89") + _digits(rng, 7))
    return ("91", str(rng.randint(7, 9)) + _digits(rng, 9))


def victim_number(rng: random.Random, country: str, area_codes: tuple[str, ...]) -> Number:
    """A victim's own number: a mobile, or a landline in the victim's region.

    UK and Australian numbering has unallocated blocks inside area codes, so
    those are checked; NANP and Indian mobile numbers built this way are valid.
    """
    number = _raw_victim_number(rng, country, area_codes)
    if country in ("GB", "AU"):
        for _ in range(6):
            if phonenumbers.is_valid_number(phonenumbers.parse(e164(number))):
                break
            number = _raw_victim_number(rng, country, area_codes)
    return number


# --- how people write numbers ---------------------------------------------------

_NANP_STYLES: tuple[tuple[str, int], ...] = (
    ("({a}) {b}-{c}", 20),
    ("{a}-{b}-{c}", 20),
    ("1-{a}-{b}-{c}", 15),
    ("1 {a} {b} {c}", 6),
    ("{a}.{b}.{c}", 5),
    ("1 ({a}) {b}-{c}", 5),
    ("{a}{b}{c}", 6),
    ("1{a}{b}{c}", 4),
    ("+1 ({a}) {b}-{c}", 4),
    ("+1-{a}-{b}-{c}", 4),
    ("+1 {a}.{b}.{c}", 3),
    ("+1{a}{b}{c}", 3),
    ("{a} {b} {c}", 5),
)
_NANP_FORMATS = tuple(f for f, w in _NANP_STYLES for _ in range(w))


def _nanp_text(rng: random.Random, n: str) -> str:
    a, b, c = n[:3], n[3:6], n[6:]
    roll = rng.random()
    if roll < 0.015:
        # The number wraps at the end of a line in a pasted e-mail or form.
        return rng.choice(("1-{a}-{b}-\n{c}", "({a}) {b}-\n{c}", "{a} {b}\n{c}")).format(
            a=a, b=b, c=c
        )
    text = rng.choice(_NANP_FORMATS).format(a=a, b=b, c=c)
    if roll < 0.045 and "0" in a:
        # Typed from a pop-up in capitals: letter O for zero.
        text = text.replace(a, a.replace("0", "O"), 1)
    elif roll < 0.06:
        text = text.replace(c, c[:2] + " " + c[2:], 1)  # stray space, as typed
    return text


def _uk_parts(n: str) -> tuple[str, str]:
    """(area code without trunk 0, subscriber number grouped as people write it)."""
    if n.startswith("2"):
        return n[:2], f"{n[2:6]} {n[6:]}"
    if n.startswith("7"):
        return n[:4], n[4:]
    if n.startswith("1") and "1" not in (n[1], n[2]):
        return n[:4], n[4:]
    return n[:3], f"{n[3:6]} {n[6:]}"


def _uk_text(rng: random.Random, n: str) -> str:
    area, sub = _uk_parts(n)
    roll = rng.random()
    if roll < 0.35:
        return f"0{area} {sub}"
    if roll < 0.5:
        return f"+44 (0){area} {sub}"
    if roll < 0.65:
        return f"+44 {area} {sub}"
    if roll < 0.78:
        return f"0{n}"
    if roll < 0.86 and n.startswith("20"):
        # Londoners often write 0207/0208 as if it were the area code.
        return f"0{n[:3]} {n[3:6]} {n[6:]}"
    if roll < 0.93:
        return f"0044 {area} {sub}"
    return f"+44{n}"


def _au_text(rng: random.Random, n: str) -> str:
    if n.startswith(("1800", "1300")):
        return rng.choice(
            (f"{n[:4]} {n[4:7]} {n[7:]}", f"{n[:4]} {n[4:]}", f"+61 {n[:4]} {n[4:7]} {n[7:]}", n)
        )
    if n.startswith("4"):
        return rng.choice((f"0{n[:3]} {n[3:6]} {n[6:]}", f"+61 {n[:3]} {n[3:6]} {n[6:]}", f"0{n}"))
    return rng.choice(
        (
            f"(0{n[0]}) {n[1:5]} {n[5:]}",
            f"0{n[0]} {n[1:5]} {n[5:]}",
            f"+61 {n[0]} {n[1:5]} {n[5:]}",
            f"0{n}",
        )
    )


def _in_text(rng: random.Random, n: str) -> str:
    return rng.choice((
        f"+91 {n[:5]} {n[5:]}", f"0{n[:5]} {n[5:]}", n, f"+91-{n}", f"91 {n[:5]} {n[5:]}",
        f"+91{n}", f"{n[:5]}-{n[5:]}", f"+91 {n[:3]} {n[3:6]} {n[6:]}", n,
    ))  # fmt: skip


def _intl_text(rng: random.Random, cc: str, n: str) -> str:
    return rng.choice(
        (f"+{cc} {n[:3]} {n[3:6]} {n[6:]}", f"0{n}", f"+{cc}{n}", f"0{n[:3]} {n[3:6]} {n[6:]}")
    )


def phone_text(rng: random.Random, number: Number, allow_extension: bool = True) -> str:
    """The number as some person would have written it in a complaint."""
    cc, n = number
    if cc == "1":
        text = _nanp_text(rng, n)
    elif cc == "44":
        text = _uk_text(rng, n)
    elif cc == "61":
        text = _au_text(rng, n)
    elif cc == "91":
        text = _in_text(rng, n)
    else:
        text = _intl_text(rng, cc, n)
    if allow_extension and rng.random() < 0.03:
        text += rng.choice((" ext. 204", " x 12", " ext 3", " Ext-101", ", option 2"))
    return text
