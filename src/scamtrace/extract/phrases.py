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
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate, chain, compress, product, repeat
from operator import add
from typing import Any, cast

import ahocorasick

TOKEN_RE = re.compile(r"[a-z0-9]+")

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


# Every byte but [a-z0-9] becomes a space; non-ASCII characters were already "?" (one byte each).
_KEEP = b"abcdefghijklmnopqrstuvwxyz0123456789"
_TO_SPACE = bytes(c if c in _KEEP else 32 for c in range(256))
_ONES = repeat(1)


class Tokens:
    """Lower-cased word tokens (``[a-z0-9]+`` runs) of a text, with their character offsets.

    Encoding to ASCII (one "?" per other character, so offsets stay), translating every
    separator to a space and splitting on single spaces keeps every loop in C; a per-token
    Python loop would cost more than the rest of the scan.
    """

    __slots__ = ("_ends", "_parts", "words")

    def __init__(self, parts: list[str]) -> None:
        # The text split at every separator character: words, and "" between two separators.
        self._parts = parts
        self.words: list[str] = list(filter(None, parts))
        self._ends: list[int] | None = None

    @classmethod
    def of(cls, text: str) -> Tokens:
        lower = text.lower()
        if len(lower) != len(text):  # "İ" lower-cases to two characters: keep offsets aligned
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        return cls(lower.encode("ascii", "replace").translate(_TO_SPACE).decode("ascii").split(" "))

    def span(self, index: int) -> tuple[int, int]:
        """Character offsets of word ``index``."""
        end = self.ends()[index]
        return end - len(self.words[index]), end

    def ends(self) -> list[int]:
        """End offset of every word, computed once (a word starts at its end minus its length)."""
        if self._ends is None:
            parts = self._parts
            # Part j ends at len(parts[0]) + 1 + ... + len(parts[j]) - 1 (one separator between parts).
            self._ends = list(
                compress(
                    accumulate(map(add, map(len, parts), _ONES), initial=-1), chain(("",), parts)
                )
            )
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


# Words are encoded as two characters each (a bucket, then a place in it), so that a phrase is a
# short string and one Aho–Corasick automaton (C, ``pyahocorasick``) finds every phrase in one
# pass. The automaton looks a character up among a node's children one by one: two characters
# from small alphabets keep every node's children few, where one character per word would give
# the root hundreds. Bucket and place characters come from disjoint ranges, so a key can only
# start at a word.
_WIDTH = 40
_BUCKET_BASE = 0x4E00
_PLACE_BASE = _BUCKET_BASE + 0x100
_OTHER = "  "  # any word that no phrase names


def _code(number: int) -> str:
    return chr(_BUCKET_BASE + number // _WIDTH) + chr(_PLACE_BASE + number % _WIDTH)


# A phrase's literal words before its first wildcard become automaton keys, one per combination
# of alternatives; past this many combinations the later words are checked in Python instead.
_MAX_KEYS_PER_PATTERN = 512
_SPACES = repeat(_OTHER)


_Rest = tuple[tuple[int, _Element], ...]
# (order, label, size, elements to check, offset and words of the first literal one to check)
_Entry = tuple[int, Hashable, int, _Rest, int, frozenset[str] | None]


class PhraseMatcher:
    """Every phrase of a table found in one pass over the words, in the order of the word-by-word walk.

    Matches come out ordered by first word, then single-word phrases, then phrases with a
    literal second word, then phrases with a wildcard second word, each group in table order.
    Labels may be any hashable value.
    """

    def __init__(self, table: Mapping[Any, Iterable[str]]) -> None:
        codes: dict[str, str] = {}
        keyed: dict[str, tuple[int, list[_Entry]]] = {}  # key -> (key length - 1, entries)
        number = 0
        for label, phrases in table.items():
            for phrase in phrases:
                pattern = tuple(_element(word) for word in phrase.lower().split())
                head = pattern[0] if pattern else None
                if not isinstance(head, frozenset):
                    raise ValueError(f"phrase must start with a word: {phrase!r}")
                size = len(pattern)
                rank = 0 if size == 1 else 1 if isinstance(pattern[1], frozenset) else 2
                literal = 1
                combinations = len(head)
                while literal < size:
                    element = pattern[literal]
                    if not isinstance(element, frozenset):
                        break
                    if combinations * len(element) > _MAX_KEYS_PER_PATTERN:
                        break
                    combinations *= len(element)
                    literal += 1
                rest = tuple((k, pattern[k]) for k in range(literal, size))
                # The first literal element left to check ("my ~ phone": "phone" two words on)
                # turns most candidates down with one set look-up.
                first_k, first_set = next(
                    ((k, e) for k, e in rest if isinstance(e, frozenset)), (0, None)
                )
                # Sorting by (first word, order) gives the word-by-word walk's order.
                entry = ((rank << 20) | number, label, size, rest, first_k, first_set)
                # The first ``literal`` elements are word sets (checked above).
                for words in product(*cast("tuple[frozenset[str], ...]", pattern[:literal])):
                    key = "".join(codes.setdefault(word, _code(len(codes))) for word in words)
                    keyed.setdefault(key, (len(key) - 1, []))[1].append(entry)
                number += 1
        self._codes = codes
        self._automaton: ahocorasick.Automaton | None = None
        if keyed:
            automaton = ahocorasick.Automaton()
            for key, (back, entries) in keyed.items():
                automaton.add_word(key, (back, tuple(entries)))
            automaton.make_automaton()
            self._automaton = automaton

    def scan(self, tokens: Tokens) -> list[Match]:
        return [Match(label, i, end) for label, i, end in self.scan_raw(tokens)]

    def scan_sorted(self, words: list[str]) -> list[tuple[int, int, Any, int]]:
        """(first token, order, label, one past the last token) of every phrase found, sorted."""
        automaton = self._automaton
        if automaton is None or not words:
            return []
        found: list[tuple[int, int, Any, int]] = []
        append = found.append
        n = len(words)
        for last, (back, entries) in automaton.iter("".join(map(self._codes.get, words, _SPACES))):
            i = (last - back) >> 1
            for order, label, size, rest, first_k, first_set in entries:
                if rest:
                    if first_set is not None:
                        j = i + first_k
                        if j >= n or words[j] not in first_set:
                            continue
                    if not _rest_ok(words, i, i + size, rest):
                        continue
                append((i, order, label, i + size))
        found.sort()
        return found

    def scan_raw(self, tokens: Tokens) -> list[tuple[Any, int, int]]:
        """(label, first token, one past the last token) of every phrase found."""
        return [(label, i, end) for i, _, label, end in self.scan_sorted(tokens.words)]

    def labels(self, tokens: Tokens) -> set[Any]:
        return {label for _, _, label, _ in self.scan_sorted(tokens.words)}


def _rest_ok(words: list[str], i: int, end: int, rest: _Rest) -> bool:
    """Do the words after the automaton's key fit the rest of the pattern?"""
    if end > len(words):
        return False
    for k, element in rest:
        if element is ANY:
            continue
        w = words[i + k]
        if element is NOT_FILLER:
            if w in FILLERS:
                return False
        elif w not in element:  # type: ignore[operator]
            return False
    return True
