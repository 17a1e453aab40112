"""Values placed to catch a naive linker, and the honeypot campaigns.

* Recycled numbers: a toll-free or VOIP number dropped by one centre is
  reassigned to another after at least three months; linking without time
  merges two unrelated operations.
* Hubs: a crypto-ATM operator's pooled deposit address, a payment
  facilitator's generic descriptor (``SQ *ONLINE SVCS``), a payment gateway's
  collect VPA genuinely appear in reports of several unrelated operations.
* Honeypot campaigns: one robocall recording heard by many honeypot lines.

Every trap item is marked ``must_show`` so that at least one report of each
operation involved carries it; otherwise a small world could plant a trap no
report ever shows.
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from scamtrace.demo import banking
from scamtrace.demo.brands import BRAND_NAMES
from scamtrace.demo.clock import WORLD_DAYS
from scamtrace.demo.honeypot import SCRIPTS
from scamtrace.demo.timeline import Item
from scamtrace.demo.world import TSS, Centre

MIN_RECYCLE_GAP = 92  # days; "after a gap of at least three months"


class Quota:
    """Exactly ``wanted`` of the next ``slots`` draws are true, spread evenly.

    Rare traps (a vague report, an AnyDesk log, a netstat "hacker" IP) are
    planned as quotas rather than coin flips, so that a world of a few hundred
    reports still contains each of them.
    """

    __slots__ = ("slots", "wanted")

    def __init__(self, slots: int, wanted: int) -> None:
        self.slots = slots
        self.wanted = min(wanted, slots)

    def draw(self, rng: random.Random) -> bool:
        if self.slots <= 0:
            return False
        hit = rng.random() * self.slots < self.wanted
        self.slots -= 1
        self.wanted -= hit
        return hit


def _days_within(centre: Centre, start: int, end: int) -> int:
    return bisect_right(centre.days, end) - bisect_left(centre.days, start)


def plant_recycled_numbers(rng: random.Random, centres: list[Centre], wanted: int) -> int:
    """Reassign numbers between centres; returns how many were planted."""
    candidates: dict[str, list[tuple[Centre, Item]]] = {}
    for centre in centres:
        if centre.kind != TSS:
            continue
        for name, slot in centre.slots.items():
            if not name.startswith("phone:") or name == "phone:in":
                continue
            for item in slot.items():
                if _days_within(centre, item.start, item.end) >= 2 and not item.note.startswith(
                    "fictitious"
                ):
                    candidates.setdefault(name, []).append((centre, item))
    groups = sorted(candidates)
    planted = 0
    for _ in range(wanted * 200):
        if planted >= wanted or not groups:
            break
        group = rng.choices(groups, [len(candidates[g]) for g in groups])[0]
        (ca, ia), (cb, ib) = rng.choice(candidates[group]), rng.choice(candidates[group])
        if ia.start > ib.start:
            (ca, ia), (cb, ib) = (cb, ib), (ca, ia)
        if ca is cb or ia.trap or ib.trap or ia.end + MIN_RECYCLE_GAP > ib.start:
            continue
        ib.value, ib.data = ia.value, ia.data
        ib.note = ia.note
        for item, owner, other in ((ia, ca, cb), (ib, cb, ca)):
            item.trap = "recycled"
            item.shared_with = [other.id]
            item.must_show = True
            owner.pending.append(item)
        planted += 1
    return planted


def _hub_item(
    kind: str, value: str, data: object, note: str, centre: Centre, others: list[str]
) -> Item:
    item = Item(
        kind,
        value,
        centre.start,
        centre.end,
        data,
        note,
        trap="hub",
        shared_with=others,
        must_show=True,
    )
    centre.pending.append(item)
    return item


def plant_hubs(rng: random.Random, centres: list[Centre]) -> int:
    """Give a few unrelated operations the same hub values; returns hubs planted."""
    planted = 0
    tss = [c for c in centres if c.kind == TSS and c.planned >= 3 and "IN" not in c.targets]
    if len(tss) >= 2:
        wallet = banking.btc_wallet(rng)
        for hub_key, kind, value, data, note in (
            ("btc", "crypto_wallet", f"btc:{wallet}", wallet, banking.HUB_WALLET_OPERATOR),
            (
                "merchant",
                "merchant",
                banking.HUB_MERCHANT,
                ("Square seller", banking.HUB_MERCHANT),
                "payment facilitator descriptor",
            ),
        ):
            chosen = rng.sample(tss, max(2, min(len(tss), 3 + len(tss) // 15)))
            ids = [c.id for c in chosen]
            for centre in chosen:
                centre.hubs[hub_key] = _hub_item(
                    kind, value, data, note, centre, [i for i in ids if i != centre.id]
                )
            planted += 1
    upi_users = [c for c in centres if "upi" in c.slots and c.planned >= 3]
    if len(upi_users) >= 2:
        chosen = rng.sample(upi_users, min(len(upi_users), 3))
        ids = [c.id for c in chosen]
        for centre in chosen:
            centre.hubs["upi"] = _hub_item(
                "upi", banking.HUB_UPI, ("Payment gateway", banking.HUB_UPI), "payment gateway collect VPA",
                centre, [i for i in ids if i != centre.id],
            )  # fmt: skip
        planted += 1
    return planted


@dataclass(slots=True)
class Campaign:
    """One robocall recording, played by one operation, caught by honeypot lines."""

    index: int
    centre: Centre
    number_item: Item
    recording: str
    scam_type: str
    days: list[int]


def _recording(rng: random.Random, centre: Centre) -> tuple[str, str]:
    theme = TSS if centre.kind == TSS else "government_impersonation"
    script = rng.choice(SCRIPTS[theme])
    brand = BRAND_NAMES.get(centre.brands[0], "Microsoft") if centre.brands else "Microsoft"
    alias = rng.choice(centre.aliases).split()[0].lower() if centre.aliases else "james"
    amount = rng.choice(
        (
            "1499 dollars",
            "399 dollars and 99 cents",
            "899 dollars",
            "two hundred ninety nine dollars",
        )
    )
    # {number} stays a slot: each transcript writes the digits its own way.
    text = (
        script.replace("{brand}", brand.lower())
        .replace("{amount}", amount)
        .replace("{alias}", alias)
    )
    return text, theme


def plan_campaigns(rng: random.Random, centres: list[Centre], transcripts: int) -> list[Campaign]:
    if transcripts <= 0:
        return []
    callers = [
        c
        for c in centres
        if "phone:nanp" in c.slots and c.kind in (TSS, "government_impersonation") and len(c.days)
    ]
    if not callers:
        return []
    count = max(1, min(transcripts, round(transcripts / 6)))
    sizes = [transcripts // count + (1 if i < transcripts % count else 0) for i in range(count)]
    campaigns: list[Campaign] = []
    for index, size in enumerate(sizes):
        centre = rng.choices(callers, [c.planned for c in callers])[0]
        day = rng.choice(centre.days)
        item = centre.slots["phone:nanp"].pick(rng, day)
        if item is None:
            continue
        recording, theme = _recording(rng, centre)
        last = min(item.end, WORLD_DAYS - 1)
        days = sorted(min(last, max(item.start, day + rng.randint(0, 3))) for _ in range(size))
        campaigns.append(Campaign(index + 1, centre, item, recording, theme, days))
    return campaigns
