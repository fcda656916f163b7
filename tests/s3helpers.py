"""Bundles for the S3 tests: copies of the committed examples (evidence/examples), with
the manifest rebuilt by checker.bundle.build_manifest when a test changes them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from checker import paths
from checker.bundle import MANIFEST, build_manifest, dump_json
from checker.model import Report


def copy_example(dest: Path, name: str = "compliant") -> Path:
    shutil.copytree(paths.EXAMPLES / name, dest)
    return dest


def remanifest(
    root: Path,
    *,
    bundle_id: str | None = None,
    manifest_paths: dict[str, str] | None = None,
    add: dict[str, str] | None = None,
) -> Path:
    """Rebuild root's manifest from the files' current bytes; optionally give the bundle
    another id, or rename entries in the manifest only (to list a path such as '../x'
    that must be refused), or list more files ({path: kind}) already written in root."""
    old = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    manifest = build_manifest(
        bundle_id=bundle_id or old["bundle_id"],
        contract_id=old["contract_id"],
        period=old["period"],
        producer=old["producer"],
        files=[
            (path, kind, (root / path).read_bytes())
            for path, kind in [(f["path"], f["kind"]) for f in old["files"]]
            + list((add or {}).items())
        ],
    )
    for entry in manifest["files"]:
        entry["path"] = (manifest_paths or {}).get(entry["path"], entry["path"])
    (root / MANIFEST).write_bytes(dump_json(manifest))
    return root


def manifest_paths_of(root: Path) -> set[str]:
    return {f["path"] for f in json.loads((root / MANIFEST).read_text())["files"]}


def bundle_id_of(root: Path) -> str:
    return str(json.loads((root / MANIFEST).read_text())["bundle_id"])


def statuses(report: Report) -> dict[str, str]:
    return {r.clause.id: r.status.value for r in report.results}
