"""--format sarif: SARIF 2.1.0 for code-scanning tools.

Mapping: one rule per catalogue clause (rule id = clause id, help = the contract's words
with their citation); one result per violation (kind fail, level from the clause's
severity), located at the evidence file (artifactLocation relative to the BUNDLE base,
itself resolved: an absolute URI, or relative to %SRCROOT%, the folder the check ran in),
with a region (line, column) where the JSON pointer maps to a line of the evidence file,
and the pointer as a logical location. The items a quantity clause did not count are
related locations of its result, each with its reason. Each result has a stable
`partialFingerprints["cloudpact/v1"]` (clause, evidence pointer, the item it is about), so
two runs with the same violations give the same fingerprints whatever the message says.
By default only failures are results (violations; missing/invalid/error clauses as one
fail each); with `--sarif-passes`, passing clauses are results of kind `pass` (and manual
ones `review`, not-applicable ones `notApplicable`). Waived violations carry an accepted
external suppression naming the waiver; expired waivers are tool notifications (warning)
and in run properties.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from checker.model import ClauseResult, Report, Status, Violation, Waiver
from checker.report.common import item
from checker.report.interface import Renderer
from checker.report.json import canonical, waiver_dict
from checker.report.pointers import positions

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


SRCROOT = "%SRCROOT%"


def base_ids(bundle: str, cwd: Path | None = None) -> dict[str, Any]:
    """originalUriBaseIds: BUNDLE resolved to an absolute URI, or relative to %SRCROOT%
    (the folder the check ran in: a repository checkout in CI), which is absolute."""
    if "://" in bundle:
        return {"BUNDLE": {"uri": bundle.rstrip("/") + "/"}}
    path = Path(bundle)
    if path.is_absolute():
        return {"BUNDLE": {"uri": path.as_uri() + "/"}}
    root = (cwd or Path.cwd()).resolve()
    rel = path.as_posix().strip("/")
    return {
        SRCROOT: {"uri": root.as_uri() + "/"},
        "BUNDLE": {"uri": (rel + "/") if rel and rel != "." else "", "uriBaseId": SRCROOT},
    }


class _Lines:
    """JSON pointer -> (line, column) in the bundle's local evidence files, read lazily."""

    def __init__(self, bundle: str, wanted: dict[str, set[str]]) -> None:
        self.found: dict[str, dict[str, tuple[int, int]]] = {}
        if "://" in bundle:
            return
        for path, pointers in wanted.items():
            try:
                text = (Path(bundle) / path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError, ValueError):
                continue
            self.found[path] = positions(text, pointers)

    def region(self, evidence: str) -> dict[str, int] | None:
        path, _, pointer = evidence.partition("#")
        at = self.found.get(path, {}).get(pointer)
        return {"startLine": at[0], "startColumn": at[1]} if at else None


def _location(evidence: str, lines: _Lines | None = None, text: str | None = None) -> dict[str, Any] | None:
    path, _, pointer = evidence.partition("#")
    if not path:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": path, "uriBaseId": "BUNDLE"}}
    region = lines.region(evidence) if lines else None
    if region:
        physical["region"] = region
    loc: dict[str, Any] = {"physicalLocation": physical}
    if pointer:
        loc["logicalLocations"] = [
            {"fullyQualifiedName": f"{path}#{pointer}", "name": pointer, "kind": "object"}
        ]
    if text:
        loc["message"] = {"text": text}
    return loc


def fingerprint(clause_id: str, v: Violation) -> str:
    """What the violation is about, not how it is worded: clause, pointer, item."""
    basis = "\x1f".join([clause_id, v.evidence, item(v)])
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


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
        wanted: dict[str, set[str]] = {}
        for r in report.results:
            for ev in [v.evidence for v in r.violations] + [x.evidence for x in r.excluded]:
                path, _, pointer = ev.partition("#")
                if path:
                    wanted.setdefault(path, set()).add(pointer)
        self._lines = _Lines(report.bundle, wanted)
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
        seen: dict[str, int] = {}
        for res in results:  # same clause, pointer and item twice: told apart by order
            fp = res["partialFingerprints"]["cloudpact/v1"]
            n = seen.get(fp, 0)
            seen[fp] = n + 1
            if n:
                res["partialFingerprints"]["cloudpact/v1"] = hashlib.sha256(
                    f"{fp}/{n}".encode()).hexdigest()[:32]
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
        run["originalUriBaseIds"] = base_ids(report.bundle)
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
            out_v = [self._violation(base, level, props, v, waivers) for v in r.violations]
            related = [
                loc for i, x in enumerate(r.excluded)
                if (loc := _location(x.evidence, self._lines, self.tr.message(x.reason)))
            ]
            for i, loc in enumerate(related):
                loc["id"] = i
            if related:
                for res in out_v:
                    res["relatedLocations"] = related
            return out_v
        kind = KIND[r.status]
        if kind != "fail" and not self.passes:
            return []
        text = f"{c.id} {self._title(r)}: {r.status.value}"
        if r.reason:
            text += f" — {r.reason}"
        out: dict[str, Any] = {
            **base,
            "kind": kind,
            "level": level if kind == "fail" else "none",
            "message": {"text": text},
            "partialFingerprints": {
                "cloudpact/v1": hashlib.sha256(f"{c.id}\x1f{r.status.value}".encode()).hexdigest()[:32]
            },
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
            "message": {"text": self.tr.message(v.message, v.details)},
            "partialFingerprints": {"cloudpact/v1": fingerprint(base["ruleId"], v)},
        }
        loc = _location(v.evidence, self._lines)
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
