"""restart_records: server restarts done for Party A (9.9), each on a written request or
an identity-verified one received shortly before.

Breaches: a restart without any request (9.9). This module also plants the 9.13 breach in
the fault tickets of the `tickets` kind (world.shared["tickets"] is that document's list;
tickets plants first, ORDER 40): a cleared ticket whose written fault report is missing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "restart_records"
PATH = "service/restarts.json"
ORDER = 56
PER_YEAR = 36
TICKETS_PATH = "service/tickets.json"


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    times = sorted(
        world.at(rng, world.start + timedelta(days=1), world.end - timedelta(days=1))
        for _ in range(world.scaled(PER_YEAR))
    )
    restarts = []
    for i, at in enumerate(times):
        host = rng.choice(world.hosts)
        written = rng.random() < 0.8
        restarts.append(
            {
                "restart_id": f"RST-{at:%Y%m%d}-{i + 1:03d}",
                "host_id": host.host_id,
                "system_id": host.system_id,
                "performed_at": iso(at),
                "request": {
                    "ref": f"REQ-{at:%Y%m%d}-{i + 1:03d}",
                    "received_at": iso(at - timedelta(minutes=rng.randint(10, 240))),
                    "requested_by_role": "party_a",
                    "written": written,
                    "identity_verified": not written,
                },
            }
        )
    return {"kind": KIND, "as_of": iso(world.end), "restarts": restarts}


def _used_tickets(world: World) -> set[str]:
    prefix = f"{TICKETS_PATH}#/tickets/"
    return {b.evidence for b in world.breaches if b.evidence.startswith(prefix)}


def plant(world: World, doc: dict[str, Any]) -> None:
    i = len(doc["restarts"]) // 2
    doc["restarts"][i]["request"] = None
    world.breach(
        "9.9",
        f"restart {doc['restarts'][i]['restart_id']} without a request from Party A",
        f"{PATH}#/restarts/{i}",
    )
    tickets: list[dict[str, Any]] | None = world.shared.get("tickets")
    if not tickets:
        return
    used = _used_tickets(world)
    j = next(
        k
        for k in range(len(tickets) // 2, len(tickets))
        if f"{TICKETS_PATH}#/tickets/{k}" not in used and tickets[k].get("resolved_at")
    )
    tickets[j]["closing_report"] = None
    world.breach(
        "9.13",
        f"ticket {tickets[j]['ticket_id']} was cleared but has no written fault report",
        f"{TICKETS_PATH}#/tickets/{j}",
    )
