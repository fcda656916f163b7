"""What a fleet worker does for one bundle (issue 19), as plain functions Dask can ship.

A task gets a location (`s3://bucket/prefix/<bundle_id>`), the endpoint and the pack
folders, never bundle bytes: the worker reads the bundle from S3 itself. It returns a small
dict (clause statuses, fines, where the report is), never the report.

The report is stored beside its bundle, write-once, under a key made of the bundle's
manifest digest and the pack's digest:

    <bundle>/reports/<manifest_sha256[:16]>-<pack_digest[:16]>.json

so a rerun with the same policies finds it and skips the bundle (it writes nothing), and a
new pack version, parameters file or template (policies, catalogue, schemas) gives another
key: everything is checked again. Only complete bytes are ever written (one PutObject with
`If-None-Match: *`), so a worker killed mid-check leaves either no report or a whole one;
the task is then run again on another worker and finds, or writes, the one report.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from checker.bundle import MANIFEST, sha256_bytes
from checker.errors import CloudpactError, StoreError
from checker.store.interface import Store, StoreNotFound

REPORTS = "reports"
VERDICT = ".cloudpact/verdict.json"  # as checker/upload.py stores it (read, never written here)
CONTRACT_TZ = timezone(timedelta(hours=8))  # the contract's clock (Beijing time)
BLOCKING = frozenset({"fail", "missing", "invalid", "error"})


def report_key(manifest_sha256: str, pack_digest: str) -> str:
    return f"{REPORTS}/{manifest_sha256[:16]}-{pack_digest[:16]}.json"


def month_of(period: Mapping[str, Any]) -> str:
    """The service month a bundle belongs to: its period's start on the contract's clock."""
    start = str(period.get("start", ""))
    try:
        when = datetime.fromisoformat(start)
    except ValueError:
        return start[:7] or "?"
    if when.tzinfo is not None:
        when = when.astimezone(CONTRACT_TZ)
    return when.strftime("%Y-%m")


_ROOTS: dict[tuple[str, str | None], Store] = {}


def open_bundle(location: str, endpoint_url: str | None) -> Store:
    """The store at `location`; one S3 client per bucket and endpoint in a worker process
    (making a boto3 client costs more than reading a manifest), shared by its tasks."""
    from checker.store import open_store

    if not location.startswith("s3://"):
        return open_store(location, endpoint_url=endpoint_url)
    bucket, _, prefix = location.removeprefix("s3://").partition("/")
    key = (bucket, endpoint_url)
    if key not in _ROOTS:
        _ROOTS[key] = open_store(f"s3://{bucket}", endpoint_url=endpoint_url)
    root = _ROOTS[key]
    return root.child(prefix) if prefix.strip("/") else root


def _report_bytes(report: Any) -> bytes:
    from checker.report.json import JsonRenderer

    return JsonRenderer().render(report).encode()  # what `check --format json` prints


def digest_of(doc: Mapping[str, Any], *, bundle_id: str, key: str, state: str,
              verdict: bool, created_at: str | None) -> dict[str, Any]:
    """The few facts of a report the fleet summary needs (a report can be megabytes)."""
    liability = doc.get("liability") or {}
    party_a = liability.get("party_a") or {}
    clauses = {r["clause"]: r["status"] for r in doc.get("results", [])}
    return {
        "bundle_id": bundle_id,
        "contract_id": doc.get("contract_id"),
        "period": dict(doc.get("period") or {}),
        "month": month_of(doc.get("period") or {}),
        "created_at": created_at,
        "state": state,
        "report": key,
        "manifest_sha256": doc.get("manifest_sha256"),
        "pack": {k: (doc.get("pack") or {}).get(k) for k in ("id", "version", "digest")},
        "summary": dict(doc.get("summary") or {}),
        "exit_code": doc.get("exit_code"),
        "clauses": clauses,
        "failing": sorted(c for c, s in clauses.items() if s in BLOCKING),
        "fines": {
            "party_b_cny": str(liability.get("total", "0.00")),
            "party_a_cny": str(party_a.get("total", "0.00")),
            "events": len(liability.get("events") or []),
            "termination_rights": len(liability.get("termination_rights") or []),
        },
        "stored_verdict": verdict,
    }


def _problem(bundle_id: str, state: str, message: str) -> dict[str, Any]:
    return {"bundle_id": bundle_id, "state": state, "problem": message}


def _existing(store: Store, key: str) -> dict[str, Any] | None:
    try:
        return json.loads(store.read(key))
    except StoreNotFound:
        return None
    except ValueError:
        raise StoreError(f"{store.location}/{key}: a stored report is not JSON; "
                         "remove it by hand (write-once) and run again") from None


def check_bundle(location: str, endpoint_url: str | None = None,
                 pack_dirs: Sequence[str] = ()) -> dict[str, Any]:
    try:
        return _check_bundle(location, endpoint_url, pack_dirs)
    finally:
        # the regorus engine may not be dropped on another thread (pyo3 "unsendable": it
        # would leak); collect what the check left here, in the worker's task thread
        gc.collect()


def _check_bundle(location: str, endpoint_url: str | None,
                  pack_dirs: Sequence[str]) -> dict[str, Any]:
    """One bundle: skip it if its report for this pack is stored, else check and store it.
    Returns the digest (state `checked` or `skipped`), or a problem (state `incomplete`:
    no manifest yet; `error`: the bundle cannot be checked, e.g. no pack covers it).
    Store errors are raised so that Dask retries the task."""
    from checker import packs
    from checker.bundle import parse_manifest
    from checker.check import run_check

    packs.set_extra_dirs([Path(d) for d in pack_dirs])
    store = open_bundle(location, endpoint_url)
    bundle_id = location.rstrip("/").rsplit("/", 1)[-1]
    try:
        raw = store.read(MANIFEST)
    except StoreNotFound:
        return _problem(bundle_id, "incomplete", f"{location}: no {MANIFEST} (upload unfinished)")
    manifest_sha = sha256_bytes(raw)
    try:
        manifest = parse_manifest(raw, location)
        pack = packs.for_contract(manifest["contract_id"])
        key = report_key(manifest_sha, pack.digest)
    except StoreError:
        raise
    except CloudpactError as exc:
        return _problem(bundle_id, "error", exc.diagnostics())
    created_at = manifest.get("created_at")
    verdict = store.exists(VERDICT)
    stored = _existing(store, key)
    if stored is not None:
        return digest_of(stored, bundle_id=bundle_id, key=key, state="skipped",
                         verdict=verdict, created_at=created_at)
    try:
        report = run_check(store)
    except StoreError:
        raise
    except CloudpactError as exc:
        return _problem(bundle_id, "error", exc.diagnostics())
    if report.manifest_sha256 != manifest_sha or report.extra["pack"]["digest"] != pack.digest:
        raise StoreError(f"{location}: manifest or pack changed while checking; run again")
    data = _report_bytes(report)
    try:
        store.write_once(key, data)
    except StoreError:
        # Another attempt of this task (a worker presumed dead that was not) stored its
        # report first: same bundle, same pack, only generated_at differs. Keep that one.
        stored = _existing(store, key)
        if (stored is None or stored.get("manifest_sha256") != manifest_sha
                or (stored.get("pack") or {}).get("digest") != pack.digest):
            raise
        return digest_of(stored, bundle_id=bundle_id, key=key, state="skipped",
                         verdict=verdict, created_at=created_at)
    return digest_of(json.loads(data), bundle_id=bundle_id, key=key, state="checked",
                     verdict=verdict, created_at=created_at)


def diff_months(previous: str, current: str, endpoint_url: str | None = None) -> dict[str, Any]:
    """`cloudpact diff` of two stored reports (s3://.../<bundle>/reports/<key>.json): the
    counts and the regressions (new failures, regressed clauses) of `current`."""
    from checker.diff import diff_reports

    docs = []
    for url in (previous, current):
        where, _, key = url.rpartition(f"/{REPORTS}/")
        docs.append(json.loads(open_bundle(where, endpoint_url).read(f"{REPORTS}/{key}")))
    diff = diff_reports(docs[0], docs[1], previous, current)
    return {
        "counts": {k: v for k, v in diff.counts.items() if v},
        "regressions": [
            {"clause": c.clause, "category": c.category, "old": c.old, "new": c.new,
             **({"note": c.note} if c.note else {})}
            for c in diff.regressions
        ],
    }
