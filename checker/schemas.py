"""JSON Schema loading and validation (draft 2020-12), one registry for all schemas."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from checker import paths
from checker.errors import ConfigError

RAW_KIND = "raw"  # original tool outputs kept as provenance; not schema-checked


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(paths.SCHEMAS.rglob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def validator_for(path: Path) -> Draft202012Validator:
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot load schema ({exc})") from None
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def known_kinds() -> list[str]:
    return sorted(
        p.name.removesuffix(".schema.json")
        for p in paths.EVIDENCE_SCHEMAS.glob("*.schema.json")
        if p.name != "common.schema.json"
    )


def kind_validator(kind: str) -> Draft202012Validator:
    return validator_for(paths.EVIDENCE_SCHEMAS / f"{kind}.schema.json")


def kind_schema(kind: str) -> dict[str, Any]:
    return dict(kind_validator(kind).schema)


def first_error(validator: Draft202012Validator, instance: Any) -> str | None:
    """The most relevant schema error as one line, with its JSON pointer, or None."""
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(instance))
    if error is None:
        return None
    pointer = "/" + "/".join(str(p) for p in error.absolute_path)
    return f"at {pointer}: {error.message}"
