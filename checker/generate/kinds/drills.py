"""drills: the emergency plan and the drills of 9.12, the same two drills (ids, days) as
the special service events of the deliverables register.

Breaches: the second drill has no written report (9.12). This module also records the
9.8 breach the deliverables kind plants for 6.3.2: a service month without any monthly
report is a month without a written service report (deliverables plants first, ORDER 42).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "drills"
PATH = "governance/drills.json"
ORDER = 57
# (id, title, days after the start of the period): as deliverables.DRILLS
DRILLS = [
    ("DR-1", "网络安全应急演练 cybersecurity emergency drill", 75),
    ("DR-2", "数据恢复应急演练 data recovery drill", 255),
]


def generate(world: World) -> dict[str, Any]:
    plan_at = world.start + timedelta(days=20, hours=10)
    plan = {
        "doc_id": "EP-1",
        "title": "信息系统应急预案 emergency plan",
        "delivered_at": iso(plan_at),
        "received_by_role": "party_a",
        "system_ids": [s["id"] for s in world.systems],
        "version": "1.0",
    }
    drills = []
    for drill_id, title, offset in DRILLS:
        start = (world.start + timedelta(days=offset)).replace(hour=9)
        drills.append(
            {
                "drill_id": drill_id,
                "plan_id": "EP-1",
                "title": title,
                "organised_by_role": "party_a",
                "system_ids": [s["id"] for s in world.systems if s["important"]],
                "started_at": iso(start),
                "ended_at": iso(start + timedelta(hours=4)),
                "status": "completed",
                "report_doc_id": f"SR-{drill_id}",
            }
        )
    return {"kind": KIND, "as_of": iso(world.end), "plans": [plan], "drills": drills}


def plant(world: World, doc: dict[str, Any]) -> None:
    last = len(doc["drills"]) - 1
    doc["drills"][last]["report_doc_id"] = None
    world.breach(
        "9.12",
        f"drill {doc['drills'][last]['drill_id']} has no written report",
        f"{PATH}#/drills/{last}",
    )
    world.breach(
        "2.2.2.3",
        f"Party A's drill {doc['drills'][last]['drill_id']}: no record of the assistance given",
        f"{PATH}#/drills/{last}",
    )
    # A third drill Party A organised was called off by Party B (not by Party A): B's fault.
    third = dict(doc["drills"][0], drill_id="DR-3", title="业务连续性应急演练 business continuity drill",
                 status="cancelled", cancelled_by_role="party_b", report_doc_id=None)
    start = (world.start + timedelta(days=300)).replace(hour=9)
    third.update(started_at=iso(start), ended_at=iso(start + timedelta(hours=4)))
    doc["drills"].append(third)
    world.breach("2.2.2.3", "Party A's drill DR-3 was cancelled by Party B, not by Party A",
                 f"{PATH}#/drills/{len(doc['drills']) - 1}")
    for b in list(world.breaches):
        if b.clause == "6.3.2" and b.description.startswith("no monthly report for"):
            month = b.description.rsplit(" ", 1)[-1]
            world.breach("9.8", f"no written service report for service month {month}", b.evidence)
