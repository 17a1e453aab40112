"""The server-drawn charts and the offline world map."""

from __future__ import annotations

from scamtrace.web import charts, geo


def test_world_map_has_the_countries_that_matter() -> None:
    codes = {c.code for c in geo.world()}
    assert {"US", "GB", "CA", "AU", "IN", "PK", "PH", "BD", "NG"} <= codes
    assert "AQ" not in codes and len(codes) > 150
    x, y = geo.centers()["IN"]
    assert 0 < x < geo.WIDTH and 0 < y < geo.HEIGHT


def test_map_view_shades_victims_and_places_hypotheses() -> None:
    view = geo.map_view({"US": 40, "GB": 3}, [
        {"rank": 1, "country": "IN", "city": "Kolkata", "confidence": 0.8},
        {"rank": 2, "country": "PK", "confidence": 0.2},
        {"rank": 3, "country": "ZZ", "confidence": 0.1},  # unknown place: left off the map
    ])
    levels = {s["code"]: s["level"] for s in view["shapes"]}
    assert levels["US"] > levels["GB"] > 0 and levels["FR"] == 0
    assert [(m["precision"], m["rank"]) for m in view["markers"]] == [("city", 1), ("country", 2)]
    kx, ky = geo.project(88.36, 22.57)
    assert (view["markers"][0]["x"], view["markers"][0]["y"]) == (kx, ky)


def test_sparkline_and_buckets() -> None:
    assert charts.buckets(list(range(10)), 4) == [0, 6, 15, 24]  # runs of 3 aligned to the newest week
    assert sum(charts.buckets([1] * 100, 40)) == 100
    s = charts.sparkline([0, 0, 1, 5, 2, 0, 0, 0, 3, 4])
    assert s["total"] == 15 and s["max"] == 5 and s["weeks"] == 10 and s["points"].count(",") == 10
    assert charts.sparkline([])["points"] == ""
    b = charts.bars([("2025-01-06", 2), ("2025-01-13", 0), ("2025-01-20", 4)])
    assert [r["h"] for r in b["rects"]][1] == 0 and b["max"] == 4 and len(b["ticks"]) == 3
