"""platform_drills: emergency drills Party B ran on the platform itself (10.2.2), each
after Party A's written permission, granted about a week before.

Breach: the second drill's permission is dated two hours after the drill started. Also
records the derived 3.3 breach (a security control of 2.2.2.6-2.2.2.13 planted elsewhere).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso, parse

KIND = "platform_drills"
PATH = "governance/platform_drills.json"
ORDER = 58

DRILLS = [
    ("PD-1", "计算节点宕机切换演练 compute node failover drill", 100),
    ("PD-2", "存储链路中断恢复演练 storage path recovery drill", 220),
]


def generate(world: World) -> dict[str, Any]:
    drills = []
    for drill_id, title, offset in DRILLS:
        start = (world.start + timedelta(days=offset)).replace(hour=1)  # a quiet night hour
        drills.append(
            {
                "drill_id": drill_id,
                "title": title,
                "started_at": iso(start),
                "ended_at": iso(start + timedelta(hours=3)),
                "permission": {
                    "granted_by": {"organisation_role": "party_a", "role": "information office"},
                    "written": True,
                    "granted_at": iso(start - timedelta(days=7, hours=-15)),
                    "reference": f"PERMIT-{drill_id}",
                },
            }
        )
    return {"kind": KIND, "as_of": iso(world.end), "drills": drills}


def plant(world: World, doc: dict[str, Any]) -> None:
    d = doc["drills"][-1]
    d["permission"]["granted_at"] = iso(parse(d["started_at"]) + timedelta(hours=2))
    world.breach(
        "10.2.2",
        f"platform drill {d['drill_id']}: Party A's written permission dated after the drill "
        "started",
        f"{PATH}#/drills/{len(doc['drills']) - 1}/permission",
    )
    # 3.3 has no kind of its own: it is derived from the security controls 2.2.2.6-2.2.2.13,
    # whose breaches (platform_security and security_records, ORDER 20) are planted by now.
    controls = {f"2.2.2.{n}" for n in range(6, 14)}
    for b in list(world.breaches):
        if b.clause in controls:
            world.breach("3.3", f"derived from {b.clause}: {b.description}", b.evidence)
            break
