"""Who an indicator belongs to: the scammer, the victim, a legitimate company, or unknown.

Fixed roles come first (curated legitimate numbers and sites, warning lists,
the victim's own structured fields). In the narrative the cue nearest before
a value decides: "my number", "my son's email", "my AnyDesk ID" mark the
victim; "the log showed", "incoming connection from" mark the scammer's remote
ID; "the real", "official", "my bank" mark a legitimate line. "His number"
belongs to whoever was last talked about: the victim's father or the
"technician". Without a cue each kind has its usual owner: a callback number,
a payee account, a pop-up domain are the scammer's; an AnyDesk ID read out is
the victim's. The cues are token phrases found by the shared vocabulary pass
(:data:`ROLE_CUES`), so judging a role costs a bisection, not a regex scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from operator import itemgetter
from typing import NamedTuple

from scamtrace.domain.indicator import Indicator, Kind, Role
from scamtrace.extract.fastre import case_safe, lower_keywords
from scamtrace.extract.hits import CUED, DEFAULT, Hit

_RELATIVE = (
    r"(?:son|daughter|husband|wife|mom|mum|mother|dad|father|grandson|granddaughter|grandma|grandmother|grandpa"
    r"|grandfather|gran|nan|uncle|aunt|auntie|brother|sister|neighbou?r|nephew|niece|friend|partner|parents?"
    r"|family|child|children|kids?|spouse|carer|caregiver|in-law|mother-in-law|father-in-law)"
)
_SUBJECT = "(?:victim|client|customer|cust|complainant|member|patient|resident|account holder|cardholder|reporter|subscriber)"
_CONTACT = (
    r"(?:phone|number|no|cell|cellphone|mobile|mob|landline|line|home phone|tel|telephone|contact|contacts|email|e-mail"
    r"|mail|address|details|whatsapp|id|anydesk|teamviewer|ip|account|a/c|wallet|upi)"
)

# Cues as token phrases for the shared vocabulary ("~" is any word but a filler, see phrases.py).
_REL = (
    "son|daughter|husband|wife|mom|mum|mother|dad|father|grandson|granddaughter|grandma|grandmother|grandpa|grandfather"
    "|gran|nan|uncle|aunt|auntie|brother|sister|neighbour|neighbor|nephew|niece|friend|partner|parent|parents|family"
    "|child|children|kid|kids|spouse|carer|caregiver"
)
_SUBJ = (
    "victim|client|customer|cust|complainant|member|patient|resident|cardholder|reporter|subscriber"
)
_CON = (
    "phone|number|no|cell|cellphone|mobile|mob|landline|line|tel|telephone|contact|contacts|email|mail|address|details"
    "|whatsapp|id|anydesk|teamviewer|ip|account|wallet|upi"
)
_SCAMMER_NOUN = "scammer|fraudster|technician|tech|agent|guy|man|caller"


def _owned(heads: str, nouns: str) -> list[str]:
    return [
        f"{heads} {nouns} {_CON}", f"{heads} {nouns} s {_CON}", f"{heads} ~ {nouns} {_CON}", f"{heads} ~ {nouns} s {_CON}",
        f"{heads} {nouns} s ~ {_CON}", f"{heads} {nouns} ~ {_CON}", f"{heads} {nouns} s own {_CON}",
    ]  # fmt: skip


def _bare(nouns: str) -> list[str]:
    return [
        f"{nouns} {_CON}",
        f"{nouns} s {_CON}",
        f"{nouns} s own {_CON}",
        f"{nouns} s ~ {_CON}",
        f"{nouns} own {_CON}",
    ]


ROLE_CUES: dict[str, list[str]] = {
    "victim": [
        f"my|our {_CON}", f"my|our ~ {_CON}", f"my|our ~ ~ {_CON}", f"my|our own {_CON}", f"my|our own ~ {_CON}",
        *_owned("my|our|her|his", _REL), *_bare(_REL), *_bare(_SUBJ),
        "reach|contact|email|call|text me|us", "i can be reached", "cb no|number", "call back no", "callback no",
        "called|caled|calld|rang|phoned|texted|contacted|reached|messaged me|her|him|them|us at|on",
        f"called|caled|rang|phoned|texted|contacted|reached|messaged my|our {_REL} at|on",
        f"called|caled|rang|phoned|texted|contacted|reached|messaged my|our ~ {_REL} at|on",
        "i|we called|rang|phoned|dialled|dialed from my", "i|we called|rang|phoned|dialled|dialed * from my",
        "from|on my phone|cell|mobile|landline", "from|on my own phone|cell|mobile|landline",
        "from|on my ~ phone|cell|mobile|landline", "read out|him|her|them", "gave him|her|them my|the|his|her",
        "shared my|the|his|her", "what s my ip", "whats my ip", "whatismyip", "your ip", "local ip|address",
        "my pc|computer|laptop|router",
    ],
    "caller_victim": _bare("caller"),
    "pronoun": [f"his|her|their {_CON}", f"his|her|their own {_CON}", f"his|her|their ~ {_CON}"],
    "legit": [
        "real|actual|genuine|official|legitimate|legit", "real|actual|genuine|official|legitimate|legit *",
        "real|actual|genuine|official|legitimate|legit * *", "real|actual|genuine|official|legitimate|legit * * *",
        "my bank|isp", "my bank *", "my credit card company", "my card company|issuer", "my internet provider",
        "called|rang|phoned|contacted my|the bank", "directly",
    ],
    # Single scammer-side words ("called", "from", "to") are not listed: they are everywhere, and are
    # looked for only between a victim or legit cue and the value (see _SCAMMER_BETWEEN).
    "scammer": [
        "with the|a number|phone", f"the {_SCAMMER_NOUN} {_CON}", f"the {_SCAMMER_NOUN} s {_CON}",
        f"the {_SCAMMER_NOUN} s own {_CON}", f"the {_SCAMMER_NOUN} s ~ {_CON}", "caller id",
    ],
}  # fmt: skip

_CALLER_IS_VICTIM = re.compile(
    r"(?i)\bcaller\s*(?:\((?:the\s+)?victim|\((?:mrs?|ms|miss)\b|\(\w+,?\s*\d|\(\d|(?:is|was|,)\s*(?:aged\s*)?\d|states|stated|reports|reported|advised"
    r"|received|got\s+a|saw|was\s+(?:called|contacted|phoned)|'s\s+(?:husband|wife|mother|mum|father|dad|son|daughter|contact))"
)
# Remote-access IDs and IPs: who sat at that end of the session.
_REMOTE_SCAMMER = re.compile(
    r"\b(?:log|logs|logged|incoming|connected\s+from|connection\s+from|connections\s+from|session\s+from|recent\s+sessions?"
    r"|session\s+list|sessions\s+list|history|remote\s+(?:address|id|ip|side)|other\s+(?:side|end|party|computer|pc|machine)"
    r"|their\s+(?:\w+\s+)?(?:id|address|ip)|technician'?s|scammer'?s|partner\s+id"
    r"|from\s+(?:id|address|ip)|talking\s+to|connected\s+to\s+me|came\s+from|origin)\b",
    re.IGNORECASE,
)
_GENUINE = re.compile(
    r"(?i)\b(?:it was|was a|is a|turned out to be)\s+(?:a\s+)?(?:genuine|legitimate|legit|real)\b"
)
# The same without the leading (?i), for lower-cased text: it opens on the literal "caller".
_CALLER_IS_VICTIM_LOW = re.compile(
    _CALLER_IS_VICTIM.pattern.removeprefix("(?i)\\b").replace("caller", "caller(?<!\\wcaller)", 1)
)
_NETSTAT = re.compile(
    r"(?i)\b(?:netstat|foreign\s+address|established\s+connections?|connections\s+like)\b"
)


def _person_re(caller_is_victim: bool) -> re.Pattern[str]:
    caller_victim = r"|caller" if caller_is_victim else ""
    caller_scammer = "" if caller_is_victim else r"|caller"
    return re.compile(
        r"(?i)\b(?:(?P<victim>(?:my|our)\s+(?:\w+\s+){0,3}"
        + _RELATIVE
        + r"|(?:the\s+)?(?:elderly\s+|old\s+)?"
        + _SUBJECT
        + caller_victim
        + r"|(?:elderly|old|retired)\s+(?:\w+\s+)?(?:man|woman|lady|gentleman|customer))"
        r"|(?P<scammer>scammers?|fraudsters?"
        + caller_scammer
        + r"|(?:the|a|an|this|that|fake|so-called|indian)\s+(?:\w+\s+)?"
        r"(?:technician|tech|agent|guy|man|lady|woman|engineer|rep|representative|supervisor|officer|person)"
        r"|(?:he|she)\s+(?:said|claimed)\s+(?:he|she)\s+(?:was|is|worked|works)))\b"
    )


_PERSON = _person_re(False)
_PERSON_CALLER_VICTIM = _person_re(True)
_FEMALE = frozenset(
    "mother mom mum grandmother grandma gran nan wife daughter granddaughter sister aunt auntie niece lady woman she"
    " girlfriend mother-in-law".split()
)
_MALE = frozenset(
    "father dad grandfather grandpa husband son grandson brother uncle nephew man guy gentleman he boyfriend father-in-law".split()
)
_ABBREVIATIONS = frozenset(
    {
        "no",
        "nos",
        "tel",
        "ph",
        "mob",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "approx",
        "vs",
        "e.g",
        "i.e",
        "etc",
        "a/c",
        "ac",
        "acc",
        "acct",
        "ref",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
    }
)
_WINDOW = 70
_REMOTE_WINDOW = 140
_PRIORITY = {Role.VICTIM: 3, Role.LEGIT: 2, Role.SCAMMER: 1, Role.UNKNOWN: 0}
_CUED_KINDS = frozenset(
    {
        Kind.PHONE,
        Kind.EMAIL,
        Kind.IP,
        Kind.REMOTE_ID,
        Kind.BANK_ACCOUNT,
        Kind.UPI,
        Kind.CRYPTO_WALLET,
        Kind.URL,
        Kind.DOMAIN,
    }
)


def _last(matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - only the last one is wanted
        pass
    return last


_WORD_RUN = re.compile(r"[\w/.]+")


def left_clause(text: str, start: int, width: int) -> str:
    """Text before ``start`` back to the sentence start (abbreviations such as "no." do not end one)."""
    return text[clause_start(text, start, width) : start]


def clause_start(text: str, start: int, width: int) -> int:
    """Where :func:`left_clause` starts: searched in place, without slicing the window."""
    lo = max(0, start - width)
    cut = max(text.rfind("\n", lo, start), text.rfind("! ", lo, start), text.rfind("? ", lo, start))
    base = cut + 1 if cut >= 0 else lo
    pos = start
    while True:
        dot = text.rfind(". ", base, pos)
        if dot < 0:
            return base
        if dot == base:
            return dot + 2
        # The word just before the full stop: the run of [\w/.] ending there, read backwards
        # (a search for "[\w/.]+$" would retry from every position before it).
        word = _WORD_RUN.match(text[base:dot][::-1])
        if word is None or word.group(0)[::-1].lower() not in _ABBREVIATIONS:
            return dot + 2
        pos = dot


def _person_before(
    text: str, start: int, pronoun: str = "", caller_is_victim: bool = False
) -> Role | None:
    """Owner of "his"/"her" contact details: the nearest person of that gender talked about before."""
    wanted = _FEMALE if pronoun == "her" else _MALE if pronoun == "his" else None
    people = _PERSON_CALLER_VICTIM if caller_is_victim else _PERSON
    found = list(people.finditer(text[max(0, start - 400) : start]))
    for m in reversed(found):
        words = {w.lower() for w in re.findall(r"[\w-]+", m.group(0))}
        gender = "f" if words & _FEMALE else "m" if words & _MALE else None
        if wanted is not None and gender is not None and not words & wanted:
            continue
        return Role.VICTIM if m.group("victim") else Role.SCAMMER
    return None


_SCAMMER_BETWEEN = re.compile(
    r"\b(?:call(?:ed|ing|s)?|phoned?|dial(?:l?ed)?|rang|helpline|hotline|toll|showed|displayed|pop-?up|screen|warning|site"
    r"|website|page|link|sent|send|pay|paid|transfer(?:red)?|wire[ds]?|deposit(?:ed)?|beneficiary|payee|to|via|from"
    r"|emailed|texted|whats ?app|support)\b",
    re.IGNORECASE,
)
_LEGIT_RIGHT = re.compile(
    r"^[\s,(]*(?:\(|-|,)?\s*(?:the\s+)?(?:real|actual|official|genuine)\b|^[\s,]*(?:and\s+)?it\s+(?:really\s+)?was\s+(?:really\s+)?(?:them|genuine|legit)"
)
_VICTIM_RIGHT = re.compile(
    r"^[\s,(]*(?:which|that)\s+(?:is|was)\s+my\b|^[\s,(]*\(?(?:mine\b|(?:my|our)\s+(?:own\s+)?(?:\w+\s+)?"
    + _CONTACT
    + r"\b)"
)
# Lower-case variants for narratives without case traps (see fastre.safe_lower): same matches,
# but re can skip to the next word that may start one.
_SCAMMER_BETWEEN_LOW = lower_keywords(
    (
        "call(?:ed|ing|s)?", "phoned?", "dial(?:l?ed)?", "rang", "helpline", "hotline", "toll", "showed", "displayed",
        "pop-?up", "screen", "warning", "site", "website", "page", "link", "sent", "send", "pay", "paid",
        "transfer(?:red)?", "wire[ds]?", "deposit(?:ed)?", "beneficiary", "payee", "to", "via", "from", "emailed",
        "texted", "whats ?app", "support",
    ),
    after=r"\b",
)  # fmt: skip
_REMOTE_SCAMMER_LOW = lower_keywords(
    (
        "log", "logs", "logged", "incoming", r"connected\s+from", r"connection\s+from", r"connections\s+from",
        r"session\s+from", r"recent\s+sessions?", r"session\s+list", r"sessions\s+list", "history",
        r"remote\s+(?:address|id|ip|side)", r"other\s+(?:side|end|party|computer|pc|machine)",
        r"their\s+(?:\w+\s+)?(?:id|address|ip)", "technician'?s", "scammer'?s", r"partner\s+id",
        r"from\s+(?:id|address|ip)", r"talking\s+to", r"connected\s+to\s+me", r"came\s+from", "origin",
    ),
    after=r"\b",
)  # fmt: skip
_NETSTAT_LOW = lower_keywords(
    ("netstat", r"foreign\s+address", r"established\s+connections?", r"connections\s+like"),
    after=r"\b",
)
_PRONOUN_RIGHT = re.compile(r"^[\s,(]*\(?(his|her)\s+(?:own\s+)?(?:\w+\s+)?" + _CONTACT + r"\b")
# The three, tried in that order, as one pattern: at the start of the text the first alternative
# that matches is the first of the three that would have matched alone.
_RIGHT = re.compile(
    "(?P<legit>"
    + _LEGIT_RIGHT.pattern
    + ")|(?P<victim>"
    + _VICTIM_RIGHT.pattern
    + ")|(?P<pronoun>"
    + _PRONOUN_RIGHT.pattern.replace("(his|her)", "(?P<his_her>his|her)", 1)
    + ")"
)


class Cue(NamedTuple):
    kind: str  # a ROLE_CUES key
    start: int
    end: int


_END_START = itemgetter(2, 1)


class RoleJudge:
    """Roles for one narrative, from the cue phrases the vocabulary found in it."""

    def __init__(self, text: str, cues: Iterable[Cue] = ()) -> None:
        self.text = text
        self._low: str | None = None
        self._low_done = False
        if "aller" not in text:
            self.caller_is_victim = False
        elif (low := self.low) is not None:
            self.caller_is_victim = _CALLER_IS_VICTIM_LOW.search(low) is not None
        else:
            self.caller_is_victim = _CALLER_IS_VICTIM.search(text) is not None
        ordered = sorted(cues, key=_END_START)
        if ordered and not self.caller_is_victim:
            ordered = [c for c in ordered if c.kind != "caller_victim"]
        self._cues = ordered
        self._ends = [c.end for c in ordered]

    @property
    def low(self) -> str | None:
        """The narrative lower-cased (once, on first use), when lower-case patterns find in it
        exactly what the IGNORECASE ones find in the text (same offsets); None otherwise."""
        if not self._low_done:
            self._low = self.text.lower() if case_safe(self.text) else None
            self._low_done = True
        return self._low

    def _last_cue(self, clause_start: int, start: int) -> Cue | None:
        """The cue ending nearest before ``start`` inside the clause; the longest on a tie."""
        i = bisect_right(self._ends, start) - 1
        best: Cue | None = None
        while i >= 0:
            cue = self._cues[i]
            if best is not None and cue.end < best.end:
                break
            if cue.start >= clause_start and (best is None or cue.start < best.start):
                best = cue
            i -= 1
        return best

    def narrative_role(self, hit: Hit) -> tuple[Role, int]:
        """Role and strength for a narrative hit whose role is not fixed."""
        text = self.text
        if hit.kind is Kind.MERCHANT and hit.span is not None:
            if _GENUINE.search(text[max(0, hit.span[0] - 120) : hit.span[1] + 120]):
                return Role.LEGIT, CUED
        if hit.span is None or hit.kind not in _CUED_KINDS:
            return (Role.VICTIM if hit.kind is Kind.REMOTE_ID else Role.SCAMMER), DEFAULT
        if hit.kind is Kind.REMOTE_ID or (hit.kind is Kind.IP and "url_host" not in hit.flags):
            return self._session_role(hit)
        start = hit.span[0]
        ends = self._ends
        # Cues are sorted by end: with none ending by ``start`` there is no last cue, whatever
        # the clause (and then the clause need not be found).
        last = (
            self._last_cue(clause_start(text, start, _WINDOW), start)
            if ends and ends[0] <= start
            else None
        )
        if (
            last is not None
            and last.kind != "scammer"
            and (
                _SCAMMER_BETWEEN_LOW.search(low, last.end, start)
                if (low := self.low) is not None
                else _SCAMMER_BETWEEN.search(text, last.end, start)
            )
        ):
            # "my number is …, he called from …": the later words win.
            last = Cue("scammer", last.end, start)
        if last is not None:
            if last.kind in ("victim", "caller_victim"):
                return Role.VICTIM, CUED
            if last.kind == "legit":
                return Role.LEGIT, CUED
            if last.kind == "pronoun":
                owner = _person_before(
                    text,
                    last.start,
                    text[last.start : last.start + 5].lower().split()[0],
                    self.caller_is_victim,
                )
                return owner or Role.SCAMMER, CUED
        right = _RIGHT.match(text[hit.span[1] : hit.span[1] + 40].split(". ")[0].lower())
        if right is not None:
            if right.group("legit") is not None:
                return Role.LEGIT, CUED
            if right.group("victim") is not None:
                return Role.VICTIM, CUED
            owner = _person_before(text, start, right.group("his_her"), self.caller_is_victim)
            return owner or Role.SCAMMER, CUED
        return Role.SCAMMER, (CUED if last is not None else DEFAULT)

    def _victim_near(self, clause_start: int, start: int) -> int | None:
        """End of the nearest victim cue before ``start`` in the clause, if any."""
        i = bisect_right(self._ends, start) - 1
        while i >= 0:
            cue = self._cues[i]
            if cue.end < clause_start:
                return None
            if cue.kind in ("victim", "caller_victim") and cue.start >= clause_start:
                return cue.end
            i -= 1
        return None

    def _session_role(self, hit: Hit) -> tuple[Role, int]:
        assert hit.span is not None
        text, start, low = self.text, hit.span[0], self.low
        wide = left_clause(text, start, _REMOTE_WINDOW)
        # Slices, not pos/endpos: a pattern must see the window's start as the start of the text.
        if low is not None:
            remote = _last(_REMOTE_SCAMMER_LOW.finditer(low[start - len(wide) : start]))
        else:
            remote = _last(_REMOTE_SCAMMER.finditer(wide))
        ends = self._ends
        victim_end = (
            self._victim_near(clause_start(text, start, _WINDOW), start)
            if ends and ends[0] <= start
            else None
        )
        netstat = None
        if hit.kind is Kind.IP:
            if low is not None:
                netstat = _last(_NETSTAT_LOW.finditer(low[max(0, start - _REMOTE_WINDOW) : start]))
            else:
                netstat = _last(_NETSTAT.finditer(text[max(0, start - _REMOTE_WINDOW) : start]))
        remote_pos = remote.end() - len(wide) if remote is not None else None
        netstat_pos = netstat.end() - min(start, _REMOTE_WINDOW) if netstat is not None else None
        victim_pos = victim_end - start if victim_end is not None else None
        ranked = [
            (p, r)
            for p, r in (
                (remote_pos, Role.SCAMMER),
                (victim_pos, Role.VICTIM),
                (netstat_pos, Role.LEGIT),
            )
            if p is not None
        ]
        if ranked:
            return max(ranked, key=lambda pr: pr[0])[1], CUED
        if hit.kind is Kind.IP:
            return (Role.UNKNOWN if hit.flags & {"private", "reserved"} else Role.SCAMMER), DEFAULT
        return Role.VICTIM, DEFAULT


def resolve(hits: Iterable[Hit], text: str, cues: Iterable[Cue] = ()) -> list[Indicator]:
    """One indicator per (kind, value): the strongest role wins, the victim on a tie."""
    judge = RoleJudge(text, cues)
    best: dict[tuple[Kind, str], Hit] = {}  # in first-seen order
    merged: dict[tuple[Kind, str], set[str]] = {}  # flags of keys seen more than once
    for hit in hits:
        if hit.role is None:
            role, strength = (
                judge.narrative_role(hit) if hit.field == "narrative" else (Role.SCAMMER, DEFAULT)
            )
            hit.role, hit.strength = role, strength
        key = (hit.kind, hit.value)
        current = best.get(key)
        if current is None:
            best[key] = hit
            continue
        flags = merged.get(key)
        if flags is None:
            flags = merged[key] = set(current.flags)
        flags.update(hit.flags)
        assert current.role is not None
        if (hit.strength, _PRIORITY[hit.role]) > (current.strength, _PRIORITY[current.role]):
            best[key] = hit
    out: list[Indicator] = []
    for key, hit in best.items():
        assert hit.role is not None
        flags = merged.get(key)
        out.append(
            Indicator(
                hit.kind,
                hit.value,
                hit.role,
                frozenset(hit.flags if flags is None else flags),
                hit.field,
                hit.span,
            )
        )
    return out
