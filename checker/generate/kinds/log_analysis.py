"""log_analysis: a monthly log analysis report per host, delivered to Party A (2.2.1.10)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "log_analysis"
PATH = "security/log_analysis.json"
ORDER = 10


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    reports = []
    for start, end in world.months():
        if end >= world.end:
            # the last month's reports are due after the term, when this bundle is made
            # (at the end of the term): not yet delivered, not yet due (2.2.1.10)
            continue
        label = start.strftime("%Y-%m")
        for h in world.hosts:
            reports.append(  # noqa: PERF401 (one report per host per month, in order)
                {
                    "report_id": f"LA-{label}-{h.host_id}",
                    "host_id": h.host_id,
                    "month": label,
                    "events_collected": rng.randint(40_000, 2_500_000),
                    "security_events": rng.randint(0, 40),
                    "cpu_avg_percent": round(rng.uniform(3, 65), 1),
                    "mem_avg_percent": round(rng.uniform(20, 85), 1),
                    "delivered_at": iso(
                        end + timedelta(days=rng.randint(1, 6), hours=rng.randint(9, 17))
                    ),
                    "tool": {"name": "Elastic SIEM", "version": "8.14.1"},
                }
            )
    return {"kind": KIND, "reports": reports}


def plant(world: World, doc: dict[str, Any]) -> None:
    # The February report of one host was never delivered.
    victim = world.hosts[10 % len(world.hosts)].host_id
    month = world.months()[5][0].strftime("%Y-%m")
    doc["reports"] = [
        r for r in doc["reports"] if not (r["host_id"] == victim and r["month"] == month)
    ]
    world.breach(
        "2.2.1.10",
        f"no log analysis report for host {victim} in {month}: host not counted",
        f"{PATH}#/reports",
    )
    days = int(world.params["services"]["2.2.1.10"]["report_within_days"])
    # A report delivered after the agreed limit, and one without the resource-use figures.
    late_host = world.hosts[11 % len(world.hosts)].host_id
    bare_host = world.hosts[12 % len(world.hosts)].host_id
    (start, end) = world.months()[2]
    month = start.strftime("%Y-%m")
    for i, r in enumerate(doc["reports"]):
        if r["month"] == month and r["host_id"] == late_host:
            r["delivered_at"] = iso(end + timedelta(days=days + 3, hours=10))
            world.breach("2.2.1.10", f"log analysis report of {late_host} for {month} delivered {days + 3} days "
                         f"after the month, {days} agreed: host not served that month", f"{PATH}#/reports/{i}")
        if r["month"] == month and r["host_id"] == bare_host:
            r["cpu_avg_percent"] = None
            r["mem_avg_percent"] = None
            world.breach("2.2.1.10", f"log analysis report of {bare_host} for {month} without resource use "
                         "(资源使用情况): host not served that month", f"{PATH}#/reports/{i}")
