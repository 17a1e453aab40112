"""Remote-access tools (facts) and the IDs victims read out or find in logs.

Tool names come from the MISP galaxy of remote-monitoring tools. An ID is a
9- or 10-digit number written near the name of a tool that has persistent IDs
(AnyDesk, TeamViewer, UltraViewer …); a 10-digit number grouped like a phone
(3-3-4) is only an ID when "ID"/"address" is written right before it.
Quick Assist and LogMeIn codes are one-off and never become indicators.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from scamtrace.domain.indicator import Kind
from scamtrace.extract.email_ip import Dotless
from scamtrace.extract.hits import Hit
from scamtrace.extract.phones import is_phone
from scamtrace.extract.phrases import PhraseMatcher, Tokens
from scamtrace.extract.refdata import RefData
from scamtrace.extract.scan import Scan

_new = tuple.__new__

# Tools whose IDs are stable for a machine, so an ID can tie reports together.
ID_TOOLS = frozenset(
    {
        "anydesk",
        "teamviewer",
        "ultraviewer",
        "rustdesk",
        "supremo",
        "aeroadmin",
        "anyviewer",
        "hoptodesk",
        "ammyyadmin",
    }
)
# As written: ([0-9]{1,4}(?:[ \-]?[0-9]{3}){2,3})(?![\w]|[.\-]\d). After its first digit an ID has
# six more at least, each after at most one separator: the look-ahead drops shorter runs at once.
ID_RE = re.compile(
    r"([0-9](?=(?:[ \-]?[0-9]){6})[0-9]{0,3}(?:[ \-]?[0-9]{3}){2,3})(?![\w]|[.\-]\d)"
)
_NOT_BEFORE_ID = frozenset("+$£€₹.-/_")
_ID_WORD = re.compile(
    r"\b(?:id|address|addr|code|codes|number|numbers|no|desk|#)\s*(?:is|was|were|:|-|of)?[\s,:(]*$",
    re.IGNORECASE,
)
_PHONE_WORD = re.compile(
    r"\b(?:call(?:ed|ing)?|phone[ds]?|dial(?:l?ed)?|toll|mobile|cell|whatsapp|text(?:ed)?|rang|ring)\b",
    re.IGNORECASE,
)
_MORE_DIGITS = re.compile(r"[ \-]?\d")
_ID_SEPARATOR = re.compile(r"[ \-]")
_WINDOW_BEFORE = 160
_WINDOW_AFTER = (
    15  # "812 345 678 (AnyDesk)"; a tool named in the next sentence is not this number's
)


class ToolMention(NamedTuple):
    tool: str
    start: int
    end: int


class RemoteFinder:
    def __init__(self, ref: RefData) -> None:
        table: dict[str, list[str]] = {}
        for tool, names in ref.tools.items():
            table[tool] = list(names)
        self._table = table
        self._matcher = PhraseMatcher(table)
        self._aliases = {name: tool for tool, names in ref.tools.items() for name in names}
        self._canonical: dict[str, str | None] = {}

    def canonical_tool(self, name: str) -> str | None:
        if name in self._canonical:
            return self._canonical[name]
        key = " ".join(re.findall(r"[a-z0-9]+", name.lower()))
        if key in self._aliases:
            tool: str | None = self._aliases[key]
        else:
            found = self._matcher.scan(Tokens.of(name))
            tool = found[0].label if found else None
        if len(self._canonical) > 4096:  # tool names are few; bounded all the same
            self._canonical.clear()
        self._canonical[name] = tool
        return tool

    def table(self) -> dict[str, list[str]]:
        """Tool names for the shared :class:`~scamtrace.extract.scan.Vocabulary`."""
        return self._table

    @staticmethod
    def mentions(scan: Scan) -> list[ToolMention]:
        return [_new(ToolMention, (f.label, f.start, f.end)) for f in scan.of("tool")]

    @staticmethod
    def may_find_ids(mentions: list[ToolMention]) -> bool:
        """Does any mention name a tool with persistent IDs (else :meth:`find_ids` finds none)?"""
        return any(m.tool in ID_TOOLS for m in mentions)

    def find_ids(
        self, text: str, mentions: list[ToolMention], region: str = "US", field: str = "narrative"
    ) -> list[Hit]:
        id_mentions = [m for m in mentions if m.tool in ID_TOOLS]
        if not id_mentions:
            return []
        hits: list[Hit] = []
        for m in ID_RE.finditer(text):
            at = m.start()
            if at and (
                text[at - 1] in _NOT_BEFORE_ID
                or text[at - 1].isalnum()
                or (at > 1 and text[at - 2].isdigit() and text[at - 1] in " -")
            ):
                continue  # inside a longer number or a word, as the lookbehind in a slower pattern would say
            if _MORE_DIGITS.match(text, m.end()):
                continue  # the start of a longer number ("0044 808 701 2756")
            raw = m.group(1)
            digits = raw.replace(" ", "").replace("-", "")  # the group holds digits, " " and "-"
            if len(digits) not in (9, 10):
                continue
            groups = _ID_SEPARATOR.split(raw)
            before = text[max(0, m.start() - 24) : m.start()]
            id_word = _ID_WORD.search(before) is not None
            if (
                len(digits) == 10
                and not id_word
                and [len(g) for g in groups] != [1, 3, 3, 3]
                and is_phone(digits, region)
            ):
                continue  # 3-3-4 or unbroken and dialable: a phone until something says otherwise
            tool = _nearest_tool(text, id_mentions, m.start(), m.end())
            if tool is None:
                continue
            hits.append(Hit(Kind.REMOTE_ID, f"{tool}:{digits}", field, m.span()))
        return hits

    @staticmethod
    def alias_hits(dotless: list[Dotless], field: str = "narrative") -> list[Hit]:
        return [
            Hit(Kind.REMOTE_ID, f"anydesk:{d.local.lower()}@ad", field, d.span)
            for d in dotless
            if d.handle.lower() == "ad"
        ]


def _nearest_tool(text: str, mentions: list[ToolMention], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for mention in mentions:
        if mention.end <= start:
            gap = start - mention.end
            if gap > _WINDOW_BEFORE:
                continue
            between = text[mention.end : start]
            if "\n\n" in between or _PHONE_WORD.search(between[-40:]):
                continue
        elif mention.start >= end:
            gap = mention.start - end
            between = text[end : mention.start]
            if gap > _WINDOW_AFTER or "\n" in between or ". " in between:
                continue
            gap += 40  # a tool named after the number binds less tightly
        else:
            continue
        if best is None or gap < best[0]:
            best = (gap, mention.tool)
    return best[1] if best else None
