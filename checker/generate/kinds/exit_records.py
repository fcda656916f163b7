"""exit_records: 第十三条. The compliant year: no exit request, no ordered exit, no
renewal, and the switch-over done free within the month after the period.

Breaches: a provider exit request four months before the end, and Party B leaving under an
earlier request Party A never permitted, before the migration was done (13.1); an ordered
exit whose migration took 13 days and whose old data was never erased (13.2); the
switch-over finished five days after the switch-over month ended (民法典 202-203: moved past
National Day) and was charged for (13.3).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time, last_day, period_last_day
from checker.generate.world import World, iso

KIND = "exit_records"
PATH = "contract/exit.json"
ORDER = 58


def generate(world: World) -> dict[str, Any]:
    return {
        "kind": KIND,
        "as_of": export_time(world),
        "provider_exit_requests": [],
        "ordered_exits": [],
        "renewed": False,
        "terminated_on": None,
        "switch_over": {
            "started_at": iso(world.end + timedelta(hours=9)),
            "completed_at": iso(world.end + timedelta(days=21, hours=18)),
            "charged_cny": "0.00",
            "confirmed_by_role": "party_a",
        },
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    months = int(world.params["duties"]["exit_notice_months"])
    submitted = world.end - timedelta(days=30 * (months - 2))
    doc["provider_exit_requests"] = [
        {
            "request_id": "EXIT-1",
            "submitted_at": iso(submitted),
            "written": True,
            "approved_by_party_a": None,
        },
        {
            "request_id": "EXIT-0",
            "submitted_at": iso(world.start + timedelta(days=40, hours=10)),
            "written": True,
            "approved_by_party_a": False,
            "approved_at": None,
            "migration_completed_at": None,
            "left_at": iso(world.start + timedelta(days=260, hours=18)),
        },
    ]
    world.breach(
        "13.1",
        f"provider exit request on {submitted.date()}, less than {months} months before the end",
        f"{PATH}#/provider_exit_requests/0",
    )
    world.breach(
        "13.1",
        "Party B left under exit request EXIT-0 without Party A's permission and before the migration",
        f"{PATH}#/provider_exit_requests/1",
    )
    days = int(world.params["duties"]["ordered_exit_migration_days"])
    asked = world.start + timedelta(days=200, hours=10)
    doc["ordered_exits"] = [
        {
            "order_id": "ORD-1",
            "ordered_at": iso(asked - timedelta(days=2)),
            "migration_requested_at": iso(asked),
            "migration_completed_at": iso(asked + timedelta(days=days + 3)),
            "erasure": None,
        }
    ]
    world.breach(
        "13.2",
        f"ordered exit: migration took {days + 3} days and the old data was never erased",
        f"{PATH}#/ordered_exits/0",
    )
    due = period_last_day(last_day(world), months=int(world.params["duties"]["switch_over_months"]))
    late = due + timedelta(days=5)
    doc["switch_over"].update(
        completed_at=iso(
            world.end.replace(year=late.year, month=late.month, day=late.day, hour=17)
        ),
        charged_cny="18000.00",
    )
    world.breach(
        "13.3",
        f"switch-over completed on {late}, after the switch-over month ended at 24:00 on {due}, "
        "and charged 18000.00",
        f"{PATH}#/switch_over",
    )
