"""The public API, the shipped reference data and its provenance."""

from __future__ import annotations

import csv
import io
from importlib import resources

import phonenumbers

import scamtrace.extract as extract_pkg
from scamtrace.classify import classify
from scamtrace.domain.result import Classification, Extraction
from scamtrace.extract import EXTRACTOR_VERSION, Extractor, extract_report
from tests.extract.helpers import report


def test_public_api() -> None:
    assert set(extract_pkg.__all__) == {"EXTRACTOR_VERSION", "Extractor", "extract_report"}
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION
    r = report("A popup said call Microsoft at 1-844-213-7788")
    ex = extract_report(r)
    assert isinstance(ex, Extraction) and isinstance(ex.classification, Classification)
    assert Extractor().extract(r) == ex
    assert isinstance(classify(r, ex.indicators, ex.facts), Classification)
    assert set(ex.facts) >= {"tools", "lures", "script", "payments", "losses"}


EXTRACTION_DATA = (
    "public_suffix_list.dat.gz", "warninglists.json.gz", "rmm_tools.json", "ifsc.tsv.gz", "ifsc.LICENSE",
    "legit_support.csv", "upi_handles.txt", "freemail.txt", "shared_hosts.txt",
)  # fmt: skip


def test_every_extraction_data_file_ships_with_its_source_recorded() -> None:
    data = resources.files("scamtrace.data")
    sources = data.joinpath("SOURCES.md").read_text("utf-8")
    for name in EXTRACTION_DATA:
        assert data.joinpath(name).is_file(), name
        assert f"`{name}`" in sources, name


def test_legit_support_list_is_valid_and_sourced() -> None:
    text = resources.files("scamtrace.data").joinpath("legit_support.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) > 50
    for row in rows:
        assert row["source"].startswith("https://"), row
        assert row["kind"] in ("phone", "domain")
        if row["kind"] == "phone":
            number = phonenumbers.parse(row["value"], None)
            assert phonenumbers.is_valid_number(number), row
            assert (
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                == row["value"]
            )
    values = {row["value"] for row in rows}
    assert {
        "+18006427676",
        "+18002752273",
        "+448000480408",
        "+18004335778",
        "microsoft.com",
        "apple.com",
    } <= values
