"""staff_replacements: Party A's written requests to replace a non-conforming staff member
and Party B's replacements (8.9). The first request is received on the Friday before
National Day: its 5 日 end on a public holiday and move to the first working day after
it (reading rule 2), the day the replacement takes over.

Breach: the second request is met two days after its deadline.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from checker import workdays
from checker.generate.world import ZONE, World, iso, parse

KIND = "staff_replacements"
PATH = "duty/replacements.json"
ORDER = 24

# (days after the period start the request arrives, reason)
REQUESTS = [
    (23, "repeated late arrival on site (现场到达超时)"),
    (200, "did not follow the change procedure (未按变更流程操作)"),
]


def due(received: date, days: int) -> date:
    """Last day of `days` 日 from the day after `received`, moved past a 法定休假日."""
    last = received + timedelta(days=days)
    return workdays.nth_working_day_after(last - timedelta(days=1), 1)


def generate(world: World) -> dict[str, Any]:
    days = int(world.params["duties"]["staff_replacement_days"])
    requests = []
    for n, (offset, reason) in enumerate(REQUESTS, start=1):
        received = (world.start + timedelta(days=offset)).replace(hour=17)
        done = datetime.combine(due(received.date(), days), time(10), ZONE)
        requests.append(
            {
                "request_id": f"RPL-{n}",
                "staff_id": f"B-OPS-{n * 5:03d}",
                "requested_by": {"organisation_role": "party_a", "role": "operations director"},
                "written": True,
                "received_at": iso(received),
                "reason": reason,
                "replaced_at": iso(done),
                "replacement_staff_id": f"B-OPS-{100 + n:03d}",
            }
        )
    return {"kind": KIND, "as_of": iso(world.end), "requests": requests}


def plant(world: World, doc: dict[str, Any]) -> None:
    r = doc["requests"][-1]
    r["replaced_at"] = iso(parse(r["replaced_at"]) + timedelta(days=2))
    world.breach(
        "8.9",
        f"request {r['request_id']}: staff replaced two days after the 5 日 deadline",
        f"{PATH}#/requests/{len(doc['requests']) - 1}",
    )
