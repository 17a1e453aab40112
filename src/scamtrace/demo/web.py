"""Web infrastructure: pop-up domains, shared-platform hosts, short links, ScreenConnect.

Half of what a centre puts online lives under parents that host thousands of
unrelated tenants (``azurewebsites.net``, ``web.app``, ``pages.dev``, blob
storage, ``bit.ly``, ``screenconnect.com``). The tenant host is the indicator;
the parent never is. ``WebSite.domain`` therefore holds the registrable domain
for a centre's own domain and the full tenant host for a shared platform.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_A = ("windows", "win", "microsoft", "ms", "defender", "security", "apple", "ios", "mac",
      "norton", "mcafee", "pc", "system", "amazon", "firewall", "cloud", "virus")  # fmt: skip
_B = ("error", "alert", "warning", "virus", "threat", "support", "helpdesk", "help", "fix",
      "care", "secure", "protect", "call", "center", "desk", "team", "locked", "blocked",
      "scan", "shield", "repair", "assist")  # fmt: skip
_TLDS = ("com", "online", "xyz", "site", "live", "info", "support", "tech", "store", "top",
         "club", "us", "net", "in", "click", "help", "space", "website")  # fmt: skip
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"

# (parent, weight): where pop-ups and fake support pages are hosted for free.
SHARED_PARENTS: tuple[tuple[str, int], ...] = (
    ("azurewebsites.net", 9),
    ("web.app", 6),
    ("pages.dev", 5),
    ("blob.core.windows.net", 5),
    ("z13.web.core.windows.net", 3),
    ("firebaseapp.com", 2),
    ("netlify.app", 2),
    ("herokuapp.com", 1),
    ("github.io", 1),
    ("vercel.app", 1),
)
_PARENTS = tuple(p for p, w in SHARED_PARENTS for _ in range(w))
SHORTENERS = ("bit.ly", "tinyurl.com", "cutt.ly", "rb.gy")


@dataclass(frozen=True, slots=True)
class WebSite:
    """One scammer web presence. ``url`` is canonical (refanged, lower-case host)."""

    domain: str  # the linking value: registrable domain or tenant host
    url: str
    shared_parent: str = ""  # set when hosted on a platform shared with strangers


def _token(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_ALNUM) for _ in range(n))


def _slug(rng: random.Random, brand_word: str = "") -> str:
    roll = rng.random()
    # Pop-ups mostly wear the brand the call centre impersonates.
    a = brand_word if brand_word and rng.random() < 0.6 else rng.choice(_A)
    if roll < 0.4:
        return f"{a}-{rng.choice(_B)}-{rng.choice(_B)}"
    if roll < 0.7:
        return f"{a}{rng.choice(_B)}{rng.randint(1, 999)}"
    if roll < 0.85:
        return f"{a}-{rng.choice(_B)}-0x{rng.randrange(16**4):04x}"
    return _token(rng, rng.randint(8, 12))


def _popup_path(rng: random.Random, phone_digits: str) -> str:
    roll = rng.random()
    if roll < 0.3:
        return "/"
    if roll < 0.5:
        return f"/?ph={phone_digits}"
    if roll < 0.65:
        return f"/err0x{rng.randrange(16**4):04X}/index.html"
    if roll < 0.8:
        return f"/{_token(rng, 6)}/alert.html?number={phone_digits}"
    return f"/{rng.choice(('win', 'ms', 'security', 'helpdesk'))}/{_token(rng, 10)}/"


def popup_site(
    rng: random.Random, phone_digits: str, shared_share: float = 0.5, brand_word: str = ""
) -> WebSite:
    """A pop-up ("browser locker") page that shows the callback number."""
    if rng.random() < shared_share:
        parent = rng.choice(_PARENTS)
        if parent == "blob.core.windows.net":
            host = f"{_token(rng, 4)}{rng.choice(_A)}{rng.randint(10, 9999)}.{parent}"
            return WebSite(host, f"https://{host}/$web/index.html", parent)
        slug = _slug(rng, brand_word)
        host = f"{slug}-{_token(rng, 4)}.{parent}" if rng.random() < 0.5 else f"{slug}.{parent}"
        return WebSite(host, f"https://{host}{_popup_path(rng, phone_digits)}", parent)
    domain = f"{_slug(rng, brand_word)}.{rng.choice(_TLDS)}"
    host = (
        domain if rng.random() < 0.7 else f"{rng.choice(('www', 'alert', 'secure', 'x'))}.{domain}"
    )
    return WebSite(domain, f"https://{host}{_popup_path(rng, phone_digits)}")


def support_site(rng: random.Random, brand_word: str) -> WebSite:
    """A "support" site bought as a search ad or linked from a fake invoice."""
    stem = rng.choice((f"{brand_word}-support-helpdesk", f"{brand_word}helpline", f"quick{brand_word}fix",
                       f"{brand_word}-printer-setup", f"my{brand_word}-care", f"{brand_word}-tech-desk"))  # fmt: skip
    domain = f"{stem}{rng.choice(('', '', str(rng.randint(2, 999))))}.{rng.choice(('com', 'net', 'org', 'us', 'online', 'co', 'info', 'site'))}"
    return WebSite(domain, f"https://www.{domain}/")


def short_link(rng: random.Random) -> WebSite:
    parent = rng.choice(SHORTENERS)
    url = f"https://{parent}/{_token(rng, 7) if parent != 'bit.ly' else '3' + _token(rng, 6)}"
    return WebSite(url.removeprefix("https://"), url, parent)


def screenconnect_instance(rng: random.Random) -> str:
    """Host of a ScreenConnect cloud instance: the remote-access indicator itself."""
    stem = rng.choice(("fixpc-help", "techdesk", "secure-support", "remote-help", "pcrepair",
                       "helpdesk-online", "support-session", "cloudfix", "instant-help"))  # fmt: skip
    return f"{stem}{rng.choice(('', '-', ''))}{rng.randint(1, 9999)}.screenconnect.com"


def scammer_email(rng: random.Random, own_domain: str, brand_word: str) -> str:
    roll = rng.random()
    if roll < 0.35 and own_domain:
        return f"{rng.choice(('billing', 'support', 'help', 'refunds', 'accounts', 'care'))}@{own_domain}"
    local = rng.choice((f"{brand_word}.support", f"{brand_word}refund.dept", f"billing.{brand_word}help",
                        f"{brand_word}.helpdesk", "techsupport.billing", f"{brand_word}securityteam"))  # fmt: skip
    return f"{local}{rng.randint(1, 999)}@{rng.choice(('gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'protonmail.com'))}"


def defang(rng: random.Random, text: str) -> str:
    """Defanged the way analysts and cautious victims do it."""
    roll = rng.random()
    if roll < 0.4:
        return (
            text.replace("https://", "hxxps://").replace("http://", "hxxp://").replace(".", "[.]")
        )
    if roll < 0.6:
        return text.replace("https://", "hxxps://").replace("http://", "hxxp://")
    if roll < 0.8:
        return text.replace(".", "[.]")
    if roll < 0.9:
        return text.replace(".", "(dot)")
    return text.replace("://", "[:]//").replace(".", "[.]")


def site_text(rng: random.Random, site: WebSite, defang_share: float) -> tuple[str, bool]:
    """How a report writes a site: full URL, bare host, or host and path.

    Returns the text and whether it shows a scheme (then it is a URL indicator).
    """
    roll = rng.random()
    rest = site.url.split("://", 1)[1]
    if roll < 0.45 or site.shared_parent in SHORTENERS:
        text, scheme = site.url, True
        if roll < 0.1 and site.shared_parent in SHORTENERS:
            text, scheme = rest, False
    elif roll < 0.75:
        text, scheme = rest.split("/", 1)[0], False
    else:
        text, scheme = rest.rstrip("/"), False
    if rng.random() < defang_share:
        text = defang(rng, text)
    return text, scheme
