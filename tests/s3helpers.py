"""Bundles for the S3 tests, built with checker.bundle.build_manifest, and the check the
upload gate runs on them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker import policies
from checker.bundle import build_manifest, dump_json, load_bundle
from checker.catalogue import load_catalogue
from checker.check import evaluate_bundle, input_digests, now_iso
from checker.model import Report
from checker.store.interface import Store

PERIOD = {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}
PRODUCER = {"role": "provider-ci", "organisation_role": "party_b", "tool": "tests"}


def _host(i: int) -> dict[str, Any]:
    return {
        "host_id": f"h{i:03d}",
        "hostname": f"h{i:03d}",
        "ip": f"10.0.{i // 250}.{i % 250 + 1}",
        "system_id": "S1",
        "os": {"name": "UOS", "version": "20", "family": "commercial"},
        "in_service_from": "2025-09-03T00:00:00+08:00",
    }


def evidence_files(*, hosts: int = 130, rounds: int = 2) -> list[tuple[str, str, bytes]]:
    """A host inventory and `rounds` vulnerability-scan rounds over every host: with the
    defaults, 260 host-scans, which is what 2.2.1.7 asks for."""
    inventory = {"kind": "host_inventory", "hosts": [_host(i) for i in range(hosts)]}
    scans = {
        "kind": "vuln_scan",
        "scans": [
            {
                "scan_id": f"R{r}-h{i:03d}",
                "round": f"R{r}",
                "host_id": f"h{i:03d}",
                "started_at": f"2025-{10 + r:02d}-01T09:00:00+08:00",
                "finished_at": f"2025-{10 + r:02d}-01T10:00:00+08:00",
                "tool": {"name": "nessus", "version": "10.7"},
                "findings": [],
            }
            for r in range(1, rounds + 1)
            for i in range(hosts)
        ],
    }
    return [
        ("inventory/hosts.json", "host_inventory", dump_json(inventory)),
        ("scans/vuln_scan.json", "vuln_scan", dump_json(scans)),
        ("raw/nessus-export.txt", "raw", b"original tool output kept as provenance\n"),
    ]


def write_bundle(
    root: Path,
    bundle_id: str = "b-2025-10",
    files: list[tuple[str, str, bytes]] | None = None,
    *,
    manifest_paths: dict[str, str] | None = None,
) -> Path:
    """Write a bundle folder; manifest_paths renames entries in the manifest only (to list
    a path such as '../x' that the store must refuse)."""
    files = evidence_files() if files is None else files
    root.mkdir(parents=True, exist_ok=True)
    for path, _kind, data in files:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    manifest = build_manifest(
        bundle_id=bundle_id,
        contract_id="FW2025082202",
        period=PERIOD,
        producer=PRODUCER,
        files=files,
    )
    for entry in manifest["files"]:
        entry["path"] = (manifest_paths or {}).get(entry["path"], entry["path"])
    (root / "manifest.json").write_bytes(dump_json(manifest))
    return root


def check_written_policies(store: Store) -> Report:
    """checker.check.run_check over the clauses whose policy exists on this branch (the
    catalogue names automated clauses before their policies land); every other clause is
    left out. Same pipeline, same Report."""
    written = set(policies.clause_policies())
    catalogue = tuple(c for c in load_catalogue() if not c.automated or c.id in written)
    bundle = load_bundle(store)
    results = evaluate_bundle(bundle, catalogue=catalogue)
    return Report(
        contract_id=bundle.contract_id,
        period=dict(bundle.manifest["period"]),
        producer=bundle.manifest["producer"]["role"],
        bundle=store.location,
        manifest_sha256=bundle.manifest_sha256,
        engine="regorus",
        results=tuple(results),
        generated_at=now_iso(),
        inputs=input_digests(),
        extra={
            "objects_read": {
                f.path: {"sha256": f.info.sha256, "version_id": f.info.version_id}
                for f in bundle.files
                if f.info is not None
            }
        },
    )


def statuses(report: Report) -> dict[str, str]:
    return {r.clause.id: r.status.value for r in report.results}
