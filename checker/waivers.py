"""Waivers: approved exceptions applied to clause results after evaluation.

A waiver (schemas/waivers.schema.json) covers the violations of one clause within one
scope: a host (`host_id`), a ticket (`ticket_id`), a calendar month in Asia/Shanghai
(`month`, YYYY-MM) or the whole clause (`all`). Rules:

- a fail whose every violation is covered becomes `waived` (counted apart from passes);
  a partly covered fail stays `fail`, the covered violations carry the waiver's id;
- `all` also waives a clause whose evidence is missing or invalid (never an `error`:
  that is the checker failing, not the provider);
- a waiver whose expiry date is before the as-of date is ignored and reported `expired`
  (and the run exits 1 until it is renewed or removed: Report.exit_code);
- the waivers file must carry Party A's signature (`FILE.sig` beside it, verified against
  the trust file): otherwise every waiver is ignored (state `ignored`), reported, and the
  failures it would have covered stay (exit 1), never exit 2;
- a waiver for a clause not in the catalogue, a host not in the bundle's host inventory,
  a ticket not in its tickets or a month outside the service period is an error (exit 2).

What a violation is "about" (its facts) is read from its details and from the top-level
fields of the evidence object its JSON pointer names, so a policy need not repeat them.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from checker import paths, schemas
from checker.bundle import Bundle
from checker.errors import ConfigError
from checker.model import Clause, ClauseResult, Report, Status, Violation, Waiver
from checker.safeload import load_yaml_bytes, read_regular
from checker.trust import Trust
from checker.trust import resolve as resolve_trust
from checker.trust.signing import sig_key, verify

ZONE = ZoneInfo("Asia/Shanghai")
SCHEMA = paths.SCHEMAS / "waivers.schema.json"
HINT = "fix the waivers file (schema: schemas/waivers.schema.json)"
WAIVABLE_WHOLE = frozenset({Status.FAIL, Status.MISSING, Status.INVALID})


class WaiverError(ConfigError):
    hint = HINT


@dataclasses.dataclass(frozen=True)
class WaiversFile:
    contract_id: str
    waivers: tuple[Waiver, ...]
    sha256: str  # of the file's bytes, recorded in the report's inputs
    signature_problem: str = ""  # why the file's Party A signature is not accepted; "" = signed
    signed_by: str = ""

    @property
    def signed(self) -> bool:
        return not self.signature_problem


def load_waivers(path: Path, catalogue: Sequence[Clause], trust: Trust | None = None) -> WaiversFile:
    """A YAML or JSON waivers file, schema-checked, clause ids checked against the catalogue,
    its signature (`FILE.sig` beside it) checked against the trust file: without a valid
    Party A signature every waiver is ignored (state `ignored`) and the reason reported."""
    raw = read_regular(Path(path), what="waivers file", error=WaiverError)
    data = load_yaml_bytes(raw, str(path), WaiverError)
    error = schemas.first_error(schemas.validator_for(SCHEMA), data)
    if error:
        raise WaiverError(f"{path}: waivers file does not match waivers.schema.json {error}")
    known = {c.id for c in catalogue}
    seen: set[str] = set()
    out = []
    for i, row in enumerate(data["waivers"]):
        where = f"{path}#/waivers/{i}"
        if row["id"] in seen:
            raise WaiverError(f"{where}: waiver id {row['id']} used twice")
        seen.add(row["id"])
        if row["clause"] not in known:
            raise WaiverError(
                f"{where}: waiver {row['id']} is for clause {row['clause']}, "
                "which is not in the catalogue"
            )
        try:
            date.fromisoformat(row["expires"])
        except ValueError:
            raise WaiverError(f"{where}: expires {row['expires']} is not a calendar date") from None
        out.append(
            Waiver(
                id=row["id"],
                clause=row["clause"],
                scope=dict(row["scope"]),
                reason=row["reason"],
                approver_role=row["approver_role"],
                approval_ref=row["approval_ref"],
                expires=row["expires"],
            )
        )
    sig_path = Path(sig_key(str(path)))
    sig_raw = read_regular(sig_path, what="signature", error=WaiverError) if sig_path.is_file() else None
    v = verify(raw, sig_raw, trust if trust is not None else resolve_trust(None), str(path))
    signed = v.by({"party_a"})
    problem = "" if signed else "; ".join(
        (["signed, but not by Party A"] if v.valid else []) + v.problems) or "not signed"
    return WaiversFile(str(data["contract_id"]), tuple(out), hashlib.sha256(raw).hexdigest(),
                       problem, ", ".join(s.describe() for s in signed))


# ---- what a bundle knows: hosts, tickets, months ------------------------------------


def _walk_values(doc: Any, key: str) -> Iterable[str]:
    if isinstance(doc, dict):
        for k, v in doc.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from _walk_values(v, key)
    elif isinstance(doc, list):
        for item in doc:
            yield from _walk_values(item, key)


def _months(start: str, end: str) -> frozenset[str]:
    """Calendar months (Asia/Shanghai) touched by the half-open period [start, end)."""
    first = datetime.fromisoformat(start).astimezone(ZONE)
    last = datetime.fromisoformat(end).astimezone(ZONE)
    out = set()
    y, m = first.year, first.month
    while (y, m) < (last.year, last.month) or ((y, m) == (last.year, last.month) and last.day > 1):
        out.add(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return frozenset(out)


@dataclasses.dataclass(frozen=True)
class Scopes:
    """The hosts, tickets and months a waiver may name, and the evidence to read facts from."""

    hosts: frozenset[str]
    tickets: frozenset[str]
    months: frozenset[str]
    documents: Mapping[str, Any]  # bundle path -> parsed evidence

    @classmethod
    def from_bundle(cls, bundle: Bundle) -> Scopes:
        docs = {f.path: f.data for f in bundle.files if f.state == "ok" and f.data is not None}
        hosts = {
            h
            for f in bundle.files_of("host_inventory")
            if f.data is not None
            for h in _walk_values(f.data, "host_id")
        }
        tickets = {
            t
            for f in bundle.files_of("tickets")
            if f.data is not None
            for t in _walk_values(f.data, "ticket_id")
        }
        period = bundle.manifest["period"]
        return cls(
            frozenset(hosts), frozenset(tickets), _months(period["start"], period["end"]), docs
        )

    def check(self, waiver: Waiver) -> None:
        scope = waiver.scope
        problem = ""
        if "host_id" in scope and scope["host_id"] not in self.hosts:
            problem = f"host {scope['host_id']} is not in the bundle's host_inventory"
        elif "ticket_id" in scope and scope["ticket_id"] not in self.tickets:
            problem = f"ticket {scope['ticket_id']} is not in the bundle's tickets"
        elif "month" in scope and scope["month"] not in self.months:
            problem = f"month {scope['month']} is outside the service period"
        if problem:
            raise WaiverError(f"waiver {waiver.id} (clause {waiver.clause}): {problem}")

    def facts(self, v: Violation) -> dict[str, Any]:
        """Top-level scalar fields of the pointed evidence object, overlaid by the details."""
        out: dict[str, Any] = {}
        target = resolve(self.documents, v.evidence)
        if isinstance(target, dict):
            out.update({k: x for k, x in target.items() if not isinstance(x, dict)})
        out.update(v.details)
        return out


def resolve(documents: Mapping[str, Any], evidence: str) -> Any:
    """The value at `path#/json/pointer` in the bundle's parsed evidence, None if absent."""
    path, _, pointer = evidence.partition("#")
    node = documents.get(path)
    for token in pointer.split("/")[1:] if pointer else []:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            return None
    return node


