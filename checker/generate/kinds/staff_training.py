"""staff_training: security and technical training of everyone on Party B's duty roster
(9.4), given in the first weeks of the term, with a mid-term security refresher.

Breach: one engineer's technical training record is missing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "staff_training"
PATH = "duty/training.json"
ORDER = 25  # after duty_roster (20), whose staff it trains


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    roster = world.shared.get("duty_roster") or {"staff": []}
    records: list[dict[str, Any]] = []

    def add(staff_id: str, topic: str, course: str, at: Any) -> None:
        records.append(
            {
                "record_id": f"TR-{len(records) + 1:04d}",
                "staff_id": staff_id,
                "topic": topic,
                "course": course,
                "completed_at": iso(at),
                "hours": 4,
                "assessed": True,
                "reference": f"ATT-{at:%Y%m%d}-{staff_id}",
            }
        )

    for s in roster["staff"]:
        sid = s["staff_id"]
        day = world.start + timedelta(days=rng.randint(1, 20), hours=14)
        add(sid, "security", "政务云安全管理制度与等保三级 security rules, MLPS 3", day)
        day = world.start + timedelta(days=rng.randint(21, 40), hours=14)
        add(sid, "technical", "云平台运维与故障处置 platform ops and faults", day)
        day = world.start + timedelta(days=rng.randint(170, 190), hours=14)
        add(sid, "security", "年中安全复训 mid-term security refresher", day)
    return {"kind": KIND, "as_of": iso(world.end), "records": records}


def plant(world: World, doc: dict[str, Any]) -> None:
    technical = [i for i, r in enumerate(doc["records"]) if r["topic"] == "technical"]
    i = technical[-1]
    dropped = doc["records"].pop(i)
    world.breach(
        "9.4",
        f"staff {dropped['staff_id']} stood duty with no technical training record",
        "duty/roster.json#/shifts",  # the violation cites the roster where they stood duty
    )
