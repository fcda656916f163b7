"""monthly_assessments: Party A's monthly assessment of Party B (Annex 3 row 3).

Compliant year: every service month passed. Breaches: months 2-4 failed (with Party A's
demand RN-P2 of rectification_notices, not met: Annex 3 row 3).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "monthly_assessments"
PATH = "liability/monthly_assessments.json"
ORDER = 41


def generate(world: World) -> dict[str, Any]:
    rows = [
        {
            "month": f"{start:%Y-%m}",
            "system_ids": [s["id"] for s in world.systems],
            "passed": True,
            "assessed_by_role": "party_a",
            "assessed_on": f"{min(end + timedelta(days=5), world.end + timedelta(days=5)):%Y-%m-%d}",
        }
        for start, end in world.months()
    ]
    return {"kind": KIND, "as_of": iso(world.end + timedelta(days=30)), "assessments": rows}


def plant(world: World, doc: dict[str, Any]) -> None:
    for i in (1, 2, 3):
        doc["assessments"][i]["passed"] = False
        doc["assessments"][i]["system_ids"] = ["S5"]
