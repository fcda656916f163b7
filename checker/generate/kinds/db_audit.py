"""db_audit: database audit sets (2.2.1.11) and the violations they alerted on."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "db_audit"
PATH = "security/db_audit.json"
ORDER = 10

RULES = [
    "Bulk export of a sensitive table",
    "DROP TABLE outside a change window",
    "Login from an unregistered client",
    "SQL injection pattern",
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    instances, alerts = [], []
    for n in range(world.scaled(world.quantity("2.2.1.11"))):
        system = world.systems[n % len(world.systems)]["id"]
        instance_id = f"DBA-{n + 1:02d}"
        instances.append(
            {
                "instance_id": instance_id,
                "system_id": system,
                "audited_databases": [f"DB-{system}-{n + 1:02d}"],
                "status": "active",
                "recording": True,
                "alerting": True,
                "records_retained_days": 180,
                "service_from": iso(world.start - timedelta(days=rng.randint(1, 20))),
                "service_to": None,
            }
        )
        for k in range(rng.randint(0, 3)):
            at = world.at(rng, world.start, world.end)
            alerts.append(
                {
                    "alert_id": f"{instance_id}-A{k + 1}",
                    "instance_id": instance_id,
                    "detected_at": iso(at),
                    "severity": rng.choice(["high", "medium"]),
                    "rule": rng.choice(RULES),
                    "notified_at": iso(at + timedelta(minutes=rng.randint(1, 10))),
                }
            )
    return {
        "kind": KIND,
        "as_of": iso(world.end - timedelta(hours=1)),
        "instances": instances,
        "alerts": alerts,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    i = 4 % len(doc["instances"])
    doc["instances"][i]["alerting"] = False
    world.breach(
        "2.2.1.11",
        "one database audit set records but never alerts: not counted",
        f"{PATH}#/instances/{i}",
    )
