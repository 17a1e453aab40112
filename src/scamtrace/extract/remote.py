"""Remote-access tools (facts) and the IDs victims read out or find in logs.

Tool names come from the MISP galaxy of remote-monitoring tools. An ID is a
9- or 10-digit number written near the name of a tool that has persistent IDs
(AnyDesk, TeamViewer, UltraViewer …); a 10-digit number grouped like a phone
(3-3-4) is only an ID when "ID"/"address" is written right before it.
Quick Assist and LogMeIn codes are one-off and never become indicators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scamtrace.domain.indicator import Kind
from scamtrace.extract.email_ip import Dotless
from scamtrace.extract.hits import Hit
from scamtrace.extract.phones import is_phone
from scamtrace.extract.phrases import PhraseMatcher, Tokens
from scamtrace.extract.refdata import RefData
from scamtrace.extract.scan import Scan

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
ID_RE = re.compile(r"([0-9]{1,4}(?:[ \-]?[0-9]{3}){2,3})(?![\w]|[.\-]\d)")
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
_WINDOW_BEFORE = 160
_WINDOW_AFTER = (
    15  # "812 345 678 (AnyDesk)"; a tool named in the next sentence is not this number's
)


@dataclass(frozen=True, slots=True)
class ToolMention:
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

    def canonical_tool(self, name: str) -> str | None:
        key = " ".join(re.findall(r"[a-z0-9]+", name.lower()))
        if key in self._aliases:
            return self._aliases[key]
        tokens = Tokens.of(name)
        found = self._matcher.scan(tokens)
        return found[0].label if found else None

    def table(self) -> dict[str, list[str]]:
        """Tool names for the shared :class:`~scamtrace.extract.scan.Vocabulary`."""
        return self._table

    @staticmethod
    def mentions(scan: Scan) -> list[ToolMention]:
        return [ToolMention(f.label, f.start, f.end) for f in scan.of("tool")]

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
            digits = re.sub(r"\D", "", raw)
            if len(digits) not in (9, 10):
                continue
            groups = re.split(r"[ \-]", raw)
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
