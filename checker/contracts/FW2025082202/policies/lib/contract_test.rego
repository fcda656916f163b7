package contract.lib_test

import data.contract.lib

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}, "services": {"9.9": {"quantity": 2, "unit": "host"}}}

test_success_in_period_inclusive_start_exclusive_end if {
	lib.in_period("2025-09-03T00:00:00+08:00") with data.params as params
	lib.in_period("2026-09-02T23:59:59+08:00") with data.params as params
	not lib.in_period("2026-09-03T00:00:00+08:00") with data.params as params
	not lib.in_period("2025-09-02T15:59:59Z") with data.params as params
}

test_success_pointer_joins_segments if {
	lib.pointer("a.json", ["scans", 3, "findings"]) == "a.json#/scans/3/findings"
}

test_success_minutes_between if {
	lib.minutes_between("2025-09-03T10:00:00+08:00", "2025-09-03T02:05:00Z") == 5
}

test_fail_shortfall_when_below_quantity if {
	v := lib.shortfall("9.9", 1, "x.json#/hosts") with data.params as params
	v.evidence == "x.json#/hosts"
	contains(v.msg, "shortfall 1")
}

test_success_no_shortfall_at_quantity if {
	not lib.shortfall("9.9", 2, "x.json#/hosts") with data.params as params
}

window_params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

test_success_covers_period_open_and_closed_windows if {
	lib.covers_period("2025-09-01T00:00:00+08:00", null) with data.params as window_params
	lib.covers_period("2025-09-03T00:00:00+08:00", "2026-09-03T00:00:00+08:00") with data.params as window_params
	not lib.covers_period("2025-09-04T00:00:00+08:00", null) with data.params as window_params
	not lib.covers_period("2025-09-01T00:00:00+08:00", "2026-09-02T00:00:00+08:00") with data.params as window_params
}

test_success_overlaps_period if {
	lib.overlaps_period("2026-09-02T23:00:00+08:00", null) with data.params as window_params
	not lib.overlaps_period("2025-01-01T00:00:00+08:00", "2025-09-03T00:00:00+08:00") with data.params as window_params
}

test_success_service_months_are_labelled_in_contract_zone if {
	months := lib.service_months with data.params as window_params
	count(months) == 12
	months[0].label == "2025-09"
	months[4].label == "2026-01"
	months[11].label == "2026-08"
	months[11].end == time.parse_rfc3339_ns("2026-09-03T00:00:00+08:00")
	months[1].start == time.parse_rfc3339_ns("2025-10-03T00:00:00+08:00")
}

test_success_local_time_uses_contract_zone if {
	lib.local_time(time.parse_rfc3339_ns("2025-09-02T16:00:00Z")) == "2025-09-03T00:00:00+08:00" with data.params as window_params
}

# A term starting on the 1st of a month: its UTC date is the last day of the month before,
# so months counted in UTC drift (07-01 + 1 month -> 07-31 local). Counted on the contract's
# clock, every service month starts on the 1st (issue 15: a second contract's term).
july_params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-07-01T00:00:00+08:00", "end": "2026-07-01T00:00:00+08:00", "months": 12}}

test_success_service_months_of_a_term_starting_on_the_first if {
	months := lib.service_months with data.params as july_params
	count(months) == 12
	[m.label | some m in months] == ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
	months[1].start == time.parse_rfc3339_ns("2025-08-01T00:00:00+08:00")
	months[11].end == time.parse_rfc3339_ns("2026-07-01T00:00:00+08:00")
}

test_fail_utc_month_arithmetic_would_drift if {
	start := time.parse_rfc3339_ns("2025-07-01T00:00:00+08:00")
	time.add_date(start, 0, 1, 0) == time.parse_rfc3339_ns("2025-07-31T00:00:00+08:00")
	lib.add_months_local(start, 1) == time.parse_rfc3339_ns("2025-08-01T00:00:00+08:00") with data.params as july_params
}

