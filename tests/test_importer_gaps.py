"""Importer gaps seen on real tool outputs (issue 18), each input derived at test time from a
genuine sample in ../shared/real-samples/ (read in place, see its SOURCES.md): Trivy k8s
cluster reports and trivy-operator objects, licence findings, CVSS v4, zone-less times named
and governed by --assume-tz, GVM's own severity level kept primary, GVM results without a
name, and hosts GVM scanned without a result."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checker.errors import ConfigError
from checker.importers import ImporterError
from checker.importers.apply import import_files
from tests.test_importers import SAMPLES, make_bundle, only, severities


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return make_bundle(tmp_path / "bundle")


def _trivy_results() -> list[dict[str, Any]]:
    doc = json.loads((SAMPLES / "trivy" / "scheme_2_many_vulns.json").read_bytes())
    return list(doc["Results"])


_KSV = {"Type": "Kubernetes Security Check", "ID": "KSV001", "AVDID": "AVD-KSV-0001",
        "Title": "Process can elevate its own privileges", "Severity": "MEDIUM", "Status": "FAIL"}
_KSV_PASS = {**_KSV, "ID": "KSV003", "AVDID": "AVD-KSV-0003", "Status": "PASS"}


def _k8s_resources() -> list[dict[str, Any]]:
    return [
        {"Namespace": "gov", "Kind": "Deployment", "Name": "portal", "Results": _trivy_results()},
        {"Namespace": "gov", "Kind": "Deployment", "Name": "portal-config",
         "Results": [{"Target": "Deployment/portal", "Class": "config", "Type": "kubernetes",
                      "Misconfigurations": [_KSV, _KSV_PASS]}]},
    ]


@pytest.mark.parametrize("layout", ["resources", "split lists"])
def test_trivy_k8s_cluster_report_is_imported_keeping_check_ids(
    bundle: Path, tmp_path: Path, layout: str
) -> None:
    resources = _k8s_resources()
    doc: dict[str, Any] = {"ClusterName": "gov-cloud", "CreatedAt": "2026-03-05T09:07:00+08:00"}
    if layout == "resources":
        doc["Resources"] = resources
    else:
        doc["Vulnerabilities"], doc["Misconfigurations"] = resources[:1], resources[1:]
    src = tmp_path / "k8s.json"
    src.write_text(json.dumps(doc))
    summary = import_files("trivy", [src], bundle)
    record = only(bundle, "vuln_scan")
    by_target = {s["target"]: s for s in record["scans"]}
    assert set(by_target) == {"gov/Deployment/portal", "gov/Deployment/portal-config"}
    vulns = by_target["gov/Deployment/portal"]["findings"]
    assert Counter(f["severity"] for f in vulns) == {"critical": 1, "high": 1, "medium": 3}
    (check,) = by_target["gov/Deployment/portal-config"]["findings"]
    assert check["plugin_id"] == "KSV001" and check["avd_id"] == "AVD-KSV-0001"
    assert check["kind"] == "misconfiguration"
    assert "1 passed misconfiguration check(s)" in str(summary)
    assert "trivy k8s cluster report (gov-cloud), 2 resource(s)" in str(summary)


def test_trivy_operator_reports_are_imported(bundle: Path, tmp_path: Path) -> None:
    vulns = [v for r in _trivy_results() for v in r.get("Vulnerabilities", [])]
    vuln_report = {
        "apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "VulnerabilityReport",
        "metadata": {"name": "replicaset-portal-app", "namespace": "gov",
                     "labels": {"trivy-operator.resource.kind": "ReplicaSet",
                                "trivy-operator.resource.name": "portal"}},
        "report": {"updateTimestamp": "2026-03-05T01:07:00Z",
                   "scanner": {"name": "Trivy", "version": "0.50.1"},
                   "vulnerabilities": [{"vulnerabilityID": v["VulnerabilityID"],
                                        "resource": v["PkgName"], "severity": v["Severity"],
                                        "title": v.get("Title", ""), "score": 7.5} for v in vulns]},
    }
    audit = {
        "apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "ConfigAuditReport",
        "metadata": {"name": "replicaset-portal", "namespace": "gov"},
        "report": {"updateTimestamp": "2026-03-05T01:07:00Z",
                   "checks": [{"checkID": "KSV001", "severity": "MEDIUM", "success": False,
                               "title": _KSV["Title"]},
                              {"checkID": "KSV003", "severity": "LOW", "success": True}]},
    }
    src = tmp_path / "operator.json"
    src.write_text(json.dumps({"apiVersion": "v1", "kind": "List", "items": [vuln_report, audit]}))
    import_files("trivy", [src], bundle)
    record = only(bundle, "vuln_scan")
    assert len(record["scans"]) == 2
    ids = {f["plugin_id"] for s in record["scans"] for f in s["findings"]}
    assert "KSV001" in ids and "KSV003" not in ids  # a passed check is no finding
    assert severities(record)["critical"] == 1
    assert {s["started_at"] for s in record["scans"]} == {"2026-03-05T09:07:00+08:00"}


def test_other_kubernetes_objects_are_refused_naming_what_they_are(
    bundle: Path, tmp_path: Path
) -> None:
    src = tmp_path / "pod.json"
    src.write_text(json.dumps({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}}))
    with pytest.raises(ImporterError, match="a Kubernetes Pod object"):
        import_files("trivy", [src], bundle)


def test_trivy_licence_findings_and_cvss_v4_are_kept(bundle: Path, tmp_path: Path) -> None:
    doc = json.loads((SAMPLES / "trivy" / "all_statuses.json").read_bytes())
    first = doc["Results"][0]
    first["Vulnerabilities"][0].setdefault("CVSS", {})["nvd"] = {"V40Score": 8.7, "V3Score": 7.5}
    doc["Results"].append({"Target": "OS Packages", "Class": "license", "Licenses": [
        {"Severity": "HIGH", "Category": "restricted", "PkgName": "libgpl", "Name": "GPL-3.0"}]})
    src = tmp_path / "trivy.json"
    src.write_text(json.dumps(doc))
    import_files("trivy", [src], bundle, host="h-web")
    findings = [f for s in only(bundle, "vuln_scan")["scans"] for f in s["findings"]]
    (lic,) = [f for f in findings if f.get("kind") == "license"]
    assert lic["plugin_id"] == "GPL-3.0" and lic["severity"] == "high"
    assert "restricted" in lic["title"] and "libgpl" in lic["title"]
    assert [f["cvss_v4"] for f in findings if "cvss_v4" in f] == [8.7]


def test_zone_less_times_are_named_and_recorded(bundle: Path) -> None:
    summary = import_files("nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle)
    doc = only(bundle, "vuln_scan")
    tz = doc["provenance"]["assumed_timezone"]
    assert tz["zone"] == "Asia/Shanghai" and tz["explicit"] is False and tz["values"] >= 1
    assert "without a zone" in str(summary) and "--assume-tz" in str(summary)
    assert {s["started_at"] for s in doc["scans"]} == {"2014-03-20T00:30:57+08:00"}


def test_assume_tz_reads_zone_less_times_in_the_stated_zone(bundle: Path) -> None:
    import_files("nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle,
                 assume_tz="UTC")
    doc = only(bundle, "vuln_scan")
    assert doc["provenance"]["assumed_timezone"]["explicit"] is True
    # 00:30:57 UTC is 08:30:57 in the contract's zone
    assert {s["started_at"] for s in doc["scans"]} == {"2014-03-20T08:30:57+08:00"}


def test_times_with_a_zone_need_no_assumption(bundle: Path) -> None:
    summary = import_files("gvm", [SAMPLES / "openvas" / "report_detail_v2.xml"], bundle)
    assert "assumed_timezone" not in only(bundle, "vuln_scan")["provenance"]
    assert "without a zone" not in str(summary)


def test_unknown_assume_tz_is_a_clear_error(bundle: Path) -> None:
    before = sorted(p.name for p in bundle.rglob("*"))
    with pytest.raises(ConfigError, match="unknown time zone 'Mars/Olympus'"):
        import_files("nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle,
                     assume_tz="Mars/Olympus")
    assert sorted(p.name for p in bundle.rglob("*")) == before


def test_gvm_result_without_a_name_gets_a_title(bundle: Path, tmp_path: Path) -> None:
    data = (SAMPLES / "openvas" / "report_detail_v2.xml").read_text(encoding="utf-8")
    # a port-scanner "Open port" result: empty NVT name and result name
    data = re.sub(r"(<result [^>]*>\s*<name>)[^<]*(</name>)", r"\1\2", data, count=1)
    data = re.sub(r"(<nvt [^>]*>\s*<type>[^<]*</type>\s*<name>)[^<]*(</name>)", r"\1\2", data,
                  count=1)
    data = re.sub(r"(<nvt [^>]*>\s*<name>)[^<]*(</name>)", r"\1\2", data, count=1)
    src = tmp_path / "open-port.xml"
    src.write_text(data, encoding="utf-8")
    import_files("gvm", [src], bundle)
    (finding,) = only(bundle, "vuln_scan")["scans"][0]["findings"]
    assert finding["title"].startswith("open port ") and finding["port"] in finding["title"]


def test_gvm_host_with_no_result_still_gets_a_scan(bundle: Path, tmp_path: Path) -> None:
    data = (SAMPLES / "openvas" / "report_detail_v2.xml").read_text(encoding="utf-8")
    extra = ("<host><ip>10.99.99.100</ip><start>2025-08-22T15:01:38+02:00</start>"
             "<end>2025-08-22T15:30:00+02:00</end></host>")
    data = data.replace("</results>", "</results>" + extra, 1)
    src = tmp_path / "two-hosts.xml"
    src.write_text(data, encoding="utf-8")
    summary = import_files("gvm", [src], bundle)
    scans = {s["target"]: s for s in only(bundle, "vuln_scan")["scans"]}
    assert scans["10.99.99.100"]["findings"] == []
    assert scans["10.99.99.100"]["started_at"] == "2025-08-22T21:01:38+08:00"
    assert "no result; recorded as a scan with no finding" in str(summary)
