"""The fast paths give what the plain forms they replace gave: patterns, tokens, phrase order, clauses."""

from __future__ import annotations

import re
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from scamtrace.domain.indicator import Kind, Role
from scamtrace.extract.brands import _AS_WRITTEN, _LOWERED
from scamtrace.extract.fastre import case_safe, keyword_alternation, safe_lower
from scamtrace.extract.phrases import ANY, FILLERS, NOT_FILLER, PhraseMatcher, Tokens, _element
from scamtrace.extract.roles import _ABBREVIATIONS, clause_start, left_clause
from tests.extract.helpers import extractor

# -- keyword alternations ---------------------------------------------------------------------

_WORDS = ["call", "caller", "called", "card", "cards", "case", "no", "nos", "number", "ac", "acct"]
_ALTERNATIVES = [
    "call(?:ed|s)?",
    "caller ?id",
    "card",
    "cards?",
    "case",
    "no",
    "nos?",
    "numbers?",
    "ac",
    "acct",
]


@given(
    st.lists(st.sampled_from([*_WORDS, " ", "  ", ",", ".", "x", "_", "1", "é", "\n"]), max_size=12)
)
def test_keyword_alternation_matches_the_plain_alternation(parts: list[str]) -> None:
    text = "".join(parts)
    plain = re.compile(
        r"\b(?:(" + "|".join(_ALTERNATIVES[:5]) + ")|(" + "|".join(_ALTERNATIVES[5:]) + r"))\b"
    )
    pattern, kinds = keyword_alternation(((_ALTERNATIVES[:5], ""), (_ALTERNATIVES[5:], "")))
    fast = re.compile(pattern + r"\b")
    expected = [(m.span(), m.group(2) is not None) for m in plain.finditer(text)]
    got = [(m.span(), kinds[(m.lastindex or 0) - 1] == 1) for m in fast.finditer(text)]
    assert got == expected


# -- lower-cased text with case-sensitive patterns --------------------------------------------

