"""Integrity and custody: ``MANIFEST.sha256``, ``custody.json`` and the BSA s.63 Part A certificate.

The certificate is the form in the Schedule to India's Bharatiya Sakshya
Adhiniyam, 2023 (s. 63(4)(c)), Part A, filled in with what the machine knows
(device details, hash values, the person in charge); signature, date, time and
place stay blank for the person who signs it.
"""

from __future__ import annotations

import hashlib
import json
import platform
import uuid
from collections.abc import Mapping
from datetime import timedelta, timezone
from pathlib import Path
from string import Template
from typing import Any

from scamtrace.refer.model import Referral

MANIFEST = "MANIFEST.sha256"
CUSTODY = "custody.json"
CERTIFICATE = "certificate-bsa-63.txt"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def manifest_text(hashes: Mapping[str, str]) -> str:
    """``sha256sum`` format: ``<hex>  <name>`` per line, sorted by name (check with ``sha256sum -c``)."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items()))


def parse_manifest(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip():
            digest, name = line.split("  ", 1)
            out[name.lstrip("*")] = digest
    return out


def verify(out_dir: Path) -> list[str]:
    """Problems found checking ``MANIFEST.sha256`` against the files in ``out_dir`` (empty when all is well)."""
    problems: list[str] = []
    listed = parse_manifest((out_dir / MANIFEST).read_text(encoding="utf-8"))
    for name, digest in listed.items():
        path = out_dir / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif sha256_file(path) != digest:
            problems.append(f"{name}: hash differs")
    for path in out_dir.iterdir():
        if path.is_file() and path.name != MANIFEST and path.name not in listed:
            problems.append(f"{path.name}: not in the manifest")
    return problems


def _mac() -> str:
    node = uuid.getnode()
    # bit 40 set: Python made the number up because it found no interface address
    if node >> 40 & 1:
        return ""
    return ":".join(f"{node >> shift & 0xFF:02x}" for shift in range(40, -8, -8))


def machine() -> dict[str, str]:
    uname = platform.uname()
    return {
        "host": uname.node,
        "system": f"{uname.system} {uname.release}",
        "version": uname.version,
        "machine": uname.machine,
        "processor": uname.processor or uname.machine,
        "platform": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "mac": _mac(),
    }


def custody(referral: Referral, hashes: Mapping[str, str], contacts_released: int) -> bytes:
    r = referral.recipient
    doc: dict[str, Any] = {
        "referral_id": referral.id,
        "operation_id": referral.operation.id,
        "generated_at": referral.created_at.isoformat(),
        "generated_by": referral.generated_by,
        "person_in_charge": referral.sender.person_in_charge,
        "sender": referral.sender.organisation,
        "recipient": {"id": r.id, "name": r.name, "role": r.role.value, "jurisdiction": r.jurisdiction, "personal_data": r.personal_data.value, "tlp": r.tlp},
        "software": {"name": "scamtrace", "version": referral.software_version},
        "machine": machine(),
        "store_state": referral.store_state.as_dict(),
        "operation": {
            "reports": referral.operation.reports,
            "incidents": referral.operation.incidents,
            "first_seen": referral.operation.first_seen.isoformat() if referral.operation.first_seen else None,
            "last_seen": referral.operation.last_seen.isoformat() if referral.operation.last_seen else None,
            "complaints_in_package": len(referral.operation.complaints),
        },
        "personal_data_released": {"policy": r.personal_data.value, "victim_contacts": contacts_released},
        "hash_algorithm": "SHA-256",
        "files": dict(sorted(hashes.items())),
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _box(checked: bool) -> str:
    return "[X]" if checked else "[ ]"


IST = timezone(timedelta(hours=5, minutes=30), "IST")
BLANK = "______________________"

# The Part A form of the Schedule, with $placeholders for what the machine knows.
CERTIFICATE_FORM = Template("""THE SCHEDULE
[See section 63(4)(c)]
CERTIFICATE
PART A
(To be filled by the Party)

