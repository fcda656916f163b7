package contract.sla.scale_out_test

import data.contract.sla.scale_out as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"sla": {"scale_out_days": 7},
}

req(id, requested, completed) := {"request_id": id, "system_id": "S1", "requested_at": requested, "completed_at": completed}

evidence(reqs, as_of) := {"scale_out": [{"path": "s.json", "data": {"kind": "scale_out", "as_of": as_of, "requests": reqs}}]}

after := "2026-09-10T00:00:00+08:00"

test_success_last_minute_of_the_seventh_natural_day if {
	# requested late on 1 Oct: the 7 natural days are 2-8 Oct, ending at 24:00 on 8 Oct
	reqs := [req("R1", "2025-10-01T23:30:00+08:00", "2025-10-08T23:59:00+08:00")]
	count(policy.deny) == 0 with input.evidence as evidence(reqs, after) with data.params as params
	policy.measure.worst_days == 7 with input.evidence as evidence(reqs, after) with data.params as params
}

test_fail_done_in_nine_days if {
	reqs := [req("R1", "2025-10-01T10:00:00+08:00", "2025-10-08T10:00:00+08:00"), req("R2", "2025-11-03T10:00:00+08:00", "2025-11-12T09:00:00+08:00")]
	policy.deny == {{
		"msg": "scale-out R2 (S1) completed after 9 natural days, limit 7 [3.4.d]",
		"evidence": "s.json#/requests/1",
		"request_id": "R2", "system_id": "S1", "days": 9, "limit_days": 7,
	}} with input.evidence as evidence(reqs, after) with data.params as params
}

test_fail_one_minute_past_midnight_is_a_day_late if {
	# 7 x 24 hours have not passed, but the 8th natural day has begun (Asia/Shanghai)
	reqs := [req("R1", "2025-10-01T23:30:00+08:00", "2025-10-09T00:01:00+08:00")]
	count(policy.deny) == 1 with input.evidence as evidence(reqs, after) with data.params as params
}

test_fail_never_completed if {
	reqs := [req("R1", "2026-08-01T10:00:00+08:00", null)]
	policy.deny == {{
		"msg": "scale-out R1 (S1) not completed 40 natural days after the request, limit 7 [3.4.d]",
		"evidence": "s.json#/requests/0",
		"request_id": "R1", "system_id": "S1", "days": 40, "limit_days": 7,
	}} with input.evidence as evidence(reqs, after) with data.params as params
}

test_success_open_request_not_yet_due if {
	reqs := [req("R1", "2026-09-01T10:00:00+08:00", null)]
	count(policy.deny) == 0 with input.evidence as evidence(reqs, "2026-09-05T00:00:00+08:00") with data.params as params
	policy.measure.pending == 1 with input.evidence as evidence(reqs, "2026-09-05T00:00:00+08:00") with data.params as params
}

# boundaries: done on the 7th natural day (included), the 6th, the 8th
test_success_done_on_the_seventh_day if {
	count(policy.deny) == 0 with input.evidence as evidence([req("R1", "2025-11-03T10:00:00+08:00", "2025-11-10T18:00:00+08:00")], after) with data.params as params
}

test_success_done_on_the_sixth_day if {
	count(policy.deny) == 0 with input.evidence as evidence([req("R1", "2025-11-03T10:00:00+08:00", "2025-11-09T18:00:00+08:00")], after) with data.params as params
}

test_fail_done_on_the_eighth_day if {
	{v.days | some v in policy.deny} == {8} with input.evidence as evidence([req("R1", "2025-11-03T10:00:00+08:00", "2025-11-11T09:00:00+08:00")], after) with data.params as params
}

# the holiday rule (parameter): requested 2025-09-24, the 7th day 2025-10-01 is National Day
calendar := {"first_day": "2025-01-01", "last_day": "2025-12-31", "working_days": ["2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10"]}

holiday_req := [req("R1", "2025-09-24T10:00:00+08:00", "2025-10-09T10:00:00+08:00")]

test_fail_natural_days_do_not_move_off_a_holiday_by_default if {
	{v.days | some v in policy.deny} == {15} with input.evidence as evidence(holiday_req, after) with data.params as params with data.calendar as calendar
}

test_success_with_the_holiday_rule_the_deadline_moves_to_the_next_working_day if {
	moved := object.union(params, {"sla": {"scale_out_days": 7, "natural_days_move_off_holiday": true}})
	count(policy.deny) == 0 with input.evidence as evidence(holiday_req, after) with data.params as moved with data.calendar as calendar
}

test_fail_with_the_holiday_rule_a_day_after_the_moved_deadline if {
	moved := object.union(params, {"sla": {"scale_out_days": 7, "natural_days_move_off_holiday": true}})
	late := [req("R1", "2025-09-24T10:00:00+08:00", "2025-10-10T10:00:00+08:00")]
	{v.days | some v in policy.deny} == {16} with input.evidence as evidence(late, after) with data.params as moved with data.calendar as calendar
}
