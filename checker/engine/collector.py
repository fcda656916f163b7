"""The collector: one generated Rego package gathering every clause package's `deny`,
`measure` and `not_applicable` into one object, so a bundle is evaluated by ONE query.

Within one query an engine evaluates each shared helper rule (the ticket list, the host
map...) once; querying each package's rules separately recomputed them per query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from checker.engine.interface import PackageOutcome
from checker.policies import PolicyFile, package_of

COLLECTOR_PACKAGE = "cloudpact_collect"
SELECTING_PACKAGE = f"{COLLECTOR_PACKAGE}_all"  # the selecting collector over every package
_DENY_RULE = re.compile(r"^deny\b", re.M)


# The input key naming the packages a selecting collector evaluates (see collector_source).
SELECTION_KEY = "_cloudpact_packages"


def collector_source(packages: Sequence[str], name: str = COLLECTOR_PACKAGE, *,
                     selected: bool = False) -> str:
    """A Rego package whose `result` maps each clause package to its rules.
    `measure` and `excluded` (the items a quantity clause did not count, with the
    reason) may be undefined (null then); `not_applicable` defaults to false.

    `selected`: `result` holds only the packages the input names under SELECTION_KEY
    (`{"<package>": true}`), so one collector over every package serves every run (OPA
    compiles each new query or module set anew; see opa_inprocess.py)."""
    lines = [f"package {name}", ""]
    entries = []
    for i, pkg in enumerate(packages):
        lines += [
            f"_measure_{i} := v if {{",
            f"\tv := data.{pkg}.measure",
            "} else := null",
            "",
            f"default _na_{i} := false",
            "",
            f"_na_{i} if data.{pkg}.not_applicable == true",
            "",
            f"_excluded_{i} := v if {{",
            f"\tv := data.{pkg}.excluded",
            "} else := null",
            "",
        ]
        value = f'{{"deny": data.{pkg}.deny, "measure": _measure_{i}, "not_applicable": _na_{i}, "excluded": _excluded_{i}}}'
        if selected:
            lines += [f'result["{pkg}"] := {value} if input["{SELECTION_KEY}"]["{pkg}"] == true', ""]
        else:
            entries.append(f'\t"{pkg}": {value},')
    if not selected:
        lines += ["result := {", *entries, "}"]
    return "\n".join(lines) + "\n"


def outcome_from(value: Mapping[str, Any]) -> PackageOutcome:
    deny = value.get("deny") or []
    if not isinstance(deny, list):
        return PackageOutcome(error="deny is not a set")
    return PackageOutcome(deny=tuple(deny), measure=value.get("measure"),
                          not_applicable=value.get("not_applicable") is True,
                          excluded=excluded_items(value.get("excluded")))


def excluded_items(value: Any) -> tuple[Mapping[str, Any], ...]:
    """A package's `excluded` set: the objects with an evidence pointer, sorted by it."""
    if not isinstance(value, list):
        return ()
    items = [x for x in value if isinstance(x, Mapping) and isinstance(x.get("evidence"), str)]
    return tuple(sorted(items, key=lambda x: (x["evidence"], str(x.get("reason", "")))))


def clause_packages(policies: Sequence[PolicyFile]) -> list[str]:
    """The packages among `policies` that define `deny` (the ones a collector can hold)."""
    return sorted({pkg for p in policies if _DENY_RULE.search(p.source)
                   and (pkg := package_of(p.source)) is not None})


def with_selection(raw: bytes, packages: Sequence[str]) -> bytes:
    """The input JSON object `raw` with SELECTION_KEY naming `packages` added last."""
    selection = orjson.dumps({SELECTION_KEY: dict.fromkeys(packages, True)})
    body = raw.rstrip()
    if not body.startswith(b"{") or not body.endswith(b"}"):
        raise ValueError("the input is not a JSON object")
    if body[1:-1].strip() == b"":
        return selection
    return body[:-1] + b"," + selection[1:]
