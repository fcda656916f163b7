"""--format json: the machine-readable report (issue 2's shape; tools rely on these names)."""

from __future__ import annotations

import json
from typing import Any

from checker.model import ClauseResult, Report
from checker.report.interface import Renderer

REPORT_VERSION = 1


def result_dict(r: ClauseResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "clause": r.clause.id,
        "status": r.status.value,
        "title": {"zh": r.clause.title.zh, "en": r.clause.title.en},
        "citation": r.clause.citation,
        "severity": r.clause.severity,
        "automated": r.clause.automated,
        "evidence_kinds": list(r.clause.evidence_kinds),
        "violations": [
            {"message": v.message, "evidence": v.evidence, **({"details": dict(v.details)} if v.details else {})}
            for v in r.violations
        ],
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
    if r.measures:
        out["measures"] = dict(r.measures)
    if r.reason:
        out["reason"] = r.reason
    return out


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
    for key, value in report.extra.items():
        doc.setdefault(key, value)
    return doc


class JsonRenderer(Renderer):
    extension = "json"

    def render(self, report: Report) -> str:
        return json.dumps(report_dict(report), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
