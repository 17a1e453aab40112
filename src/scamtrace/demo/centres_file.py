"""``centres.json``: every operation with where it sits, when it works and what it used.

This is the file police and analysts would never have in reality: the
answer key against which attribution (country, city, UTC offset, shift) and
linking (which values belong to whom, when) are scored.
"""

from __future__ import annotations

from typing import Any

from scamtrace.demo.banking import Account
from scamtrace.demo.clock import MINUTES_PER_DAY, day_to_date
from scamtrace.demo.timeline import Item
from scamtrace.demo.web import WebSite
from scamtrace.demo.world import Centre


def _iso(day: int) -> str:
    return day_to_date(day).isoformat()


def _hhmm(minutes: int) -> str:
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _item_json(slot: str, item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {
        "slot": slot,
        "kind": item.kind,
        "value": item.value,
        "from": _iso(item.start),
        "to": _iso(item.end),
    }
    data = item.data
    if isinstance(data, WebSite):
        out["url"] = data.url
        if data.shared_parent:
            out["shared_parent"] = data.shared_parent
    elif isinstance(data, Account):
        out["bank"], out["holder"] = data.bank, data.holder
        for key in ("routing", "account", "ifsc", "sort_code", "iban"):
            if getattr(data, key):
                out[key] = getattr(data, key)
    elif item.kind == "ip_range":
        out["isp"] = data[1]
    elif (
        isinstance(data, tuple)
        and len(data) == 2
        and isinstance(data[0], str)
        and isinstance(data[1], str)
        and item.kind != "phone"
    ):
        out["holder"] = data[0]
    elif isinstance(data, tuple) and len(data) == 2 and isinstance(data[1], tuple):
        out["holder"] = data[0]
    if item.note:
        out["note"] = item.note
    if item.trap:
        out["trap"] = item.trap
        out["shared_with"] = list(item.shared_with)
    out["mentions"] = item.mentions
    return out


def centre_json(c: Centre) -> dict[str, Any]:
    items = [
        _item_json(name, item)
        for name, slot in c.slots.items()
        if name != "ip"
        for item in slot.items()
    ]
    items += [_item_json(f"hub:{key}", item) for key, item in c.hubs.items()]
    ip_ranges = [
        {
            "cidr": item.data[0],
            "isp": item.data[1],
            "from": _iso(item.start),
            "to": _iso(item.end),
            "mentions": item.mentions,
        }
        for item in (c.slots["ip"].items() if "ip" in c.slots else [])
    ]
    return {
        "id": c.id,
        "kind": c.kind,
        "size": c.reports,
        "incidents": c.incidents,
        "seats": c.seats,
        "country": c.city.country,
        "region": c.city.region,
        "city": c.city.city,
        "utc_offset_hours": c.city.utc_hours,
        "dst_rule": c.city.dst,
        "shift": {
            "start": _hhmm(c.shift_start),
            "end": _hhmm(c.shift_start + c.shift_len),
            "local_time": True,
        },
        "active": {"from": _iso(c.start), "to": _iso(c.end)},
        "targets": dict(zip(c.targets, [round(w, 3) for w in c.target_weights], strict=True)),
        "brands_impersonated": list(c.brands),
        "aliases": list(c.aliases),
        "channel_style": c.style,
        "refund_share": c.refund_share,
        "losses": dict(sorted(c.losses.items())),
        "infrastructure": items,
        "ip_ranges": ip_ranges,
    }
