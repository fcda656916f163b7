"""acceptance: the acceptance rounds of 第六条 2 (6.2), whose passing day starts 7.2.2.

Party B applies the day after the period ends; Party A holds acceptance on the 15th
working day after the period (China's official calendar, checker.workdays), inside the
20 allowed. The breach: the first round fails and is resubmitted 18 days later.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from checker import workdays
from checker.generate.world import ZONE, World, iso

KIND = "acceptance"
PATH = "contract/acceptance.json"
ORDER = 50
EXPORT_AFTER_DAYS = 75  # post-period registers (acceptance, payments, exit) are exported then
HELD_ON_WORKING_DAY = 15


def last_day(world: World) -> date:
    return (world.end - timedelta(seconds=1)).date()


def nth_working_day_after(day: date, n: int) -> date:
    return workdays.nth_working_day_after(day, n)


def export_time(world: World) -> str:
    return iso(world.end + timedelta(days=EXPORT_AFTER_DAYS))


def generate(world: World) -> dict[str, Any]:
    held = nth_working_day_after(last_day(world), HELD_ON_WORKING_DAY)
    world.shared["acceptance_passed_on"] = held
    return {
        "kind": KIND,
        "as_of": export_time(world),
        "rounds": [
            {
                "round": 1,
                "submitted_at": iso(
                    datetime.combine(
                        last_day(world) + timedelta(days=1), datetime.min.time(), ZONE
                    ).replace(hour=10)
                ),
                "held_on": held.isoformat(),
                "result": "pass",
                "signed_by_role": "party_a_project_lead",
            }
        ],
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    first = doc["rounds"][0]
    failed_on = date.fromisoformat(first["held_on"])
    first.update(
        result="fail",
        issues=["项目总结报告 incomplete: summary report lacks the availability figures"],
    )
    fix_days = int(world.params["acceptance"]["fix_within_days"])
    resubmitted = failed_on + timedelta(days=fix_days + 3)
    held = nth_working_day_after(resubmitted, 2)
    doc["rounds"].append(
        {
            "round": 2,
            "submitted_at": iso(
                datetime.combine(resubmitted, datetime.min.time(), ZONE).replace(hour=10)
            ),
            "held_on": held.isoformat(),
            "result": "pass",
            "signed_by_role": "party_a_project_lead",
        }
    )
    world.shared["acceptance_passed_on"] = held
    world.breach(
        "6.2",
        f"acceptance failed on {failed_on}; resubmitted on {resubmitted}, "
        f"{fix_days + 3} days later (limit {fix_days})",
        f"{PATH}#/rounds/1",
    )
