"""Importers (issue 7): every real tool output in ../shared/real-samples imported into a bundle,
with the per-file counts its SOURCES.md states; the format variants found in the wild, made
from those samples; hostile, wrong-format, truncated and empty inputs refused with the bundle
left byte-identical. Records feed clauses 2.2.1.5, 2.2.1.7, 2.2.1.8, 3.4.a."""

from __future__ import annotations

import bz2
import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checker import schemas
from checker.bundle import build_manifest, dump_json, load_bundle
from checker.errors import CloudpactError, ConfigError
from checker.importers import ImporterError, Tool
from checker.importers.apply import import_files
from checker.store.local import LocalStore

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLOUDPACT_SHARED") or REPO.parent / "shared")
SAMPLES = SHARED / "real-samples"

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"{SAMPLES} not present")

PERIOD = {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}
PRODUCER = {"role": "provider-ops", "organisation_role": "party_b"}
SCANNED_AT = "2025-10-08T10:00:00+08:00"


def _host(host_id: str, hostname: str, ip: str, system: str, **extra: Any) -> dict[str, Any]:
    return {
        "host_id": host_id,
        "hostname": hostname,
        "ip": ip,
        "system_id": system,
        "os": {"name": "Rocky Linux", "version": "9", "family": "open_source"},
        "in_service_from": "2025-09-03T00:00:00+08:00",
        **extra,
    }


INVENTORY = {
    "kind": "host_inventory",
    "hosts": [
        _host("h-mac", "mike-macbook", "192.168.2.100", "S1"),
        _host("h-101", "pci-101", "192.168.2.101", "S1"),
        _host("h-web", "testphp", "44.228.249.3", "S2", aliases=["testphp.vulnweb.com"]),
        _host("h-rhel", "rh-hony", "10.43.12.70", "S3"),
        _host("h-deb", "debian-13", "10.0.0.13", "S4", aliases=["82103dde74c7"]),
        _host("h-win", "server99", "10.99.99.99", "S5"),
    ],
}


def make_bundle(root: Path, inventory: dict[str, Any] | None = INVENTORY) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    files = []
    if inventory is not None:
        data = dump_json(inventory)
        (root / "host_inventory.json").write_bytes(data)
        files.append(("host_inventory.json", "host_inventory", data))
    manifest = build_manifest(
        bundle_id="import-test",
        contract_id="FW2025082202",
        period=PERIOD,
        producer=PRODUCER,
        files=files,
    )
    (root / "manifest.json").write_bytes(dump_json(manifest))
    return root


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file and the list of folders: equal snapshots = byte-identical bundle."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        out[rel] = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "<dir>"
    return out


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return make_bundle(tmp_path / "bundle")


def records(root: Path, kind: str) -> list[dict[str, Any]]:
    """The records of `kind` as checks will see them: loaded, digest- and schema-checked."""
    loaded = load_bundle(LocalStore(root))
    bad = [(f.path, f.reason) for f in loaded.files if f.state != "ok"]
    assert not bad
    return [f.data for f in loaded.files_of(kind)]


def only(root: Path, kind: str) -> dict[str, Any]:
    (doc,) = records(root, kind)
    return doc


def severities(doc: dict[str, Any]) -> Counter[str]:
    return Counter(f["severity"] for s in doc["scans"] for f in s["findings"])


def rule_results(doc: dict[str, Any]) -> Counter[str]:
    return Counter(r["result"] for h in doc["hardenings"] for r in h["rules"])


# --- registry ---------------------------------------------------------------------------


@pytest.mark.parametrize("tool", list(Tool))
def test_every_tool_has_an_importer_writing_a_known_kind(tool: Tool) -> None:
    importer = tool.importer()
    assert importer.name == tool.value
    assert importer.kind in schemas.known_kinds()


def test_unknown_tool_is_refused_with_the_known_names(bundle: Path) -> None:
    with pytest.raises(ImporterError) as err:
        import_files("qualys", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle)
    assert "nessus" in err.value.diagnostics() and "prometheus" in err.value.diagnostics()


# --- every real sample, counts as SOURCES.md states them ---------------------------------


def _nessus_local_3(doc: dict[str, Any], root: Path) -> None:
    assert severities(doc) == {"info": 71, "low": 10, "medium": 20, "high": 3, "critical": 2}
    hosts = {s["target"]: s["host_id"] for s in doc["scans"]}
    assert hosts == {
        "192.168.2.100": "h-mac",
        "192.168.2.101": "h-101",
        "192.168.2.104": "192.168.2.104",
    }
    assert doc["provenance"]["unmapped"] == ["192.168.2.104"]  # reported, not dropped
    # HOST_START ctime without zone, read as Asia/Shanghai
    assert {s["started_at"] for s in doc["scans"]} == {"2014-03-20T00:30:57+08:00"}
    assert doc["provenance"]["tool"] == {"name": "Nessus", "version": "5.2.4"}


