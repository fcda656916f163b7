"""data_access: accesses of Party B's staff to Party A's confidential data (15.3), from the
bastion host and the database audit, over the whole period: a few a week, each by project
staff with a signed agreement and a need-to-know grant for the system, for a work order.
Staff are the confidentiality kind's (those on the project from the start).

Breach: a pre-sales colleague of Party B, not on the project, opened a business database.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.kinds import confidentiality
from checker.generate.world import World, iso

KIND = "data_access"
PATH = "security/data_access.json"
ORDER = 74
PER_YEAR = 300
ACCESS_ROLES = {"dba", "ops_engineer", "security_engineer", "network_engineer"}
SCOPES = ["business database", "application configuration", "application logs", "backup set"]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    start_day = world.start.date().isoformat()
    staff = [
        s
        for s in confidentiality.generate(world)["staff"]
        if s["role"] in ACCESS_ROLES and s["on_project_from"] <= start_day
    ]
    systems = [s["id"] for s in world.systems]
    grants = []
    for s in staff:
        for system in sorted(rng.sample(systems, 3)):
            grants.append(
                {
                    "staff_id": s["staff_id"],
                    "system_id": system,
                    "granted_from": s["on_project_from"],
                    "granted_to": None,
                    "reason": f"{s['role']} on duty for {system}",
                }
            )
    times = sorted(
        world.at(rng, world.start, world.end) for _ in range(world.scaled(PER_YEAR))
    )
    accesses = []
    for n, at in enumerate(times, 1):
        g = rng.choice(grants)
        accesses.append(
            {
                "access_id": f"ACC-{n:05d}",
                "staff_id": g["staff_id"],
                "system_id": g["system_id"],
                "accessed_at": iso(at),
                "data_scope": rng.choice(SCOPES),
                "purpose": {"type": "work_order", "ref": f"WO-{at:%Y%m%d}-{n:05d}"},
                "source": {"tool": "bastion host session log", "log_ref": f"BH-{at:%Y%m%d}-{n:05d}"},
            }
        )
    return {
        "kind": KIND,
        "as_of": iso(world.end + timedelta(days=1)),
        "covers": {"start": iso(world.start), "end": iso(world.end)},
        "need_to_know": grants,
        "accesses": accesses,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    rng = world.rng_for(KIND + ":breaches")
    at = world.at(rng, world.start + timedelta(days=90), world.start + timedelta(days=120))
    system = rng.choice(world.systems)["id"]
    doc["accesses"].append(
        {
            "access_id": "ACC-90001",
            "staff_id": "PRESALES-01",
            "system_id": system,
            "accessed_at": iso(at),
            "data_scope": "business database",
            "purpose": {"type": "work_order", "ref": "WO-DEMO-PREP"},
            "source": {"tool": "database audit", "log_ref": "DBA-AUDIT-90001"},
        }
    )
    world.breach(
        "15.3",
        f"access by PRESALES-01 (not on the project) to {system}'s business database",
        f"{PATH}#/accesses/{len(doc['accesses']) - 1}",
    )
