"""Who a referral goes to, who sends it, and what personal data each recipient may receive.

The configuration is a JSON file (``--recipients FILE``, ``$SCAMTRACE_RECIPIENTS``,
or the packaged ``data/recipients.example.json``). The personal-data policy is
checked against the recipient's role here, not trusted from the file: a partner
configured to receive victims' contacts is a configuration error, not a leak.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

from scamtrace.errors import ConfigError, NotFound

ENV_VAR = "SCAMTRACE_RECIPIENTS"
EXAMPLE_NAME = "recipients.example.json"


class Role(StrEnum):
    POLICE = "police"
    PARTNER = "partner"
    INTERNAL = "internal"


class PersonalData(StrEnum):
    """What victims' personal data a recipient may receive (names, emails, phone numbers)."""

    NONE = "none"
    CONSENTED_CONTACTS = "consented_contacts"  # only victims who agreed that police may contact them
    CONTACTS = "contacts"  # every victim's contact: internal review only


# The most a role may ever receive, whatever the file says.
ROLE_CEILING: dict[Role, tuple[PersonalData, ...]] = {
    Role.POLICE: (PersonalData.NONE, PersonalData.CONSENTED_CONTACTS),
    Role.PARTNER: (PersonalData.NONE,),
    Role.INTERNAL: (PersonalData.NONE, PersonalData.CONSENTED_CONTACTS, PersonalData.CONTACTS),
}
TLP_LEVELS = ("white", "clear", "green", "amber", "red")


@dataclass(frozen=True, slots=True)
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True)
class Recipient:
    id: str
    name: str
    jurisdiction: str
    role: Role
    personal_data: PersonalData
    address: tuple[str, ...] = ()
    contact: Contact = field(default_factory=Contact)
    region: str = ""
    city: str = ""
    tlp: str = "amber"
    salutation: str = "Sir/Madam"

    def may_receive_contact(self, consent: bool | None) -> bool:
        """Whether one victim's contact details may go to this recipient."""
        if self.personal_data is PersonalData.CONTACTS:
            return True
        if self.personal_data is PersonalData.CONSENTED_CONTACTS:
            return consent is True
        return False


@dataclass(frozen=True, slots=True)
class Sender:
    organisation: str
    unit: str = ""
    address: tuple[str, ...] = ()
    investigator: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    custodian: str = ""  # person in charge of the store, who signs the BSA s.63 certificate
    custodian_role: str = ""
    reference_prefix: str = "REF"

    @property
    def person_in_charge(self) -> str:
        return self.custodian or self.investigator


@dataclass(frozen=True, slots=True)
class RecipientsConfig:
    sender: Sender
    recipients: tuple[Recipient, ...]
    default_recipient: str | None
    path: str

    def find(self, name: str | None) -> Recipient:
        """A recipient by id or by full name (case-insensitive); the default one when ``name`` is None."""
        wanted = name or self.default_recipient
        if not wanted:
            if not self.recipients:
                raise ConfigError(f"{self.path}: no recipients configured")
            return self.recipients[0]
        key = wanted.strip().casefold()
        for r in self.recipients:
            if key in (r.id.casefold(), r.name.casefold()):
                return r
        known = ", ".join(r.id for r in self.recipients)
        raise NotFound(f"no recipient {wanted!r} in {self.path}; known: {known}. List them with: scamtrace recipients")


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """``--recipients`` wins, then ``$SCAMTRACE_RECIPIENTS``; None means the packaged example."""
    chosen = explicit or os.environ.get(ENV_VAR)
    return Path(chosen) if chosen else None


def _read_json(path: Path | None) -> tuple[dict[str, Any], str]:
    if path is None:
        text = resources.files("scamtrace.data").joinpath(EXAMPLE_NAME).read_text(encoding="utf-8")
        return _parse(text, EXAMPLE_NAME), f"(packaged) {EXAMPLE_NAME}"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read recipients file ({exc.strerror or exc})") from exc
    return _parse(text, str(path)), str(path)


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a JSON object")
    return data


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: expected a string or a list of strings")


