"""Discovery of the Rego policies: one folder and package per clause, METADATA on top.

The `# METADATA` block is read from the source (regorus has no rego.metadata.*), so the
clause id lives in the policy itself and is cross-checked against the catalogue.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker import paths
from checker.errors import ConfigError
from checker.yamlsafe import safe_load

_PACKAGE = re.compile(r"^package\s+([A-Za-z0-9_.]+)", re.M)
_TEST_RULE = re.compile(r"^(test_[A-Za-z0-9_]+)\b", re.M)


@dataclass(frozen=True)
class PolicyFile:
    path: str  # relative to the policies folder, POSIX
    source: str


@dataclass(frozen=True)
class PolicyInfo:
    file: PolicyFile
    package: str  # "contract.services.host_vuln_scan"
    metadata: dict[str, Any]

    @property
    def clause(self) -> str | None:
        custom = self.metadata.get("custom") or {}
        value = custom.get("clause")
        return str(value) if value is not None else None

    @property
    def is_test(self) -> bool:
        return self.file.path.endswith("_test.rego")

    @property
    def test_rules(self) -> list[str]:
        return _TEST_RULE.findall(self.file.source)


def package_of(source: str) -> str | None:
    """The package a Rego source declares (None when it declares none)."""
    match = _PACKAGE.search(source)
    return match.group(1) if match else None


def parse_metadata(source: str) -> dict[str, Any]:
    """The first `# METADATA` comment block, as YAML."""
    lines = source.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "# METADATA":
            block = []
            for following in lines[i + 1 :]:
                if not following.startswith("#"):
                    break
                block.append(following[2:] if following.startswith("# ") else following[1:])
            data = safe_load("\n".join(block)) or {}
            return data if isinstance(data, dict) else {}
    return {}


def _info(root: Path, path: Path) -> PolicyInfo:
    source = path.read_text(encoding="utf-8")
    package = package_of(source)
    rel = path.relative_to(root).as_posix()
    if package is None:
        raise ConfigError(f"{rel}: no package declaration")
    try:
        metadata = parse_metadata(source)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{rel}: METADATA block is not valid YAML ({exc})") from None
    return PolicyInfo(PolicyFile(rel, source), package, metadata)


def discover(root: Path = paths.POLICIES) -> tuple[PolicyInfo, ...]:
    """Every .rego file under root, tests included, sorted by path (read once per root:
    `discover()` and `discover(paths.POLICIES)` share one cache entry)."""
    return _discover(Path(root).resolve())


@cache
def _discover(root: Path) -> tuple[PolicyInfo, ...]:
    return tuple(_info(root, p) for p in sorted(root.rglob("*.rego")))


def policy_files(root: Path = paths.POLICIES) -> list[PolicyFile]:
    """The files a check loads: every policy and library, no tests."""
    return [p.file for p in discover(root) if not p.is_test]


def clause_policies(root: Path = paths.POLICIES) -> dict[str, PolicyInfo]:
    """clause id -> the policy deciding it (policies with `custom.clause`)."""
    out: dict[str, PolicyInfo] = {}
    for p in discover(root):
        if p.is_test or p.clause is None:
            continue
        if p.clause in out:
            raise ConfigError(
                f"clause {p.clause} is decided by two policies: "
                f"{out[p.clause].file.path} and {p.file.path}"
            )
        out[p.clause] = p
    return out


def tree_sha256(root: Path, pattern: str) -> str:
    """One digest over the relative paths and bytes of every file matching pattern."""
    h = hashlib.sha256()
    for path in sorted(root.rglob(pattern)):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()