Referral: $referral_id    Operation: $operation_id
Generated: $generated_date at $generated_time IST by scamtrace $version (run by $generated_by)

I, $person (Name), Son/daughter/spouse of ______________________
residing/employed at $employed
do hereby solemnly affirm and sincerely state and submit as follows:-

I have produced electronic record/output of the digital record taken from the
following device/digital record source (tick mark):-

    Computer / Storage Media [X]   DVR [ ]   Mobile [ ]   Flash Drive [ ]
    CD/DVD [ ]   Server $server_box   Cloud [ ]   Other [ ]
    Other: complaint database ($dialect) holding the complaints listed in evidence.csv

    Make & Model: ______________________ (operating system: $system; $machine)
    Color: ______________________
    Serial Number: ______________________
    IMEI/UIN/UID/MAC/Cloud ID: $mac (host name: $host)

and any other relevant information, if any, about the device/digital record:
    Records exported by the scamtrace software, version $version, running on
    $platform with $python, from the store $store_url
    holding $report_count complaints (highest record number $max_pk);
    operations last rebuilt by link run $link_run.
    The $complaints complaints of operation $operation_id have the
    membership hash (SHA-256) $membership.

The digital device or the digital record source was under the lawful control for
regularly creating, storing or processing information for the purposes of carrying
out regular activities and during this period, the computer or the communication
device was working properly and the relevant information was regularly fed into the
computer during the ordinary course of business. If the computer/digital device at
any point of time was not working properly or out of operation, then it has not
affected the electronic/digital record or its accuracy.

The digital device or the source of the digital record is:-
    Owned [ ]   Maintained [ ]   Managed [ ]   Operated [ ]   by me (select as applicable).

I state that the HASH value/s of the electronic/digital record/s is/are:
$hash_lines
obtained through the following algorithm:-
    SHA1 [ ]   SHA256 [X]   MD5 [ ]   Other [ ] ______________________
    (Legally acceptable standard)

(Hash report to be enclosed with the certificate: MANIFEST.sha256 in this package
lists the SHA-256 value of every file, including this certificate and custody.json.)


(Name and signature) ______________________________________
                     $person_line

Date (DD/MM/YYYY): ____/____/________    Time (IST): ______ hours (In 24 hours format)

Place: ______________________


Note: Part B of the certificate (to be filled by the Expert) is not part of this
package; attach it where the court or the investigating officer requires it.
Form reproduced from the Schedule to the Bharatiya Sakshya Adhiniyam, 2023 (Act 47 of 2023).
""")


def certificate(referral: Referral, hashes: Mapping[str, str]) -> bytes:
    """Part A of the certificate under BSA 2023 s. 63(4)(c), filled in; signature blanks left blank."""
    m = machine()
    state = referral.store_state
    sender = referral.sender
    created = referral.created_at.astimezone(IST)
    text = CERTIFICATE_FORM.substitute(
        referral_id=referral.id,
        operation_id=referral.operation.id,
        generated_date=f"{created:%d/%m/%Y}",
        generated_time=f"{created:%H:%M}",
        version=referral.software_version,
        generated_by=referral.generated_by,
        person=sender.person_in_charge or BLANK,
        employed=", ".join(p for p in (sender.unit, sender.organisation, *sender.address[1:]) if p) or BLANK,
        server_box=_box(state.dialect != "sqlite"),
        dialect=state.dialect,
        system=m["system"],
        machine=m["machine"],
        mac=f"MAC {m['mac']}" if m["mac"] else BLANK,
        host=m["host"],
        platform=m["platform"],
        python=m["python"],
        store_url=state.store_url,
        report_count=state.report_count,
        max_pk=state.max_report_pk,
        link_run=state.last_link_run_id if state.last_link_run_id is not None else "n/a",
        complaints=len(referral.operation.complaints),
        membership=state.membership_sha256,
        hash_lines="\n".join(f"    {digest}  {name}" for name, digest in sorted(hashes.items())),
        person_line=sender.person_in_charge + (f", {sender.custodian_role}" if sender.custodian_role else ""),
    )
    return text.encode("utf-8")
