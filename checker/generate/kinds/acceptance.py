"""acceptance: Party B's written applications and the acceptance rounds of 第六条 1-2 (6.1,
6.2), whose passing day starts 7.2.2.

Party B applies in writing the day after the period ends; Party A holds acceptance on the
15th working day after the period at 14:00 (China's official calendar, checker.workdays),
inside the 20 allowed, after every material of 6.3 was delivered. Breaches: the first
round fails and is resubmitted two days after the 15 日 (民法典 203: a last day on a
法定休假日 moves to the next working day) ran out (6.2); the second round was applied for
by phone, not in writing (6.1).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import chinese_calendar

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


def period_last_day(day: date, days: int = 0, months: int = 0) -> date:
    """The last day of a period of `days` 日 or `months` 个月 from the event day (民法典 201-203,
    as policies/lib/calendar.rego): the n-th day after it, or the corresponding day n months
    later (that month's last day when it has none), moved to the next working day while it
    is a 法定休假日."""
    if months:
        y, m = divmod(day.month - 1 + months, 12)
        y, m = day.year + y, m + 1
        first_of_next = date(y + (m == 12), m % 12 + 1, 1)
        last = min(day.day, (first_of_next - timedelta(days=1)).day)
        end = date(y, m, last)
    else:
        end = day + timedelta(days=days)
    while not chinese_calendar.is_workday(end):
        end += timedelta(days=1)
    return end


def export_time(world: World) -> str:
    return iso(world.end + timedelta(days=EXPORT_AFTER_DAYS))


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time(), ZONE).replace(hour=hour)


def _application(n: int, submitted: str) -> dict[str, Any]:
    return {
        "application_id": f"APP-{n}",
        "round": n,
        "submitted_at": submitted,
        "written": True,
        "received_by_role": "party_a",
        "materials": ["PLAN-1", "SUMMARY-1"],
    }


def generate(world: World) -> dict[str, Any]:
    held = nth_working_day_after(last_day(world), HELD_ON_WORKING_DAY)
    world.shared["acceptance_passed_on"] = held
    world.shared["acceptance_first_meeting"] = _at(held, 14)
    submitted = iso(_at(last_day(world) + timedelta(days=1), 10))
    return {
        "kind": KIND,
        "as_of": export_time(world),
        "applications": [_application(1, submitted)],
        "rounds": [
            {
                "round": 1,
                "submitted_at": submitted,
                "held_on": held.isoformat(),
                "held_at": iso(_at(held, 14)),
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
    due = period_last_day(failed_on, days=fix_days)
    resubmitted = due + timedelta(days=2)
    held = nth_working_day_after(resubmitted, 2)
    submitted = iso(_at(resubmitted, 10))
    doc["rounds"].append(
        {
            "round": 2,
            "submitted_at": submitted,
            "held_on": held.isoformat(),
            "held_at": iso(_at(held, 14)),
            "result": "pass",
            "signed_by_role": "party_a_project_lead",
        }
    )
    doc["applications"].append({**_application(2, submitted), "written": False})
    world.shared["acceptance_passed_on"] = held
    world.breach(
        "6.2",
        f"acceptance failed on {failed_on}; resubmitted on {resubmitted}, "
        f"after the {fix_days} 日 ended at 24:00 on {due}",
        f"{PATH}#/rounds/1",
    )
    world.breach(
        "6.1",
        "the application for acceptance round 2 was made by phone, not in writing",
        f"{PATH}#/applications/1",
    )