_BRAND_CONTEXT = st.lists(
    st.sampled_from(
        [
            *"said he was from claim pretend posing as fake this is works for on behalf of my our "
            "his bank account log into via using real official called rang the hear back laptop app "
            "support team line İ ı ſ K , ' ( . \n".split(" "),
            " ",
            "  ",
        ]
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=300)
@given(_BRAND_CONTEXT)
def test_lowered_brand_patterns_match_as_written(text: str) -> None:
    low = safe_lower(text)
    assert (low is not None) == case_safe(text)
    for variant in (text, text.upper(), text.title()):
        low = safe_lower(variant)
        if low is None:
            continue  # "İ", "ı", "ſ": the patterns as written are used
        for written, lowered in zip(_AS_WRITTEN, _LOWERED, strict=True):
            for pos in range(len(variant) + 1):
                a, b = written.search(variant, pos), lowered.search(low, pos)
                assert (a and a.span()) == (b and b.span()), (written.pattern[:40], variant, pos)


# -- tokens -----------------------------------------------------------------------------------

_SPLIT = re.compile(r"([^a-z0-9]+)")


def _tokens_by_regex(text: str) -> tuple[list[str], list[int]]:
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    parts = _SPLIT.split(lower)
    first = 0 if parts and parts[0] else 2
    words = parts[first::2]
    if words and not words[-1]:
        words.pop()
    return words, list(accumulate(map(len, parts)))[first::2][: len(words)]


@given(st.text(alphabet=st.sampled_from(list("abXY09 ,.-\n\tİKſéüΣ\u200b_")), max_size=40))
def test_tokens_are_the_regex_tokens(text: str) -> None:
    tokens = Tokens.of(text)
    assert (tokens.words, tokens.ends()) == _tokens_by_regex(text)


@given(st.text(max_size=60))
def test_tokens_on_any_text(text: str) -> None:
    tokens = Tokens.of(text)
    assert (tokens.words, tokens.ends()) == _tokens_by_regex(text)


# -- phrase matching order --------------------------------------------------------------------

_TABLE = {
    "a": ["my phone", "my ~ phone", "my ~ ~ number", "phone", "my|our own phone|number"],
    "b": ["the real *", "real * number", "phone number", "call me|us at|on"],
    "c": ["my", "number", "is * a real site", "my phone"],
}


def _walk(table: dict[str, list[str]], words: list[str]) -> list[tuple[str, int, int]]:
    """The word-by-word walk the automaton replaced: the order matches must come in."""
    patterns = [
        (label, tuple(_element(w) for w in p.split())) for label, ps in table.items() for p in ps
    ]
    out: list[tuple[str, int, int]] = []
    for i in range(len(words)):
        groups: list[list[tuple[str, int]]] = [[], [], []]
        for label, pattern in patterns:
            size = len(pattern)
            rank = 0 if size == 1 else 1 if isinstance(pattern[1], frozenset) else 2
            if i + size > len(words):
                continue
            ok = True
            for k, element in enumerate(pattern):
                w = words[i + k]
                if element is ANY:
                    continue
                if element is NOT_FILLER:
                    ok = w not in FILLERS
                else:
                    ok = w in element  # type: ignore[operator]
                if not ok:
                    break
            if ok:
                groups[rank].append((label, i + size))
        out.extend((label, i, end) for group in groups for label, end in group)
    return out


@given(
    st.lists(
        st.sampled_from(
            "my our own phone number the real is a site call me us at on x screen".split()
        ),
        max_size=14,
    )
)
def test_phrase_matches_come_in_walk_order(words: list[str]) -> None:
    matcher = PhraseMatcher(_TABLE)
    assert matcher.scan_raw(Tokens.of(" ".join(words))) == _walk(_TABLE, words)


# -- clauses ----------------------------------------------------------------------------------


def _left_clause_reference(text: str, start: int, width: int) -> str:
    left = text[max(0, start - width) : start]
    cut = max(left.rfind("\n"), left.rfind("! "), left.rfind("? "))
    if cut >= 0:
        left = left[cut + 1 :]
    pos = len(left)
    while True:
        dot = left.rfind(". ", 0, pos)
        if dot < 0:
            return left
        word = re.search(r"([\w/.]+)$", left[:dot])
        if word is None or word.group(1).lower() not in _ABBREVIATIONS:
            return left[dot + 2 :]
        pos = dot


@given(
    st.lists(
        st.sampled_from(
            ["no", "No", ". ", "tel", "e.g", "a/c", "Mr", "x", " ", "\n", "! ", "? ", ".", "İ"]
        ),
        max_size=25,
    ).map("".join),
    st.integers(0, 80),
    st.sampled_from([40, 70, 80, 140]),
)
def test_clause_start_is_the_left_clause(text: str, at: int, width: int) -> None:
    start = min(at, len(text))
    expected = _left_clause_reference(text, start, width)
    assert left_clause(text, start, width) == expected
    assert clause_start(text, start, width) == start - len(expected)


# -- remembered structured fields -------------------------------------------------------------


def test_remembered_fields_give_fresh_hits() -> None:
    ex = extractor()
    first = ex.phones.find_field("1-888-503-2291", "US", "caller.phone")
    first[0].flags.add("changed")
    first[0].fix(Role.LEGIT)
    again = ex.phones.find_field("1-888-503-2291", "US", "caller.phone")
    assert [h.value for h in again] == ["+18885032291"]
    assert again[0] is not first[0] and "changed" not in again[0].flags and again[0].role is None
    site = ex._website("hxxps://micros0ft-help[.]com/fix", "websites.0")
    site[0].flags.add("changed")
    assert "changed" not in ex._website("hxxps://micros0ft-help[.]com/fix", "websites.0")[0].flags
    assert {h.kind for h in site} == {Kind.URL, Kind.DOMAIN}
