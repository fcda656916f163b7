"""Writing imported records into a local bundle, all or nothing.

`import_files` parses every file first; only when all of them parse, map and validate does it
write: each raw tool output under `raw/<tool>/` (kind `raw`, kept as provenance), each record
under `imported/<kind>/`, then manifest.json rewritten atomically (temporary file + rename).
Nothing existing is ever overwritten; on any error the files written so far are removed, so
the bundle is left byte-identical.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from checker import bundle as bundle_mod
from checker import schemas
from checker.errors import ConfigError, StoreError
from checker.importers import timeutil
from checker.importers.hostmap import HostMap
from checker.importers.interface import ImporterError, ImportResult
from checker.importers.registry import Tool
from checker.importers.severity import SCALE
from checker.store.local import LocalStore

_SYSTEM = re.compile(r"^S[1-9][0-9]*$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_HOST_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]+")
_ID_FIELD = {"scans": "scan_id", "hardenings": "hardening_id", "runs": "run_id"}
_NOUN = {"scans": "scan", "hardenings": "hardening", "runs": "run", "series": "series"}


@dataclass
class FileSummary:
    source: str
    tool: str
    tool_version: str | None
    kind: str
    raw_path: str
    record_path: str
    ids: list[str]  # scan / hardening / run / series ids written
    hosts: list[str]  # host_id (or system id for series) of each unit
    counts: dict[str, int]
    unmapped: list[str]
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        noun = _NOUN.get(_collection(self.kind), "record")
        count = f"{len(self.ids)} {noun}{'' if len(self.ids) == 1 or noun == 'series' else 's'}"
        order = {name: n for n, name in enumerate(SCALE)}
        ranked = sorted(self.counts.items(), key=lambda kv: order.get(kv[0], len(order)))
        figures = ", ".join(f"{k} {v}" for k, v in ranked)
        version = f" {self.tool_version}" if self.tool_version else ""
        out = [
            f"{self.source} -> {self.record_path} ({self.tool}{version}, {count}"
            + (f"; {figures}" if figures else "")
            + f"); raw kept as {self.raw_path}"
        ]
        for ident, host in zip(self.ids, self.hosts, strict=True):
            out.append(f"  {ident}: {host}")
        if self.unmapped:
            out.append(
                "  not in the inventory (kept under the tool's name; add them to --hosts): "
                + ", ".join(self.unmapped)
            )
        out += [f"  note: {n}" for n in self.notes]
        return out


@dataclass
class ImportSummary:
    bundle: str
    files: list[FileSummary]

    def lines(self) -> list[str]:
        out = [f"imported {len(self.files)} file(s) into {self.bundle}"]
        for f in self.files:
            out += f.lines()
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _collection(kind: str) -> str:
    return {
        "vuln_scan": "scans",
        "hardening": "hardenings",
        "antivirus": "runs",
        "availability_samples": "series",
    }.get(kind, "")


@dataclass
class _Planned:
    summary: FileSummary
    raw: bytes
    record: bytes
    raw_sha: str
    record_sha: str


def import_files(
    tool: str | Tool,
    files: Sequence[str | os.PathLike[str]],
    bundle_dir: str | os.PathLike[str],
    hostmap: str | Path | None = None,
    *,
    host: str | None = None,
    scan_id: str | None = None,
    round: str | None = None,  # noqa: A002 - the contract's word (扫描轮次)
    system: str | None = None,
    scanned_at: str | datetime | None = None,
    assume_tz: str | None = None,
    now: datetime | None = None,
) -> ImportSummary:
    """Import tool outputs into the local bundle at `bundle_dir`; see the module docstring."""
    tool = tool if isinstance(tool, Tool) else Tool.parse(tool)
    importer = tool.importer()
    if str(bundle_dir).startswith("s3://"):
        raise StoreError(
            f"{bundle_dir}: import writes local bundles only",
            hint="import into a local folder, then upload the bundle",
        )
    _check_options(tool, importer.kind, host=host, scan_id=scan_id, round=round, system=system)
    when = _scanned_at(scanned_at)
    try:
        timeutil.zone_named(assume_tz) if assume_tz else None
    except ValueError as exc:
        raise ConfigError(f"--assume-tz: {exc}") from None
    store = LocalStore(bundle_dir)
    try:
        manifest_raw = store.read(bundle_mod.MANIFEST)
    except StoreError:
        manifest_raw = b""
    loaded = bundle_mod.load_bundle(store)  # refuses a missing or malformed manifest
    manifest_doc = json.loads(manifest_raw)
    hosts = HostMap()
    for f in loaded.files_of("host_inventory"):
        if f.state == "ok":
            hosts.add_inventory(f.data["hosts"], f.path)
    if hostmap is not None:
        hosts.add_file(hostmap)
    known_scans = {
        s["scan_id"]
        for f in loaded.files_of("vuln_scan")
        if f.state == "ok"
        for s in f.data["scans"]
    }
    raw_by_sha = {f.sha256: f.path for f in loaded.files if f.kind == schemas.RAW_KIND}
    listed = {f.path for f in loaded.files}
    imported_at = timeutil.rfc3339(now or timeutil.now())

    planned: list[_Planned] = []
    orphans: set[str] = set()
    for source in files:
        name = Path(source).name
        try:
            raw = Path(source).read_bytes()
        except OSError as exc:
            raise ImporterError(str(source), f"cannot read ({exc.strerror})") from None
        sha = bundle_mod.sha256_bytes(raw)
        if sha in raw_by_sha:
            raise ImporterError(
                str(source), f"already imported: the bundle keeps it as {raw_by_sha[sha]}"
            )
        with timeutil.assume_zone(assume_tz) as zone_use:
            result = importer.parse(raw, str(source), scanned_at=when)
        if zone_use.values:
            how = "as stated by --assume-tz" if zone_use.explicit else (
                "the contract's zone, by default: pass --assume-tz ZONE to state the zone")
            result.notes.append(
                f"{len(zone_use.values)} time(s) without a zone (e.g. {zone_use.values[0]!r}) "
                f"read as {zone_use.name} ({how})"
            )
        prefix = f"{tool.value}-{sha[:12]}"
        raw_path = f"raw/{tool.value}/{sha[:12]}-{_UNSAFE.sub('_', name) or 'output'}"
        record_path = f"imported/{result.kind}/{prefix}.json"
        for path in (raw_path, record_path):
            if path in listed:
                raise ImporterError(
                    str(source), f"{path} already exists in the bundle; not overwritten"
                )
            there = Path(bundle_dir).joinpath(*path.split("/"))
            if there.is_symlink() or there.is_file():  # unlisted: an interrupted import's
                orphans.add(path)
        summary = FileSummary(
            str(source),
            result.tool,
            result.tool_version,
            result.kind,
            raw_path,
            record_path,
            [],
            [],
            dict(result.counts),
            [],
            list(result.notes),
        )
        doc = _record(
            result,
            summary,
            str(source),
            prefix,
            hosts,
            host=host,
            scan_id=scan_id,
            round=round,
            system=system,
            known_scans=known_scans,
        )
        doc["provenance"] = {
            "tool": result.tool_ref,
            "raw_path": raw_path,
            "raw_sha256": sha,
            "imported_at": imported_at,
            "unmapped": summary.unmapped,
        }
        if zone_use.values:
            doc["provenance"]["assumed_timezone"] = zone_use.provenance()
        error = schemas.first_error(schemas.kind_validator(result.kind), doc)
        if error:
            raise ImporterError(
                str(source), f"imported record fails {result.kind}.schema.json {error}"
            )
        record = bundle_mod.dump_json(doc)
        planned.append(_Planned(summary, raw, record, sha, bundle_mod.sha256_bytes(record)))
        raw_by_sha[sha] = raw_path
        listed |= {raw_path, record_path}

    for p in planned:
        manifest_doc["files"].append(
            {"path": p.summary.raw_path, "kind": "raw", "sha256": p.raw_sha}
        )
        manifest_doc["files"].append(
            {
                "path": p.summary.record_path,
                "kind": p.summary.kind,
                "sha256": p.record_sha,
                "derived_from": p.summary.raw_path,
            }
        )
    new_manifest = bundle_mod.dump_json(manifest_doc)
    bundle_mod.parse_manifest(new_manifest, store.location)  # same checks as loading
    for path in sorted(orphans):  # unlisted, so no reader ever used them: replaced
        Path(bundle_dir).joinpath(*path.split("/")).unlink(missing_ok=True)
    for stray in Path(bundle_dir).glob(".manifest.*.part"):  # a killed run's temporary file
        stray.unlink(missing_ok=True)
    _write_all(
        Path(bundle_dir),
        [(p.summary.raw_path, p.raw) for p in planned]
        + [(p.summary.record_path, p.record) for p in planned],
        new_manifest,
        manifest_raw,
    )
    return ImportSummary(store.location, [p.summary for p in planned])


def _check_options(
    tool: Tool,
    kind: str,
    *,
    host: str | None,
    scan_id: str | None,
    round: str | None,  # noqa: A002
    system: str | None,
) -> None:
    if scan_id is not None and kind != "hardening":
        raise ConfigError(f"--scan-id applies to hardening tools (openscap, lynis), not {tool}")
    if round is not None and kind != "vuln_scan":
        raise ConfigError(
            f"--round applies to vulnerability scanners (nessus, gvm, trivy), not {tool}"
        )
    if system is not None:
        if kind != "availability_samples":
            raise ConfigError(f"--system applies to prometheus, not {tool}")
        if not _SYSTEM.match(system):
            raise ConfigError(f"--system {system!r}: a system id is S1..S7 (第二条 1)")
    if host is not None and kind == "availability_samples":
        raise ConfigError("--host does not apply to prometheus; use --system or --hosts")


def _scanned_at(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return timeutil.parse_iso(value)
    except ValueError:
        raise ConfigError(f"--scanned-at {value!r} is not an RFC 3339 time") from None


def _host_id(identity: str) -> str:
    """The tool's own name as a host id, when it maps to no inventory host."""
    return _HOST_UNSAFE.sub("-", identity).lstrip("._:-")