def _month_of(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) < 7:
        return None
    if len(value) == 7 and value[4] == "-":
        return value
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        return None
    return stamp.astimezone(ZONE).strftime("%Y-%m")


def covers(waiver: Waiver, facts: Mapping[str, Any]) -> bool:
    scope = waiver.scope
    if scope.get("all"):
        return True
    if "host_id" in scope:
        return facts.get("host_id") == scope["host_id"] or scope["host_id"] in (
            facts.get("host_ids") or ()
        )
    if "ticket_id" in scope:
        return bool(facts.get("ticket_id") == scope["ticket_id"])
    if "month" in scope:
        if "month" in facts:
            return bool(facts["month"] == scope["month"])
        # the clock start of a ticket first, then any other timestamp field
        keys = ["reported_at", "at"] + sorted(k for k in facts if k.endswith("_at"))
        for key in keys:
            month = _month_of(facts.get(key))
            if month is not None:
                return month == scope["month"]
    return False


# ---- applying ------------------------------------------------------------------------


def apply(
    results: Sequence[ClauseResult], waivers: Sequence[Waiver], scopes: Scopes, as_of: date
) -> tuple[tuple[ClauseResult, ...], tuple[Waiver, ...]]:
    """Results with active waivers applied, and every waiver with its state."""
    for w in waivers:
        scopes.check(w)
    active = [w for w in waivers if date.fromisoformat(w.expires) >= as_of]
    used: set[str] = set()
    out = []
    for r in results:
        mine = [w for w in active if w.clause == r.clause.id]
        if not mine:
            out.append(r)
            continue
        if r.status is Status.FAIL:
            marked = []
            for v in r.violations:
                facts = scopes.facts(v)
                hit = next((w for w in mine if covers(w, facts)), None)
                marked.append(dataclasses.replace(v, waiver=hit.id) if hit else v)
            ids = tuple(sorted({v.waiver for v in marked if v.waiver}))
            used.update(ids)
            status = Status.WAIVED if marked and all(v.waiver for v in marked) else Status.FAIL
            out.append(dataclasses.replace(r, status=status, violations=tuple(marked), waivers=ids))
        elif r.status in WAIVABLE_WHOLE and (
            whole := next((w for w in mine if w.scope.get("all")), None)
        ):
            used.add(whole.id)
            out.append(dataclasses.replace(r, status=Status.WAIVED, waivers=(whole.id,)))
        else:
            out.append(r)
    states = []
    for w in waivers:
        if date.fromisoformat(w.expires) < as_of:
            state = "expired"
        else:
            state = "active" if w.id in used else "unused"
        states.append(dataclasses.replace(w, state=state))
    return tuple(out), tuple(states)


