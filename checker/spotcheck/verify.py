"""Re-verification of each drawn item against the other sources and the raw evidence.

One small function per item type; each returns the findings (clause, message, evidence
pointer) that make the item defective, [] when it holds up.

Implemented in Python, not by evaluating the clause policy on a one-item input, because
the clause policies answer a yearly *quantity* question (their `deny` is a shortfall
against the contracted count, so any one-item input would fail), while a spot check asks
whether *this* item holds up; and because two checks have no Rego counterpart: re-importing
the raw tool output and comparing it with the stored record, and comparing a scan's target
with the inventory. The facts are the same as the policies' (in service, in period, cited
scan of the same host, high/critical findings closed, SLA clocks of the tickets schema),
with every threshold read from the contract parameters, none written here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from checker import schemas
from checker.bundle import Bundle
from checker.spotcheck.plan import ZONE, Item, ItemType

# severities a hardening must close when the parameters do not say (2.2.1.8 schema text)
DEFAULT_CLOSE = ("critical", "high")


@dataclass(frozen=True)
class Finding:
    clause: str
    message: str
    evidence: str

    def as_dict(self) -> dict[str, str]:
        return {"clause": self.clause, "message": self.message, "evidence": self.evidence}


def ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


@dataclass
class Context:
    """Facts drawn once from the bundle, shared by every item check."""

    bundle: Bundle
    params: dict[str, Any]
    hosts: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)  # id -> (host, ptr)
    scans: dict[str, list[tuple[dict[str, Any], str]]] = field(default_factory=dict)
    rounds: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)
    scanned: set[tuple[str, str]] = field(default_factory=set)  # (host_id, round)
    agents: dict[str, list[tuple[dict[str, Any], str]]] = field(default_factory=dict)
    protection: dict[str, list[tuple[dict[str, Any], str]]] = field(default_factory=dict)
    av_covered: set[tuple[str, int]] = field(default_factory=set)  # (host_id, interval)
    files_read: dict[str, str] = field(default_factory=dict)  # path -> sha256
    _raw_cache: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, bundle: Bundle, params: dict[str, Any]) -> Context:
        ctx = cls(bundle, params)
        for f in ctx.ok("host_inventory"):
            for i, h in enumerate(f.data["hosts"]):
                ctx.hosts.setdefault(h["host_id"], (h, f"{f.path}#/hosts/{i}"))
        for f in ctx.ok("vuln_scan"):
            for i, s in enumerate(f.data["scans"]):
                ctx.scans.setdefault(s["scan_id"], []).append((s, f"{f.path}#/scans/{i}"))
                ctx.scanned.add((s["host_id"], s["round"]))
                a, b = ts(s["started_at"]), ts(s["finished_at"])
                lo, hi = ctx.rounds.get(s["round"], (a, b))
                ctx.rounds[s["round"]] = (min(lo, a), max(hi, b))
        for f in ctx.ok("host_protection"):
            for i, agent in enumerate(f.data["agents"]):
                entry = (agent, f"{f.path}#/agents/{i}")
                ctx.protection.setdefault(agent["host_id"], []).append(entry)
        for f in ctx.ok("antivirus"):
            for i, agent in enumerate(f.data["agents"]):
                ctx.agents.setdefault(agent["host_id"], []).append((agent, f"{f.path}#/agents/{i}"))
            for r in f.data["runs"]:
                # a completed run covers its scan interval (as the 2.2.1.5 policy counts)
                start = ts(r["started_at"])
                done = r["result"] != "error" and ts(r["finished_at"]) >= start
                if done and ctx.in_period(r["started_at"]):
                    ctx.av_covered.add((r["host_id"], ctx.interval_of(start)))
        return ctx

    def ok(self, kind: str) -> list[Any]:
        files = [f for f in self.bundle.files_of(kind) if f.state == "ok"]
        for f in files:
            self.files_read[f.path] = f.sha256
        return files

    @property
    def period(self) -> tuple[datetime, datetime]:
        p = self.params["period"]
        return ts(p["start"]), ts(p["end"])

    def in_period(self, value: str) -> bool:
        a, b = self.period
        return a <= ts(value) < b

    @property
    def av_interval(self) -> timedelta:
        return timedelta(days=self.params["services"]["2.2.1.5"]["scan_interval_days"])

    def interval_of(self, t: datetime) -> int:
        """Which scan interval of 2.2.1.5 (counted from the period start) t falls in."""
        return (t - self.period[0]) // self.av_interval

    def required_intervals(self, host: dict[str, Any]) -> range:
        """The full scan intervals inside the part of the period the host is in service."""
        a, b = self.period
        lo = max(a, ts(host["in_service_from"]))
        until = host.get("in_service_to")
        hi = min(b, ts(until)) if until else b
        first = -((a - lo) // self.av_interval)  # ceil
        last = (hi - a) // self.av_interval - 1
        return range(first, last + 1)

    def in_service(
        self, host: dict[str, Any], lo: datetime | None = None, hi: datetime | None = None
    ) -> bool:
        """In service at some instant of [lo, hi) (default: the service period)."""
        a, b = self.period
        lo, hi = lo or a, hi or b
        until = host.get("in_service_to")
        return ts(host["in_service_from"]) < hi and (until is None or ts(until) > lo)

    def reimport(self, raw_path: str, item: Item) -> list[dict[str, Any]] | str:
        from checker.importers.interface import ImporterError
        from checker.importers.registry import Tool

        if raw_path in self._raw_cache:
            return self._raw_cache[raw_path]  # type: ignore[no-any-return]
        parts = raw_path.split("/")
        try:
            tool = Tool.parse(parts[1] if len(parts) > 2 else "")
            raw = self.bundle.store.read(raw_path)
            # a time in the file wins; the record's own time only fills formats without one
            when = item.data.get("started_at") or item.data.get("performed_at")
            result: Any = tool.importer().parse(
                raw, raw_path, scanned_at=ts(when) if when else None
            )
            units = [u.record for u in result.units]
        except ImporterError as exc:
            units = exc.reason  # type: ignore[assignment]
        self._raw_cache[raw_path] = units
        return units

    def bundle_doc(self, kind: str) -> Any:
        return self.ok(kind)[0].data

    def bundle_doc_at(self, path: str) -> Any:
        return next((f.data for f in self.bundle.files if f.path == path), None)


Check = Callable[[Context, Item], list[Finding]]


# ---- inventory items ----------------------------------------------------------------


def check_host(ctx: Context, item: Item) -> list[Finding]:
    h, at = item.data, item.evidence
    out: list[Finding] = []
    os_ = h["os"]
    if os_["family"] == "commercial":  # 2.2.1.1 商用操作系统: licensed, installed, maintained
        if os_.get("licensed") is not True:
            out.append(
                Finding("2.2.1.1", f"commercial OS {os_['name']} without a valid licence", at)
            )
        if os_.get("maintained") is not True:
            out.append(
                Finding(
                    "2.2.1.1", f"commercial OS {os_['name']} not maintained by the provider", at
                )
            )
    elif os_.get("maintained") is not True:  # 2.2.1.2 开源操作系统
        out.append(
            Finding("2.2.1.2", f"open-source OS {os_['name']} not maintained by the provider", at)
        )
    if not ctx.in_service(h):
        return out  # not expected to be scanned or protected
    for rnd, (lo, hi) in sorted(ctx.rounds.items()):  # 2.2.1.7: one scan per host per round
        if ctx.in_service(h, lo, hi) and (h["host_id"], rnd) not in ctx.scanned:
            out.append(
                Finding("2.2.1.7", f"no vulnerability scan of {h['host_id']} in round {rnd}", at)
            )
    if ctx.bundle.files_of("antivirus"):  # 2.2.1.5: a centrally managed, active agent
        agents = ctx.agents.get(h["host_id"], [])
        if not any(a["centrally_managed"] and a["status"] == "active" for a, _ in agents):
            if not agents:
                out.append(Finding("2.2.1.5", f"no antivirus agent on {h['host_id']}", at))
            for a, where in agents:  # the finding points at the agent record itself
                state = f"status {a['status']}, centrally managed: {a['centrally_managed']}"
                msg = f"antivirus agent of {h['host_id']} not under active central control"
                msg += f" ({state})"
                out.append(Finding("2.2.1.5", msg, where))
        where = agents[0][1] if agents else at
        required = ctx.required_intervals(h)
        missing = [k for k in required if (h["host_id"], k) not in ctx.av_covered]
        if missing:
            first = ctx.period[0] + missing[0] * ctx.av_interval
            msg = (
                f"no completed antivirus run in {len(missing)} of {len(required)} scan "
                f"intervals of {ctx.av_interval.days} days (first from {first.isoformat()})"
            )
            out.append(Finding("2.2.1.5", msg, where))
    if ctx.bundle.files_of("host_protection"):
        out += _protection(ctx, h, at)
    return out


def _protection(ctx: Context, h: dict[str, Any], at: str) -> list[Finding]:
    """2.2.1.6 主机防护: an active agent at the contracted MLPS level, access control enforced,
    seen during the period."""
    level = ctx.params["services"]["2.2.1.6"]["mlps_level"]
    agents = ctx.protection.get(h["host_id"], [])
    if not agents:
        return [Finding("2.2.1.6", f"no host protection agent on {h['host_id']}", at)]
    reasons = []
    for a, where in agents:
        if a["status"] != "active":
            reasons.append(("agent not active", where))
        elif a["mlps_level"] < level:
            reasons.append(
                (f"baseline MLPS level {a['mlps_level']}, level {level} required", where)
            )
        elif a["access_control"] is not True:
            reasons.append(("host access control not enforced (access_control)", where))
        elif ts(a["last_seen_at"]) < ctx.period[0]:
            reasons.append(("agent not seen during the period (last_seen_at)", where))
        else:
            return []
    return [Finding("2.2.1.6", f"host protection of {h['host_id']}: {r}", w) for r, w in reasons]


def _runs_on_inventory(ctx: Context, rec: dict[str, Any], clause: str, at: str) -> list[Finding]:
    for host_id in rec["host_ids"]:
        host = ctx.hosts.get(host_id)
        if host is None:
            return [Finding(clause, f"runs on {host_id}, which is not in the host inventory", at)]
        if not ctx.in_service(host[0]):
            return [Finding(clause, f"runs on {host_id}, not in service during the period", at)]
    return []


def check_middleware_set(ctx: Context, item: Item) -> list[Finding]:
    s, at = item.data, item.evidence
    out = _runs_on_inventory(ctx, s, "2.2.1.3", at)
    need = ctx.params["services"]["2.2.1.3"]["min_products_per_set"]
    kinds = {p["name"].strip().lower() for p in s["products"] if p["open_source"] is True}
    if len(kinds) < need:
        out.append(
            Finding(
                "2.2.1.3",
                f"{len(kinds)} distinct open-source middleware kinds "
                f"({', '.join(sorted(kinds))}), at least {need} required",
                at,
            )
        )
    if s["maintained"] is not True:
        out.append(Finding("2.2.1.3", "not maintained by the provider", at))
    return out


def check_database_set(ctx: Context, item: Item) -> list[Finding]:
    s, at = item.data, item.evidence
    out = _runs_on_inventory(ctx, s, "2.2.1.4", at)
    if s["open_source"] is not True:
        out.append(Finding("2.2.1.4", f"{s['product']} is not an open-source database", at))
    if s["maintained"] is not True:
        out.append(Finding("2.2.1.4", "not maintained by the provider", at))
    return out


# ---- per-host security records ------------------------------------------------------


def _host_of(
    ctx: Context, rec: dict[str, Any], clause: str, at: str, when: str
) -> tuple[dict[str, Any] | None, list[Finding]]:
    entry = ctx.hosts.get(rec["host_id"])
    if entry is None:
        return None, [Finding(clause, f"host {rec['host_id']} is not in the host inventory", at)]
    t = ts(when)
    if not ctx.in_service(entry[0], t, t + timedelta(microseconds=1)):
        return entry[0], [
            Finding(clause, f"host {rec['host_id']} was not in service at {when}", at)
        ]
    return entry[0], []


def check_vuln_scan(ctx: Context, item: Item) -> list[Finding]:
    s, at = item.data, item.evidence
    host, out = _host_of(ctx, s, "2.2.1.7", at, s["started_at"])
    if host is not None and s.get("target"):
        names = {host["host_id"], host["hostname"], host["ip"], *host.get("aliases", [])}
        if s["target"] not in names:
            out.append(
                Finding(
                    "2.2.1.7",
                    f"scanned target {s['target']} is not an address or name "
                    f"of {host['host_id']} in the inventory",
                    at,
                )
            )
    if not ctx.in_period(s["started_at"]):
        out.append(Finding("2.2.1.7", "started outside the service period", at))
    if ts(s["finished_at"]) < ts(s["started_at"]):
        out.append(Finding("2.2.1.7", "finished before it started", at))
    delivered = s.get("report_delivered_at")
    if delivered and ts(delivered) < ts(s["finished_at"]):
        out.append(Finding("2.2.1.7", "results reported to Party A before the scan finished", at))
    return out + check_raw(ctx, item, "2.2.1.7")


def check_hardening(ctx: Context, item: Item) -> list[Finding]:
    h, at = item.data, item.evidence
    clause = "2.2.1.8"
    _, out = _host_of(ctx, h, clause, at, h["performed_at"])
    if not ctx.in_period(h["performed_at"]):
        out.append(Finding(clause, "performed outside the service period", at))
    if h.get("scan_id") is None:
        out.append(Finding(clause, "not tied to a vulnerability scan (scan_id is null)", at))
        return out + check_raw(ctx, item, clause)
    cited = [(s, p) for s, p in ctx.scans.get(h["scan_id"], []) if s["host_id"] == h["host_id"]]
    if not cited:
        where = "of another host" if h["scan_id"] in ctx.scans else "not in the scan evidence"
        out.append(Finding(clause, f"cites scan {h['scan_id']}, {where}", at))
        return out + check_raw(ctx, item, clause)
    scan, scan_at = cited[0]
    if ts(h["performed_at"]) < ts(scan["finished_at"]):
        out.append(Finding(clause, f"performed before scan {h['scan_id']} finished", at))
    close = set(ctx.params["services"]["2.2.1.8"].get("close_severities", DEFAULT_CLOSE))
    closed = {i["finding_id"] for i in h["items"] if i["outcome"] in ("fixed", "justified")}
    still_open = sorted(
        f["finding_id"]
        for f in scan["findings"]
        if f["severity"] in close and f["finding_id"] not in closed
    )
    if still_open:
        out.append(
            Finding(
                clause,
                f"{'/'.join(sorted(close))} findings of scan {h['scan_id']} "
                f"({scan_at}) neither fixed nor justified: {', '.join(still_open)}",
                at,
            )
        )
    return out + check_raw(ctx, item, clause)


def check_antivirus_run(ctx: Context, item: Item) -> list[Finding]:
    r, at = item.data, item.evidence
    clause = "2.2.1.5"
    _, out = _host_of(ctx, r, clause, at, r["started_at"])
    if not ctx.in_period(r["started_at"]):
        out.append(Finding(clause, "run started outside the service period", at))
    if ts(r["finished_at"]) < ts(r["started_at"]):
        out.append(Finding(clause, "run finished before it started", at))
    if r["result"] == "error":
        out.append(Finding(clause, "the scan run failed (result: error)", at))
    elif r["result"] == "infected":
        out.append(
            Finding(
                clause, f"{r.get('infected', 'some')} infected file(s) found and not removed", at
            )
        )
    if not any(a["centrally_managed"] for a, _ in ctx.agents.get(r["host_id"], [])):
        out.append(
            Finding(clause, f"no centrally managed agent on {r['host_id']} (杀毒软件集中控制)", at)
        )
    return out + check_raw(ctx, item, clause)


# ---- tickets (3.8, 3.10, 9.13) ------------------------------------------------------


def check_ticket(ctx: Context, item: Item) -> list[Finding]:
    t, at = item.data, item.evidence
    if not ctx.in_period(t["reported_at"]):
        return []  # only tickets reported inside the service period count (tickets schema)
    sla = ctx.params["sla"]
    as_of = ts(ctx.bundle_doc("tickets")["as_of"])
    important = {s["id"] for s in ctx.params["systems"] if s.get("important")}
    reported = ts(t["reported_at"])
    out: list[Finding] = []

    def clock(clause: str, what: str, start: datetime, field_: str, limit: int) -> None:
        end = t.get(field_)
        if end is None:
            if as_of > start + timedelta(minutes=limit):
                out.append(
                    Finding(
                        clause,
                        f"{what}: no {field_} although the {limit}-minute limit "
                        f"passed before the export ({as_of.isoformat()})",
                        at,
                    )
                )
            return
        minutes = (ts(end) - start).total_seconds() / 60
        if minutes > limit:
            out.append(Finding(clause, f"{what} took {_fmt(minutes)} min, limit {limit} min", at))

    clock("3.8.a", "response", reported, "responded_at", sla["response_minutes"])
    clock("3.8.b", "handling", reported, "handling_started_at", sla["handling_minutes"])
    # every clock of 第三条 8 and 10 runs from the fault report (OBLIGATIONS.md reading rule 7)
    if t["onsite_required"]:
        clock("3.8.c", "on-site arrival", reported, "onsite_arrived_at", sla["onsite_minutes"])
    limit = sla[
        "fault_clear_important_minutes" if t["system_id"] in important else "fault_clear_minutes"
    ]
    clock("3.10", f"locating and clearing (system {t['system_id']})", reported, "resolved_at", limit)
    if t.get("resolved_at") and not t.get("closing_report"):
        out.append(Finding("9.13", "resolved without a written fault report (closing_report)", at))
    # 9.13 定时反馈 (issue 12): no longer gap than the agreed interval while the fault is open
    interval = ctx.params["duties"]["fault_progress_interval_minutes"]
    until = ts(t["resolved_at"]) if t.get("resolved_at") else as_of
    points = sorted(
        [reported, until]
        + [u for u in (ts(p["at"]) for p in t.get("progress_updates") or []) if reported < u < until]
    )
    gap = max(((b - a).total_seconds() / 60 for a, b in zip(points, points[1:])), default=0.0)
    if gap > interval:
        out.append(Finding("9.13", f"{_fmt(gap)} min without a progress report, interval {interval} min", at))
    return out


def _fmt(minutes: float) -> str:
    return f"{minutes:.1f}".removesuffix(".0")


# ---- monthly reports (6.3.2) ----------------------------------------------------------


def check_monthly_report(ctx: Context, item: Item) -> list[Finding]:
    label = item.data[0]
    doc = ctx.bundle_doc("deliverables")
    due_day = ctx.params["deliverables"]["monthly_report_due_day"]
    year, month = (int(x) for x in label.split("-"))
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    month_end = datetime(year, month, 1, tzinfo=ZONE)  # end of the calendar month named
    due = datetime(year, month, due_day, tzinfo=ZONE) + timedelta(days=1)  # end of the due day
    if due > ts(doc["as_of"]):
        return []  # not yet due at the export
    path = item.path
    reports = [(i, r) for i, r in enumerate(doc["monthly_reports"]) if r["month"] == label]
    if not reports:
        # a missing monthly report is also a missing written service report (9.8 cites 6.3.2)
        return [
            Finding(
                clause,
                f"no monthly report for service month {label} "
                f"(due {due.date() - timedelta(days=1)})",
                f"{path}#/monthly_reports",
            )
            for clause in ("6.3.2", "9.8")
        ]
    i, report = min(reports, key=lambda e: ts(e[1]["delivered_at"]))
    at = f"{path}#/monthly_reports/{i}"
    out = []
    delivered = ts(report["delivered_at"])
    if delivered >= due:
        late = math.ceil((delivered - due).total_seconds() / 86400)
        out.append(
            Finding(
                "6.3.2",
                f"monthly report for {label} delivered {report['delivered_at']}, "
                f"{late} day(s) after the due day {due_day}",
                at,
            )
        )
    if delivered < month_end:
        out.append(
            Finding(
                "6.3.2",
                f"monthly report for {label} delivered before the month "
                f"ended ({month_end.isoformat()}): it cannot cover the whole month",
                at,
            )
        )
    return out


# ---- raw tool outputs ---------------------------------------------------------------


def check_raw(ctx: Context, item: Item, clause: str) -> list[Finding]:
    """When the item's file was imported from a raw tool output kept in the bundle, the raw
    bytes must still be there with the recorded digest, and re-importing them must give back
    what the record says (every field the tool itself reported)."""
    doc = ctx.bundle_doc_at(item.path)
    prov = doc.get("provenance") if isinstance(doc, dict) else None
    if not prov:
        return []
    at = item.evidence
    raw_path = prov["raw_path"]
    raw_file = next((f for f in ctx.bundle.files if f.path == raw_path), None)
    if raw_file is None or raw_file.kind != schemas.RAW_KIND:
        return [
            Finding(
                clause, f"raw tool output {raw_path} named in provenance is not in the manifest", at
            )
        ]
    ctx.files_read[raw_path] = raw_file.sha256
    if raw_file.state != "ok" or raw_file.sha256 != prov["raw_sha256"]:
        return [
            Finding(
                clause,
                f"raw tool output {raw_path} is {raw_file.state} or does not have the "
                "digest recorded in provenance",
                at,
            )
        ]
    units = ctx.reimport(raw_path, item)
    if isinstance(units, str):
        return [Finding(clause, f"raw tool output {raw_path} no longer imports: {units}", at)]
    n = _unit_number(item.id)
    if n is None or not 1 <= n <= len(units):
        return [
            Finding(
                clause,
                f"record id {item.id} names no unit of {raw_path} "
                f"({len(units)} unit(s) re-imported)",
                at,
            )
        ]
    expected = units[n - 1]
    differs = sorted(k for k, v in expected.items() if item.data.get(k) != v)
    if differs:
        return [
            Finding(
                clause, f"record differs from re-importing {raw_path} in: {', '.join(differs)}", at
            )
        ]
    return []


def _unit_number(record_id: str) -> int | None:
    tail = record_id.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


CHECKS: dict[ItemType, Check] = {
    ItemType.HOST: check_host,
    ItemType.MIDDLEWARE_SET: check_middleware_set,
    ItemType.DATABASE_SET: check_database_set,
    ItemType.VULN_SCAN: check_vuln_scan,
    ItemType.HARDENING: check_hardening,
    ItemType.ANTIVIRUS_RUN: check_antivirus_run,
    ItemType.TICKET: check_ticket,
    ItemType.MONTHLY_REPORT: check_monthly_report,
}


def verify_item(ctx: Context, item: Item, clauses: tuple[str, ...] | None = None) -> list[Finding]:
    findings = CHECKS[item.item_type](ctx, item)
    if clauses:
        findings = [f for f in findings if f.clause in clauses]
    return findings
