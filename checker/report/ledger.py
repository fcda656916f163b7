"""The liability ledger as a finance officer checks it by hand (HTML, Markdown, text, JSON).

Built from checker/liability.py's ledger (its arithmetic is not redone here, only read
back): per event the rows the evidence matched, the row chosen (12.3: one event, fined
once, at its heaviest row), each row's numeric inputs (`fee / months x coefficient` or
`price x rate x days`) parsed back from its formula and re-multiplied to check they give
the amount to the fen, its reason and its evidence; the termination rights (12.1, 12.2,
15.11) with the events that opened them; the total, its deductible part (capped at the
final instalment) and the part that is not deductible.

Waived violations carry no fine: an event is waived when an active waiver covers a
violation pointing at the same evidence as one of the event's rows (and, when both name a
system, the same system); a waived event is shown with its waiver and left out of the
totals of this view (`total_after_waivers`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from checker.model import Report

FEN = Decimal("0.01")
_NUM = r"(-?\d+(?:\.\d+)?)"
FORMULAS = {
    "system_fee": re.compile(rf"^{_NUM} / {_NUM} x {_NUM}% = {_NUM}$"),
    "price_per_day": re.compile(rf"^{_NUM} x {_NUM}% x (\d+) day\(s\) = {_NUM}$"),
    "price_share": re.compile(rf"^{_NUM} x {_NUM}%(?: x (\d+) day\(s\))? = {_NUM}$"),
}
# event key prefix -> message id of its human description (translated: checker/i18n)
EVENT_KINDS = {
    "downtime": "ledger.event.downtime",
    "data": "ledger.event.data",
    "late": "ledger.event.late",
    "response": "ledger.event.response",
    "unattended": "ledger.event.unattended",
    "late_payment": "ledger.event.late_payment",
}


def fen(x: Decimal) -> Decimal:
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class RowView:
    row: str
    basis: str
    amount: Decimal
    formula: str
    why: str
    evidence: str
    system_id: str | None
    chosen: bool
    inputs: Mapping[str, str]  # fee, months, coefficient_percent | price, percent_per_day, days...
    checks: bool  # the inputs multiply back to the amount, to the fen

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "basis": self.basis, "amount": str(self.amount),
                "formula": self.formula, "why": self.why, "evidence": self.evidence,
                **({"system_id": self.system_id} if self.system_id else {}),
                "chosen": self.chosen, "inputs": dict(self.inputs), "recomputed": self.checks}


@dataclass(frozen=True)
class EventView:
    key: str
    parts: tuple[tuple[str, tuple[str, ...]], ...]  # (message id, params) per key joined by " + "
    incident_ids: tuple[str, ...]
    rows: tuple[RowView, ...]
    chosen: RowView
    waived_by: tuple[str, ...] = ()
    opens: tuple[str, ...] = ()  # termination rights this event's incidents count towards

    @property
    def amount(self) -> Decimal:
        return self.chosen.amount

    @property
    def fine(self) -> Decimal:
        return Decimal("0.00") if self.waived_by else self.amount


@dataclass(frozen=True)
class TerminationView:
    row: str
    incident_ids: tuple[str, ...]
    reason: str
    events: tuple[str, ...]  # ledger event keys that carry these incidents


@dataclass(frozen=True)
class LedgerView:
    events: tuple[EventView, ...]
    party_a_events: tuple[EventView, ...]
    termination: tuple[TerminationView, ...]
    levels: tuple[Mapping[str, Any], ...]
    total: Decimal  # the ledger's own total (checker/liability.py)
    deduct_from: str
    instalment: Decimal
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def waived_amount(self) -> Decimal:
        return sum((e.amount for e in self.events if e.waived_by), Decimal("0.00"))

    @property
    def total_after_waivers(self) -> Decimal:
        return self.total - self.waived_amount

    @property
    def deductible(self) -> Decimal:
        return min(self.total_after_waivers, self.instalment)

    @property
    def not_deductible(self) -> Decimal:
        return self.total_after_waivers - self.deductible

    @property
    def party_a_total(self) -> Decimal:
        return sum((e.amount for e in self.party_a_events), Decimal("0.00"))


def parse_inputs(basis: str, formula: str) -> tuple[dict[str, str], bool]:
    """The numbers of a row's formula, and whether they multiply back to its amount."""
    pattern = FORMULAS.get(basis)
    m = pattern.match(formula) if pattern else None
    if not m:
        return {}, False
    g = m.groups()
    if basis == "system_fee":
        fee, months, coeff, amount = (Decimal(x) for x in g)
        ok = months != 0 and fen(fee / months * coeff / 100) == amount
        return {"fee": g[0], "months": g[1], "coefficient_percent": g[2]}, ok
    price, rate = Decimal(g[0]), Decimal(g[1])
    days = int(g[2]) if g[2] is not None else None
    amount = Decimal(g[3])
    ok = fen(price * rate / 100 * (days if days is not None else 1)) == amount
    inputs = {"price": g[0], "percent" if basis == "price_share" else "percent_per_day": g[1]}
    if days is not None:
        inputs["days"] = str(days)
    return inputs, ok


