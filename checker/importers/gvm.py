"""OpenVAS / Greenbone GVM report XML -> vuln_scan (clause 2.2.1.7).

Variants read: no version element, `<omp><version>7.0` (OpenVAS 9), `<gmp><version>` 9 to 22+;
the export's outer `<report>` wrapper or a `<get_reports_response>` around it. One scan record
per scanned host (results grouped by `<host>` address); host start/end from the report's
`<host><ip>/<start>/<end>` summary, else the report's `scan_start`/`scan_end`. CVEs come from
`<nvt><refs><ref type="cve">` (GMP) or the comma-separated `<nvt><cve>` (OMP, `NOCVE` = none).
Severity: GVM's own level (`<threat>`: High, Medium, ...) is the primary `severity`, so a
result GVM calls High is never promoted to critical by the importer; the CVSS band of the
numeric `<severity>` is kept beside it (`severity_cvss`, NVD bands) with the score. A result
with an empty threat takes the CVSS band (counted in the notes); neither gives info. Results
are kept, never dropped. A result with no name (GVM's port-scanner "Open port" results carry
an empty NVT name) is titled from its result name, else "open port PORT", else the OID. A host
in the report's host list with no result still gets a scan record (scanned, nothing found).
Times in ctime form (old OMP) are zone-less: read in the assumed zone (timeutil).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from typing import Any
from xml.etree.ElementTree import Element

from checker.importers import severity, timeutil
from checker.importers.inputs import local, parse_xml, text
from checker.importers.interface import Importer, ImporterError, ImportResult, Unit

_CVE = re.compile(r"CVE-\d{4}-\d{4,}")


class GvmImporter(Importer):
    name = "gvm"
    kind = "vuln_scan"

    def parse(
        self, raw: bytes, filename: str, *, scanned_at: datetime | None = None
    ) -> ImportResult:
        root = parse_xml(raw, filename)
        report = _inner_report(root)
        if report is None:
            raise ImporterError(
                filename,
                f"not a GVM/OpenVAS report (root <{local(root.tag)}> has no <report> "
                "with <results>)",
            )
        proto, version = _protocol(report)
        result = ImportResult(
            "GVM", f"{proto} {version}" if version else None, self.kind, "scans", []
        )
        times = _host_times(report)
        report_start = _time(text(report.find("scan_start"))) or _time(
            text(report.find("timestamp"))
        )
        report_end = _time(text(report.find("scan_end")))
        by_host: dict[str, list[Element]] = {}
        names: dict[str, str] = {}
        for res in report.findall("./results/result"):
            host_el = res.find("host")
            addr = text(host_el)
            if not addr:
                raise ImporterError(filename, f"result {res.get('id')!r} names no host")
            by_host.setdefault(addr, []).append(res)
            hostname = text(host_el.find("hostname")) if host_el is not None else ""
            if hostname:
                names.setdefault(addr, hostname)
        no_severity = 0
        for addr, results in by_host.items():
            start, end = times.get(addr, (None, None))
            start = start or report_start
            end = end or report_end or start
            if start is None:
                raise ImporterError(
                    filename, f"host {addr!r}: no start time (host <start>, scan_start, timestamp)"
                )
            findings = []
            seen: Counter[str] = Counter()
            for res in results:
                finding, had_severity = _finding(res)
                if not had_severity:
                    no_severity += 1
                seen[finding["finding_id"]] += 1
                if seen[finding["finding_id"]] > 1:
                    finding["finding_id"] += f"#{seen[finding['finding_id']]}"
                findings.append(finding)
                result.counts[finding["severity"]] += 1
            identities = tuple(dict.fromkeys(v for v in (addr, names.get(addr, "")) if v))
            record = {
                "target": addr,
                "started_at": timeutil.rfc3339(start),
                "finished_at": timeutil.rfc3339(end or start),
                "findings": findings,
            }
            result.units.append(Unit(identities, record))
        for addr in times:  # hosts GVM scanned that have no result at all
            if addr in by_host:
                continue
            start, end = times[addr]
            start = start or report_start
            if start is None:
                raise ImporterError(
                    filename, f"host {addr!r}: no start time (host <start>, scan_start, timestamp)"
                )
            record = {"target": addr, "started_at": timeutil.rfc3339(start),
                      "finished_at": timeutil.rfc3339(end or report_end or start), "findings": []}
            result.units.append(Unit((addr,), record))
            result.notes.append(f"host {addr}: in the report's host list with no result; "
                                "recorded as a scan with no finding")
        if not by_host and not times:
            result.notes.append("the report has no results; no scan record written")
        if no_severity:
            result.notes.append(
                f"{no_severity} result(s) had neither a threat level nor a severity: "
                "recorded as info"
            )
        return result


def _inner_report(root: Element) -> Element | None:
    """The element holding <results>: the root itself, the export's nested <report>, or the
    report inside <get_reports_response>."""
    candidates = [root, *root.iter("report")]
    for el in candidates:
        if local(el.tag) == "report" and el.find("results") is not None:
            return el
    return None


def _protocol(report: Element) -> tuple[str, str | None]:
    for proto in ("gmp", "omp"):
        version = text(report.find(f"{proto}/version"))
        if version:
            return proto, version
    return "gmp", None


def _time(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return timeutil.parse_iso(value)
    except ValueError:
        pass
    try:
        return timeutil.parse_ctime(value)
    except ValueError:
        return None


def _host_times(report: Element) -> dict[str, tuple[datetime | None, datetime | None]]:
    out = {}
    for host in report.findall("host"):
        ip = text(host.find("ip"))
        if ip:
            out[ip] = (_time(text(host.find("start"))), _time(text(host.find("end"))))
    return out


def _cves(nvt: Element | None) -> list[str]:
    if nvt is None:
        return []
    found = [r.get("id", "") for r in nvt.findall("./refs/ref") if r.get("type") == "cve"]
    found += _CVE.findall(text(nvt.find("cve")))  # OMP: "CVE-1, CVE-2" or "NOCVE"
    return [c for c in dict.fromkeys(found) if _CVE.fullmatch(c)]


def _finding(res: Element) -> tuple[dict[str, Any], bool]:
    nvt = res.find("nvt")
    threat = text(res.find("threat"))
    sev_text = text(res.find("severity"))
    score: float | None
    try:
        score = float(sev_text)
    except ValueError:
        score = None
    had = True
    band = severity.from_cvss(score) if score is not None else None
    if threat:
        norm = severity.GVM_THREAT.get(threat.casefold(), "info")
    elif band is not None:
        norm = band
    else:
        norm, had = "info", False
    oid = nvt.get("oid") if nvt is not None else None
    port = text(res.find("port"))
    title = (text(nvt.find("name")) if nvt is not None else "") or text(res.find("name"))
    if not title:
        title = f"open port {port}" if port else (oid or "untitled GVM result")
    v2 = v3 = None
    if nvt is not None:
        severities = nvt.find("severities")
        if severities is None:  # before GVM 20.08 <cvss_base> was always a CVSS v2 score
            v2 = _float(text(nvt.find("cvss_base")))
        else:
            for sev in severities.findall("severity"):
                kind = sev.get("type", "")
                if kind.startswith("cvss_base_v3"):
                    v3 = _float(text(sev.find("score")))
                elif kind == "cvss_base_v2":
                    v2 = _float(text(sev.find("score")))
    finding: dict[str, Any] = {
        "finding_id": res.get("id") or f"{oid}/{port}",
        "severity": norm,
        "tool_severity": threat if threat else score,
        "title": title,
        "plugin_id": oid,
        "cve": _cves(nvt),
        "cvss_v2": v2,
        "cvss_v3": v3,
        "port": port or None,
    }
    if band is not None:
        finding["severity_cvss"] = band
        finding["cvss_score"] = score
    return finding, had


def _float(value: str) -> float | None:
    try:
        score = float(value)
    except ValueError:
        return None
    return score if 0.0 <= score <= 10.0 else None
