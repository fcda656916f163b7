"""Lynis `lynis-report.dat` -> hardening with per-rule results (clause 2.2.1.8).

Each `warning[]=ID|text|details|solution|` becomes a rule with result `warning`, each
`suggestion[]` one with result `suggestion` (severity.py: medium / low); the same test id
may appear several times with different texts, and each is kept. `hardening_index` becomes
the record's score. Times (`report_datetime_start/end`, no zone) are Asia/Shanghai. A report
without `report_datetime_end` is truncated (Lynis writes it when the audit completes).
`scan_id` is null unless `--scan-id` ties the run to a scan: then it does not count for 2.2.1.8.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from checker.importers import severity, timeutil
from checker.importers.inputs import decode_text
from checker.importers.interface import Importer, ImporterError, ImportResult, Unit

_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def parse_report(data: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Scalars and arrays (`key[]=`) of a lynis-report.dat."""
    scalars: dict[str, str] = {}
    arrays: dict[str, list[str]] = {}
    for line in data.splitlines():
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        if key.endswith("[]"):
            arrays.setdefault(key[:-2], []).append(value)
        else:
            scalars[key] = value
    return scalars, arrays


class LynisImporter(Importer):
    name = "lynis"
    kind = "hardening"

    def parse(
        self, raw: bytes, filename: str, *, scanned_at: datetime | None = None
    ) -> ImportResult:
        scalars, arrays = parse_report(decode_text(raw, filename))
        if "lynis_version" not in scalars or "report_version_major" not in scalars:
            raise ImporterError(
                filename, "not a lynis-report.dat (no lynis_version / report_version_major)"
            )
        end = scalars.get("report_datetime_end", "")
        if not end:
            raise ImporterError(
                filename, "Lynis report is truncated: no report_datetime_end (audit not finished)"
            )
        try:
            performed = timeutil.parse_local(end, _TIME_FORMAT)
        except ValueError:
            raise ImporterError(filename, f"report_datetime_end {end!r} is not a time") from None
        result = ImportResult("Lynis", scalars["lynis_version"], self.kind, "hardenings", [])
        rules: list[dict[str, Any]] = []
        counts: Counter[str] = result.counts
        for kind in ("warning", "suggestion"):
            for entry in arrays.get(kind, []):
                parts = entry.split("|")
                rule: dict[str, Any] = {
                    "rule_id": parts[0],
                    "result": kind,
                    "severity": severity.LYNIS[kind],
                    "tool_severity": kind,
                }
                texts = [p for p in parts[1:] if p and p != "-"]
                if texts:
                    rule["title"] = " | ".join(texts)
                rules.append(rule)
                counts[kind] += 1
        try:
            score: float | None = float(scalars["hardening_index"])
        except (KeyError, ValueError):
            score = None
        identities = tuple(
            dict.fromkeys(
                v
                for v in [
                    scalars.get("hostname", ""),
                    scalars.get("domainname", "")
                    and f"{scalars.get('hostname', '')}.{scalars['domainname']}",
                    *arrays.get("network_ipv4_address", []),
                ]
                if v
            )
        )
        record: dict[str, Any] = {
            "performed_at": timeutil.rfc3339(performed),
            "items": [],
            "rules": rules,
            "score": score,
        }
        if identities:
            record["target"] = identities[0]
        result.units.append(Unit(identities, record))
        return result
