"""host_protection: an MLPS level 3 host-security agent on every host (2.2.1.6)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "host_protection"
PATH = "security/host_protection.json"
ORDER = 10

MODULES = [
    "intrusion_detection",
    "brute_force_blocking",
    "file_integrity",
    "webshell_detection",
    "baseline_check",
    "process_whitelist",
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    level = int(world.params["services"]["2.2.1.6"]["mlps_level"])
    as_of = world.end
    agents = []
    for h in world.hosts:
        installed = world.start - timedelta(days=rng.randint(3, 30))
        agents.append({
            "host_id": h.host_id,
            "product": "HostGuard",
            "version": "6.2.1",
            "status": "active",
            "mlps_level": level,
            "access_control": True,
            "protections": sorted(rng.sample(MODULES, rng.randint(4, len(MODULES)))),
            "installed_at": iso(installed),
            # the console's status history: online since installation, heartbeats to the end
            "last_seen_at": iso(as_of - timedelta(seconds=rng.randint(0, 300))),
            "online": [{"from": iso(installed), "to": None}],
        })
    return {"kind": KIND, "as_of": iso(as_of), "agents": agents}


def plant(world: World, doc: dict[str, Any]) -> None:
    # One agent was stopped; one host runs a baseline one level below the contract's.
    a, b = 7 % len(doc["agents"]), 8 % len(doc["agents"])
    doc["agents"][a]["status"] = "inactive"
    world.breach(
        "2.2.1.6", "host protection agent inactive: host not counted", f"{PATH}#/agents/{a}"
    )
    doc["agents"][b]["mlps_level"] -= 1
    world.breach(
        "2.2.1.6",
        "host protection baseline below MLPS level 3: host not counted",
        f"{PATH}#/agents/{b}",
    )
    # Reading rule 3: one agent went offline on the first day and was never seen again.
    c = 9 % len(doc["agents"])
    day_one = world.start + timedelta(hours=8)
    doc["agents"][c]["last_seen_at"] = iso(day_one)
    doc["agents"][c]["online"] = [{"from": doc["agents"][c]["installed_at"], "to": iso(day_one)}]
    world.breach(
        "2.2.1.6",
        f"host protection agent of {doc['agents'][c]['host_id']} seen on the first day only: "
        "the host is not protected throughout the term",
        f"{PATH}#/agents",
    )
