"""The liability ledger (第十二条, 第十五条 11, Annexes 1-3): exact amounts in CNY.

The Rego package `contract.liability` says which rows the evidence matches; this module
only does arithmetic and 12.3's "one event, fined once, at its heaviest row":

* Annex 2/3 rows: fine = system's cloud service fee / service months x coefficient
  (fees are contract parameters, systems[].annual_fee_cny). An event touching several
  systems is priced on the heaviest of their fees.
* 12.5: days late x 0.1% of the contract price; 15.11: 20% of the contract price.
* Rows of one event, and events linked to the same incident, form one event; the row
  with the largest amount is chosen (ties: the first row id in Annex order).
* Amounts are decimal.Decimal, quantised to the fen (0.01) with ROUND_HALF_UP once per
  chosen row; totals are sums of those quantised amounts. JSON carries them as strings.
* Deductible (12.3 甲方可从尾款中抵扣违约金): Party B's total, capped at the final
  instalment's amount (params liability.deduct_from). 12.6 (Party A's late payment) is owed
  to Party B and is reported apart, never netted into Party B's total.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from checker.engine.interface import PackageOutcome

LIABILITY_PACKAGE = "contract.liability"
FEN = Decimal("0.01")
ROUNDING = "ROUND_HALF_UP"


def fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def row_order(row: str) -> tuple[int, ...]:
    """Annex order: 12.x, 12.4.x, 15.x before A1, A2, A3; numeric inside each."""
    m = re.fullmatch(r"A(\d+)\.(\d+)", row)
    if m:
        return (1, int(m.group(1)), int(m.group(2)))
    return (0, *(int(p) for p in row.split(".")))


@dataclass(frozen=True)
class MatchedRow:
    """One row the evidence matched, priced."""

    row: str
    event: str
    basis: str  # system_fee | price_per_day | price_share
    amount: Decimal
    formula: str  # the arithmetic, as a reader would check it
    why: str
    evidence: str
    system_id: str | None = None


@dataclass(frozen=True)
class LiabilityEvent:
    event: str  # the event's keys joined, e.g. "INC-3 + downtime:S3"
    incident_ids: tuple[str, ...]
    rows: tuple[MatchedRow, ...]  # every matched row, Annex order
    chosen: MatchedRow  # the heaviest (12.3)

    @property
    def amount(self) -> Decimal:
        return self.chosen.amount


@dataclass(frozen=True)
class IncidentLevel:
    incident_id: str
    level: str  # A | B
    rows: tuple[str, ...]  # Annex 1 rows matched
    occurred_at: str
    evidence: str


@dataclass(frozen=True)
class TerminationRight:
    row: str  # 12.1 | 12.2 | 12.4.1-12.4.3 | 15.11
    incident_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class LiabilityLedger:
    events: tuple[LiabilityEvent, ...]
    party_a_events: tuple[LiabilityEvent, ...]
    levels: tuple[IncidentLevel, ...]
    termination: tuple[TerminationRight, ...]
    deduct_from: str
    deduct_limit: Decimal
    problems: tuple[str, ...] = field(default_factory=tuple)  # rows that could not be priced
    failed: bool = False  # the liability rules themselves failed: no total to reconcile against

    @property
    def total(self) -> Decimal:
        return sum((e.amount for e in self.events), Decimal("0.00"))

    @property
    def deductible(self) -> Decimal:
        return min(self.total, self.deduct_limit)

    @property
    def party_a_total(self) -> Decimal:
        return sum((e.amount for e in self.party_a_events), Decimal("0.00"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "currency": "CNY",
            "rounding": f"each chosen row quantised to 0.01 with {ROUNDING}",
            "events": [_event_dict(e) for e in self.events],
            "total": str(self.total),
            "deductible": {
                "from": self.deduct_from,
                "instalment": str(self.deduct_limit),
                "amount": str(self.deductible),
                "not_deductible": str(self.total - self.deductible),
            },
            "party_a": {
                "events": [_event_dict(e) for e in self.party_a_events],
                "total": str(self.party_a_total),
            },
            "incident_levels": [
                {
                    "incident_id": lv.incident_id,
                    "level": lv.level,
                    "rows": list(lv.rows),
                    "occurred_at": lv.occurred_at,
                    "evidence": lv.evidence,
                }
                for lv in self.levels
            ],
            "termination_rights": [
                {"row": t.row, "incident_ids": list(t.incident_ids), "reason": t.reason}
                for t in self.termination
            ],
            **({"problems": list(self.problems)} if self.problems else {}),
        }


def _row_dict(r: MatchedRow) -> dict[str, Any]:
    out: dict[str, Any] = {
        "row": r.row,
        "basis": r.basis,
        "amount": str(r.amount),
        "formula": r.formula,
        "why": r.why,
        "evidence": r.evidence,
    }
    if r.system_id:
        out["system_id"] = r.system_id
    return out


def _event_dict(e: LiabilityEvent) -> dict[str, Any]:
    return {
        "event": e.event,
        "incident_ids": list(e.incident_ids),
        "rows": [_row_dict(r) for r in e.rows],
        "chosen": e.chosen.row,
        "amount": str(e.amount),
    }


# ---- pricing -----------------------------------------------------------------------
class _Prices:
    def __init__(self, params: Mapping[str, Any]) -> None:
        self.price = Decimal(params["price_cny"])
        self.months = Decimal(int(params["period"]["months"]))
        self.fees = {s["id"]: Decimal(s["annual_fee_cny"]) for s in params["systems"]}

    def price_row(self, raw: Mapping[str, Any]) -> list[MatchedRow]:
        """One priced candidate per system (system_fee) or one (price-based)."""
        row, event, basis = str(raw["row"]), str(raw["event"]), str(raw["basis"])
        why, evidence = str(raw.get("why", "")), str(raw.get("evidence", ""))
        if basis == "system_fee":
            coeff = Decimal(str(raw["coefficient_percent"]))
            out = []
            for sid in raw.get("system_ids", []):
                fee = self.fees.get(sid)
                if fee is None:
                    continue
                amount = fen(fee / self.months * coeff / 100)
                formula = f"{fee} / {self.months} x {coeff}% = {amount}"
                out.append(MatchedRow(row, event, basis, amount, formula, why, evidence, sid))
            return out
        if basis == "price_per_day":
            days, rate = int(raw["days"]), Decimal(str(raw["percent_per_day"]))
            amount = fen(self.price * rate / 100 * days)
            formula = f"{self.price} x {rate}% x {days} day(s) = {amount}"
            return [MatchedRow(row, event, basis, amount, formula, why, evidence)]
        if basis == "price_share":
            rate = Decimal(str(raw["percent"]))
            days = int(raw["days"]) if raw.get("per_day") else 1
            amount = fen(self.price * rate / 100 * days)
            per_day = f" x {days} day(s)" if raw.get("per_day") else ""
            formula = f"{self.price} x {rate}%{per_day} = {amount}"
            return [MatchedRow(row, event, basis, amount, formula, why, evidence)]
        raise ValueError(f"unknown liability basis {basis!r} in row {row}")


def _heaviest(rows: Sequence[MatchedRow]) -> MatchedRow:
    return sorted(rows, key=lambda r: (-r.amount, row_order(r.row), r.system_id or ""))[0]


def _group(
    raw_rows: Iterable[Mapping[str, Any]],
) -> list[tuple[list[str], list[str], list[Mapping[str, Any]]]]:
    """Join rows into events: same event key, or linked to the same incident (12.3)."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    rows = list(raw_rows)
    for r in rows:
        key = find(str(r["event"]))
        for inc in r.get("links", []):
            other = find(str(inc))
            if other != key:
                parent[other] = key
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        groups.setdefault(find(str(r["event"])), []).append(r)
    out = []
    for members in groups.values():
        keys = sorted({str(r["event"]) for r in members})
        incidents = sorted({str(i) for r in members for i in r.get("links", [])})
        out.append((keys, incidents, members))
    return sorted(out, key=lambda g: g[0])


