"""The sampling plan: which items a spot check re-verifies, from the seed and the bundle only.

Populations are the items of each item type (hosts, scans, hardenings, antivirus runs,
tickets, service months for the monthly report, middleware and database sets), each split
into strata by information system (S1..S7; an item whose system cannot be found is in the
stratum `unattributed`). Within a stratum the items are sorted by (id, path, index) and
drawn by a partial Fisher-Yates shuffle driven by a sha256 counter stream:

    key   = "cloudpact-spotcheck-v1\\0" + seed + "\\0" + manifest_sha256 + "\\0" + item_type/stratum
    block = sha256(key + "\\0" + counter as 8 bytes, big-endian), counter = 0, 1, 2, ...
    uniform(m) = int(block) mod m, rejecting blocks >= floor(2^256 / m) * m

so anyone holding the bundle can redraw the plan in any language; Python's `random`, whose
algorithms may change between versions, is never used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from checker.bundle import Bundle
from checker.errors import ConfigError
from checker.spotcheck import stats

DRAW_VERSION = "cloudpact-spotcheck-v1"
UNATTRIBUTED = "unattributed"
ALL = "all"


class ItemType(StrEnum):
    HOST = "host"
    MIDDLEWARE_SET = "middleware_set"
    DATABASE_SET = "database_set"
    VULN_SCAN = "vuln_scan"
    HARDENING = "hardening"
    ANTIVIRUS_RUN = "antivirus_run"
    TICKET = "ticket"
    MONTHLY_REPORT = "monthly_report"

    @property
    def spec(self) -> TypeSpec:
        return SPECS[self]


@dataclass(frozen=True)
class TypeSpec:
    kind: str  # evidence kind holding the items
    collection: str  # the array of that kind's documents
    id_field: str
    clauses: tuple[str, ...]  # clauses the re-verification of one item speaks to
    by_host: bool = False  # stratum = the inventory system of the item's host_id


SPECS: dict[ItemType, TypeSpec] = {
    # a host: its OS package (2.2.1.1 / 2.2.1.2), a scan in every round (2.2.1.7), a
    # centrally managed antivirus agent running every interval (2.2.1.5) and a host
    # protection agent at the MLPS level (2.2.1.6), when that evidence is in the bundle
    ItemType.HOST: TypeSpec(
        "host_inventory",
        "hosts",
        "host_id",
        ("2.2.1.1", "2.2.1.2", "2.2.1.5", "2.2.1.6", "2.2.1.7"),
    ),
    ItemType.MIDDLEWARE_SET: TypeSpec("middleware_inventory", "sets", "set_id", ("2.2.1.3",)),
    ItemType.DATABASE_SET: TypeSpec("database_inventory", "databases", "set_id", ("2.2.1.4",)),
    ItemType.VULN_SCAN: TypeSpec("vuln_scan", "scans", "scan_id", ("2.2.1.7",), by_host=True),
    ItemType.HARDENING: TypeSpec(
        "hardening", "hardenings", "hardening_id", ("2.2.1.8",), by_host=True
    ),
    ItemType.ANTIVIRUS_RUN: TypeSpec("antivirus", "runs", "run_id", ("2.2.1.5",), by_host=True),
    ItemType.TICKET: TypeSpec(
        "tickets", "tickets", "ticket_id", ("3.8.a", "3.8.b", "3.8.c", "3.10", "9.13")
    ),
    # the population is the service months, not the reports: a missing report is a defect
    ItemType.MONTHLY_REPORT: TypeSpec("deliverables", "monthly_reports", "month", ("6.3.2", "9.8")),
}


@dataclass(frozen=True)
class Rule:
    """How many to draw: `size` per item type, or the size that zero-defect sampling needs
    for `confidence` and `max_defect_rate`. `confidence` also sets the stated bound."""

    confidence: Fraction
    max_defect_rate: Fraction | None = None
    size: int | None = None

    def __post_init__(self) -> None:
        if (self.size is None) == (self.max_defect_rate is None):
            raise ConfigError("give either --size N or --max-defect-rate P (with --confidence)")
        if not 0 < self.confidence < 1:
            raise ConfigError(f"--confidence must be between 0 and 1, got {self.confidence}")
        if self.max_defect_rate is not None and not 0 < self.max_defect_rate < 1:
            raise ConfigError(
                f"--max-defect-rate must be between 0 and 1, got {self.max_defect_rate}"
            )
        if self.size is not None and self.size < 1:
            raise ConfigError(f"--size must be at least 1, got {self.size}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": "zero-defect attribute sampling; exact hypergeometric; stratified by "
            "information system, bound taken at the worst placement of defects",
            "confidence": _dec(self.confidence),
            "max_defect_rate": None if self.max_defect_rate is None else _dec(self.max_defect_rate),
            "size": self.size,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Rule:
        rate = d.get("max_defect_rate")
        return cls(
            stats.as_fraction(d["confidence"]),
            None if rate is None else stats.as_fraction(rate),
            d.get("size"),
        )


def _dec(f: Fraction) -> str:
    """A fraction given as a short decimal ('0.95') back as that decimal string."""
    for digits in range(1, 13):
        scaled = f * 10**digits
        if scaled.denominator == 1:
            text = f"{scaled.numerator:0{digits + 1}d}"
            return (text[:-digits] or "0") + "." + text[-digits:]
    return f"{f.numerator}/{f.denominator}"


@dataclass(frozen=True)
class Item:
    item_type: ItemType
    stratum: str
    id: str
    path: str  # bundle path of the evidence file
    index: int | None  # position in the collection (None: a month with no report)
    data: Any = field(compare=False, repr=False)

    @property
    def evidence(self) -> str:
        spec = self.item_type.spec
        if self.index is None:
            return f"{self.path}#/{spec.collection}"
        return f"{self.path}#/{spec.collection}/{self.index}"

    def ref(self) -> dict[str, str]:
        return {"id": self.id, "evidence": self.evidence}


@dataclass
class Population:
    item_type: ItemType
    strata: dict[str, list[Item]]  # stratum -> items sorted by (id, path, index)
    drawn: dict[str, list[Item]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return sum(len(v) for v in self.strata.values())


@dataclass
class Plan:
    seed: str
    manifest_sha256: str
    rule: Rule
    clauses: tuple[str, ...] | None
    populations: list[Population]
    not_sampled: list[dict[str, str]]

    def items(self) -> list[Item]:
        return [i for p in self.populations for s in sorted(p.drawn) for i in p.drawn[s]]

    def as_dict(self) -> dict[str, Any]:
        """The plan as recorded: everything needed to redraw it and nothing else."""
        body: dict[str, Any] = {
            "draw": DRAW_VERSION,
            "seed": self.seed,
            "manifest_sha256": self.manifest_sha256,
            "rule": self.rule.as_dict(),
            "clauses": list(self.clauses) if self.clauses else None,
            "populations": [
                {
                    "item_type": p.item_type.value,
                    "evidence_kind": p.item_type.spec.kind,
                    "clauses": list(p.item_type.spec.clauses),
                    "population": p.size,
                    "drawn": sum(len(v) for v in p.drawn.values()),
                    "strata": [
                        {
                            "stratum": s,
                            "population": len(p.strata[s]),
                            "drawn": len(p.drawn[s]),
                            "items": [i.ref() for i in p.drawn[s]],
                        }
                        for s in sorted(p.strata)
                    ],
                }
                for p in self.populations
            ],
            "not_sampled": self.not_sampled,
        }
        body["sha256"] = hashlib.sha256(canonical(body)).hexdigest()
        return body


def canonical(obj: Any) -> bytes:
    """The one canonical serialisation digests are taken over: sorted keys, no spaces,
    UTF-8 (RFC 8785-like for the strings, ints and nulls a plan and a record hold)."""
    import json

    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


# ---- the draw ---------------------------------------------------------------------


class Stream:
    """Uniform integers from sha256(key || counter)."""

    def __init__(self, seed: str, manifest_sha256: str, stratum_key: str) -> None:
        self._key = "\0".join((DRAW_VERSION, seed, manifest_sha256, stratum_key)).encode() + b"\0"
        self._counter = 0

    def _block(self) -> int:
        digest = hashlib.sha256(self._key + self._counter.to_bytes(8, "big")).digest()
        self._counter += 1
        return int.from_bytes(digest, "big")

    def uniform(self, m: int) -> int:
        limit = (2**256 // m) * m
        while True:
            x = self._block()
            if x < limit:
                return x % m


def draw(stream: Stream, population: int, n: int) -> list[int]:
    """n distinct positions of range(population), by partial Fisher-Yates, in draw order."""
    order = list(range(population))
    for i in range(min(n, population)):
        j = i + stream.uniform(population - i)
        order[i], order[j] = order[j], order[i]
    return order[:n]


# ---- populations ------------------------------------------------------------------

ZONE = ZoneInfo("Asia/Shanghai")


def service_months(params: dict[str, Any]) -> list[tuple[str, datetime, datetime]]:
    """(label YYYY-MM, start, end) of each service month: month k starts k calendar months
    after the period start (the label is the calendar month it starts in, Asia/Shanghai)."""
    start = datetime.fromisoformat(params["period"]["start"]).astimezone(ZONE)
    end = datetime.fromisoformat(params["period"]["end"]).astimezone(ZONE)
    out = []
    for k in range(int(params["period"]["months"])):
        a, b = _add_months(start, k), min(_add_months(start, k + 1), end)
        out.append((f"{a.year:04d}-{a.month:02d}", a, b))
    return out


def _add_months(dt: datetime, k: int) -> datetime:
    import calendar

    y, m = divmod(dt.month - 1 + k, 12)
    year, month = dt.year + y, m + 1
    day = min(dt.day, calendar.monthrange(year, month)[1])
    return dt.replace(year=year, month=month, day=day)


def host_systems(bundle: Bundle) -> dict[str, str]:
    return {
        h["host_id"]: h["system_id"]
        for f in bundle.files_of("host_inventory")
        if f.state == "ok"
        for h in f.data["hosts"]
    }


def _items(bundle: Bundle, item_type: ItemType, params: dict[str, Any]) -> list[Item]:
    spec = item_type.spec
    files = [f for f in bundle.files_of(spec.kind) if f.state == "ok"]
    if item_type is ItemType.MONTHLY_REPORT:
        if not files:
            return []
        # each service month; its pointer is its first report, the collection when none
        first: dict[str, int] = {}
        for i, r in enumerate(files[0].data["monthly_reports"]):
            first.setdefault(r["month"], i)
        return [
            Item(item_type, ALL, label, files[0].path, first.get(label), (label, a, b))
            for label, a, b in service_months(params)
        ]
    systems = host_systems(bundle) if spec.by_host else {}
    out = []
    for f in files:
        for i, rec in enumerate(f.data[spec.collection]):
            if spec.by_host:
                stratum = systems.get(rec.get("host_id", ""), UNATTRIBUTED)
            else:
                stratum = rec.get("system_id") or UNATTRIBUTED
            out.append(Item(item_type, stratum, str(rec[spec.id_field]), f.path, i, rec))
    return out


def selected_types(clauses: Sequence[str] | None) -> list[ItemType]:
    if not clauses:
        return list(ItemType)
    known = sorted({c for s in SPECS.values() for c in s.clauses})
    unknown = [c for c in clauses if c not in known]
    if unknown:
        raise ConfigError(
            f"--clauses: no spot check re-verifies {', '.join(unknown)}",
            hint="clauses with spot checks: " + ", ".join(known),
        )
    return [t for t in ItemType if set(t.spec.clauses) & set(clauses)]


def sizes_for(rule: Rule, strata_sizes: list[int]) -> list[int]:
    if rule.size is not None:
        return stats.allocate(strata_sizes, rule.size)
    assert rule.max_defect_rate is not None
    return stats.stratified_size(strata_sizes, rule.confidence, rule.max_defect_rate)


def make_plan(
    bundle: Bundle,
    seed: str,
    rule: Rule,
    params: dict[str, Any],
    clauses: Sequence[str] | None = None,
) -> Plan:
    if not seed:
        raise ConfigError("--seed must not be empty")
    plan = Plan(seed, bundle.manifest_sha256, rule, tuple(clauses) if clauses else None, [], [])
    for item_type in selected_types(clauses):
        kind = item_type.spec.kind
        state, reason = bundle.kind_state(kind)
        if state == "missing" and not bundle.files_of(kind):
            plan.not_sampled.append(
                {
                    "item_type": item_type.value,
                    "reason": f"no evidence of kind {kind} in the bundle",
                }
            )
            continue
        if state != "ok":
            plan.not_sampled.append(
                {
                    "item_type": item_type.value,
                    "reason": f"evidence of kind {kind} is {state}: {reason}",
                }
            )
            continue
        items = _items(bundle, item_type, params)
        if not items:
            plan.not_sampled.append({"item_type": item_type.value, "reason": "no items"})
            continue
        plan.populations.append(_draw_population(plan, item_type, items))
    return plan


def _draw_population(plan: Plan, item_type: ItemType, items: Iterable[Item]) -> Population:
    strata: dict[str, list[Item]] = {}
    for it in items:
        strata.setdefault(it.stratum, []).append(it)
    for members in strata.values():
        members.sort(key=lambda i: (i.id, i.path, -1 if i.index is None else i.index))
    names = sorted(strata)
    sizes = sizes_for(plan.rule, [len(strata[s]) for s in names])
    pop = Population(item_type, strata)
    for name, n in zip(names, sizes, strict=True):
        stream = Stream(plan.seed, plan.manifest_sha256, f"{item_type.value}/{name}")
        positions = sorted(draw(stream, len(strata[name]), n))
        pop.drawn[name] = [strata[name][p] for p in positions]
    return pop
