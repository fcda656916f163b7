"""--format oscal: NIST OSCAL 1.2.1 assessment results (JSON).

Mapping: one OSCAL result for the run (start/end = the service period); reviewed
controls = every catalogue clause as control `clause-<id>` (an OSCAL token cannot start
with a digit; the clause id itself is the `clause` property); one finding per clause
(target objective status: pass -> satisfied; fail/missing/invalid/error -> not-satisfied,
reason fail; waived -> not-satisfied, reason other, with the waiver; manual and
not_applicable carry no objective status, only the cloudpact status property); one
observation per violation, or per clause without violations, with the evidence as
relevant-evidence links (`bundle-path#/json/pointer`). The back matter lists every
evidence object read with its SHA-256, and the assessment plan (catalogue, policies,
parameters) the results import, by digest.

UUIDs are derived (uuid5) from the contract, bundle, manifest digest and clause, never
random, so the same inputs give the same document.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from checker.model import ClauseResult, Report, Status, Violation
from checker.report.interface import Renderer

OSCAL_VERSION = "1.2.1"
NS = "https://cloudpact.invalid/ns/oscal"
ROOT = uuid.UUID("6f1c7f0e-3c1a-5d0e-9a57-1f0c0a7d2025")  # cloudpact's own namespace for uuid5


def control_id(clause_id: str) -> str:
    return f"clause-{clause_id}"


def _prop(name: str, value: object) -> dict[str, str]:
    return {"name": name, "ns": NS, "value": str(value)}


class OscalRenderer(Renderer):
    extension = "oscal.json"

    def render(self, report: Report) -> str:
        seed = f"{report.contract_id}/{report.extra.get('bundle_id', '')}/{report.manifest_sha256}"

        def uid(*parts: object) -> str:
            return str(uuid.uuid5(ROOT, "/".join([seed, *map(str, parts)])))

        waivers = {w.id: w for w in report.waivers}
        observations: list[dict[str, Any]] = []
        findings: list[dict[str, Any]] = []
        for r in report.results:
            obs = self._observations(report, r, uid)
            observations.extend(obs)
            findings.append(self._finding(r, uid, [o["uuid"] for o in obs], waivers))

        result: dict[str, Any] = {
            "uuid": uid("result"),
            "title": f"cloudpact {report.contract_id}",
            "description": (
                f"Clause-by-clause check of evidence bundle {report.extra.get('bundle_id', '')} "
                f"against contract {report.contract_id}, engine {report.engine}."
            ),
            "start": report.period["start"],
            "end": report.period["end"],
            "props": [_prop(f"summary-{k.replace('_', '-')}", v) for k, v in report.summary.items()]
            + [_prop("exit-code", int(report.exit_code))],
            "reviewed-controls": {
                "control-selections": [
                    {
                        "include-controls": [
                            {"control-id": control_id(r.clause.id)} for r in report.results
                        ],
                    }
                ]
            },
            "observations": observations,
            "findings": findings,
        }
        if report.expired_waivers:
            result["remarks"] = "Expired waivers (ignored): " + "; ".join(
                f"{w.id} for clause {w.clause}, expired {w.expires}" for w in report.expired_waivers
            )
            result["props"] += [_prop("expired-waiver", w.id) for w in report.expired_waivers]

        plan_uuid = uid("assessment-plan")
        resources = [
            {
                "uuid": plan_uuid,
                "title": "cloudpact assessment plan: clause catalogue, Rego policies, contract parameters",
                "props": [_prop(k.replace("_", "-"), v) for k, v in sorted(report.inputs.items())],
            }
        ]
        objects = report.extra.get("objects_read") or {}
        for path in sorted(objects):
            digest = objects[path].get("sha256", "")
            rlink: dict[str, Any] = {"href": path}
            if digest:
                rlink["hashes"] = [{"algorithm": "SHA-256", "value": digest}]
            resources.append({"uuid": uid("object", path), "title": path, "rlinks": [rlink]})

        doc = {
            "assessment-results": {
                "uuid": uid("assessment-results"),
                "metadata": {
                    "title": f"Compliance assessment of contract {report.contract_id}",
                    "last-modified": report.generated_at,
                    "version": "1",
                    "oscal-version": OSCAL_VERSION,
                    "props": [
                        _prop("contract-id", report.contract_id),
                        _prop("bundle-id", report.extra.get("bundle_id", "")),
                        _prop("manifest-sha256", report.manifest_sha256),
                        _prop("producer-role", report.producer),
                        _prop("engine", report.engine),
                    ],
                },
                "import-ap": {"href": f"#{plan_uuid}"},
                "results": [result],
                "back-matter": {"resources": resources},
            }
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    def _observations(self, report: Report, r: ClauseResult, uid: Any) -> list[dict[str, Any]]:
        method = "AUTOMATED" if r.clause.automated else "EXAMINE"
        base_props = [_prop("clause", r.clause.id)]
        out = []
        for i, v in enumerate(r.violations):
            out.append(
                {
                    "uuid": uid("observation", r.clause.id, i),
                    "title": f"{r.clause.id} violation {i + 1}",
                    "description": v.message,
                    "props": base_props + self._violation_props(v),
                    "methods": [method],
                    "types": ["finding"],
                    "relevant-evidence": [{"href": v.evidence, "description": v.message}],
                    "collected": report.generated_at,
                }
            )
        if not r.violations:
            evidence = [
                {
                    "href": e.path,
                    "description": f"{e.kind}: {e.state}" + (f" ({e.reason})" if e.reason else ""),
                }
                for e in r.evidence
                if e.path
            ]
            missing = [e.kind for e in r.evidence if not e.path]
            text = f"{r.clause.id}: {r.status.value}"
            if r.reason:
                text += f" — {r.reason}"
            if missing:
                text += f" (no file of kind {', '.join(missing)})"
            obs: dict[str, Any] = {
                "uuid": uid("observation", r.clause.id, "summary"),
                "title": f"{r.clause.id} {r.status.value}",
                "description": text,
                "props": base_props + [_prop("status", r.status.value)],
                "methods": [method],
                "types": ["control-objective"],
                "collected": report.generated_at,
            }
            if evidence:
                obs["relevant-evidence"] = evidence
            out.append(obs)
        return out

    @staticmethod
    def _violation_props(v: Violation) -> list[dict[str, str]]:
        props = [_prop("evidence", v.evidence)]
        if v.waiver:
            props.append(_prop("waiver", v.waiver))
        return props

    def _finding(
        self, r: ClauseResult, uid: Any, related: list[str], waivers: dict[str, Any]
    ) -> dict[str, Any]:
        c = r.clause
        title = c.title.zh if self.lang == "zh" else c.title.en
        target: dict[str, Any] = {
            "type": "objective-id",
            "target-id": control_id(c.id),
            "title": title,
        }
        if r.status is Status.PASS:
            target["status"] = {"state": "satisfied", "reason": "pass"}
        elif r.status is Status.WAIVED:
            target["status"] = {
                "state": "not-satisfied",
                "reason": "other",
                "remarks": "waived: " + ", ".join(r.waivers),
            }
        elif r.status.blocking:
            target["status"] = {"state": "not-satisfied", "reason": "fail"}
        props = [
            _prop("clause", c.id),
            _prop("status", r.status.value),
            _prop("citation", c.citation),
            _prop("severity", c.severity),
        ]
        if r.expected is not None or r.actual is not None:
            props += [_prop("expected", r.expected), _prop("actual", r.actual)]
            if r.unit:
                props.append(_prop("unit", r.unit))
        props += [_prop("waiver", w) for w in r.waivers]
        finding: dict[str, Any] = {
            "uuid": uid("finding", c.id),
            "title": f"{c.id} {title}",
            "description": f"{c.citation}: {c.text}",
            "props": props,
            "target": target,
            "related-observations": [{"observation-uuid": o} for o in related],
        }
        notes = [r.reason] if r.reason else []
        notes += [
            f"waiver {w}: {waivers[w].reason} ({waivers[w].approver_role}, {waivers[w].approval_ref}, "
            f"until {waivers[w].expires})"
            for w in r.waivers
            if w in waivers
        ]
        if notes:
            finding["remarks"] = "\n".join(notes)
        return finding
