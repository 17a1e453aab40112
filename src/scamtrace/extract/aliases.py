"""Names the scammer gave (``alias``), title-cased, honorifics and ranks dropped.

Patterns are tried only where one can start: at a cue word the shared
vocabulary pass found ("named", "technician", "Mr" …), at an opening quote,
or a few words before "name" and "relationship". A name must not be a brand,
an office ("Mumbai cyber police") or the victim's own ("my name is …").
"""

from __future__ import annotations

import re

from scamtrace.domain.indicator import Kind
from scamtrace.extract.brands import BRANDS
from scamtrace.extract.hits import Hit
from scamtrace.extract.scan import Scan, Vocabulary

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.?"
# Names end at a word boundary: otherwise backtracking can cut "Olivia" to "Olivi" before "a …".
_NAME = r"[A-Z][a-z]{1,15}(?:[ ][A-Z][a-z]{1,15}){0,2}\b"
_LOWER_NAME = r"[a-z]{2,15}(?:[ ][a-z]{2,15})?\b"
_ROLE_NOUN = (
    r"(?:technician|tech|agent|officer|supervisor|manager|engineer|guy|man|lady|woman|rep|representative|advisor|adviser"
    r"|specialist|executive|scammer|fraudster|person|gentleman|general|sergeant|captain|inspector|detective|colonel|major)"
)
_STRONG_CUE = (
    r"(?:(?:his|her|their|(?:the\s+)?(?:guy|man|lady|woman|scammer|caller|tech|technician|agent|person|rep|engineer)'?s?)\s+name"
    r"(?:\s+given)?(?:\s+(?:is|was)|\s*:|,?\s+(?:he|she)\s+said|\s+as)?"
    r"|said\s+(?:his|her)\s+name\s+(?:is|was)|name\s+(?:is|was)|named|called\s+(?:him|her)self|calling\s+(?:him|her)self"
    r"|introduced\s+(?:him|her)self\s+as|identified\s+(?:him|her)self\s+as|goes\s+by|(?:by|under)\s+the\s+name(?:\s+of)?"
    r"|(?:gave|give|gives|giving)\s+(?:his|her|their)\s+name\s+as|the\s+name)"
)
_OPEN = r"[\s,:]*[('\"‘“]?\s*"
_QUOTE = r"[('\"‘“]\s*"
ALIAS_RE = re.compile(
    r"\b(?i:"
    + _STRONG_CUE
    + r")"
    + _OPEN
    + r"(?:"
    + _HONORIFIC
    + r"\s+)?(?P<strong>"
    + _NAME
    + r"|"
    + _LOWER_NAME
    + r")"
    r"|\b(?i:"
    + _ROLE_NOUN
    + r")(?:\s+(?i:called|named|was|is))?"
    + _OPEN
    + r"(?:"
    + _HONORIFIC
    + r"\s+)?(?P<role>"
    + _NAME
    + r")"
    r"|\b(?i:spoke|talked|talking|chatting|speaking|connected\s+(?:me\s+)?|put\s+(?:me\s+|her\s+|him\s+)?through|transferred\s+(?:me\s+)?"
    r"|passed\s+(?:me\s+)?|(?:an\s+)?(?:online\s+)?relationship)\s*(?i:to|with)\s+(?i:a\s+|an\s+|the\s+|someone\s+called\s+)?"
    r"(?:" + _QUOTE + r"(?P<spoke>" + _NAME + r")|(?P<spoke_bare>" + _NAME + r"))"
    r"|\b(?i:met|meet|meeting)\s+(?:" + _QUOTE + r")?(?P<met_quoted>" + _NAME + r")['\"’”]"
    r"|(?<![\w'])['\"‘“](?P<quoted_role>"
    + _NAME
    + r")['\"’”],?\s+(?i:(?:a|the|senior|certified|level\s+\d|tech|microsoft|apple)\s+)*"
    r"(?i:technician|engineer|agent|supervisor|manager|officer|analyst|lead|specialist|advisor|adviser|representative)\b"
    r"|\b(?i:this\s+is)\s+(?P<intro>" + _NAME + r")(?=\s+(?i:from|with|calling)\b)"
    r"|\b(?i:met)\s+(?P<met>" + _NAME + r")(?=\s+(?i:on|at|through|via|online)\b)"
    r"|(?<![\w.])(?P<hon>" + _HONORIFIC + r")\s+(?P<honname>" + _NAME + r")"
    r"(?=\s*,?\s*(?i:from|of|with|at|calling|claiming|who\s+said|who\s+claimed|said\s+(?:he|she)|the|a|an|on)\b)"
)
# "transferred to 'Mumbai cyber police'": a place or an office, not a person.
_ORG_AFTER = re.compile(
    r"(?i)^['\")]*\s+(?:cyber|police|department|dept|team|office|support|bank|branch|desk|center|centre|services?|bureau|agency"
    r"|authority|ministry|court|customs)\b"
)
_EMPLOYEE_RE = re.compile(
    r"\b(?i:an?)\s+(?P<employee>" + _NAME + r")\s+\((?i:employee|emp|staff|badge|agent)\b"
)
# (?<![\w'])['"‘“](?=[A-Z]) with the lookbehind after the quote, so re skips in C to the next quote.
# The groups that hold a name, in the order they were once looked up in.
_NAME_GROUPS = frozenset(
    (
        "strong",
        "role",
        "spoke",
        "spoke_bare",
        "met_quoted",
        "quoted_role",
        "employee",
        "intro",
        "met",
        "honname",
    )
)
_OPENING_QUOTE = re.compile(r"['\"‘“](?<![\w']['\"‘“])(?=[A-Z])")
# Every employee match holds "(" and one of these words: where there is none, skip the scan.
_EMPLOYEE_GATE = re.compile(r"\((?i:employee|emp|staff|badge|agent)\b")
# Words an alias pattern starts at. "name" and "relationship" also end patterns that start a few
# words earlier ("the guy's name was …", "an online relationship with …"): those are searched back from there.
ALIAS_ANCHORS = (
    "named",
    "called",
    "calling",
    "introduced",
    "identified",
    "goes",
    "spoke",
    "talked",
    "talking",
    "chatting",
    "speaking",
    "connected",
    "put",
    "transferred",
    "passed",
    "met",
    "meet",
    "meeting",
    "this",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "technician",
    "tech",
    "agent",
    "officer",
    "supervisor",
    "manager",
    "engineer",
    "guy",
    "man",
    "lady",
    "woman",
    "rep",
    "representative",
    "advisor",
    "adviser",
    "specialist",
    "executive",
    "scammer",
    "fraudster",
    "person",
    "gentleman",
    "general",
    "sergeant",
    "captain",
    "inspector",
    "detective",
    "colonel",
    "major",
)
ALIAS_BACK_ANCHORS = ("name", "relationship")
_BACK_START = re.compile(
    r"(?i)\b(?:the|his|her|their|said|by|under|gave|give|gives|giving|an|online|guy|man|lady|woman|scammer|caller|tech|technician|agent|person|rep|engineer|name|relationship)\b"
)
_NOT_ALIAS_BEFORE = re.compile(
    r"(?i)\b(?:company|business|account|beneficiary|merchant|website|site|app|file|program|software|store|shop|bank|payee)'?s?\s*$"
)
_NOT_NAME = frozenset(
    """the a an he she they it i you we me him her them his hers their this that there here from and or but said then
    called calling asked told was is were are be been had has have did do does will would could should said saying
    id tech technician support security team department help desk center centre service services customer care officer
    agent sir madam senior level engineer manager supervisor bank fraud scam scammer police victim client caller who
    what when where which while with without about after before again also just only not no yes ok okay my your our
    indian british american canadian australian english hindi accent voice guy man lady woman person someone somebody
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december windows microsoft apple amazon norton mcafee geek squad paypal google
    anydesk teamviewer ultraviewer office online desktop laptop computer pc mac phone number call email screen popup
    on at in to of for by as up down out over into onto via per let got get gave take took went go going come came
    kept keep started start tried try wanted want needed need some any all every each one two three several another
    other from mrs mr ms miss dr general given answered replied picked took came introduced explained insisted spoke
    talked stated claimed wanted needed made showed connected installed charged transferred later since who whom
    sent hung put kept seemed sounded assist zoho anydesk teamviewer logmein screenconnect ultraviewer rustdesk""".split()
)


