"""The canonical result model. Every report format renders from these objects only,
so a status or a citation can never differ between two formats of the same run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    MISSING = "missing"
    INVALID = "invalid"
    MANUAL = "manual"
    WAIVED = "waived"
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"

    @property
    def blocking(self) -> bool:
        """A status that makes `check` exit 1."""
        return self in BLOCKING


BLOCKING = frozenset({Status.FAIL, Status.MISSING, Status.INVALID, Status.ERROR})


class ExitCode(IntEnum):
    OK = 0
    CLAUSE_FAILED = 1  # a clause is fail, missing, invalid or error
    CANNOT_RUN = 2  # bad arguments, unreadable bundle, broken policy


@dataclass(frozen=True)
class Title:
    zh: str
    en: str


@dataclass(frozen=True)
class Clause:
    """One row of the clause catalogue (policies/catalogue.yaml)."""

    id: str
    title: Title
    citation: str  # where the sentence is in the contract, e.g. "第二条 2(1) 第7项"
    text: str  # the obligation in the contract's words (zh), used as rule help
    evidence_kinds: tuple[str, ...]
    automated: bool
    severity: str  # high | medium | low
    article: str  # e.g. "第二条", for grouping
    policy: str | None = None  # the Rego package that decides it, when automated
    optional_kinds: tuple[str, ...] = ()
    reading: str = ""  # how the clause is read, which rule of OBLIGATIONS.md applies


@dataclass(frozen=True)
class Violation:
    message: str
    evidence: str  # bundle path + "#" + JSON pointer, e.g. "vuln_scan.json#/scans/3"
    details: Mapping[str, Any] = field(default_factory=dict)
    waiver: str | None = None  # id of the active waiver covering this violation


@dataclass(frozen=True)
class Excluded:
    """An item a quantity clause did not count (a host, a scan, a ticket...), and why:
    the policy's `excluded` set, one object {evidence, reason, ...} per item."""

    evidence: str  # bundle path + "#" + JSON pointer of the item, e.g. "hosts.json#/hosts/17"
    reason: str
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Waiver:
    """An approved exception (waivers file, schemas/waivers.schema.json) and what became of it."""

    id: str
    clause: str
    scope: Mapping[str, str]  # {"host_id": h} | {"ticket_id": t} | {"month": "YYYY-MM"} | {} = whole clause
    reason: str
    approver_role: str
    approval_ref: str
    expires: str  # YYYY-MM-DD, the last day the waiver applies
    state: str = "active"  # active (covered something) | unused (covered nothing) | expired (ignored)


@dataclass(frozen=True)
class EvidenceRef:
    """One evidence file a clause read, and what state it was in."""

    path: str
    kind: str
    state: str  # ok | missing | invalid
    reason: str = ""


@dataclass(frozen=True)
class ClauseResult:
    clause: Clause
    status: Status
    violations: tuple[Violation, ...] = ()
    expected: Any = None  # quantity clauses: contracted amount
    actual: Any = None  # quantity clauses: delivered amount
    unit: str | None = None
    evidence: tuple[EvidenceRef, ...] = ()
    reason: str = ""  # why missing / invalid / manual / not_applicable / error
    measures: Mapping[str, Any] = field(default_factory=dict)  # extra figures a policy reports
    waivers: tuple[str, ...] = ()  # ids of the active waivers applied to this result
    excluded: tuple[Excluded, ...] = ()  # quantity clauses: the items that did not count


@dataclass(frozen=True)
class Report:
    contract_id: str
    period: Mapping[str, str]
    producer: str
    bundle: str  # where the bundle was read from (never with credentials)
    manifest_sha256: str
    engine: str
    results: tuple[ClauseResult, ...]
    generated_at: str
    inputs: Mapping[str, str] = field(default_factory=dict)  # sha256 of policies, params...
    extra: Mapping[str, Any] = field(default_factory=dict)  # sections added by later stages
    waivers: tuple[Waiver, ...] = ()  # every waiver of the waivers file, with its state
    waivers_as_of: str = ""  # the date (YYYY-MM-DD) expiry was judged at

    @property
    def expired_waivers(self) -> tuple[Waiver, ...]:
        return tuple(w for w in self.waivers if w.state == "expired")

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(r.status for r in self.results)
        return {s.value: counts.get(s, 0) for s in Status}

    @property
    def exit_code(self) -> ExitCode:
        if any(r.status.blocking for r in self.results):
            return ExitCode.CLAUSE_FAILED
        if self.expired_waivers:  # an expired exception must be renewed or removed
            return ExitCode.CLAUSE_FAILED
        return ExitCode.OK
