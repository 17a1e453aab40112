"""Crypto wallet addresses: only checksum-valid ones become indicators.

A wrong character in a copied address means money went nowhere the victim can
name, and a random base58-looking token in a narrative is far more often an
order or gift-card code than a wallet, so the checksum is the gate.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from scamtrace.extract.keccak import keccak256

_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58_ALPHABET)}
_HEX = frozenset("0123456789abcdefABCDEF")
_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {c: i for i, c in enumerate(_BECH32_CHARSET)}
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3

# Candidates; bounded lengths so the scan stays linear.
# As written: (?<![0-9A-Za-z])(?:bc1…|0x…|[13T]…)(?![0-9A-Za-z]). The three forms start with
# different characters, so the pattern opens on all of them (re skips to the next in C), checks
# what precedes, and goes on with the form that character starts. Only group 0 is read.
WALLET_RE = re.compile(
    r"[bB013T](?<![0-9A-Za-z][bB013T])(?:"
    r"(?<=[bB])[cC]1[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}"
    r"|(?<=0)[xX][0-9a-fA-F]{40}"
    r"|(?<=[13T])[1-9A-HJ-NP-Za-km-z]{25,34}"
    r")(?![0-9A-Za-z])"
)


def _b58decode(text: str) -> bytes | None:
    num = 0
    for char in text:
        digit = _B58_INDEX.get(char)
        if digit is None:
            return None
        num = num * 58 + digit
    body = num.to_bytes((num.bit_length() + 7) // 8, "big") if num else b""
    pad = len(text) - len(text.lstrip("1"))
    return b"\x00" * pad + body


def _b58check_payload(text: str) -> bytes | None:
    raw = _b58decode(text)
    if raw is None or len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != check:
        return None
    return payload


def _bech32_polymod(values: list[int]) -> int:
    generators = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            if (top >> i) & 1:
                chk ^= generators[i]
    return chk


def _convert_bits(data: list[int], from_bits: int, to_bits: int) -> list[int] | None:
    acc = bits = 0
    out: list[int] = []
    maxv = (1 << to_bits) - 1
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & maxv)
    if bits >= from_bits or ((acc << (to_bits - bits)) & maxv):
        return None
    return out


def _segwit_ok(address: str) -> bool:
    if address.lower() != address and address.upper() != address:
        return False  # BIP173 forbids mixed case
    address = address.lower()
    hrp, _, data_part = address.rpartition("1")
    if hrp != "bc" or len(data_part) < 7 or len(address) > 90:
        return False
    data = [_BECH32_INDEX.get(c, -1) for c in data_part]
    if min(data) < 0:
        return False
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    const = _bech32_polymod(expanded + data)
    version = data[0]
    if version > 16 or const != (_BECH32_CONST if version == 0 else _BECH32M_CONST):
        return False
    program = _convert_bits(data[1:-6], 5, 8)
    if program is None or not 2 <= len(program) <= 40:
        return False
    return not (version == 0 and len(program) not in (20, 32))


def eip55(address_hex: str) -> str:
    """Return the EIP-55 mixed-case form of a 40-hex-digit address (no 0x)."""
    lower = address_hex.lower()
    digest = keccak256(lower.encode("ascii")).hex()
    return "".join(
        c.upper() if int(h, 16) >= 8 else c for c, h in zip(lower, digest[:40], strict=True)
    )


@lru_cache(maxsize=4096)
def canonical_wallet(token: str) -> str | None:
    """``<chain>:<address>`` for a checksum-valid address, else ``None``."""
    if token[:2] in ("0x", "0X"):
        body = token[2:]
        if len(body) != 40 or not all(c in _HEX for c in body):
            return None
        mixed = body.lower() != body and body.upper() != body
        if mixed and eip55(body) != body:
            return None
        return "eth:0x" + body.lower()
    if token[:3].lower() == "bc1":
        return "btc:" + token.lower() if _segwit_ok(token) else None
    payload = _b58check_payload(token)
    if payload is None or len(payload) != 21:
        return None
    version = payload[0]
    if version in (0x00, 0x05) and token[0] in "13":
        return "btc:" + token
    if version == 0x41 and token[0] == "T":
        return "trx:" + token
    return None
