"""Building a bundle by hand: `bundle init`, `bundle add`, `bundle seal` (issue 18).

A bundle under construction is a *draft*: a folder with `bundle-draft.json` (contract,
period, producer and the files added so far, each with its kind and sha256) and no
`manifest.json`, so nothing can check it by mistake. `seal` re-reads every listed file,
refuses the bundle when one is absent, changed since it was added, not JSON or fails its
kind's schema (saying which file and where), then writes `manifest.json` (validated as a
loaded bundle would be) and removes the draft. A sealed bundle is never modified here.

Nothing is ever overwritten: `add` refuses a different file under a name already listed (the
same bytes again are a no-op), files are written to a temporary name and linked into place
(`os.link` fails when the name exists), the draft is replaced atomically, and a refused
command leaves the folder byte-identical.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from checker import bundle as bundle_mod
from checker import schemas
from checker.errors import BundleError, ConfigError
from checker.importers.timeutil import SHANGHAI, rfc3339

DRAFT = "bundle-draft.json"
ROLES = ("party_b", "party_a", "supervision_provider", "cloud_management_unit")


class DraftError(BundleError):
    hint = "`cloudpact bundle init DIR --contract ID` starts a draft; `bundle add` fills it"


@dataclass
class SealProblem:
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class SealRefused(BundleError):
    """Seal found files that cannot be evidence; `problems` lists each with where."""

    hint = "fix or re-add the files named above, then run `cloudpact bundle seal` again"

    def __init__(self, problems: list[SealProblem]) -> None:
        super().__init__(f"not sealed: {len(problems)} problem(s) in the listed files")
        self.problems = problems


def _when(value: str, *, end: bool) -> str:
    """A period bound: RFC 3339, or a date (its 00:00 in the contract's zone; an end date is
    inclusive, so the bound is the next day's 00:00)."""
    value = value.strip()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        try:
            dt = datetime.fromisoformat(value)
        except ValueError:
            raise ConfigError(f"--period bound {value!r} is neither a date nor RFC 3339") from None
        if dt.tzinfo is None:
            raise ConfigError(f"--period bound {value!r} has no zone (add +08:00)")
        return rfc3339(dt)
    start = datetime(day.year, day.month, day.day, tzinfo=SHANGHAI)
    return rfc3339(start + timedelta(days=1) if end else start)


def parse_period(text: str) -> dict[str, str]:
    start, sep, end = text.partition("/")
    if not sep or not start or not end:
        raise ConfigError(f"--period {text!r}: write START/END (dates or RFC 3339 times)")
    period = {"start": _when(start, end=False), "end": _when(end, end=True)}
    if datetime.fromisoformat(period["end"]) <= datetime.fromisoformat(period["start"]):
        raise ConfigError(f"--period {text!r}: the end is not after the start")
    return period


def _term(contract_id: str) -> dict[str, str] | None:
    from checker.catalogue import load_params

    params = load_params()
    if params.get("contract_id") != contract_id:
        return None
    period = params.get("period") or {}
    if "start" in period and "end" in period:
        return {"start": str(period["start"]), "end": str(period["end"])}
    return None


def _read_draft(folder: Path) -> dict[str, Any]:
    if (folder / bundle_mod.MANIFEST).exists():
        raise DraftError(f"{folder} is sealed (it has {bundle_mod.MANIFEST}); a sealed bundle "
                         "is never changed", hint="start a new bundle with `bundle init`")
    try:
        raw = (folder / DRAFT).read_bytes()
    except FileNotFoundError:
        raise DraftError(f"{folder} is not a bundle draft (no {DRAFT})") from None
    except OSError as exc:
        raise DraftError(f"{folder}/{DRAFT}: cannot read ({exc.strerror})") from None
    try:
        doc: dict[str, Any] = json.loads(raw)
    except ValueError as exc:
        raise DraftError(f"{folder}/{DRAFT} is not JSON ({exc})") from None
    return doc


@contextlib.contextmanager
def _temp_beside(target: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix=".cloudpact-", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def _write_new(target: Path, data: bytes) -> None:
    """Write `data` at `target`, which must not exist (never replaced, never half-written)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _temp_beside(target) as tmp:
        tmp.write_bytes(data)
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise DraftError(f"{target} already exists; not overwritten") from None


def _replace(target: Path, data: bytes) -> None:
    with _temp_beside(target) as tmp:
        tmp.write_bytes(data)
        os.replace(tmp, target)


def init(folder: Path, contract_id: str, *, period: str | None = None,
         bundle_id: str | None = None, role: str = "provider-ops",
         organisation_role: str = "party_b") -> dict[str, Any]:
    """Start a draft in `folder` (absent or empty)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise DraftError(f"{folder} exists and is not an empty folder; nothing written",
                         hint="choose a new folder for the bundle")
    if organisation_role not in ROLES:
        raise ConfigError(f"--organisation-role {organisation_role!r}: one of {', '.join(ROLES)}")
    span = parse_period(period) if period else _term(contract_id)
    if span is None:
        raise ConfigError(f"contract {contract_id}: no parameters give its term",
                          hint="pass --period START/END")
    draft = {
        "manifest_version": 1,
        "bundle_id": bundle_id or f"{contract_id}-{span['start'][:10]}-{span['end'][:10]}",
        "contract_id": contract_id,
        "period": span,
        "producer": {"role": role, "organisation_role": organisation_role,
                     "tool": "cloudpact bundle"},
        "files": [],
    }
    probe = {**draft, "files": []}
    bundle_mod.parse_manifest(bundle_mod.dump_json(probe), str(folder))  # same rules as a manifest
    folder.mkdir(parents=True, exist_ok=True)
    _write_new(folder / DRAFT, bundle_mod.dump_json(draft))
    return draft


def _validate(kind: str, raw: bytes) -> str | None:
    """Why these bytes cannot be evidence of `kind` (None: they can)."""
    if kind == schemas.RAW_KIND:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return f"not JSON ({exc})"
    error = schemas.first_error(schemas.kind_validator(kind), data)
    return f"fails {kind}.schema.json {error}" if error else None


def add(folder: Path, source: Path, kind: str, *, as_path: str | None = None) -> str:
    """Copy `source` into the draft as evidence of `kind`; returns what was done."""
    draft = _read_draft(folder)
    known = set(schemas.known_kinds()) | {schemas.RAW_KIND}
    if kind not in known:
        raise ConfigError(f"unknown kind {kind!r}", hint="known kinds: " + ", ".join(sorted(known)))
    if not source.is_file():
        raise DraftError(f"{source}: not a regular file", hint="name the evidence file to add")
    raw = source.read_bytes()
    rel = bundle_mod.check_key(as_path or f"{kind}/{source.name}")
    if rel == DRAFT:
        raise DraftError(f"{rel} is the draft itself")
    problem = _validate(kind, raw)
    if problem:
        raise DraftError(f"{source}: {problem}; not added", hint="fix the file, then add it again")
    sha = bundle_mod.sha256_bytes(raw)
    for entry in draft["files"]:
        if entry["path"] == rel:
            if entry["sha256"] == sha and entry["kind"] == kind:
                return f"{rel}: already listed with these bytes; unchanged"
            raise DraftError(f"{rel} is already listed with other bytes or another kind; "
                             "not overwritten", hint="add it under another name (--as)")
    _write_new(folder / rel, raw)
    draft["files"].append({"path": rel, "kind": kind, "sha256": sha})
    draft["files"].sort(key=lambda e: e["path"])
    try:
        _replace(folder / DRAFT, bundle_mod.dump_json(draft))
    except OSError:
        (folder / rel).unlink(missing_ok=True)
        raise
    return f"{rel}: added as {kind} (sha256 {sha[:12]}...)"


def seal(folder: Path, *, now: datetime | None = None, key: Path | None = None) -> dict[str, Any]:
    """Check every listed file and write manifest.json; raise SealRefused listing problems.
    With `key` (a private key from `cloudpact keygen`, normally Party B's), manifest.json is
    signed too: manifest.json.sig, over its exact bytes (checker/trust/signing.py)."""
    signing_key = None
    if key is not None:
        from checker.trust.signing import load_signing_key

        signing_key = load_signing_key(key)  # a bad key refuses before anything is written
    draft = _read_draft(folder)
    problems: list[SealProblem] = []
    root = folder.resolve()
    for entry in draft["files"]:
        target = folder / entry["path"]
        if target.is_symlink() or not target.resolve().is_relative_to(root):
            problems.append(SealProblem(entry["path"], "is a link or leaves the bundle"))
            continue
        try:
            raw = target.read_bytes()
        except FileNotFoundError:
            problems.append(SealProblem(entry["path"], "listed but absent"))
            continue
        except OSError as exc:
            problems.append(SealProblem(entry["path"], f"cannot read ({exc.strerror})"))
            continue
        if bundle_mod.sha256_bytes(raw) != entry["sha256"]:
            problems.append(SealProblem(entry["path"], "changed since it was added (sha256)"))
            continue
        problem = _validate(entry["kind"], raw)
        if problem:
            problems.append(SealProblem(entry["path"], problem))
    if not draft["files"]:
        problems.append(SealProblem(DRAFT, "lists no evidence file"))
    if problems:
        raise SealRefused(problems)
    manifest = {k: v for k, v in draft.items()}
    manifest["created_at"] = rfc3339(now or datetime.now(tz=SHANGHAI).replace(microsecond=0))
    data = bundle_mod.dump_json(manifest)
    bundle_mod.parse_manifest(data, str(folder))  # the checks loading will make
    if signing_key is not None:
        from checker.trust.signing import add_signature, sig_key, sign_entry

        signature = add_signature(None, sign_entry(data, signing_key, manifest["created_at"]))
        _write_new(folder / sig_key(bundle_mod.MANIFEST), signature)
    _write_new(folder / bundle_mod.MANIFEST, data)  # last: a reader never sees half a bundle
    (folder / DRAFT).unlink()
    return manifest
