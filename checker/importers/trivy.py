"""Trivy JSON -> vuln_scan (clause 2.2.1.7).

Variants read: the legacy top-level list of results (Trivy < 0.20) and SchemaVersion 2
objects with `Results[].Vulnerabilities`, `Misconfigurations` (failed checks only; passed
ones are counted in the notes), `Secrets` and `Licenses` (licence findings, kind `license`).
Kubernetes: `trivy k8s --format json` cluster reports (`ClusterName` with `Resources`, or the
older `Vulnerabilities` / `Misconfigurations` lists of resources) give one scan record per
resource (`Namespace/Kind/Name`, the identity the host map can tie to a host); trivy-operator
`VulnerabilityReport` / `ConfigAuditReport` objects (alone or in a `kubectl get -o json` List)
likewise. Misconfigurations keep Trivy's check id (`KSV001`, AVD id beside it). CVSS v2, v3
and v4 scores are kept (`cvss_v4` from `V40Score`). Each finding keeps Trivy's `Status`
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
        if isinstance(doc, dict) and "ClusterName" in doc:
            return _k8s_cluster(doc, filename, scanned_at)
        if isinstance(doc, dict) and _is_operator(doc):
            return _operator(doc, filename, scanned_at)
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
            raise ImporterError(filename, _what_else(doc))
        if not isinstance(results, list) or not all(
            isinstance(r, dict) and "Target" in r for r in results
        ):
            raise ImporterError(filename, "not a Trivy JSON report (results lack a Target)")
        started = _started(created, scanned_at, filename)
        result = ImportResult("Trivy", version, self.kind, "scans", [])
        result.notes.append(f"format: {variant}")
        passed = _add_unit(result, artifact, results, started)
        if passed:
            result.notes.append(
                f"{passed} passed misconfiguration check(s) not recorded as findings"
            )
        return result


def _add_unit(
    result: ImportResult, artifact: str, results: list[dict[str, Any]], started: datetime
) -> int:
    """One scan record over Trivy result objects; returns the passed checks not recorded."""
    findings: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    passed = 0
    for res in results:
        target = str(res.get("Target") or artifact or "?")
        findings += [_vuln(v, target) for v in res.get("Vulnerabilities") or []]
        for m in res.get("Misconfigurations") or []:
            if str(m.get("Status", "FAIL")).upper() == "PASS":
                passed += 1
                continue
            findings.append(_misconfig(m, target))
        findings += [_secret(s, target) for s in res.get("Secrets") or []]
        findings += [_license(lic, target) for lic in res.get("Licenses") or []]
    for f in findings:
        seen[f["finding_id"]] += 1
        if seen[f["finding_id"]] > 1:
            f["finding_id"] += f"#{seen[f['finding_id']]}"
        result.counts[f["severity"]] += 1
    record: dict[str, Any] = {
        "started_at": timeutil.rfc3339(started),
        "finished_at": timeutil.rfc3339(started),
        "findings": findings,
    }
    if artifact:
        record["target"] = artifact
    result.units.append(Unit((artifact,) if artifact else (), record))
    return passed


def _what_else(doc: Any) -> str:
    """Why a JSON document is not a Trivy report, naming what it looks like."""
    if isinstance(doc, dict):
        if doc.get("apiVersion") and doc.get("kind"):
            return (f"a Kubernetes {doc.get('kind')} object ({doc.get('apiVersion')}), not a "
                    "Trivy report nor a trivy-operator VulnerabilityReport/ConfigAuditReport")
        if "SchemaVersion" not in doc:
            keys = ", ".join(sorted(str(k) for k in doc)[:5])
            return f"not a Trivy JSON report (no SchemaVersion, Results or ClusterName; keys: {keys})"
    return "not a Trivy JSON report (neither a result list, SchemaVersion 2 nor a k8s report)"


def _resource_name(res: dict[str, Any]) -> str:
    parts = [str(res.get(k) or "") for k in ("Namespace", "Kind", "Name")]
    return "/".join(p for p in parts if p) or "?"


def _k8s_cluster(doc: dict[str, Any], filename: str, scanned_at: datetime | None) -> ImportResult:
    """`trivy k8s --format json`: {"ClusterName", "Resources": [...]}, or the older
    {"ClusterName", "Vulnerabilities": [...], "Misconfigurations": [...]} (resources with
    Namespace, Kind, Name and Trivy result objects)."""
    resources: dict[str, list[dict[str, Any]]] = {}
    lists = [doc.get("Resources"), doc.get("Vulnerabilities"), doc.get("Misconfigurations")]
    if not any(isinstance(x, list) for x in lists):
        raise ImporterError(filename, "Trivy k8s report without Resources (nor the older "
                            "Vulnerabilities / Misconfigurations lists)")
    errors = 0
    for items in lists:
        for res in items or []:
            if not isinstance(res, dict):
                raise ImporterError(filename, "Trivy k8s report: a resource is not an object")
            if res.get("Error"):
                errors += 1
            resources.setdefault(_resource_name(res), []).extend(
                r for r in res.get("Results") or [] if isinstance(r, dict))
    started = _started(doc.get("CreatedAt"), scanned_at, filename)
    result = ImportResult("Trivy", None, "vuln_scan", "scans", [])
    result.notes.append(f"format: trivy k8s cluster report ({doc.get('ClusterName') or 'unnamed'}), "
                        f"{len(resources)} resource(s), one scan record each")
    passed = sum(_add_unit(result, name, results, started) for name, results in resources.items())
    if passed:
        result.notes.append(f"{passed} passed misconfiguration check(s) not recorded as findings")
    if errors:
        result.notes.append(f"{errors} resource(s) Trivy could not scan (their Error is in the raw file)")
    return result


_OPERATOR_KINDS = {"VulnerabilityReport", "ConfigAuditReport", "ClusterConfigAuditReport"}


def _is_operator(doc: dict[str, Any]) -> bool:
    if doc.get("kind") in _OPERATOR_KINDS:
        return True
    items = doc.get("items")
    return doc.get("kind") == "List" and isinstance(items, list) and any(
        isinstance(i, dict) and i.get("kind") in _OPERATOR_KINDS for i in items)


def _operator(doc: dict[str, Any], filename: str, scanned_at: datetime | None) -> ImportResult:
    """trivy-operator CRDs (aquasecurity.github.io/v1alpha1): one scan record per report."""
    items = doc["items"] if doc.get("kind") == "List" else [doc]
    result = ImportResult("trivy-operator", None, "vuln_scan", "scans", [])
    skipped = 0
    for item in items:
        if not isinstance(item, dict) or item.get("kind") not in _OPERATOR_KINDS:
            skipped += 1
            continue
        meta = item.get("metadata") or {}
        labels = meta.get("labels") or {}
        report = item.get("report") or {}
        kind = labels.get("trivy-operator.resource.kind") or item["kind"]
        name = labels.get("trivy-operator.resource.name") or meta.get("name") or "?"
        ns = labels.get("trivy-operator.resource.namespace") or meta.get("namespace") or ""
        target = "/".join(p for p in (ns, kind, name) if p)
        scanner = report.get("scanner") or {}
        result.tool_version = result.tool_version or scanner.get("version")
        started = _started(report.get("updateTimestamp") or meta.get("creationTimestamp"),
                           scanned_at, filename)
        findings = []
        for v in report.get("vulnerabilities") or []:
            norm, tool = _norm(v.get("severity"))
            vid = str(v.get("vulnerabilityID") or "?")
            findings.append({
                "finding_id": f"{target}:{v.get('resource', '?')}:{vid}",
                "severity": norm, "tool_severity": tool, "title": str(v.get("title") or vid),
                "plugin_id": vid, "cve": [vid] if _CVE.match(vid) else [],
                "cvss_v3": _score(v.get("score")), "port": None, "status": None,
            })
        for c in report.get("checks") or []:
            if c.get("success") is True:
                continue
            norm, tool = _norm(c.get("severity"))
            cid = str(c.get("checkID") or "?")
            findings.append({
                "finding_id": f"{target}:misconfig:{cid}", "severity": norm, "tool_severity": tool,
                "title": str(c.get("title") or cid), "plugin_id": cid, "cve": [],
                "status": "fail", "kind": "misconfiguration",
            })
        for f in findings:
            result.counts[f["severity"]] += 1
        result.units.append(Unit((target,), {
            "target": target, "started_at": timeutil.rfc3339(started),
            "finished_at": timeutil.rfc3339(started), "findings": findings}))
    if not result.units:
        raise ImporterError(filename, "a Kubernetes List without trivy-operator reports")
    result.notes.append(f"format: trivy-operator, {len(result.units)} report(s)")
    if skipped:
        result.notes.append(f"{skipped} List item(s) that are not trivy-operator reports skipped")
    return result


def _score(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and 0 <= value <= 10 else None


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


def _cvss(v: dict[str, Any]) -> tuple[float | None, float | None, float | None]:
    sources = v.get("CVSS") or {}
    order = [s for s in ("nvd", v.get("SeveritySource")) if s] + list(sources)
    v2 = v3 = v4 = None
    for src in order:
        entry = sources.get(src) or {}
        v2 = v2 if v2 is not None else _score(entry.get("V2Score"))
        v3 = v3 if v3 is not None else _score(entry.get("V3Score"))
        v4 = v4 if v4 is not None else _score(entry.get("V40Score"))
    return v2, v3, v4


def _vuln(v: dict[str, Any], target: str) -> dict[str, Any]:
    norm, tool = _norm(v.get("Severity"))
    vid = str(v.get("VulnerabilityID") or "?")
    v2, v3, v4 = _cvss(v)
    finding = {
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
    if v4 is not None:
        finding["cvss_v4"] = v4
    return finding


def _misconfig(m: dict[str, Any], target: str) -> dict[str, Any]:
    norm, tool = _norm(m.get("Severity"))
    mid = str(m.get("ID") or m.get("AVDID") or "?")  # Trivy's check id (KSV001, DS002)
    finding = {
        "finding_id": f"{target}:misconfig:{mid}",
        "severity": norm,
        "tool_severity": tool,
        "title": str(m.get("Title") or mid),
        "plugin_id": mid,
        "cve": [],
        "status": str(m.get("Status") or "FAIL").lower(),
        "kind": "misconfiguration",
    }
    if m.get("AVDID") and m.get("AVDID") != mid:
        finding["avd_id"] = str(m["AVDID"])
    return finding


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
        "kind": "secret",
    }


def _license(lic: dict[str, Any], target: str) -> dict[str, Any]:
    """A licence finding (`trivy --scanners license`): Name, Category, PkgName, Severity."""
    norm, tool = _norm(lic.get("Severity"))
    name = str(lic.get("Name") or "?")
    pkg = str(lic.get("PkgName") or lic.get("FilePath") or "?")
    category = lic.get("Category")
    return {
        "finding_id": f"{target}:license:{pkg}:{name}",
        "severity": norm,
        "tool_severity": tool,
        "title": f"licence {name}" + (f" ({category})" if category else "") + f" in {pkg}",
        "plugin_id": name,
        "cve": [],
        "status": None,
        "kind": "license",
    }
