"""The reference lists shipped in ``scamtrace/data``, loaded once per :class:`RefData`.

Nothing here touches the network or ``shared/data``: every file comes with the
package (origins in ``data/SOURCES.md``). The IFSC table is large, so a bank's
branches are decoded only when a code of that bank turns up.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

import tldextract
from tldextract.suffix_list import extract_tlds_from_suffix_list

# Lists whose members are legitimate organisations' own sites.
LEGIT_LISTS = frozenset({"microsoft", "bank-website"})
# Lists of parents that host many unrelated parties.
SHARED_PARENT_LISTS = ("url-shortener", "link-in-bio", "dynamic-dns", "whats-my-ip")
# Lists that only say "well known": a flag, not a verdict.
INFO_LISTS = ("tranco10k", "security-provider-blogpost")


def _data_text(name: str) -> str:
    ref = resources.files("scamtrace.data").joinpath(name)
    raw = ref.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def data_lines(name: str) -> list[str]:
    return [
        line.strip().lower()
        for line in _data_text(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@dataclass(frozen=True, slots=True)
class LegitEntry:
    organisation: str
    source: str


@dataclass(slots=True)
class RefData:
    """Every list the extractor consults; build with :meth:`load`."""

    tld: tldextract.TLDExtract
    suffixes: frozenset[str]
    warninglists: dict[str, frozenset[str]]
    fictitious_phone_patterns: tuple[re.Pattern[str], ...]
    legit_phones: dict[str, LegitEntry]
    legit_domains: dict[str, LegitEntry]
    freemail: frozenset[str]
    upi_handles: frozenset[str]
    tools: dict[str, tuple[str, ...]]
    rmm_vendor_domains: frozenset[str]
    instance_parents: dict[str, str]
    _ifsc_raw: dict[str, tuple[str, str]] | None = None
    _ifsc_decoded: dict[str, frozenset[str]] = field(default_factory=dict)
    _registrable_cache: dict[str, str | None] = field(default_factory=dict)
    _strict: frozenset[str] | None = None

    @classmethod
    def load(cls) -> RefData:
        public, private = extract_tlds_from_suffix_list(_data_text("public_suffix_list.dat.gz"))
        # The shipped list is merged over tldextract's bundled snapshot; with no
        # URLs and no cache dir tldextract never tries the network or the disk.
        tld = tldextract.TLDExtract(
            suffix_list_urls=(),
            cache_dir=None,
            include_psl_private_domains=True,
            extra_suffixes=tuple(public + private),
        )
        lists = json.loads(_data_text("warninglists.json.gz"))
        phone_patterns = tuple(re.compile(p) for p in lists.pop("phone_numbers"))
        warninglists = {name: frozenset(entries) for name, entries in lists.items()}
        legit_phones: dict[str, LegitEntry] = {}
        legit_domains: dict[str, LegitEntry] = {}
        for row in csv.DictReader(io.StringIO(_data_text("legit_support.csv"))):
            entry = LegitEntry(row["organisation"], row["source"])
            if row["kind"] == "phone":
                legit_phones[row["value"]] = entry
            elif row["kind"] == "domain":
                legit_domains[row["value"].lower()] = entry
        rmm = json.loads(_data_text("rmm_tools.json"))
        return cls(
            tld=tld,
            suffixes=frozenset(s.lstrip("*.!") for s in public + private),
            warninglists=warninglists,
            fictitious_phone_patterns=phone_patterns,
            legit_phones=legit_phones,
            legit_domains=legit_domains,
            freemail=frozenset(data_lines("freemail.txt")),
            upi_handles=frozenset(data_lines("upi_handles.txt")),
            tools={k: tuple(v) for k, v in rmm["tools"].items()},
            rmm_vendor_domains=frozenset(rmm["vendor_domains"]),
            instance_parents=dict(rmm["instance_parents"]),
        )

    # -- domains -----------------------------------------------------------

    def registrable(self, host: str) -> str | None:
        """eTLD+1 of ``host`` by the public suffix list with its private section."""
        cache = self._registrable_cache
        if host in cache:
            return cache[host]
        value = self.tld.extract_str(host).top_domain_under_public_suffix or None
        if len(cache) > 50_000:  # bound memory on endless streams of new hosts
            cache.clear()
        cache[host] = value
        return value

    def is_suffix(self, label: str) -> bool:
        return label in self.suffixes

    def lists_for(self, host: str, registrable: str) -> list[str]:
        """Names of the warning lists that hold ``host`` or a parent down to ``registrable``."""
        names: list[str] = []
        candidates = _parents(host, registrable)
        for name, members in self.warninglists.items():
            if name == "disposable-email":
                continue
            if any(c in members for c in candidates):
                names.append(name)
        if registrable in self.freemail:
            names.append("freemail")
        return names

    @property
    def strictly_legit(self) -> frozenset[str]:
        """Domains of the curated support list, Microsoft and remote-access vendors."""
        if self._strict is None:
            self._strict = (
                frozenset(self.legit_domains)
                | self.rmm_vendor_domains
                | self.warninglists.get("microsoft", frozenset())
            )
        return self._strict

    def is_legit_domain(self, registrable: str, lists: Iterable[str]) -> bool:
        return (
            registrable in self.legit_domains
            or registrable in self.rmm_vendor_domains
            or any(name in LEGIT_LISTS for name in lists)
        )

    # -- banks ---------------------------------------------------------------

    def ifsc_bank(self, code: str) -> str | None:
        """Bank name when ``code`` is a known IFSC branch code, else ``None``."""
        if self._ifsc_raw is None:
            raw: dict[str, tuple[str, str]] = {}
            for line in _data_text("ifsc.tsv.gz").splitlines():
                bank, name, branches = line.split("\t")
                raw[bank] = (name, branches)
            self._ifsc_raw = raw
        bank = code[:4]
        entry = self._ifsc_raw.get(bank)
        if entry is None:
            return None
        decoded = self._ifsc_decoded.get(bank)
        if decoded is None:
            decoded = _decode_branches(entry[1])
            self._ifsc_decoded[bank] = decoded
        return (entry[0] or bank) if code[5:] in decoded else None


def _decode_branches(encoded: str) -> frozenset[str]:
    numeric, _, other = encoded.partition("|")
    out: set[str] = set(other.split())
    last = 0
    for delta in numeric.split():
        last += int(delta, 16)
        out.add(str(last).zfill(6))
    return frozenset(out)


def _parents(host: str, registrable: str) -> list[str]:
    out = [host]
    while host != registrable and "." in host:
        host = host.split(".", 1)[1]
        out.append(host)
    return out
