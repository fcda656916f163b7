"""Bundle period against the contract term (issue 14).

The manifest's period is what Party B says the bundle covers; the term is the contract's
(parameters `period`, 第五条). A period reaching outside the term is refused (exit 2). A
period inside but shorter than the term makes the bundle *partial*: every report says so
(each clause it touches carries the reason; the JSON report's `period_coverage`), and no
whole-term clause can pass on part of the term: a 2.2.1.x clause (yearly security
services) or a clause decided by attestation that would pass is `not_applicable`, with the
reason, even when the attestations themselves cover the whole term.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from checker.errors import BundleError
from checker.model import ClauseResult, Status


def coverage(period: Mapping[str, str], term: Mapping[str, str]) -> dict[str, Any]:
    start, end = datetime.fromisoformat(period["start"]), datetime.fromisoformat(period["end"])
    t_start, t_end = datetime.fromisoformat(term["start"]), datetime.fromisoformat(term["end"])
    if end <= start:
        raise BundleError(f"bundle period {period['start']}..{period['end']} ends before it starts")
    if start < t_start or end > t_end:
        raise BundleError(
            f"bundle period {period['start']}..{period['end']} lies outside the contract term "
            f"{term['start']}..{term['end']}; refused",
            hint="a bundle covers the term or part of it (manifest.json period)")
    partial = start > t_start or end < t_end
    return {"partial": partial, "bundle_period": dict(period), "term": dict(term)}


def whole_term(result: ClauseResult) -> bool:
    return result.clause.id.startswith("2.2.1.") or not result.clause.automated


def apply_partial(results: Sequence[ClauseResult], cov: Mapping[str, Any]) -> tuple[ClauseResult, ...]:
    if not cov["partial"]:
        return tuple(results)
    p, t = cov["bundle_period"], cov["term"]
    note = (f"partial bundle: it covers {p['start']}..{p['end']}, not the whole contract term "
            f"{t['start']}..{t['end']}")
    out = []
    for r in results:
        if whole_term(r) and r.status is Status.PASS:
            r = dataclasses.replace(r, status=Status.NOT_APPLICABLE, reason=(
                f"{note}; a whole-term clause cannot pass on part of the term"
                + (f" ({r.reason})" if r.reason else "")))
        elif whole_term(r):
            r = dataclasses.replace(r, reason=f"{note}. {r.reason}".strip())
        out.append(r)
    return tuple(out)