def prepare(bundle: Bundle, waivers: WaiversFile) -> Scopes:
    """Refuse a waivers file that does not fit the bundle, before anything is evaluated."""
    if waivers.contract_id != bundle.contract_id:
        raise WaiverError(
            f"the waivers file is for contract {waivers.contract_id}, "
            f"the bundle for {bundle.contract_id}"
        )
    scopes = Scopes.from_bundle(bundle)
    if not waivers.signed:  # ignored whole: nothing of it can refuse the run
        return scopes
    for w in waivers.waivers:
        scopes.check(w)
    return scopes


def apply_to_report(
    report: Report, scopes: Scopes, waivers: WaiversFile, as_of: date | None = None
) -> Report:
    day = as_of or datetime.fromisoformat(report.generated_at).astimezone(ZONE).date()
    if not waivers.signed:
        return dataclasses.replace(
            report,
            waivers=tuple(dataclasses.replace(w, state="ignored") for w in waivers.waivers),
            waivers_as_of=day.isoformat(),
            inputs={**report.inputs, "waivers_sha256": waivers.sha256},
            extra={**report.extra, "waivers_signature": {
                "signed_by_party_a": False, "problem": waivers.signature_problem}},
        )
    results, states = apply(report.results, waivers.waivers, scopes, day)
    return dataclasses.replace(
        report,
        results=results,
        waivers=states,
        waivers_as_of=day.isoformat(),
        inputs={**report.inputs, "waivers_sha256": waivers.sha256},
        extra={**report.extra, "waivers_signature": {
            "signed_by_party_a": True, "signed_by": waivers.signed_by}},
    )
