"""Regenerate docs/sample-referral/: a referral package built from the demo world, with page screenshots.

    .venv/bin/python bench/make_sample_referral.py            # 2,000 reports, seed 1
    .venv/bin/python bench/make_sample_referral.py --reports 5000 --seed 7 --out /tmp/sample

Runs the documented pipeline (demo-data → ingest → link → attribution → refer)
in a temporary store, picks the most harmful tech-support operation whose most
likely location is in the recipient's country (else the most harmful one), and
dates the referral three days after the newest complaint so the sample only
changes when the demo world does. Pages are rendered with pypdfium2 and written
as PNG with zlib (no imaging library needed).
"""

from __future__ import annotations

import argparse
import struct
import sys
import tempfile
import zlib
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from sqlalchemy import func, select

from scamtrace.demo import write_world
from scamtrace.refer.recipients import load_config
from scamtrace.services.ingest import ingest_paths
from scamtrace.services.linking import rebuild
from scamtrace.services.referral import build_referral
from scamtrace.store import Store, open_store
from scamtrace.store.tables import attributions, operations, reports

ROOT = Path(__file__).resolve().parent.parent


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def png(rgb: np.ndarray, levels: int = 16) -> bytes:
    """An RGB array as an indexed PNG: channels snapped to ``levels`` steps leave a few dozen
    colours on a page of text, one byte per pixel; rows "Up"-filtered (white rows repeat)."""
    h, w, _ = rgb.shape
    step = 255 / (levels - 1)
    snapped = (np.round(rgb / step) * step).round().astype(np.uint8)
    palette, index = np.unique(snapped.reshape(-1, 3), axis=0, return_inverse=True)
    if len(palette) > 256:  # pragma: no cover - photos, not pages
        raise ValueError("too many colours for an indexed PNG")
    rows = index.reshape(h, w).astype(np.uint8)
    up = np.empty_like(rows)
    up[0] = rows[0]
    up[1:] = rows[1:] - rows[:-1]  # uint8 arithmetic wraps modulo 256, as PNG wants
    raw = np.concatenate([np.full((h, 1), 2, dtype=np.uint8), up], axis=1).tobytes()
    header = struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"PLTE", palette.astype(np.uint8).tobytes())
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def screenshots(pdf: Path, out: Path, dpi: int) -> list[Path]:
    for old in out.glob("page-*.png"):
        old.unlink()
    doc = pdfium.PdfDocument(str(pdf))
    written = []
    try:
        for i in range(len(doc)):
            image = doc[i].render(scale=dpi / 72, rev_byteorder=True).to_numpy()[:, :, :3]
            path = out / f"page-{i + 1}.png"
            path.write_bytes(png(np.ascontiguousarray(image)))
            written.append(path)
    finally:
        doc.close()
    return written


def pick_operation(store: Store, country: str) -> str:
    with store.engine.connect() as conn:
        ranked = [r[0] for r in conn.execute(select(operations.c.id).where(operations.c.is_tss.is_(True)).order_by(operations.c.harm.desc(), operations.c.id))]
        located = dict(conn.execute(select(attributions.c.operation_id, attributions.c.country).where(attributions.c.rank == 1)).all())
    if not ranked:
        sys.exit("the demo world produced no tech-support operation")
    return next((op for op in ranked if located.get(op) == country), ranked[0])


def referral_time(store: Store) -> datetime:
    with store.engine.connect() as conn:
        newest = conn.execute(select(func.max(reports.c.received_utc))).scalar_one()
    return datetime.combine(newest.date() + timedelta(days=3), time(10, 0), tzinfo=UTC)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--to", default="kolkata-police-cyber", help="recipient id (see: scamtrace recipients)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "sample-referral")
    ap.add_argument("--dpi", type=int, default=100)
    args = ap.parse_args()

    recipient = load_config().find(args.to)
    with tempfile.TemporaryDirectory(prefix="scamtrace-sample-") as tmp:
        world = Path(tmp) / "world"
        write_world(world, reports=args.reports, seed=args.seed)
        store = open_store(f"sqlite:///{Path(tmp) / 'sample.db'}")
        try:
            ingest_paths(store, [str(world / "reports.jsonl")])
            rebuild(store)
            try:  # the link run may already attribute; running it again only rewrites the same rows
                from scamtrace.services.attribution import attribute_all

                attribute_all(store)
            except ImportError:
                pass
            op_id = pick_operation(store, recipient.jurisdiction)
            args.out.mkdir(parents=True, exist_ok=True)
            result = build_referral(store, op_id, recipient.id, args.out, "make_sample_referral", force=True, now=referral_time(store))
        finally:
            store.dispose()
    pages = screenshots(args.out / "referral.pdf", args.out, args.dpi)
    print(f"{result.id}: operation {op_id} ({result.complaints} complaints) → {args.out}")
    for name, digest in result.files.items():
        print(f"  {digest[:16]}…  {name}")
    print(f"  {len(pages)} page screenshots, {sum(p.stat().st_size for p in pages) // 1024} KiB")


if __name__ == "__main__":
    main()
