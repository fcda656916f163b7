"""Signed attestations: how a clause that no record can show (e.g. 9.19 no subcontracting
without consent) passes instead of staying `manual` (issue 14: Party B alone can never
make it pass).

An attestation (evidence kind `attestations`, schemas/evidence/attestations.schema.json)
is accepted for a clause when
  - it names the clause;
  - what it covers spans the whole contract term (the parameters' `period`, not the
    manifest's, which Party B writes): a statement about part of the term cannot vouch
    for all of it;
  - it is dated no earlier than the end of the term (before then nobody can know the
    obligation held for the whole term);
  - the attestations file carries a signature (`FILE.sig`, checker/trust/signing.py) that
    verifies over its exact bytes with a key the verifier's trust file gives to Party A,
    the supervision provider or the cloud management unit, made within that key's
    validity and no earlier than the end of the term.
The signatories listed inside the record are what the parties state; only the
cryptographic signature decides. Anything else leaves the clause `manual`, the reason
naming the problem (missing signature, unknown key, wrong role, outside validity, changed
bytes). A bundle covering part of the term gets no `pass` at all (checker/periods.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from checker.bundle import Bundle
from checker.trust.evidence import CONFIRMING, file_verification
from checker.trust.signing import Verification

KIND = "attestations"


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    reason: str
    evidence: str  # bundle path + "#" + JSON pointer of the attestation


def _ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


def judge(att: Mapping[str, Any], term: Mapping[str, str]) -> str | None:
    """Why the attestation's content cannot vouch for the term, or None when it can."""
    start, end = _ts(term["start"]), _ts(term["end"])
    covers = att["covers"]
    if _ts(covers["start"]) > start or _ts(covers["end"]) < end:
        whole = f"{term['start']}..{term['end']}"
        return f"covers {covers['start']}..{covers['end']}, not the whole contract term {whole}"
    if _ts(att["attested_at"]) < end:
        return f"dated {att['attested_at']}, before the contract term ended ({term['end']})"
    return None


def judge_signature(v: Verification, term: Mapping[str, str]) -> tuple[str | None, str]:
    """(problem, who signed) of the attestations file's signatures."""
    end = _ts(term["end"])
    confirming = v.by(CONFIRMING)
    late = [s for s in confirming if s.signed_at >= end]
    if late:
        return None, ", ".join(s.describe() for s in late)
    if confirming:
        s = confirming[0]
        return f"signed by {s.describe()}, before the contract term ended", ""
    problems = list(v.problems)
    if v.valid:  # only Party B's own signature verified
        problems.insert(0, "signed by Party B only; Party A, the supervision provider or the "
                           "cloud management unit must sign")
    return "signature not accepted: " + ("; ".join(problems) or "no signature"), ""


def term_of(bundle: Bundle) -> Mapping[str, str]:
    if bundle.term is None:
        from checker.catalogue import load_params

        bundle.term = dict(load_params()["period"])
    return bundle.term


def verdicts(bundle: Bundle, clause_id: str) -> list[Verdict]:
    """Every attestation in the bundle that names the clause, judged."""
    out = []
    term = term_of(bundle)
    for f in bundle.files_of(KIND):
        if f.state != "ok" or not isinstance(f.data, dict):
            continue
        sig_problem, signers = judge_signature(file_verification(bundle, f.path), term)
        for i, att in enumerate(f.data.get("attestations", [])):
            if clause_id not in att["clauses"]:
                continue
            at = f"{f.path}#/attestations/{i}"
            why = judge(att, term) or sig_problem
            if why is None:
                out.append(Verdict(True, f"attested on {att['attested_at']}, signed by "
                                         f"{signers}: {at}", at))
            else:
                out.append(Verdict(False, f"attestation {att['attestation_id']} not accepted: "
                                          f"{why} ({at})", at))
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