def parse_sender(raw: Mapping[str, Any], where: str) -> Sender:
    if not isinstance(raw, Mapping) or not str(raw.get("organisation") or "").strip():
        raise ConfigError(f"{where}: sender needs at least 'organisation'")
    return Sender(
        organisation=str(raw["organisation"]).strip(),
        unit=str(raw.get("unit") or ""),
        address=_strs(raw.get("address"), f"{where}: sender.address"),
        investigator=str(raw.get("investigator") or ""),
        title=str(raw.get("title") or ""),
        email=str(raw.get("email") or ""),
        phone=str(raw.get("phone") or ""),
        custodian=str(raw.get("custodian") or ""),
        custodian_role=str(raw.get("custodian_role") or ""),
        reference_prefix=str(raw.get("reference_prefix") or "REF"),
    )


def parse_recipient(raw: Mapping[str, Any], where: str) -> Recipient:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: expected an object")
    rid = str(raw.get("id") or "").strip()
    name = str(raw.get("name") or "").strip()
    if not rid or not name:
        raise ConfigError(f"{where}: a recipient needs 'id' and 'name'")
    here = f"{where} ({rid})"
    try:
        role = Role(str(raw.get("role") or ""))
    except ValueError:
        raise ConfigError(f"{here}: role must be one of {', '.join(r.value for r in Role)}") from None
    try:
        policy = PersonalData(str(raw.get("personal_data") or PersonalData.NONE.value))
    except ValueError:
        raise ConfigError(f"{here}: personal_data must be one of {', '.join(p.value for p in PersonalData)}") from None
    if policy not in ROLE_CEILING[role]:
        allowed = ", ".join(p.value for p in ROLE_CEILING[role])
        raise ConfigError(f"{here}: a {role.value} recipient may receive personal_data {allowed}, not {policy.value!r}")
    jurisdiction = str(raw.get("jurisdiction") or "").strip().upper()
    if len(jurisdiction) != 2 or not jurisdiction.isalpha():
        raise ConfigError(f"{here}: jurisdiction must be an ISO 3166-1 alpha-2 country code")
    tlp = str(raw.get("tlp") or "amber").strip().lower()
    if tlp not in TLP_LEVELS:
        raise ConfigError(f"{here}: tlp must be one of {', '.join(TLP_LEVELS)}")
    c = raw.get("contact") or {}
    if not isinstance(c, Mapping):
        raise ConfigError(f"{here}: contact must be an object")
    return Recipient(
        id=rid,
        name=name,
        jurisdiction=jurisdiction,
        role=role,
        personal_data=policy,
        address=_strs(raw.get("address"), f"{here}: address"),
        contact=Contact(
            name=str(c.get("name") or ""),
            email=str(c.get("email") or ""),
            phone=str(c.get("phone") or ""),
            title=str(c.get("title") or ""),
        ),
        region=str(raw.get("region") or ""),
        city=str(raw.get("city") or ""),
        tlp="clear" if tlp == "white" else tlp,
        salutation=str(raw.get("salutation") or "Sir/Madam"),
    )


def load_config(path: str | os.PathLike[str] | None = None) -> RecipientsConfig:
    """The recipients configuration from ``path``, ``$SCAMTRACE_RECIPIENTS`` or the packaged example."""
    data, where = _read_json(config_path(path))
    raw_recipients = data.get("recipients")
    if not isinstance(raw_recipients, list):
        raise ConfigError(f"{where}: 'recipients' must be a list")
    recipients = tuple(parse_recipient(r, f"{where}: recipients[{i}]") for i, r in enumerate(raw_recipients))
    ids = [r.id for r in recipients]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ConfigError(f"{where}: recipient ids must be unique; repeated: {', '.join(dupes)}")
    default = data.get("default_recipient")
    if default is not None and default not in ids:
        raise ConfigError(f"{where}: default_recipient {default!r} is not one of the recipients")
    sender = parse_sender(data.get("sender") or {}, where)
    return RecipientsConfig(sender=sender, recipients=recipients, default_recipient=default, path=where)


def load_sender(path: str | os.PathLike[str]) -> Sender:
    """Sender details from ``--from FILE``: either the sender object itself or a file with a ``sender`` key."""
    data, where = _read_json(Path(path))
    return parse_sender(data.get("sender", data), where)
