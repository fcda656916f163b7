"""Import speed on 2 cores: every real sample, and a 130-host Nessus round made from one.

    python benchmarks/bench_importers.py [--shared ../shared]

Prints seconds per import (parse + map + validate + write) and peak memory. Not a test:
speed is measured here, never asserted.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from checker.bundle import build_manifest, dump_json
from checker.importers.apply import import_files

REPO = Path(__file__).resolve().parents[1]
PERIOD = {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}
PRODUCER = {"role": "provider-ops", "organisation_role": "party_b"}
SAMPLES = [
    ("nessus", "nessus/nessus_report_local_3.nessus", {}),
    ("nessus", "nessus/nessus_with_cvssv3.nessus", {}),
    ("gvm", "openvas/many_vuln.xml", {}),
    ("gvm", "openvas/report_detail_v2.xml", {}),
    ("trivy", "trivy/all_statuses.json", {"host": "h1"}),
    (
        "trivy",
        "trivy/scheme_2_many_vulns.json",
        {"host": "h1", "scanned_at": "2025-10-01T00:00:00+08:00"},
    ),
    ("openscap", "openscap/arf_rule_and_cpe_check.xml", {}),
    ("openscap", "openscap/xccdf_simple_rule_fail.xml", {}),
    ("lynis", "lynis/lynis_many_vuln.dat", {}),
    ("clamav", "clamav/clamav_many_vuln.txt", {"host": "h1"}),
    ("prometheus", "prometheus/201907281200.json", {"system": "S1"}),
]


def empty_bundle(root: Path) -> Path:
    root.mkdir()
    manifest = build_manifest(
        bundle_id="bench", contract_id="FW2025082202", period=PERIOD, producer=PRODUCER, files=[]
    )
    (root / "manifest.json").write_bytes(dump_json(manifest))
    return root


def nessus_round(src: Path, hosts: int) -> bytes:
    """One Nessus file with `hosts` ReportHosts, copies of the sample's hosts, new IPs."""
    data = src.read_bytes()
    blocks = re.findall(rb"<ReportHost .*?</ReportHost>", data, flags=re.S)
    out = []
    for n in range(hosts):
        block = blocks[n % len(blocks)]
        ip = f"10.21.{n // 250}.{n % 250 + 2}".encode()
        out.append(re.sub(rb"192\.168\.2\.\d+", ip, block))
    head, _, rest = data.partition(blocks[0])
    tail = rest.rpartition(blocks[-1])[2]
    return head + b"\n".join(out) + tail


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    samples = args.shared / "real-samples"
    with tempfile.TemporaryDirectory() as tmp:
        root = empty_bundle(Path(tmp) / "b")
        for tool, rel, options in SAMPLES:
            src = samples / rel
            t0 = time.perf_counter()
            import_files(tool, [src], root, **options)
            print(
                f"{tool:10} {rel:40} {src.stat().st_size / 1e6:7.2f} MB "
                f"{time.perf_counter() - t0:6.3f} s"
            )
        big = Path(tmp) / "round-130.nessus"
        big.write_bytes(nessus_round(samples / "nessus" / "nessus_report_local_3.nessus", 130))
        t0 = time.perf_counter()
        summary = import_files("nessus", [big], root)
        took = time.perf_counter() - t0
        findings = sum(summary.files[0].counts.values())
        print(
            f"{'nessus':10} {'130-host round (synthetic)':40} {big.stat().st_size / 1e6:7.2f} MB "
            f"{took:6.3f} s ({findings} findings)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