def _nessus_cvssv3(doc: dict[str, Any], root: Path) -> None:
    assert severities(doc) == {"info": 23, "low": 1, "medium": 13, "high": 10, "critical": 2}
    (scan,) = doc["scans"]
    assert scan["host_id"] == "h-web"
    # HOST_START_TIMESTAMP 1648042311 wins over the zone-less HOST_START
    assert scan["started_at"] == "2022-03-23T21:31:51+08:00"
    assert any(f["cvss_v3"] for f in scan["findings"])
    assert Counter(f["tool_severity"] for f in scan["findings"]) == {
        0: 23,
        1: 1,
        2: 13,
        3: 10,
        4: 2,
    }


def _gvm_many(doc: dict[str, Any], root: Path) -> None:
    (scan,) = doc["scans"]
    findings = scan["findings"]
    assert len(findings) == 44
    # the tool's own levels as SOURCES.md counts them: High 19, Medium 23, 2 empty threats
    tool = Counter(f["tool_severity"] for f in findings)
    assert tool == {"High": 19, "Medium": 23, 4.0: 2}
    # GVM's own level is the severity (High stays high, never promoted to critical); the two
    # empty threats take the band of their 4.0 score (issue 18)
    assert severities(doc) == {"high": 19, "medium": 25}
    # the CVSS band of the numeric severity is kept beside (severity.py)
    assert Counter(f["severity_cvss"] for f in findings) == {"critical": 8, "high": 11, "medium": 25}
    assert scan["host_id"] == "192.168.1.1001"  # sanitised, invalid IP: kept, reported
    assert doc["provenance"]["unmapped"] == ["192.168.1.1001", "b6b9f466d63"]
    assert len({f["finding_id"] for f in findings}) == 44  # the file repeats one result id
    assert "CVE-1999-0618" in {c for f in findings for c in f["cve"]}  # from <refs>
    assert scan["started_at"] == "2023-09-26T18:50:34+08:00"


def _gvm_v2(doc: dict[str, Any], root: Path) -> None:
    (scan,) = doc["scans"]
    (finding,) = scan["findings"]
    assert finding["tool_severity"] == "High" and finding["severity"] == "high"
    assert finding["severity_cvss"] == "critical" and finding["cvss_score"] == 9.8
    assert finding["cvss_v3"] == 9.8 and len(finding["cve"]) > 90
    assert scan["host_id"] == "h-win"
    assert scan["started_at"] == "2025-08-22T21:01:38+08:00"  # +02:00 offset converted
    assert doc["provenance"]["tool"] == {"name": "GVM", "version": "gmp 22.6"}


def _trivy_statuses(doc: dict[str, Any], root: Path) -> None:
    assert severities(doc) == {"low": 8}
    statuses = {f["status"] for s in doc["scans"] for f in s["findings"]}
    assert statuses == {
        "affected",
        "fixed",
        "not_affected",
        "will_not_fix",
        "fix_deferred",
        "end_of_life",
        "under_investigation",
        "unknown",
    }
    assert doc["scans"][0]["started_at"] == "2024-01-15T16:58:29.827+08:00"  # CreatedAt


def _trivy_many(doc: dict[str, Any], root: Path) -> None:
    assert severities(doc) == {"critical": 1, "high": 1, "medium": 3}
    assert doc["scans"][0]["started_at"] == SCANNED_AT  # no CreatedAt: --scanned-at


def _arf(doc: dict[str, Any], root: Path) -> None:
    assert rule_results(doc) == {"fail": 1, "notapplicable": 1, "notselected": 1}
    (h,) = doc["hardenings"]
    assert h["host_id"] == "h-rhel" and h["scan_id"] is None
    assert h["performed_at"] == "2021-11-30T21:34:55+08:00"


def _xccdf(doc: dict[str, Any], root: Path) -> None:
    assert rule_results(doc) == {"fail": 1}
    (rule,) = doc["hardenings"][0]["rules"]
    assert rule["title"] == "This rule always fail"
    assert rule["tool_severity"] == "unknown" and "severity" not in rule


def _lynis(doc: dict[str, Any], root: Path) -> None:
    assert rule_results(doc) == {"warning": 1, "suggestion": 37}
    (h,) = doc["hardenings"]
    assert h["score"] == 57 and h["host_id"] == "h-deb"  # hostname via inventory alias
    (warning,) = [r for r in h["rules"] if r["result"] == "warning"]
    assert warning["rule_id"] == "LOGG-2138" and warning["severity"] == "medium"


