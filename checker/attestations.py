"""Signed attestations: how a clause that no record can show (e.g. 9.19 no subcontracting
without consent) passes instead of staying `manual`.

An attestation (evidence kind `attestations`, schemas/evidence/attestations.schema.json)
is accepted for a clause when
  - it names the clause;
  - what it covers spans the whole bundle period (a statement about part of the period
    cannot vouch for all of it);
  - it is dated, and signed by everyone, no earlier than the end of the bundle period
    (before then nobody can know the obligation held for the whole period);
  - at least one signatory is not Party B: Party A, the supervision provider or the
    cloud management unit confirms what the provider states.
Schema validity (roles only, never personal names; a digest of the signed original) is
checked when the bundle loads; a schema-invalid file is never read here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from checker.bundle import Bundle

CONFIRMING = frozenset({"party_a", "supervision_provider", "cloud_management_unit"})
KIND = "attestations"


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    reason: str
    evidence: str  # bundle path + "#" + JSON pointer of the attestation


def _ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


def judge(att: Mapping[str, Any], period: Mapping[str, str]) -> str | None:
    """Why the attestation cannot vouch for the period, or None when it can."""
    start, end = _ts(period["start"]), _ts(period["end"])
    covers = att["covers"]
    if _ts(covers["start"]) > start or _ts(covers["end"]) < end:
        whole = f"{period['start']}..{period['end']}"
        return f"covers {covers['start']}..{covers['end']}, not the whole period {whole}"
    if _ts(att["attested_at"]) < end:
        return (
            f"dated {att['attested_at']}, before the period it vouches for ended ({period['end']})"
        )
    early = [s for s in att["signatories"] if _ts(s["signed_at"]) < end]
    if early:
        who, when = early[0]["organisation_role"], early[0]["signed_at"]
        return f"signed by {who} on {when}, before the period ended"
    if not any(s["organisation_role"] in CONFIRMING for s in att["signatories"]):
        return (
            "signed by Party B only; Party A, the supervision provider "
            "or the cloud management unit must confirm"
        )
    return None


def verdicts(bundle: Bundle, clause_id: str) -> list[Verdict]:
    """Every attestation in the bundle that names the clause, judged."""
    out = []
    period = bundle.manifest["period"]
    for f in bundle.files_of(KIND):
        if f.state != "ok" or not isinstance(f.data, dict):
            continue
        for i, att in enumerate(f.data.get("attestations", [])):
            if clause_id not in att["clauses"]:
                continue
            at = f"{f.path}#/attestations/{i}"
            why = judge(att, period)
            if why is None:
                signers = ", ".join(
                    f"{s['role']} ({s['organisation_role']})" for s in att["signatories"]
                )
                out.append(
                    Verdict(True, f"attested on {att['attested_at']} by {signers}: {at}", at)
                )
            else:
                out.append(
                    Verdict(
                        False, f"attestation {att['attestation_id']} not accepted: {why} ({at})", at
                    )
                )
    return out


def decide(bundle: Bundle, clause_id: str) -> tuple[bool, str]:
    """(accepted, reason) for a clause no policy decides."""
    found = verdicts(bundle, clause_id)
    accepted = [v for v in found if v.accepted]
    if accepted:
        return True, accepted[0].reason
    if found:
        return False, "needs a signed attestation; " + "; ".join(v.reason for v in found)
    return False, "needs a signed attestation (none in the bundle covers this clause)"
