package contract.exit.switch_over_test

import data.contract.exit.switch_over as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"switch_over_months": 1}}

# the official calendar, May to November 2026 (National Day 10-01..10-07)
calendar := {"source": "chinese-calendar (test slice)", "first_day": "2026-05-01", "last_day": "2026-11-10", "working_days": [
	"2026-05-06", "2026-05-07", "2026-05-08", "2026-05-09", "2026-05-11", "2026-05-12", "2026-05-13", "2026-05-14",
	"2026-05-15", "2026-05-18", "2026-05-19", "2026-05-20", "2026-05-21", "2026-05-22", "2026-05-25", "2026-05-26",
	"2026-05-27", "2026-05-28", "2026-05-29", "2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-05",
	"2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12", "2026-06-15", "2026-06-16", "2026-06-17",
	"2026-06-18", "2026-06-22", "2026-06-23", "2026-06-24", "2026-06-25", "2026-06-26", "2026-06-29", "2026-06-30",
	"2026-07-01", "2026-07-02", "2026-07-03", "2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10",
	"2026-07-13", "2026-07-14", "2026-07-15", "2026-07-16", "2026-07-17", "2026-07-20", "2026-07-21", "2026-07-22",
	"2026-07-23", "2026-07-24", "2026-07-27", "2026-07-28", "2026-07-29", "2026-07-30", "2026-07-31", "2026-08-03",
	"2026-08-04", "2026-08-05", "2026-08-06", "2026-08-07", "2026-08-10", "2026-08-11", "2026-08-12", "2026-08-13",
	"2026-08-14", "2026-08-17", "2026-08-18", "2026-08-19", "2026-08-20", "2026-08-21", "2026-08-24", "2026-08-25",
	"2026-08-26", "2026-08-27", "2026-08-28", "2026-08-31", "2026-09-01", "2026-09-02", "2026-09-03", "2026-09-04",
	"2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11", "2026-09-14", "2026-09-15", "2026-09-16",
	"2026-09-17", "2026-09-18", "2026-09-20", "2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24", "2026-09-28",
	"2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12", "2026-10-13", "2026-10-14",
	"2026-10-15", "2026-10-16", "2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-26",
	"2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05",
	"2026-11-06", "2026-11-09", "2026-11-10",
]}

evidence(as_of, renewed, terminated, s) := {"exit_records": [{"path": "exit.json", "data": {"kind": "exit_records", "as_of": as_of, "provider_exit_requests": [], "ordered_exits": [], "renewed": renewed, "terminated_on": terminated, "switch_over": s}}]}

sw(done, charged) := {"started_at": "2026-09-03T09:00:00+08:00", "completed_at": done, "charged_cny": charged}

test_success_not_applicable_during_the_period if {
	policy.not_applicable with input.evidence as evidence("2026-08-01T00:00:00+08:00", false, null, null) with data.params as params with data.calendar as calendar
}

test_success_not_applicable_when_renewed if {
	policy.not_applicable with input.evidence as evidence("2026-11-01T00:00:00+08:00", true, null, null) with data.params as params with data.calendar as calendar
}

test_success_last_day_on_national_day_moves_to_the_first_working_day if {
	# 1 个月 from the term's last day 09-02 ends on 10-02, a holiday: the period ends 10-08 at 24:00
	ev := evidence("2026-11-01T00:00:00+08:00", false, null, sw("2026-10-09T00:00:00+08:00", "0.00"))
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
	policy.measure == {"from": "2026-09-02", "due": "2026-10-08"} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_one_minute_after_24_00_of_the_last_day if {
	ev := evidence("2026-11-01T00:00:00+08:00", false, null, sw("2026-10-09T00:01:00+08:00", "0.00"))
	policy.deny == {{"msg": "switch-over completed on 2026-10-09, after the switch-over period from 2026-09-02 ended at 24:00 on 2026-10-08 [13.3]", "evidence": "exit.json#/switch_over", "due": "2026-10-08", "days_late": 1}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_late_and_charged if {
	ev := evidence("2026-11-01T00:00:00+08:00", false, null, sw("2026-10-10T09:00:00+08:00", "12000.00"))
	policy.deny == {
		{"msg": "switch-over completed on 2026-10-10, after the switch-over period from 2026-09-02 ended at 24:00 on 2026-10-08 [13.3]", "evidence": "exit.json#/switch_over", "due": "2026-10-08", "days_late": 2},
		{"msg": "Party B charged 12000.00 for the switch-over, which is free [13.3]", "evidence": "exit.json#/switch_over"},
	} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_early_termination_without_switch_over if {
	ev := evidence("2026-06-09T00:01:00+08:00", false, "2026-05-06", null)
	policy.deny == {{"msg": "no switch-over record; the switch-over period from 2026-05-06 ended at 24:00 on 2026-06-08 [13.3]", "evidence": "exit.json#/switch_over"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_termination_period_on_a_saturday_runs_to_monday if {
	# terminated 05-06: 06-06 is a Saturday, the period runs to Monday 06-08 at 24:00
	ev := evidence("2026-06-09T00:00:00+08:00", false, "2026-05-06", null)
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}
