"""major_event_duty: for each major event Party A declared (9.11), the protection plan
agreed with Party A a few days before and on-site duty on the platform in 12-hour
shifts: a project manager or key engineer by day, two engineers by night.

Breach: one night of the first event has no one on site (the duty record is dropped).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso, parse

KIND = "major_event_duty"
PATH = "duty/major_event_duty.json"
ORDER = 22  # after major_events (15) and duty_roster (20)
HALF_DAY = timedelta(hours=12)


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    roster = world.shared.get("duty_roster") or {"staff": []}
    engineers = [s["staff_id"] for s in roster["staff"]] or ["B-OPS-001", "B-OPS-002"]
    events = []
    for ev in world.shared.get("major_events", []):
        if ev["declared_by"]["organisation_role"] != "party_a":
            continue
        start, end = parse(ev["start"]), parse(ev["end"])
        duty = []
        t = start
        while t < end:
            until = min(t + HALF_DAY, end)
            day = t.hour < 12
            # Party B's lead of the day (project_leads: the lead changes after 150 days)
            lead = "B-PM-002" if start >= world.start + timedelta(days=150) else "B-PM-001"
            crew = [(lead, "project manager (管理人员)")] if day else []
            crew += [(e, "key engineer (关键人员)") for e in sorted(rng.sample(engineers, 2))]
            duty += [
                {
                    "staff_id": sid,
                    "role": post,
                    "from": iso(t),
                    "to": iso(until),
                    "location": "platform_site",
                    "sign_in_ref": f"SIGN-{ev['event_id']}-{t:%Y%m%d%H}-{sid}",
                }
                for sid, post in crew
            ]
            t = until
        events.append(
            {
                "event_id": ev["event_id"],
                "plan": {
                    "plan_id": f"PLAN-{ev['event_id']}",
                    "made_with": {"organisation_role": "party_a", "role": "operations director"},
                    "agreed_at": iso(start - timedelta(days=3, hours=-10)),
                    "reference": f"重保方案 {ev['event_id']}",
                },
                "onsite_duty": duty,
            }
        )
    return {"kind": KIND, "as_of": iso(world.end), "events": events}


def plant(world: World, doc: dict[str, Any]) -> None:
    if not doc["events"]:
        return
    ev = doc["events"][0]
    nights = sorted({d["from"] for d in ev["onsite_duty"] if parse(d["from"]).hour >= 12})
    gone = nights[len(nights) // 2]
    ev["onsite_duty"] = [d for d in ev["onsite_duty"] if d["from"] != gone]
    world.breach(
        "9.11",
        f"major event {ev['event_id']}: no one on site for the night from {gone}",
        f"{PATH}#/events/0/onsite_duty",
    )