_ORG_WORDS = frozenset(
    "bureau agency authority ministry court customs police department dept team office support bank branch desk center"
    " centre service services control security unit cell division commission council".split()
)
_TITLE_WORDS = frozenset(
    "mr mrs ms miss dr sir officer agent technician tech supervisor sergeant sgt general gen captain capt inspector detective"
    " colonel col major maj lieutenant lt madam senior".split()
)


class AliasFinder:
    def __init__(self) -> None:
        self._brand_words = frozenset(
            w for _, phrases in BRANDS.values() for p in phrases for w in p.split() if "|" not in w
        )

    def hits(self, text: str, scan: Scan | None = None) -> list[Hit]:
        hits: list[Hit] = []
        if scan is None:
            scan = Vocabulary(
                {"alias_anchor": {"x": ALIAS_ANCHORS, "back": ALIAS_BACK_ANCHORS}}
            ).scan(text)
        if scan.shouting:
            text = text.title()  # SHOUTED narratives: names become findable, offsets stay
        # The pattern is tried only where it can start: at a cue word, an opening quote, "(employee".
        anchors = scan.of("alias_anchor")
        starts = {f.start for f in anchors if f.label == "x"}
        for f in anchors:
            if f.label == "back":
                starts.update(
                    m.start() for m in _BACK_START.finditer(text, max(0, f.start - 24), f.end)
                )
        if "'" in text or '"' in text or "‘" in text or "“" in text:
            starts.update(m.start() for m in _OPENING_QUOTE.finditer(text))
        positions = sorted(starts)
        matches: list[re.Match[str]] = []
        covered = -1
        for pos in positions:
            if pos < covered:
                continue
            m = ALIAS_RE.match(text, pos)
            if m is not None:
                matches.append(m)
                covered = m.end()
        if "(" in text and _EMPLOYEE_GATE.search(text) is not None:
            matches.extend(_EMPLOYEE_RE.finditer(text))
        for m in matches:
            # One alternative matched; its name group (never empty) is the last group it closed.
            group = m.lastgroup
            if group not in _NAME_GROUPS:
                continue
            raw = m.group(group)
            if group == "honname" and _victim_before(text, m.start()):
                continue
            if group == "strong" and (
                _victim_name_cue(text, m.start())
                or _NOT_ALIAS_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
            ):
                continue
            if group == "spoke_bare" and m.group(group).lower() in self._brand_words:
                continue
            if _ORG_AFTER.match(text[m.end(group) : m.end(group) + 24]):
                continue
            name = self.clean_name(raw)
            if name:
                hits.append(Hit(Kind.ALIAS, name, "narrative", (m.start(group), m.end(group))))
        return hits

    def clean_name(self, raw: str) -> str | None:
        words: list[str] = []
        parts = raw.split()
        if not _ORG_WORDS.isdisjoint(map(str.lower, parts)):
            return None
        for word in parts:
            low = word.lower().rstrip(".")
            if not words and low in _TITLE_WORDS:
                continue
            if low in _NOT_NAME or low in self._brand_words:
                break
            words.append(word)
        if not words:
            return None
        return " ".join(w[:1].upper() + w[1:].lower() for w in words)


_VICTIM_BEFORE = re.compile(
    r"(?i)\b(?:my|our)\s+(?:\w+\s+)?$|\bbehalf of\s+(?:\w+\s+){0,2}$|name is\s+$|\bdear\s+$"
)


def _victim_before(text: str, start: int) -> bool:
    return _VICTIM_BEFORE.search(text[max(0, start - 30) : start]) is not None


_MY_BEFORE = re.compile(r"(?i)\bmy\s+$")


def _victim_name_cue(text: str, start: int) -> bool:
    return _MY_BEFORE.search(text[max(0, start - 4) : start]) is not None
