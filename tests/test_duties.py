"""Duties lane of issue 3: 3.4.c, 6.2, 7.2.1-7.2.3, 9.2, 9.6, 9.7, 9.8, 9.9, 9.12, 9.13,
10.2.3, 13.1-13.3, 15.4, 15.5.

Three layers: the Rego tests beside each policy (run by tests/test_policies.py), the
working-day calendar handed to the policies, and generated years: the compliant one passes
every duties clause, the one with planted breaches fails each under its clause.
"""

from __future__ import annotations

from checker import workdays
from checker.catalogue import load_params
from checker.check import policy_data


def test_calendar_lists_adjusted_working_days_and_skips_holidays() -> None:
    cal = workdays.calendar_data(load_params())
    days = set(cal["working_days"])
    assert "2025-09-28" in days  # a Sunday, worked before National Day (调休)
    assert "2026-02-14" in days  # a Saturday, worked before Spring Festival
    assert "2025-10-01" not in days and "2026-02-16" not in days  # National Day, Spring Festival
    assert "2025-09-27" not in days  # an ordinary Saturday
    assert cal["working_days"] == sorted(cal["working_days"])
    assert cal["first_day"] == "2024-01-01"
    assert cal["last_day"] == "2026-12-31"  # the last year chinese-calendar 1.11.0 knows


def test_policies_receive_the_calendar_beside_the_parameters() -> None:
    params = load_params()
    data = policy_data(params)
    assert data["params"] is params
    assert "2026-09-25" not in data["calendar"]["working_days"]  # Mid-Autumn Festival 2026


def test_nth_working_day_after_jumps_national_day_2025() -> None:
    from datetime import date

    # 09-28 (Sunday) is worked, 10-01..10-08 are off, 10-11 (Saturday) is worked
    assert workdays.nth_working_day_after(date(2025, 9, 26), 1) == date(2025, 9, 28)
    assert workdays.nth_working_day_after(date(2025, 9, 26), 4) == date(2025, 10, 9)
    assert workdays.nth_working_day_after(date(2025, 10, 9), 2) == date(2025, 10, 11)
