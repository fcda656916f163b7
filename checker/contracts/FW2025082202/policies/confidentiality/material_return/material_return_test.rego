package contract.confidentiality.material_return_test

import data.contract.confidentiality.material_return as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"confidential_return_days": 5}}

# the official calendar around the 2026 Spring Festival (02-15..02-23 holidays, 02-14 and
# 02-28 Saturdays are adjusted working days)
calendar := {"source": "chinese-calendar (test slice)", "first_day": "2026-02-10", "last_day": "2026-03-20", "working_days": [
	"2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25", "2026-02-26",
	"2026-02-27", "2026-02-28", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09",
	"2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19",
	"2026-03-20",
]}

req(id, received, returned) := {"request_id": id, "received_at": received, "written": true, "returned_at": returned}

evidence(as_of, requests) := {"confidentiality": [{"path": "conf.json", "data": {"kind": "confidentiality", "as_of": as_of, "staff": [], "return_requests": requests}}]}

test_success_not_applicable_without_requests if {
	policy.not_applicable with input.evidence as evidence("2026-09-10T00:00:00+08:00", []) with data.params as params with data.calendar as calendar
}

test_success_returned_at_24_00_of_day_5_and_one_pending if {
	# received Friday 02-20 (a holiday): 5 日 end Wednesday 02-25 at 24:00
	ev := evidence("2026-03-04T00:00:00+08:00", [req("CR-1", "2026-02-20T16:00:00+08:00", "2026-02-26T00:00:00+08:00"), req("CR-2", "2026-03-01T10:00:00+08:00", null)])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_last_day_in_the_spring_festival_moves_to_the_first_working_day if {
	# received 02-12: day 5 is 02-17, a holiday; the period ends 02-24 at 24:00
	ev := evidence("2026-03-04T00:00:00+08:00", [req("CR-1", "2026-02-12T16:00:00+08:00", "2026-02-24T18:00:00+08:00")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_last_day_on_a_sunday_moves_to_monday if {
	# received 02-24: day 5 is Sunday 03-01; the period ends Monday 03-02 at 24:00
	ev := evidence("2026-03-10T00:00:00+08:00", [req("CR-1", "2026-02-24T09:00:00+08:00", "2026-03-02T23:59:00+08:00")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_one_minute_after_24_00_of_the_last_day if {
	ev := evidence("2026-03-10T00:00:00+08:00", [req("CR-1", "2026-02-24T09:00:00+08:00", "2026-03-03T00:01:00+08:00")])
	policy.deny == {{"msg": "request CR-1 received on 2026-02-24: material returned on 2026-03-03, 7 days later (limit 5 日, due by 24:00 on 2026-03-02) [15.5]", "evidence": "conf.json#/return_requests/0", "days": 7, "due": "2026-03-02", "days_late": 1}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_last_day_on_an_adjusted_working_day_does_not_move if {
	# received 02-23: day 5 is Saturday 02-28, an adjusted working day: due that day
	ev := evidence("2026-03-10T00:00:00+08:00", [req("CR-1", "2026-02-23T09:00:00+08:00", "2026-03-01T10:00:00+08:00")])
	policy.deny == {{"msg": "request CR-1 received on 2026-02-23: material returned on 2026-03-01, 6 days later (limit 5 日, due by 24:00 on 2026-02-28) [15.5]", "evidence": "conf.json#/return_requests/0", "days": 6, "due": "2026-02-28", "days_late": 1}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_never_returned if {
	ev := evidence("2026-09-10T00:00:00+08:00", [req("CR-2", "2026-03-01T10:00:00+08:00", null)])
	policy.deny == {{"msg": "request CR-2 received on 2026-03-01: material not returned, due by 24:00 on 2026-03-06 [15.5]", "evidence": "conf.json#/return_requests/0"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_calendar_does_not_reach_the_deadline if {
	ev := evidence("2026-09-10T00:00:00+08:00", [req("CR-3", "2026-03-18T10:00:00+08:00", null)])
	policy.deny == {{"msg": "request CR-3 received on 2026-03-18: the official calendar (chinese-calendar (test slice)) does not reach its deadline [15.5]", "evidence": "conf.json#/return_requests/0"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}
