package contract.duties.staff_replacement_test

import data.contract.duties.staff_replacement as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"staff_replacement_days": 5}}

# China's official calendar (chinese-calendar 1.11.0) around National Day 2025 and March 2026
calendar := {"first_day": "2025-09-20", "last_day": "2026-03-20", "working_days": ["2025-09-22", "2025-09-23", "2025-09-24", "2025-09-25", "2025-09-26", "2025-09-28", "2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14", "2025-10-15", "2025-10-16", "2025-10-17", "2025-10-20", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19", "2026-03-20"]}

a := {"organisation_role": "party_a", "role": "information office"}

req(id, received, replaced) := {"request_id": id, "staff_id": "B-OPS-003", "requested_by": a, "written": true, "received_at": received, "replaced_at": replaced, "replacement_staff_id": "B-OPS-013"}

ev(as_of, rs) := {"staff_replacements": [{"path": "rep.json", "data": {"kind": "staff_replacements", "as_of": as_of, "requests": rs}}]}

test_success_period_end_day_national_day_moves_to_the_first_working_day if {
	# received Fri 2025-09-26: day 1 is 09-27, day 5 is 10-01 (National Day): ends 10-09
	policy.period_end_day("2025-09-26", 5) == "2025-10-09" with data.calendar as calendar
	# received Wed 2026-03-04: day 5 is Mon 03-09, a working day: it stays
	policy.period_end_day("2026-03-04", 5) == "2026-03-09" with data.calendar as calendar
	# received Mon 2026-03-02: day 5 is Sat 03-07 (weekly rest day): ends Mon 03-09
	policy.period_end_day("2026-03-02", 5) == "2026-03-09" with data.calendar as calendar
}

test_success_not_applicable_without_requests if {
	policy.not_applicable with input.evidence as ev("2026-09-03T00:00:00+08:00", []) with data.params as params with data.calendar as calendar
}

test_success_replaced_on_the_moved_last_day_and_one_day_before if {
	rs := [
		req("R1", "2025-09-26T17:00:00+08:00", "2025-10-09T23:59:00+08:00"),
		req("R2", "2026-03-04T10:00:00+08:00", "2026-03-08T09:00:00+08:00"),
		req("R3", "2026-03-04T10:00:00+08:00", "2026-03-09T18:00:00+08:00"),
	]
	count(policy.deny) == 0 with input.evidence as ev("2026-09-03T00:00:00+08:00", rs) with data.params as params with data.calendar as calendar
}

test_fail_replaced_one_day_after_the_last_day if {
	rs := [
		req("R1", "2025-09-26T17:00:00+08:00", "2025-10-10T09:00:00+08:00"),
		req("R2", "2026-03-04T10:00:00+08:00", "2026-03-10T09:00:00+08:00"),
	]
	policy.deny == {
		{"msg": "request R1 received 2025-09-26: staff B-OPS-003 replaced on 2025-10-10, after the deadline 2025-10-09 (5 日, reading rule 2) [8.9]", "evidence": "rep.json#/requests/0", "due": "2025-10-09", "replaced": "2025-10-10"},
		{"msg": "request R2 received 2026-03-04: staff B-OPS-003 replaced on 2026-03-10, after the deadline 2026-03-09 (5 日, reading rule 2) [8.9]", "evidence": "rep.json#/requests/1", "due": "2026-03-09", "replaced": "2026-03-10"},
	} with input.evidence as ev("2026-09-03T00:00:00+08:00", rs) with data.params as params with data.calendar as calendar
}

test_fail_never_replaced_pending_until_due_and_same_person if {
	rs := [req("R1", "2026-03-04T10:00:00+08:00", null)]
	count(policy.deny) == 0 with input.evidence as ev("2026-03-09T20:00:00+08:00", rs) with data.params as params with data.calendar as calendar
	policy.deny == {{"msg": "request R1 received 2026-03-04: staff B-OPS-003 not replaced, due 2026-03-09 [8.9]", "evidence": "rep.json#/requests/0", "due": "2026-03-09"}} with input.evidence as ev("2026-03-10T00:00:00+08:00", rs) with data.params as params with data.calendar as calendar
	same := [object.union(req("R2", "2026-03-04T10:00:00+08:00", "2026-03-05T10:00:00+08:00"), {"replacement_staff_id": "B-OPS-003"})]
	{v.msg | some v in policy.deny} == {"request R2: the replacement of staff B-OPS-003 names no other person [8.9]"} with input.evidence as ev("2026-09-03T00:00:00+08:00", same) with data.params as params with data.calendar as calendar
}

test_fail_deadline_beyond_the_calendar if {
	rs := [req("R1", "2026-03-19T10:00:00+08:00", "2026-03-20T10:00:00+08:00")]
	{v.msg | some v in policy.deny} == {"request R1 received 2026-03-19: the official calendar does not reach its deadline [8.9]"} with input.evidence as ev("2026-09-03T00:00:00+08:00", rs) with data.params as params with data.calendar as calendar
}
