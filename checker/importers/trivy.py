"""Trivy JSON -> vuln_scan (clause 2.2.1.7).

Variants read: the legacy top-level list of results (Trivy < 0.20) and SchemaVersion 2
objects with `Results[].Vulnerabilities`, `Misconfigurations` (failed checks only; passed
ones are counted in the notes) and `Secrets`. Each finding keeps Trivy's `Status`
(affected, fixed, not_affected, will_not_fix, fix_deferred, end_of_life,
under_investigation, unknown) in `status`. One scan record per file, about the scanned
artifact; Trivy names an image or path rather than a host, so `--host` is how a scan of a
host's root filesystem is tied to an inventory host. Scan time: `CreatedAt`, else
`--scanned-at` (the legacy format has no time of its own).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from typing import Any

from checker.importers import severity, timeutil
from checker.importers.inputs import parse_json
from checker.importers.interface import Importer, ImporterError, ImportResult, Unit

_CVE = re.compile(r"^CVE-\d{4}-\d{4,}$")


class TrivyImporter(Importer):
    name = "trivy"
    kind = "vuln_scan"

    def parse(
        self, raw: bytes, filename: str, *, scanned_at: datetime | None = None
    ) -> ImportResult:
        doc = parse_json(raw, filename)
        if isinstance(doc, list):
            results, artifact, created, version = doc, "", None, None
            variant = "legacy list"
        elif isinstance(doc, dict) and "SchemaVersion" in doc:
            if doc["SchemaVersion"] != 2:
                raise ImporterError(
                    filename, f"Trivy SchemaVersion {doc['SchemaVersion']!r} is not supported (2)"
                )
            results = doc.get("Results") or []
            artifact = str(doc.get("ArtifactName") or "")
            created = doc.get("CreatedAt")
            trivy = doc.get("Trivy")
            version = trivy.get("Version") if isinstance(trivy, dict) else None
            variant = "SchemaVersion 2"
        else:
            raise ImporterError(
                filename, "not a Trivy JSON report (neither a result list nor SchemaVersion 2)"
            )
        if not isinstance(results, list) or not all(
            isinstance(r, dict) and "Target" in r for r in results
        ):
            raise ImporterError(filename, "not a Trivy JSON report (results lack a Target)")
        started = _started(created, scanned_at, filename)
        result = ImportResult("Trivy", version, self.kind, "scans", [])
        result.notes.append(f"format: {variant}")
        findings: list[dict[str, Any]] = []
        seen: Counter[str] = Counter()
        passed = 0
        for res in results:
            target = str(res["Target"])
            findings += [_vuln(v, target) for v in res.get("Vulnerabilities") or []]
            for m in res.get("Misconfigurations") or []:
                if str(m.get("Status", "FAIL")).upper() == "PASS":
                    passed += 1
                    continue
                findings.append(_misconfig(m, target))
            findings += [_secret(s, target) for s in res.get("Secrets") or []]
        for f in findings:
            seen[f["finding_id"]] += 1
            if seen[f["finding_id"]] > 1:
                f["finding_id"] += f"#{seen[f['finding_id']]}"
            result.counts[f["severity"]] += 1
        if passed:
            result.notes.append(
                f"{passed} passed misconfiguration check(s) not recorded as findings"
            )
        record: dict[str, Any] = {
            "started_at": timeutil.rfc3339(started),
            "finished_at": timeutil.rfc3339(started),
            "findings": findings,
        }
        if artifact:
            record["target"] = artifact
        result.units.append(Unit((artifact,) if artifact else (), record))
        return result


def _started(created: Any, scanned_at: datetime | None, filename: str) -> datetime:
    if isinstance(created, str) and created:
        try:
            return timeutil.parse_iso(created)
        except ValueError:
            raise ImporterError(filename, f"CreatedAt {created!r} is not a timestamp") from None
    if scanned_at is not None:
        return scanned_at
    raise ImporterError(
        filename,
        "Trivy report has no CreatedAt: the scan time is unknown",
        hint="pass --scanned-at with the time the scan ran (RFC 3339)",
    )


def _norm(value: Any) -> tuple[str, str]:
    tool = str(value or "UNKNOWN").upper()
    return severity.TRIVY.get(tool, "info"), tool


def _cvss(v: dict[str, Any]) -> tuple[float | None, float | None]:
    sources = v.get("CVSS") or {}
    order = [s for s in ("nvd", v.get("SeveritySource")) if s] + list(sources)
    v2 = v3 = None
    for src in order:
        entry = sources.get(src) or {}
        v2 = v2 if v2 is not None else entry.get("V2Score")
        v3 = v3 if v3 is not None else entry.get("V3Score")
    return v2, v3


def _vuln(v: dict[str, Any], target: str) -> dict[str, Any]:
    norm, tool = _norm(v.get("Severity"))
    vid = str(v.get("VulnerabilityID") or "?")
    v2, v3 = _cvss(v)
    return {
        "finding_id": f"{target}:{v.get('PkgName', '?')}:{vid}",
        "severity": norm,
        "tool_severity": tool,
        "title": str(v.get("Title") or vid),
        "plugin_id": vid,
        "cve": [vid] if _CVE.match(vid) else [],
        "cvss_v2": v2,
        "cvss_v3": v3,
        "port": None,
        "status": v.get("Status"),
    }


def _misconfig(m: dict[str, Any], target: str) -> dict[str, Any]:
    norm, tool = _norm(m.get("Severity"))
    mid = str(m.get("AVDID") or m.get("ID") or "?")
    return {
        "finding_id": f"{target}:misconfig:{mid}",
        "severity": norm,
        "tool_severity": tool,
        "title": str(m.get("Title") or mid),
        "plugin_id": mid,
        "cve": [],
        "status": str(m.get("Status") or "FAIL").lower(),
    }


def _secret(s: dict[str, Any], target: str) -> dict[str, Any]:
    norm, tool = _norm(s.get("Severity"))
    rule = str(s.get("RuleID") or "?")
    return {
        "finding_id": f"{target}:secret:{rule}:{s.get('StartLine', '')}",
        "severity": norm,
        "tool_severity": tool,
        "title": str(s.get("Title") or rule),
        "plugin_id": rule,
        "cve": [],
        "status": None,
    }
