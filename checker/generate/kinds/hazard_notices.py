"""hazard_notices: security hazards Party B's monitoring or staff found (3.6.b), each
notified to the role responsible for it within the agreed time and handled.

Breach: one hazard whose responsible role was told 12 minutes after the agreed limit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso, parse

KIND = "hazard_notices"
PATH = "service/hazards.json"
ORDER = 58
PER_YEAR = 24

# (scope, what, responsible organisation role, responsible post)
HAZARDS = [
    ("machine_room", "UPS battery string nearing end of life", "party_b", "machine room manager"),
    ("machine_room", "precision air conditioner humidity alarm", "party_b", "machine room manager"),
    ("hardware", "disk predictive failure (SMART) on a storage node", "party_b", "duty manager"),
    ("hardware", "redundant power supply lost on a compute node", "party_b", "duty manager"),
    ("application", "middleware version with a published high-severity vulnerability",
     "party_a", "system owner"),
    ("application", "weak password policy on an application admin account",
     "party_a", "system owner"),
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    limit = int(world.params["sla"]["hazard_notify_minutes"])
    times = sorted(
        world.at(rng, world.start + timedelta(days=2), world.end - timedelta(days=3))
        for _ in range(world.scaled(PER_YEAR))
    )
    hazards = []
    for i, found in enumerate(times):
        scope, what, org, post = rng.choice(HAZARDS)
        told = found + timedelta(minutes=rng.randint(2, max(2, limit - 5)))
        system = rng.choice(world.systems)["id"] if scope == "application" else None
        item: dict[str, Any] = {
            "hazard_id": f"HZ-{found:%Y%m%d}-{i + 1:03d}",
            "scope": scope,
            "source": "monitoring" if rng.random() < 0.8 else "inspection",
            "summary": what,
            "found_at": iso(found),
            "responsible": {"organisation_role": org, "role": post},
            "notifications": [
                {
                    "to": {"organisation_role": org, "role": post},
                    "notified_at": iso(told),
                    "channel": rng.choice(["phone", "im", "ticket"]),
                    "reference": f"NTF-{found:%Y%m%d}-{i + 1:03d}",
                }
            ],
            "handled_at": iso(told + timedelta(hours=rng.randint(1, 48))),
            "handling": f"HDL-{found:%Y%m%d}-{i + 1:03d}",
        }
        if system:
            item["system_id"] = system
        hazards.append(item)
    return {"kind": KIND, "as_of": iso(world.end), "hazards": hazards}


def plant(world: World, doc: dict[str, Any]) -> None:
    limit = int(world.params["sla"]["hazard_notify_minutes"])
    i = len(doc["hazards"]) // 3
    h = doc["hazards"][i]
    found = parse(h["found_at"])
    h["notifications"][0]["notified_at"] = iso(found + timedelta(minutes=limit + 12))
    h["handled_at"] = iso(found + timedelta(minutes=limit + 12, hours=3))
    world.breach(
        "3.6.b",
        f"hazard {h['hazard_id']}: responsible role told {limit + 12} minutes after it was "
        f"found (limit {limit})",
        f"{PATH}#/hazards/{i}",
    )
