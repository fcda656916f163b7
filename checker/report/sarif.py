"""--format sarif: SARIF 2.1.0 for code-scanning tools.

Mapping: one rule per catalogue clause (rule id = clause id, help = the contract's words
with their citation); one result per violation (kind fail, level from the clause's
severity), located at the evidence file (artifactLocation relative to the BUNDLE base)
and at the JSON pointer (a logical location, SARIF having no JSON-pointer region).
A clause without violations still gets one result saying what it is (pass,
notApplicable, review for manual, fail for missing/invalid/error), so a viewer shows
all 66 clauses. Waived violations carry an accepted external suppression naming the
waiver; expired waivers are tool notifications (warning) and in run properties.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.model import ClauseResult, Report, Status, Violation, Waiver
from checker.report.interface import Renderer
from checker.report.json import canonical, waiver_dict

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
KIND = {
    Status.PASS: "pass",
    Status.NOT_APPLICABLE: "notApplicable",
    Status.MANUAL: "review",
    Status.FAIL: "fail",
    Status.MISSING: "fail",
    Status.INVALID: "fail",
    Status.ERROR: "fail",
    Status.WAIVED: "fail",
}


def _base_uri(bundle: str) -> str | None:
    if "://" in bundle:
        return bundle.rstrip("/") + "/"
    path = Path(bundle)
    return path.as_uri() + "/" if path.is_absolute() else None


def _location(evidence: str) -> dict[str, Any] | None:
    path, _, pointer = evidence.partition("#")
    if not path:
        return None
    loc: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "BUNDLE"}}
    }
    if pointer:
        loc["logicalLocations"] = [
            {"fullyQualifiedName": f"{path}#{pointer}", "name": pointer, "kind": "object"}
        ]
    return loc


def _suppression(waiver: Waiver | None, waiver_id: str) -> dict[str, Any]:
    text = f"waiver {waiver_id}"
    if waiver is not None:
        text += f" ({waiver.approver_role}, {waiver.approval_ref}, until {waiver.expires}): {waiver.reason}"
    return {"kind": "external", "status": "accepted", "justification": text}


class SarifRenderer(Renderer):
    extension = "sarif"

    def _title(self, r: ClauseResult) -> str:
        return r.clause.title.zh if self.lang == "zh" else r.clause.title.en

    def render(self, report: Report) -> str:
        waivers = {w.id: w for w in report.waivers}
        rules = []
        results: list[dict[str, Any]] = []
        for index, r in enumerate(report.results):
            c = r.clause
            rules.append(
                {
                    "id": c.id,
                    "name": c.title.en,
                    "shortDescription": {"text": f"{c.id} {self._title(r)}"},
                    "fullDescription": {"text": f"{c.citation}: {c.text}"},
                    "help": {
                        "text": f"{c.citation}: {c.text}",
                        "markdown": f"**{c.citation}** ({c.title.zh} / {c.title.en})\n\n> {c.text}",
                    },
                    "defaultConfiguration": {"level": LEVEL.get(c.severity, "warning")},
                    "properties": {
                        "citation": c.citation,
                        "article": c.article,
                        "title_zh": c.title.zh,
                        "severity": c.severity,
                        "automated": c.automated,
                        "evidence_kinds": list(c.evidence_kinds),
                        "tags": [c.article, c.severity],
                        **({"policy": c.policy} if c.policy else {}),
                    },
                }
            )
            results.extend(self._results(r, index, waivers))
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "cloudpact",
                    "semanticVersion": "0.1.0",
                    "informationUri": "https://cloudpact.invalid/",
                    "rules": rules,
                }
            },
            "automationDetails": {
                "id": f"{report.contract_id}/{report.extra.get('bundle_id', '')}"
            },
            "invocations": [self._invocation(report)],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {
                "contract_id": report.contract_id,
                "period": dict(report.period),
                "manifest_sha256": report.manifest_sha256,
                "engine": report.engine,
                "inputs": dict(report.inputs),
                "summary": report.summary,
                "generated_at": report.generated_at,
                **(
                    {
                        "waivers": [waiver_dict(w) for w in report.waivers],
                        "waivers_as_of": report.waivers_as_of,
                    }
                    if report.waivers_as_of
                    else {}
                ),
            },
        }
        base = _base_uri(report.bundle)
        run["originalUriBaseIds"] = {
            "BUNDLE": {"uri": base} if base else {"description": {"text": report.bundle}}
        }
        doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    def _invocation(self, report: Report) -> dict[str, Any]:
        notes = [
            {
                "level": "warning",
                "message": {
                    "text": f"waiver {w.id} (clause {w.clause}) expired on {w.expires}: ignored"
                },
                "descriptor": {"id": "expired-waiver"},
            }
            for w in report.expired_waivers
        ]
        inv: dict[str, Any] = {"executionSuccessful": True, "exitCode": int(report.exit_code)}
        if notes:
            inv["toolExecutionNotifications"] = notes
        return inv

    def _results(
        self, r: ClauseResult, index: int, waivers: dict[str, Waiver]
    ) -> list[dict[str, Any]]:
        c = r.clause
        level = LEVEL.get(c.severity, "warning")
        base = {"ruleId": c.id, "ruleIndex": index}
        props = {"status": r.status.value, "citation": c.citation}
        if r.expected is not None or r.actual is not None:
            props.update(
                {"expected": r.expected, "actual": r.actual, **({"unit": r.unit} if r.unit else {})}
            )
        if r.violations:
            return [self._violation(base, level, props, v, waivers) for v in r.violations]
        kind = KIND[r.status]
        text = f"{c.id} {self._title(r)}: {r.status.value}"
        if r.reason:
            text += f" — {r.reason}"
        out: dict[str, Any] = {
            **base,
            "kind": kind,
            "level": level if kind == "fail" else "none",
            "message": {"text": text},
            "properties": props,
        }
        locations = [loc for e in r.evidence if (loc := _location(e.path))]
        if locations:
            out["locations"] = locations
        if r.status is Status.WAIVED and r.waivers:
            out["suppressions"] = [_suppression(waivers.get(w), w) for w in r.waivers]
        return [out]

    def _violation(
        self,
        base: dict[str, Any],
        level: str,
        props: dict[str, Any],
        v: Violation,
        waivers: dict[str, Waiver],
    ) -> dict[str, Any]:
        out: dict[str, Any] = {
            **base,
            "kind": "fail",
            "level": level,
            "message": {"text": v.message},
        }
        loc = _location(v.evidence)
        if loc:
            out["locations"] = [loc]
        out["properties"] = {
            **props,
            "evidence": v.evidence,
            **({"details": canonical(v.details)} if v.details else {}),
        }
        if v.waiver:
            out["suppressions"] = [_suppression(waivers.get(v.waiver), v.waiver)]
        return out
