"""ops_staffing: ops staff provided per service month and key staff at major events (12.4).

Compliant year: two more ops staff than promised every month; the promised key and
management staff on site at every major event. Breaches: months 6-7 one below the promised
number (with Party A's demand RN-P3, not met: 12.4(3)).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "ops_staffing"
PATH = "duty/ops_staffing.json"
ORDER = 41


def generate(world: World) -> dict[str, Any]:
    promised = int(world.params["liability"]["termination"]["promised_ops_staff"])
    counts = [
        {"month": f"{start:%Y-%m}", "ops_staff": promised + 2, "confirmed_by_role": "party_a"}
        for start, _ in world.months()
    ]
    attendance = [
        {"event_id": e["event_id"], "staff_id": sid, "role": role, "promised": True, "present": True,
         "confirmed_by_role": "party_a"}
        for e in world.shared.get("major_events", [])
        for sid, role in (("KEY-01", "key"), ("MGR-01", "management"))
    ]
    return {"kind": KIND, "as_of": iso(world.end + timedelta(days=30)),
            "monthly_counts": counts, "key_staff_attendance": attendance}


def plant(world: World, doc: dict[str, Any]) -> None:
    promised = int(world.params["liability"]["termination"]["promised_ops_staff"])
    for i in (5, 6):
        doc["monthly_counts"][i]["ops_staff"] = promised - 1
