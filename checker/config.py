"""The user's configuration file, in the ecosystem's convention (issue 15).

`cloudpact.toml` in the current folder, else `[tool.cloudpact]` of `pyproject.toml` there:

    packs = ["contracts/packs"]          # extra contract-pack folders (checker/packs.py)
    trust = "keys/trust.yaml"            # the trust file of `check --trust`
    formats = ["text", "json"]           # default `check --format`
    gate = "fail,missing,invalid,error"  # default `upload --gate` / `check --fail-on`
    endpoint_url = "http://127.0.0.1:8333"   # S3 endpoint of every s3:// location

Command-line options always win: the file only changes defaults (click's `default_map`).
Paths in the file are relative to the file's folder. An unknown key is an error, not ignored.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from checker.errors import ConfigError

KEYS = {"packs", "trust", "formats", "gate", "endpoint_url"}


@cache
def _load(cwd: Path) -> tuple[Path | None, dict[str, Any]]:
    for name, section in (("cloudpact.toml", None), ("pyproject.toml", ("tool", "cloudpact"))):
        path = cwd / name
        if not path.is_file():
            continue
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        for key in section or ():
            doc = doc.get(key, {}) if isinstance(doc, dict) else {}
        if section and not doc:
            continue
        if not isinstance(doc, dict):
            raise ConfigError(f"{path}: [tool.cloudpact] must be a table")
        unknown = set(doc) - KEYS
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}",
                              hint="known: " + ", ".join(sorted(KEYS)))
        return path, doc
    return None, {}


def settings() -> tuple[Path | None, dict[str, Any]]:
    return _load(Path.cwd().resolve())


def _path(base: Path | None, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() or base is None else base.parent / p


def packs_dirs() -> list[Path]:
    where, doc = settings()
    value = doc.get("packs", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: packs must be a folder or a list of folders")
    return [_path(where, v) for v in value]


def default_map() -> dict[str, Any]:
    """Defaults for the CLI commands, from the file (command line wins)."""
    where, doc = settings()
    out: dict[str, dict[str, Any]] = {}
    if "formats" in doc:
        formats = doc["formats"]
        out.setdefault("check", {})["formats"] = [formats] if isinstance(formats, str) else formats
    if "trust" in doc:
        out.setdefault("check", {})["trust"] = str(_path(where, doc["trust"]))
    if "gate" in doc:
        out.setdefault("upload", {})["gate"] = doc["gate"]
        out.setdefault("check", {})["fail_on"] = doc["gate"]
    if "endpoint_url" in doc:
        for cmd in ("check", "validate", "upload", "bundles", "diff", "spot-check"):
            out.setdefault(cmd, {})["endpoint_url"] = doc["endpoint_url"]
    return out
