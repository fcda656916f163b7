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

# ---- reading rule 3: the lowest number in service at any instant -----------------
_t(d) := time.parse_rfc3339_ns(sprintf("%sT00:00:00+08:00", [d]))

test_success_lowest_counts_a_replacement_without_gap if {
	# h1 leaves on 2026-03-01, h2 takes over at that instant: two units throughout
	spans := {
		"h0": {[_t("2025-09-03"), _t("2026-09-03")]},
		"h1": {[_t("2025-09-03"), _t("2026-03-01")]},
		"h2": {[_t("2026-03-01"), _t("2026-09-03")]},
	}
	r := lib.lowest(spans) with data.params as window_params
	r.count == 2
}

test_fail_lowest_drops_for_a_gap_of_one_second if {
	spans := {
		"h0": {[_t("2025-09-03"), _t("2026-09-03")]},
		"h1": {[_t("2025-09-03"), _t("2026-03-01")]},
		"h2": {[_t("2026-03-01") + 1000000000, _t("2026-09-03")]},
	}
	r := lib.lowest(spans) with data.params as window_params
	r.count == 1
	r.at == _t("2026-03-01")
}

test_fail_lowest_a_unit_for_one_instant_is_not_a_unit_of_the_term if {
	# old reading: in service two days before the end counted as one host
	spans := {"h0": {[_t("2026-09-01"), _t("2026-09-03")]}}
	r := lib.lowest(spans) with data.params as window_params
	r.count == 0
	r.at == _t("2025-09-03")
}

test_success_lowest_boundaries_at_start_and_end if {
	# from the period start (at), to the period end exclusive: counts
	at := lib.lowest({"h": {lib.window_span("2025-09-03T00:00:00+08:00", "2026-09-03T00:00:00+08:00")}}) with data.params as window_params
	at.count == 1

	# one second late at the start (above): a gap
	late := lib.lowest({"h": {lib.window_span("2025-09-03T00:00:01+08:00", null)}}) with data.params as window_params
	late.count == 0

	# one second early at the start (below): counts
	early := lib.lowest({"h": {lib.window_span("2025-09-02T23:59:59+08:00", null)}}) with data.params as window_params
	early.count == 1

	# ends one second before the period end: a gap
	short := lib.lowest({"h": {lib.window_span("2025-09-01T00:00:00+08:00", "2026-09-02T23:59:59+08:00")}}) with data.params as window_params
	short.count == 0
}

test_success_unit_spans_merge_records_of_one_unit if {
	recs := [
		{"id": "s1", "spans": [[_t("2025-09-03"), _t("2026-01-01")]]},
		{"id": "s1", "spans": [[_t("2025-12-01"), _t("2026-09-03")]]},
	]
	u := lib.unit_spans(recs) with data.params as window_params
	u == {"s1": {[_t("2025-09-03"), _t("2026-09-03")]}}
	r := lib.lowest(u) with data.params as window_params
	r.count == 1
}

test_success_minus_and_intersect if {
	span := [_t("2025-09-03"), _t("2026-09-03")]
	lib.span_minus(span, [[_t("2025-10-03"), _t("2025-11-03")]]) == {[_t("2025-09-03"), _t("2025-10-03")], [_t("2025-11-03"), _t("2026-09-03")]} with data.params as window_params
	lib.span_intersect([span, [_t("2025-10-03"), _t("2027-01-01")]]) == [_t("2025-10-03"), _t("2026-09-03")]
	not lib.span_intersect([[1, 2], [2, 3]])
}

# ---- reading rule 2: n days after an instant ------------------------------------
cal_data := {"first_day": "2025-01-01", "last_day": "2026-12-31", "working_days": ["2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10"]}

test_success_days_deadline_counts_from_the_next_day if {
	# finished 2025-09-26 10:00; 3 days -> the end of 2025-09-29 (a working day)
	d := lib.days_deadline(time.parse_rfc3339_ns("2025-09-26T10:00:00+08:00"), 3) with data.params as window_params with data.calendar as cal_data
	d == _t("2025-09-30")
}

