"""management_reports: Party B's periodic reports to the cloud management unit and the
supervision provider (15.7), one to each every interval of
duties.management_report_interval_months from the start of the period, delivered about
three weeks into the interval, covering every topic of duties.management_report_topics,
each receipted by its recipient.

Breach: the fifth interval's report to the supervision provider was never delivered.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time
from checker.generate.world import World, iso, written_approval

KIND = "management_reports"
PATH = "governance/management_reports.json"
ORDER = 75
RECIPIENTS = [("cloud_management_unit", "CMU"), ("supervision_provider", "SUP")]


def _intervals(world: World) -> list[tuple[Any, Any]]:
    step = int(world.params["duties"]["management_report_interval_months"])
    months = world.months()
    return [(months[k][0], months[min(k + step, len(months)) - 1][1]) for k in range(0, len(months), step)]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    topics = list(world.params["duties"]["management_report_topics"])
    reports = []
    for k, (first, end) in enumerate(_intervals(world), 1):
        for role, code in RECIPIENTS:
            at = min(first + timedelta(days=rng.randint(18, 24), hours=rng.randint(9, 16)), end - timedelta(hours=6))
            ref = f"{code}-RPT-{k:02d}"
            reports.append(
                {
                    "report_id": ref,
                    "to_role": role,
                    "title": f"政务云平台及入云系统情况报告 第{k}期 platform and systems report no. {k}",
                    "delivered_at": iso(at),
                    "topics": topics,
                    "receipt": written_approval(role, "platform supervision officer", f"{ref}-R", at + timedelta(hours=rng.randint(1, 20))),
                }
            )
    return {"kind": KIND, "as_of": export_time(world), "reports": reports}


def plant(world: World, doc: dict[str, Any]) -> None:
    drop = "SUP-RPT-05"
    doc["reports"] = [r for r in doc["reports"] if r["report_id"] != drop]
    first, end = _intervals(world)[4]
    world.breach(
        "15.7",
        f"no report to the supervision provider in the interval {first.date()} to {(end - timedelta(seconds=1)).date()}",
        f"{PATH}#/reports",
    )
