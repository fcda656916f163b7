"""Public holidays of a service period from China's official calendar (chinese-calendar),
handed to the policies as data.calendar.holidays (第三条 9: 重大节假日值班值守).

The calendar package knows the State Council's yearly holiday notices, including the
weekend days inside a holiday block and the adjusted working days (which are not
holidays). Each entry is one local date with its window [00:00, 24:00) in the contract's
time zone, so the policy compares instants and never does date arithmetic itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import chinese_calendar


def holidays_in_period(params: Mapping[str, Any]) -> list[dict[str, str]] | None:
    """Every statutory holiday date that overlaps the period, in date order; None when
    chinese-calendar does not know a year of the period (the policy then says so rather
    than guess: the State Council publishes each year's holidays late in the year before)."""
    zone = ZoneInfo(params["timezone"])
    start = datetime.fromisoformat(params["period"]["start"]).astimezone(zone)
    end = datetime.fromisoformat(params["period"]["end"]).astimezone(zone)
    last = (end - timedelta(microseconds=1)).date()
    try:
        days = chinese_calendar.get_holidays(start.date(), last, include_weekends=False)
    except NotImplementedError:  # the package only knows the years it was released for
        return None
    return [_entry(d, zone) for d in days]


def _entry(day: date, zone: ZoneInfo) -> dict[str, str]:
    _, name = chinese_calendar.get_holiday_detail(day)
    begin = datetime.combine(day, time(), zone)
    return {
        "date": day.isoformat(),
        "name": str(name),
        "start": begin.isoformat(),
        "end": (begin + timedelta(days=1)).isoformat(),
    }
