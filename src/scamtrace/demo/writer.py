"""Build a world and stream it to disk.

Everything is drawn from one ``random.Random(seed)`` in a fixed order, so a
seed gives byte-identical files. Incidents are planned per day (two bytes per
incident) and generated day by day, shuffled within the day so that file
order reveals time, as a real export would, but not the operation. Only the
per-day plan and the operations' bookkeeping stay in memory.
"""

from __future__ import annotations

import csv
import json
import random
from array import array
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from scamtrace.demo.centres_file import centre_json
from scamtrace.demo.clock import MINUTES_PER_DAY, WORLD_DAYS, iso_local, offset_minutes
from scamtrace.demo.geography import IN_REGIONS
from scamtrace.demo.groundtruth import Mentions
from scamtrace.demo.honeypot import number_as_heard, transcribe
from scamtrace.demo.incidents import (
    LOG_SHARE,
    NETSTAT_SHARE,
    VAGUE_SHARE,
    Incident,
    Plan,
    genuine_incident,
    ring_incident,
    tss_incident,
)
from scamtrace.demo.infrastructure import Factory, equip
from scamtrace.demo.people import POPULAR_ALIASES
from scamtrace.demo.phones import e164, phone_text, scammer_number
from scamtrace.demo.reports import (
    Ids,
    build_report,
    choose_source,
    choose_voice,
    profile_of,
    received_at,
)
from scamtrace.demo.stories import story
from scamtrace.demo.summary import WorldSummary, size_stats
from scamtrace.demo.traps import Campaign, Quota, plan_campaigns, plant_hubs, plant_recycled_numbers
from scamtrace.demo.web import SHARED_PARENTS, SHORTENERS
from scamtrace.demo.world import TSS, Centre, build_centres, plan_volume

GENUINE = 65535
PROGRESS_EVERY = 5000
_POPULAR = frozenset(POPULAR_ALIASES)
_SHARED_SUFFIXES = (*("." + p for p, _ in SHARED_PARENTS), ".screenconnect.com")
_NCRP_STATE = {r.code: 10 + i for i, r in enumerate(IN_REGIONS)}


