"""China's official working-day calendar, handed to the policies as `data.calendar`.

Deadlines "within N working days" (第六条 2 acceptance, 第七条 2 payments) follow the
State Council's holiday arrangements, with their adjusted working days (调休: a Saturday
or Sunday that is a working day). The calendar comes from the `chinese-calendar` package,
never from a hand list; Python only lists the days, the Rego policies decide
(policies/lib/calendar.rego: the n-th working day after a date).

chinese-calendar knows only the years the State Council has published; a deadline that
runs past the last known year cannot be computed, and the policies say so (a violation)
rather than guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import chinese_calendar


def _supported(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


@cache
def working_days(first: date, last: date) -> tuple[str, ...]:
    """Every working day in [first, last] as YYYY-MM-DD, ascending."""
    return tuple(d.isoformat() for d in chinese_calendar.get_workdays(first, last))


def nth_working_day_after(day: date, n: int) -> date:
    """The n-th working day strictly after `day` (the generator's deadlines); raises
    NotImplementedError past the last year chinese-calendar knows."""
    current, left = day, n
    while left:
        current += timedelta(days=1)
        left -= chinese_calendar.is_workday(current)
    return current


def calendar_data(params: Mapping[str, Any]) -> dict[str, Any]:
    """`data.calendar` for a contract: the working days from the year before the service
    period starts to the year after it ends (acceptance and the final payment fall after
    the period), limited to the years chinese-calendar knows."""
    start = datetime.fromisoformat(params["period"]["start"]).date()
    end = (datetime.fromisoformat(params["period"]["end"]) - timedelta(microseconds=1)).date()
    years = [y for y in range(start.year - 1, end.year + 2) if _supported(y)]
    if not years:
        return {"source": _source(), "first_day": None, "last_day": None, "working_days": []}
    first, last = date(years[0], 1, 1), date(years[-1], 12, 31)
    return {
        "source": _source(),
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "working_days": list(working_days(first, last)),
    }


def _source() -> str:
    version = getattr(chinese_calendar, "__version__", "unknown")
    return f"chinese-calendar {version}"
