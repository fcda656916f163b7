"""Signing the generated bundles with the EXAMPLE keys (evidence/examples/keys/, whose
private keys are published: examples only). Ed25519 is deterministic and the signing
times are fixed (the end of the term), so regenerating gives byte-identical `.sig` files.

What each party signs (checker/trust/evidence.py): Party A the attestations file and the
files of its approvals (acceptance, change and restart authorisations, exit permission);
Party B the attestations it states, too, and the manifest (non-repudiation)."""

from __future__ import annotations

from pathlib import Path

from checker import paths
from checker.trust.evidence import APPROVAL_KINDS
from checker.trust.signing import add_signature, load_signing_key, sig_key, sign_entry

KEYS = paths.EXAMPLES / "keys"


def _key(role: str):  # type: ignore[no-untyped-def]
    return load_signing_key(KEYS / f"{role}.key.pem")


def signatures(files: list[tuple[str, str, bytes]], signed_at: str) -> list[tuple[str, bytes]]:
    """(path.sig, bytes) for every file a party signs."""
    out = []
    for path, kind, data in files:
        roles = ["party_b", "party_a"] if kind == "attestations" else (
            ["party_a"] if kind in APPROVAL_KINDS else [])
        sig: bytes | None = None
        for role in roles:
            sig = add_signature(sig, sign_entry(data, _key(role), signed_at))
        if sig is not None:
            out.append((sig_key(path), sig))
    return out


def manifest_signature(manifest: bytes, signed_at: str) -> bytes:
    return add_signature(None, sign_entry(manifest, _key("party_b"), signed_at))


def sign_file(path: Path, role: str, signed_at: str) -> None:
    """Sign a file on disk with an example key (tests, examples)."""
    sig = Path(sig_key(str(path)))
    existing = sig.read_bytes() if sig.is_file() else None
    sig.write_bytes(add_signature(existing, sign_entry(path.read_bytes(), _key(role), signed_at)))
