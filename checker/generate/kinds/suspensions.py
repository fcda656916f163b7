"""suspensions: Party B's suspensions of a system of Party A that endangered the platform
(9.15): rare (one a year), notified in writing within the hour, received by Party A the
next morning, resumed shortly after the event was handled.

Breach: a second suspension notified in writing only two days later.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time
from checker.generate.world import ZONE, World, iso, written_approval

KIND = "suspensions"
PATH = "service/suspensions.json"
ORDER = 71


def _suspension(world: World, n: int, at: datetime, notice_after: timedelta, system: str) -> dict[str, Any]:
    sent = at + notice_after
    local = sent.astimezone(ZONE)
    received = datetime(local.year, local.month, local.day, 9, 0, tzinfo=ZONE) + timedelta(days=1)
    handled = at + timedelta(hours=14)
    ref = f"SUS-N-{at:%Y%m%d}-{n}"
    return {
        "suspension_id": f"SUS-{at:%Y%m%d}-{n}",
        "system_id": system,
        "event": {
            "event_ref": f"SEC-{at:%Y%m%d}-{n}",
            "summary": "compromised host of the tenant system scanning and attacking other tenants",
        },
        "suspended_at": iso(at),
        "notice": {
            "ref": ref,
            "written": True,
            "to_role": "party_a",
            "sent_at": iso(sent),
            "receipt": written_approval("party_a", "information centre duty officer", f"{ref}-R", received),
        },
        "handled_at": iso(handled),
        "resumed_at": iso(handled + timedelta(minutes=40)),
    }


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    day = world.start + timedelta(days=rng.randint(120, 200))
    at = day.replace(hour=20, minute=rng.randrange(60), second=0)
    system = rng.choice(world.systems)["id"]
    return {
        "kind": KIND,
        "as_of": export_time(world),
        "suspensions": [_suspension(world, 1, at, timedelta(minutes=35), system)],
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    rng = world.rng_for(KIND + ":breaches")
    day = world.start + timedelta(days=rng.randint(240, 300))
    at = day.replace(hour=15, minute=10, second=0)
    s = _suspension(world, 2, at, timedelta(days=2), rng.choice(world.systems)["id"])
    doc["suspensions"].append(s)
    world.breach(
        "9.15",
        f"suspension {s['suspension_id']} notified in writing two days later",
        f"{PATH}#/suspensions/{len(doc['suspensions']) - 1}",
    )
