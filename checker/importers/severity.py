"""Severity normalisation: every tool's own scale onto the evidence scale
critical | high | medium | low | info (schemas/evidence/common.schema.json#/$defs/severity).

The tool's value is always kept beside the normalised one (`tool_severity`), so a reader can
check the mapping and a policy can be stricter later. Clause 2.2.1.8 cares about high and
critical findings: where a tool is ambiguous the mapping errs upward, never hiding a finding.

| tool | tool value | normalised |
|---|---|---|
| Nessus v2 | `severity` attribute 4 / 3 / 2 / 1 / 0 | critical / high / medium / low / info |
| GVM / OpenVAS | text `<threat>`, GVM's own level (primary): | |
|  | Critical / High / Medium / Low | critical / high / medium / low |
|  | Log, Debug, False Positive, Error | info |
|  | beside it, `severity_cvss` from the numeric `<severity>`: | CVSS v3 bands (NVD): |
|  | 9.0-10.0 / 7.0-8.9 / 4.0-6.9 / 0.1-3.9 / 0.0 | critical / high / medium / low / info |
|  | below 0 (-1 false positive, -2 debug, -3 error) | info |
|  | empty threat, numeric severity only | the CVSS band (counted in the notes) |
|  | neither threat nor severity | info (counted in the import notes) |
| Trivy | CRITICAL / HIGH / MEDIUM / LOW | critical / high / medium / low |
|  | UNKNOWN (no vendor or NVD rating yet) | info |
| XCCDF (OpenSCAP) | rule `severity` high / medium / low / info | high / medium / low / info |
|  | unknown (the XCCDF default) | no `severity` written (the field is optional), tool value kept |
| Lynis | `warning[]` | medium |
|  | `suggestion[]` | low |

Why GVM's threat first: it is the level GVM itself reports to the user (derived from the score
through the report's severity class: NVD bands without "Critical" before GVM 24). Banding the
score ourselves turned GVM's High 9.0-10.0 into critical, a level the tool never stated; the
band is kept beside (`severity_cvss`) so a stricter reading can use it. Old OMP reports often
lack the number; results with an empty threat fall back to the band.
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
