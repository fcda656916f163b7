"""The upload gate (issue 4): check a bundle, refuse it when the gate says so, otherwise
store it write-once so that a reader never sees half a bundle.

Order of writes under `<root>/<bundle_id>/`:
  1. every evidence file the manifest lists (write-once, SHA-256 verified by the server)
  2. `.cloudpact/verdict.json`: the gate's decision and the check's summary
  3. `manifest.json`, last: a bundle is visible (to `check`, `bundles`) only once it exists
An interrupted upload leaves files without a manifest, which no reader treats as a bundle;
running the upload again skips what is already there (same bytes) and completes it.
The same bundle uploaded again is a no-op; a different bundle under an existing id is
refused, because write-once never replaces an object.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from checker import __version__ as _version
from checker.bundle import MANIFEST, Bundle, dump_json, load_bundle, sha256_bytes
from checker.errors import CloudpactError, ConfigError, StoreError
from checker.model import BLOCKING, ClauseResult, Report, Status
from checker.store.interface import ObjectInfo, Store, StoreNotFound
from checker.trust.signing import sig_key

VERDICT = ".cloudpact/verdict.json"
REPORT_ONLY = "report-only"
TOOL = f"cloudpact {_version}"

CheckFn = Callable[[Store], Report]


class UploadConflict(CloudpactError):
    """A different bundle already sits under this bundle id."""

    hint = "give the new bundle its own bundle_id in manifest.json; stored bundles are write-once"


@dataclass(frozen=True)
class Gate:
    """Which clause statuses refuse an upload. `report-only` refuses nothing but still
    stores the verdict beside the bundle."""

    statuses: frozenset[Status]

    @classmethod
    def parse(cls, text: str | None) -> Gate:
        """`fail`, `fail,missing`, ..., or `report-only`; default: every blocking status
        (fail, missing, invalid, error), the ones that make `check` exit 1."""
        if text is None or not text.strip():
            return cls(BLOCKING)
        if text.strip() == REPORT_ONLY:
            return cls(frozenset())
        names = [n.strip() for n in text.split(",") if n.strip()]
        known = {s.value: s for s in Status}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ConfigError(
                f"--gate: unknown status {', '.join(map(repr, unknown))}",
                hint="use a comma-separated list of "
                + ", ".join(s.value for s in Status)
                + f", or {REPORT_ONLY}",
            )
        return cls(frozenset(known[n] for n in names))

    @property
    def label(self) -> str:
        if not self.statuses:
            return REPORT_ONLY
        return ",".join(s.value for s in Status if s in self.statuses)

    def refusals(self, report: Report) -> list[ClauseResult]:
        return [r for r in report.results if r.status in self.statuses]


@dataclass(frozen=True)
class UploadResult:
    bundle_id: str
    location: str  # where the bundle is (or would have been) stored
    state: str  # uploaded | already_present | refused
    written: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # already in the store with the same bytes (a rerun)
    refusals: tuple[ClauseResult, ...] = ()
    verdict: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        return 1 if self.state == "refused" else 0


def _default_check(store: Store) -> Report:
    from checker.check import run_check

    return run_check(store)


def _now() -> str:
    return (
        dt.datetime.now(dt.UTC)
        .astimezone(dt.timezone(dt.timedelta(hours=8)))
        .isoformat(timespec="seconds")
    )


def build_verdict(bundle: Bundle, report: Report, gate: Gate) -> dict[str, Any]:
    """What the gate decided, stored beside the bundle for Party A and the supervision
    provider (`cloudpact bundles` shows it)."""
    return {
        "verdict_version": 1,
        "bundle_id": bundle.bundle_id,
        "contract_id": bundle.contract_id,
        "manifest_sha256": bundle.manifest_sha256,
        "gate": gate.label,
        "accepted": not gate.refusals(report),
        "exit_code": int(report.exit_code),
        "summary": report.summary,
        "clauses": {r.clause.id: r.status.value for r in report.results},
        "engine": report.engine,
        "checked_at": report.generated_at,
        "uploaded_at": _now(),
        "tool": TOOL,
    }


def _existing_manifest(dest: Store) -> bytes | None:
    try:
        return dest.read(MANIFEST)
    except StoreNotFound:
        return None


def _read_verdict(dest: Store) -> dict[str, Any] | None:
    try:
        raw = dest.read(VERDICT)
    except StoreNotFound:
        return None
    try:
        verdict = json.loads(raw)
    except ValueError:
        return {}
    return verdict if isinstance(verdict, dict) else {}


def upload_bundle(
    source: Store,
    root: Store,
    *,
    gate: Gate | None = None,
    check: CheckFn | None = None,
) -> UploadResult:
    """Check the bundle at `source`; if the gate accepts it, store it under
    `root/<bundle_id>/` write-once, manifest last. Raises CloudpactError (exit 2) when the
    bundle cannot be read or stored, UploadConflict when another bundle holds the id."""
    gate = gate or Gate.parse(None)
    bundle = load_bundle(source, only_manifest=True)  # refuses bad manifests and keys first
    manifest_raw = source.read(MANIFEST)
    dest = root.child(bundle.bundle_id)

    stored = _existing_manifest(dest)
    if stored is not None:
        if sha256_bytes(stored) == bundle.manifest_sha256:
            return UploadResult(
                bundle.bundle_id,
                dest.location,
                "already_present",
                skipped=(MANIFEST,),
                verdict=_read_verdict(dest) or {},
            )
        raise UploadConflict(
            f"{dest.location}: a different bundle with id {bundle.bundle_id!r} is already "
            "stored; refused"
        )

    snapshot = Snapshot(source)
    report = (check or _default_check)(snapshot)
    refusals = gate.refusals(report)
    if refusals:
        return UploadResult(bundle.bundle_id, dest.location, "refused", refusals=tuple(refusals))
    if snapshot.taken.get(MANIFEST, manifest_raw) != manifest_raw:
        raise StoreError(f"{source.location}/{MANIFEST} changed while uploading; run again")

    warnings = _lock_warning(dest)
    present = set(dest.list())  # one LIST, not a HEAD per object: what a rerun finds
    written: list[str] = []
    skipped: list[str] = []
    for entry in bundle.files:
        for key in (entry.path, sig_key(entry.path)):
            data = snapshot.checked(key)
            if data is None:
                continue  # missing, refused (a link) or unsigned: never read again, never sent
            _put(dest, key, data, present, written, skipped)
    manifest_sig = snapshot.checked(sig_key(MANIFEST))  # Party B's signature of the manifest
    if manifest_sig is not None:
        _put(dest, sig_key(MANIFEST), manifest_sig, present, written, skipped)

    verdict = build_verdict(bundle, report, gate)
    versions = getattr(dest, "written_versions", {})
    if versions:  # the versions this upload stored: what a reader must find
        verdict["object_versions"] = dict(sorted(versions.items()))
    previous = _read_verdict(dest)
    if previous is not None:  # an interrupted run stored it already
        if previous.get("manifest_sha256") != bundle.manifest_sha256:
            raise UploadConflict(
                f"{dest.location}: an unfinished upload of a different bundle with id "
                f"{bundle.bundle_id!r} is stored; refused"
            )
        verdict = previous
        skipped.append(VERDICT)
    else:
        _put(dest, VERDICT, dump_json(verdict), present, written, skipped)

    if sha256_bytes(manifest_raw) != bundle.manifest_sha256:
        raise StoreError(f"{source.location}/{MANIFEST} changed while uploading; run again")
    _put(dest, MANIFEST, manifest_raw, present, written, skipped)  # last: now the bundle is visible
    return UploadResult(
        bundle.bundle_id,
        dest.location,
        "uploaded",
        written=tuple(written),
        skipped=tuple(skipped),
        verdict=verdict,
        warnings=tuple(warnings),
    )


class Snapshot(Store):
    """The source bundle as the check read it: every object's bytes are kept at their
    first read and given again, so the upload sends exactly the bytes that were checked
    (a file changed between the check and the upload is not picked up)."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.taken: dict[str, bytes] = {}
        self.refused: set[str] = set()

    @property
    def location(self) -> str:
        return self.inner.location

    def read_info(self, key: str) -> tuple[bytes, ObjectInfo]:
        if key in self.taken:
            data = self.taken[key]
            return data, ObjectInfo(key, sha256_bytes(data), len(data))
        try:
            data, info = self.inner.read_info(key)
        except StoreNotFound:
            raise
        except StoreError:
            self.refused.add(key)
            raise
        self.taken[key] = data
        return data, info

    def read(self, key: str) -> bytes:
        return self.read_info(key)[0]

    def checked(self, key: str) -> bytes | None:
        """The bytes the check read, or None (missing, refused, not read)."""
        if key in self.taken:
            return self.taken[key]
        if key in self.refused:
            return None
        try:
            return self.read(key)  # e.g. a .sig the check had no reason to read
        except StoreError:
            return None

    def exists(self, key: str) -> bool:
        return key in self.taken or self.inner.exists(key)

    def list(self, prefix: str = "") -> list[str]:
        return self.inner.list(prefix)

    def write_once(self, key: str, data: bytes) -> None:
        raise StoreError(f"{self.location}: the source of an upload is read-only")

    @property
    def root(self) -> Any:  # a local source keeps its folder (trust file placement check)
        return getattr(self.inner, "root", None)


