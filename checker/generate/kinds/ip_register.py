"""ip_register: the addresses of every host (registered before the period) and a few
requests of Party A answered during it (9.7).

Breaches: a request for three addresses answered with two; one host's address missing
from the register.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "ip_register"
PATH = "governance/ip_register.json"
ORDER = 55
REQUESTS = 6


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    allocations: list[dict[str, Any]] = [
        {
            "ip": h.ip,
            "system_id": h.system_id,
            "host_id": h.host_id,
            "request_id": None,
            "allocated_at": iso(world.start - timedelta(days=30)),
            "released_at": None,
        }
        for h in world.hosts
    ]
    requests = []
    for n in range(REQUESTS):
        at = world.at(rng, world.start + timedelta(days=10), world.end - timedelta(days=20))
        system = rng.choice(world.systems)["id"]
        count = rng.randint(1, 3)
        rid = f"IPR-{at:%Y%m%d}-{n + 1}"
        requests.append(
            {
                "request_id": rid,
                "requested_at": iso(at),
                "requested_by_role": "party_a",
                "system_id": system,
                "count": count,
            }
        )
        allocations.extend(
            {
                "ip": f"10.{90 + n}.0.{k + 10}",
                "system_id": system,
                "request_id": rid,
                "allocated_at": iso(at + timedelta(hours=rng.randint(2, 30))),
                "released_at": None,
            }
            for k in range(count)
        )
    return {"kind": KIND, "as_of": iso(world.end), "requests": requests, "allocations": allocations}


def plant(world: World, doc: dict[str, Any]) -> None:
    i, req = next((i, r) for i, r in enumerate(doc["requests"]))
    req["count"] = sum(1 for a in doc["allocations"] if a["request_id"] == req["request_id"]) + 1
    world.breach(
        "9.7",
        f"request {req['request_id']} asked for {req['count']} addresses, one was never allocated",
        f"{PATH}#/requests/{i}",
    )
    gone = doc["allocations"].pop(len(world.hosts) // 2)
    world.breach(
        "9.7",
        f"host {gone['host_id']}'s address {gone['ip']} is not in the register",
        "inventory/hosts.json",
    )
