"""Severity normalisation: every tool's own scale onto the evidence scale
critical | high | medium | low | info (schemas/evidence/common.schema.json#/$defs/severity).

The tool's value is always kept beside the normalised one (`tool_severity`), so a reader can
check the mapping and a policy can be stricter later. Clause 2.2.1.8 cares about high and
critical findings: where a tool is ambiguous the mapping errs upward, never hiding a finding.

| tool | tool value | normalised |
|---|---|---|
| Nessus v2 | `severity` attribute 4 / 3 / 2 / 1 / 0 | critical / high / medium / low / info |
| GVM / OpenVAS | numeric `<severity>` (CVSS score) when present, by | CVSS v3 bands (NVD): |
|  | 9.0-10.0 / 7.0-8.9 / 4.0-6.9 / 0.1-3.9 / 0.0 | critical / high / medium / low / info |
|  | below 0 (-1 false positive, -2 debug, -3 error) | info |
| GVM, old files | text `<threat>` (no numeric severity): | |
|  | Critical / High / Medium / Low | critical / high / medium / low |
|  | Log, Debug, False Positive, Error | info |
|  | neither threat nor severity | info (counted in the import notes) |
| Trivy | CRITICAL / HIGH / MEDIUM / LOW | critical / high / medium / low |
|  | UNKNOWN (no vendor or NVD rating yet) | info |
| XCCDF (OpenSCAP) | rule `severity` high / medium / low / info | high / medium / low / info |
|  | unknown (the XCCDF default) | no `severity` written (the field is optional), tool value kept |
| Lynis | `warning[]` | medium |
|  | `suggestion[]` | low |

Why GVM numeric first: since GVM 9 the numeric severity is what the scanner computed; the text
threat is derived from it through the report's severity class (NVD bands without "Critical"
before GVM 24), so the number carries more. Old OMP reports often lack the number.
"""

from __future__ import annotations

SCALE = ("critical", "high", "medium", "low", "info")

NESSUS = {0: "info", 1: "low", 2: "medium", 3: "high", 4: "critical"}

GVM_THREAT = {
    "critical": "critical",
    "high": "high",
    "medium": "medium",
    "low": "low",
    "log": "info",
    "debug": "info",
    "false positive": "info",
    "error": "info",
}

TRIVY = {
    "CRITICAL": "critical",
    "HIGH": "high",
    "MEDIUM": "medium",
    "LOW": "low",
    "UNKNOWN": "info",
}

XCCDF = {"high": "high", "medium": "medium", "low": "low", "info": "info"}

LYNIS = {"warning": "medium", "suggestion": "low"}


def from_cvss(score: float) -> str:
    """CVSS v3.x qualitative rating (NVD bands); negative GVM pseudo-scores are info."""
    if score >= 9.0:
        return "critical"
    if score >= 7.0:
        return "high"
    if score >= 4.0:
        return "medium"
    if score > 0.0:
        return "low"
    return "info"
