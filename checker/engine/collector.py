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


def collector_source(packages: Sequence[str]) -> str:
    """A Rego package whose `result` maps each clause package to its three rules.
    `measure` may be undefined (null then); `not_applicable` defaults to false."""
    lines = [f"package {COLLECTOR_PACKAGE}", ""]
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
        ]
        entries.append(
            f'\t"{pkg}": {{"deny": data.{pkg}.deny, "measure": _measure_{i}, "not_applicable": _na_{i}}},'
        )
    return "\n".join([*lines, "result := {", *entries, "}"]) + "\n"


def outcome_from(value: Mapping[str, Any]) -> PackageOutcome:
    deny = value.get("deny") or []
    if not isinstance(deny, list):
        return PackageOutcome(error="deny is not a set")
    return PackageOutcome(deny=tuple(deny), measure=value.get("measure"),
                          not_applicable=value.get("not_applicable") is True)
