"""Detached signatures: what is signed, how, and how it is checked.

What is signed: a file's exact bytes. `FILE.sig` (JSON, beside FILE) holds one entry per
signer: key id, role, algorithm, signing time, the SHA-256 of FILE's bytes, and the
signature. The signature is over the RFC 8785 (JCS) canonical JSON of
  {"context": "cloudpact-signature-v1", "key_id", "role", "algorithm", "signed_at", "sha256"}
so it binds the signer's role and time to those exact bytes: one changed byte of FILE, of
the role or of the time, and it no longer verifies. Several parties sign the same file by
appending entries (`cloudpact sign` does).

A signature counts only when its key is in the trust file (held outside the bundle), the
trust file gives that key the role the entry claims, the signing time is within the key's
validity, and it verifies over the file's current bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import rfc8785

from checker.trust.interface import TrustError, algorithm
from checker.trust.trustfile import Trust, fingerprint

CONTEXT = "cloudpact-signature-v1"
SUFFIX = ".sig"
ROLE_NAMES = {
    "party_a": "Party A",
    "party_b": "Party B",
    "supervision_provider": "the supervision provider",
    "cloud_management_unit": "the cloud management unit",
}


def sig_key(key: str) -> str:
    """Where the signatures of `key` are: `key.sig` beside it."""
    return key + SUFFIX


def statement(entry: dict[str, Any]) -> bytes:
    fields = {k: entry[k] for k in ("key_id", "role", "algorithm", "signed_at", "sha256")}
    return bytes(rfc8785.dumps({"context": CONTEXT, **fields}))


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    role: str
    algorithm: str
    private: Any


def load_signing_key(path: Path, role: str | None = None) -> SigningKey:
    """A PEM private key written by `cloudpact keygen`; its role from the `.pub.json`
    beside it (or `role`)."""
    from checker.safeload import read_regular

    pem = read_regular(Path(path), what="private key", error=TrustError)
    algo = algorithm("ed25519")
    private = algo.load_private(pem)
    public = algo.public_text(private)
    if role is None:
        pub = public_info_path(Path(path))
        try:
            info = json.loads(pub.read_text(encoding="utf-8"))
            role = str(info["role"])
        except (OSError, ValueError, KeyError, TypeError):
            raise TrustError(f"{path}: cannot tell the key's role ({pub} missing or unreadable)",
                             hint="keep the .pub.json that keygen wrote beside the key") from None
    return SigningKey(fingerprint(algo.name, public), role, algo.name, private)


def public_info_path(key_path: Path) -> Path:
    name = key_path.name
    stem = name[: -len(".key.pem")] if name.endswith(".key.pem") else key_path.stem
    return key_path.with_name(stem + ".pub.json")


def sign_entry(data: bytes, key: SigningKey, signed_at: str) -> dict[str, Any]:
    datetime.fromisoformat(signed_at)  # refuse a malformed time early
    entry = {
        "key_id": key.key_id,
        "role": key.role,
        "algorithm": key.algorithm,
        "signed_at": signed_at,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    sig = algorithm(key.algorithm).sign(key.private, statement(entry))
    return {**entry, "signature": base64.b64encode(sig).decode()}


def add_signature(existing: bytes | None, entry: dict[str, Any]) -> bytes:
    """The `.sig` file with `entry` added (replacing an earlier one of the same key)."""
    doc: dict[str, Any] = {"signature_version": 1, "signatures": []}
    if existing:
        doc = parse_sigfile(existing, "existing .sig")
    doc["signatures"] = [s for s in doc["signatures"] if s.get("key_id") != entry["key_id"]]
    doc["signatures"].append(entry)
    doc["signatures"].sort(key=lambda s: (str(s.get("role")), str(s.get("key_id"))))
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def parse_sigfile(raw: bytes, where: str) -> dict[str, Any]:
    from checker.safeload import JsonRefused, load_json

    try:
        doc = load_json(raw)
    except JsonRefused as exc:
        raise TrustError(f"{where}: signature file is not valid JSON ({exc})") from None
    if (not isinstance(doc, dict) or doc.get("signature_version") != 1
            or not isinstance(doc.get("signatures"), list)):
        raise TrustError(f"{where}: not a cloudpact signature file (signature_version 1)")
    return doc


@dataclass(frozen=True)
class Signed:
    """A signature that verified: who (role, key) and when."""

    role: str
    key_id: str
    signed_at: datetime

    def describe(self) -> str:
        return f"{ROLE_NAMES.get(self.role, self.role)} (key {self.key_id}, {self.signed_at.isoformat()})"


@dataclass
class Verification:
    valid: list[Signed] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def by(self, roles: frozenset[str] | set[str]) -> list[Signed]:
        return [s for s in self.valid if s.role in roles]

    def as_dict(self) -> dict[str, Any]:
        return {
            "signed_by": [{"role": s.role, "key_id": s.key_id,
                           "signed_at": s.signed_at.isoformat()} for s in self.valid],
            "problems": list(self.problems),
        }


def verify(data: bytes, sig_raw: bytes | None, trust: Trust, what: str) -> Verification:
    """Every signature of `data` in its `.sig` file, checked against the trust file."""
    out = Verification()
    if sig_raw is None:
        out.problems.append(f"{what} is not signed (no {SUFFIX} file beside it)")
        return out
    try:
        doc = parse_sigfile(sig_raw, what + SUFFIX)
    except TrustError as exc:
        out.problems.append(str(exc))
        return out
    digest = hashlib.sha256(data).hexdigest()
    if not doc["signatures"]:
        out.problems.append(f"{what}{SUFFIX} holds no signature")
    for i, entry in enumerate(doc["signatures"]):
        problem = _check(entry, digest, trust)
        if isinstance(problem, Signed):
            out.valid.append(problem)
        else:
            out.problems.append(f"{what}{SUFFIX} signature {i + 1}: {problem}")
    return out


def _check(entry: Any, digest: str, trust: Trust) -> Signed | str:
    needed = ("key_id", "role", "algorithm", "signed_at", "sha256", "signature")
    if not isinstance(entry, dict) or any(not isinstance(entry.get(k), str) for k in needed):
        return "malformed entry (needs " + ", ".join(needed) + ")"
    try:
        when = datetime.fromisoformat(entry["signed_at"])
        if when.tzinfo is None:
            raise ValueError
    except ValueError:
        return f"signed_at {entry['signed_at']!r} is not an RFC 3339 time with offset"
    if not trust.keys:
        return "no trust file: no signature can be verified (give --trust FILE)"
    key = trust.keys.get(entry["key_id"])
    if key is None:
        return f"key {entry['key_id']} is not in the trust file"
    if key.role != entry["role"]:
        return (f"key {key.key_id} belongs to {key.role} in the trust file, "
                f"the signature claims {entry['role']} (wrong role)")
    if key.algorithm != entry["algorithm"]:
        return f"key {key.key_id} is {key.algorithm}, the signature says {entry['algorithm']}"
    if not key.valid_at(when):
        return (f"signed {entry['signed_at']}, outside the validity of key {key.key_id} "
                f"({key.valid_from.isoformat()} .. {key.valid_until.isoformat()})")
    if entry["sha256"] != digest:
        return "the file's bytes changed after signing (sha256 differs)"
    try:
        sig = base64.b64decode(entry["signature"], validate=True)
    except (binascii.Error, ValueError):
        return "signature is not base64"
    if not algorithm(key.algorithm).verify(key.public_key, statement(entry), sig):
        return f"signature does not verify with key {key.key_id} (forged or altered)"
    return Signed(key.role, key.key_id, when)