class _Emitter:
    """Writes reports, truth and ground-truth indicators; keeps the counts."""

    def __init__(
        self,
        rng: random.Random,
        reports: TextIO,
        truth: TextIO,
        indicators: TextIO,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.rng = rng
        self.reports_out = reports
        self.truth = csv.writer(truth, lineterminator="\n")
        self.indicators = csv.writer(indicators, lineterminator="\n")
        self.truth.writerow(
            ("source", "report_id", "operation_id", "is_tss", "scam_type", "incident_id")
        )
        self.indicators.writerow(("source", "report_id", "kind", "value", "role", "trap", "field"))
        self.progress = progress
        self.ids = Ids()
        self.buffer: list[str] = []
        self.written = 0
        self.incidents = 0
        self.duplicates = 0
        self.by_source: Counter[str] = Counter()
        self.by_channel: Counter[str] = Counter()
        self.by_country: Counter[str] = Counter()
        self.by_type: Counter[str] = Counter()
        self.traps: Counter[str] = Counter()

    def next_incident(self) -> str:
        self.incidents += 1
        return f"inc-{self.incidents:07d}"

    def _write(
        self,
        report: dict[str, Any],
        op: str,
        is_tss: bool,
        scam_type: str,
        incident_id: str,
        m: Mentions,
    ) -> None:
        source, rid = report["source"], report["report_id"]
        self.buffer.append(json.dumps(report, ensure_ascii=False))
        self.truth.writerow((source, rid, op, 1 if is_tss else 0, scam_type, incident_id))
        seen: set[str] = set()
        for kind, value, role, trap, where in m.rows:
            if kind == "alias" and value in _POPULAR:
                trap = "popular_alias"
            elif (
                kind in ("domain", "url")
                and role == "scammer"
                and not trap
                and (
                    value.endswith(_SHARED_SUFFIXES)
                    or any(f"//{s}/" in value or value.startswith(s + "/") for s in SHORTENERS)
                )
            ):
                trap = "shared_platform"
            self.indicators.writerow((source, rid, kind, value, role, trap, where))
            if trap and trap not in seen:
                seen.add(trap)
                self.traps[trap] += 1
        self.by_source[source] += 1
        self.by_type[scam_type] += 1
        self.written += 1
        if len(self.buffer) >= 2000:
            self.flush()
        if self.progress is not None and self.written % PROGRESS_EVERY == 0:
            self.progress(self.written)

    def flush(self) -> None:
        if self.buffer:
            self.reports_out.write("\n".join(self.buffer) + "\n")
            self.buffer.clear()

    def incident(self, inc: Incident, duplicate: bool) -> None:
        rng = self.rng
        sources = [choose_source(rng, inc)]
        if duplicate:
            sources.append(choose_source(rng, inc, exclude=sources[0]))
            self.duplicates += 1
        op = inc.centre.id if inc.centre is not None else ""
        is_tss = inc.scam_type in (TSS, "refund")
        for source in sources:
            voice = choose_voice(rng, source, inc)
            m = Mentions()
            narrative = story(rng, inc, voice, m)
            if source == "partner:microsoft" and not inc.forced and rng.random() < 0.12:
                m = Mentions()  # structured form submitted without a description
                narrative = ""
            received, _ = received_at(rng, inc, source, profile_of(source))
            y, mo, d = int(received[:4]), int(received[5:7]), int(received[8:10])
            rid = self.ids.next(source, (y, mo, d), _NCRP_STATE.get(inc.victim.region.code, 27))
            report = build_report(
                rng, inc, source, rid, received, narrative, m, force_structured=not narrative
            )
            if inc.centre is not None:
                inc.centre.reports += 1
            self.by_channel[inc.channel] += 1
            self.by_country[inc.victim.country] += 1
            if inc.vague:
                self.traps["vague"] += 1
            if duplicate:
                self.traps["duplicate_report"] += 1
            if inc.centre is None:
                self.traps["genuine_complaint"] += 1
            self._write(report, op, is_tss, inc.scam_type, inc.id, m)

    def honeypot(self, campaign: Campaign, day: int) -> None:
        rng = self.rng
        centre = campaign.centre
        local = centre.shift_start + rng.randrange(centre.shift_len)
        utc = (
            day * MINUTES_PER_DAY
            + local
            - offset_minutes(centre.city.utc_hours, centre.city.dst, day)
        )
        uday, umin = divmod(utc, MINUTES_PER_DAY)
        heard = number_as_heard(rng, campaign.number_item.data[1])
        text = transcribe(rng, campaign.recording).replace("{number}", heard)
        m = Mentions()
        m.item(campaign.number_item)
        report: dict[str, Any] = {}
        rday, rmin = divmod(utc + rng.randint(2, 45), MINUTES_PER_DAY)
        report["report_id"] = self.ids.next("honeypot", (0, 0, 0))
        report["source"] = "honeypot"
        report["received_at"] = f"{iso_local(rday, rmin, rng.randrange(60))}+00:00"
        report["incident_at"] = f"{iso_local(uday, umin, rng.randrange(60))}+00:00"
        report["contact"] = {"channel": "phone_call", "direction": "outbound"}
        if rng.random() < 0.5:
            spoofed = scammer_number(rng, "us_voip", set())
            report["caller"] = {
                "phone": phone_text(rng, spoofed, allow_extension=False).replace("\n", " ")
            }
            m.add("phone", e164(spoofed), "unknown", "spoofed_caller_id", "caller.phone")
        report["narrative"] = text
        centre.reports += 1
        self.by_channel["phone_call"] += 1
        self.by_country["none"] += 1
        self.traps["honeypot"] += 1
        self._write(
            report,
            centre.id,
            campaign.scam_type == TSS,
            campaign.scam_type,
            self.next_incident(),
            m,
        )


def _plan(
    rng: random.Random, reports: int
) -> tuple[list[Centre], list[Campaign], list[array[int]], int, int, dict[str, int]]:
    """Operations, their infrastructure and traps, and the per-day event plan."""
    volume = plan_volume(reports)
    centres = build_centres(rng, volume.incidents, reports)
    factory = Factory(rng)
    for centre in centres:
        equip(rng, factory, centre)
    callback_items = sum(
        len(slot.items())
        for c in centres
        if c.kind == TSS
        for name, slot in c.slots.items()
        if name.startswith("phone:")
    )
    wanted = 0 if reports < 100 else max(2, round(0.03 * callback_items))
    traps = {
        "recycled_numbers": plant_recycled_numbers(rng, centres, wanted),
        "hub_values": plant_hubs(rng, centres),
    }
    campaigns = plan_campaigns(rng, centres, volume.honeypot)
    transcripts = sum(len(c.days) for c in campaigns)
    genuine = reports - volume.incidents - volume.duplicates - transcripts
    buckets = [array("H") for _ in range(WORLD_DAYS)]
    for index, centre in enumerate(centres):
        for day in centre.days:
            buckets[day].append(index)
        centre.days = array("H")  # planned days are no longer needed
    for k, campaign in enumerate(campaigns):
        for day in campaign.days:
            buckets[day].append(len(centres) + k)
    for _ in range(genuine):
        buckets[rng.randrange(WORLD_DAYS)].append(GENUINE)
    return centres, campaigns, buckets, volume.incidents, volume.duplicates, traps


def write_world(
    out_dir: Path,
    reports: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
) -> WorldSummary:
    """Write ``reports.jsonl``, ``truth.csv``, ``centres.json``, ``indicators.csv``
    and ``summary.json`` for a world of exactly ``reports`` reports into ``out_dir``.

    ``progress(n)`` is called every 5,000 reports with the number written so far.
    """
    if reports < 1:
        raise ValueError("reports must be at least 1")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    centres, campaigns, buckets, incidents, duplicates, planted = _plan(rng, reports)
    campaign_days: dict[int, int] = {}
    with (
        (out / "reports.jsonl").open("w", encoding="utf-8", newline="\n") as f_reports,
        (out / "truth.csv").open("w", encoding="utf-8", newline="") as f_truth,
        (out / "indicators.csv").open("w", encoding="utf-8", newline="") as f_ind,
    ):
        emitter = _Emitter(rng, f_reports, f_truth, f_ind, progress)
        tss_incidents = sum(c.planned for c in centres if c.kind == TSS)
        floor = 2 if reports >= 200 else 0
        duplicate_q = Quota(incidents, duplicates)
        vague_q = Quota(incidents, max(floor, round(VAGUE_SHARE * incidents)))
        log_q = Quota(tss_incidents, max(floor, round(LOG_SHARE * tss_incidents)))
        netstat_q = Quota(tss_incidents, max(floor, round(NETSTAT_SHARE * tss_incidents)))
        for day in range(WORLD_DAYS):
            codes = list(buckets[day])
            buckets[day] = array("H")
            rng.shuffle(codes)
            for code in codes:
                if code == GENUINE:
                    emitter.incident(genuine_incident(rng, day, emitter.next_incident()), False)
                elif code >= len(centres):
                    k = code - len(centres)
                    campaign_days[k] = campaign_days.get(k, 0) + 1
                    emitter.honeypot(campaigns[k], day)
                else:
                    centre = centres[code]
                    incident_id = emitter.next_incident()
                    if centre.kind == TSS:
                        plan = Plan(vague_q.draw(rng), log_q.draw(rng), netstat_q.draw(rng))
                        inc = tss_incident(rng, centre, day, incident_id, plan)
                    else:
                        inc = ring_incident(rng, centre, day, incident_id, Plan(vague_q.draw(rng)))
                    centre.incidents += 1
                    _book_losses(inc)
                    # Exactly ``duplicates`` incidents reach two channels, spread evenly.
                    emitter.incident(inc, duplicate_q.draw(rng))
        emitter.flush()
    summary = _summary(seed, emitter, centres, planted)
    _write_json(out / "centres.json", [centre_json(c) for c in centres])
    _write_json(out / "summary.json", summary.as_dict())
    return summary


def _book_losses(inc: Incident) -> None:
    if inc.centre is None:
        return
    for pay in inc.payments:
        inc.centre.losses[pay.currency] = round(
            inc.centre.losses.get(pay.currency, 0.0) + pay.amount, 2
        )


def _summary(
    seed: int, e: _Emitter, centres: list[Centre], planted: dict[str, int]
) -> WorldSummary:
    tss_reports = e.by_type["tech_support"] + e.by_type["refund"]
    traps = dict(e.traps)
    traps.update(planted)
    return WorldSummary(
        seed=seed,
        reports=e.written,
        incidents=e.incidents,
        centres=len(centres),
        tss_centres=sum(1 for c in centres if c.kind == TSS),
        other_rings=sum(1 for c in centres if c.kind != TSS),
        tss_reports=tss_reports,
        other_reports=e.written - tss_reports,
        no_operation_reports=e.traps["genuine_complaint"],
        duplicate_incidents=e.duplicates,
        honeypot_reports=e.traps["honeypot"],
        by_source=dict(e.by_source),
        by_channel=dict(e.by_channel),
        by_victim_country=dict(e.by_country),
        by_scam_type=dict(e.by_type),
        traps=traps,
        reports_per_operation=size_stats([c.reports for c in centres if c.reports]),
        reports_per_tss_centre=size_stats(
            [c.reports for c in centres if c.reports and c.kind == TSS]
        ),
    )


def _write_json(path: Path, data: object) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
