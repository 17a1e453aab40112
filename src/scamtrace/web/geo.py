"""The offline world map: world-atlas TopoJSON (vendored from npm) decoded and projected to SVG paths.

Drawn on the server, so the map needs no script and no tile server. The
projection is equirectangular, cropped to 58°S–84°N (Antarctica left out).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

WORLD = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"
WIDTH = 1000.0
NORTH, SOUTH = 84.0, -58.0
HEIGHT = round(WIDTH * (NORTH - SOUTH) / 360.0, 1)

# ISO 3166-1 numeric (world-atlas ids) → alpha-2, for the 177 shapes at 1:110m.
_NUMERIC = (
    "242FJ 834TZ 732EH 124CA 840US 398KZ 860UZ 598PG 360ID 032AR 152CL 180CD 706SO 404KE 729SD 148TD 332HT "
    "214DO 643RU 044BS 238FK 578NO 304GL 260TF 626TL 710ZA 426LS 484MX 858UY 076BR 068BO 604PE 170CO 591PA "
    "188CR 558NI 340HN 222SV 320GT 084BZ 862VE 328GY 740SR 250FR 218EC 630PR 388JM 192CU 716ZW 072BW 516NA "
    "686SN 466ML 478MR 204BJ 562NE 566NG 120CM 768TG 288GH 384CI 324GN 624GW 430LR 694SL 854BF 140CF 178CG "
    "266GA 226GQ 894ZM 454MW 508MZ 748SZ 024AO 108BI 376IL 422LB 450MG 275PS 270GM 788TN 012DZ 400JO 784AE "
    "634QA 414KW 368IQ 512OM 548VU 116KH 764TH 418LA 104MM 704VN 408KP 410KR 496MN 356IN 050BD 064BT 524NP "
    "586PK 004AF 762TJ 417KG 795TM 364IR 760SY 051AM 752SE 112BY 804UA 616PL 040AT 348HU 498MD 642RO 440LT "
    "428LV 233EE 276DE 100BG 300GR 792TR 008AL 191HR 756CH 442LU 056BE 528NL 620PT 724ES 372IE 540NC 090SB "
    "554NZ 036AU 144LK 156CN 158TW 380IT 208DK 826GB 352IS 031AZ 268GE 608PH 458MY 096BN 705SI 246FI 703SK "
    "203CZ 232ER 392JP 600PY 887YE 682SA 010AQ 196CY 504MA 818EG 434LY 231ET 262DJ 800UG 646RW 070BA 807MK "
    "688RS 499ME 780TT 728SS"
)
NUMERIC_TO_ALPHA2 = {item[:3]: item[3:] for item in _NUMERIC.split()}
NAME_TO_ALPHA2 = {"Kosovo": "XK"}

# Places attribution names (call-centre hubs and where other rings sit): (lat, lon).
CITIES: dict[str, tuple[float, float]] = {
    "kolkata": (22.57, 88.36), "salt lake (bidhannagar)": (22.58, 88.42), "bidhannagar": (22.58, 88.42),
    "noida": (28.54, 77.39), "gurugram": (28.46, 77.03), "gurgaon": (28.46, 77.03), "new delhi": (28.61, 77.21),
    "delhi": (28.66, 77.23), "mumbai": (19.08, 72.88), "thane": (19.22, 72.98), "pune": (18.52, 73.86),
    "ahmedabad": (23.02, 72.57), "jaipur": (26.91, 75.79), "mohali": (30.70, 76.72), "lucknow": (26.85, 80.95),
    "bengaluru": (12.97, 77.59), "hyderabad": (17.39, 78.49), "chennai": (13.08, 80.27), "lahore": (31.55, 74.34),
    "karachi": (24.86, 67.01), "islamabad": (33.68, 73.05), "manila": (14.60, 120.98), "cebu city": (10.32, 123.89),
    "dhaka": (23.81, 90.41), "boca raton": (26.37, -80.13), "orlando": (28.54, -81.38), "miami": (25.76, -80.19),
    "lagos": (6.52, 3.38), "benin city": (6.34, 5.63), "accra": (5.60, -0.19), "sihanoukville": (10.63, 103.50),
    "phnom penh": (11.56, 104.93), "bangkok": (13.76, 100.50), "dubai": (25.20, 55.27),
}


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # alpha-2, or "" when the shape has none
    name: str
    d: str  # SVG path data
    center: tuple[float, float]


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular; longitudes past ±180 land outside the viewport on purpose (see _unwrap)."""
    lat = max(SOUTH, min(NORTH, lat))
    return round((lon + 180.0) / 360.0 * WIDTH, 1), round((NORTH - lat) / (NORTH - SOUTH) * HEIGHT, 1)


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:  # quantised and delta-encoded
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], idx: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in idx:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Keep a ring that crosses the antimeridian (Russia, Fiji) on one side of it.

    The TopoJSON is not cut at ±180°, so such a ring jumps across the whole
    map; moving its points to the side where most of it lies keeps it whole,
    and the SVG viewport clips what falls past the edge.
    """
    if not any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(ring)):
        return ring
    east = sum(1 for lon, _lat in ring if lon > 0) * 2 > len(ring)
    return [(lon + 360 if east and lon < 0 else lon - 360 if not east and lon > 0 else lon, lat) for lon, lat in ring]


def _area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


@cache
def world() -> tuple[Country, ...]:
    topo = json.loads(WORLD.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        code = NUMERIC_TO_ALPHA2.get(str(g.get("id")), NAME_TO_ALPHA2.get(g["properties"]["name"], ""))
        if code == "AQ":
            continue
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"] if g["type"] == "MultiPolygon" else []
        parts: list[str] = []
        biggest: list[tuple[float, float]] = []
        for polygon in polygons:
            for k, ring_idx in enumerate(polygon):
                ring = [project(lon, lat) for lon, lat in _unwrap(_ring(arcs, ring_idx))]
                if len(ring) < 3:
                    continue
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in ring) + "Z")
                if k == 0 and _area(ring) > _area(biggest or [(0, 0)] * 3):
                    biggest = ring
        if not parts:
            continue
        cx = sum(p[0] for p in biggest) / len(biggest)
        cy = sum(p[1] for p in biggest) / len(biggest)
        out.append(Country(code, g["properties"]["name"], "".join(parts), (round(cx, 1), round(cy, 1))))
    return tuple(out)


def centers() -> dict[str, tuple[float, float]]:
    return {c.code: c.center for c in world() if c.code}


def map_view(victims: dict[str, int], hypotheses: list[dict[str, Any]]) -> dict[str, Any]:
    """What the map template draws: countries shaded by victims, markers for location hypotheses."""
    top = max((n for n in victims.values()), default=0)
    shapes = []
    for c in world():
        n = victims.get(c.code, 0)
        level = 0 if not n or not top else 1 + min(3, int(4 * n / (top + 1)))
        shapes.append({"code": c.code, "name": c.name, "d": c.d, "level": level, "victims": n})
    where = centers()
    markers = []
    for h in hypotheses:
        city = str(h.get("city") or "").strip().lower()
        if city in CITIES:
            x, y = project(CITIES[city][1], CITIES[city][0])
            precision = "city"
        elif h.get("country") in where:
            x, y = where[str(h["country"])]
            precision = "country"
        else:
            continue
        conf = float(h.get("confidence") or 0)
        label = ", ".join(str(p) for p in (h.get("city"), h.get("region"), h.get("country")) if p)
        markers.append({"x": x, "y": y, "r": round(4 + 10 * conf, 1), "label": label, "confidence": conf, "rank": h.get("rank"), "precision": precision})
    return {"width": WIDTH, "height": HEIGHT, "shapes": shapes, "markers": markers}
