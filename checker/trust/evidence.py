"""Signatures of what is inside a bundle: the manifest (Party B), attestations files
(Party A, the supervision provider or the cloud management unit), and the files of
approvals that decide a clause (Party A's written word): acceptance (6.x), change
authorisations (9.6), restart authorisations, exit permission.

Each signed file's signatures are in `PATH.sig` beside it in the bundle (not listed in the
manifest: a signature speaks for itself, checked against the verifier's trust file).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from checker.errors import StoreError
from checker.store.interface import StoreNotFound
from checker.trust.signing import ROLE_NAMES, Verification, sig_key, verify
from checker.trust.trustfile import Trust, resolve

if TYPE_CHECKING:
    from checker.bundle import Bundle
    from checker.model import ClauseResult

CONFIRMING = frozenset({"party_a", "supervision_provider", "cloud_management_unit"})
PARTY_A = frozenset({"party_a"})
# evidence kinds whose records are Party A's written approvals: a clause they decide
# cannot pass unless the file carries a valid Party A signature
APPROVAL_KINDS: dict[str, frozenset[str]] = {
    "acceptance": PARTY_A,
    "change_records": PARTY_A,
    "restart_records": PARTY_A,
    "exit_records": PARTY_A,
}
# listed, not yet wired: payments (Party A's payment records, 7.x), major_events
# (Party A's declarations, 3.9), deliverables receipts (6.x).


def trust_of(bundle: Bundle) -> Trust:
    if bundle.trust is None:
        bundle.trust = resolve(None)
    return bundle.trust


def _read_sig(bundle: Bundle, key: str) -> tuple[bytes | None, str]:
    try:
        return bundle.store.read(sig_key(key)), ""
    except StoreNotFound:
        return None, ""
    except StoreError as exc:
        return None, f"{sig_key(key)} refused: {exc}"


def file_verification(bundle: Bundle, path: str, data: bytes | None = None) -> Verification:
    """The signatures of one bundle file over the bytes that were checked (cached)."""
    cached = bundle.verifications.get(path)
    if cached is not None:
        return cached
    if data is None:
        data = bundle.manifest_raw if path == "manifest.json" else bundle.raw_bytes.get(path)
    raw, problem = _read_sig(bundle, path)
    if data is None:
        result = Verification(problems=[f"{path} could not be read"])
    elif problem:
        result = Verification(problems=[problem])
    else:
        result = verify(data, raw, trust_of(bundle), path)
    bundle.verifications[path] = result
    return result


def manifest_signature(bundle: Bundle) -> dict[str, Any]:
    """For the report: is the manifest signed by Party B (non-repudiation of what it
    submitted)?"""
    v = file_verification(bundle, "manifest.json")
    by_b = v.by({"party_b"})
    return {
        "signed_by_party_b": bool(by_b),
        **v.as_dict(),
        "trust_sha256": trust_of(bundle).sha256,  # which trust file decided (not its path)
    }


def signed_roles(bundle: Bundle) -> dict[str, list[str]]:
    """Facts for the policies (input.bundle.signed): bundle path -> roles whose signature
    over the file verifies, for every attestations or approvals file."""
    out = {}
    for f in bundle.files:
        if f.state == "ok" and (f.kind in APPROVAL_KINDS or f.kind == "attestations"):
            out[f.path] = sorted({s.role for s in file_verification(bundle, f.path).valid})
    return out


def kind_signed(bundle: Bundle, kind: str, roles: frozenset[str]) -> tuple[bool, str]:
    """Every usable file of `kind` carries a valid signature of one of `roles`."""
    problems = []
    files = [f for f in bundle.files_of(kind) if f.state == "ok"]
    for f in files:
        v = file_verification(bundle, f.path)
        if not v.by(roles):
            who = " or ".join(ROLE_NAMES[r] for r in sorted(roles))
            detail = "; ".join(v.problems) or "no signature of that role"
            problems.append(f"{f.path} is not signed by {who} ({detail})")
    return (bool(files) and not problems), "; ".join(problems)


def gate_approvals(results: Sequence[ClauseResult], bundle: Bundle) -> tuple[ClauseResult, ...]:
    """A clause decided by Party A's approvals passes only when those approvals carry Party
    A's signature; otherwise the records do not count: `manual`, with the reason."""
    from checker.model import Status

    out = []
    for r in results:
        kinds = [k for k in r.clause.evidence_kinds if k in APPROVAL_KINDS]
        if r.status is Status.PASS and kinds:
            problems = [why for k in kinds
                        for ok, why in [kind_signed(bundle, k, APPROVAL_KINDS[k])] if not ok]
            if problems:
                r = dataclasses.replace(r, status=Status.MANUAL, reason=(
                    "the approvals deciding this clause do not count without Party A's "
                    "signature: " + "; ".join(problems)))
        out.append(r)
    return tuple(out)
