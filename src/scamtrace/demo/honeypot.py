"""Robocall recordings caught by honeypot lines, as speech-to-text transcripts.

One campaign plays one recording to thousands of numbers; every honeypot line
that answers yields a transcript of the same audio with different
recognition errors. A near-duplicate detector should fold them; a linker
should see one callback number and one operation behind them.
"""

from __future__ import annotations

import random

# Recordings by campaign theme. {brand}, {amount}, {number} (spoken digits).
SCRIPTS: dict[str, tuple[str, ...]] = {
    "tech_support": (
        "this is an automated message from {brand} your {brand} license has expired and your computer is at risk of "
        "being hacked to renew your license and protect your computer please call our technical department at {number} "
        "again that is {number} thank you",
        "hello this call is from the {brand} security department we have detected suspicious activity on your computer "
        "and your IP address has been compromised please call us back immediately at {number} to avoid suspension of "
        "your internet service",
        "this is to inform you that a charge of {amount} for an {brand} order has been placed on your account if you did "
        "not authorize this purchase please press one or call our fraud department at {number}",
        "your {brand} subscription will be renewed today for {amount} if you wish to cancel the subscription and get a "
        "refund please call {number} our customer support is available 24 hours",
    ),
    "government_impersonation": (
        "this is officer {alias} from the social security administration your social security number has been suspended "
        "due to suspicious activity to speak with an officer call {number} immediately or a warrant will be issued",
        "this is the internal revenue service a lawsuit has been filed against you for tax evasion to resolve this "
        "matter before legal action please call {number} do not ignore this message",
    ),
}

_MISHEARD: tuple[tuple[str, str], ...] = (
    ("microsoft", "micro soft"),
    ("license", "licence"),
    ("technical", "tactical"),
    ("suspicious", "suspicions"),
    ("authorize", "author eyes"),
    ("immediately", "immediate lee"),
    ("subscription", "subscriptions"),
    ("department", "apartment"),
    ("compromised", "compromise"),
    ("security", "secure it"),
    ("warrant", "warren"),
)


def transcribe(rng: random.Random, recording: str) -> str:
    """One noisy speech-to-text rendering of a recording.

    The ``{number}`` slot is left for the caller to fill with one of the ways
    recognisers write digits; words around it get dropped, misheard or marked
    inaudible.
    """
    words = recording.split(" ")
    out: list[str] = []
    for w in words:
        if "{" in w:
            out.append(w)  # the number slot, filled after transcription
            continue
        roll = rng.random()
        if roll < 0.03:
            continue  # dropped word
        if roll < 0.05:
            out.append("[inaudible]")
            continue
        out.append(w)
    text = " ".join(out)
    for right, wrong in _MISHEARD:
        if right in text and rng.random() < 0.25:
            text = text.replace(right, wrong, 1)
    if rng.random() < 0.5:
        text = text[0].upper() + text[1:]
    return text


def number_as_heard(rng: random.Random, national: str) -> str:
    """A NANP number as different speech-to-text engines write it."""
    a, b, c = national[:3], national[3:6], national[6:]
    return rng.choice((
        f"1-{a}-{b}-{c}", f"1 {a} {b} {c}", " ".join("1" + national), f"1{national}", f"{a}-{b}-{c}",
        f"1 {' '.join(a)} {b} {c}",
    ))  # fmt: skip
