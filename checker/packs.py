"""Contract packs: what defines one contract, so one installation checks many (issue 15).

A pack is a folder with a small manifest, `pack.yaml`:

    pack: FW2025082202            # the contract id bundles name in manifest.json
    version: "2025.1"             # the pack's own version (a new parameters file = a new one)
    params: params.yaml           # the contract's parameters (schemas/parameters.schema.json)
    template: FW2025082202        # whose policies, catalogue and schemas it uses (by reference)

The built-in pack (FW2025082202) ships inside the package and holds the template: the Rego
policies, the clause catalogue and the evidence schemas. A pack made by `cloudpact contract
new ID --from FW2025082202` holds only its manifest and parameters: quantities, term, price,
systems and fees are data; the policies are shared, never copied, and spell no contract
number (tests/test_no_literals.py). Its digest covers its manifest, its parameters and the
template's policies, catalogue and schemas, so a report names exactly what judged it.

Where packs are found, first match wins: `--packs DIR`, the config file's `packs` (see
checker/config.py), `./cloudpact-packs` of the current folder, the user's
`$XDG_DATA_HOME/cloudpact/packs` (default `~/.local/share/cloudpact/packs`), then the built-in
pack. A bundle is checked against the pack its `contract_id` names (`--contract` forces one);
a contract no pack covers is refused (exit 2, one line naming it).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker import paths
from checker.errors import BundleError, ConfigError
from checker.yamlsafe import safe_load

MANIFEST = "pack.yaml"
LOCAL_DIR = "cloudpact-packs"
BUILTIN_ID = "FW2025082202"


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    root: Path  # the pack's folder
    params_path: Path
    template: str  # the pack whose policies, catalogue and schemas are used
    builtin: bool = False

    @property
    def digest(self) -> str:
        return _digest(self)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "digest": self.digest,
                "template": self.template, "location": "built-in" if self.builtin else str(self.root)}


def _tree_sha256(root: Path, pattern: str) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob(pattern)):
        if p.name.endswith("_test.rego"):
            continue
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


@cache
def template_digest() -> str:
    """The built-in template: policies (no tests), catalogue and evidence schemas."""
    h = hashlib.sha256()
    for part in (_tree_sha256(paths.POLICIES, "*.rego"), _tree_sha256(paths.SCHEMAS, "*.json"),
                 hashlib.sha256(paths.CATALOGUE.read_bytes()).hexdigest()):
        h.update(part.encode())
    return h.hexdigest()


def _digest(pack: Pack) -> str:
    h = hashlib.sha256()
    h.update((pack.root / MANIFEST).read_bytes() + b"\0")
    h.update(pack.params_path.read_bytes() + b"\0")
    h.update(template_digest().encode())
    return h.hexdigest()


def _read(folder: Path, *, builtin: bool = False) -> Pack:
    where = folder / MANIFEST
    try:
        doc = safe_load(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{folder}: not a contract pack (no {MANIFEST})") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{where}: cannot read the pack manifest ({exc})") from None
    if not isinstance(doc, dict) or not all(isinstance(doc.get(k), str) for k in ("pack", "version", "params")):
        raise ConfigError(f"{where}: a pack manifest needs pack, version and params (strings)")
    template = str(doc.get("template") or BUILTIN_ID)
    if template != BUILTIN_ID:
        raise ConfigError(f"{where}: template {template!r} is unknown (this installation has "
                          f"the {BUILTIN_ID} template)")
    params_path = (folder / doc["params"]).resolve()
    if not params_path.is_relative_to(folder.resolve()):
        raise ConfigError(f"{where}: params must be a file inside the pack folder")
    return Pack(doc["pack"], doc["version"], folder, params_path, template, builtin)


def builtin() -> Pack:
    return _read(paths.BUILTIN, builtin=True)


def user_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cloudpact" / "packs"


_EXTRA: list[Path] = []


def set_extra_dirs(dirs: Sequence[Path]) -> None:
    """The `--packs DIR` folders of this run, searched first."""
    _EXTRA[:] = list(dirs)


def extra_dirs() -> list[Path]:
    return list(_EXTRA)


def search_dirs(extra: Sequence[Path] = ()) -> list[Path]:
    from checker import config

    dirs = [*extra, *_EXTRA, *config.packs_dirs(), Path.cwd() / LOCAL_DIR, user_dir()]
    return list(dict.fromkeys(d.expanduser() for d in dirs))


def available(extra: Sequence[Path] = ()) -> dict[str, Pack]:
    """Every pack found, by contract id; the first found of an id wins."""
    found: dict[str, Pack] = {}
    for d in search_dirs(extra):
        if not d.is_dir():
            continue
        for sub in sorted(p for p in d.iterdir() if (p / MANIFEST).is_file()):
            pack = _read(sub)
            found.setdefault(pack.id, pack)
    b = builtin()
    found.setdefault(b.id, b)
    return found


def for_contract(contract_id: str, *, forced: str | None = None,
                 extra: Sequence[Path] = ()) -> Pack:
    packs = available(extra)
    wanted = forced or contract_id
    pack = packs.get(wanted)
    if pack is None:
        raise BundleError(f"no contract pack covers contract {wanted}",
                          hint="packs here: " + ", ".join(sorted(packs))
                          + "; make one with `cloudpact contract new` or pass --packs DIR")
    return pack


_CURRENT: ContextVar[Pack | None] = ContextVar("cloudpact_pack", default=None)


def current() -> Pack:
    """The pack in force (the built-in one unless `using()` says otherwise)."""
    return _CURRENT.get() or builtin()


@contextlib.contextmanager
def using(pack: Pack) -> Iterator[Pack]:
    token = _CURRENT.set(pack)
    try:
        yield pack
    finally:
        _CURRENT.reset(token)


def new_pack(contract_id: str, *, base: str = BUILTIN_ID, params_file: Path | None = None,
             version: str = "1", into: Path | None = None,
             extra: Sequence[Path] = ()) -> Pack:
    """Write a pack for another contract of the same template: its manifest and parameters
    (from `params_file`, or the base pack's with the contract id replaced, to be edited),
    validated by the parameters schema. Nothing existing is overwritten."""
    from checker.catalogue import validate_params

    source = for_contract(base, extra=extra)
    folder = (into or (extra[0] if extra else user_dir())) / contract_id
    if folder.exists():
        raise ConfigError(f"{folder} exists; not overwritten", hint="pick another --packs DIR or ID")
    if params_file is not None:
        text = params_file.read_text(encoding="utf-8")
        doc = safe_load(text)
        if not isinstance(doc, dict) or doc.get("contract_id") != contract_id:
            raise ConfigError(f"{params_file}: contract_id must be {contract_id}")
    else:
        text = source.params_path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        replaced = [f"contract_id: {contract_id}\n" if ln.startswith("contract_id:") else ln
                    for ln in lines]
        if replaced == lines:
            raise ConfigError(f"{source.params_path}: no contract_id line to replace")
        text = "".join(replaced)
        doc = safe_load(text)
    validate_params(doc, str(params_file or folder / "params.yaml"))
    manifest = (f"# Contract pack {contract_id}: parameters of its own, the {source.template} "
                f"template's\n# policies, catalogue and schemas by reference (never copied).\n"
                f"pack: {contract_id}\nversion: \"{version}\"\nparams: params.yaml\n"
                f"template: {source.template}\n")
    folder.mkdir(parents=True)
    try:
        (folder / "params.yaml").write_text(text, encoding="utf-8")
        (folder / MANIFEST).write_text(manifest, encoding="utf-8")
    except OSError:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
        raise
    return _read(folder)


def describe(packs: Iterable[Pack]) -> list[str]:
    from checker.catalogue import load_params

    out = []
    for p in packs:
        params = load_params(p.params_path)
        period = params["period"]
        out.append(f"{p.id:16} v{p.version:8} {period['start'][:10]}..{period['end'][:10]}  "
                   f"CNY {params['price_cny']:>14}  {len(params['systems'])} systems  "
                   f"{'built-in' if p.builtin else p.root}  {p.digest[:12]}")
    return out