def event_parts(key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for part in key.split(" + "):
        kind, _, rest = part.partition(":")
        if rest and kind in EVENT_KINDS:
            out.append((EVENT_KINDS[kind], tuple(rest.split(":"))))
        elif re.match(r"^[A-Z]+-", part):
            out.append(("ledger.event.incident", (part,)))
        else:
            out.append(("", (part,)))
    return tuple(out)


def _waived(report: Report) -> list[tuple[str, str | None, str]]:
    """(evidence, system id, waiver id) of every waived violation."""
    out = []
    for r in report.results:
        for v in r.violations:
            if v.waiver:
                sid = v.details.get("system_id")
                out.append((v.evidence, str(sid) if sid else None, v.waiver))
    return out


def _dec(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return Decimal("0.00")


def _event(e: Mapping[str, Any], waived: list[tuple[str, str | None, str]],
           opens: dict[str, list[str]]) -> EventView:
    amount, chosen_id = _dec(e.get("amount", "0")), str(e.get("chosen", ""))
    raw_rows = [r for r in e.get("rows", []) if isinstance(r, Mapping)]
    pick = next((i for i, r in enumerate(raw_rows)
                 if str(r.get("row")) == chosen_id and _dec(r.get("amount")) == amount), None)
    rows = []
    for i, r in enumerate(raw_rows):
        basis, formula_text = str(r.get("basis", "")), str(r.get("formula", ""))
        inputs, ok = parse_inputs(basis, formula_text)
        rows.append(RowView(str(r.get("row", "")), basis, _dec(r.get("amount")), formula_text,
                            str(r.get("why", "")), str(r.get("evidence", "")),
                            str(r["system_id"]) if r.get("system_id") else None, i == pick, inputs, ok))
    if pick is None:  # a ledger without its rows: the chosen row by its id and amount only
        rows.append(RowView(chosen_id, "", amount, "", "", "", None, True, {}, False))
    chosen = next(x for x in rows if x.chosen)
    incidents = tuple(str(i) for i in e.get("incident_ids", []))
    by = sorted({w for ev, sid, w in waived for x in rows
                 if ev and ev == x.evidence and (sid is None or x.system_id is None or sid == x.system_id)})
    rights = sorted({row for inc in incidents for row in opens.get(inc, [])})
    key = str(e.get("event", "?"))
    return EventView(key, event_parts(key), incidents, tuple(rows), chosen, tuple(by), tuple(rights))


def ledger_view(report: Report) -> LedgerView | None:
    """From the ledger's data (checker/liability.py `to_dict()` shape) in Report.extra."""
    value = report.extra.get("liability")
    to_dict = getattr(value, "to_dict", None)
    data = to_dict() if callable(to_dict) else value
    if not isinstance(data, Mapping):
        return None
    termination_raw = [t for t in data.get("termination_rights", []) if isinstance(t, Mapping)]
    opens: dict[str, list[str]] = {}
    for t in termination_raw:
        for inc in t.get("incident_ids", []):
            opens.setdefault(str(inc), []).append(str(t.get("row")))
    waived = _waived(report)
    events = tuple(_event(e, waived, opens) for e in data.get("events", []) if isinstance(e, Mapping))
    party_a_raw = data.get("party_a", {}) if isinstance(data.get("party_a"), Mapping) else {}
    party_a = tuple(_event(e, [], {}) for e in party_a_raw.get("events", []) if isinstance(e, Mapping))
    termination = tuple(
        TerminationView(str(t.get("row")), tuple(str(i) for i in t.get("incident_ids", [])),
                        str(t.get("reason", "")),
                        tuple(e.key for e in events if set(e.incident_ids) & {str(i) for i in t.get("incident_ids", [])}))
        for t in termination_raw
    )
    levels = tuple(lv for lv in data.get("incident_levels", []) if isinstance(lv, Mapping))
    deductible = data.get("deductible") if isinstance(data.get("deductible"), Mapping) else {}
    total = _dec(data.get("total", sum((e.amount for e in events), Decimal("0.00"))))
    return LedgerView(events, party_a, termination, levels, total, str(deductible.get("from", "")),
                      _dec(deductible.get("instalment", total)),
                      tuple(str(x) for x in data.get("problems", [])))


def enrich(doc: dict[str, Any], view: LedgerView) -> dict[str, Any]:
    """The JSON ledger with, per row, its inputs and whether they recompute the amount;
    per event the waivers that cancel its fine and the termination rights it counts
    towards; the totals after waivers."""
    by_key = {e.key: e for e in view.events}
    for raw in doc.get("events", []):
        e = by_key.get(raw.get("event"))
        if e is None:
            continue
        raw["rows"] = [r.as_dict() for r in e.rows]
        raw["reason"] = e.chosen.why
        if e.waived_by:
            raw["waived_by"] = list(e.waived_by)
            raw["fine"] = "0.00"
        if e.opens:
            raw["opens_termination"] = list(e.opens)
    for raw, t in zip(doc.get("termination_rights", []), view.termination, strict=False):
        raw["events"] = list(t.events)
    if view.waived_amount:
        doc["waived"] = str(view.waived_amount)
        doc["total_after_waivers"] = str(view.total_after_waivers)
        if isinstance(doc.get("deductible"), dict):
            doc["deductible"]["amount_after_waivers"] = str(view.deductible)
            doc["deductible"]["not_deductible_after_waivers"] = str(view.not_deductible)
    return doc
