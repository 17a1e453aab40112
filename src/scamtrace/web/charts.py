"""Sparklines and bar charts as SVG geometry, computed here and drawn by the templates.

Hand-written rather than a chart library: a few dozen lines, no script, and
nothing for the CSP to allow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def buckets(values: Sequence[int], most: int) -> list[int]:
    """Sum ``values`` into at most ``most`` equal runs (the last may be shorter), keeping the end aligned."""
    if len(values) <= most:
        return list(values)
    size = -(-len(values) // most)
    head = len(values) % size
    out = [sum(values[:head])] if head else []
    return out + [sum(values[i : i + size]) for i in range(head, len(values), size)]


def sparkline(values: Sequence[int], width: float = 120, height: float = 24, most: int = 40) -> dict[str, Any]:
    """Polyline points and a filled area for a small trend; flat zero when empty."""
    weeks = len(values)
    values = buckets(values, most)
    n = len(values)
    top = max(values, default=0) or 1
    step = width / max(n - 1, 1)
    pts = [(round(i * step, 1), round(height - 1 - (v / top) * (height - 2), 1)) for i, v in enumerate(values)]
    line = " ".join(f"{x:g},{y:g}" for x, y in pts)
    area = f"0,{height:g} {line} {width:g},{height:g}" if pts else ""
    last4 = sum(values[-4:])
    prev4 = sum(values[-8:-4])
    trend = "up" if last4 > prev4 else "down" if last4 < prev4 else "flat"
    return {"width": width, "height": height, "points": line, "area": area, "max": max(values, default=0), "total": sum(values), "trend": trend, "weeks": weeks}


def bars(series: Sequence[tuple[str, int]], width: float = 720, height: float = 160, pad_left: float = 36, pad_bottom: float = 22) -> dict[str, Any]:
    """Bars with a y-axis maximum and first/middle/last x labels."""
    n = len(series)
    top = max((v for _l, v in series), default=0)
    plot_w, plot_h = width - pad_left, height - pad_bottom
    bw = plot_w / max(n, 1)
    rects = []
    for i, (label, v) in enumerate(series):
        h = 0.0 if not top else plot_h * v / top
        rects.append({"x": round(pad_left + i * bw + bw * 0.1, 2), "y": round(plot_h - h, 2), "w": round(max(bw * 0.8, 0.5), 2), "h": round(h, 2), "label": label, "value": v})
    ticks = []
    for i in sorted({0, n // 2, n - 1}) if n else []:
        ticks.append({"x": round(pad_left + i * bw + bw / 2, 1), "label": series[i][0]})
    return {"width": width, "height": height, "plot_h": plot_h, "pad_left": pad_left, "rects": rects, "max": top, "ticks": ticks}


def hbars(items: Sequence[tuple[str, int]], width: float = 300, row: float = 20, label_w: float = 60) -> dict[str, Any]:
    """Horizontal bars (victims by country and the like)."""
    top = max((v for _l, v in items), default=0) or 1
    usable = width - label_w - 40
    rows = [{"y": i * row, "label": k, "value": v, "w": round(usable * v / top, 1)} for i, (k, v) in enumerate(items)]
    return {"width": width, "height": row * len(items), "label_w": label_w, "rows": rows, "row": row}
