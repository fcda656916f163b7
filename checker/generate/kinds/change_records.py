"""change_records: changes of Party A's system data and publications (9.6), about one a
week, each authorised in writing by Party A hours before.

Breaches: one data change without any authorisation; one publication authorised by
telephone only.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "change_records"
PATH = "governance/changes.json"
ORDER = 54
PER_YEAR = 52
TYPES = [("data_change", 0.5), ("configuration", 0.35), ("publication", 0.15)]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    times = sorted(
        world.at(rng, world.start + timedelta(days=1), world.end - timedelta(days=1))
        for _ in range(world.scaled(PER_YEAR))
    )
    changes = []
    for i, at in enumerate(times):
        kind = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
        changes.append(
            {
                "change_id": f"CHG-{at:%Y%m%d}-{i + 1:03d}",
                "system_id": rng.choice(world.systems)["id"],
                "type": kind,
                "performed_at": iso(at),
                "performed_by_role": "party_b_ops",
                "authorisation": {
                    "ref": f"WO-{at:%Y%m%d}-{i + 1:03d}",
                    "authorised_by_role": "party_a",
                    "authorised_at": iso(at - timedelta(hours=rng.randint(2, 48))),
                    "written": True,
                },
            }
        )
    return {"kind": KIND, "as_of": iso(world.end), "changes": changes}


def plant(world: World, doc: dict[str, Any]) -> None:
    changes = doc["changes"]
    i = len(changes) // 3
    changes[i]["type"] = "data_change"
    changes[i]["authorisation"] = None
    world.breach(
        "9.6",
        f"data change {changes[i]['change_id']} without written authorisation",
        f"{PATH}#/changes/{i}",
    )
    j = 2 * len(changes) // 3
    changes[j]["type"] = "publication"
    changes[j]["authorisation"]["written"] = False
    world.breach(
        "9.6",
        f"publication {changes[j]['change_id']} authorised by telephone only",
        f"{PATH}#/changes/{j}",
    )
