package contract.lib.calendar_test

import data.contract.lib.calendar as cal

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
}

# a slice of the real 2025 calendar around National Day: 09-28 (Sunday) and 10-11
# (Saturday) are adjusted working days, 10-01..10-08 are holidays
calendar := {
	"first_day": "2025-09-01",
	"last_day": "2025-10-15",
	"working_days": [
		"2025-09-25", "2025-09-26", "2025-09-28", "2025-09-29", "2025-09-30",
		"2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14", "2025-10-15",
	],
}

test_success_date_of_uses_the_contract_zone if {
	cal.date_of("2026-09-02T16:30:00Z") == "2026-09-03" with data.params as params
	cal.date_of("2026-09-02T23:59:59+08:00") == "2026-09-02" with data.params as params
}

test_success_period_days if {
	cal.period_first_day == "2025-09-03" with data.params as params
	cal.period_last_day == "2026-09-02" with data.params as params
}

test_success_day_and_month_arithmetic if {
	cal.add_days("2026-09-02", 15) == "2026-09-17"
	cal.add_days("2025-12-30", 3) == "2026-01-02"
	cal.add_months("2026-09-02", 1) == "2026-10-02"
	cal.add_months("2026-09-03", -6) == "2026-03-03"
	cal.days_between("2026-02-27", "2026-03-02") == 3
	cal.days_between("2026-03-02", "2026-02-27") == -3
}

test_success_working_days_skip_holidays_and_count_adjusted_days if {
	# the first working day after 09-26 is Sunday 09-28 (调休); the 3rd is 09-30;
	# the 4th jumps the holiday to 10-09
	cal.working_day_after("2025-09-26", 1) == "2025-09-28" with data.calendar as calendar
	cal.working_day_after("2025-09-26", 3) == "2025-09-30" with data.calendar as calendar
	cal.working_day_after("2025-09-26", 4) == "2025-10-09" with data.calendar as calendar
	cal.working_days_between("2025-09-26", "2025-10-09") == 4 with data.calendar as calendar
}

test_fail_deadline_beyond_the_calendar_is_undefined if {
	not cal.working_day_after("2025-10-13", 3) with data.calendar as calendar
	not cal.covers("2025-10-16") with data.calendar as calendar
	cal.covers("2025-10-15") with data.calendar as calendar
}

test_success_amounts_in_fen if {
	cal.fen("1512160.00") == 151216000
	cal.fen("0.05") == 5
	cal.fen("0.00") == 0
	cal.cny(151216000) == "1512160.00"
	cal.cny(5) == "0.05"
	cal.sum_fen(["2268240.00", "1512160.00"]) == cal.fen("3780400.00")
}

test_success_windows_covering_the_period_leave_no_gap if {
	ws := [["2024-06-01", "2025-12-31"], ["2026-01-01", "2027-05-31"]]
	cal.gaps(ws) == set() with data.params as params
}

test_fail_gaps_are_reported_as_runs_of_days if {
	ws := [["2025-09-10", "2026-01-31"], ["2026-03-01", "2026-08-31"]]
	cal.gaps(ws) == {["2025-09-03", "2025-09-09"], ["2026-02-01", "2026-02-28"], ["2026-09-01", "2026-09-02"]} with data.params as params
}
