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
                        if end < world.end
                        else end - timedelta(hours=rng.randint(2, 20))
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