def _lock_warning(dest: Store) -> list[str]:
    lock = getattr(dest, "object_lock", None)
    if lock is None:
        return []
    enabled, _ = lock()
    if enabled:
        return []
    return [f"bucket of {dest.location} has no object lock: anyone with write rights can "
            "overwrite or delete the stored bundle (versions and the manifest signature still "
            "show it; docs/s3.md)"]


def _put(
    dest: Store, key: str, data: bytes, present: set[str], written: list[str], skipped: list[str]
) -> None:
    """write_once (same bytes already there: no-op; other bytes: StoreError), noting whether
    this run wrote the object or found it from an earlier, interrupted run."""
    dest.write_once(key, data)
    (skipped if key in present else written).append(key)


@dataclass(frozen=True)
class StoredBundle:
    """One line of `cloudpact bundles`."""

    bundle_id: str
    period: dict[str, str]
    producer: dict[str, str]
    verdict: dict[str, Any] | None
    problem: str = ""  # why the manifest could not be read, if it could not

    @property
    def when(self) -> str:
        return str((self.verdict or {}).get("uploaded_at", ""))

    @property
    def verdict_label(self) -> str:
        if self.problem and self.verdict is None:
            return "unreadable"
        if not self.verdict:
            return "no verdict"
        summary = self.verdict.get("summary", {})
        counts = ", ".join(f"{k} {v}" for k, v in summary.items() if v)
        state = "accepted" if self.verdict.get("accepted") else "not accepted"
        return f"{state} (gate {self.verdict.get('gate', '?')}; {counts})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "bundle_id": self.bundle_id,
            "period": self.period,
            "producer": self.producer,
            "verdict": self.verdict,
            "when": self.when,
            "problem": self.problem,
        }


