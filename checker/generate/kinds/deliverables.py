"""deliverables: the documents of 第六条 3 and the special service events.

Implementation plan a week before the start; a monthly report for each service month a
few days into the next month (before the agreed due day); drills, holiday protections and
every major event Party A declared (major_events kind, ORDER 15) each with a special
report a few days after (6.3.3 owes one for every special event the evidence shows); the
summary report after the period, before the first acceptance meeting (the acceptance
kind's: the 15th working day after the period, 14:00).

Breaches: the plan 5 days late (6.3.1); a monthly report missing and one late (6.3.2); no
report for a drill B listed, and none for a major event Party A declared that B did not
list (6.3.3); the summary delivered the day after the first acceptance meeting (6.3.4).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from checker.generate.kinds.acceptance import HELD_ON_WORKING_DAY, last_day, nth_working_day_after
from checker.generate.world import ZONE, World, iso

KIND = "deliverables"
PATH = "deliverables/deliverables.json"
ORDER = 42

# Major events of the 2025-2026 service year (Beijing): holidays and protection periods.
MAJOR_EVENTS = [
    ("ME-NATIONAL-DAY", "国庆节假期保障 National Day holiday", "2025-10-01", "2025-10-08"),
    ("ME-NEW-YEAR", "元旦假期保障 New Year holiday", "2026-01-01", "2026-01-03"),
    ("ME-SPRING-FESTIVAL", "春节假期保障 Spring Festival holiday", "2026-02-15", "2026-02-23"),
    (
        "ME-TWO-SESSIONS",
        "全国两会重保 National Two Sessions protection",
        "2026-03-04",
        "2026-03-11",
    ),
    ("ME-LABOUR-DAY", "劳动节假期保障 Labour Day holiday", "2026-05-01", "2026-05-05"),
]
# Emergency drills (第二条 2(2) 第3项, 第九条 12): days after the start of the period.
DRILLS = [
    ("DR-1", "网络安全应急演练 cybersecurity emergency drill", 75),
    ("DR-2", "数据恢复应急演练 data recovery drill", 255),
]
EXPORT_AFTER_DAYS = 30
SUMMARY_AFTER_DAYS = 8
ACCEPTANCE_HOUR = 14  # the first acceptance meeting, as the acceptance kind holds it


def _local(date: str, hour: int = 0) -> datetime:
    return datetime.fromisoformat(date).replace(hour=hour, tzinfo=ZONE)


def _doc(doc_id: str, title: str, at: datetime, **extra: Any) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "title": title,
        "delivered_at": iso(at),
        "received_by_role": "party_a",
        **extra,
    }


def _next_month(d: datetime) -> tuple[int, int]:
    return (d.year + (d.month == 12), d.month % 12 + 1)


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    due_day = int(world.params["deliverables"]["monthly_report_due_day"])
    monthly = []
    for first, _ in world.months():
        label = f"{first.year}-{first.month:02d}"
        y, m = _next_month(first)
        at = datetime(
            y, m, rng.randint(2, due_day - 2), rng.randint(9, 17), rng.randrange(60), tzinfo=ZONE
        )
        monthly.append(_doc(f"MR-{label}", f"项目月报 {label}", at, month=label))
    events = [
        {
            "event_id": i,
            "type": "major_event",
            "title": t,
            "start": iso(_local(a)),
            "end": iso(_local(b, 23)),
        }
        for i, t, a, b in MAJOR_EVENTS
        if world.start <= _local(a) < world.end
    ]
    for i, t, offset in DRILLS:
        start = (world.start + timedelta(days=offset)).replace(hour=9)
        events.append(
            {
                "event_id": i,
                "type": "drill",
                "title": t,
                "start": iso(start),
                "end": iso(start + timedelta(hours=4)),
            }
        )
    listed = {e["event_id"] for e in events}
    for e in world.shared.get("major_events", []):
        declared = world.start <= datetime.fromisoformat(e["start"]) < world.end
        if declared and e["declared_by"]["organisation_role"] == "party_a" and e["event_id"] not in listed:
            events.append(
                {"event_id": e["event_id"], "type": "major_event", "title": e["title"], "start": e["start"], "end": e["end"]}
            )
    events.sort(key=lambda e: e["start"])
    reports = [
        _doc(
            f"SR-{e['event_id']}",
            f"项目专项服务报告 {e['title']}",
            datetime.fromisoformat(e["end"])
            + timedelta(days=rng.randint(1, 5), hours=rng.randint(1, 8)),
            event_id=e["event_id"],
        )
        for e in events
    ]
    world.shared["special_events"] = events
    return {
        "kind": KIND,
        "as_of": iso(world.end + timedelta(days=EXPORT_AFTER_DAYS)),
        "implementation_plan": _doc(
            "PLAN-1", "项目实施方案", world.start - timedelta(days=6, hours=-10)
        ),
        "monthly_reports": monthly,
        "special_events": events,
        "special_reports": reports,
        "summary_report": _doc(
            "SUMMARY-1", "项目总结报告", world.end + timedelta(days=SUMMARY_AFTER_DAYS, hours=10)
        ),
        "acceptance_at": iso(_first_meeting(world)),
    }


def _first_meeting(world: World) -> datetime:
    held = nth_working_day_after(last_day(world), HELD_ON_WORKING_DAY)
    return datetime.combine(held, datetime.min.time(), ZONE).replace(hour=ACCEPTANCE_HOUR)


def plant(world: World, doc: dict[str, Any]) -> None:
    due_day = int(world.params["deliverables"]["monthly_report_due_day"])
    # 6.3.1: the plan arrived five days into the period
    doc["implementation_plan"]["delivered_at"] = iso(world.start + timedelta(days=5, hours=10))
    world.breach(
        "6.3.1",
        "implementation plan delivered 5 days after the start",
        f"{PATH}#/implementation_plan",
    )
    # 6.3.2: the fifth month's report is missing, the eighth is 3 days late
    reports = doc["monthly_reports"]
    missing = reports[4]["month"]
    late = reports[7]
    y, m = (int(x) for x in late["month"].split("-"))
    y, m = (y + (m == 12), m % 12 + 1)
    late["delivered_at"] = iso(datetime(y, m, due_day + 3, 11, 0, tzinfo=ZONE))
    doc["monthly_reports"] = [r for r in reports if r["month"] != missing]
    world.breach("6.3.2", f"no monthly report for {missing}", f"{PATH}#/monthly_reports")
    world.breach(
        "6.3.2",
        f"monthly report for {late['month']} 3 days late",
        f"{PATH}#/monthly_reports/{doc['monthly_reports'].index(late)}",
    )
    # 6.3.3: the first drill has no special report
    i, drill = next((i, e) for i, e in enumerate(doc["special_events"]) if e["type"] == "drill")
    doc["special_reports"] = [
        r for r in doc["special_reports"] if r["event_id"] != drill["event_id"]
    ]
    world.breach(
        "6.3.3", f"no special report for drill {drill['event_id']}", f"{PATH}#/special_events/{i}"
    )
    # 6.3.3: a major event Party A declared, which B neither lists nor reported
    majors = world.shared.get("major_events", [])
    k, major = next(
        (k, e) for k, e in enumerate(majors) if e["declared_by"]["organisation_role"] == "party_a"
    )
    doc["special_events"] = [e for e in doc["special_events"] if e["event_id"] != major["event_id"]]
    doc["special_reports"] = [
        r for r in doc["special_reports"] if r["event_id"] != major["event_id"]
    ]
    world.breach(
        "6.3.3",
        f"no special report for major event {major['event_id']} Party A declared (B lists it nowhere)",
        f"duty/major_events.json#/events/{k}",
    )
    # 6.3.4: the summary report came the day after the first acceptance meeting
    late = _first_meeting(world) + timedelta(days=1)
    doc["summary_report"]["delivered_at"] = iso(late)
    world.breach(
        "6.3.4",
        f"summary report delivered {iso(late)}, after the first acceptance meeting",
        f"{PATH}#/summary_report",
    )