test_success_days_deadline_moves_past_a_holiday if {
	# 2025-09-29 + 3 = 2025-10-02, a National Day holiday: the next working day 2025-10-09
	d := lib.days_deadline(time.parse_rfc3339_ns("2025-09-29T10:00:00+08:00"), 3) with data.params as window_params with data.calendar as cal_data
	d == _t("2025-10-10")
}

test_success_days_deadline_without_calendar_does_not_move if {
	d := lib.days_deadline(time.parse_rfc3339_ns("2025-09-29T10:00:00+08:00"), 3) with data.params as window_params with data.calendar as {}
	d == _t("2025-10-03")
}

# a nanosecond before midnight late in the period is still the earlier day
test_success_days_deadline_is_exact_to_the_nanosecond if {
	t := time.parse_rfc3339_ns("2026-08-03T00:00:00+08:00") - 1
	d := lib.days_deadline(t, 0) with data.params as window_params with data.calendar as {}
	d == _t("2026-08-03")
	lib.days_deadline(t + 1, 0) == _t("2026-08-04") with data.params as window_params with data.calendar as {}
	lib.days_deadline(_t("2025-09-01") + 1, 1) == _t("2025-09-03") with data.params as window_params with data.calendar as {}
}

# ---- edges of the sweep in lowest (one sort of span starts/ends, running count) ------
test_success_lowest_ends_and_starts_at_the_same_ns if {
	# at 2026-03-01 h1 and h3 end and h2 starts: one unit from that instant on
	t := _t("2026-03-01")
	spans := {
		"h1": {[_t("2025-09-03"), t]},
		"h2": {[t, _t("2026-09-03")]},
		"h3": {[_t("2025-09-03"), t]},
	}
	r := lib.lowest(spans) with data.params as window_params
	r == {"count": 1, "at": t}
}

test_success_lowest_of_no_units_and_of_empty_spans if {
	start := _t("2025-09-03")
	lib.lowest({}) == {"count": 0, "at": start} with data.params as window_params
	lib.lowest({"h": set()}) == {"count": 0, "at": start} with data.params as window_params
	lib.lowest({"h": []}) == {"count": 0, "at": start} with data.params as window_params

	# a span of no length, or one ending at the period start, is no instant in service
	lib.lowest({"h": {[_t("2026-01-01"), _t("2026-01-01")]}}) == {"count": 0, "at": start} with data.params as window_params
	lib.lowest({"h": {[_t("2025-01-01"), start]}}) == {"count": 0, "at": start} with data.params as window_params
}

test_fail_lowest_first_instant_of_the_lowest_count if {
	# the count is 1 from 2026-01-01 to 2026-02-01 and 1 again from 2026-05-01: the first
	spans := {
		"h0": {[_t("2025-09-03"), _t("2026-09-03")]},
		"h1": {[_t("2025-09-03"), _t("2026-01-01")], [_t("2026-02-01"), _t("2026-05-01")]},
	}
	r := lib.lowest(spans) with data.params as window_params
	r == {"count": 1, "at": _t("2026-01-01")}
}

test_success_lowest_counts_a_unit_with_overlapping_spans_once if {
	# h0's two spans overlap from 2026-01-01 to 2026-03-01: one unit there, not two, so the
	# count first drops to 1 when h1 leaves (2026-01-01), not when h0's first span ends
	spans := {
		"h0": {[_t("2025-09-03"), _t("2026-03-01")], [_t("2026-01-01"), _t("2026-09-03")]},
		"h1": {[_t("2025-09-03"), _t("2026-01-01")]},
	}
	r := lib.lowest(spans) with data.params as window_params
	r == {"count": 1, "at": _t("2026-01-01")}
}

