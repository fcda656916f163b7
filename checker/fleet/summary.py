"""The fleet summary (issue 19): JSON naming every bundle id, and one self-contained HTML
page (inline CSS, no script, a CSP that forbids every fetch), contracts with the most
failing clauses first.

Per contract and service month (the bundle period's start on the contract's clock): the
clause statuses, the fines of the report's liability section (Party B's total, what
Party A owes, events), and the regressions against the previous month's bundle of the
same contract (`cloudpact diff`: new failures and regressed clauses). Where one month has
several bundles (resubmissions) all are listed; the latest (manifest created_at, then
bundle id) stands for the month. "Failing" is every blocking status: fail, missing,
invalid, error (missing evidence never passes). A contract's rank is by the failing clauses
of its latest month, then its fines.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from checker.check import now_iso
from checker.fleet.run import FleetRun, by_contract_month, representative

SUMMARY_VERSION = 1


def _money(text: str) -> Decimal:
    try:
        return Decimal(text)
    except (InvalidOperation, TypeError):
        return Decimal(0)


def build_summary(run: FleetRun) -> dict[str, Any]:
    states = ("checked", "skipped", "incomplete", "error")
    contracts = []
    for contract_id, months in by_contract_month(run.results).items():
        rows = []
        for month in sorted(months):
            items = sorted(months[month], key=lambda r: r["bundle_id"])
            rep = representative(items)
            rows.append({
                "month": month,
                "bundle_id": rep["bundle_id"],
                "bundle_ids": [r["bundle_id"] for r in items],
                "summary": rep["summary"],
                "clauses": rep["clauses"],
                "failing": rep["failing"],
                "fines": rep["fines"],
                "vs_previous": run.diffs.get(rep["bundle_id"]),
            })
        latest = rows[-1]
        contracts.append({
            "contract_id": contract_id,
            "packs": sorted({json.dumps(r["pack"], sort_keys=True)
                             for m in months.values() for r in m}),
            "latest_month": latest["month"],
            "failing_clauses": len(latest["failing"]),
            "fines_party_b_cny": str(sum((_money(r["fines"]["party_b_cny"]) for r in rows),
                                         Decimal("0.00"))),
            "regressions": sum(len((r["vs_previous"] or {}).get("regressions", [])) for r in rows),
            "months": rows,
        })
    contracts.sort(key=lambda c: (-c["failing_clauses"], -_money(c["fines_party_b_cny"]),
                                  c["contract_id"]))
    for c in contracts:
        c["packs"] = [json.loads(p) for p in c["packs"]]
    return {
        "summary_version": SUMMARY_VERSION,
        "tool": "cloudpact fleet check",
        "location": run.location,
        "generated_at": now_iso(),
        "workers": run.workers,
        "counts": {"bundles": len(run.results), **{s: run.count(s) for s in states}},
        "bundle_ids": [r["bundle_id"] for r in run.results],
        "contracts": contracts,
        "bundles": [
            {**r, "vs_previous": run.diffs.get(r["bundle_id"])} for r in run.results
        ],
    }


def render_json(summary: dict[str, Any]) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2) + "\n"


STATUS_COLOUR = {
    "pass": "#2e7d32", "fail": "#c62828", "missing": "#ad1457", "invalid": "#6a1b9a",
    "error": "#4e342e", "manual": "#f9a825", "waived": "#00838f", "not_applicable": "#757575",
}


def render_html(summary: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("checker.fleet", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    problems = [b for b in summary["bundles"] if b["state"] in ("incomplete", "error")]
    return env.get_template("fleet.html.j2").render(s=summary, colour=STATUS_COLOUR,
                                                    problems=problems)
