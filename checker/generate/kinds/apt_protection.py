"""apt_protection: cloud APT detection sets (2.2.1.12) and their warnings."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "apt_protection"
PATH = "security/apt_protection.json"
ORDER = 10

TECHNIQUES = [
    ("T1190", "Exploit public-facing application"),
    ("T1071.001", "C2 over web protocols"),
    ("T1105", "Ingress tool transfer"),
    ("T1110", "Brute force"),
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    instances, alerts = [], []
    for n in range(world.scaled(world.quantity("2.2.1.12"))):
        system = world.systems[n % len(world.systems)]["id"]
        instance_id = f"APT-{n + 1:02d}"
        instances.append(
            {
                "instance_id": instance_id,
                "system_id": system,
                "segment": f"10.{20 + int(system[1:])}.{n}.0/24",
                "status": "active",
                "alerting": True,
                "signature_date": (world.end - timedelta(days=2)).date().isoformat(),
                "service_from": iso(world.start - timedelta(days=rng.randint(1, 20))),
                "service_to": None,
            }
        )
        for k in range(rng.randint(1, 4)):
            at = world.at(rng, world.start, world.end)
            technique, title = rng.choice(TECHNIQUES)
            alerts.append(
                {
                    "alert_id": f"{instance_id}-A{k + 1}",
                    "instance_id": instance_id,
                    "detected_at": iso(at),
                    "severity": rng.choice(["critical", "high", "medium"]),
                    "title": title,
                    "technique": technique,
                    "src_ip": f"203.0.113.{rng.randint(1, 254)}",
                    "dst_ip": f"10.{20 + int(system[1:])}.{n}.{rng.randint(2, 250)}",
                    "notified_at": iso(at + timedelta(minutes=rng.randint(1, 15))),
                }
            )
    return {
        "kind": KIND,
        "as_of": iso(world.end - timedelta(hours=1)),
        "instances": instances,
        "alerts": alerts,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    i = 1 % len(doc["instances"])
    doc["instances"][i]["status"] = "bypass"
    world.breach(
        "2.2.1.12",
        "one APT set left in bypass (traffic not inspected): not counted",
        f"{PATH}#/instances/{i}",
    )
