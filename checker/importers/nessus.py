"""Nessus v2 (`.nessus` or `.xml`, one line or pretty-printed) -> vuln_scan (clause 2.2.1.7).

One scan record per `<ReportHost>`; every `<ReportItem>` is a finding, informational ones
(severity 0) included so the record mirrors the tool's report. Times: HOST_START_TIMESTAMP /
HOST_END_TIMESTAMP (epoch seconds) when present, otherwise HOST_START / HOST_END in ctime form
without zone, read as Asia/Shanghai. CVSS v2 (`cvss_base_score`) and v3 (`cvss3_base_score`)
are both kept. The scanner version comes from plugin 19506 (Nessus Scan Information).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from xml.etree.ElementTree import Element

from checker.importers import severity, timeutil
from checker.importers.inputs import parse_xml, text
from checker.importers.interface import Importer, ImporterError, ImportResult, Unit

_VERSION = re.compile(r"Nessus version\s*:\s*([0-9][\w.\-]*)")
_CVE = re.compile(r"^CVE-\d{4}-\d{4,}$")
# host properties naming the host, most specific first
_IDENTITY_TAGS = ("host-ip", "host-fqdn", "hostname", "netbios-name", "host-rdns")


class NessusImporter(Importer):
    name = "nessus"
    kind = "vuln_scan"

    def parse(
        self, raw: bytes, filename: str, *, scanned_at: datetime | None = None
    ) -> ImportResult:
        root = parse_xml(raw, filename)
        if root.tag != "NessusClientData_v2":
            raise ImporterError(
                filename,
                f"not a Nessus v2 report (root element <{root.tag}>, "
                "expected <NessusClientData_v2>)",
            )
        hosts = root.findall("./Report/ReportHost")
        if not hosts:
            raise ImporterError(filename, "Nessus report has no <ReportHost>: nothing was scanned")
        version = _scanner_version(root)
        result = ImportResult("Nessus", version, self.kind, "scans", [])
        for host in hosts:
            result.units.append(_host_unit(host, filename, result.counts))
        if version is None:
            result.notes.append("scanner version not found (plugin 19506 absent)")
        return result


def _scanner_version(root: Element) -> str | None:
    for item in root.iter("ReportItem"):
        if item.get("pluginID") == "19506":
            match = _VERSION.search(text(item.find("plugin_output")))
            if match:
                return match.group(1)
    return None


def _time(props: dict[str, str], name: str) -> datetime | None:
    epoch = props.get(f"{name}_TIMESTAMP")
    if epoch:
        try:
            return timeutil.from_epoch(float(epoch))
        except (ValueError, OverflowError):
            pass
    value = props.get(name)
    if value:
        try:
            return timeutil.parse_ctime(value)
        except ValueError:
            return None
    return None


def _host_unit(host: Element, filename: str, counts: Counter[str]) -> Unit:
    name = host.get("name", "")
    props = {t.get("name", ""): text(t) for t in host.findall("./HostProperties/tag")}
    started = _time(props, "HOST_START")
    if started is None:
        raise ImporterError(
            filename, f"host {name!r} has no readable HOST_START: the scan time is unknown"
        )
    finished = _time(props, "HOST_END") or started
    identities = tuple(
        dict.fromkeys(v for v in [*(props.get(t, "") for t in _IDENTITY_TAGS), name] if v)
    )
    findings = []
    seen: Counter[str] = Counter()
    for item in host.findall("ReportItem"):
        try:
            level = int(item.get("severity", ""))
            norm = severity.NESSUS[level]
        except (ValueError, KeyError):
            raise ImporterError(
                filename,
                f"host {name!r}: ReportItem {item.get('pluginID')} has severity "
                f"{item.get('severity')!r}, expected 0-4",
            ) from None
        port, proto = item.get("port", "0"), item.get("protocol", "")
        base = f"{item.get('pluginID', '?')}/{port}/{proto}"
        seen[base] += 1
        finding = {
            "finding_id": base if seen[base] == 1 else f"{base}#{seen[base]}",
            "severity": norm,
            "tool_severity": level,
            "title": item.get("pluginName") or text(item.find("plugin_name")),
            "plugin_id": item.get("pluginID"),
            "cve": [c for c in (text(e) for e in item.findall("cve")) if _CVE.match(c)],
            "cvss_v2": _score(item, "cvss_base_score"),
            "cvss_v3": _score(item, "cvss3_base_score"),
            "port": f"{port}/{proto}" if proto else port,
        }
        findings.append(finding)
        counts[norm] += 1
    record = {
        "target": identities[0] if identities else name,
        "started_at": timeutil.rfc3339(started),
        "finished_at": timeutil.rfc3339(finished),
        "findings": findings,
    }
    return Unit(identities or (name,), record)


def _score(item: Element, tag: str) -> float | None:
    value = text(item.find(tag))
    try:
        score = float(value)
    except ValueError:
        return None
    return score if 0.0 <= score <= 10.0 else None
