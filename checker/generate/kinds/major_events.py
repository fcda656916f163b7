"""major_events: assurance periods (重保) Party A declared to Party B (第三条 9)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "major_events"
PATH = "duty/major_events.json"
ORDER = 15

# (id, title, days after the period start, length in days, declared by)
EVENTS = [
    (
        "ME-2026-01",
        "National People's Congress and CPPCC sessions (全国两会) assurance",
        180,
        9,
        "party_a",
    ),
    ("ME-2026-02", "National college entrance examination (高考) assurance", 277, 3, "party_a"),
    ("ME-2026-03", "Provider's internal platform upgrade watch", 120, 1, "party_b"),
]


def generate(world: World) -> dict[str, Any]:
    events = []
    for event_id, title, offset, days, by in EVENTS:
        start = world.start + timedelta(days=offset)
        events.append(
            {
                "event_id": event_id,
                "title": title,
                "start": iso(start),
                "end": iso(start + timedelta(days=days)),
                "declared_by": {"organisation_role": by, "role": "operations director"},
                "declared_at": iso(start - timedelta(days=10, hours=-10)),
                "reference": f"NOTICE-{event_id}",
            }
        )
    world.shared["major_events"] = events
    return {"kind": KIND, "events": events}