inventory_input := {"evidence": {"host_inventory": [{"path": "inv.json", "data": {"hosts": [
	{"host_id": "open", "in_service_from": "2025-01-01T00:00:00+08:00", "in_service_to": null},
	{"host_id": "no-end", "in_service_from": "2025-10-01T00:00:00+08:00"},
	{"host_id": "left", "in_service_from": "2025-01-01T00:00:00+08:00", "in_service_to": "2025-09-03T00:00:00+08:00"},
	{"host_id": "stays", "in_service_from": "2025-01-01T00:00:00+08:00", "in_service_to": "2025-09-03T00:00:01+08:00"},
]}}]}}

test_success_hosts_open_ended_and_left_before_the_period if {
	hs := lib.hosts with input as inventory_input
	hs.left == {"host": inventory_input.evidence.host_inventory[0].data.hosts[2], "path": "inv.json", "index": 2}
	lib.host_spans("open") == {[_t("2025-09-03"), _t("2026-09-03")]} with input as inventory_input with data.params as window_params
	lib.host_spans("no-end") == {[_t("2025-10-01"), _t("2026-09-03")]} with input as inventory_input with data.params as window_params

	# leaving at the period start: never in service; one second later: in service
	lib.host_spans("left") == set() with input as inventory_input with data.params as window_params
	not lib.in_service("left") with input as inventory_input with data.params as window_params
	lib.in_service("stays") with input as inventory_input with data.params as window_params
	not lib.in_service("unknown") with input as inventory_input with data.params as window_params
	r := lib.lowest({id: lib.host_spans(id) | some id in ["open", "no-end", "left"]}) with input as inventory_input with data.params as window_params
	r == {"count": 1, "at": _t("2025-09-03")}
}

test_success_hosts_of_an_empty_inventory if {
	lib.hosts == {} with input as {"evidence": {"host_inventory": [{"path": "inv.json", "data": {"hosts": []}}]}}
}

# ---- days_deadline: the working days and the moves are built once ---------------------
test_success_days_deadline_moves_from_a_rest_day_before_the_first_working_day if {
	# 2025-09-25 + 3 = 2025-09-28, before the calendar's first listed working day 2025-09-29
	d := lib.days_deadline(time.parse_rfc3339_ns("2025-09-25T10:00:00+08:00"), 3) with data.params as window_params with data.calendar as cal_data
	d == _t("2025-09-30")

	# boundary: landing on the working day itself (no move), the day after it (a rest day
	# in cal_data: moved to 2025-10-09)
	lib.days_deadline(time.parse_rfc3339_ns("2025-09-26T10:00:00+08:00"), 3) == _t("2025-09-30") with data.params as window_params with data.calendar as cal_data
	lib.days_deadline(time.parse_rfc3339_ns("2025-09-28T10:00:00+08:00"), 3) == _t("2025-10-10") with data.params as window_params with data.calendar as cal_data
	lib.days_deadline(time.parse_rfc3339_ns("2025-10-07T10:00:00+08:00"), 1) == _t("2025-10-10") with data.params as window_params with data.calendar as cal_data
	lib.days_deadline(time.parse_rfc3339_ns("2025-10-09T10:00:00+08:00"), 1) == _t("2025-10-11") with data.params as window_params with data.calendar as cal_data
}

test_success_days_deadline_after_the_last_working_day_is_undefined if {
	# 2025-10-11 is known to the calendar but no working day follows it: no deadline
	not lib.days_deadline(time.parse_rfc3339_ns("2025-10-10T10:00:00+08:00"), 1) with data.params as window_params with data.calendar as cal_data
}

# ceil_div: exact at a boundary of a large count (the float quotient of 200 days + 1 ns
# rounds down to 200 in regorus from about 105 days on), one below and one above
test_success_ceil_div_is_exact_far_from_zero if {
	day := ((24 * 3600) * 1000000000)
	lib.ceil_div(200 * day, day) == 200
	lib.ceil_div((200 * day) + 1, day) == 201
	lib.ceil_div((200 * day) - 1, day) == 200
	lib.ceil_div(0, day) == 0
}

test_fail_ceil_div_of_a_negative_count_is_undefined if {
	not lib.ceil_div(-1, 60)
}
