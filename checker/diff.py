"""Run-to-run diff: two JSON reports (or two bundles, checked here) compared clause by clause.

Categories, with "blocking" = fail | missing | invalid | error:
- new_failure: not blocking before, blocking now;
- resolved: blocking before, not now;
- regressed: blocking in both and worse: a quantity clause delivers less than before, or
  another clause has (unwaived) violations it did not have;
- improved: blocking in both and better (more delivered, or only violations removed);
- changed: another status change (e.g. pass -> waived, manual -> pass, fail -> error);
- unchanged; added / removed: the clause is in only one report (catalogue changed).
`--fail-on-regression` makes `cloudpact diff` exit 1 on any new_failure or regressed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import CloudpactError

BLOCKING = frozenset({"fail", "missing", "invalid", "error"})
CATEGORIES = (
    "new_failure",
    "regressed",
    "resolved",
    "improved",
    "changed",
    "added",
    "removed",
    "unchanged",
)
REGRESSIONS = frozenset({"new_failure", "regressed"})


class DiffError(CloudpactError):
    hint = "give two JSON reports (cloudpact check --format json) or two bundles"


@dataclass(frozen=True)
class ClauseChange:
    clause: str
    category: str
    old: str | None  # status before, None when added
    new: str | None  # status now, None when removed
    note: str = ""


@dataclass(frozen=True)
class Diff:
    old: str
    new: str
    changes: tuple[ClauseChange, ...]

    @property
    def counts(self) -> dict[str, int]:
        return {c: sum(1 for x in self.changes if x.category == c) for c in CATEGORIES}

    @property
    def regressions(self) -> tuple[ClauseChange, ...]:
        return tuple(x for x in self.changes if x.category in REGRESSIONS)

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "counts": self.counts,
            "changes": [
                {
                    "clause": x.clause,
                    "category": x.category,
                    "old": x.old,
                    "new": x.new,
                    **({"note": x.note} if x.note else {}),
                }
                for x in self.changes
            ],
        }


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _open_violations(result: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {
        (v.get("evidence", ""), v.get("message", ""))
        for v in result.get("violations", [])
        if not v.get("waiver")
    }


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> ClauseChange:
    clause, a, b = new["clause"], old["status"], new["status"]
    if a not in BLOCKING and b in BLOCKING:
        return ClauseChange(clause, "new_failure", a, b)
    if a in BLOCKING and b not in BLOCKING:
        return ClauseChange(clause, "resolved", a, b)
    if a in BLOCKING and b in BLOCKING:
        was, now = _number(old.get("actual")), _number(new.get("actual"))
        if a == b == "fail" and was is not None and now is not None and was != now:
            note = f"actual {old.get('actual')} -> {new.get('actual')} (expected {new.get('expected')})"
            return ClauseChange(clause, "regressed" if now < was else "improved", a, b, note)
        before, after = _open_violations(old), _open_violations(new)
        if after - before:
            return ClauseChange(
                clause, "regressed", a, b, f"{len(after - before)} new violation(s)"
            )
        if before - after and a == b:
            return ClauseChange(
                clause, "improved", a, b, f"{len(before - after)} violation(s) gone"
            )
    if a != b:
        return ClauseChange(clause, "changed", a, b)
    return ClauseChange(clause, "unchanged", a, b)


def diff_reports(
    old: Mapping[str, Any], new: Mapping[str, Any], old_name: str = "OLD", new_name: str = "NEW"
) -> Diff:
    if old.get("contract_id") != new.get("contract_id"):
        raise DiffError(
            f"the reports are for different contracts ({old.get('contract_id')} and "
            f"{new.get('contract_id')})"
        )
    before = {r["clause"]: r for r in old["results"]}
    after = {r["clause"]: r for r in new["results"]}
    changes = []
    for clause, result in after.items():
        if clause in before:
            changes.append(compare(before[clause], result))
        else:
            changes.append(ClauseChange(clause, "added", None, result["status"]))
    changes += [
        ClauseChange(c, "removed", r["status"], None) for c, r in before.items() if c not in after
    ]
    return Diff(old_name, new_name, tuple(changes))


def load_side(location: str, check: Callable[[str], Mapping[str, Any]]) -> Mapping[str, Any]:
    """A JSON report file as is; anything else is a bundle, checked with `check`."""
    path = Path(location)
    if "://" not in location and path.is_file():
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise DiffError(f"{location}: not a JSON report ({exc})") from None
        if not isinstance(doc, dict) or "results" not in doc or "report_version" not in doc:
            raise DiffError(
                f"{location}: JSON, but not a cloudpact report (no report_version/results)"
            )
        return doc
    return check(location)
