"""An evidence bundle: manifest.json plus the evidence files it lists.

Loading never trusts a file's data unless its bytes match the manifest's sha256 and it
passes its kind's JSON Schema. Each listed file ends in one state:
  ok       -> its data reaches the policies
  missing  -> absent from the store; clauses reading its kind are `missing`
  invalid  -> digest mismatch, not JSON, or schema failure; clauses are `invalid`
A manifest that is unreadable or malformed, a path leaving the bundle, or an unknown kind
refuses the whole bundle (BundleError, exit 2).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import orjson

from checker import paths, schemas
from checker.engine.interface import InputJson
from checker.errors import BundleError, StoreError
from checker.memory import release_freed
from checker.safeload import JsonRefused, load_json, load_json_compact
from checker.store.interface import ObjectInfo, Store, StoreNotFound, StoreTooLarge

# A record identity per kind beyond exact copies: the same host or ticket in two files
# is a conflict the checker cannot resolve, so the later file is `invalid`.
RECORD_IDS = {"host_inventory": "host_id", "tickets": "ticket_id"}

MANIFEST = "manifest.json"
SIGNED_KINDS = frozenset({"attestations", "acceptance", "change_records", "restart_records",
                          "exit_records"})


def signed_roles(bundle: Bundle) -> dict[str, list[str]]:
    from checker.trust.evidence import signed_roles as roles

    return roles(bundle)


class EvidenceFile:
    """One listed file. Its checked document is kept as its compact JSON (`compact`, what
    the engine is handed) and parsed again only when Python code reads `data`: a contract
    year's records are never held twice as Python objects (issue 17, memory)."""

    __slots__ = ("path", "kind", "sha256", "state", "reason", "info", "compact", "_data")

    def __init__(self, path: str, kind: str, sha256: str, state: str = "ok", reason: str = "",
                 data: Any = None, info: ObjectInfo | None = None) -> None:
        self.path, self.kind, self.sha256 = path, kind, sha256
        self.state, self.reason, self.info = state, reason, info  # state: ok | missing | invalid
        self.compact: bytes | None = None
        self._data = data

    @property
    def data(self) -> Any:
        if self._data is None and self.compact is not None:
            self._data = orjson.loads(self.compact)
        return self._data

    @data.setter
    def data(self, value: Any) -> None:
        self._data, self.compact = value, None

    def release(self) -> None:
        """Drop the parsed document (kept as `compact`)."""
        if self.compact is not None:
            self._data = None

    def input_bytes(self) -> bytes:
        return self.compact if self.compact is not None else orjson.dumps(self._data)

    def __repr__(self) -> str:
        return f"EvidenceFile({self.path!r}, {self.kind!r}, state={self.state!r})"


@dataclass
class Bundle:
    store: Store
    manifest: dict[str, Any]
    manifest_sha256: str
    files: list[EvidenceFile] = field(default_factory=list)
    manifest_raw: bytes = b""
    manifest_info: ObjectInfo | None = None
    term: dict[str, str] | None = None  # the contract term (parameters' period)
    trust: Any = None  # checker.trust.Trust of the run (default location when unset)
    verifications: dict[str, Any] = field(default_factory=dict)  # path -> Verification
    raw_bytes: dict[str, bytes] = field(default_factory=dict)  # signed kinds: checked bytes

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    @property
    def contract_id(self) -> str:
        return str(self.manifest["contract_id"])

    def files_of(self, kind: str) -> list[EvidenceFile]:
        return [f for f in self.files if f.kind == kind]

    def kind_state(self, kind: str) -> tuple[str, str]:
        """State of a kind as a whole: missing if no file lists it or any file is missing;
        invalid if any file is invalid; ok otherwise."""
        files = self.files_of(kind)
        if not files:
            return "missing", f"no evidence file of kind '{kind}' in the manifest"
        for state in ("invalid", "missing"):
            bad = [f for f in files if f.state == state]
            if bad:
                return state, "; ".join(f"{f.path}: {f.reason}" for f in bad)
        return "ok", ""

    def policy_input(self) -> dict[str, Any]:
        """The single input document handed to the Rego engine, as Python data."""
        doc: dict[str, Any] = orjson.loads(self.policy_input_json())
        return doc

    def policy_input_json(self, kinds: Iterable[str] | None = None,
                          extra: dict[str, Any] | None = None) -> bytes:
        """The input document as JSON bytes (see policy_input_parts), in one buffer."""
        return bytes(self.policy_input_parts(kinds, extra))

    def policy_input_parts(self, kinds: Iterable[str] | None = None,
                           extra: dict[str, Any] | None = None) -> InputJson:
        """The input document as JSON, assembled from each file's compact form (never
        re-serialised, never joined here): {"bundle": ..., "evidence": {kind: [{"path",
        "data"}]}}, the evidence limited to `kinds` when given, plus the `extra` top-level
        members."""
        wanted = None if kinds is None else set(kinds)
        by_kind: dict[str, list[EvidenceFile]] = {}
        for f in self.files:
            if f.state == "ok" and f.kind != schemas.RAW_KIND and (wanted is None or f.kind in wanted):
                by_kind.setdefault(f.kind, []).append(f)
        parts = [b'{"bundle":', orjson.dumps({
            "bundle_id": self.bundle_id,
            "contract_id": self.contract_id,
            "period": self.manifest["period"],
            "producer": self.manifest["producer"],
            "created_at": self.manifest.get("created_at"),
            "signed": signed_roles(self),
        }), b',"evidence":{']
        for k, (kind, files) in enumerate(by_kind.items()):
            parts += [b"," if k else b"", orjson.dumps(kind), b":["]
            for i, f in enumerate(files):
                parts += [b',{"path":' if i else b'{"path":', orjson.dumps(f.path), b',"data":',
                          f.input_bytes(), b"}"]
            parts.append(b"]")
        parts.append(b"}")
        for key, value in (extra or {}).items():
            parts += [b",", orjson.dumps(key), b":", orjson.dumps(value)]
        parts.append(b"}")
        return InputJson(parts)


