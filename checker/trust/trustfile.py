"""The trust file: which public keys speak for which role, and when.

Held by whoever runs the check (Party A, the supervision provider), never taken from a
bundle. Found at `--trust FILE`, else `$CLOUDPACT_TRUST`, else
`$XDG_CONFIG_HOME/cloudpact/trust.yaml` (`~/.config/cloudpact/trust.yaml`). Schema:
schemas/trust.schema.json. A key id is the key's fingerprint (`ed25519:` + the first 16
hex digits of the SHA-256 of the raw public key), checked when the file loads.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from checker import paths, schemas
from checker.trust.interface import TrustError, algorithm

SCHEMA = paths.SCHEMAS / "trust.schema.json"
ENV = "CLOUDPACT_TRUST"
ROLES = ("party_a", "party_b", "supervision_provider", "cloud_management_unit")


def fingerprint(algo: str, public: str) -> str:
    try:
        raw = base64.b64decode(public, validate=True)
    except (binascii.Error, ValueError):
        raise TrustError(f"public key {public[:12]!r}... is not base64") from None
    return f"{algo}:{hashlib.sha256(raw).hexdigest()[:16]}"


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    role: str
    algorithm: str
    public_key: str
    valid_from: datetime
    valid_until: datetime

    def valid_at(self, when: datetime) -> bool:
        return self.valid_from <= when <= self.valid_until


@dataclass(frozen=True)
class Trust:
    path: str
    contract_id: str
    keys: Mapping[str, TrustedKey]  # key id -> key
    sha256: str = ""

    @classmethod
    def empty(cls) -> Trust:
        return cls("", "", {})


def default_path() -> Path | None:
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    candidate = base / "cloudpact" / "trust.yaml"
    return candidate if candidate.is_file() else None


def load_trust(path: Path) -> Trust:
    from checker.safeload import load_yaml_bytes, read_regular

    raw = read_regular(Path(path), what="trust file", error=TrustError)
    data: Any = load_yaml_bytes(raw, str(path), TrustError)
    error = schemas.first_error(schemas.validator_for(SCHEMA), data)
    if error:
        raise TrustError(f"{path}: trust file does not match trust.schema.json {error}")
    keys: dict[str, TrustedKey] = {}
    for i, row in enumerate(data["keys"]):
        algorithm(row["algorithm"])
        expected = fingerprint(row["algorithm"], row["public_key"])
        if row["key_id"] != expected:
            raise TrustError(f"{path}#/keys/{i}: key_id {row['key_id']} is not the key's "
                             f"fingerprint {expected}")
        if row["key_id"] in keys:
            raise TrustError(f"{path}#/keys/{i}: key {row['key_id']} listed twice")
        start = datetime.fromisoformat(row["valid_from"])
        end = datetime.fromisoformat(row["valid_until"])
        if end < start:
            raise TrustError(f"{path}#/keys/{i}: valid_until is before valid_from")
        keys[row["key_id"]] = TrustedKey(row["key_id"], row["role"], row["algorithm"],
                                         row["public_key"], start, end)
    return Trust(str(path), str(data["contract_id"]), keys, hashlib.sha256(raw).hexdigest())


def resolve(path: Path | None) -> Trust:
    """The trust of a run: the given file, else the default location, else none (every
    signature then fails with 'no trust file')."""
    chosen = path if path is not None else default_path()
    return load_trust(chosen) if chosen is not None else Trust.empty()
