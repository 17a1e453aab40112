"""One pass over a narrative's words for every vocabulary the families need.

Lures, script phrases, tool names, brand names and the words that open an
alias or a card descriptor are all looked up in a single dictionary walk over
the tokens; each family then reads its own matches instead of scanning again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from scamtrace.extract.phrases import PhraseMatcher, Tokens

_SEP = "\x1f"
_UPPER_RUN = re.compile(r"[A-Z]{3,}")
_LOWER_RUN = re.compile(r"[a-z]{3,}")


class Found(NamedTuple):
    label: str
    start: int  # character offsets in the narrative
    end: int
    first: int  # token indexes
    last: int


@dataclass(frozen=True, slots=True)
class Scan:
    text: str
    tokens: Tokens
    found: dict[str, list[Found]]
    shouting: bool  # written mostly in capitals

    def of(self, family: str) -> list[Found]:
        return self.found.get(family, [])

    def labels(self, family: str) -> set[str]:
        return {f.label for f in self.found.get(family, ())}


def is_shouting(text: str) -> bool:
    """Written mostly in capitals? Judged on the first 300 characters: enough, and cheap."""
    if sum(map(str.islower, text[:40])) > 8:
        return False
    head = text[:300]
    return len(_UPPER_RUN.findall(head)) > 2 * len(_LOWER_RUN.findall(head)) + 2


_new = tuple.__new__


class Vocabulary:
    def __init__(self, families: Mapping[str, Mapping[str, Iterable[str]]]) -> None:
        table: dict[str, list[str]] = {}
        self._split: dict[str, tuple[str, str]] = {}
        for family, labels in families.items():
            for label, phrases in labels.items():
                key = f"{family}{_SEP}{label}"
                table[key] = list(phrases)
                self._split[key] = (family, label)
        self._matcher = PhraseMatcher(table)

    def scan(self, text: str) -> Scan:
        tokens = Tokens.of(text)
        found: dict[str, list[Found]] = {}
        raw = self._matcher.scan_raw(tokens)
        if raw:
            ends = tokens.ends()
            words = tokens.words
            split = self._split
            for key, first, last in raw:
                family, label = split[key]
                bucket = found.get(family)
                if bucket is None:
                    bucket = found[family] = []
                # tuple.__new__ builds the named tuple in C: a third of the cost of calling Found(...).
                bucket.append(
                    _new(
                        Found, (label, ends[first] - len(words[first]), ends[last - 1], first, last)
                    )
                )
        return Scan(text, tokens, found, is_shouting(text))