def check_key(key: str) -> str:
    """Refuse a manifest path that would leave the bundle."""
    pure = PurePosixPath(key)
    if (
        not key
        or key.startswith(("/", "\\"))
        or pure.is_absolute()
        or ".." in pure.parts
        or "\\" in key
        or (len(key) > 1 and key[1] == ":")
    ):
        raise BundleError(
            f"manifest lists {key!r}: evidence paths must be relative and stay inside the bundle"
        )
    if "\x00" in key or any(ord(c) < 32 for c in key):
        raise BundleError(f"manifest lists {key!r}: a path with a NUL or control character")
    if key == MANIFEST:
        raise BundleError("manifest lists manifest.json itself as evidence")
    return pure.as_posix()


def parse_manifest(raw: bytes, where: str) -> dict[str, Any]:
    try:
        manifest = load_json(raw)
    except JsonRefused as exc:
        raise BundleError(f"{where}/{MANIFEST} is not valid JSON ({exc})") from None
    error = schemas.first_error(schemas.validator_for(paths.MANIFEST_SCHEMA), manifest)
    if error:
        raise BundleError(f"{where}/{MANIFEST} does not match its schema {error}")
    known = set(schemas.known_kinds()) | {schemas.RAW_KIND}
    seen: set[str] = set()
    for entry in manifest["files"]:
        entry["path"] = check_key(entry["path"])
        if entry["kind"] not in known:
            raise BundleError(
                f"{where}/{MANIFEST} lists {entry['path']!r} with unknown kind {entry['kind']!r}",
                hint="known kinds: " + ", ".join(sorted(known)),
            )
        if entry["path"] in seen:
            raise BundleError(f"{where}/{MANIFEST} lists {entry['path']!r} twice")
        seen.add(entry["path"])
    return manifest


def load_bundle(store: Store, *, only_manifest: bool = False) -> Bundle:
    try:
        raw, info = store.read_info(MANIFEST)
    except StoreNotFound:
        raise BundleError(
            f"{store.location}: no {MANIFEST} found",
            hint="a bundle is a folder with manifest.json at its root; see `cloudpact generate`",
        ) from None
    except StoreError as exc:
        raise BundleError(f"{store.location}: {MANIFEST} refused: {exc}") from None
    manifest = parse_manifest(raw, store.location)
    bundle = Bundle(store, manifest, hashlib.sha256(raw).hexdigest())
    bundle.manifest_raw = raw
    bundle.manifest_info = info
    dups = _Duplicates()
    for entry in manifest["files"]:
        f = EvidenceFile(entry["path"], entry["kind"], entry["sha256"])
        bundle.files.append(f)
        if not only_manifest:
            # one file at a time: read, hash, parse, validate, look for repeated records,
            # keep the compact form, drop the Python objects (issue 17, memory)
            _load_file(store, f, bundle.raw_bytes)
            dups.check(f)
            f.release()
    release_freed()
    return bundle


def _record_lists(data: Any) -> Iterable[tuple[str, list[Any]]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, list):
                yield key, value