def _record(
    result: ImportResult,
    summary: FileSummary,
    source: str,
    prefix: str,
    hosts: HostMap,
    *,
    host: str | None,
    scan_id: str | None,
    round: str | None,  # noqa: A002
    system: str | None,
    known_scans: set[str],
) -> dict[str, Any]:
    units = result.units
    if host is not None and len(units) > 1:
        raise ImporterError(
            source, f"--host names one host but the file holds {len(units)} hosts' results"
        )
    items: list[dict[str, Any]] = []
    unmapped: dict[str, None] = {}
    unsystemed: list[str] = []
    for n, unit in enumerate(units, start=1):
        rec = dict(unit.record)
        if result.collection == "series":
            label = unit.labels.get("system_id") or unit.labels.get("system")
            sid = system or (label if label and _SYSTEM.match(label) else None)
            sid = sid or hosts.system_for(unit.identities)
            if sid is None:
                unsystemed.append(rec["series_id"])
                continue
            rec["system_id"] = sid
            summary.ids.append(rec["series_id"])
            summary.hosts.append(sid)
            items.append(rec)
            continue
        identities = (host,) if host is not None else unit.identities
        if not identities:
            raise ImporterError(
                source,
                f"{result.tool} output does not name the host it ran on",
                hint="pass --host with the host's inventory id, IP or name",
            )
        host_id = hosts.host_for(identities)
        if host_id is None:
            unmapped.update(dict.fromkeys(identities))
            host_id = _host_id(identities[0])
            if not host_id:
                raise ImporterError(source, f"host name {identities[0]!r} cannot be a host id")
        ident = f"{prefix}-{n}"
        rec = {_ID_FIELD[result.collection]: ident, "host_id": host_id, **rec}
        rec["tool"] = result.tool_ref
        if result.collection == "scans":
            rec["round"] = round or rec["started_at"][:7]
        if result.collection == "hardenings":
            rec["scan_id"] = scan_id
        summary.ids.append(ident)
        summary.hosts.append(host_id)
        items.append(rec)
    if unsystemed:
        raise ImporterError(
            source,
            f"{len(unsystemed)} series map to no information system: "
            + ", ".join(unsystemed[:3])
            + (" ..." if len(unsystemed) > 3 else ""),
            hint="pass --system S1..S7, add a system_id label, or map instances under "
            "'systems:' in --hosts",
        )
    summary.unmapped = list(unmapped)
    if result.collection == "scans" and round is None and items:
        rounds = sorted({r["round"] for r in items})
        summary.notes.append(
            f"round defaulted to the scan month ({', '.join(rounds)}); set it with --round"
        )
    if result.collection == "hardenings":
        if scan_id is None:
            summary.notes.append(
                "scan_id is null: this hardening does not count for 2.2.1.8 until tied to a "
                "scan of the same host (--scan-id)"
            )
        elif scan_id not in known_scans:
            summary.notes.append(
                f"--scan-id {scan_id!r} is not a vuln_scan record of this bundle (yet)"
            )
    doc: dict[str, Any] = {"kind": result.kind, result.collection: items}
    if result.kind == "antivirus":
        doc["agents"] = []  # clamscan output says nothing about agents or central management
    return doc


def _write_all(root: Path, files: list[tuple[str, bytes]], manifest: bytes, old: bytes) -> None:
    """Create every file, then replace manifest.json; undo everything on failure."""
    created: list[Path] = []
    made_dirs: list[Path] = []
    try:
        for key, data in files:
            path = root.joinpath(*key.split("/"))
            missing = [p for p in reversed(path.parents) if not p.exists() and root in p.parents]
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs += missing
            with open(path, "xb") as fh:  # x: never overwrite
                created.append(path)
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        target = root / bundle_mod.MANIFEST
        if target.read_bytes() != old:
            raise StoreError(f"{target}: changed while importing; nothing imported")
        fd, tmp = tempfile.mkstemp(dir=root, prefix=".manifest.", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(manifest)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, target.stat().st_mode & 0o777)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except BaseException as exc:
        for path in reversed(created):
            path.unlink(missing_ok=True)
        for d in reversed(made_dirs):
            with contextlib.suppress(OSError):
                d.rmdir()
        if isinstance(exc, OSError):
            raise StoreError(f"{root}: cannot write the bundle ({exc}); nothing imported") from None
        raise
