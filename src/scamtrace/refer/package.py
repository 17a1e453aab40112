"""Write a referral package: the files, in an order that lets each later file vouch for the earlier ones.

evidence.csv, bundle.stix.json and misp-event.json first; the PDF lists their
hashes in its exhibit list; custody.json and the BSA certificate hold the
hashes of everything before them; MANIFEST.sha256 covers every other file.
The package is written to a hidden folder next to DIR and moved in at the end,
so a failed run never leaves a half-written package that looks complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scamtrace.errors import ConfigError
from scamtrace.refer import evidence_csv, manifest, misp, pdf, stix
from scamtrace.refer.evidence_csv import PreparedComplaint
from scamtrace.refer.masking import Disclosed, mask_complaint
from scamtrace.refer.model import Referral

PDF = "referral.pdf"
STIX = "bundle.stix.json"
MISP = "misp-event.json"
CSV = "evidence.csv"
PACKAGE_FILES = (PDF, STIX, MISP, CSV, manifest.CUSTODY, manifest.CERTIFICATE, manifest.MANIFEST)


@dataclass(frozen=True, slots=True)
class PackageResult:
    out_dir: Path
    files: dict[str, str]  # name → sha256, every file including the manifest
    complaints: int
    contacts_released: int
    released_pks: frozenset[int]  # complaints whose victim contact went into the package


def prepare(referral: Referral) -> list[PreparedComplaint]:
    """Each complaint masked, with its contact released only where the recipient's policy allows."""
    r = referral.recipient
    disclosed = Disclosed.of((i.kind, i.value) for i in referral.operation.indicators)
    return [
        PreparedComplaint(
            complaint=c,
            masked_narrative=mask_complaint(c, disclosed),
            contact_released=r.may_receive_contact(c.consent_to_contact) and any((c.personal.name, c.personal.email, c.personal.phone)),
        )
        for c in referral.operation.complaints
    ]


def _exhibits(hashes: dict[str, str], complaints: int) -> list[pdf.Exhibit]:
    return [
        pdf.Exhibit("A", CSV, f"The {complaints} complaints of the operation, one per row, with anonymised extracts.", hashes[CSV]),
        pdf.Exhibit("B", STIX, "STIX 2.1 bundle: campaign, threat actor, infrastructure, indicators, locations.", hashes[STIX]),
        pdf.Exhibit("C", MISP, "MISP event with objects for numbers, sites, accounts and wallets, tagged with MISP fraud taxonomies.", hashes[MISP]),
        pdf.Exhibit("D", manifest.CUSTODY, "Chain of custody: who generated the package, when, and from which store state."),
        pdf.Exhibit("E", manifest.CERTIFICATE, "Certificate under s. 63(4)(c) of the Bharatiya Sakshya Adhiniyam, 2023 (Part A), for signature."),
        pdf.Exhibit("F", manifest.MANIFEST, "SHA-256 values of every file in the package (check with: sha256sum -c MANIFEST.sha256)."),
    ]


def check_target(out_dir: Path, *, force: bool) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(f"{out_dir}: exists and is not a folder")
    if out_dir.is_dir() and not force:
        present = [n for n in PACKAGE_FILES if (out_dir / n).exists()]
        if present:
            raise ConfigError(f"{out_dir} already holds a referral package ({', '.join(present)}); choose another folder or pass --force")
    parent = out_dir.resolve().parent
    if not parent.is_dir():
        raise ConfigError(f"{out_dir}: folder {parent} does not exist")


def write_package(referral: Referral, out_dir: Path, *, force: bool = False) -> PackageResult:
    check_target(out_dir, force=force)
    prepared = prepare(referral)
    contacts = sum(1 for p in prepared if p.contact_released)
    blobs: dict[str, bytes] = {
        CSV: evidence_csv.render(prepared),
        STIX: stix.render(referral),
        MISP: misp.render(referral),
    }
    hashes = {name: manifest.sha256_bytes(b) for name, b in blobs.items()}
    doc = pdf.document(referral, prepared, _exhibits(hashes, len(prepared)))
    blobs[PDF] = pdf.render(doc, referral)
    hashes[PDF] = manifest.sha256_bytes(blobs[PDF])
    blobs[manifest.CUSTODY] = manifest.custody(referral, hashes, contacts)
    hashes[manifest.CUSTODY] = manifest.sha256_bytes(blobs[manifest.CUSTODY])
    blobs[manifest.CERTIFICATE] = manifest.certificate(referral, hashes)
    hashes[manifest.CERTIFICATE] = manifest.sha256_bytes(blobs[manifest.CERTIFICATE])
    blobs[manifest.MANIFEST] = manifest.manifest_text(hashes).encode("utf-8")
    hashes[manifest.MANIFEST] = manifest.sha256_bytes(blobs[manifest.MANIFEST])

    out_dir = out_dir.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))
    try:
        for name, data in blobs.items():
            (staging / name).write_bytes(data)
        if not out_dir.exists():
            staging.rename(out_dir)
        else:
            for name in blobs:
                os.replace(staging / name, out_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return PackageResult(
        out_dir=out_dir,
        files=dict(sorted(hashes.items())),
        complaints=len(prepared),
        contacts_released=contacts,
        released_pks=frozenset(p.complaint.pk for p in prepared if p.contact_released),
    )
