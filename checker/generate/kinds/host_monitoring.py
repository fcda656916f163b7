"""host_monitoring: CPU/memory monitoring of every host (2.2.2.14) and the 7x24 monitors
of machine rooms, hardware and applications with the windows they ran (3.6.a)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "host_monitoring"
PATH = "monitoring/coverage.json"
ORDER = 20

MONITORS = [
    ("MR-ENV-1", "machine_room"),
    ("MR-ENV-2", "machine_room"),
    ("HW-1", "hardware"),
    ("APP-1", "application"),
    ("APP-2", "application"),
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    metrics = list(world.params["baseline"]["host_metrics"])
    tolerance = float(world.params["baseline"]["monitoring_max_gap_minutes"])
    hosts = [
        {
            "host_id": h.host_id,
            "metrics": [*metrics, "disk_usage"],
            "monitored_from": iso(world.start - timedelta(days=3)),
            "monitored_to": None,
        }
        for h in world.hosts
    ]
    monitors = []
    for monitor_id, scope in MONITORS:
        # each monitor restarts a few times: blips within the agreed tolerance
        cuts = sorted(world.at(rng, world.start, world.end) for _ in range(rng.randint(1, 4)))
        windows, begin = [], world.start - timedelta(days=1)
        for cut in cuts:
            windows.append({"from": iso(begin), "to": iso(cut)})
            begin = cut + timedelta(seconds=rng.randint(30, max(31, int(tolerance * 60))))
        windows.append({"from": iso(begin), "to": iso(world.end + timedelta(days=1))})
        monitors.append(
            {"monitor_id": monitor_id, "scope": scope, "method": "system", "windows": windows}
        )
    return {
        "kind": KIND,
        "tool": {"name": "Zabbix", "version": "6.0.30"},
        "hosts": hosts,
        "monitors": monitors,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    # 2.2.2.14: one host was never added to monitoring.
    gone = doc["hosts"].pop(len(doc["hosts"]) // 2)
    world.breach("2.2.2.14", f"host {gone['host_id']} not monitored", "")
    # 3.6.a: the only hardware monitor was down for 3 hours in service month 4.
    hw = next(m for m in doc["monitors"] if m["scope"] == "hardware")
    down = world.months()[3][0] + timedelta(days=9, hours=1)
    hw["windows"] = [
        {"from": iso(world.start - timedelta(days=1)), "to": iso(down)},
        {"from": iso(down + timedelta(hours=3)), "to": iso(world.end + timedelta(days=1))},
    ]
    world.breach("3.6.a", f"hardware monitoring down {iso(down)} for 3 hours", f"{PATH}#/monitors")