def _events(
    raw_rows: Iterable[Mapping[str, Any]], prices: _Prices
) -> tuple[list[LiabilityEvent], list[str]]:
    events, problems = [], []
    for keys, incidents, members in _group(raw_rows):
        priced = [p for r in members for p in prices.price_row(r)]
        if not priced:
            problems.append(f"{' + '.join(keys)}: no row could be priced")
            continue
        rows = tuple(
            sorted(priced, key=lambda r: (row_order(r.row), r.system_id or "", r.evidence))
        )
        events.append(LiabilityEvent(" + ".join(keys), tuple(incidents), rows, _heaviest(priced)))
    return events, problems


def build_ledger(
    matched: Mapping[str, Any] | None,
    params: Mapping[str, Any],
    deny: Sequence[Mapping[str, Any]] = (),
) -> LiabilityLedger:
    """The ledger from `contract.liability`'s measure (rows, levels, termination)."""
    matched = matched or {}
    prices = _Prices(params)
    events, problems = _events(matched.get("rows", []), prices)
    party_a, problems_a = _events(matched.get("party_a_rows", []), prices)
    liability = params.get("liability", {})
    deduct_from = str(liability.get("deduct_from", ""))
    limit = next(
        (Decimal(i["amount_cny"]) for i in params["instalments"] if i["id"] == deduct_from),
        Decimal("0.00"),
    )
    levels = tuple(
        IncidentLevel(
            str(lv["incident_id"]),
            str(lv["level"]),
            tuple(lv["rows"]),
            str(lv["occurred_at"]),
            str(lv["evidence"]),
        )
        for lv in matched.get("levels", [])
    )
    termination = tuple(
        TerminationRight(str(t["row"]), tuple(t["incident_ids"]), str(t["reason"]))
        for t in sorted(
            matched.get("termination", []), key=lambda t: (row_order(t["row"]), t["incident_ids"])
        )
    )
    problems += problems_a + [f"{d.get('msg', '')} ({d.get('evidence', '')})" for d in deny]
    return LiabilityLedger(
        tuple(events), tuple(party_a), levels, termination, deduct_from, limit, tuple(problems)
    )


def ledger_from_outcome(outcome: PackageOutcome, params: Mapping[str, Any]) -> LiabilityLedger:
    """The ledger from the engine's answer for contract.liability (its `measure`)."""
    if outcome.error is not None:  # a checker fault: shown in the ledger, clauses still reported
        ledger = build_ledger(
            None, params, [{"msg": f"liability rules failed: {outcome.error}", "evidence": ""}]
        )
        return replace(ledger, failed=True)
    return build_ledger(outcome.measure, params, outcome.deny)
