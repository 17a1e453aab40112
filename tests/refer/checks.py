"""Checks shared by the referral tests: PDF pages, STIX validation, MISP loading, CSV rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium


def pdf_pages(path: Path, dpi: int = 50) -> tuple[list[np.ndarray], str]:
    """Every page rendered to an RGB array, and the document's text."""
    doc = pdfium.PdfDocument(str(path))
    try:
        images = []
        texts = []
        for i in range(len(doc)):
            page = doc[i]
            images.append(page.render(scale=dpi / 72).to_numpy())
            texts.append(page.get_textpage().get_text_range())
        return images, "\n".join(texts)
    finally:
        doc.close()


def assert_not_blank(image: np.ndarray) -> None:
    gray = image[:, :, :3].mean(axis=2)
    ink = (gray < 200).mean()
    assert ink > 0.005, f"page looks blank ({ink:.4f} of pixels inked)"


def flat(text: str) -> str:
    """PDF text with line breaks and hyphenation undone, for phrase searches."""
    return " ".join(text.replace("-\r\n", "").replace("-\n", "").split())


def stix_errors(path: Path) -> list[str]:
    from stix2validator import validate_file

    result = validate_file(str(path))
    errors = [str(e) for o in result.object_results for e in o.errors]
    assert result.is_valid == (not errors)
    return errors


def misp_event(path: Path) -> Any:
    from pymisp import MISPEvent

    event = MISPEvent()
    event.load_file(str(path))
    return event


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def stix_objects(path: Path) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text(encoding="utf-8"))["objects"])