def flag_duplicates(bundle: Bundle) -> None:
    """Two copies of one record (in one file or two files of a kind) make the later file
    `invalid`, found in one linear pass over the records (a hash per record): 20,000
    copies of an outage never reach the policies, and a host listed in two inventory files
    is one clear `invalid` instead of errors in every clause reading hosts."""
    dups = _Duplicates()
    for f in bundle.files:
        dups.check(f)


class _Duplicates:
    """The records seen so far, by kind (see flag_duplicates); files checked in order. A
    record's place is kept as a (path, key, index) tuple and spelt out only for the message:
    this runs once per record of the year (49,626 at scale 4)."""

    def __init__(self) -> None:
        self.seen: dict[str, dict[bytes, tuple[str, str, int]]] = {}
        self.ids: dict[str, dict[str, tuple[str, str, int]]] = {}

    def check(self, f: EvidenceFile) -> None:
        if f.state != "ok" or f.kind == schemas.RAW_KIND:
            return
        id_field = RECORD_IDS.get(f.kind)
        seen = self.seen.setdefault(f.kind, {})
        ids = self.ids.setdefault(f.kind, {})
        dumps, sha256, sort_keys = orjson.dumps, hashlib.sha256, orjson.OPT_SORT_KEYS
        problem = ""
        for key, records in _record_lists(f.data):
            for i, record in enumerate(records):
                if not isinstance(record, dict):
                    continue
                here = (f.path, key, i)
                first = seen.setdefault(sha256(dumps(record, option=sort_keys)).digest(), here)
                if first is not here:
                    problem = f"{_place(here)} repeats the record at {_place(first)}; duplicated records are refused"
                    break
                rid = record.get(id_field) if id_field else None
                if isinstance(rid, str):
                    first = ids.setdefault(rid, here)
                    if first is not here:
                        problem = (f"{id_field} {rid} at {_place(here)} is already recorded at "
                                   f"{_place(first)}; one record per id")
                        break
            if problem:
                break
        if problem:
            f.state, f.reason, f.data = "invalid", problem, None


def _place(at: tuple[str, str, int]) -> str:
    return f"{at[0]}#/{at[1]}/{at[2]}"


def _load_file(store: Store, f: EvidenceFile, bundle_raw: dict[str, bytes]) -> None:
    try:
        raw, f.info = store.read_info(f.path)
    except StoreNotFound:
        f.state, f.reason = "missing", "listed in the manifest but absent"
        return
    except StoreTooLarge as exc:
        f.state, f.reason = "invalid", str(exc)
        return
    except StoreError as exc:
        f.state, f.reason = "invalid", f"refused: {exc}"
        return
    if f.info.sha256 != f.sha256:
        f.state, f.reason = "invalid", (
            f"sha256 {f.info.sha256[:12]}... does not match the manifest's {f.sha256[:12]}..."
        )
        return
    if f.kind == schemas.RAW_KIND:
        return
    if f.kind in SIGNED_KINDS:
        bundle_raw[f.path] = raw  # kept: its signature is checked over these very bytes
    try:
        data, compact = load_json_compact(raw)
    except JsonRefused as exc:
        f.state, f.reason = "invalid", f"not JSON this checker accepts ({exc})"
        return
    try:
        error = schemas.first_error(schemas.kind_validator(f.kind), data)
    except (RecursionError, ValueError) as exc:  # a value the validator cannot take
        f.state, f.reason = "invalid", f"cannot be validated ({type(exc).__name__})"
        return
    if error:
        f.state, f.reason = "invalid", f"fails schema {f.kind}.schema.json {error}"
        return
    f.data = data
    f.compact = compact


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dump_json(data: Any) -> bytes:
    """The one serialisation of evidence and manifests: stable key order, UTF-8."""
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def build_manifest(
    *,
    bundle_id: str,
    contract_id: str,
    period: dict[str, str],
    producer: dict[str, str],
    files: Iterable[tuple[str, str, bytes]],
    created_at: str | None = None,
) -> dict[str, Any]:
    """A manifest for (path, kind, bytes) triples, digests computed here."""
    manifest: dict[str, Any] = {
        "manifest_version": 1,
        "bundle_id": bundle_id,
        "contract_id": contract_id,
        "period": period,
        "producer": producer,
        "files": [
            {"path": check_key(p), "kind": k, "sha256": sha256_bytes(b)}
            for p, k, b in sorted(files, key=lambda t: t[0])
        ],
    }
    if created_at:
        manifest["created_at"] = created_at
    return manifest
