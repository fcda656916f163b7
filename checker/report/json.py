"""--format json: the machine-readable report (issue 2's shape; tools rely on these names)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from checker.model import ClauseResult, Report, Violation, Waiver
from checker.report.interface import Renderer

REPORT_VERSION = 1


def canonical(value: Any) -> Any:
    """Mappings with sorted keys, recursively: no dict-order dependence on the engine."""
    if isinstance(value, Mapping):
        return {str(k): canonical(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, list | tuple):
        return [canonical(x) for x in value]
    return value


def section(value: Any) -> Any:
    """A report section as plain data: typed sections (e.g. the liability ledger) render themselves."""
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def result_dict(r: ClauseResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "clause": r.clause.id,
        "status": r.status.value,
        "title": {"zh": r.clause.title.zh, "en": r.clause.title.en},
        "citation": r.clause.citation,
        "severity": r.clause.severity,
        "automated": r.clause.automated,
        "evidence_kinds": list(r.clause.evidence_kinds),
        "violations": [violation_dict(v) for v in r.violations],
        "evidence": [
            {"path": e.path, "kind": e.kind, "state": e.state, **({"reason": e.reason} if e.reason else {})}
            for e in r.evidence
        ],
    }
    if r.expected is not None or r.actual is not None:
        out["expected"] = r.expected
        out["actual"] = r.actual
        if r.unit:
            out["unit"] = r.unit
    if r.excluded:
        out["excluded"] = [
            {"evidence": x.evidence, "reason": x.reason, **canonical(x.details)} for x in r.excluded
        ]
    if r.measures:
        out["measures"] = canonical(r.measures)
    if r.reason:
        out["reason"] = r.reason
    if r.waivers:
        out["waivers"] = list(r.waivers)
    return out


def violation_dict(v: Violation) -> dict[str, Any]:
    out: dict[str, Any] = {"message": v.message, "evidence": v.evidence}
    if v.details:
        out["details"] = canonical(v.details)
    if v.waiver:
        out["waiver"] = v.waiver
    return out


def waiver_dict(w: Waiver) -> dict[str, Any]:
    return {
        "id": w.id, "clause": w.clause, "scope": dict(w.scope), "state": w.state, "expires": w.expires,
        "reason": w.reason, "approver_role": w.approver_role, "approval_ref": w.approval_ref,
    }


def report_dict(report: Report) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "report_version": REPORT_VERSION,
        "tool": "cloudpact",
        "contract_id": report.contract_id,
        "period": dict(report.period),
        "producer": report.producer,
        "bundle": report.bundle,
        "manifest_sha256": report.manifest_sha256,
        "engine": report.engine,
        "generated_at": report.generated_at,
        "inputs": dict(report.inputs),
        "summary": report.summary,
        "exit_code": int(report.exit_code),
        "results": [result_dict(r) for r in report.results],
    }
    if report.waivers_as_of or report.waivers:
        doc["waivers"] = {
            "as_of": report.waivers_as_of,
            "expired": [w.id for w in report.expired_waivers],
            "items": [waiver_dict(w) for w in report.waivers],
        }
    for key, value in report.extra.items():
        data = section(value)
        if key == "liability" and isinstance(data, dict):
            from checker.report.ledger import enrich, ledger_view

            view = ledger_view(report)
            if view is not None:
                data = enrich(data, view)
        doc.setdefault(key, canonical(data))
    return doc


class JsonRenderer(Renderer):
    extension = "json"

    def render(self, report: Report) -> str:
        return json.dumps(report_dict(report), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
