"""cloud_ddos: the site under cloud anti-DDoS protection (2.2.1.13) and attacks mitigated."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "cloud_ddos"
PATH = "security/cloud_ddos.json"
ORDER = 10


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    sites, attacks = [], []
    for n in range(world.scaled(world.quantity("2.2.1.13"))):
        site_id = f"DDOS-{n + 1:02d}"
        sites.append(
            {
                "site_id": site_id,
                "system_id": world.systems[-1]["id"],
                "domain": f"portal-{n + 1}.example.invalid",
                "protected_ips": [f"198.51.100.{10 + n}"],
                "status": "protected",
                "capacity_gbps": 300,
                "service_from": iso(world.start - timedelta(days=rng.randint(1, 20))),
                "service_to": None,
            }
        )
        for k in range(rng.randint(1, 3)):
            at = world.at(rng, world.start, world.end - timedelta(days=1))
            attacks.append(
                {
                    "attack_id": f"{site_id}-X{k + 1}",
                    "site_id": site_id,
                    "started_at": iso(at),
                    "ended_at": iso(at + timedelta(minutes=rng.randint(5, 90))),
                    "peak_gbps": round(rng.uniform(2, 60), 1),
                    "mitigated": True,
                }
            )
    return {
        "kind": KIND,
        "as_of": iso(world.end - timedelta(hours=1)),
        "sites": sites,
        "attacks": attacks,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    lapse = world.start + timedelta(days=180)
    doc["sites"][0]["service_to"] = iso(lapse)
    doc["sites"][0]["status"] = "removed"
    world.breach(
        "2.2.1.13",
        f"the protected site lost cloud anti-DDoS protection on {lapse.date()}",
        f"{PATH}#/sites/0",
    )
