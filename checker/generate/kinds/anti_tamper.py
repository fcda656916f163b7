"""anti_tamper: web page anti-tampering monitoring points (2.2.1.9) and their alerts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "anti_tamper"
PATH = "security/anti_tamper.json"
ORDER = 10


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    points, alerts = [], []
    for n in range(world.scaled(world.quantity("2.2.1.9"))):
        system = world.systems[n % len(world.systems)]["id"]
        web = [h for h in world.hosts if h.system_id == system] or world.hosts
        host = rng.choice(web)
        point_id = f"WT-{n + 1:02d}"
        points.append(
            {
                "point_id": point_id,
                "system_id": system,
                "url": f"https://{system.lower()}-portal-{n + 1}.example.invalid/",
                "host_id": host.host_id,
                "status": "protected",
                "service_from": iso(world.start - timedelta(days=rng.randint(1, 20))),
                "service_to": None,
            }
        )
        for k in range(rng.randint(0, 2)):
            detected = world.at(rng, world.start, world.end - timedelta(days=1))
            alerts.append(
                {
                    "alert_id": f"{point_id}-A{k + 1}",
                    "point_id": point_id,
                    "detected_at": iso(detected),
                    "severity": "high",
                    "title": "Unauthorised change to a protected file",
                    "file": "/var/www/html/index.html",
                    "restored_at": iso(detected + timedelta(seconds=rng.randint(1, 5))),
                    "notified_at": iso(detected + timedelta(minutes=rng.randint(1, 4))),
                }
            )
    return {
        "kind": KIND,
        "as_of": iso(world.end - timedelta(hours=1)),
        "points": points,
        "alerts": alerts,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    i = 2 % len(doc["points"])
    doc["points"][i]["status"] = "paused"
    world.breach(
        "2.2.1.9",
        "one monitoring point paused: not counted, delivered below 9",
        f"{PATH}#/points/{i}",
    )
