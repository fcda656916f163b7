package contract.deliverables.acceptance_timing_test

import data.contract.deliverables.acceptance_timing as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"acceptance": {"within_working_days": 3, "fix_within_days": 15},
}

# the real calendar after the period: 09-03 (Thu), 09-04 (Fri), then 09-07 (Mon)
calendar := {"source": "test", "first_day": "2026-01-01", "last_day": "2026-09-30", "working_days": ["2026-09-01", "2026-09-02", "2026-09-03", "2026-09-04", "2026-09-07", "2026-09-08", "2026-09-09", "2026-09-28", "2026-09-29", "2026-09-30"]}

round(n, submitted, held, result) := {"round": n, "submitted_at": submitted, "held_on": held, "result": result}

evidence(as_of, rounds) := {"acceptance": [{"path": "acc.json", "data": {"kind": "acceptance", "as_of": as_of, "rounds": rounds}}]}

test_success_accepted_on_the_third_working_day if {
	ev := evidence("2026-10-01T00:00:00+08:00", [round(1, "2026-09-03T10:00:00+08:00", "2026-09-07", "pass")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
	policy.measure == {"due": "2026-09-07", "first_held_on": "2026-09-07", "working_days_after_period": 3, "rounds": 1} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_not_applicable_during_the_period if {
	ev := evidence("2026-08-01T00:00:00+08:00", [])
	policy.not_applicable with input.evidence as ev with data.params as params with data.calendar as calendar
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_pending_before_the_deadline if {
	policy.not_applicable with input.evidence as evidence("2026-09-04T18:00:00+08:00", []) with data.params as params with data.calendar as calendar
}

test_fail_acceptance_on_the_fourth_working_day if {
	ev := evidence("2026-10-01T00:00:00+08:00", [round(1, "2026-09-03T10:00:00+08:00", "2026-09-08", "pass")])
	policy.deny == {{"msg": "first acceptance held on 2026-09-08, 4 working days after the period ended on 2026-09-02 (limit 3, due 2026-09-07) [6.2]", "evidence": "acc.json#/rounds/0", "working_days": 4, "due": "2026-09-07"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_no_acceptance_after_the_deadline if {
	policy.deny == {{"msg": "no acceptance held within 3 working days after the period ended on 2026-09-02 (due 2026-09-07) [6.2]", "evidence": "acc.json#/rounds"}} with input.evidence as evidence("2026-09-08T09:00:00+08:00", []) with data.params as params with data.calendar as calendar
}

test_fail_resubmission_after_16_days if {
	ev := evidence("2026-10-10T00:00:00+08:00", [
		round(1, "2026-09-03T10:00:00+08:00", "2026-09-04", "fail"),
		round(2, "2026-09-20T10:00:00+08:00", "2026-09-28", "pass"),
	])
	policy.deny == {{"msg": "acceptance round 1 failed on 2026-09-04; resubmitted on 2026-09-20, 16 days later (limit 15, due 2026-09-19) [6.2]", "evidence": "acc.json#/rounds/1", "days": 16, "due": "2026-09-19"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_failed_round_never_resubmitted if {
	ev := evidence("2026-09-30T00:00:00+08:00", [round(1, "2026-09-03T10:00:00+08:00", "2026-09-04", "fail")])
	policy.deny == {{"msg": "acceptance round 1 failed on 2026-09-04 and was not resubmitted by 2026-09-19 [6.2]", "evidence": "acc.json#/rounds/0"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_calendar_too_short if {
	short := {"source": "chinese-calendar test", "first_day": "2026-01-01", "last_day": "2026-09-04", "working_days": ["2026-09-03", "2026-09-04"]}
	policy.deny == {{"msg": "the working-day calendar (chinese-calendar test) does not reach the acceptance deadline [6.2]", "evidence": "acc.json#/rounds"}} with input.evidence as evidence("2026-09-30T00:00:00+08:00", []) with data.params as params with data.calendar as short
}
