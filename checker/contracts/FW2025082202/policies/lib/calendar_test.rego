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

# ---- periods in 日 and 个月 (民法典 201-204) --------------------------------------------
# the real official calendar around National Day 2025 and 2026, and February 2026:
# 2025-09-27 Sat rest, 09-28 Sun adjusted working day, 10-01..10-08 holidays, 10-11 Sat
# adjusted working day, 10-12 Sun rest; 2026-10-01..10-07 holidays
periods_calendar := {
	"source": "test",
	"first_day": "2025-09-22",
	"last_day": "2026-10-15",
	"working_days": [
		"2025-09-22", "2025-09-23", "2025-09-24", "2025-09-25", "2025-09-26", "2025-09-28",
		"2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13",
		"2025-10-14", "2025-10-15", "2026-02-26", "2026-02-27", "2026-03-02",
		"2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12",
	],
}

ns(ts) := time.parse_rfc3339_ns(ts)

test_success_days_period_counts_from_the_day_after if {
	# 15 日 from 09-15 (any time of that day): 09-30, a working day
	cal.last_day_of_days("2025-09-15", 15) == "2025-09-30" with data.calendar as periods_calendar
	cal.period_end_days(ns("2025-09-15T23:59:00+08:00"), 15) == ns("2025-10-01T00:00:00+08:00") with data.params as params with data.calendar as periods_calendar
}

test_success_last_day_on_national_day_moves_to_the_first_working_day_after if {
	# 09-16 + 15 = 10-01, a holiday: the period ends on 10-09 (10-01..10-08 are holidays)
	cal.last_day_of_days("2025-09-16", 15) == "2025-10-09" with data.calendar as periods_calendar
	cal.last_day_of_days("2025-09-23", 15) == "2025-10-09" with data.calendar as periods_calendar
	cal.last_day_of_days("2025-09-24", 15) == "2025-10-09" with data.calendar as periods_calendar
	cal.last_day_of_days("2025-09-25", 15) == "2025-10-10" with data.calendar as periods_calendar
}

test_success_last_day_on_a_weekend_moves_to_monday if {
	# 09-27 + 15 = 10-12, a Sunday: 10-13
	cal.last_day_of_days("2025-09-27", 15) == "2025-10-13" with data.calendar as periods_calendar
	cal.rest_day("2025-10-12") with data.calendar as periods_calendar
}

test_success_last_day_on_an_adjusted_working_day_stays if {
	# 09-13 + 15 = 09-28, a Sunday that is a working day (调休): not a 法定休假日
	cal.last_day_of_days("2025-09-13", 15) == "2025-09-28" with data.calendar as periods_calendar
	not cal.rest_day("2025-09-28") with data.calendar as periods_calendar
	# 10-06 + 5 = 10-11, a Saturday that is a working day
	cal.last_day_of_days("2025-10-06", 5) == "2025-10-11" with data.calendar as periods_calendar
}

test_success_on_time_at_24_00_of_the_last_day if {
	end := cal.period_end_days(ns("2025-09-27T10:00:00+08:00"), 15) with data.params as params with data.calendar as periods_calendar
	end == ns("2025-10-14T00:00:00+08:00")
	ns("2025-10-13T23:59:00+08:00") <= end
	ns("2025-10-14T00:00:00+08:00") <= end
	ns("2025-10-13T16:00:00Z") <= end
}

test_fail_late_one_minute_after_24_00 if {
	end := cal.period_end_days(ns("2025-09-27T10:00:00+08:00"), 15) with data.params as params with data.calendar as periods_calendar
	ns("2025-10-14T00:01:00+08:00") > end
}

test_success_event_day_is_the_local_day if {
	# 2025-09-26T17:00Z is 09-27 01:00 in Shanghai: counting starts 09-28
	cal.period_end_days(ns("2025-09-26T17:00:00Z"), 15) == ns("2025-10-14T00:00:00+08:00") with data.params as params with data.calendar as periods_calendar
	# 2025-09-26T15:00Z is 09-26 23:00: counting starts 09-27, 10-11 is an adjusted working day
	cal.period_end_days(ns("2025-09-26T15:00:00Z"), 15) == ns("2025-10-12T00:00:00+08:00") with data.params as params with data.calendar as periods_calendar
}

test_success_month_period_ends_on_the_corresponding_day if {
	cal.month_day("2026-01-31", 1) == "2026-02-28"
	cal.month_day("2026-01-28", 1) == "2026-02-28"
	cal.month_day("2025-12-31", 2) == "2026-02-28"
	cal.month_day("2026-09-02", 1) == "2026-10-02"
	cal.last_day_of_months("2026-01-27", 1) == "2026-02-27" with data.calendar as periods_calendar
	# 02-28 is a Saturday: the period ends on Monday 03-02
	cal.last_day_of_months("2026-01-31", 1) == "2026-03-02" with data.calendar as periods_calendar
}

test_success_month_period_ending_on_national_day if {
	# the term's last day 2026-09-02 + 1 个月 = 10-02, a holiday: the period ends on 10-08
	cal.last_day_of_months("2026-09-02", 1) == "2026-10-08" with data.calendar as periods_calendar
	cal.day_period_end_months("2026-09-02", 1) == ns("2026-10-09T00:00:00+08:00") with data.params as params with data.calendar as periods_calendar
	cal.period_end_months(ns("2026-09-02T12:00:00+08:00"), 1) == ns("2026-10-09T00:00:00+08:00") with data.params as params with data.calendar as periods_calendar
}

test_fail_period_beyond_the_calendar_is_undefined if {
	not cal.last_day_of_days("2026-10-10", 15) with data.calendar as periods_calendar
	not cal.period_end_days(ns("2026-10-10T10:00:00+08:00"), 15) with data.params as params with data.calendar as periods_calendar
}

test_success_natural_days_ignore_the_holiday_rule if {
	# 3.4.d's 7 自然日 (recorded reading): 09-24 + 7 = 10-01 stays 10-01
	cal.natural_period_end_days(ns("2025-09-24T10:00:00+08:00"), 7) == ns("2025-10-02T00:00:00+08:00") with data.params as params
}
