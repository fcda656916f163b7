"""fiscal_delays: payment delays caused by fiscal allocation (7.3) and Party B's suspensions.

Compliant year: Party A notified a fiscal restriction on the final instalment 3 working
days after acceptance; it was lifted on the 9th working day and the payment (payments kind,
10th working day) followed the next working day. Breaches: Party B slowed its scale-out work on account of the late
first instalment (7.3: 乙方不得因此延迟、拒绝、终止、暂停义务的履行).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time, nth_working_day_after
from checker.generate.kinds.payments import FINAL_PAID_ON
from checker.generate.world import World, iso

KIND = "fiscal_delays"
PATH = "contract/fiscal_delays.json"
ORDER = 52


def _notice(world: World) -> dict[str, Any]:
    accepted: date = world.shared["acceptance_passed_on"]
    notified = nth_working_day_after(accepted, 3)
    final = next(i for i in world.params["instalments"] if i["after"] == "acceptance")
    notice = {
        "notice_id": "FD-0001",
        "instalment": final["id"],
        "issued_by_role": "party_a",
        "notified_at": f"{notified.isoformat()}T10:00:00+08:00",
        "reason": "上级财政拨款未到位 (fiscal allocation not yet released)",
        "restriction_lifted_on": nth_working_day_after(accepted, FINAL_PAID_ON - 1).isoformat(),
    }
    return notice


def generate(world: World) -> dict[str, Any]:
    return {"kind": KIND, "as_of": export_time(world), "notices": [_notice(world)],
            "provider_suspensions": []}


def plant(world: World, doc: dict[str, Any]) -> None:
    doc["notices"] = [_notice(world)]  # the breaches year's acceptance is later
    at = world.start + timedelta(days=35, hours=9)
    doc["provider_suspensions"].append({
        "suspension_id": "SUS-P1", "started_at": iso(at), "ended_at": iso(at + timedelta(days=4)),
        "obligation": "scale-out work", "recorded_by_role": "party_a",
    })
    world.breach("7.3", "Party B suspended scale-out work for 4 days on account of the late first "
                 "instalment", f"{PATH}#/provider_suspensions/0")
