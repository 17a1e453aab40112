"""Find many short phrases in one pass over word tokens.

One compiled alternation of hundreds of phrases costs Python's ``re`` a try
per phrase per position; a dictionary keyed by the first two words costs one
or two look-ups per word. A phrase is written ``"windows defender"``; a word
may list alternatives (``"computer is|was blocked|locked"``), ``*`` stands for
any one word and ``~`` for any one word that is not a filler ("the", "a",
"screen" …, see :data:`FILLERS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate

TOKEN_RE = re.compile(r"[a-z0-9]+")
_SPLIT_RE = re.compile(r"([^a-z0-9]+)")

# What "~" may not stand for: words that end a possessive phrase ("my screen
# with number …" is not the victim's number).
FILLERS = frozenset(
    "screen computer laptop pc browser tablet ipad desktop with and but the a an to from of for on in at by is was".split()
)


class _Any:
    """Pattern element matching any word."""


class _NotFiller:
    """Pattern element matching any word outside :data:`FILLERS`."""


ANY = _Any()
NOT_FILLER = _NotFiller()
_Element = frozenset[str] | _Any | _NotFiller
_Pattern = tuple[_Element, ...]


class Tokens:
    """Lower-cased word tokens of a text, with their character offsets.

    Splitting on the separators and summing lengths keeps both loops in C; a
    per-token Python loop would cost more than the rest of the scan.
    """

    __slots__ = ("_ends", "_first", "_parts", "words")

    def __init__(self, parts: list[str]) -> None:
        self._parts = parts
        self._first = 0 if parts and parts[0] else 2
        words = parts[self._first :: 2]
        if words and not words[-1]:
            words.pop()
        self.words = words
        self._ends: list[int] | None = None

    @classmethod
    def of(cls, text: str) -> Tokens:
        lower = text.lower()
        if len(lower) != len(text):  # "İ" lower-cases to two characters: keep offsets aligned
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        return cls(_SPLIT_RE.split(lower))

    def span(self, index: int) -> tuple[int, int]:
        """Character offsets of word ``index``."""
        end = self.ends()[index]
        return end - len(self.words[index]), end

    def ends(self) -> list[int]:
        """End offset of every word, computed once (a word starts at its end minus its length)."""
        if self._ends is None:
            self._ends = list(accumulate(map(len, self._parts)))[self._first :: 2][
                : len(self.words)
            ]
        return self._ends

    def offsets(self) -> tuple[list[int], list[int]]:
        """Start and end offsets of every word."""
        ends = self.ends()
        return [e - len(w) for e, w in zip(ends, self.words, strict=True)], ends


@dataclass(frozen=True, slots=True)
class Match:
    label: str
    first: int  # index of the first token
    last: int  # index one past the last token


def _element(word: str) -> _Element:
    if word == "*":
        return ANY
    if word == "~":
        return NOT_FILLER
    return frozenset(word.split("|"))


class PhraseMatcher:
    def __init__(self, table: Mapping[str, Iterable[str]]) -> None:
        # first word -> second word ("" for one-word phrases, None for a wildcard) -> patterns
        index: dict[str, dict[str | None, list[tuple[_Pattern, str]]]] = {}
        for label, phrases in table.items():
            for phrase in phrases:
                pattern = tuple(_element(word) for word in phrase.lower().split())
                head = pattern[0] if pattern else None
                if not isinstance(head, frozenset):
                    raise ValueError(f"phrase must start with a word: {phrase!r}")
                second = pattern[1] if len(pattern) > 1 else None
                keys: Iterable[str | None]
                if len(pattern) == 1:
                    keys = ("",)
                elif isinstance(second, frozenset):
                    keys = second
                else:
                    keys = (None,)
                for word in head:
                    by_second = index.setdefault(word, {})
                    for key in keys:
                        by_second.setdefault(key, []).append((pattern, label))
        self._index = index

    def scan(self, tokens: Tokens) -> list[Match]:
        return [Match(label, i, end) for label, i, end in self.scan_raw(tokens)]

    def scan_raw(self, tokens: Tokens) -> list[tuple[str, int, int]]:
        """(label, first token, one past the last token) of every phrase found; the hot loop."""
        words = tokens.words
        n = len(words)
        index = self._index
        found: list[tuple[str, int, int]] = []
        append = found.append
        # Most words start no phrase: find the few that do with one cheap comprehension.
        for i in [i for i, word in enumerate(words) if word in index]:
            by_second = index[words[i]]
            single = by_second.get("")
            if single:
                for _, label in single:
                    append((label, i, i + 1))
            if i + 1 >= n:
                continue
            nxt = words[i + 1]
            for candidates in (by_second.get(nxt), by_second.get(None)):
                if not candidates:
                    continue
                for pattern, label in candidates:
                    size = len(pattern)
                    if i + size > n:
                        continue
                    if size > 2:
                        ok = True
                        for k in range(2, size):
                            element = pattern[k]
                            if element is ANY:
                                continue
                            w = words[i + k]
                            if element is NOT_FILLER:
                                if w in FILLERS:
                                    ok = False
                                    break
                            elif w not in element:  # type: ignore[operator]
                                ok = False
                                break
                        if not ok:
                            continue
                    if pattern[1] is NOT_FILLER and nxt in FILLERS:
                        continue
                    append((label, i, i + size))
        return found

    def labels(self, tokens: Tokens) -> set[str]:
        return {label for label, _, _ in self.scan_raw(tokens)}
