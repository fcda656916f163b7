package contract.deliverables.acceptance_timing_test

import data.contract.deliverables.acceptance_timing as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"acceptance": {"within_working_days": 3, "fix_within_days": 15},
}

# the official calendar after the period: 09-03 (Thu), 09-04 (Fri), then 09-07 (Mon);
# 09-19 is a Saturday, 09-20 a Sunday that is an adjusted working day, 09-25 Mid-Autumn,
# 10-01..10-07 National Day
calendar := {"source": "chinese-calendar (test slice)", "first_day": "2026-08-20", "last_day": "2026-10-31", "working_days": [
	"2026-08-20", "2026-08-21", "2026-08-24", "2026-08-25", "2026-08-26", "2026-08-27", "2026-08-28", "2026-08-31",
	"2026-09-01", "2026-09-02", "2026-09-03", "2026-09-04", "2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10",
	"2026-09-11", "2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18", "2026-09-20", "2026-09-21",
	"2026-09-22", "2026-09-23", "2026-09-24", "2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09",
	"2026-10-10", "2026-10-12", "2026-10-13", "2026-10-14", "2026-10-15", "2026-10-16", "2026-10-19", "2026-10-20",
	"2026-10-21", "2026-10-22", "2026-10-23", "2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30",
]}

round(n, submitted, held, result) := {"round": n, "submitted_at": submitted, "held_on": held, "result": result}

application(n, at) := {"application_id": sprintf("APP-%d", [n]), "round": n, "submitted_at": at, "written": true, "received_by_role": "party_a"}

evidence(as_of, rounds) := {"acceptance": [{"path": "acc.json", "data": {"kind": "acceptance", "as_of": as_of, "rounds": rounds, "applications": [application(r.round, r.submitted_at) | some r in rounds]}}]}

with_applications(as_of, rounds, apps) := {"acceptance": [{"path": "acc.json", "data": {"kind": "acceptance", "as_of": as_of, "rounds": rounds, "applications": apps}}]}

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

test_fail_acceptance_on_the_fourth_working_day_after_a_timely_application_is_party_a_s_delay if {
	ev := evidence("2026-10-01T00:00:00+08:00", [round(1, "2026-09-03T10:00:00+08:00", "2026-09-08", "pass")])
	policy.deny == {{"msg": "first acceptance held on 2026-09-08, 4 working days after the period ended on 2026-09-02 (limit 3, due 2026-09-07); Party B applied in writing at 2026-09-03T10:00:00+08:00, in time: the delay is Party A's [6.2]", "evidence": "acc.json#/rounds/0", "working_days": 4, "due": "2026-09-07", "answerable": "party_a"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_acceptance_late_because_party_b_applied_late if {
	ev := evidence("2026-10-01T00:00:00+08:00", [round(1, "2026-09-08T00:01:00+08:00", "2026-09-09", "pass")])
	policy.deny == {{"msg": "first acceptance held on 2026-09-09, 5 working days after the period ended on 2026-09-02 (limit 3, due 2026-09-07); Party B's written application came only at 2026-09-08T00:01:00+08:00, after the deadline [6.2]", "evidence": "acc.json#/rounds/0", "working_days": 5, "due": "2026-09-07", "answerable": "party_b"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_no_acceptance_and_no_application_after_the_deadline if {
	policy.deny == {{"msg": "no acceptance held within 3 working days after the period ended on 2026-09-02 (due 2026-09-07); Party B made no written application [6.2]", "evidence": "acc.json#/rounds", "answerable": "party_b"}} with input.evidence as evidence("2026-09-08T09:00:00+08:00", []) with data.params as params with data.calendar as calendar
}

test_fail_no_acceptance_although_party_b_applied if {
	count(policy.deny) == 1 with input.evidence as with_applications("2026-09-08T09:00:00+08:00", [], [application(1, "2026-09-07T23:59:00+08:00")]) with data.params as params with data.calendar as calendar
	{v.answerable | some v in policy.deny} == {"party_a"} with input.evidence as with_applications("2026-09-08T09:00:00+08:00", [], [application(1, "2026-09-07T23:59:00+08:00")]) with data.params as params with data.calendar as calendar
}

test_success_resubmission_on_the_adjusted_working_day_after_a_saturday_deadline if {
	# failed 09-04: 15 日 end on Saturday 09-19, a rest day: the period runs to Sunday 09-20
	# (an adjusted working day) at 24:00; the old natural-day reading flagged this late
	ev := evidence("2026-10-10T00:00:00+08:00", [
		round(1, "2026-09-03T10:00:00+08:00", "2026-09-04", "fail"),
		round(2, "2026-09-20T10:00:00+08:00", "2026-09-28", "pass"),
	])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_resubmission_at_24_00_of_the_last_day if {
	ev := evidence("2026-10-10T00:00:00+08:00", [
		round(1, "2026-09-03T10:00:00+08:00", "2026-09-04", "fail"),
		round(2, "2026-09-21T00:00:00+08:00", "2026-09-28", "pass"),
	])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_resubmission_one_minute_after_24_00 if {
	ev := evidence("2026-10-10T00:00:00+08:00", [
		round(1, "2026-09-03T10:00:00+08:00", "2026-09-04", "fail"),
		round(2, "2026-09-21T00:01:00+08:00", "2026-09-28", "pass"),
	])
	policy.deny == {{"msg": "acceptance round 1 failed on 2026-09-04; resubmitted on 2026-09-21, 17 days later (limit 15 日, due by 24:00 on 2026-09-20) [6.2]", "evidence": "acc.json#/rounds/1", "days": 17, "due": "2026-09-20", "days_late": 1}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_resubmission_deadline_on_national_day_moves_to_10_08 if {
	# failed 09-17: day 15 is 10-02, a holiday; the period ends 10-08 at 24:00
	ev := evidence("2026-10-20T00:00:00+08:00", [
		round(1, "2026-09-03T10:00:00+08:00", "2026-09-17", "fail"),
		round(2, "2026-10-08T18:00:00+08:00", "2026-10-12", "pass"),
	])
	count({v | some v in policy.deny; v.evidence == "acc.json#/rounds/1"}) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_resubmission_reads_the_application_not_the_round if {
	# the round says 09-20, the application record says 09-22: the application counts
	rounds := [round(1, "2026-09-03T10:00:00+08:00", "2026-09-04", "fail"), round(2, "2026-09-20T10:00:00+08:00", "2026-09-28", "pass")]
	ev := with_applications("2026-10-10T00:00:00+08:00", rounds, [application(1, "2026-09-03T10:00:00+08:00"), application(2, "2026-09-22T10:00:00+08:00")])
	{v.due | some v in policy.deny} == {"2026-09-20"} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_failed_round_never_resubmitted if {
	ev := evidence("2026-09-30T00:00:00+08:00", [round(1, "2026-09-03T10:00:00+08:00", "2026-09-04", "fail")])
	policy.deny == {{"msg": "acceptance round 1 failed on 2026-09-04 and was not resubmitted by 24:00 on 2026-09-20 [6.2]", "evidence": "acc.json#/rounds/0"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_calendar_too_short if {
	short := {"source": "chinese-calendar test", "first_day": "2026-01-01", "last_day": "2026-09-04", "working_days": ["2026-09-03", "2026-09-04"]}
	policy.deny == {{"msg": "the working-day calendar (chinese-calendar test) does not reach the acceptance deadline [6.2]", "evidence": "acc.json#/rounds"}} with input.evidence as evidence("2026-09-30T00:00:00+08:00", []) with data.params as params with data.calendar as short
}