def _clamav(doc: dict[str, Any], root: Path) -> None:
    (run,) = doc["runs"]
    assert (run["files_scanned"], run["infected"], run["result"]) == (4, 3, "infected")
    assert len(run["detections"]) == 3
    assert run["host_id"] == "h-deb"
    assert run["started_at"] == "2026-07-31T18:41:55+08:00"
    assert run["tool"] == {"name": "ClamAV", "version": "1.2.2"}


def _prometheus(doc: dict[str, Any], root: Path) -> None:
    series = {s["labels"]["instance"].split(".")[0]: s for s in doc["series"]}
    assert len(doc["series"]) == 9
    p0 = series["prometheus-anomaly-detector-prophet-0"]["values"]
    assert (len(p0), p0.count("0")) == (360, 360)
    p1 = series["prometheus-anomaly-detector-prophet-1"]["values"]
    assert (len(p1), p1.count("0"), p1.count("1")) == (360, 13, 347)
    assert series["prometheus-anomaly-detector-prophet-1"]["step_seconds"] == 60
    others = [s for k, s in series.items() if "prophet-0" not in k and "prophet-1" not in k]
    assert all("0" not in s["values"] for s in others)
    # one series misses one 20 s sample: a gap, not a down
    assert sorted(s["values"].count("-") for s in others) == [0] * 6 + [1]
    assert {s["system_id"] for s in doc["series"]} == {"S6"}


REAL = [
    ("nessus", "nessus/nessus_report_local_3.nessus", {}, _nessus_local_3),
    ("nessus", "nessus/nessus_with_cvssv3.nessus", {}, _nessus_cvssv3),
    ("gvm", "openvas/many_vuln.xml", {}, _gvm_many),
    ("gvm", "openvas/report_detail_v2.xml", {}, _gvm_v2),
    ("trivy", "trivy/all_statuses.json", {"host": "rh-hony"}, _trivy_statuses),
    (
        "trivy",
        "trivy/scheme_2_many_vulns.json",
        {"host": "h-rhel", "scanned_at": SCANNED_AT},
        _trivy_many,
    ),
    ("openscap", "openscap/arf_rule_and_cpe_check.xml", {}, _arf),
    ("openscap", "openscap/xccdf_simple_rule_fail.xml", {}, _xccdf),
    ("lynis", "lynis/lynis_many_vuln.dat", {}, _lynis),
    ("clamav", "clamav/clamav_many_vuln.txt", {"host": "10.0.0.13"}, _clamav),
    ("prometheus", "prometheus/201907281200.json", {"system": "S6"}, _prometheus),
]


