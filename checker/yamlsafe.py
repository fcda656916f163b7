"""YAML read with libyaml's C safe loader when PyYAML has it (about 10x the pure-Python
parser; the same safe constructors, so the same values), else the pure-Python one."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str | bytes) -> Any:
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