def _bundle_ids(keys: Iterable[str]) -> list[str]:
    ids = []
    for key in keys:
        head, _, tail = key.partition("/")
        if tail == MANIFEST and head:
            ids.append(head)
    return sorted(ids)


def list_bundles(root: Store) -> list[StoredBundle]:
    """Every complete bundle (manifest present) directly under root, and on S3 every
    bundle a DELETE marker hides (its versions are still stored): reported, not dropped."""
    out = []
    hidden_keys = getattr(root, "hidden_keys", None)
    hidden = set(_bundle_ids(hidden_keys())) if hidden_keys else set()
    for bundle_id in sorted(set(_bundle_ids(root.list())) | hidden):
        dest = root.child(bundle_id)
        raw = dest.read(MANIFEST)
        changed = [w for w in getattr(dest, "warnings", []) if "changed after upload" in w]
        try:
            manifest = json.loads(raw)
            period = dict(manifest["period"])
            producer = dict(manifest["producer"])
        except (ValueError, KeyError, TypeError) as exc:
            out.append(StoredBundle(bundle_id, {}, {}, None, f"manifest unreadable ({exc})"))
            continue
        verdict = _read_verdict(dest)
        problem = ""
        if bundle_id in hidden:
            problem = "hidden by a DELETE marker (deleted after upload; its versions are still stored)"
        elif changed:
            problem = "manifest overwritten after upload: " + changed[0]
        elif verdict and verdict.get("manifest_sha256") != sha256_bytes(raw):
            problem = "manifest differs from the one the gate checked (changed after upload?)"
        out.append(StoredBundle(bundle_id, period, producer, verdict, problem))
    return out
