"""Coverage of the contract: clause -> policy -> evidence kinds -> schema.

Used by `cloudpact catalogue` and by the HTML report's coverage section. Unlike the
check (which refuses to run on a mismatch), this lists every problem it finds:
an automated clause no policy decides, a catalogue package name that differs from the
policy's, a manual clause a policy already decides, an evidence kind without a schema,
a policy (a package with `deny`) that names no clause or a clause not in the catalogue.
The liability package is not a clause: it declares itself the ledger (METADATA
`custom.ledger: true`, the liability rows of 第十二条 and the annexes) and is listed as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from checker import paths
from checker.model import Clause
from checker.policies import PolicyInfo

_DENY = re.compile(r"^deny\s+contains\b", re.M)


@dataclass(frozen=True)
class KindRow:
    kind: str
    schema: str | None  # path relative to the project, None when absent
    optional: bool = False


@dataclass(frozen=True)
class CoverageRow:
    clause: Clause
    policy_file: str | None  # the .rego deciding it, relative to policies/
    kinds: tuple[KindRow, ...]
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    rows: tuple[CoverageRow, ...]
    orphans: tuple[str, ...]  # policies without a (catalogue) clause
    ledger: tuple[str, ...] = ()  # packages declaring the liability ledger (not clauses)

    @property
    def manual(self) -> tuple[CoverageRow, ...]:
        return tuple(r for r in self.rows if not r.clause.automated)

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(f"{r.clause.id}: {p}" for r in self.rows for p in r.problems) + self.orphans

    def as_dict(self) -> dict[str, Any]:
        return {
            "clauses": [
                {
                    "clause": r.clause.id,
                    "title": {"zh": r.clause.title.zh, "en": r.clause.title.en},
                    "automated": r.clause.automated,
                    "policy": r.clause.policy,
                    "policy_file": r.policy_file,
                    "reading": r.clause.reading or None,
                    "evidence": [
                        {"kind": k.kind, "schema": k.schema, "optional": k.optional}
                        for k in r.kinds
                    ],
                    "problems": list(r.problems),
                }
                for r in self.rows
            ],
            "manual": [r.clause.id for r in self.manual],
            "orphan_policies": list(self.orphans),
            "ledger_policies": list(self.ledger),
            "automated": sum(1 for r in self.rows if r.clause.automated),
            "total": len(self.rows),
        }


def coverage(
    catalogue: Sequence[Clause], discovered: Iterable[PolicyInfo], known_kinds: Iterable[str]
) -> Coverage:
    kinds = set(known_kinds)
    ids = {c.id for c in catalogue}
    deciding: dict[str, list[PolicyInfo]] = {}
    orphans = []
    ledger = []
    for p in discovered:
        if p.is_test:
            continue
        if p.clause is None and (p.metadata.get("custom") or {}).get("ledger") is True:
            ledger.append(p.file.path)
            continue
        if p.clause is None:
            if _DENY.search(p.file.source):
                orphans.append(
                    f"{p.file.path}: package {p.package} has deny rules but names no clause "
                    "(METADATA custom.clause)"
                )
            continue
        if p.clause not in ids:
            orphans.append(
                f"{p.file.path}: decides clause {p.clause}, which is not in the catalogue"
            )
            continue
        deciding.setdefault(p.clause, []).append(p)

    rows = []
    for c in catalogue:
        problems = []
        found = deciding.get(c.id, [])
        if len(found) > 1:
            problems.append("decided by several policies: " + ", ".join(p.file.path for p in found))
        policy = found[0] if found else None
        if c.automated and policy is None:
            problems.append("automated, but no policy declares this clause")
        if policy is not None and not c.automated:
            problems.append(f"{policy.file.path} decides it, but the catalogue marks it manual")
        if policy is not None and c.policy and c.policy != policy.package:
            problems.append(
                f"catalogue names package {c.policy}, {policy.file.path} is {policy.package}"
            )
        kind_rows = []
        for kind, optional in [(k, False) for k in c.evidence_kinds] + [
            (k, True) for k in c.optional_kinds
        ]:
            schema = f"schemas/evidence/{kind}.schema.json" if kind in kinds else None
            if schema is None and c.automated:
                problems.append(f"evidence kind {kind} has no schema")
            kind_rows.append(KindRow(kind, schema, optional))
        rows.append(
            CoverageRow(c, policy.file.path if policy else None, tuple(kind_rows), tuple(problems))
        )
    return Coverage(tuple(rows), tuple(sorted(orphans)), tuple(sorted(ledger)))


def project_coverage(catalogue: Sequence[Clause] | None = None) -> Coverage:
    """Coverage of this checkout: its catalogue, policies and evidence schemas."""
    from checker import policies, schemas
    from checker.catalogue import load_catalogue

    return coverage(
        catalogue if catalogue is not None else load_catalogue(),
        policies.discover(paths.POLICIES),
        schemas.known_kinds(),
    )
