"""rectification_notices: the supervision provider's notices and Party A's demands.

Compliant year: one supervision notice about S1 done before its deadline, handled properly.
Breaches: a supervision notice about S7 done 2 d 5 h late before the INC-P2 intrusion
followed (Annex 3 row 7, with 12.5 for the late days: one event with INC-P2); Party A's
demand after three failed monthly assessments, not met (Annex 3 row 3); Party A's demand
after two months below the promised ops staff, not met (12.4(3)).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "rectification_notices"
PATH = "liability/rectification_notices.json"
ORDER = 42


def notice(nid: str, by: str, at: Any, due_days: int, done: Any, systems: list[str],
           ground: str = "other", incidents: list[str] | None = None,
           proper: bool | None = True) -> dict[str, Any]:
    return {
        "notice_id": nid,
        "issued_by_role": by,
        "issued_at": iso(at),
        "subject": "rectify the weakness found in the spot check",
        "system_ids": systems,
        "due_at": iso(at + timedelta(days=due_days)),
        "done_at": iso(done) if done is not None else None,
        "handled_properly": proper,
        "incident_ids": incidents or [],
        "ground": ground,
    }


def generate(world: World) -> dict[str, Any]:
    at = world.start + timedelta(days=40, hours=10)
    ok = notice("RN-0001", "supervision_provider", at, 7, at + timedelta(days=3), ["S1"])
    return {"kind": KIND, "as_of": iso(world.end + timedelta(days=30)), "notices": [ok]}


def plant(world: World, doc: dict[str, Any]) -> None:
    rows = doc["notices"]
    notified = world.start + timedelta(days=110, hours=14)  # INC-P2 of incidents.plant
    at = notified - timedelta(days=9)
    rows.append(notice("RN-P1", "supervision_provider", at, 7,
                       at + timedelta(days=9, hours=5), ["S7"], incidents=["INC-P2"], proper=None))
    world.breach("A3.7", "supervision notice RN-P1 on S7 fixed 2 d 5 h late, then the INC-P2 "
                 "intrusion followed (with INC-P2: one event)", f"{PATH}#/notices/{len(rows) - 1}")
    months = world.months()
    after = months[4][0] + timedelta(days=3, hours=10)  # after three failed assessments (months 1-3)
    rows.append(notice("RN-P2", "party_a", after, 14, after + timedelta(days=14, hours=20), ["S5"],
                       ground="A3.3", proper=None))
    world.breach("A3.3", "monthly assessments of months 2-4 failed; Party A's deadline RN-P2 missed by 20 h",
                 f"{PATH}#/notices/{len(rows) - 1}")
    after = months[7][0] + timedelta(days=5, hours=10)
    rows.append(notice("RN-P3", "party_a", after, 10, after + timedelta(days=10, hours=20), [],
                       ground="12.4.3", proper=None))
    world.breach("12.4.3", "ops staff below the promised number in months 6-7; Party A's demand "
                 "RN-P3 met 20 h late", f"{PATH}#/notices/{len(rows) - 1}")
