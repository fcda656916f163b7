"""The clause catalogue (policies/catalogue.yaml) and the contract parameters."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker import paths, schemas
from checker.errors import ConfigError
from checker.model import Clause, Title
from checker.yamlsafe import safe_load

ARTICLES = {
    "2": "第二条", "3": "第三条", "4": "第四条", "6": "第六条", "7": "第七条", "8": "第八条",
    "9": "第九条", "10": "第十条", "11": "第十一条", "12": "第十二条", "13": "第十三条",
    "14": "第十四条", "15": "第十五条", "17": "第十七条", "18": "第十八条", "A4": "附件4",
}


def _load_yaml(path: Path, schema: Path, what: str) -> Any:
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read {what} ({exc})") from None
    error = schemas.first_error(schemas.validator_for(schema), data)
    if error:
        raise ConfigError(f"{path}: {what} does not match {schema.name} {error}")
    return data


@cache
def load_catalogue(path: Path = paths.CATALOGUE) -> tuple[Clause, ...]:
    data = _load_yaml(path, paths.CATALOGUE_SCHEMA, "clause catalogue")
    clauses = []
    seen: set[str] = set()
    for row in data["clauses"]:
        if row["id"] in seen:
            raise ConfigError(f"{path}: clause {row['id']} listed twice")
        seen.add(row["id"])
        clauses.append(
            Clause(
                id=row["id"],
                title=Title(**row["title"]),
                citation=row["citation"],
                text=row["text"],
                evidence_kinds=tuple(row["evidence"]),
                optional_kinds=tuple(row.get("optional", ())),
                automated=row["automated"],
                severity=row["severity"],
                article=ARTICLES.get(row["id"].split(".")[0], row["id"].split(".")[0]),
                policy=row.get("policy"),
                reading=row.get("reading", ""),
            )
        )
    return tuple(clauses)


def load_params(path: Path | None = None) -> dict[str, Any]:
    """The parameters of `path`, or of the contract pack in force (checker.packs.current())."""
    if path is None:
        from checker import packs

        path = packs.current().params_path
    return _load_params(Path(path).resolve())


@cache
def _load_params(path: Path) -> dict[str, Any]:
    params: dict[str, Any] = _load_yaml(path, paths.PARAMS_SCHEMA, "contract parameters")
    return params


def validate_params(data: Any, where: str) -> None:
    error = schemas.first_error(schemas.validator_for(paths.PARAMS_SCHEMA), data)
    if error:
        raise ConfigError(f"{where}: contract parameters do not match "
                          f"{paths.PARAMS_SCHEMA.name} {error}")
