"""The collector: one generated Rego package gathering every clause package's `deny`,
`measure` and `not_applicable` into one object, so a bundle is evaluated by ONE query.

Within one query an engine evaluates each shared helper rule (the ticket list, the host
map...) once; querying each package's rules separately recomputed them per query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from checker.engine.interface import PackageOutcome

COLLECTOR_PACKAGE = "cloudpact_collect"


def collector_source(packages: Sequence[str], name: str = COLLECTOR_PACKAGE) -> str:
    """A Rego package whose `result` maps each clause package to its rules.
    `measure` and `excluded` (the items a quantity clause did not count, with the
    reason) may be undefined (null then); `not_applicable` defaults to false."""
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
        entries.append(
            f'\t"{pkg}": {{"deny": data.{pkg}.deny, "measure": _measure_{i}, "not_applicable": _na_{i}, "excluded": _excluded_{i}}},'
        )
    return "\n".join([*lines, "result := {", *entries, "}"]) + "\n"


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
