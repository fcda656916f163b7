"""OpenSCAP results -> hardening with per-rule results (clause 2.2.1.8).

Reads XCCDF 1.1 and 1.2 results (a `Benchmark` with embedded `TestResult`, or a bare
`TestResult`) and ARF 1.1 (`asset-report-collection`, oscap `--results-arf`), also
bzip2-compressed whatever the file name. One hardening record per `TestResult`, with every
`rule-result` as a rule (XCCDF result values kept as they are). Rule titles and severities
come from the benchmark's `Rule` definitions when the result does not carry them.

A hardening counts for 2.2.1.8 only when it cites a scan of the same host (`scan_id`); XCCDF
knows nothing of scans, so `scan_id` is null unless `--scan-id` ties it to one, and the
import summary says so. Zone-less XCCDF times are read as Asia/Shanghai.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from datetime import datetime
from typing import Any
from xml.etree.ElementTree import Element

from checker.importers import severity, timeutil
from checker.importers.inputs import local, namespace, parse_xml, text
from checker.importers.interface import Importer, ImporterError, ImportResult, Unit

XCCDF_NS = {
    "http://checklists.nist.gov/xccdf/1.1": "XCCDF 1.1",
    "http://checklists.nist.gov/xccdf/1.2": "XCCDF 1.2",
}
ARF_NS = "http://scap.nist.gov/schema/asset-reporting-format/1.1"
RESULTS = frozenset(
    {
        "pass",
        "fail",
        "error",
        "unknown",
        "notapplicable",
        "notchecked",
        "notselected",
        "informational",
        "fixed",
    }
)
_OSCAP_CPE = re.compile(r"cpe:/a:redhat:openscap:([\w.\-]+)")
_FACT_PREFIX = "urn:xccdf:fact:"


class OpenscapImporter(Importer):
    name = "openscap"
    kind = "hardening"

    def parse(
        self, raw: bytes, filename: str, *, scanned_at: datetime | None = None
    ) -> ImportResult:
        root = parse_xml(raw, filename)
        root_ns = namespace(root.tag)
        if root_ns == ARF_NS and local(root.tag) == "asset-report-collection":
            variant = "ARF 1.1"
        elif root_ns in XCCDF_NS and local(root.tag) in ("Benchmark", "TestResult"):
            variant = XCCDF_NS[root_ns]
        else:
            raise ImporterError(
                filename,
                f"not an XCCDF 1.1/1.2 result or ARF 1.1 report (root <{local(root.tag)}> "
                f"in namespace {root_ns or 'none'!r})",
            )
        tests = [el for el in root.iter() if _is_xccdf(el, "TestResult")]
        if not tests:
            raise ImporterError(
                filename,
                f"{variant} document without a TestResult: this is a benchmark, not results",
                hint="pass the file written by `oscap xccdf eval --results` or `--results-arf`",
            )
        rules = _rule_definitions(root)
        if root_ns in XCCDF_NS:
            variant = XCCDF_NS[root_ns]
        else:
            variant += " with " + XCCDF_NS[namespace(tests[0].tag)]
        name, version = _scanner(tests[0])
        result = ImportResult(name, version, self.kind, "hardenings", [])
        result.notes.append(f"format: {variant}")
        for test in tests:
            result.units.append(_unit(test, rules, filename, result.counts))
        return result


def _is_xccdf(el: Element, name: str) -> bool:
    return local(el.tag) == name and namespace(el.tag) in XCCDF_NS


def _rule_definitions(root: Element) -> dict[str, tuple[str, str | None]]:
    rules = {}
    for el in root.iter():
        if _is_xccdf(el, "Rule") and el.get("id"):
            title = next((text(c) for c in el if _is_xccdf(c, "title")), "")
            rules[el.get("id", "")] = (title, el.get("severity"))
    return rules


def _child(el: Element, name: str) -> Element | None:
    return next((c for c in el if _is_xccdf(c, name)), None)


def _facts(test: Element) -> list[tuple[str, str]]:
    facts = _child(test, "target-facts")
    if facts is None:
        return []
    return [(f.get("name", ""), text(f)) for f in facts if _is_xccdf(f, "fact")]


def _scanner(test: Element) -> tuple[str, str | None]:
    facts = dict(_facts(test))
    name = facts.get(_FACT_PREFIX + "scanner:name") or "OpenSCAP"
    version = facts.get(_FACT_PREFIX + "scanner:version")
    if not version:
        match = _OSCAP_CPE.search(test.get("test-system", ""))
        version = match.group(1) if match else None
    return name, version


def _usable_address(value: str) -> bool:
    try:
        ip = ipaddress.ip_address(value)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified)


def _identities(test: Element) -> tuple[str, ...]:
    names = [text(c) for c in test if _is_xccdf(c, "target")]
    for fact, value in _facts(test):
        if fact.endswith(("identifier:fqdn", "identifier:host_name")):
            names.append(value)
    addresses = [text(c) for c in test if _is_xccdf(c, "target-address")]
    names += [a for a in addresses if _usable_address(a)]
    return tuple(dict.fromkeys(n for n in names if n))


def _time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return timeutil.parse_iso(value)
    except ValueError:
        return None


def _unit(
    test: Element,
    rules: dict[str, tuple[str, str | None]],
    filename: str,
    counts: Counter[str],
) -> Unit:
    test_id = test.get("id", "TestResult")
    performed = _time(test.get("end-time")) or _time(test.get("start-time"))
    if performed is None:
        raise ImporterError(filename, f"TestResult {test_id!r} has no start-time or end-time")
    out: list[dict[str, Any]] = []
    for rr in test:
        if not _is_xccdf(rr, "rule-result"):
            continue
        rule_id = rr.get("idref", "")
        value = text(_child(rr, "result"))
        if value not in RESULTS:
            raise ImporterError(
                filename, f"rule {rule_id!r} has result {value!r}, not an XCCDF result value"
            )
        title, defined = rules.get(rule_id, ("", None))
        tool_sev = rr.get("severity") or defined
        rule: dict[str, Any] = {"rule_id": rule_id, "result": value, "tool_severity": tool_sev}
        if title:
            rule["title"] = title
        norm = severity.XCCDF.get((tool_sev or "").casefold())
        if norm:
            rule["severity"] = norm
        out.append(rule)
        counts[value] += 1
    score = _child(test, "score")
    record: dict[str, Any] = {
        "performed_at": timeutil.rfc3339(performed),
        "items": [],
        "rules": out,
    }
    identities = _identities(test)
    if identities:
        record["target"] = identities[0]
    try:
        record["score"] = float(text(score)) if score is not None else None
    except ValueError:
        record["score"] = None
    return Unit(identities, record)