def test_the_table_covers_every_real_sample() -> None:
    on_disk = {p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*") if p.is_file()}
    assert on_disk - {"SOURCES.md"} == {path for _, path, _, _ in REAL}


@pytest.mark.parametrize(("tool", "path", "options", "check"), REAL, ids=[r[1] for r in REAL])
def test_real_sample_imports_with_its_stated_counts(
    bundle: Path, tool: str, path: str, options: dict[str, Any], check: Any
) -> None:
    source = SAMPLES / path
    summary = import_files(tool, [source], bundle, **options)
    (fs,) = summary.files
    kind = Tool(tool).importer().kind
    doc = only(bundle, kind)
    check(doc, bundle)
    # the raw output is kept byte for byte, listed as raw, and cited by the record
    raw = source.read_bytes()
    assert (bundle / fs.raw_path).read_bytes() == raw
    assert doc["provenance"]["raw_sha256"] == hashlib.sha256(raw).hexdigest()
    assert doc["provenance"]["raw_path"] == fs.raw_path
    manifest = json.loads((bundle / "manifest.json").read_bytes())
    entries = {e["path"]: e for e in manifest["files"]}
    assert entries[fs.raw_path]["kind"] == "raw"
    assert entries[fs.record_path]["derived_from"] == fs.raw_path
    assert str(source) in str(summary)


# --- variants found in the wild, derived from the real samples ---------------------------


def test_one_line_nessus_named_xml_without_epoch_times(bundle: Path, tmp_path: Path) -> None:
    data = (SAMPLES / "nessus" / "nessus_with_cvssv3.nessus").read_bytes()
    data = re.sub(rb'<tag name="HOST_(START|END)_TIMESTAMP">\d+</tag>', b"", data)
    one_line = re.sub(rb">\s+<", b"><", data)
    assert one_line.count(b"\n") <= 1 + data.count(b"<plugin_output>") * 50  # compacted
    src = tmp_path / "scan.xml"
    src.write_bytes(one_line)
    import_files("nessus", [src], bundle)
    doc = only(bundle, "vuln_scan")
    assert severities(doc) == {"info": 23, "low": 1, "medium": 13, "high": 10, "critical": 2}
    assert doc["scans"][0]["started_at"] == "2022-03-23T14:31:51+08:00"  # ctime as Shanghai


def _omp7(data: bytes) -> bytes:
    """many_vuln.xml as OpenVAS 9 wrote it: <omp> 7.0, text threats only, CVEs in <cve>."""
    data = data.replace(b"<gmp>", b"<omp>").replace(b"</gmp>", b"</omp>")
    data = data.replace(b"<version>9.0</version>", b"<version>7.0</version>")
    data = re.sub(rb"<severity>-?[\d.]+</severity>", b"", data)

    def refs(m: re.Match[bytes]) -> bytes:
        cves = re.findall(rb'id="(CVE-[\d-]+)" type="cve"', m.group(0))
        return b"<cve>" + (b", ".join(cves) or b"NOCVE") + b"</cve>"

    return re.sub(rb"<refs\s*/>|<refs>.*?</refs>", refs, data, flags=re.S)


def test_gvm_omp7_with_text_threats_and_cve_element(bundle: Path, tmp_path: Path) -> None:
    original = (SAMPLES / "openvas" / "many_vuln.xml").read_bytes()
    src = tmp_path / "openvas9-report.xml"
    src.write_bytes(_omp7(original))
    summary = import_files("gvm", [src], bundle)
    doc = only(bundle, "vuln_scan")
    assert severities(doc) == {"high": 19, "medium": 23, "info": 2}
    assert doc["provenance"]["tool"]["version"] == "omp 7.0"
    cves = [c for f in doc["scans"][0]["findings"] for c in f["cve"]]
    assert len(cves) == len(re.findall(rb'type="cve"', original))
    assert "neither a threat level nor a severity" in str(summary)


def test_gvm_without_version_element(bundle: Path, tmp_path: Path) -> None:
    data = (SAMPLES / "openvas" / "report_detail_v2.xml").read_bytes()
    src = tmp_path / "r.xml"
    src.write_bytes(re.sub(rb"<gmp>.*?</gmp>", b"", data, flags=re.S))
    import_files("gvm", [src], bundle)
    doc = only(bundle, "vuln_scan")
    assert doc["provenance"]["tool"] == {"name": "GVM", "version": None}
    assert severities(doc) == {"high": 1}  # GVM's own "High", its 9.8 band kept beside


def test_gvm_get_reports_response_with_ctime_times(bundle: Path, tmp_path: Path) -> None:
    data = (SAMPLES / "openvas" / "report_detail_v2.xml").read_bytes()
    data = data.replace(b'<?xml version="1.0"?>', b"")
    data = re.sub(
        rb"<scan_start>[^<]*</scan_start>",
        b"<scan_start>Fri Aug 22 15:01:38 2025</scan_start>",
        data,
    )
    src = tmp_path / "gmp-response.xml"
    src.write_bytes(
        b'<get_reports_response status="200" status_text="OK">' + data + b"</get_reports_response>"
    )
    import_files("gvm", [src], bundle)
    (scan,) = only(bundle, "vuln_scan")["scans"]
    assert scan["started_at"] == "2025-08-22T15:01:38+08:00"  # zone-less: Asia/Shanghai


def test_trivy_legacy_top_level_list(bundle: Path, tmp_path: Path) -> None:
    doc = json.loads((SAMPLES / "trivy" / "scheme_2_many_vulns.json").read_bytes())
    src = tmp_path / "legacy.json"
    src.write_text(json.dumps(doc["Results"]))
    with pytest.raises(ImporterError, match="no CreatedAt"):
        import_files("trivy", [src], bundle, host="h-rhel")
    import_files("trivy", [src], bundle, host="h-rhel", scanned_at=SCANNED_AT)
    assert severities(only(bundle, "vuln_scan")) == {"critical": 1, "high": 1, "medium": 3}


def test_trivy_misconfigurations_and_secrets(bundle: Path, tmp_path: Path) -> None:
    doc = json.loads((SAMPLES / "trivy" / "all_statuses.json").read_bytes())
    doc["Results"].append(
        {
            "Target": "Dockerfile",
            "Class": "config",
            "Type": "dockerfile",
            "Misconfigurations": [
                {
                    "ID": "DS002",
                    "AVDID": "AVD-DS-0002",
                    "Title": "Image user should not be root",
                    "Severity": "HIGH",
                    "Status": "FAIL",
                },
                {
                    "ID": "DS001",
                    "AVDID": "AVD-DS-0001",
                    "Title": "':latest' tag used",
                    "Severity": "MEDIUM",
                    "Status": "PASS",
                },
            ],
        }
    )
    doc["Results"].append(
        {
            "Target": "/app/.env",
            "Class": "secret",
            "Secrets": [
                {
                    "RuleID": "aws-access-key-id",
                    "Category": "AWS",
                    "Severity": "CRITICAL",
                    "Title": "AWS Access Key ID",
                    "StartLine": 3,
                    "EndLine": 3,
                }
            ],
        }
    )
    src = tmp_path / "trivy.json"
    src.write_text(json.dumps(doc))
    summary = import_files("trivy", [src], bundle, host="h-rhel")
    assert severities(only(bundle, "vuln_scan")) == {"low": 8, "high": 1, "critical": 1}
    assert "1 passed misconfiguration" in str(summary)


def test_xccdf_1_1_namespace(bundle: Path, tmp_path: Path) -> None:
    data = (SAMPLES / "openscap" / "xccdf_simple_rule_fail.xml").read_bytes()
    src = tmp_path / "results-1.1.xml"
    src.write_bytes(
        data.replace(
            b"http://checklists.nist.gov/xccdf/1.2", b"http://checklists.nist.gov/xccdf/1.1"
        )
    )
    summary = import_files("openscap", [src], bundle)
    assert rule_results(only(bundle, "hardening")) == {"fail": 1}
    assert "XCCDF 1.1" in str(summary)


def test_bzip2_arf_without_extension(bundle: Path, tmp_path: Path) -> None:
    src = tmp_path / "arf-results"
    src.write_bytes(
        bz2.compress((SAMPLES / "openscap" / "arf_rule_and_cpe_check.xml").read_bytes())
    )
    import_files("openscap", [src], bundle)
    doc = only(bundle, "hardening")
    assert rule_results(doc) == {"fail": 1, "notapplicable": 1, "notselected": 1}
    # the compressed bytes are what the bundle keeps as raw evidence
    assert doc["provenance"]["raw_sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()


def _envelope(result: Any, result_type: str = "matrix") -> str:
    return json.dumps({"status": "success", "data": {"resultType": result_type, "result": result}})


def test_prometheus_with_api_envelope(bundle: Path, tmp_path: Path) -> None:
    result = json.loads((SAMPLES / "prometheus" / "201907281200.json").read_bytes())
    src = tmp_path / "query_range.json"
    src.write_text(_envelope(result))
    import_files("prometheus", [src], bundle, system="S2")
    doc = only(bundle, "availability_samples")
    assert sum(s["values"].count("0") for s in doc["series"]) == 360 + 13


def test_prometheus_system_id_label(bundle: Path, tmp_path: Path) -> None:
    result = json.loads((SAMPLES / "prometheus" / "201907281200.json").read_bytes())
    for n, series in enumerate(result):
        series["metric"]["system_id"] = "S5" if n % 2 else "S7"
    src = tmp_path / "labelled.json"
    src.write_text(_envelope(result))
    import_files("prometheus", [src], bundle)
    doc = only(bundle, "availability_samples")
    assert Counter(s["system_id"] for s in doc["series"]) == {"S7": 5, "S5": 4}


def test_prometheus_instant_vector_is_refused(bundle: Path, tmp_path: Path) -> None:
    src = tmp_path / "query.json"
    src.write_text(_envelope([{"metric": {"__name__": "up"}, "value": [1, "1"]}], "vector"))
    before = snapshot(bundle)
    with pytest.raises(ImporterError, match="range query"):
        import_files("prometheus", [src], bundle, system="S2")
    assert snapshot(bundle) == before


def test_prometheus_systems_from_the_host_map(bundle: Path, tmp_path: Path) -> None:
    src = SAMPLES / "prometheus" / "201907281200.json"
    before = snapshot(bundle)
    with pytest.raises(ImporterError, match="map to no information system") as err:
        import_files("prometheus", [src], bundle)
    assert "--system" in err.value.diagnostics()
    assert snapshot(bundle) == before
    hostmap = tmp_path / "hosts.yaml"
    hostmap.write_text(
        "systems:\n"
        "  prophet: S3\n"  # a job name
        "  fourier: S3\n"
        "  thoth metrics: S4\n"
        "  Thoth Metrics (stage): S4\n"
        "  Thoth Metrics (test): S4\n"
        "  Thoth Dgraph aggregate-exporter (stage): S4\n"
        "  Thoth Dgraph aggregate-exporter (test): S4\n"
        # an instance with its port, as Prometheus labels it
        "  prometheus-anomaly-detector-prophet-0.cloud.paas.psi.redhat.com:80: S7\n"
    )
    import_files("prometheus", [src], bundle, hostmap)
    systems = {
        s["labels"]["instance"].split(".")[0]: s["system_id"]
        for s in only(bundle, "availability_samples")["series"]
    }
    assert systems["prometheus-anomaly-detector-prophet-0"] == "S7"
    assert systems["prometheus-anomaly-detector-prophet-1"] == "S3"
    assert Counter(systems.values()) == {"S3": 3, "S4": 5, "S7": 1}


# --- host mapping -------------------------------------------------------------------------


def test_host_map_file_maps_what_the_inventory_does_not(bundle: Path, tmp_path: Path) -> None:
    hostmap = tmp_path / "hosts.json"
    hostmap.write_text(json.dumps({"hosts": {"h-101": ["192.168.2.104"]}}))
    import_files("nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle, hostmap)
    doc = only(bundle, "vuln_scan")
    assert sorted(s["host_id"] for s in doc["scans"]) == ["h-101", "h-101", "h-mac"]
    assert doc["provenance"]["unmapped"] == []


def test_host_map_naming_a_host_outside_the_inventory_is_refused(
    bundle: Path, tmp_path: Path
) -> None:
    hostmap = tmp_path / "hosts.yaml"
    hostmap.write_text("hosts:\n  h-ghost: 192.168.2.104\n")
    before = snapshot(bundle)
    with pytest.raises(ConfigError, match="h-ghost"):
        import_files(
            "nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle, hostmap
        )
    assert snapshot(bundle) == before


def test_inventory_naming_one_address_twice_is_refused(tmp_path: Path) -> None:
    inventory = {
        "kind": "host_inventory",
        "hosts": [_host("h-a", "a", "10.0.0.1", "S1"), _host("h-b", "b", "10.0.0.1", "S1")],
    }
    root = make_bundle(tmp_path / "b", inventory)
    with pytest.raises(ConfigError, match="10.0.0.1"):
        import_files("clamav", [SAMPLES / "clamav" / "clamav_many_vuln.txt"], root, host="a")


def test_tool_output_naming_no_host_needs_host_option(bundle: Path) -> None:
    before = snapshot(bundle)
    with pytest.raises(ImporterError, match="does not name the host") as err:
        import_files("clamav", [SAMPLES / "clamav" / "clamav_many_vuln.txt"], bundle)
    assert "--host" in err.value.diagnostics()
    assert snapshot(bundle) == before


def test_bundle_without_inventory_keeps_every_host_as_unmapped(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b", inventory=None)
    summary = import_files("nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], root)
    doc = only(root, "vuln_scan")
    assert len(doc["scans"]) == 3
    assert set(doc["provenance"]["unmapped"]) == {
        "192.168.2.100",
        "MIKE-MACBOOK",
        "192.168.2.101",
        "192.168.2.104",
    }
    assert "not in the inventory" in str(summary)


# --- hardening tied to a scan (2.2.1.8) -----------------------------------------------------


def test_hardening_cites_an_imported_scan(bundle: Path) -> None:
    scans = import_files("nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle)
    scan_id = scans.files[0].ids[0]
    summary = import_files(
        "openscap", [SAMPLES / "openscap" / "xccdf_simple_rule_fail.xml"], bundle, scan_id=scan_id
    )
    assert only(bundle, "hardening")["hardenings"][0]["scan_id"] == scan_id
    assert "does not count" not in str(summary)


def test_hardening_without_scan_id_says_it_does_not_count(bundle: Path) -> None:
    summary = import_files("lynis", [SAMPLES / "lynis" / "lynis_many_vuln.dat"], bundle)
    assert "does not count for 2.2.1.8" in str(summary)


@pytest.mark.parametrize(
    ("tool", "option"),
    [
        ("nessus", {"scan_id": "x"}),
        ("openscap", {"round": "2025-R1"}),
        ("gvm", {"system": "S1"}),
        ("prometheus", {"system": "S99x"}),
        ("prometheus", {"host": "h-mac"}),
    ],
)
def test_options_that_do_not_apply_are_refused(
    bundle: Path, tool: str, option: dict[str, str]
) -> None:
    with pytest.raises(ConfigError):
        import_files(tool, [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle, **option)


def test_round_option_labels_every_scan(bundle: Path) -> None:
    import_files(
        "nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle, round="2025-R1"
    )
    assert {s["round"] for s in only(bundle, "vuln_scan")["scans"]} == {"2025-R1"}


# --- refusals leave the bundle byte-identical --------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<NessusClientData_v2><Report name="&lol9;"/></NessusClientData_v2>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE report [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<NessusClientData_v2><Report name="x"><ReportHost name="&xxe;"><HostProperties>
<tag name="HOST_START">Thu Mar 20 00:30:57 2014</tag></HostProperties></ReportHost></Report>
</NessusClientData_v2>
"""


@pytest.mark.parametrize("tool", ["nessus", "gvm", "openscap"])
@pytest.mark.parametrize(
    "payload", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "xxe"]
)
def test_hostile_xml_is_refused(bundle: Path, tmp_path: Path, tool: str, payload: bytes) -> None:
    src = tmp_path / "hostile.nessus"
    src.write_bytes(payload)
    before = snapshot(bundle)
    with pytest.raises(ImporterError) as err:
        import_files(tool, [src], bundle)
    message = err.value.diagnostics()
    assert "\n" not in message and str(src) in message and "refused" in message
    assert "root:" not in message
    assert snapshot(bundle) == before


def test_multi_stream_and_truncated_bzip2(bundle: Path, tmp_path: Path) -> None:
    data = (SAMPLES / "openscap" / "arf_rule_and_cpe_check.xml").read_bytes()
    half = len(data) // 2
    src = tmp_path / "arf.pbzip2"  # pbzip2 writes one bzip2 stream per block
    src.write_bytes(bz2.compress(data[:half]) + bz2.compress(data[half:]))
    cut = tmp_path / "arf.cut"
    cut.write_bytes(src.read_bytes()[:1000])
    _refused(bundle, "openscap", cut, "truncated")
    import_files("openscap", [src], bundle)
    assert rule_results(only(bundle, "hardening")) == {
        "fail": 1,
        "notapplicable": 1,
        "notselected": 1,
    }


def test_hostile_xml_inside_bzip2_is_refused(bundle: Path, tmp_path: Path) -> None:
    src = tmp_path / "arf"
    src.write_bytes(bz2.compress(BILLION_LAUGHS))
    before = snapshot(bundle)
    with pytest.raises(ImporterError, match="refused"):
        import_files("openscap", [src], bundle)
    assert snapshot(bundle) == before


SAMPLE_OF = {tool: SAMPLES / path for tool, path, _, _ in reversed(REAL)}
OPTIONS_OF = {tool: options for tool, _, options, _ in reversed(REAL)}
WRONG = {  # each tool fed another tool's output
    "nessus": "openvas/many_vuln.xml",
    "gvm": "nessus/nessus_report_local_3.nessus",
    "trivy": "prometheus/201907281200.json",
    "openscap": "openvas/report_detail_v2.xml",
    "lynis": "clamav/clamav_many_vuln.txt",
    "clamav": "lynis/lynis_many_vuln.dat",
    "prometheus": "trivy/all_statuses.json",
}


def _refused(bundle: Path, tool: str, src: Path, pattern: str) -> str:
    before = snapshot(bundle)
    with pytest.raises(ImporterError, match=pattern) as err:
        import_files(tool, [src], bundle, **OPTIONS_OF[tool])
    assert snapshot(bundle) == before
    message = err.value.diagnostics()
    assert "\n" not in str(err.value) and str(src) in message
    return message


@pytest.mark.parametrize("tool", list(Tool))
def test_wrong_format_is_refused(bundle: Path, tool: Tool) -> None:
    _refused(bundle, tool.value, SAMPLES / WRONG[tool.value], r"not (a|an|clamscan|valid)")


@pytest.mark.parametrize("tool", list(Tool))
def test_truncated_file_is_refused(bundle: Path, tmp_path: Path, tool: Tool) -> None:
    data = SAMPLE_OF[tool.value].read_bytes()
    src = tmp_path / f"half-{SAMPLE_OF[tool.value].name}"
    src.write_bytes(data[: len(data) // 2])
    _refused(bundle, tool.value, src, "truncated")


@pytest.mark.parametrize("tool", list(Tool))
def test_empty_file_is_refused(bundle: Path, tmp_path: Path, tool: Tool) -> None:
    src = tmp_path / "empty.out"
    src.write_bytes(b"\n")
    _refused(bundle, tool.value, src, "empty")


def test_one_bad_file_in_a_batch_imports_nothing(bundle: Path, tmp_path: Path) -> None:
    bad = tmp_path / "cut.nessus"
    bad.write_bytes((SAMPLES / "nessus" / "nessus_with_cvssv3.nessus").read_bytes()[:5000])
    before = snapshot(bundle)
    with pytest.raises(ImporterError, match="cut.nessus"):
        import_files("nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus", bad], bundle)
    assert snapshot(bundle) == before


def test_importing_the_same_output_twice_is_refused(bundle: Path) -> None:
    src = SAMPLES / "lynis" / "lynis_many_vuln.dat"
    import_files("lynis", [src], bundle)
    before = snapshot(bundle)
    with pytest.raises(ImporterError, match="already imported"):
        import_files("lynis", [src], bundle)
    assert snapshot(bundle) == before


def test_a_failed_write_is_undone(bundle: Path) -> None:
    src = SAMPLES / "lynis" / "lynis_many_vuln.dat"
    sha = hashlib.sha256(src.read_bytes()).hexdigest()[:12]
    # a folder squatting the record's path: the raw file gets written, then the record fails
    (bundle / "imported" / "hardening" / f"lynis-{sha}.json").mkdir(parents=True)
    before = snapshot(bundle)
    with pytest.raises(CloudpactError, match="nothing imported"):
        import_files("lynis", [src], bundle)
    assert snapshot(bundle) == before


def test_s3_bundles_are_not_written(tmp_path: Path) -> None:
    with pytest.raises(CloudpactError, match="local bundles only"):
        import_files("lynis", [SAMPLES / "lynis" / "lynis_many_vuln.dat"], "s3://bucket/b1")


# --- the records reach the policies --------------------------------------------------------


def test_imported_records_are_policy_input(bundle: Path) -> None:
    import_files("nessus", [SAMPLES / "nessus" / "nessus_report_local_3.nessus"], bundle)
    import_files("openscap", [SAMPLES / "openscap" / "arf_rule_and_cpe_check.xml"], bundle)
    evidence = load_bundle(LocalStore(bundle)).policy_input()["evidence"]
    assert set(evidence) == {"host_inventory", "vuln_scan", "hardening"}
    assert "raw" not in evidence


# --- the command line and the check pipeline ----------------------------------------------


def test_cli_import_prints_the_summary_and_exits_0(cli: Any, bundle: Path) -> None:
    src = SAMPLES / "nessus" / "nessus_report_local_3.nessus"
    r = cli("import", "nessus", src, "--into", bundle, "--round", "2025-R1")
    assert r.code == 0, r.err
    assert "critical 2, high 3, medium 20, low 10, info 71" in r.out
    assert "192.168.2.104" in r.out  # the unmapped host is reported
    assert cli("validate", bundle).code == 0


def test_cli_import_refusal_is_one_line_exit_2(cli: Any, bundle: Path) -> None:
    before = snapshot(bundle)
    r = cli("import", "openscap", SAMPLES / "trivy" / "all_statuses.json", "--into", bundle)
    assert r.code == 2
    assert r.err.count("\n") == 1 and "all_statuses.json" in r.err and "Traceback" not in r.err
    assert snapshot(bundle) == before


def _inventory_bundle(root: Path) -> Path:
    """A bundle holding only the committed compliant example's host inventory."""
    from checker import paths

    data = (paths.EXAMPLES / "compliant" / "inventory" / "hosts.json").read_bytes()
    root.mkdir()
    (root / "hosts.json").write_bytes(data)
    manifest = build_manifest(
        bundle_id="imported-year",
        contract_id="FW2025082202",
        period=PERIOD,
        producer=PRODUCER,
        files=[("hosts.json", "host_inventory", data)],
    )
    (root / "manifest.json").write_bytes(dump_json(manifest))
    return root


def test_imported_scans_and_hardening_flow_through_check(cli: Any, tmp_path: Path) -> None:
    root = _inventory_bundle(tmp_path / "year")
    # the real Nessus report, moved into the service period (2014-03 -> 2025-10)
    data = (SAMPLES / "nessus" / "nessus_report_local_3.nessus").read_bytes()
    data = re.sub(
        rb'(<tag name="HOST_(?:START|END)">\w+ )Mar (\d+ [\d:]+) 2014', rb"\1Oct \2 2025", data
    )
    scan = tmp_path / "round1.nessus"
    scan.write_bytes(data)
    hostmap = tmp_path / "hosts.yaml"
    hostmap.write_text("hosts:\n  h0001: [192.168.2.100, rh-hony]\n  h0002: 192.168.2.101\n")
    r = cli("import", "nessus", scan, "--into", root, "--hosts", hostmap, "--round", "2025-R1")
    assert r.code == 0, r.err
    scan_id = only(root, "vuln_scan")["scans"][2]["scan_id"]  # 192.168.2.100 -> h0001
    r = cli(
        "import",
        "openscap",
        SAMPLES / "openscap" / "xccdf_simple_rule_fail.xml",
        "--into",
        root,
        "--hosts",
        hostmap,
        "--scan-id",
        scan_id,
    )
    assert r.code == 0, r.err
    r = cli("check", root, "--format", "json")
    results = {x["clause"]: x for x in r.json()["results"]}
    scans = results["2.2.1.7"]
    # two scanned hosts are inventory hosts in service, the third is excluded, not dropped;
    # a tool's output carries no report of the results to Party A (2.2.1.7 并反馈相关结果,
    # report_delivered_at), so none of the three counts yet
    assert (scans["status"], scans["actual"], scans["measures"]["excluded"]) == ("fail", 0, 3)
    hardening = results["2.2.1.8"]
    refs = {(e["kind"], e["state"]) for e in hardening["evidence"]}
    assert ("hardening", "ok") in refs and ("vuln_scan", "ok") in refs
    assert hardening["status"] not in ("invalid", "error", "missing")
